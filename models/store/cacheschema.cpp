#include "cacheschema.h"

namespace Mainstay {

namespace {

SchemaMigration version1()
{
    return {
        1,
        {
            QStringLiteral("CREATE TABLE users(ref INTEGER PRIMARY KEY, id INTEGER NOT NULL, "
                           "login TEXT NOT NULL, type TEXT NOT NULL, avatar_url TEXT NOT NULL, "
                           "html_url TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX users_by_id ON users(id, login)"),
            QStringLiteral("CREATE TABLE label_refs(ref INTEGER PRIMARY KEY, id INTEGER NOT NULL, "
                           "name TEXT NOT NULL, color TEXT NOT NULL, description TEXT NOT NULL, "
                           "is_default INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX label_refs_by_id ON label_refs(id, name)"),
            QStringLiteral(
                "CREATE TABLE milestone_refs(ref INTEGER PRIMARY KEY, id INTEGER NOT NULL, "
                "number INTEGER NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, "
                "open INTEGER NOT NULL, open_issues INTEGER NOT NULL, "
                "closed_issues INTEGER NOT NULL, due_on INTEGER)"),
            QStringLiteral("CREATE INDEX milestone_refs_by_id ON milestone_refs(id, number)"),
            // Lists of labels / assignees as they occur on items ("3,17": refs in order).
            QStringLiteral("CREATE TABLE label_sets(ref INTEGER PRIMARY KEY, "
                           "label_refs TEXT NOT NULL UNIQUE)"),
            QStringLiteral("CREATE TABLE user_sets(ref INTEGER PRIMARY KEY, "
                           "user_refs TEXT NOT NULL UNIQUE)"),
            QStringLiteral(
                "CREATE TABLE issues(number INTEGER PRIMARY KEY CHECK(number > 0), "
                "id INTEGER NOT NULL, title TEXT NOT NULL, flags INTEGER NOT NULL, "
                "author INTEGER, labels INTEGER, assignees INTEGER, "
                "milestone INTEGER, comments INTEGER NOT NULL, reactions INTEGER NOT NULL, "
                "created_at INTEGER, updated_at INTEGER, closed_at INTEGER, merged_at INTEGER, "
                "html_url TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE issue_bodies(number INTEGER PRIMARY KEY, body TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE pull_details(number INTEGER PRIMARY KEY CHECK(number > 0), "
                "pull_id INTEGER NOT NULL, base_ref TEXT NOT NULL, head_ref TEXT NOT NULL, "
                "head_sha TEXT NOT NULL, merge_commit_sha TEXT NOT NULL, "
                "additions INTEGER NOT NULL, deletions INTEGER NOT NULL, "
                "changed_files INTEGER NOT NULL, review_decision INTEGER NOT NULL, "
                "check_state INTEGER NOT NULL, linked_issues TEXT NOT NULL, "
                "draft INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE labels(position INTEGER PRIMARY KEY, id INTEGER NOT NULL, "
                           "name TEXT NOT NULL, color TEXT NOT NULL, description TEXT NOT NULL, "
                           "is_default INTEGER NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE milestones(position INTEGER PRIMARY KEY, id INTEGER NOT NULL, "
                "number INTEGER NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, "
                "open INTEGER NOT NULL, open_issues INTEGER NOT NULL, "
                "closed_issues INTEGER NOT NULL, due_on INTEGER)"),
            QStringLiteral("CREATE TABLE comments(id INTEGER PRIMARY KEY, "
                           "issue_number INTEGER NOT NULL, author INTEGER, "
                           "association INTEGER NOT NULL, body TEXT NOT NULL, "
                           "created_at INTEGER, updated_at INTEGER, html_url TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE INDEX comments_by_issue ON comments(issue_number, created_at, id)"),
            QStringLiteral("CREATE TABLE issue_events(id INTEGER PRIMARY KEY, "
                           "issue_number INTEGER NOT NULL, event TEXT NOT NULL, actor INTEGER, "
                           "created_at INTEGER, label_name TEXT NOT NULL, "
                           "state_reason TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE INDEX issue_events_by_issue ON issue_events(issue_number, created_at, id)"),
            QStringLiteral("CREATE TABLE releases(id INTEGER PRIMARY KEY, tag_name TEXT NOT NULL, "
                           "name TEXT NOT NULL, body TEXT NOT NULL, "
                           "target_commitish TEXT NOT NULL, draft INTEGER NOT NULL, "
                           "prerelease INTEGER NOT NULL, author INTEGER, created_at INTEGER, "
                           "published_at INTEGER, html_url TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE workflows(position INTEGER PRIMARY KEY, "
                           "id INTEGER NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL, "
                           "state TEXT NOT NULL, html_url TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE workflow_runs(id INTEGER PRIMARY KEY, workflow_id INTEGER NOT NULL, "
                "name TEXT NOT NULL, display_title TEXT NOT NULL, path TEXT NOT NULL, "
                "head_branch TEXT NOT NULL, head_sha TEXT NOT NULL, event TEXT NOT NULL, "
                "run_number INTEGER NOT NULL, run_attempt INTEGER NOT NULL, "
                "status INTEGER NOT NULL, conclusion INTEGER NOT NULL, created_at INTEGER, "
                "updated_at INTEGER, run_started_at INTEGER, html_url TEXT NOT NULL, "
                "actor INTEGER)"),
            QStringLiteral(
                "CREATE INDEX workflow_runs_by_workflow ON workflow_runs(workflow_id, created_at)"),
            // Steps are a small JSON array per job: they are only ever read with their job.
            QStringLiteral(
                "CREATE TABLE workflow_jobs(run_id INTEGER NOT NULL, run_attempt INTEGER NOT NULL, "
                "position INTEGER NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL, "
                "workflow_name TEXT NOT NULL, head_branch TEXT NOT NULL, "
                "head_sha TEXT NOT NULL, status INTEGER NOT NULL, conclusion INTEGER NOT NULL, "
                "created_at INTEGER, started_at INTEGER, completed_at INTEGER, "
                "html_url TEXT NOT NULL, runner_name TEXT NOT NULL, labels TEXT NOT NULL, "
                "steps TEXT NOT NULL, PRIMARY KEY(run_id, run_attempt, position)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE maintainers(position INTEGER PRIMARY KEY, "
                           "login TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE sync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL) "
                           "WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE http_cache(url TEXT PRIMARY KEY, etag BLOB NOT NULL, "
                           "last_modified BLOB NOT NULL, body BLOB NOT NULL, "
                           "stored_at INTEGER NOT NULL)"),
        }};
}

// The Link header joins the validators: a page answered 304 must still say where the next page
// is, and a 304 need not repeat Link.
SchemaMigration version2()
{
    return {2,
            {QStringLiteral("ALTER TABLE http_cache ADD COLUMN link BLOB NOT NULL DEFAULT X''")}};
}

// The files each pull request changes, for the area labels: one row per pull request with the
// head commit they were read at (a push makes them stale) and whether every page was read.
// Paths are one text, newline-separated: they are only ever read all at once.
SchemaMigration version3()
{
    return {3,
            {QStringLiteral("CREATE TABLE pull_files(number INTEGER PRIMARY KEY CHECK(number > 0), "
                            "head_sha TEXT NOT NULL, complete INTEGER NOT NULL, "
                            "paths TEXT NOT NULL)")}};
}

} // namespace

const Schema &cacheSchema()
{
    static const Schema schema(QStringLiteral("cache"), {version1(), version2(), version3()});
    return schema;
}

} // namespace Mainstay
