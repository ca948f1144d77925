// Every response example GitHub publishes for the endpoints Mainstay reads must parse, to the
// values the example shows.

#include "openapiexamples.h"
#include "githubjson.h"
#include "operationparsers.h"

#include <gtest/gtest.h>

using namespace Mainstay;
using namespace Mainstay::GitHubJson;
using Example = Mainstay::Test::OpenApiExamples::Example;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

void expectOctocat(const User &user)
{
    EXPECT_EQ(user.id, 1);
    EXPECT_EQ(user.login, u"octocat"_s);
    EXPECT_EQ(user.type, u"User"_s);
    EXPECT_EQ(user.avatarUrl, u"https://github.com/images/error/octocat_happy.gif"_s);
    EXPECT_EQ(user.htmlUrl, u"https://github.com/octocat"_s);
}

void expectBugLabel(const Label &label)
{
    EXPECT_EQ(label.id, 208045946);
    EXPECT_EQ(label.name, u"bug"_s);
    EXPECT_EQ(label.color, u"f29513"_s);
    EXPECT_EQ(label.description, u"Something isn't working"_s);
    EXPECT_TRUE(label.isDefault);
}

void expectMilestoneV1(const Milestone &milestone)
{
    EXPECT_EQ(milestone.id, 1002604);
    EXPECT_EQ(milestone.number, 1);
    EXPECT_EQ(milestone.title, u"v1.0"_s);
    EXPECT_EQ(milestone.description, u"Tracking milestone for version 1.0"_s);
    EXPECT_TRUE(milestone.open);
    EXPECT_EQ(milestone.openIssues, 4);
    EXPECT_EQ(milestone.closedIssues, 8);
    EXPECT_EQ(milestone.dueOn, utc(2012, 10, 9, 23, 39, 1));
}

// The issue example of the issues API (list item and single issue alike).
void expectFoundABug(const Issue &issue)
{
    EXPECT_EQ(issue.id, 1);
    EXPECT_EQ(issue.number, 1347);
    EXPECT_EQ(issue.title, u"Found a bug"_s);
    EXPECT_EQ(issue.body, u"I'm having a problem with this."_s);
    EXPECT_EQ(issue.state, Issue::State::Open);
    EXPECT_EQ(issue.stateReason, Issue::StateReason::Completed);
    expectOctocat(issue.author);
    EXPECT_EQ(issue.authorAssociation, AuthorAssociation::Collaborator);
    ASSERT_EQ(issue.labels.size(), 1);
    expectBugLabel(issue.labels[0]);
    ASSERT_EQ(issue.assignees.size(), 1);
    expectOctocat(issue.assignees[0]);
    ASSERT_TRUE(issue.milestone.has_value());
    expectMilestoneV1(*issue.milestone);
    EXPECT_EQ(issue.reactionCount, 0); // the example has no `reactions`
    EXPECT_EQ(issue.createdAt, utc(2011, 4, 22, 13, 33, 48));
    EXPECT_EQ(issue.updatedAt, utc(2011, 4, 22, 13, 33, 48));
    EXPECT_FALSE(issue.closedAt.isValid()); // null in the example
    EXPECT_TRUE(issue.locked);
    EXPECT_EQ(issue.htmlUrl, u"https://github.com/octocat/Hello-World/issues/1347"_s);
    // The example carries a `pull_request` key without merged_at.
    EXPECT_TRUE(issue.isPullRequest);
    EXPECT_FALSE(issue.isMerged());
    EXPECT_TRUE(issue.hasLabel(u"bug"));
}

