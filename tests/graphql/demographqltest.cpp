#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "demographqlresolver.h"
#include "githubclient.h"
#include "graphqljob.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "pullrequestdetailsquery.h"
#include "pullrequestfilesjob.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>

#include <memory>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);

const DemoDataset &generated()
{
    static const DemoDataset data =
        DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, kNow);
    return data;
}

// The pull request as the details query would leave it if it had only the REST fields.
PullRequest withoutDetails(PullRequest pull)
{
    const PullRequest blank;
    pull.additions = blank.additions;
    pull.deletions = blank.deletions;
    pull.changedFiles = blank.changedFiles;
    pull.draft = !pull.draft; // wrong on purpose: apply() must set it
    pull.reviewDecision = blank.reviewDecision;
    pull.mergedAt = {};
    pull.baseRef.clear();
    pull.headRef.clear();
    pull.headSha.clear();
    pull.mergeCommitSha = u"stale"_s;
    pull.linkedIssues = {-1};
    pull.checkState = blank.checkState;
    return pull;
}

class DemoGraphQLTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server.setHandler(
            [backend = m_backend](const HttpRequest &request) { return backend->handle(request); });
        ASSERT_TRUE(m_server.start()) << m_server.errorString().toStdString();
        m_client.setApiUrl(m_server.baseUrl());
        m_client.setToken(u"demo-token"_s);
    }

    // Posts a document straight to the backend, as the server would hand it over.
    QJsonObject post(const QString &query, const QJsonObject &variables = {},
                     const QString &path = u"/graphql"_s, int *status = nullptr)
    {
        HttpRequest request;
        request.method = "POST";
        request.target = path.toUtf8();
        request.path = path;
        request.headers = {{"Host", "127.0.0.1:4321"}, {"Content-Type", "application/json"}};
        request.body = QJsonDocument(QJsonObject{{u"query"_s, query}, {u"variables"_s, variables}})
                           .toJson(QJsonDocument::Compact);
        const HttpResponse response = m_backend->handle(request);
        if (status)
            *status = response.status;
        EXPECT_EQ(response.header("x-ratelimit-resource"), QByteArray("graphql"));
        return QJsonDocument::fromJson(response.body).object();
    }

    static QString firstError(const QJsonObject &answer)
    {
        return answer.value("errors"_L1)
            .toArray()
            .first()
            .toObject()
            .value("message"_L1)
            .toString();
    }

    ManualClock m_clock{kNow};
    std::shared_ptr<DemoGitHubBackend> m_backend =
        std::make_shared<DemoGitHubBackend>(generated(), &m_clock);
    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
};

} // namespace

