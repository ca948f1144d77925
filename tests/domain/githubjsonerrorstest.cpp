// The exact wording of parse errors: the first problem, with the full path to the field.

#include "githubjson.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Mainstay;
using namespace Mainstay::GitHubJson;
using namespace Qt::StringLiterals;

namespace {

QJsonObject user(const QString &login)
{
    return QJsonObject{{u"id"_s, 583231},
                       {u"login"_s, login},
                       {u"type"_s, u"User"_s},
                       {u"avatar_url"_s, u"https://avatars.githubusercontent.com/u/583231"_s},
                       {u"html_url"_s, u"https://github.com/"_s + login}};
}

// The smallest issue the issues API could send: required fields only, nullable ones null.
QJsonObject issue(int number)
{
    return QJsonObject{
        {u"id"_s, 1000 + number},
        {u"number"_s, number},
        {u"title"_s, u"Issue %1"_s.arg(number)},
        {u"state"_s, u"open"_s},
        {u"locked"_s, false},
        {u"comments"_s, 2},
        {u"user"_s, user(u"octocat"_s)},
        {u"labels"_s, QJsonArray()},
        {u"assignee"_s, QJsonValue::Null},
        {u"milestone"_s, QJsonValue::Null},
        {u"closed_at"_s, QJsonValue::Null},
        {u"created_at"_s, u"2026-01-02T03:04:05Z"_s},
        {u"updated_at"_s, u"2026-01-03T03:04:05Z"_s},
        {u"html_url"_s, u"https://github.com/o/r/issues/%1"_s.arg(number)},
    };
}

QJsonObject pull(int number)
{
    QJsonObject object = issue(number);
    object.remove(u"comments"_s);
    object.insert(u"author_association"_s, u"CONTRIBUTOR"_s);
    object.insert(u"merged_at"_s, QJsonValue::Null);
    object.insert(u"merge_commit_sha"_s, QJsonValue::Null);
    object.insert(u"head"_s, QJsonObject{{u"ref"_s, u"feature"_s}, {u"sha"_s, u"abc123"_s}});
    object.insert(u"base"_s, QJsonObject{{u"ref"_s, u"develop"_s}, {u"sha"_s, u"def456"_s}});
    return object;
}

QJsonObject step(int number)
{
    return QJsonObject{{u"name"_s, u"Step %1"_s.arg(number)},
                       {u"number"_s, number},
                       {u"status"_s, u"completed"_s},
                       {u"conclusion"_s, u"success"_s},
                       {u"started_at"_s, u"2026-01-02T03:04:05.000-08:00"_s},
                       {u"completed_at"_s, u"2026-01-02T03:04:09.000-08:00"_s}};
}

QJsonObject job()
{
    QJsonArray steps;
    for (int i = 1; i <= 5; ++i)
        steps.append(step(i));
    return QJsonObject{{u"id"_s, 7},
                       {u"run_id"_s, 70},
                       {u"name"_s, u"Release / build (3.12)"_s},
                       {u"head_sha"_s, u"abc123"_s},
                       {u"status"_s, u"in_progress"_s},
                       {u"conclusion"_s, QJsonValue::Null},
                       {u"created_at"_s, u"2026-01-02T11:00:00Z"_s},
                       {u"started_at"_s, u"2026-01-02T11:04:05Z"_s},
                       {u"completed_at"_s, QJsonValue::Null},
                       {u"labels"_s, QJsonArray{u"ubuntu-latest"_s}},
                       {u"steps"_s, steps}};
}

QByteArray listOf(const QJsonArray &items)
{
    return QJsonDocument(items).toJson();
}

QByteArray documentOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

QJsonArray issues(int count)
{
    QJsonArray items;
    for (int i = 1; i <= count; ++i)
        items.append(issue(i));
    return items;
}

// Replaces one field of the item at `index`.
QJsonArray withField(QJsonArray items, int index, const QString &key, const QJsonValue &value)
{
    QJsonObject item = items.at(index).toObject();
    if (value.isUndefined())
        item.remove(key);
    else
        item.insert(key, value);
    items[index] = item;
    return items;
}

template<class T>
std::string errorOf(const ParseResult<T> &result)
{
    EXPECT_FALSE(result.isOk()) << "parsed although damaged";
    EXPECT_FALSE(bool(result));
    return result.error().toStdString();
}

} // namespace

