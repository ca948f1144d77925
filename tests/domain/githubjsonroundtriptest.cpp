// parse(write(x)) == x: what the demo backend, the loopback servers and the cache write
// (GitHubJsonWriter) reads back as the same values.

#include "githubjson.h"
#include "githubjsonwriter.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

const QString apiBase = u"https://api.github.com"_s;
const QString repo = u"aws-powertools/powertools-lambda-python"_s;

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), Qt::UTC);
}

User user(const QString &login, qint64 id, const QString &type = u"User"_s)
{
    User result;
    result.id = id;
    result.login = login;
    result.type = type;
    result.avatarUrl = u"https://avatars.githubusercontent.com/u/%1?v=4"_s.arg(id);
    result.htmlUrl = u"https://github.com/"_s + login;
    return result;
}

Label label(const QString &name, qint64 id, const QString &color, const QString &description)
{
    Label result;
    result.id = id;
    result.name = name;
    result.color = color;
    result.description = description;
    return result;
}

Milestone milestone()
{
    Milestone result;
    result.id = 9912;
    result.number = 7;
    result.title = u"v3.2.0"_s;
    result.description = u"The February release"_s;
    result.open = false;
    result.openIssues = 1;
    result.closedIssues = 23;
    result.dueOn = utc(2026, 2, 28, 8, 0, 0);
    return result;
}

Issue fullIssue()
{
    Issue issue;
    issue.id = 2100000001;
    issue.number = 4321;
    issue.title = u"Bug: Logger drops keys when sampling"_s;
    issue.body = u"## Expected Behaviour\n\nKeys are kept ✓\n"_s;
    issue.state = Issue::State::Closed;
    issue.stateReason = Issue::StateReason::NotPlanned;
    issue.author = user(u"contributor"_s, 42);
    issue.authorAssociation = AuthorAssociation::FirstTimeContributor;
    issue.labels = {label(u"bug"_s, 1, u"d73a4a"_s, u"Something isn't working"_s),
                    label(u"need-more-information"_s, 2, u"ededed"_s, QString())};
    issue.labels[0].isDefault = true;
    issue.assignees = {user(u"maintainer"_s, 7), user(u"dependabot[bot]"_s, 49699333, u"Bot"_s)};
    issue.milestone = milestone();
    issue.commentCount = 4;
    issue.reactionCount = 3;
    issue.createdAt = utc(2026, 1, 2, 3, 4, 5);
    issue.updatedAt = utc(2026, 1, 9, 3, 4, 5, 250);
    issue.closedAt = utc(2026, 1, 9, 3, 4, 5);
    issue.locked = true;
    issue.htmlUrl = u"https://github.com/"_s + repo + u"/issues/4321"_s;
    return issue;
}

Issue minimalIssue()
{
    Issue issue;
    issue.id = 5;
    issue.number = 6;
    issue.title = u"t"_s;
    issue.createdAt = utc(2026, 1, 2, 3, 4, 5);
    issue.updatedAt = utc(2026, 1, 2, 3, 4, 5);
    issue.htmlUrl = u"https://github.com/"_s + repo + u"/issues/6"_s;
    return issue;
}

Issue issueListedPullRequest()
{
    Issue issue = fullIssue();
    issue.number = 4400;
    issue.isPullRequest = true;
    issue.stateReason = Issue::StateReason::None;
    issue.mergedAt = utc(2026, 1, 9, 3, 4, 5, 7);
    return issue;
}

PullRequest fullPullRequest()
{
    PullRequest pull;
    static_cast<Issue &>(pull) = fullIssue();
    pull.isPullRequest = true;
    pull.id = 0; // the pulls payload has no issue id
    pull.stateReason = Issue::StateReason::None;
    pull.reactionCount = 0;
    pull.authorAssociation = AuthorAssociation::Member;
    pull.pullId = 3300000001;
    pull.draft = true;
    pull.baseRef = u"develop"_s;
    pull.headRef = u"feat/logger-sampling"_s;
    pull.headSha = u"0123456789abcdef0123456789abcdef01234567"_s;
    pull.mergeCommitSha = u"fedcba9876543210fedcba9876543210fedcba98"_s;
    pull.mergedAt = utc(2026, 1, 9, 3, 4, 5);
    pull.additions = 120;
    pull.deletions = 30;
    pull.changedFiles = 4;
    pull.htmlUrl = u"https://github.com/"_s + repo + u"/pull/4321"_s;
    return pull;
}

PullRequest listedPullRequest()
{
    PullRequest pull = fullPullRequest();
    pull.state = Issue::State::Open;
    pull.closedAt = QDateTime();
    pull.mergedAt = QDateTime();
    pull.mergeCommitSha.clear();
    pull.milestone.reset();
    pull.author = User();
    pull.additions = -1;
    pull.deletions = -1;
    pull.changedFiles = -1;
    pull.draft = false;
    return pull;
}

