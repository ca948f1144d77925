#pragma once

#include "httpcacheentry.h"
#include "pullrequestfiles.h"
#include "sqlitedatabase.h"

#include "clock.h"
#include "comment.h"
#include "issue.h"
#include "issueevent.h"
#include "label.h"
#include "milestone.h"
#include "pullrequest.h"
#include "release.h"
#include "workflow.h"
#include "workflowjob.h"
#include "workflowrun.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace Mainstay {

// cache.sqlite of one workspace: everything synced from GitHub (see cacheschema.h for the
// layout). Rebuildable: losing it costs a full sync, never user data.
//
// Threading: use an object from the thread that opened it (the GUI thread, where the sync engine
// runs). To load the issue list on a worker thread, call loadIssuesFromFile(cacheFilePath()) there:
// it opens its own read-only connection and sees the last committed state, while this object
// keeps writing (WAL mode).
//
// Transactions: each write method is one transaction. The optional `sync` argument writes sync
// state (watermarks, resume cursors) in that same transaction; a null value removes the key. For
// several writes in one transaction use StoreTransaction. Writes return false on failure (see
// lastError()); reads return empty results on failure.
//
// Values come back as they went in, with these exceptions, all documented at the method:
// loadIssues() leaves `body` and `htmlUrl` empty, lastComments() leaves `body` empty.
class CacheDatabase final : public SqliteDatabase
{
public:
    // Sync state written with data: key -> value; a null value removes the key.
    using SyncValues = QHash<QString, QString>;

    explicit CacheDatabase(const Clock *clock = Clock::system());
    ~CacheDatabase() override;

    // Opens a file prepared by DatabaseFile (WorkspaceStore does both).
    bool open(const QString &path, QString *error);
    // Opens an existing cache file read-only from the calling thread (the object then belongs to
    // it): for loads on a worker thread while the store keeps writing through its own object.
    bool openForReading(const QString &path, QString *error);
    // Loads the issue list through a connection of its own: callable from any thread, any number
    // of times in parallel with the store's own connection. Same result as loadIssues().
    static QList<Issue> loadIssuesFromFile(const QString &path, QString *error = nullptr);

    // Issues and pull requests as GET /issues lists them, keyed by number. Stores the body given
    // (an empty body clears the stored one).
    bool upsertIssues(const QList<Issue> &issues, const SyncValues &sync = {});
    // Transferred or deleted items, with their bodies and pull request details.
    bool removeIssues(const QList<int> &numbers, const SyncValues &sync = {});
    // Every item in number order, without bodies (see issueBody()) and web URLs (see issue()).
    // Labels, users and milestones are shared: items with the same label name share one QString,
    // one QList for the same set.
    QList<Issue> loadIssues() const;
    std::optional<Issue> issue(int number) const; // with its body
    QString issueBody(int number) const;
    int issueCount() const;

    // The pull-request-only fields (pullId, refs, SHAs, size, review and check state, linked
    // issues, draft), keyed by number. The issue-shaped fields are not stored from here: they come
    // from upsertIssues(), since /pulls and GraphQL lack some of them (comment counts, reactions).
    bool upsertPullRequestDetails(const QList<PullRequest> &pulls, const SyncValues &sync = {});
    // Every stored detail, merged over its issue row when there is one (without body); `draft`
    // comes from the details.
    QHash<int, PullRequest> loadPullRequestDetails() const;

    // The paths each pull request changes, keyed by number (for the area labels); removed with
    // the item by removeIssues().
    bool upsertPullRequestFiles(const QList<PullRequestFiles> &files, const SyncValues &sync = {});
    QHash<int, PullRequestFiles> loadPullRequestFiles() const;

    // The repository's labels and milestones, replaced as a whole; loaded in the order given.
    bool replaceLabels(const QList<Label> &labels, const SyncValues &sync = {});
    QList<Label> loadLabels() const;
    bool replaceMilestones(const QList<Milestone> &milestones, const SyncValues &sync = {});
    QList<Milestone> loadMilestones() const;