TEST_F(DemoGraphQLTest, DetailsOfEveryPullRequestEqualTheDataset)
{
    const DemoDataset &data = generated();
    const int issueNumber = data.issues.first().number; // an issue is no pull request
    QList<int> numbers{issueNumber, 999'999};
    for (const PullRequest &pull : data.pullRequests)
        numbers.append(pull.number);
    const QList<QList<int>> batches = PullRequestDetailsQuery::batches(numbers);
    ASSERT_GE(batches.size(), 3);
    ASSERT_EQ(batches.first().size(), 100);

    QList<PullRequest> pulls;
    QList<int> missing;
    for (const QList<int> &batch : batches) {
        GraphQLJob *job =
            m_client.graphql(PullRequestDetailsQuery::request(data.owner, data.name, batch));
        job->setAutoDelete(false);
        QSignalSpy finished(job, &GraphQLJob::finished);
        ASSERT_TRUE(finished.wait(10'000));
        const PullRequestDetailsQuery::Result result =
            PullRequestDetailsQuery::parse(job->response(), batch);
        delete job;
        ASSERT_TRUE(result.isOk()) << result.error.message().toStdString();
        EXPECT_EQ(result.cost, 1);
        EXPECT_EQ(result.rateLimit.limit, 5000);
        EXPECT_EQ(result.rateLimit.remaining, 4999);
        pulls += result.pulls;
        missing += result.missing;
    }
    EXPECT_EQ(m_server.requestCount(), batches.size()); // one request per 100 numbers
    EXPECT_EQ(missing, (QList<int>{issueNumber, 999'999}));
    ASSERT_EQ(pulls.size(), data.pullRequests.size());

    QSet<PullRequest::CheckState> checkStates;
    QSet<PullRequest::ReviewDecision> decisions;
    int linked = 0;
    for (qsizetype i = 0; i < pulls.size(); ++i) {
        const PullRequest &details = pulls[i];
        const PullRequest &expected = data.pullRequests[i];
        ASSERT_EQ(details.number, expected.number);
        PullRequest pull = withoutDetails(expected);
        PullRequestDetailsQuery::apply(details, pull);
        EXPECT_EQ(pull, expected) << "pull request #" << details.number;
        checkStates.insert(details.checkState);
        decisions.insert(details.reviewDecision);
        linked += !details.linkedIssues.isEmpty();
    }
    // The dataset exercises the mappings, not just one value of each.
    EXPECT_EQ(checkStates.size(), 4);
    EXPECT_GE(decisions.size(), 3);
    EXPECT_GT(linked, 0);
}

TEST_F(DemoGraphQLTest, AnswersOnTheEnterprisePathToo)
{
    const DemoDataset &data = generated();
    m_client.setApiUrl(QUrl(m_server.baseUrl().toString() + u"/api/v3"_s));
    const int number = data.pullRequests.first().number;
    GraphQLJob *job =
        m_client.graphql(PullRequestDetailsQuery::request(data.owner, data.name, {number}));
    job->setAutoDelete(false);
    QSignalSpy finished(job, &GraphQLJob::finished);
    ASSERT_TRUE(finished.wait(10'000));
    const auto result = PullRequestDetailsQuery::parse(job->response(), {number});
    delete job;
    ASSERT_TRUE(result.isOk()) << result.error.message().toStdString();
    ASSERT_EQ(result.pulls.size(), 1);
    EXPECT_EQ(result.pulls.first().additions, data.pullRequests.first().additions);
    EXPECT_EQ(m_server.requestLog().first().path, u"/api/graphql"_s);
}

TEST_F(DemoGraphQLTest, FilesOfALoggerPullRequestLiveUnderLogging)
{
    const DemoDataset &data = generated();
    const auto pull = std::find_if(
        data.pullRequests.cbegin(), data.pullRequests.cend(), [](const PullRequest &p) {
            return p.hasLabel(u"logger") && p.changedFiles >= 3 && p.title.startsWith(u"feat"_s);
        });
    ASSERT_NE(pull, data.pullRequests.cend());

    auto *job = new PullRequestFilesJob(&m_client, data.owner, data.name, pull->number);
    job->setAutoDelete(false);
    QSignalSpy finished(job, &PullRequestFilesJob::finished);
    job->start();
    ASSERT_TRUE(finished.wait(10'000));
    ASSERT_FALSE(job->error().isError()) << job->error().message().toStdString();
    const QStringList paths = job->paths();
    EXPECT_EQ(paths.size(), pull->changedFiles);
    EXPECT_EQ(QSet<QString>(paths.cbegin(), paths.cend()).size(), paths.size());
    EXPECT_TRUE(paths.first().startsWith(u"aws_lambda_powertools/logging/"_s))
        << paths.first().toStdString();
    for (const QString &path : paths)
        EXPECT_TRUE(path.contains(u"logging"_s) || path.contains(u"logger"_s))
            << path.toStdString();
    int additions = 0;
    int deletions = 0;
    for (const PullRequestFilesQuery::File &file : job->files()) {
        additions += file.additions;
        deletions += file.deletions;
    }
    EXPECT_EQ(additions, pull->additions);
    EXPECT_EQ(deletions, pull->deletions);
    delete job;
}

TEST_F(DemoGraphQLTest, ChangedFilesAddUpForEveryPullRequest)
{
    int dependencyPulls = 0;
    for (const PullRequest &pull : generated().pullRequests) {
        const QList<DemoGraphQLResolver::ChangedFile> files =
            DemoGraphQLResolver::changedFiles(pull);
        ASSERT_EQ(files.size(), pull.changedFiles) << pull.number;
        int additions = 0;
        int deletions = 0;
        QSet<QString> paths;
        for (const DemoGraphQLResolver::ChangedFile &file : files) {
            additions += file.additions;
            deletions += file.deletions;
            paths.insert(file.path);
            EXPECT_GE(file.additions, 0);
            EXPECT_GE(file.deletions, 0);
        }
        EXPECT_EQ(additions, pull.additions) << pull.number;
        EXPECT_EQ(deletions, pull.deletions) << pull.number;
        EXPECT_EQ(paths.size(), files.size()) << pull.number;
        if (pull.hasLabel(u"dependencies") && !pull.hasLabel(u"github-actions")) {
            ++dependencyPulls;
            EXPECT_EQ(files.first().path, u"pyproject.toml"_s) << pull.number;
        }
        EXPECT_EQ(files, DemoGraphQLResolver::changedFiles(pull)); // deterministic
    }
    EXPECT_GT(dependencyPulls, 0);
}

TEST_F(DemoGraphQLTest, PaginatesConnectionsWithCursors)
{
    const DemoDataset &data = generated();
    const auto pull = std::max_element(
        data.pullRequests.cbegin(), data.pullRequests.cend(),
        [](const PullRequest &a, const PullRequest &b) { return a.changedFiles < b.changedFiles; });
    ASSERT_GT(pull->changedFiles, 7);
    const QString query =
        u"query($owner: String!, $name: String!, $number: Int!, $cursor: String) {"
        " repository(owner: $owner, name: $name) { pullRequest(number: $number) {"
        " files(first: 3, after: $cursor) { totalCount nodes { path }"
        " pageInfo { hasNextPage endCursor } } } } }"_s;
    QStringList paths;
    QJsonValue cursor = QJsonValue::Null;
    for (int page = 0; page < 100; ++page) {
        const QJsonObject answer = post(query, {{u"owner"_s, data.owner},
                                                {u"name"_s, data.name},
                                                {u"number"_s, pull->number},
                                                {u"cursor"_s, cursor}});
        ASSERT_FALSE(answer.contains("errors"_L1)) << firstError(answer).toStdString();
        const QJsonObject files =
            answer.value("data"_L1)["repository"_L1]["pullRequest"_L1]["files"_L1].toObject();
        EXPECT_EQ(files.value("totalCount"_L1).toInt(), pull->changedFiles);
        for (const QJsonValue &node : files.value("nodes"_L1).toArray())
            paths.append(node["path"_L1].toString());
        const QJsonObject info = files.value("pageInfo"_L1).toObject();
        if (!info.value("hasNextPage"_L1).toBool())
            break;
        cursor = info.value("endCursor"_L1);
    }
    QStringList expected;
    for (const DemoGraphQLResolver::ChangedFile &file : DemoGraphQLResolver::changedFiles(*pull))
        expected.append(file.path);
    EXPECT_EQ(paths, expected);
}

TEST_F(DemoGraphQLTest, ReportsRateLimitAndSparesTheRestBudget)
{
    const int before = m_backend->rateLimit().remaining;
    const QJsonObject answer =
        post(u"{ rateLimit { cost limit remaining used resetAt nodeCount } }"_s);
    const QJsonObject limit = answer.value("data"_L1)["rateLimit"_L1].toObject();
    EXPECT_EQ(limit.value("cost"_L1).toInt(), 1);
    EXPECT_EQ(limit.value("limit"_L1).toInt(), 5000);
    EXPECT_EQ(limit.value("remaining"_L1).toInt(), 4999);
    EXPECT_EQ(limit.value("used"_L1).toInt(), 1);
    EXPECT_FALSE(limit.value("resetAt"_L1).toString().isEmpty());
    EXPECT_EQ(limit.value("nodeCount"_L1).toInt(), 0);
    EXPECT_EQ(m_backend->rateLimit().remaining, before);

    const QList<int> hundred = PullRequestDetailsQuery::batches([] {
                                   QList<int> n;
                                   for (int i = 1; i <= 100; ++i)
                                       n.append(i);
                                   return n;
                               }())
                                   .first();
    const QString details = PullRequestDetailsQuery::document(hundred).replace(
        u"rateLimit { cost remaining resetAt limit used }"_s, u"rateLimit { nodeCount }"_s);
    const QJsonObject counted =
        post(details, {{u"owner"_s, generated().owner}, {u"name"_s, generated().name}});
    // The demo counts nodes as GitHub does, and agrees with the client's own count.
    EXPECT_EQ(counted.value("data"_L1)["rateLimit"_L1]["nodeCount"_L1].toInt(),
              PullRequestDetailsQuery::nodeCount(100));
}

TEST_F(DemoGraphQLTest, DocumentsItCannotRunGetErrorsWithoutData)
{
    const QJsonObject variables{{u"owner"_s, generated().owner}, {u"name"_s, generated().name}};
    struct Case
    {
        QString query;
        QString message;
    };
    const QList<Case> cases = {
        {u"query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {"
         " pullRequest(number: %1) { nope } } }"_s,
         u"Field 'nope' doesn't exist on type 'PullRequest'"_s},
        {u"{ viewer { login } }"_s, u"Field 'viewer' doesn't exist on type 'Query'"_s},
        {u"query { repository(owner: $owner, name: $name) { name } "_s,
         u"Parse error on end of file"_s},
        {u"mutation { addStar(input: {}) { clientMutationId } }"_s,
         u"The demo backend answers queries only"_s},
        {u"query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {"
         " pullRequest(number: %1) { files { nodes { path } } } } }"_s,
         u"You must provide a `first` or `last` value"_s},
        {u"query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {"
         " pullRequest(number: %1) { files(first: 101) { nodes { path } } } } }"_s,
         u"Requesting 101 records on the `files` connection exceeds the `first` limit"_s},
        {u"query($owner: String!) { repository(owner: $owner, name: $name) { name } }"_s,
         u"Variable $name is used by Query but not declared"_s},
        {u"query($owner: String!, $name: String!, $n: Int!) { repository(owner: $owner, "
         "name: $name) { name } }"_s,
         u"Variable $n of type Int! was provided invalid value"_s},
        {u"{ ...Missing }"_s, u"Fragment Missing was used, but not defined"_s},
        {u"query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {"
         " pullRequest(number: %1) { mergeCommit } } }"_s,
         u"Field must have selections"_s},
    };
    const QString pullNumber = QString::number(generated().pullRequests.first().number);
    for (const Case &c : cases) {
        int status = 0;
        const QString query = QString(c.query).replace(u"%1"_s, pullNumber);
        const QJsonObject answer = post(query, variables, u"/graphql"_s, &status);
        EXPECT_EQ(status, 200) << c.query.toStdString();
        EXPECT_FALSE(answer.contains("data"_L1)) << c.query.toStdString();
        EXPECT_TRUE(firstError(answer).startsWith(c.message))
            << c.query.toStdString() << " -> " << firstError(answer).toStdString();
    }

    HttpRequest notJson;
    notJson.method = "POST";
    notJson.path = u"/graphql"_s;
    notJson.body = "{query";
    EXPECT_EQ(m_backend->handle(notJson).status, 400);
}

TEST_F(DemoGraphQLTest, UnknownRepositoryIsNotFoundWithItsPath)
{
    const QJsonObject answer =
        post(u"{ repository(owner: \"no\", name: \"such\") { name } }"_s, {}, u"/api/graphql"_s);
    EXPECT_TRUE(answer.value("data"_L1)["repository"_L1].isNull());
    const QJsonObject error = answer.value("errors"_L1)[0].toObject();
    EXPECT_EQ(error.value("type"_L1).toString(), u"NOT_FOUND"_s);
    EXPECT_EQ(error.value("path"_L1).toArray(), QJsonArray{u"repository"_s});
    EXPECT_EQ(error.value("message"_L1).toString(),
              u"Could not resolve to a Repository with the name 'no/such'."_s);
}