TEST(GitHubJsonErrors, TheMinimalDocumentsParse)
{
    // The fixtures below are only meaningful if their undamaged form is accepted.
    const auto list = parseIssueList(listOf(issues(4)));
    ASSERT_TRUE(list.isOk()) << list.error().toStdString();
    ASSERT_EQ(list.value().size(), 4);
    EXPECT_EQ(list.value()[3].number, 4);
    EXPECT_EQ(list.value()[3].author.login, u"octocat"_s);
    const auto pulls = parsePullRequestList(listOf(QJsonArray{pull(5)}));
    ASSERT_TRUE(pulls.isOk()) << pulls.error().toStdString();
    EXPECT_EQ(pulls.value()[0].headRef, u"feature"_s);
    EXPECT_EQ(pulls.value()[0].baseRef, u"develop"_s);
    const auto jobs =
        parseWorkflowJobList(documentOf({{u"total_count"_s, 1}, {u"jobs"_s, QJsonArray{job()}}}));
    ASSERT_TRUE(jobs.isOk()) << jobs.error().toStdString();
    EXPECT_EQ(jobs.value().items[0].steps.size(), 5);
}

TEST(GitHubJsonErrors, NullInANestedRequiredFieldNamesTheWholePath)
{
    QJsonArray items = issues(4);
    QJsonObject author = user(u"someone"_s);
    author.insert(u"login"_s, QJsonValue::Null);
    items = withField(items, 3, u"user"_s, author);
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))),
              "[3].user.login: expected a string, got null");
}

TEST(GitHubJsonErrors, BadTimestampQuotesTheValue)
{
    const QJsonArray items = withField(issues(2), 0, u"created_at"_s, u"yesterday"_s);
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))),
              "[0].created_at: not an ISO 8601 timestamp: \"yesterday\"");
}

TEST(GitHubJsonErrors, LongBadValuesAreShortened)
{
    const QString junk = QString(100, u'x');
    const QJsonArray items = withField(issues(1), 0, u"updated_at"_s, junk);
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))),
              "[0].updated_at: not an ISO 8601 timestamp: \"" + std::string(60, 'x') + "\"...");
}

TEST(GitHubJsonErrors, TimestampOfTheWrongType)
{
    const QJsonArray items = withField(issues(1), 0, u"closed_at"_s, 1700000000);
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))),
              "[0].closed_at: expected an ISO 8601 timestamp, got number");
}

TEST(GitHubJsonErrors, LabelOfTheWrongType)
{
    QJsonObject object = issue(1);
    object.insert(u"labels"_s, QJsonArray{u"bug"_s, QJsonObject{{u"name"_s, u"triage"_s}}, 7});
    EXPECT_EQ(errorOf(parseIssue(object)), "labels[2]: expected an object or a string, got number");

    const QJsonArray items = withField(issues(2), 1, u"labels"_s, object.value(u"labels"_s));
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))),
              "[1].labels[2]: expected an object or a string, got number");
}

TEST(GitHubJsonErrors, LabelObjectWithoutAName)
{
    QJsonObject object = issue(1);
    object.insert(u"labels"_s, QJsonArray{QJsonObject{{u"color"_s, u"ff0000"_s}}});
    EXPECT_EQ(errorOf(parseIssue(object)),
              "labels[0].name: missing required field, expected a string");
}

TEST(GitHubJsonErrors, MissingRequiredField)
{
    const QJsonArray items = withField(issues(3), 2, u"number"_s, QJsonValue::Undefined);
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))),
              "[2].number: missing required field, expected an integer");
}

TEST(GitHubJsonErrors, WrongScalarTypes)
{
    EXPECT_EQ(errorOf(parseIssueList(listOf(withField(issues(1), 0, u"title"_s, 12)))),
              "[0].title: expected a string, got number");
    EXPECT_EQ(errorOf(parseIssueList(listOf(withField(issues(1), 0, u"locked"_s, u"no"_s)))),
              "[0].locked: expected a boolean, got string");
    EXPECT_EQ(errorOf(parseIssueList(listOf(withField(issues(1), 0, u"id"_s, u"1"_s)))),
              "[0].id: expected an integer, got string");
    EXPECT_EQ(errorOf(parseIssueList(listOf(withField(issues(1), 0, u"number"_s, 1.5)))),
              "[0].number: expected an integer, got 1.5");
    EXPECT_EQ(errorOf(parseIssueList(listOf(withField(issues(1), 0, u"comments"_s, 3000000000LL)))),
              "[0].comments: integer out of range: 3000000000");
    // Optional fields may be null or missing, but not of another type.
    EXPECT_EQ(errorOf(parseIssueList(listOf(withField(issues(1), 0, u"body"_s, QJsonArray())))),
              "[0].body: expected a string, got array");
    EXPECT_EQ(errorOf(parseIssueList(listOf(withField(issues(1), 0, u"milestone"_s, true)))),
              "[0].milestone: expected an object, got boolean");
}

