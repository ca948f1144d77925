#include "storetestdata.h"

#include "isodatetime.h"

namespace Mainstay::StoreTestData {

using namespace Qt::StringLiterals;

QDateTime at(const char *iso)
{
    return parseIsoDateTime(QString::fromLatin1(iso));
}

User user(const QString &login, qint64 id)
{
    User result;
    result.id = id;
    result.login = login;
    result.type = login.endsWith(u"[bot]"_s) ? u"Bot"_s : u"User"_s;
    result.avatarUrl = u"https://avatars.githubusercontent.com/u/%1?v=4"_s.arg(id);
    result.htmlUrl = u"https://github.com/"_s + login;
    return result;
}

Label label(const QString &name, qint64 id)
{
    Label result;
    result.id = id;
    result.name = name;
    result.color = u"d73a4a"_s;
    result.description = u"Label "_s + name;
    result.isDefault = id % 2 == 0;
    return result;
}

Milestone milestone()
{
    Milestone result;
    result.id = 9001;
    result.number = 3;
    result.title = u"v3.0.0"_s;
    result.description = u"The next major"_s;
    result.open = true;
    result.openIssues = 12;
    result.closedIssues = 40;
    result.dueOn = at("2026-12-31T08:00:00Z");
    return result;
}

Issue fullIssue(int number)
{
    Issue issue;
    issue.id = 1'800'000'000 + number;
    issue.number = number;
    issue.title = u"Bug: the logger drops structured keys when sampling (#%1)"_s.arg(number);
    issue.body = u"## Expected Behaviour\n\nKeys are kept.\n"_s;
    issue.state = Issue::State::Closed;
    issue.stateReason = Issue::StateReason::NotPlanned;
    issue.author = user(u"heitorlessa"_s, 3340292);
    issue.authorAssociation = AuthorAssociation::Member;
    issue.labels = {label(u"bug"_s, 11), label(u"triage"_s, 12)};
    issue.assignees = {user(u"leandrodamascena"_s, 4295173), user(u"dependabot[bot]"_s, 49699333)};
    issue.milestone = milestone();
    issue.commentCount = 7;
    issue.reactionCount = 3;
    issue.createdAt = at("2025-03-01T10:04:05Z");
    issue.updatedAt = at("2026-11-27T08:00:00.123Z");
    issue.closedAt = at("2026-11-27T08:00:00Z");
    issue.locked = true;
    issue.htmlUrl = u"https://github.com/o/r/issues/%1"_s.arg(number);
    return issue;
}

Issue minimalIssue(int number)
{
    Issue issue;
    issue.number = number;
    issue.title = u"t"_s;
    return issue;
}

Issue unicodeIssue(int number)
{
    Issue issue = fullIssue(number);
    issue.state = Issue::State::Open;
    issue.stateReason = Issue::StateReason::Reopened;
    issue.closedAt = QDateTime();
    issue.title = u"Ünïcödé 日本語のタイトル עברית 🚀 \"quotes\" 'single' ; DROP TABLE issues; --"_s;
    issue.body = u"Zeilen\nmit\r\nUmbrüchen 🎉 and a NUL-free \t tab"_s;
    issue.labels = {label(u"überarbeiten"_s, 21), label(u"🐛"_s, 22), label(u"bug"_s, 11)};
    issue.milestone.reset();
    issue.assignees.clear();
    return issue;
}

PullRequest pullRequest(int number)
{
    PullRequest pull;
    static_cast<Issue &>(pull) = fullIssue(number);
    pull.isPullRequest = true;
    pull.state = Issue::State::Closed;
    pull.stateReason = Issue::StateReason::Completed;
    pull.mergedAt = at("2026-11-27T08:00:00Z");
    pull.htmlUrl = u"https://github.com/o/r/pull/%1"_s.arg(number);
    pull.draft = false;
    pull.pullId = 2'100'000'000 + number;
    pull.baseRef = u"develop"_s;
    pull.headRef = u"feat/logger-sampling"_s;
    pull.headSha = u"6dcb09b5b57875f334f61aebed695e2e4193db5e"_s;
    pull.mergeCommitSha = u"e5bd3914e2e596debea16f433f57875b5b90bcd6"_s;
    pull.additions = 120;
    pull.deletions = 7;
    pull.changedFiles = 4;
    pull.reviewDecision = PullRequest::ReviewDecision::Approved;
    pull.checkState = PullRequest::CheckState::Failure;
    pull.linkedIssues = {12, 345};
    return pull;
}

Comment comment(qint64 id, int issueNumber, const char *createdAt, const QString &login)
{
    Comment result;
    result.id = id;
    result.issueNumber = issueNumber;
    result.author = user(login, 1000 + login.size());
    result.authorAssociation = AuthorAssociation::Contributor;
    result.body = u"Comment %1 on #%2 — ✓"_s.arg(id).arg(issueNumber);
    result.createdAt = at(createdAt);
    result.updatedAt = at(createdAt).addSecs(60);
    result.htmlUrl = u"https://github.com/o/r/issues/%1#issuecomment-%2"_s.arg(issueNumber).arg(id);
    return result;
}

IssueEvent issueEvent(qint64 id, int issueNumber, const char *createdAt)
{
    IssueEvent event;
    event.id = id;
    event.issueNumber = issueNumber;
    event.event = u"labeled"_s;
    event.actor = user(u"heitorlessa"_s, 3340292);
    event.createdAt = at(createdAt);
    event.labelName = u"pending-release"_s;
    return event;
}

Release release(qint64 id, const char *createdAt, bool draft)
{
    Release result;
    result.id = id;
    result.tagName = u"v3.%1.0"_s.arg(id);
    result.name = result.tagName;
    result.body = u"## Summary\n\nThis release…"_s;
    result.targetCommitish = u"develop"_s;
    result.draft = draft;
    result.prerelease = id % 2 == 0;
    result.author = user(u"github-actions[bot]"_s, 41898282);
    result.createdAt = at(createdAt);
    result.publishedAt = draft ? QDateTime() : at(createdAt).addSecs(3600);
    result.htmlUrl = u"https://github.com/o/r/releases/tag/"_s + result.tagName;
    return result;
}

WorkflowRun workflowRun(qint64 id, qint64 workflowId, const char *createdAt)
{
    WorkflowRun run;
    run.id = id;
    run.workflowId = workflowId;
    run.name = u"Release"_s;
    run.displayTitle = u"Release v3.1.0"_s;
    run.path = u".github/workflows/release.yml"_s;
    run.headBranch = u"develop"_s;
    run.headSha = u"6dcb09b5b57875f334f61aebed695e2e4193db5e"_s;
    run.event = u"workflow_dispatch"_s;
    run.runNumber = int(id % 1000);
    run.runAttempt = 2;
    run.status = RunStatus::Completed;
    run.conclusion = RunConclusion::StartupFailure;
    run.createdAt = at(createdAt);
    run.updatedAt = at(createdAt).addSecs(1800);
    run.runStartedAt = at(createdAt).addSecs(5);
    run.htmlUrl = u"https://github.com/o/r/actions/runs/%1"_s.arg(id);
    run.actor = user(u"heitorlessa"_s, 3340292);
    return run;
}

WorkflowJob workflowJob(qint64 id, qint64 runId, int attempt, const QString &name)
{
    WorkflowJob job;
    job.id = id;
    job.runId = runId;
    job.runAttempt = attempt;
    job.name = name;
    job.workflowName = u"Release"_s;
    job.headBranch = u"develop"_s;
    job.headSha = u"6dcb09b5b57875f334f61aebed695e2e4193db5e"_s;
    job.status = RunStatus::InProgress;
    job.conclusion = RunConclusion::None;
    job.createdAt = at("2026-11-27T10:00:00Z");
    job.startedAt = at("2026-11-27T10:00:07Z");
    job.htmlUrl = u"https://github.com/o/r/actions/runs/%1/job/%2"_s.arg(runId).arg(id);
    job.runnerName = u"GitHub Actions 12"_s;
    job.labels = {u"ubuntu-latest"_s, u"x64"_s};
    WorkflowStep done;
    done.name = u"Set up job"_s;
    done.number = 1;
    done.status = RunStatus::Completed;
    done.conclusion = RunConclusion::Success;
    done.startedAt = at("2026-11-27T10:00:07Z");
    done.completedAt = at("2026-11-27T10:00:09.500Z");
    WorkflowStep running;
    running.name = u"Build — ✓ wheels"_s;
    running.number = 2;
    running.status = RunStatus::InProgress;
    running.startedAt = at("2026-11-27T10:00:09Z");
    WorkflowStep queued;
    queued.name = u"Publish"_s;
    queued.number = 3;
    queued.status = RunStatus::Queued;
    job.steps = {done, running, queued};
    return job;
}

} // namespace Mainstay::StoreTestData