// "Amazing new feature", the pulls API example (list item and single pull request alike).
void expectAmazingNewFeature(const PullRequest &pull)
{
    EXPECT_EQ(pull.pullId, 1);
    EXPECT_EQ(pull.id, 0); // the issue id is not in the pulls payload
    EXPECT_EQ(pull.number, 1347);
    EXPECT_EQ(pull.title, u"Amazing new feature"_s);
    EXPECT_EQ(pull.body, u"Please pull these awesome changes in!"_s);
    EXPECT_EQ(pull.state, Issue::State::Open);
    EXPECT_TRUE(pull.isPullRequest);
    EXPECT_TRUE(pull.locked);
    expectOctocat(pull.author);
    EXPECT_EQ(pull.authorAssociation, AuthorAssociation::Owner);
    ASSERT_EQ(pull.labels.size(), 1);
    expectBugLabel(pull.labels[0]);
    ASSERT_EQ(pull.assignees.size(), 2);
    EXPECT_EQ(pull.assignees[1].login, u"hubot"_s);
    ASSERT_TRUE(pull.milestone.has_value());
    expectMilestoneV1(*pull.milestone);
    EXPECT_EQ(pull.createdAt, utc(2011, 1, 26, 19, 1, 12));
    EXPECT_EQ(pull.closedAt, utc(2011, 1, 26, 19, 1, 12));
    EXPECT_EQ(pull.mergedAt, utc(2011, 1, 26, 19, 1, 12));
    EXPECT_TRUE(pull.isMerged());
    EXPECT_EQ(pull.mergeCommitSha, u"e5bd3914e2e596debea16f433f57875b5b90bcd6"_s);
    EXPECT_EQ(pull.headRef, u"new-topic"_s);
    EXPECT_EQ(pull.headSha, u"6dcb09b5b57875f334f61aebed695e2e4193db5e"_s);
    EXPECT_EQ(pull.baseRef, u"master"_s);
    EXPECT_FALSE(pull.draft);
    EXPECT_EQ(pull.htmlUrl, u"https://github.com/octocat/Hello-World/pull/1347"_s);
}

void expectV100Release(const Release &release)
{
    EXPECT_EQ(release.id, 1);
    EXPECT_EQ(release.tagName, u"v1.0.0"_s);
    EXPECT_EQ(release.name, u"v1.0.0"_s);
    EXPECT_EQ(release.body, u"Description of the release"_s);
    EXPECT_EQ(release.targetCommitish, u"master"_s);
    EXPECT_FALSE(release.draft);
    EXPECT_FALSE(release.prerelease);
    expectOctocat(release.author);
    EXPECT_EQ(release.createdAt, utc(2013, 2, 27, 19, 35, 32));
    EXPECT_EQ(release.publishedAt, utc(2013, 2, 27, 19, 35, 32));
    EXPECT_EQ(release.htmlUrl, u"https://github.com/octocat/Hello-World/releases/v1.0.0"_s);
}

void expectBuildRun(const WorkflowRun &run, const QString &headBranch)
{
    EXPECT_EQ(run.id, 30433642);
    EXPECT_EQ(run.workflowId, 159038);
    EXPECT_EQ(run.name, u"Build"_s);
    EXPECT_EQ(run.displayTitle, u"Update README.md"_s);
    EXPECT_EQ(run.path, u".github/workflows/build.yml@main"_s);
    EXPECT_EQ(run.headBranch, headBranch);
    EXPECT_EQ(run.headSha, u"acb5820ced9479c074f688cc328bf03f341a511d"_s);
    EXPECT_EQ(run.event, u"push"_s);
    EXPECT_EQ(run.runNumber, 562);
    EXPECT_EQ(run.runAttempt, 1);
    EXPECT_EQ(run.status, RunStatus::Queued);
    EXPECT_EQ(run.conclusion, RunConclusion::None);
    EXPECT_FALSE(run.isCompleted());
    EXPECT_EQ(run.createdAt, utc(2020, 1, 22, 19, 33, 8));
    EXPECT_EQ(run.updatedAt, utc(2020, 1, 22, 19, 33, 8));
    EXPECT_EQ(run.runStartedAt, utc(2020, 1, 22, 19, 33, 8));
    EXPECT_EQ(run.htmlUrl, u"https://github.com/octo-org/octo-repo/actions/runs/30433642"_s);
    expectOctocat(run.actor);
}