    // Issue and PR comments, keyed by id.
    bool upsertComments(const QList<Comment> &comments, const SyncValues &sync = {});
    bool removeComments(const QList<qint64> &ids, const SyncValues &sync = {});
    // Oldest first.
    QList<Comment> loadComments(int issueNumber) const;
    // The most recent comment (by createdAt, then id) of every issue that has one, by issue
    // number, without body: "who spoke last".
    QHash<int, Comment> lastComments() const;
    // The first comment (by createdAt) of each author on each issue, without body or web URL,
    // ordered by issue number then time: enough to find who answered an item first (the
    // insights' time to first response) without loading whole threads.
    QList<Comment> firstCommentsByAuthor() const;

    // Repository-wide issue events, keyed by id; oldest first.
    bool upsertIssueEvents(const QList<IssueEvent> &events, const SyncValues &sync = {});
    QList<IssueEvent> loadIssueEvents() const;
    QList<IssueEvent> loadIssueEvents(int issueNumber) const;

    // Releases (drafts included), keyed by id; newest first (createdAt, then id).
    bool replaceReleases(const QList<Release> &releases, const SyncValues &sync = {});
    bool upsertReleases(const QList<Release> &releases, const SyncValues &sync = {});
    bool removeRelease(qint64 id, const SyncValues &sync = {});
    QList<Release> loadReleases() const;

    // Workflows, replaced as a whole, in the order given.
    bool replaceWorkflows(const QList<Workflow> &workflows, const SyncValues &sync = {});
    QList<Workflow> loadWorkflows() const;
    // Workflow runs, keyed by id; a workflow's runs newest first (createdAt, then id).
    bool upsertWorkflowRuns(const QList<WorkflowRun> &runs, const SyncValues &sync = {});
    QList<WorkflowRun> loadWorkflowRuns(qint64 workflowId) const;
    std::optional<WorkflowRun> workflowRun(qint64 id) const;
    // The jobs (with steps) of one attempt of a run, replaced as a whole and loaded in the order
    // given. Each stored job's runId and runAttempt are set to the arguments.
    bool replaceJobs(qint64 runId, int attempt, const QList<WorkflowJob> &jobs,
                     const SyncValues &sync = {});
    QList<WorkflowJob> loadJobs(qint64 runId, int attempt) const;

    // Logins of the repository's maintainers (collaborators with write access), replaced as a
    // whole, in the order given.
    bool replaceMaintainers(const QStringList &logins, const SyncValues &sync = {});
    QStringList loadMaintainers() const;

    // Sync state on its own: watermarks ("issues.since"), resume cursors (the next page URL),
    // timestamps. A null QString when the key is unset.
    QString syncValue(const QString &key) const;
    bool setSyncValue(const QString &key, const QString &value);
    bool setSyncValues(const SyncValues &values);
    bool removeSyncValue(const QString &key);

    // Validators and bodies of GET responses, keyed by the URL's fully encoded form.
    std::optional<HttpCacheEntry> httpCacheEntry(const QUrl &url) const;
    bool storeHttpCacheEntry(const QUrl &url, const HttpCacheEntry &entry);
    bool removeHttpCacheEntry(const QUrl &url);

    // Empties every table, sync state included: the next sync starts from scratch.
    bool clear();

private:
    bool writeSync(const SyncValues &values);
    bool writeIssues(const QList<Issue> &issues);
    bool writePullDetails(const QList<PullRequest> &pulls);
    bool writeComments(const QList<Comment> &comments);
    bool writeIssueEvents(const QList<IssueEvent> &events);
    bool writeReleases(const QList<Release> &releases);
    bool runWrite(const SyncValues &sync, const std::function<bool()> &write);
    bool readFailed(const QString &error) const;

    const Clock *m_clock;
};

} // namespace Mainstay