TEST(GitHubJsonErrors, UnknownState)
{
    const QJsonArray items = withField(issues(1), 0, u"state"_s, u"merged"_s);
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))),
              "[0].state: expected one of \"open\", \"closed\", got \"merged\"");
}

TEST(GitHubJsonErrors, OnlyTheFirstProblemIsReported)
{
    QJsonArray items = withField(issues(3), 0, u"title"_s, QJsonValue::Null);
    items = withField(items, 2, u"number"_s, QJsonValue::Null);
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))), "[0].title: expected a string, got null");
}

TEST(GitHubJsonErrors, ItemsThatAreNotObjects)
{
    QJsonArray items = issues(2);
    items.append(QJsonValue::Null);
    EXPECT_EQ(errorOf(parseIssueList(listOf(items))), "[2]: expected an object, got null");
}

TEST(GitHubJsonErrors, TopLevelOfTheWrongShape)
{
    EXPECT_EQ(errorOf(parseIssueList("{}")), "top level: expected an array, got object");
    EXPECT_EQ(errorOf(parseIssue(QJsonValue(3))), "top level: expected an object, got number");
    EXPECT_EQ(errorOf(parseWorkflowRunList("[]")), "top level: expected an object, got array");
    EXPECT_EQ(errorOf(parseWorkflowRunList(R"({"total_count": 1})")),
              "workflow_runs: missing required field, expected an array");
    EXPECT_EQ(errorOf(parseWorkflowList(R"({"workflows": []})")),
              "total_count: missing required field, expected an integer");
}

TEST(GitHubJsonErrors, PullRequestRefs)
{
    QJsonObject object = pull(9);
    object.remove(u"head"_s);
    EXPECT_EQ(errorOf(parsePullRequestList(listOf(QJsonArray{pull(8), object}))),
              "[1].head: missing required field, expected an object");
    object = pull(9);
    object.insert(u"head"_s, QJsonObject{{u"ref"_s, u"feature"_s}, {u"sha"_s, QJsonValue::Null}});
    EXPECT_EQ(errorOf(parsePullRequest(object)), "head.sha: expected a string, got null");
    object = pull(9);
    object.insert(u"labels"_s, QJsonArray{u"bug"_s});
    EXPECT_EQ(errorOf(parsePullRequest(object)), "labels[0]: expected an object, got string");
}

TEST(GitHubJsonErrors, JobStepsInsideTheWrapper)
{
    QJsonObject broken = job();
    QJsonArray steps = broken.value(u"steps"_s).toArray();
    QJsonObject fourth = steps.at(3).toObject();
    fourth.insert(u"number"_s, QJsonValue::Null);
    steps[3] = fourth;
    broken.insert(u"steps"_s, steps);
    const QByteArray json =
        documentOf({{u"total_count"_s, 2}, {u"jobs"_s, QJsonArray{job(), broken}}});
    EXPECT_EQ(errorOf(parseWorkflowJobList(json)),
              "jobs[1].steps[3].number: expected an integer, got null");

    broken = job();
    broken.insert(u"labels"_s, QJsonArray{u"ubuntu-latest"_s, QJsonObject()});
    EXPECT_EQ(errorOf(parseWorkflowJob(broken)), "labels[1]: expected a string, got object");
}

TEST(GitHubJsonErrors, RateLimitBuckets)
{
    const QJsonObject core{
        {u"limit"_s, 5000}, {u"remaining"_s, 4999}, {u"used"_s, 1}, {u"reset"_s, 1691591363}};
    QJsonObject search = core;
    search.remove(u"remaining"_s);
    EXPECT_EQ(errorOf(parseRateLimits(QJsonObject{
                  {u"resources"_s, QJsonObject{{u"core"_s, core}, {u"search"_s, search}}}})),
              "resources.search.remaining: missing required field, expected an integer");
    EXPECT_EQ(
        errorOf(parseRateLimits(QJsonObject{{u"resources"_s, QJsonObject{{u"core"_s, 5000}}}})),
        "resources.core: expected an object, got number");
    EXPECT_EQ(errorOf(parseRateLimits(QJsonObject{{u"rate"_s, core}})),
              "resources: missing required field, expected an object");
}