void expectBuildJob(const WorkflowJob &job)
{
    EXPECT_EQ(job.id, 399444496);
    EXPECT_EQ(job.runId, 29679449);
    EXPECT_EQ(job.runAttempt, 1); // not in the example
    EXPECT_EQ(job.name, u"build"_s);
    EXPECT_EQ(job.workflowName, u"CI"_s);
    EXPECT_EQ(job.headBranch, u"main"_s);
    EXPECT_EQ(job.headSha, u"f83a356604ae3c5d03e1b46ef4d1ca77d64a90b0"_s);
    EXPECT_EQ(job.status, RunStatus::Completed);
    EXPECT_EQ(job.conclusion, RunConclusion::Success);
    EXPECT_FALSE(job.createdAt.isValid()); // GitHub's example leaves it out
    EXPECT_EQ(job.startedAt, utc(2020, 1, 20, 17, 42, 40));
    EXPECT_EQ(job.completedAt, utc(2020, 1, 20, 17, 44, 39));
    EXPECT_EQ(job.htmlUrl, u"https://github.com/octo-org/octo-repo/runs/29679449/jobs/399444496"_s);
    EXPECT_EQ(job.runnerName, u"my runner"_s);
    EXPECT_EQ(job.labels, QStringList({u"self-hosted"_s, u"foo"_s, u"bar"_s}));

    ASSERT_EQ(job.steps.size(), 10);
    QList<int> numbers;
    for (const WorkflowStep &step : job.steps) {
        numbers.append(step.number);
        EXPECT_EQ(step.status, RunStatus::Completed);
        EXPECT_EQ(step.conclusion, RunConclusion::Success);
        EXPECT_LE(step.startedAt, step.completedAt);
    }
    EXPECT_EQ(numbers, QList<int>({1, 2, 3, 4, 5, 6, 7, 8, 16, 17}));
    // The steps are stamped "09:42:40.000-08:00" while the job says "17:42:40Z": the same
    // instants, so the first step starts when the job does and the last ends when it ends.
    EXPECT_EQ(job.steps.first().name, u"Set up job"_s);
    EXPECT_EQ(job.steps.first().startedAt, job.startedAt);
    EXPECT_EQ(job.steps.first().startedAt, utc(2020, 1, 20, 17, 42, 40));
    EXPECT_EQ(job.steps.first().completedAt, utc(2020, 1, 20, 17, 42, 41));
    EXPECT_EQ(job.steps.last().name, u"Complete job"_s);
    EXPECT_EQ(job.steps.last().completedAt, job.completedAt);
    const WorkflowStep &deploy = job.steps[7];
    EXPECT_EQ(deploy.name, u"Deploy to Heroku"_s);
    EXPECT_EQ(deploy.startedAt, utc(2020, 1, 20, 17, 42, 59));
    EXPECT_EQ(deploy.completedAt, utc(2020, 1, 20, 17, 44, 39));
    EXPECT_EQ(deploy.startedAt.secsTo(deploy.completedAt), 100);
}

// ---- one check per operation

void checkIssueList(const Example &example)
{
    const auto result = parseIssueList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    ASSERT_EQ(result.value().size(), 1);
    expectFoundABug(result.value()[0]);
}

void checkIssue(const Example &example)
{
    const auto result = parseIssue(example.value);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    expectFoundABug(result.value());
    // "pinned_comment" is the same issue with one (pinned) comment.
    EXPECT_EQ(result.value().commentCount, example.name == "pinned_comment"_L1 ? 1 : 0);
}

void checkPullRequestList(const Example &example)
{
    const auto result = parsePullRequestList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    ASSERT_EQ(result.value().size(), 1);
    const PullRequest &pull = result.value()[0];
    expectAmazingNewFeature(pull);
    // The list omits the size and the comment count.
    EXPECT_FALSE(pull.hasSize());
    EXPECT_EQ(pull.additions, -1);
    EXPECT_EQ(pull.deletions, -1);
    EXPECT_EQ(pull.changedFiles, -1);
    EXPECT_EQ(pull.commentCount, 0);
}

void checkPullRequest(const Example &example)
{
    const auto result = parsePullRequest(example.value);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    const PullRequest &pull = result.value();
    expectAmazingNewFeature(pull);
    EXPECT_EQ(pull.additions, 100);
    EXPECT_EQ(pull.deletions, 3);
    EXPECT_EQ(pull.changedFiles, 5);
    EXPECT_EQ(pull.changedLines(), 103);
    EXPECT_EQ(pull.commentCount, 10);
}

void checkLabelList(const Example &example)
{
    const auto result = parseLabelList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    ASSERT_EQ(result.value().size(), 2);
    expectBugLabel(result.value()[0]);
    const Label &enhancement = result.value()[1];
    EXPECT_EQ(enhancement.id, 208045947);
    EXPECT_EQ(enhancement.name, u"enhancement"_s);
    EXPECT_EQ(enhancement.color, u"a2eeef"_s);
    EXPECT_EQ(enhancement.description, u"New feature or request"_s);
    EXPECT_FALSE(enhancement.isDefault);
}