Comment comment()
{
    Comment result;
    result.id = 1777;
    result.issueNumber = 4321;
    result.author = user(u"maintainer"_s, 7);
    result.authorAssociation = AuthorAssociation::Collaborator;
    result.body = u"Thanks! <!-- mainstay:outbox:abc -->"_s;
    result.createdAt = utc(2026, 1, 3, 0, 0, 0);
    result.updatedAt = utc(2026, 1, 3, 0, 0, 1);
    result.htmlUrl = u"https://github.com/"_s + repo + u"/issues/4321#issuecomment-1777"_s;
    return result;
}

Release release(bool draft)
{
    Release result;
    result.id = draft ? 99 : 98;
    result.tagName = u"v3.2.0"_s;
    result.name = draft ? QString() : u"v3.2.0"_s;
    result.body = u"## Summary\n\n* feat(logger): sampling\n"_s;
    result.targetCommitish = u"develop"_s;
    result.draft = draft;
    result.prerelease = !draft;
    result.author = user(u"github-actions[bot]"_s, 41898282, u"Bot"_s);
    result.createdAt = utc(2026, 2, 1, 10, 0, 0);
    if (!draft)
        result.publishedAt = utc(2026, 2, 1, 10, 31, 0, 500);
    result.htmlUrl = u"https://github.com/"_s + repo + u"/releases/tag/v3.2.0"_s;
    return result;
}

Workflow workflow()
{
    Workflow result;
    result.id = 161335;
    result.name = u"Release"_s;
    result.path = u".github/workflows/release.yml"_s;
    result.state = u"active"_s;
    result.htmlUrl =
        u"https://github.com/"_s + repo + u"/blob/develop/.github/workflows/release.yml"_s;
    return result;
}

WorkflowRun run(bool finished)
{
    WorkflowRun result;
    result.id = 30433642;
    result.workflowId = 161335;
    result.name = u"Release"_s;
    result.displayTitle = u"Release v3.2.0"_s;
    result.path = u".github/workflows/release.yml"_s;
    result.headBranch = finished ? u"develop"_s : QString();
    result.headSha = u"acb5820ced9479c074f688cc328bf03f341a511d"_s;
    result.event = u"workflow_dispatch"_s;
    result.runNumber = 562;
    result.runAttempt = finished ? 2 : 1;
    result.status = finished ? RunStatus::Completed : RunStatus::InProgress;
    result.conclusion = finished ? RunConclusion::Failure : RunConclusion::None;
    result.createdAt = utc(2026, 2, 1, 10, 0, 0);
    result.updatedAt = utc(2026, 2, 1, 10, 31, 0);
    result.runStartedAt = utc(2026, 2, 1, 10, 0, 3, 120);
    result.htmlUrl = u"https://github.com/"_s + repo + u"/actions/runs/30433642"_s;
    result.actor = user(u"maintainer"_s, 7);
    return result;
}

WorkflowJob job(bool queued)
{
    WorkflowJob result;
    result.id = 399444496;
    result.runId = 30433642;
    result.runAttempt = 2;
    result.name = u"Release / Build (3.12, us-east-1)"_s;
    result.workflowName = u"Release"_s;
    result.headBranch = u"develop"_s;
    result.headSha = u"acb5820ced9479c074f688cc328bf03f341a511d"_s;
    result.createdAt = utc(2026, 2, 1, 10, 0, 5);
    result.htmlUrl = u"https://github.com/"_s + repo + u"/actions/runs/30433642/job/399444496"_s;
    result.labels = {u"ubuntu-latest"_s};
    if (queued) {
        result.status = RunStatus::Queued;
        return result;
    }
    result.status = RunStatus::InProgress;
    result.startedAt = utc(2026, 2, 1, 10, 0, 9);
    result.runnerName = u"GitHub Actions 12"_s;
    WorkflowStep setUp;
    setUp.name = u"Set up job"_s;
    setUp.number = 1;
    setUp.status = RunStatus::Completed;
    setUp.conclusion = RunConclusion::Success;
    setUp.startedAt = utc(2026, 2, 1, 10, 0, 9);
    setUp.completedAt = utc(2026, 2, 1, 10, 0, 11, 999);
    WorkflowStep build;
    build.name = u"Build"_s;
    build.number = 2;
    build.status = RunStatus::InProgress;
    build.startedAt = utc(2026, 2, 1, 10, 0, 12);
    WorkflowStep publish;
    publish.name = u"Publish"_s;
    publish.number = 3;
    publish.status = RunStatus::Pending;
    result.steps = {setUp, build, publish};
    return result;
}

// Written the way a server sends it: serialized to bytes, then parsed as a response body.
QByteArray bytes(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson()
                           : QJsonDocument(value.toObject()).toJson();
}

