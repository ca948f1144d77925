#include "githubjsonwriter.h"

#include "isodatetime.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

// The shapes follow GitHub's REST payloads (the examples in GitHub's OpenAPI description), with
// the url fields a client might follow built from apiBase and repo the way api.github.com builds
// them. Fields the value types do not carry get the values GitHub sends for an ordinary object
// (no reactions but the total, no assets, not site_admin, ...). Nullable fields are written as
// null rather than left out, as GitHub does, so that strict readers see the documented shape.

namespace Mainstay::GitHubJsonWriter {

namespace {

QJsonValue dateOrNull(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(toIsoString(dateTime)) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// GitHub's legacy global node ids: base64 of "0<length of type>:<Type><database id>".
QString nodeId(QStringView type, qint64 id)
{
    const QString raw =
        u'0' + QString::number(type.size()) + u':' + type.toString() + QString::number(id);
    return QString::fromLatin1(raw.toUtf8().toBase64());
}

QString trimmedBase(const QString &apiBase)
{
    QString base = apiBase;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

// The web root that belongs to an API root: api.github.com -> github.com, an Enterprise
// "https://host/api/v3" -> "https://host", anything else (a loopback server) serves both.
QString webBase(const QString &apiBase)
{
    QString base = trimmedBase(apiBase);
    if (base.endsWith("/api/v3"_L1))
        return base.chopped(7);
    QUrl url(base);
    if (url.host() == "api.github.com"_L1) {
        url.setHost(u"github.com"_s);
        return url.toString();
    }
    return base;
}

QString repoApi(const QString &apiBase, const QString &repo)
{
    return trimmedBase(apiBase) + "/repos/"_L1 + repo;
}

QString encodeSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

// Users carry no API root of their own: derive it from their html_url, whose host is the web
// root of the same server.
QString userApiUrl(const User &user)
{
    QUrl web(user.htmlUrl);
    if (!web.isValid() || web.host().isEmpty())
        return "https://api.github.com/users/"_L1 + user.login;
    const QString origin = web.scheme() + "://"_L1 + web.authority();
    if (web.host() == "github.com"_L1)
        return "https://api.github.com/users/"_L1 + user.login;
    return origin + "/api/v3/users/"_L1 + user.login;
}

QJsonValue userOrNull(const User &user)
{
    return user.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(toJson(user));
}

QJsonArray usersArray(const QList<User> &users)
{
    QJsonArray array;
    for (const User &user : users)
        array.append(toJson(user));
    return array;
}

QJsonObject reactionsObject(const QString &url, int total)
{
    QJsonObject reactions{{u"url"_s, url},    {u"total_count"_s, total}, {u"+1"_s, total},
                          {u"-1"_s, 0},       {u"laugh"_s, 0},           {u"hooray"_s, 0},
                          {u"confused"_s, 0}, {u"heart"_s, 0},           {u"rocket"_s, 0},
                          {u"eyes"_s, 0}};
    return reactions;
}

QJsonObject labelObject(const Label &label, const QString &apiBase, const QString &repo)
{
    QJsonObject object = toJson(label);
    object.insert(u"url"_s,
                  QString(repoApi(apiBase, repo) + "/labels/"_L1 + encodeSegment(label.name)));
    return object;
}

QJsonArray labelsArray(const QList<Label> &labels, const QString &apiBase, const QString &repo)
{
    QJsonArray array;
    for (const Label &label : labels)
        array.append(labelObject(label, apiBase, repo));
    return array;
}

QJsonValue milestoneOrNull(const SharedOptional<Milestone> &milestone, const QString &apiBase,
                           const QString &repo)
{
    if (!milestone)
        return QJsonValue::Null;
    QJsonObject object = toJson(*milestone);
    const QString url =
        repoApi(apiBase, repo) + "/milestones/"_L1 + QString::number(milestone->number);
    object.insert(u"url"_s, url);
    object.insert(u"labels_url"_s, url + "/labels"_L1);
    object.insert(u"html_url"_s, webBase(apiBase) + u'/' + repo + "/milestone/"_L1 +
                                     QString::number(milestone->number));
    return object;
}

QString stateReasonString(Issue::StateReason reason)
{
    switch (reason) {
    case Issue::StateReason::Completed:
        return u"completed"_s;
    case Issue::StateReason::NotPlanned:
        return u"not_planned"_s;
    case Issue::StateReason::Reopened:
        return u"reopened"_s;
    case Issue::StateReason::None:
        break;
    }
    return {};
}

// The part of a repository object that nested payloads (pull request bases, runs) carry.
QJsonObject repositoryStub(const QString &apiBase, const QString &repo)
{
    const QString owner = repo.section(u'/', 0, 0);
    const QString name = repo.section(u'/', 1);
    const QString web = webBase(apiBase);
    const QJsonObject ownerObject{
        {u"login"_s, owner},
        {u"id"_s, 1},
        {u"node_id"_s, nodeId(u"Organization", 1)},
        {u"avatar_url"_s, QString(web + u'/' + owner + ".png"_L1)},
        {u"gravatar_id"_s, u""_s},
        {u"url"_s, QString(trimmedBase(apiBase) + "/users/"_L1 + owner)},
        {u"html_url"_s, QString(web + u'/' + owner)},
        {u"type"_s, u"Organization"_s},
        {u"site_admin"_s, false},
    };
    return QJsonObject{
        {u"id"_s, 1},
        {u"node_id"_s, nodeId(u"Repository", 1)},
        {u"name"_s, name},
        {u"full_name"_s, repo},
        {u"private"_s, false},
        {u"owner"_s, ownerObject},
        {u"html_url"_s, QString(web + u'/' + repo)},
        {u"url"_s, repoApi(apiBase, repo)},
        {u"fork"_s, false},
    };
}

} // namespace

QJsonObject toJson(const User &user)
{
    const QString api = userApiUrl(user);
    return QJsonObject{
        {u"login"_s, user.login},
        {u"id"_s, user.id},
        {u"node_id"_s, nodeId(user.type == "Bot"_L1 ? u"Bot" : u"User", user.id)},
        {u"avatar_url"_s, user.avatarUrl},
        {u"gravatar_id"_s, u""_s},
        {u"url"_s, api},
        {u"html_url"_s, user.htmlUrl},
        {u"followers_url"_s, QString(api + "/followers"_L1)},
        {u"following_url"_s, QString(api + "/following{/other_user}"_L1)},
        {u"gists_url"_s, QString(api + "/gists{/gist_id}"_L1)},
        {u"starred_url"_s, QString(api + "/starred{/owner}{/repo}"_L1)},
        {u"subscriptions_url"_s, QString(api + "/subscriptions"_L1)},
        {u"organizations_url"_s, QString(api + "/orgs"_L1)},
        {u"repos_url"_s, QString(api + "/repos"_L1)},
        {u"events_url"_s, QString(api + "/events{/privacy}"_L1)},
        {u"received_events_url"_s, QString(api + "/received_events"_L1)},
        {u"type"_s, user.type},
        {u"site_admin"_s, false},
    };
}

QJsonObject toJson(const Label &label)
{
    return QJsonObject{
        {u"id"_s, label.id},
        {u"node_id"_s, nodeId(u"Label", label.id)},
        {u"name"_s, label.name},
        {u"color"_s, label.color},
        {u"default"_s, label.isDefault},
        {u"description"_s, stringOrNull(label.description)},
    };
}

QJsonObject toJson(const Milestone &milestone)
{
    return QJsonObject{
        {u"id"_s, milestone.id},
        {u"node_id"_s, nodeId(u"Milestone", milestone.id)},
        {u"number"_s, milestone.number},
        {u"state"_s, milestone.open ? u"open"_s : u"closed"_s},
        {u"title"_s, milestone.title},
        {u"description"_s, stringOrNull(milestone.description)},
        {u"creator"_s, QJsonValue::Null},
        {u"open_issues"_s, milestone.openIssues},
        {u"closed_issues"_s, milestone.closedIssues},
        // The value type has no timestamps of its own; GitHub requires them.
        {u"created_at"_s, u"2021-01-01T00:00:00Z"_s},
        {u"updated_at"_s, u"2021-01-01T00:00:00Z"_s},
        {u"closed_at"_s, QJsonValue::Null},
        {u"due_on"_s, dateOrNull(milestone.dueOn)},
    };
}

QJsonObject toJson(const Issue &issue, const QString &apiBase, const QString &repo)
{
    const QString api = repoApi(apiBase, repo);
    const QString url = api + "/issues/"_L1 + QString::number(issue.number);
    const QString web = webBase(apiBase) + u'/' + repo;
    QJsonObject object{
        {u"id"_s, issue.id},
        {u"node_id"_s, nodeId(issue.isPullRequest ? u"PullRequest" : u"Issue", issue.id)},
        {u"url"_s, url},
        {u"repository_url"_s, api},
        {u"labels_url"_s, QString(url + "/labels{/name}"_L1)},
        {u"comments_url"_s, QString(url + "/comments"_L1)},
        {u"events_url"_s, QString(url + "/events"_L1)},
        {u"timeline_url"_s, QString(url + "/timeline"_L1)},
        {u"html_url"_s, issue.htmlUrl},
        {u"number"_s, issue.number},
        {u"state"_s, issue.isOpen() ? u"open"_s : u"closed"_s},
        {u"state_reason"_s, stringOrNull(stateReasonString(issue.stateReason))},
        {u"title"_s, issue.title},
        {u"body"_s, stringOrNull(issue.body)},
        {u"user"_s, userOrNull(issue.author)},
        {u"labels"_s, labelsArray(issue.labels, apiBase, repo)},
        {u"assignee"_s,
         issue.assignees.isEmpty() ? QJsonValue(QJsonValue::Null) : toJson(issue.assignees[0])},
        {u"assignees"_s, usersArray(issue.assignees)},
        {u"milestone"_s, milestoneOrNull(issue.milestone, apiBase, repo)},
        {u"locked"_s, issue.locked},
        {u"active_lock_reason"_s, QJsonValue::Null},
        {u"comments"_s, issue.commentCount},
        {u"created_at"_s, dateOrNull(issue.createdAt)},
        {u"updated_at"_s, dateOrNull(issue.updatedAt)},
        {u"closed_at"_s, dateOrNull(issue.closedAt)},
        {u"author_association"_s, toString(issue.authorAssociation)},
        {u"reactions"_s, reactionsObject(url + "/reactions"_L1, issue.reactionCount)},
        {u"performed_via_github_app"_s, QJsonValue::Null},
    };
    if (issue.isPullRequest) {
        object.insert(u"draft"_s, issue.draft);
        const QString pullUrl = web + "/pull/"_L1 + QString::number(issue.number);
        object.insert(u"pull_request"_s,
                      QJsonObject{
                          {u"url"_s, QString(api + "/pulls/"_L1 + QString::number(issue.number))},
                          {u"html_url"_s, pullUrl},
                          {u"diff_url"_s, QString(pullUrl + ".diff"_L1)},
                          {u"patch_url"_s, QString(pullUrl + ".patch"_L1)},
                          {u"merged_at"_s, dateOrNull(issue.mergedAt)},
                      });
    }
    return object;
}

QJsonObject toJson(const PullRequest &pull, const QString &apiBase, const QString &repo)
{
    const QString api = repoApi(apiBase, repo);
    const QString number = QString::number(pull.number);
    const QString url = api + "/pulls/"_L1 + number;
    const QString issueUrl = api + "/issues/"_L1 + number;
    const QString htmlUrl = pull.htmlUrl;
    const QString statusesUrl = api + "/statuses/"_L1 + pull.headSha;
    const QString owner = repo.section(u'/', 0, 0);
    const QJsonObject repository = repositoryStub(apiBase, repo);
    const QJsonObject head{
        {u"label"_s, QString(owner + u':' + pull.headRef)},
        {u"ref"_s, pull.headRef},
        {u"sha"_s, pull.headSha},
        {u"user"_s, userOrNull(pull.author)},
        {u"repo"_s, repository},
    };
    const QJsonObject base{
        {u"label"_s, QString(owner + u':' + pull.baseRef)},
        {u"ref"_s, pull.baseRef},
        {u"sha"_s, pull.mergeCommitSha.isEmpty() ? pull.headSha : pull.mergeCommitSha},
        {u"user"_s, repository.value(u"owner"_s)},
        {u"repo"_s, repository},
    };
    auto link = [](const QString &href) { return QJsonObject{{u"href"_s, href}}; };
    QJsonObject object{
        {u"url"_s, url},
        {u"id"_s, pull.pullId},
        {u"node_id"_s, nodeId(u"PullRequest", pull.pullId)},
        {u"html_url"_s, htmlUrl},
        {u"diff_url"_s, QString(htmlUrl + ".diff"_L1)},
        {u"patch_url"_s, QString(htmlUrl + ".patch"_L1)},
        {u"issue_url"_s, issueUrl},
        {u"commits_url"_s, QString(url + "/commits"_L1)},
        {u"review_comments_url"_s, QString(url + "/comments"_L1)},
        {u"review_comment_url"_s, QString(api + "/pulls/comments{/number}"_L1)},
        {u"comments_url"_s, QString(issueUrl + "/comments"_L1)},
        {u"statuses_url"_s, statusesUrl},
        {u"number"_s, pull.number},
        {u"state"_s, pull.isOpen() ? u"open"_s : u"closed"_s},
        {u"locked"_s, pull.locked},
        {u"title"_s, pull.title},
        {u"user"_s, userOrNull(pull.author)},
        {u"body"_s, stringOrNull(pull.body)},
        {u"labels"_s, labelsArray(pull.labels, apiBase, repo)},
        {u"milestone"_s, milestoneOrNull(pull.milestone, apiBase, repo)},
        {u"active_lock_reason"_s, QJsonValue::Null},
        {u"created_at"_s, dateOrNull(pull.createdAt)},
        {u"updated_at"_s, dateOrNull(pull.updatedAt)},
        {u"closed_at"_s, dateOrNull(pull.closedAt)},
        {u"merged_at"_s, dateOrNull(pull.mergedAt)},
        {u"merge_commit_sha"_s, stringOrNull(pull.mergeCommitSha)},
        {u"assignee"_s,
         pull.assignees.isEmpty() ? QJsonValue(QJsonValue::Null) : toJson(pull.assignees[0])},
        {u"assignees"_s, usersArray(pull.assignees)},
        {u"requested_reviewers"_s, QJsonArray()},
        {u"requested_teams"_s, QJsonArray()},
        {u"head"_s, head},
        {u"base"_s, base},
        {u"_links"_s,
         QJsonObject{
             {u"self"_s, link(url)},
             {u"html"_s, link(htmlUrl)},
             {u"issue"_s, link(issueUrl)},
             {u"comments"_s, link(issueUrl + "/comments"_L1)},
             {u"review_comments"_s, link(url + "/comments"_L1)},
             {u"review_comment"_s, link(api + "/pulls/comments{/number}"_L1)},
             {u"commits"_s, link(url + "/commits"_L1)},
             {u"statuses"_s, link(statusesUrl)},
         }},
        {u"author_association"_s, toString(pull.authorAssociation)},
        {u"auto_merge"_s, QJsonValue::Null},
        {u"draft"_s, pull.draft},
        {u"merged"_s, pull.isMerged()},
        {u"mergeable"_s, QJsonValue::Null},
        {u"rebaseable"_s, QJsonValue::Null},
        {u"mergeable_state"_s, u"unknown"_s},
        {u"merged_by"_s, QJsonValue::Null},
        {u"comments"_s, pull.commentCount},
        {u"review_comments"_s, 0},
        {u"maintainer_can_modify"_s, false},
        {u"commits"_s, 1},
    };
    // Counts the pulls list omits stay out rather than being written as -1.
    if (pull.additions >= 0)
        object.insert(u"additions"_s, pull.additions);
    if (pull.deletions >= 0)
        object.insert(u"deletions"_s, pull.deletions);
    if (pull.changedFiles >= 0)
        object.insert(u"changed_files"_s, pull.changedFiles);
    return object;
}

QJsonObject toJson(const Comment &comment, const QString &apiBase, const QString &repo)
{
    const QString api = repoApi(apiBase, repo);
    const QString url = api + "/issues/comments/"_L1 + QString::number(comment.id);
    QJsonObject object{
        {u"id"_s, comment.id},
        {u"node_id"_s, nodeId(u"IssueComment", comment.id)},
        {u"url"_s, url},
        {u"html_url"_s, comment.htmlUrl},
        {u"body"_s, comment.body},
        {u"user"_s, userOrNull(comment.author)},
        {u"created_at"_s, dateOrNull(comment.createdAt)},
        {u"updated_at"_s, dateOrNull(comment.updatedAt)},
        {u"issue_url"_s, comment.issueNumber > 0
                             ? api + "/issues/"_L1 + QString::number(comment.issueNumber)
                             : api + "/issues"_L1},
        {u"author_association"_s, toString(comment.authorAssociation)},
        {u"reactions"_s, reactionsObject(url + "/reactions"_L1, 0)},
        {u"performed_via_github_app"_s, QJsonValue::Null},
    };
    return object;
}

QJsonObject toJson(const Release &release, const QString &apiBase, const QString &repo)
{
    const QString api = repoApi(apiBase, repo);
    const QString url = api + "/releases/"_L1 + QString::number(release.id);
    const QString web = webBase(apiBase) + u'/' + repo;
    const QString tag = encodeSegment(release.tagName);
    return QJsonObject{
        {u"url"_s, url},
        {u"html_url"_s, release.htmlUrl},
        {u"assets_url"_s, QString(url + "/assets"_L1)},
        {u"upload_url"_s, url + "/assets{?name,label}"_L1},
        {u"tarball_url"_s,
         release.draft ? QJsonValue(QJsonValue::Null) : QJsonValue(api + "/tarball/"_L1 + tag)},
        {u"zipball_url"_s,
         release.draft ? QJsonValue(QJsonValue::Null) : QJsonValue(api + "/zipball/"_L1 + tag)},
        {u"id"_s, release.id},
        {u"node_id"_s, nodeId(u"Release", release.id)},
        {u"tag_name"_s, release.tagName},
        {u"target_commitish"_s, release.targetCommitish},
        {u"name"_s, stringOrNull(release.name)},
        {u"body"_s, stringOrNull(release.body)},
        {u"draft"_s, release.draft},
        {u"prerelease"_s, release.prerelease},
        {u"created_at"_s, dateOrNull(release.createdAt)},
        {u"published_at"_s, dateOrNull(release.publishedAt)},
        {u"author"_s, userOrNull(release.author)},
        {u"assets"_s, QJsonArray()},
        {u"discussion_url"_s, QJsonValue::Null},
        {u"mentions_count"_s, 0},
        {u"web_tarball_url"_s, QString(web + "/archive/refs/tags/"_L1 + tag + ".tar.gz"_L1)},
    };
}

QJsonObject toJson(const Workflow &workflow, const QString &apiBase, const QString &repo)
{
    const QString url =
        repoApi(apiBase, repo) + "/actions/workflows/"_L1 + QString::number(workflow.id);
    const QString file = workflow.path.section(u'/', -1);
    // The value type has no timestamps; GitHub requires them, so a fixed, plausible pair stands in.
    return QJsonObject{
        {u"id"_s, workflow.id},
        {u"node_id"_s, nodeId(u"Workflow", workflow.id)},
        {u"name"_s, workflow.name},
        {u"path"_s, workflow.path},
        {u"state"_s, workflow.state},
        {u"created_at"_s, u"2021-01-01T00:00:00Z"_s},
        {u"updated_at"_s, u"2021-01-01T00:00:00Z"_s},
        {u"url"_s, url},
        {u"html_url"_s, workflow.htmlUrl},
        {u"badge_url"_s,
         webBase(apiBase) + u'/' + repo + "/workflows/"_L1 + file + "/badge.svg"_L1},
    };
}

QJsonObject toJson(const WorkflowRun &run, const QString &apiBase, const QString &repo)
{
    const QString api = repoApi(apiBase, repo);
    const QString url = api + "/actions/runs/"_L1 + QString::number(run.id);
    const QJsonObject repository = repositoryStub(apiBase, repo);
    const QJsonValue actor = userOrNull(run.actor);
    return QJsonObject{
        {u"id"_s, run.id},
        {u"name"_s, stringOrNull(run.name)},
        {u"node_id"_s, nodeId(u"WorkflowRun", run.id)},
        {u"check_suite_id"_s, run.id + 1},
        {u"check_suite_node_id"_s, QString(nodeId(u"CheckSuite", run.id + 1))},
        {u"head_branch"_s, stringOrNull(run.headBranch)},
        {u"head_sha"_s, run.headSha},
        {u"path"_s, run.path},
        {u"display_title"_s, run.displayTitle},
        {u"run_number"_s, run.runNumber},
        {u"event"_s, run.event},
        {u"status"_s, stringOrNull(toString(run.status))},
        {u"conclusion"_s, stringOrNull(toString(run.conclusion))},
        {u"workflow_id"_s, run.workflowId},
        {u"url"_s, url},
        {u"html_url"_s, run.htmlUrl},
        {u"pull_requests"_s, QJsonArray()},
        {u"created_at"_s, dateOrNull(run.createdAt)},
        {u"updated_at"_s, dateOrNull(run.updatedAt)},
        {u"actor"_s, actor},
        {u"triggering_actor"_s, actor},
        {u"run_attempt"_s, run.runAttempt},
        {u"referenced_workflows"_s, QJsonArray()},
        {u"run_started_at"_s, dateOrNull(run.runStartedAt)},
        {u"jobs_url"_s, QString(url + "/jobs"_L1)},
        {u"logs_url"_s, QString(url + "/logs"_L1)},
        {u"check_suite_url"_s, QString(api + "/check-suites/"_L1 + QString::number(run.id + 1))},
        {u"artifacts_url"_s, QString(url + "/artifacts"_L1)},
        {u"cancel_url"_s, QString(url + "/cancel"_L1)},
        {u"rerun_url"_s, QString(url + "/rerun"_L1)},
        {u"previous_attempt_url"_s,
         run.runAttempt > 1
             ? QJsonValue(url + "/attempts/"_L1 + QString::number(run.runAttempt - 1))
             : QJsonValue(QJsonValue::Null)},
        {u"workflow_url"_s,
         QString(api + "/actions/workflows/"_L1 + QString::number(run.workflowId))},
        {u"head_commit"_s,
         QJsonObject{
             {u"id"_s, run.headSha},
             {u"tree_id"_s, run.headSha},
             {u"message"_s, run.displayTitle},
             {u"timestamp"_s, dateOrNull(run.createdAt)},
             {u"author"_s,
              QJsonObject{{u"name"_s, run.actor.login},
                          {u"email"_s, QString(run.actor.login + "@users.noreply.github.com"_L1)}}},
             {u"committer"_s,
              QJsonObject{{u"name"_s, u"GitHub"_s}, {u"email"_s, u"noreply@github.com"_s}}},
         }},
        {u"repository"_s, repository},
        {u"head_repository"_s, repository},
    };
}

QJsonObject toJson(const WorkflowJob &job, const QString &apiBase, const QString &repo)
{
    const QString api = repoApi(apiBase, repo);
    QJsonArray steps;
    for (const WorkflowStep &step : job.steps)
        steps.append(QJsonObject{
            {u"name"_s, step.name},
            {u"status"_s, toString(step.status)},
            {u"conclusion"_s, stringOrNull(toString(step.conclusion))},
            {u"number"_s, step.number},
            {u"started_at"_s, dateOrNull(step.startedAt)},
            {u"completed_at"_s, dateOrNull(step.completedAt)},
        });
    QJsonArray labels;
    for (const QString &label : job.labels)
        labels.append(label);
    const bool hasRunner = !job.runnerName.isEmpty();
    return QJsonObject{
        {u"id"_s, job.id},
        {u"run_id"_s, job.runId},
        {u"run_url"_s, QString(api + "/actions/runs/"_L1 + QString::number(job.runId))},
        {u"run_attempt"_s, job.runAttempt},
        {u"node_id"_s, nodeId(u"CheckRun", job.id)},
        {u"head_sha"_s, job.headSha},
        {u"url"_s, QString(api + "/actions/jobs/"_L1 + QString::number(job.id))},
        {u"html_url"_s, stringOrNull(job.htmlUrl)},
        {u"status"_s, toString(job.status)},
        {u"conclusion"_s, stringOrNull(toString(job.conclusion))},
        {u"created_at"_s, dateOrNull(job.createdAt)},
        {u"started_at"_s, dateOrNull(job.startedAt)},
        {u"completed_at"_s, dateOrNull(job.completedAt)},
        {u"name"_s, job.name},
        {u"steps"_s, steps},
        {u"check_run_url"_s, QString(api + "/check-runs/"_L1 + QString::number(job.id))},
        {u"labels"_s, labels},
        {u"runner_id"_s, hasRunner ? QJsonValue(qint64(job.id % 100000)) : QJsonValue::Null},
        {u"runner_name"_s, stringOrNull(job.runnerName)},
        {u"runner_group_id"_s, hasRunner ? QJsonValue(2) : QJsonValue(QJsonValue::Null)},
        {u"runner_group_name"_s,
         hasRunner ? QJsonValue(u"GitHub Actions"_s) : QJsonValue(QJsonValue::Null)},
        {u"workflow_name"_s, stringOrNull(job.workflowName)},
        {u"head_branch"_s, stringOrNull(job.headBranch)},
    };
}

} // namespace Mainstay::GitHubJsonWriter