void checkMilestoneList(const Example &example)
{
    const auto result = parseMilestoneList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    ASSERT_EQ(result.value().size(), 1);
    expectMilestoneV1(result.value()[0]);
}

void checkCommentList(const Example &example)
{
    const auto result = parseCommentList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    ASSERT_EQ(result.value().size(), 1);
    const Comment &comment = result.value()[0];
    EXPECT_EQ(comment.id, 1);
    EXPECT_EQ(comment.issueNumber, 1347);
    expectOctocat(comment.author);
    EXPECT_EQ(comment.authorAssociation, AuthorAssociation::Collaborator);
    EXPECT_EQ(comment.body, u"Me too"_s);
    EXPECT_EQ(comment.createdAt, utc(2011, 4, 14, 16, 0, 49));
    EXPECT_EQ(comment.updatedAt, utc(2011, 4, 14, 16, 0, 49));
    EXPECT_EQ(comment.htmlUrl,
              u"https://github.com/octocat/Hello-World/issues/1347#issuecomment-1"_s);
}

void checkIssueEventList(const Example &example)
{
    const auto result = parseIssueEventList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    ASSERT_EQ(result.value().size(), 1);
    const IssueEvent &event = result.value()[0];
    EXPECT_EQ(event.id, 1);
    EXPECT_EQ(event.event, u"closed"_s);
    EXPECT_EQ(event.issueNumber, 1347);
    expectOctocat(event.actor);
    EXPECT_EQ(event.createdAt, utc(2011, 4, 14, 16, 0, 49));
    EXPECT_TRUE(event.labelName.isEmpty());
}

void checkReleaseList(const Example &example)
{
    const auto result = parseReleaseList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    ASSERT_EQ(result.value().size(), 1);
    expectV100Release(result.value()[0]);
}

void checkRelease(const Example &example)
{
    const auto result = parseRelease(example.value);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    expectV100Release(result.value());
}

void checkWorkflowList(const Example &example)
{
    const auto result = parseWorkflowList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    EXPECT_EQ(result.value().totalCount, 2);
    ASSERT_EQ(result.value().items.size(), 2);
    const Workflow &ci = result.value().items[0];
    EXPECT_EQ(ci.id, 161335);
    EXPECT_EQ(ci.name, u"CI"_s);
    EXPECT_EQ(ci.path, u".github/workflows/blank.yaml"_s);
    EXPECT_EQ(ci.state, u"active"_s);
    EXPECT_EQ(ci.htmlUrl,
              u"https://github.com/octo-org/octo-repo/blob/master/.github/workflows/161335"_s);
    const Workflow &linter = result.value().items[1];
    EXPECT_EQ(linter.id, 269289);
    EXPECT_EQ(linter.name, u"Linter"_s);
    EXPECT_EQ(linter.path, u".github/workflows/linter.yaml"_s);
}

void checkWorkflowRunList(const Example &example)
{
    const auto result = parseWorkflowRunList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    EXPECT_EQ(result.value().totalCount, 1);
    ASSERT_EQ(result.value().items.size(), 1);
    expectBuildRun(result.value().items[0], u"master"_s);
}

void checkWorkflowRun(const Example &example)
{
    const auto result = parseWorkflowRun(example.value);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    expectBuildRun(result.value(), u"main"_s);
}

void checkWorkflowJobList(const Example &example)
{
    const auto result = parseWorkflowJobList(example.json);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    EXPECT_EQ(result.value().totalCount, 1);
    ASSERT_EQ(result.value().items.size(), 1);
    expectBuildJob(result.value().items[0]);
}