TEST(GitHubJsonErrors, MalformedJsonGivesLineAndColumn)
{
    // Qt reports where it gave up: for an unterminated string, the end of the text.
    const QByteArray unterminated = "[\n  {\n    \"title\": \"ab";
    EXPECT_EQ(errorOf(parseIssueList(unterminated)),
              "malformed JSON at line 3, column 17: unterminated string");
    EXPECT_EQ(errorOf(parseIssueList("[\n  {\"a\": 1,}\n]")),
              "malformed JSON at line 2, column 12: object is missing after a comma");
    EXPECT_EQ(errorOf(parseIssueList("")), "malformed JSON at line 1, column 1: illegal value");
    EXPECT_EQ(errorOf(parseIssueList("[1] x")),
              "malformed JSON at line 1, column 5: garbage at the end of the document");
    // Columns count characters, not UTF-8 bytes.
    EXPECT_EQ(errorOf(parseIssueList("[\"ünïcödé\", ?]")),
              "malformed JSON at line 1, column 13: illegal number");
}

TEST(GitHubJsonErrors, NullableAndOptionalFieldsMayBeNullOrMissing)
{
    QJsonObject object = issue(1);
    object.insert(u"body"_s, QJsonValue::Null);
    object.insert(u"user"_s, QJsonValue::Null);
    object.insert(u"state_reason"_s, QJsonValue::Null);
    object.insert(u"labels"_s,
                  QJsonArray{u"bug"_s, QJsonObject{{u"name"_s, u"triage"_s},
                                                   {u"color"_s, QJsonValue::Null},
                                                   {u"description"_s, QJsonValue::Null}}});
    const auto result = parseIssue(object);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    const Issue &parsed = result.value();
    EXPECT_TRUE(parsed.body.isEmpty());
    EXPECT_TRUE(parsed.author.isEmpty());
    EXPECT_EQ(parsed.stateReason, Issue::StateReason::None);
    EXPECT_FALSE(parsed.milestone.has_value());
    EXPECT_FALSE(parsed.closedAt.isValid());
    EXPECT_FALSE(parsed.isPullRequest);
    EXPECT_TRUE(parsed.assignees.isEmpty());
    EXPECT_EQ(parsed.authorAssociation, AuthorAssociation::None);
    EXPECT_EQ(parsed.reactionCount, 0);
    ASSERT_EQ(parsed.labels.size(), 2);
    EXPECT_EQ(parsed.labels[0].name, u"bug"_s);
    EXPECT_EQ(parsed.labels[1].name, u"triage"_s);
    EXPECT_TRUE(parsed.labels[1].color.isEmpty());
    EXPECT_EQ(parsed.createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
}

TEST(GitHubJsonErrors, IssueExtrasAreRead)
{
    QJsonObject object = issue(1);
    object.insert(u"state"_s, u"closed"_s);
    object.insert(u"state_reason"_s, u"not_planned"_s);
    object.insert(u"closed_at"_s, u"2026-02-01T00:00:00Z"_s);
    object.insert(u"reactions"_s, QJsonObject{{u"total_count"_s, 5}, {u"+1"_s, 5}});
    object.insert(u"author_association"_s, u"FIRST_TIME_CONTRIBUTOR"_s);
    object.insert(u"pull_request"_s, QJsonObject{{u"merged_at"_s, u"2026-01-31T23:00:00Z"_s}});
    const auto result = parseIssue(object);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    EXPECT_EQ(result.value().state, Issue::State::Closed);
    EXPECT_EQ(result.value().stateReason, Issue::StateReason::NotPlanned);
    EXPECT_EQ(result.value().reactionCount, 5);
    EXPECT_EQ(result.value().authorAssociation, AuthorAssociation::FirstTimeContributor);
    EXPECT_TRUE(result.value().isPullRequest);
    EXPECT_TRUE(result.value().isMerged());
    EXPECT_EQ(result.value().mergedAt, QDateTime(QDate(2026, 1, 31), QTime(23, 0), Qt::UTC));

    // GitHub's newer "duplicate" reason is a kind of not-planned closure.
    object.insert(u"state_reason"_s, u"duplicate"_s);
    EXPECT_EQ(parseIssue(object).value().stateReason, Issue::StateReason::NotPlanned);
    object.insert(u"state_reason"_s, u"something_new"_s);
    EXPECT_EQ(parseIssue(object).value().stateReason, Issue::StateReason::None);
}

TEST(GitHubJsonErrors, JobsWithoutTimesOrSteps)
{
    QJsonObject queued = job();
    queued.insert(u"status"_s, u"queued"_s);
    queued.insert(u"started_at"_s, QJsonValue::Null);
    queued.remove(u"steps"_s);
    queued.insert(u"runner_name"_s, QJsonValue::Null);
    const auto result = parseWorkflowJob(queued);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    EXPECT_EQ(result.value().status, RunStatus::Queued);
    EXPECT_EQ(result.value().conclusion, RunConclusion::None);
    EXPECT_FALSE(result.value().startedAt.isValid());
    EXPECT_FALSE(result.value().completedAt.isValid());
    EXPECT_TRUE(result.value().steps.isEmpty());
    EXPECT_EQ(result.value().createdAt, QDateTime(QDate(2026, 1, 2), QTime(11, 0), Qt::UTC));

    QJsonObject pending = job();
    QJsonArray steps = pending.value(u"steps"_s).toArray();
    QJsonObject last = steps.last().toObject();
    last.insert(u"status"_s, u"pending"_s);
    last.insert(u"conclusion"_s, QJsonValue::Null);
    last.insert(u"started_at"_s, QJsonValue::Null);
    last.insert(u"completed_at"_s, QJsonValue::Null);
    steps[steps.size() - 1] = last;
    pending.insert(u"steps"_s, steps);
    const auto withPendingStep = parseWorkflowJob(pending);
    ASSERT_TRUE(withPendingStep.isOk()) << withPendingStep.error().toStdString();
    const WorkflowStep &step = withPendingStep.value().steps.last();
    EXPECT_EQ(step.status, RunStatus::Pending);
    EXPECT_EQ(step.conclusion, RunConclusion::None);
    EXPECT_FALSE(step.startedAt.isValid());
    // "-08:00" step times are the same instants in UTC.
    EXPECT_EQ(withPendingStep.value().steps.first().startedAt,
              QDateTime(QDate(2026, 1, 2), QTime(11, 4, 5), Qt::UTC));
}

TEST(GitHubJsonErrors, CommentIssueNumberComesFromTheIssueUrl)
{
    QJsonObject comment{{u"id"_s, 11},
                        {u"issue_url"_s, u"https://api.github.com/repos/o/r/issues/4242"_s},
                        {u"user"_s, QJsonValue::Null},
                        {u"created_at"_s, u"2026-01-02T03:04:05Z"_s},
                        {u"updated_at"_s, u"2026-01-02T03:04:05Z"_s},
                        {u"html_url"_s, u"https://github.com/o/r/issues/4242#issuecomment-11"_s}};
    auto result = parseComment(comment);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    EXPECT_EQ(result.value().issueNumber, 4242);
    EXPECT_TRUE(result.value().author.isEmpty());
    EXPECT_TRUE(result.value().body.isEmpty());

    comment.insert(u"issue_url"_s, u"https://api.github.com/repos/o/r/issues/"_s);
    EXPECT_EQ(parseComment(comment).value().issueNumber, 0);
    comment.remove(u"issue_url"_s);
    EXPECT_EQ(errorOf(parseComment(comment)),
              "issue_url: missing required field, expected a string");
}

TEST(GitHubJsonErrors, WorkflowRunStatusAndConclusion)
{
    QJsonObject run{{u"id"_s, 5},
                    {u"workflow_id"_s, 6},
                    {u"name"_s, QJsonValue::Null},
                    {u"display_title"_s, u"Release v3.2.0"_s},
                    {u"path"_s, u".github/workflows/release.yml"_s},
                    {u"head_branch"_s, QJsonValue::Null},
                    {u"head_sha"_s, u"abc"_s},
                    {u"event"_s, u"workflow_dispatch"_s},
                    {u"run_number"_s, 77},
                    {u"status"_s, QJsonValue::Null},
                    {u"conclusion"_s, u"startup_failure"_s},
                    {u"created_at"_s, u"2026-01-02T03:04:05Z"_s},
                    {u"updated_at"_s, u"2026-01-02T03:34:05Z"_s},
                    {u"html_url"_s, u"https://github.com/o/r/actions/runs/5"_s}};
    const auto result = parseWorkflowRun(run);
    ASSERT_TRUE(result.isOk()) << result.error().toStdString();
    EXPECT_EQ(result.value().status, RunStatus::Unknown);
    EXPECT_EQ(result.value().conclusion, RunConclusion::StartupFailure);
    EXPECT_EQ(result.value().runAttempt, 1);
    EXPECT_TRUE(result.value().actor.isEmpty());
    EXPECT_FALSE(result.value().runStartedAt.isValid());

    run.insert(u"run_number"_s, QJsonValue::Null);
    EXPECT_EQ(errorOf(parseWorkflowRun(run)), "run_number: expected an integer, got null");
}
