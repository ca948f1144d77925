#include "demodatagenerator.h"
#include "githubjson.h"
#include "githubjsonwriter.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Mainstay;

namespace {

const QString kApi = QStringLiteral("https://api.github.com");
const QString kRepo = QStringLiteral("demo/lambda-powertools");

const DemoDataset &dataset()
{
    static const DemoDataset data = DemoDataGenerator::generate(
        DemoDataGenerator::DefaultSeed, QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC));
    return data;
}

// The pulls payload has no issue id, no reactions, no state_reason, and no review, check or
// closing-reference state (those come from GraphQL): those fields cannot survive the trip.
PullRequest restOnly(PullRequest pull)
{
    pull.id = 0;
    pull.reactionCount = 0;
    pull.stateReason = Issue::StateReason::None;
    pull.reviewDecision = PullRequest::ReviewDecision::None;
    pull.checkState = PullRequest::CheckState::Unknown;
    pull.linkedIssues.clear();
    return pull;
}

} // namespace

TEST(GitHubJsonWriter, IssuesRoundTrip)
{
    for (const Issue &issue : dataset().issues) {
        const auto parsed = GitHubJson::parseIssue(GitHubJsonWriter::toJson(issue, kApi, kRepo));
        ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
        ASSERT_EQ(parsed.value(), issue) << issue.number;
    }
}

TEST(GitHubJsonWriter, PullRequestsRoundTripAsIssuesAndAsPulls)
{
    for (const PullRequest &pull : dataset().pullRequests) {
        const Issue asIssue = pull;
        const QJsonObject issueJson = GitHubJsonWriter::toJson(asIssue, kApi, kRepo);
        ASSERT_TRUE(issueJson.contains(QStringLiteral("pull_request")));
        EXPECT_EQ(issueJson.value(QStringLiteral("pull_request"))
                      .toObject()
                      .value(QStringLiteral("merged_at"))
                      .isNull(),
                  !pull.isMerged());
        const auto parsedIssue = GitHubJson::parseIssue(issueJson);
        ASSERT_TRUE(parsedIssue.isOk()) << parsedIssue.error().toStdString();
        ASSERT_EQ(parsedIssue.value(), asIssue) << pull.number;

        const auto parsedPull =
            GitHubJson::parsePullRequest(GitHubJsonWriter::toJson(pull, kApi, kRepo));
        ASSERT_TRUE(parsedPull.isOk()) << parsedPull.error().toStdString();
        ASSERT_EQ(parsedPull.value(), restOnly(pull)) << pull.number;
    }
}

TEST(GitHubJsonWriter, OtherObjectsRoundTrip)
{
    const DemoDataset &d = dataset();
    for (const Comment &comment : d.comments) {
        const auto parsed =
            GitHubJson::parseComment(GitHubJsonWriter::toJson(comment, kApi, kRepo));
        ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
        ASSERT_EQ(parsed.value(), comment);
    }
    for (const Release &release : d.releases) {
        const auto parsed =
            GitHubJson::parseRelease(GitHubJsonWriter::toJson(release, kApi, kRepo));
        ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
        ASSERT_EQ(parsed.value(), release);
    }
    for (const Label &label : d.labels) {
        const auto parsed = GitHubJson::parseLabel(GitHubJsonWriter::toJson(label));
        ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
        ASSERT_EQ(parsed.value(), label);
    }
    for (const Milestone &milestone : d.milestones) {
        const auto parsed = GitHubJson::parseMilestone(GitHubJsonWriter::toJson(milestone));
        ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
        ASSERT_EQ(parsed.value(), milestone);
    }
    for (const Workflow &workflow : d.workflows) {
        const auto parsed =
            GitHubJson::parseWorkflow(GitHubJsonWriter::toJson(workflow, kApi, kRepo));
        ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
        ASSERT_EQ(parsed.value(), workflow);
    }
    for (const WorkflowRun &run : d.runs + d.earlierAttempts) {
        const auto parsed =
            GitHubJson::parseWorkflowRun(GitHubJsonWriter::toJson(run, kApi, kRepo));
        ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
        ASSERT_EQ(parsed.value(), run);
    }
    for (const WorkflowJob &job : d.jobs) {
        const auto parsed =
            GitHubJson::parseWorkflowJob(GitHubJsonWriter::toJson(job, kApi, kRepo));
        ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
        ASSERT_EQ(parsed.value(), job);
    }
}

TEST(GitHubJsonWriter, FillsUrlsLikeGitHub)
{
    const Issue &issue = dataset().issues.first();
    const QJsonObject json = GitHubJsonWriter::toJson(issue, kApi, kRepo);
    const QString number = QString::number(issue.number);
    EXPECT_EQ(json.value(QStringLiteral("url")).toString(),
              QStringLiteral("https://api.github.com/repos/demo/lambda-powertools/issues/") +
                  number);
    EXPECT_EQ(json.value(QStringLiteral("comments_url")).toString(),
              QStringLiteral("https://api.github.com/repos/demo/lambda-powertools/issues/") +
                  number + QStringLiteral("/comments"));
    EXPECT_EQ(json.value(QStringLiteral("repository_url")).toString(),
              QStringLiteral("https://api.github.com/repos/demo/lambda-powertools"));
    EXPECT_FALSE(json.value(QStringLiteral("node_id")).toString().isEmpty());
    const QJsonObject label = json.value(QStringLiteral("labels")).toArray().first().toObject();
    EXPECT_TRUE(label.value(QStringLiteral("url"))
                    .toString()
                    .startsWith(QStringLiteral(
                        "https://api.github.com/repos/demo/lambda-powertools/labels/")));
    const QJsonObject user = json.value(QStringLiteral("user")).toObject();
    EXPECT_EQ(user.value(QStringLiteral("url")).toString(),
              QStringLiteral("https://api.github.com/users/") + issue.author.login);

    // A loopback or Enterprise API root is used as given.
    const QJsonObject local =
        GitHubJsonWriter::toJson(issue, QStringLiteral("http://127.0.0.1:8080/api/v3/"), kRepo);
    EXPECT_EQ(local.value(QStringLiteral("url")).toString(),
              QStringLiteral("http://127.0.0.1:8080/api/v3/repos/demo/lambda-powertools/issues/") +
                  number);
}

TEST(GitHubJsonWriter, JobListsParseAsWholeDocuments)
{
    const DemoDataset &d = dataset();
    QJsonArray jobs;
    for (const WorkflowJob &job : d.jobs)
        if (job.runId == d.runs.first().id)
            jobs.append(GitHubJsonWriter::toJson(job, kApi, kRepo));
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("total_count"), jobs.size()},
                                                      {QStringLiteral("jobs"), jobs}})
                                .toJson(QJsonDocument::Compact);
    const auto parsed = GitHubJson::parseWorkflowJobList(body);
    ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
    EXPECT_EQ(parsed.value().items.size(), jobs.size());
    EXPECT_EQ(parsed.value().totalCount, jobs.size());
}