void checkRateLimits(const Example &example)
{
    const auto result = parseRateLimits(example.value);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    const QList<RateLimit> &limits = result.value();
    // Every bucket under `resources`; the deprecated top-level `rate` is not one of them.
    EXPECT_EQ(limits.size(), 10);
    auto find = [&](QLatin1StringView name) -> const RateLimit * {
        for (const RateLimit &limit : limits)
            if (limit.resource == name)
                return &limit;
        return nullptr;
    };
    const RateLimit *core = find("core"_L1);
    ASSERT_NE(core, nullptr);
    EXPECT_EQ(core->limit, 5000);
    EXPECT_EQ(core->remaining, 4999);
    EXPECT_EQ(core->used, 1);
    EXPECT_EQ(core->reset, QDateTime::fromSecsSinceEpoch(1691591363, Qt::UTC));
    EXPECT_EQ(core->reset, utc(2023, 8, 9, 14, 29, 23));
    EXPECT_TRUE(core->isKnown());
    EXPECT_FALSE(core->isExhausted());
    const RateLimit *search = find("search"_L1);
    ASSERT_NE(search, nullptr);
    EXPECT_EQ(search->limit, 30);
    EXPECT_EQ(search->remaining, 18);
    EXPECT_EQ(search->used, 12);
    const RateLimit *graphql = find("graphql"_L1);
    ASSERT_NE(graphql, nullptr);
    EXPECT_EQ(graphql->remaining, 4993);
    EXPECT_EQ(graphql->reset, QDateTime::fromSecsSinceEpoch(1691593228, Qt::UTC));
    EXPECT_NE(find("code_scanning_autofix"_L1), nullptr);
    EXPECT_EQ(find("rate"_L1), nullptr);
}

struct OperationCase
{
    const char *operationId;
    void (*check)(const Example &);
    int exampleCount;
};

const OperationCase operationCases[] = {
    {"issues/list-for-repo", checkIssueList, 1},
    {"issues/get", checkIssue, 2},
    {"pulls/list", checkPullRequestList, 1},
    {"pulls/get", checkPullRequest, 1},
    {"issues/list-labels-for-repo", checkLabelList, 1},
    {"issues/list-milestones", checkMilestoneList, 1},
    {"issues/list-comments-for-repo", checkCommentList, 1},
    {"issues/list-events-for-repo", checkIssueEventList, 1},
    {"repos/list-releases", checkReleaseList, 1},
    {"repos/create-release", checkRelease, 1},
    {"repos/update-release", checkRelease, 1},
    {"repos/get-latest-release", checkRelease, 1},
    {"actions/list-repo-workflows", checkWorkflowList, 1},
    {"actions/list-workflow-runs", checkWorkflowRunList, 1},
    {"actions/list-workflow-runs-for-repo", checkWorkflowRunList, 1},
    {"actions/get-workflow-run", checkWorkflowRun, 1},
    {"actions/list-jobs-for-workflow-run", checkWorkflowJobList, 1},
    {"actions/list-jobs-for-workflow-run-attempt", checkWorkflowJobList, 1},
    {"rate-limit/get", checkRateLimits, 1},
};

class OpenApiExample : public ::testing::TestWithParam<OperationCase>
{};

TEST_P(OpenApiExample, ParsesToTheValuesItShows)
{
    const auto &examples = Mainstay::Test::OpenApiExamples::instance();
    ASSERT_TRUE(examples.loadError().isEmpty()) << examples.loadError().toStdString();
    const QString operationId = QString::fromLatin1(GetParam().operationId);
    const QList<Example> found = examples.responseExamples(operationId);
    ASSERT_EQ(found.size(), GetParam().exampleCount) << "examples of " << GetParam().operationId;
    for (const Example &example : found) {
        SCOPED_TRACE(example.name.toStdString());
        // The same bytes through the dispatcher the fuzz tests use, then the typed checks.
        const Mainstay::Test::ParseOutcome outcome =
            Mainstay::Test::parseForOperation(operationId, example.json);
        EXPECT_TRUE(outcome.ok) << outcome.error.toStdString();
        GetParam().check(example);
    }
}

std::string caseName(const ::testing::TestParamInfo<OperationCase> &info)
{
    std::string name = info.param.operationId;
    for (char &c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Operations, OpenApiExample, ::testing::ValuesIn(operationCases), caseName);

TEST(OpenApiExamples, EveryParsedOperationHasACase)
{
    QStringList cased;
    for (const OperationCase &operation : operationCases)
        cased.append(QString::fromLatin1(operation.operationId));
    cased.sort();
    QStringList parsed = Mainstay::Test::parsedOperations();
    parsed.sort();
    EXPECT_EQ(cased, parsed);
}

} // namespace