template<class T, class Parse>
void expectRoundTrip(const T &value, const QJsonObject &written, Parse parse)
{
    const auto document = GitHubJson::parseDocument(bytes(written));
    ASSERT_TRUE(document.isOk()) << document.error().toStdString();
    const auto parsed = parse(document.value());
    ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
    EXPECT_TRUE(parsed.value() == value) << bytes(written).toStdString();
}

} // namespace

TEST(GitHubJsonRoundTrip, Users)
{
    for (const User &value : {user(u"octocat"_s, 1), user(u"renovate[bot]"_s, 29139614, u"Bot"_s)})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value), GitHubJson::parseUser);
}

TEST(GitHubJsonRoundTrip, LabelsAndMilestones)
{
    Label withDefault = label(u"bug"_s, 1, u"d73a4a"_s, u"Something isn't working"_s);
    withDefault.isDefault = true;
    for (const Label &value : {withDefault, label(u"size/XL"_s, 2, u"ffffff"_s, QString())})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value), GitHubJson::parseLabel);
    Milestone open = milestone();
    open.open = true;
    open.description.clear();
    open.dueOn = QDateTime();
    for (const Milestone &value : {milestone(), open})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value), GitHubJson::parseMilestone);
}

TEST(GitHubJsonRoundTrip, Issues)
{
    for (const Issue &value : {fullIssue(), minimalIssue(), issueListedPullRequest()})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value, apiBase, repo),
                        GitHubJson::parseIssue);
}

TEST(GitHubJsonRoundTrip, IssuePage)
{
    const QList<Issue> page = {fullIssue(), minimalIssue(), issueListedPullRequest()};
    QJsonArray array;
    for (const Issue &value : page)
        array.append(GitHubJsonWriter::toJson(value, apiBase, repo));
    const auto parsed = GitHubJson::parseIssueList(bytes(array));
    ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
    EXPECT_TRUE(parsed.value() == page);
}

TEST(GitHubJsonRoundTrip, PullRequests)
{
    for (const PullRequest &value : {fullPullRequest(), listedPullRequest()})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value, apiBase, repo),
                        GitHubJson::parsePullRequest);
    QJsonArray array{GitHubJsonWriter::toJson(listedPullRequest(), apiBase, repo)};
    const auto parsed = GitHubJson::parsePullRequestList(bytes(array));
    ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
    ASSERT_EQ(parsed.value().size(), 1);
    EXPECT_TRUE(parsed.value()[0] == listedPullRequest());
}

TEST(GitHubJsonRoundTrip, Comments)
{
    Comment anonymous = comment();
    anonymous.author = User(); // a deleted account ("ghost") comes back as null
    anonymous.authorAssociation = AuthorAssociation::None;
    for (const Comment &value : {comment(), anonymous})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value, apiBase, repo),
                        GitHubJson::parseComment);
}

TEST(GitHubJsonRoundTrip, Releases)
{
    for (const Release &value : {release(true), release(false)})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value, apiBase, repo),
                        GitHubJson::parseRelease);
}

TEST(GitHubJsonRoundTrip, WorkflowsRunsAndJobs)
{
    expectRoundTrip(workflow(), GitHubJsonWriter::toJson(workflow(), apiBase, repo),
                    GitHubJson::parseWorkflow);
    for (const WorkflowRun &value : {run(true), run(false)})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value, apiBase, repo),
                        GitHubJson::parseWorkflowRun);
    for (const WorkflowJob &value : {job(true), job(false)})
        expectRoundTrip(value, GitHubJsonWriter::toJson(value, apiBase, repo),
                        GitHubJson::parseWorkflowJob);
}

TEST(GitHubJsonRoundTrip, CountedLists)
{
    const QJsonObject jobs{
        {u"total_count"_s, 2},
        {u"jobs"_s, QJsonArray{GitHubJsonWriter::toJson(job(false), apiBase, repo),
                               GitHubJsonWriter::toJson(job(true), apiBase, repo)}}};
    const auto parsedJobs = GitHubJson::parseWorkflowJobList(bytes(jobs));
    ASSERT_TRUE(parsedJobs.isOk()) << parsedJobs.error().toStdString();
    EXPECT_EQ(parsedJobs.value().totalCount, 2);
    EXPECT_TRUE(parsedJobs.value().items == QList<WorkflowJob>({job(false), job(true)}));

    const QJsonObject runs{
        {u"total_count"_s, 40},
        {u"workflow_runs"_s, QJsonArray{GitHubJsonWriter::toJson(run(true), apiBase, repo)}}};
    const auto parsedRuns = GitHubJson::parseWorkflowRunList(bytes(runs));
    ASSERT_TRUE(parsedRuns.isOk()) << parsedRuns.error().toStdString();
    EXPECT_EQ(parsedRuns.value().totalCount, 40);
    EXPECT_TRUE(parsedRuns.value().items == QList<WorkflowRun>({run(true)}));
}
