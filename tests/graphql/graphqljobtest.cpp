#include "graphqljob.h"
#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "pullrequestfilesjob.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

const GraphQLRequest kViewer{u"query { viewer { login } }"_s, {}};

class GraphQLJobTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.start()) << m_server.errorString().toStdString();
        m_client.setApiUrl(m_server.baseUrl());
    }

    GraphQLResponse run(GraphQLJob *job)
    {
        job->setAutoDelete(false);
        QSignalSpy spy(job, &GraphQLJob::finished);
        EXPECT_TRUE(spy.wait(10'000));
        EXPECT_TRUE(job->isFinished());
        GraphQLResponse response = job->response();
        delete job;
        return response;
    }

    // Answers every request with `body` (status 200 unless told) and GraphQL's rate headers.
    void answer(const QByteArray &body, int status = 200, int remaining = 4990)
    {
        m_server.setHandler([=](const HttpRequest &) {
            HttpResponse response = HttpResponse::json(status, body);
            response.setHeader("x-ratelimit-limit", "5000");
            response.setHeader("x-ratelimit-remaining", QByteArray::number(remaining));
            response.setHeader("x-ratelimit-used", QByteArray::number(5000 - remaining));
            response.setHeader("x-ratelimit-reset", "1780003600");
            response.setHeader("x-ratelimit-resource", "graphql");
            return response;
        });
    }

    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
};

} // namespace

TEST_F(GraphQLJobTest, PostsQueryAndVariablesWithGitHubHeadersAndTheToken)
{
    answer(R"({"data":{"viewer":{"login":"octocat"}}})");
    m_client.setToken(u"ghp_secret"_s);
    const GraphQLRequest request{u"query($n: Int!) { viewer { login } }"_s,
                                 QJsonObject{{u"n"_s, 3}, {u"owner"_s, u"o"_s}}};

    const GraphQLResponse response = run(m_client.graphql(request));
    ASSERT_TRUE(response.isOk()) << response.error.message().toStdString();
    EXPECT_EQ(response.data.value("viewer"_L1).toObject().value("login"_L1).toString(),
              u"octocat"_s);

    const QList<HttpRequest> log = m_server.requestLog();
    ASSERT_EQ(log.size(), 1);
    const HttpRequest &sent = log.first();
    EXPECT_EQ(sent.method, QByteArray("POST"));
    EXPECT_EQ(sent.path, u"/graphql"_s);
    EXPECT_EQ(sent.header("Accept"), QByteArray("application/vnd.github+json"));
    EXPECT_EQ(sent.header("X-GitHub-Api-Version"), QByteArray("2022-11-28"));
    EXPECT_TRUE(sent.header("User-Agent").startsWith("Mainstay/"));
    EXPECT_EQ(sent.header("Authorization"), QByteArray("Bearer ghp_secret"));
    EXPECT_TRUE(sent.header("Content-Type").startsWith("application/json"));

    const QJsonDocument body = QJsonDocument::fromJson(sent.body);
    ASSERT_TRUE(body.isObject()) << sent.body.toStdString();
    EXPECT_EQ(body.object().keys(), (QStringList{u"query"_s, u"variables"_s}));
    EXPECT_EQ(body.object().value("query"_L1).toString(), request.query);
    EXPECT_EQ(body.object().value("variables"_L1).toObject(), request.variables);
}

TEST_F(GraphQLJobTest, SendsNoAuthorizationWithoutAToken)
{
    answer(R"({"data":{"viewer":{"login":"octocat"}}})");
    run(m_client.graphql(kViewer));
    ASSERT_EQ(m_server.requestLog().size(), 1);
    EXPECT_FALSE(m_server.requestLog().first().hasHeader("Authorization"));
}

TEST_F(GraphQLJobTest, GoesToApiGraphqlOnGitHubEnterprise)
{
    answer(R"({"data":{"viewer":{"login":"octocat"}}})");
    m_client.setApiUrl(QUrl(m_server.baseUrl().toString() + u"/api/v3"_s));
    const GraphQLResponse response = run(m_client.graphql(kViewer));
    ASSERT_TRUE(response.isOk()) << response.error.message().toStdString();
    ASSERT_EQ(m_server.requestLog().size(), 1);
    EXPECT_EQ(m_server.requestLog().first().path, u"/api/graphql"_s);
}

TEST_F(GraphQLJobTest, ErrorsInA200AreAGraphQLErrorWithEveryMessage)
{
    answer(R"({"data":{"repository":{"p1":null,"p2":{"number":2}}},
               "errors":[{"type":"NOT_FOUND","path":["repository","p1"],
                          "message":"Could not resolve to a PullRequest with the number of 1."},
                         {"message":"Field 'nope' doesn't exist on type 'PullRequest'",
                          "path":["query",0]}]})");
    const GraphQLResponse response = run(m_client.graphql(kViewer));
    EXPECT_EQ(response.error.kind, ApiError::Kind::GraphQL);
    EXPECT_EQ(response.error.httpStatus, 200);
    EXPECT_EQ(response.error.details,
              (QStringList{u"Could not resolve to a PullRequest with the number of 1."_s,
                           u"Field 'nope' doesn't exist on type 'PullRequest'"_s}));
    EXPECT_TRUE(response.error.message().contains(u"Could not resolve to a PullRequest"_s));
    EXPECT_EQ(response.error.context, u"POST /graphql"_s);
    ASSERT_EQ(response.errors.size(), 2);
    EXPECT_EQ(response.errors[0].type, u"NOT_FOUND"_s);
    EXPECT_EQ(response.errors[0].path, (QStringList{u"repository"_s, u"p1"_s}));
    EXPECT_EQ(response.errors[1].type, QString());
    EXPECT_EQ(response.errors[1].path, (QStringList{u"query"_s, u"0"_s}));
    // The partial answer is kept for the query parsers to judge.
    EXPECT_EQ(response.data.value("repository"_L1)
                  .toObject()
                  .value("p2"_L1)
                  .toObject()
                  .value("number"_L1),
              QJsonValue(2));
}

TEST_F(GraphQLJobTest, AnExhaustedBudgetIsRateLimitedUntilTheHeadersReset)
{
    answer(R"({"errors":[{"type":"RATE_LIMITED",
                          "message":"API rate limit exceeded for user ID 1."}]})",
           200, 0);
    const GraphQLResponse response = run(m_client.graphql(kViewer));
    EXPECT_EQ(response.error.kind, ApiError::Kind::RateLimited);
    EXPECT_TRUE(response.error.isTransient());
    EXPECT_EQ(response.error.retryAt, QDateTime::fromSecsSinceEpoch(1'780'003'600, Qt::UTC));
    EXPECT_EQ(response.error.serverMessage, u"API rate limit exceeded for user ID 1."_s);
    EXPECT_EQ(response.rateLimit.remaining, 0);
    EXPECT_EQ(response.rateLimit.resource, u"graphql"_s);
}

TEST_F(GraphQLJobTest, RateLimitedTakesRetryAtFromTheBodysResetAt)
{
    answer(R"({"data":{"rateLimit":{"cost":1,"remaining":0,"limit":5000,
                                     "resetAt":"2026-05-28T21:00:00Z"}},
               "errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded"}]})");
    const GraphQLResponse response = run(m_client.graphql(kViewer));
    EXPECT_EQ(response.error.kind, ApiError::Kind::RateLimited);
    EXPECT_EQ(response.error.retryAt, QDateTime(QDate(2026, 5, 28), QTime(21, 0), Qt::UTC));
}

TEST_F(GraphQLJobTest, ReadsTheRateLimitTheQueryAskedFor)
{
    answer(R"({"data":{"rateLimit":{"cost":2,"remaining":4321,"limit":5000,
                                     "resetAt":"2026-05-28T21:00:00Z"}}})");
    const GraphQLResponse response = run(m_client.graphql(kViewer));
    ASSERT_TRUE(response.isOk()) << response.error.message().toStdString();
    EXPECT_EQ(response.cost, 2);
    EXPECT_EQ(response.rateLimit.resource, u"graphql"_s);
    EXPECT_EQ(response.rateLimit.limit, 5000);
    EXPECT_EQ(response.rateLimit.remaining, 4321);
    EXPECT_EQ(response.rateLimit.used, 679);
    EXPECT_EQ(response.rateLimit.reset, QDateTime(QDate(2026, 5, 28), QTime(21, 0), Qt::UTC));
}

TEST_F(GraphQLJobTest, WithoutRateLimitInTheBodyTheHeadersCount)
{
    answer(R"({"data":{"viewer":{"login":"octocat"}}})", 200, 4990);
    const GraphQLResponse response = run(m_client.graphql(kViewer));
    EXPECT_EQ(response.cost, -1);
    EXPECT_EQ(response.rateLimit.remaining, 4990);
    EXPECT_EQ(response.rateLimit.resource, u"graphql"_s);
}

TEST_F(GraphQLJobTest, MalformedAnswersAreMalformedResponses)
{
    for (const QByteArray &body :
         {QByteArray(R"({"data":{"viewer":)"), QByteArray("[1,2]"), QByteArray(R"({"data":5})"),
          QByteArray(R"({"errors":{"message":"x"}})"), QByteArray(R"({"extensions":{}})"),
          QByteArray(R"({"data":{"rateLimit":{"cost":"one"}}})")}) {
        answer(body);
        const GraphQLResponse response = run(m_client.graphql(kViewer));
        EXPECT_EQ(response.error.kind, ApiError::Kind::MalformedResponse) << body.toStdString();
        EXPECT_TRUE(response.data.isEmpty()) << body.toStdString();
        EXPECT_FALSE(response.error.serverMessage.isEmpty()) << body.toStdString();
    }
}

TEST_F(GraphQLJobTest, HttpErrorsKeepTheirRestMapping)
{
    answer(R"({"message":"Bad credentials","documentation_url":"https://docs.github.com/graphql"})",
           401);
    const GraphQLResponse response = run(m_client.graphql(kViewer));
    EXPECT_EQ(response.error.kind, ApiError::Kind::Unauthorized);
    EXPECT_EQ(response.error.serverMessage, u"Bad credentials"_s);
}

TEST_F(GraphQLJobTest, CancelReportsCancelled)
{
    m_server.setHandler([](const HttpRequest &) {
        HttpResponse response = HttpResponse::json(200, R"({"data":{}})");
        response.delayMs = 5'000;
        return response;
    });
    GraphQLJob *job = m_client.graphql(kViewer);
    job->setAutoDelete(false);
    QSignalSpy spy(job, &GraphQLJob::finished);
    job->cancel();
    ASSERT_TRUE(spy.count() == 1 || spy.wait(5'000));
    EXPECT_EQ(job->error().kind, ApiError::Kind::Cancelled);
    delete job;
}

TEST_F(GraphQLJobTest, FilesJobFollowsEndCursorToTheLastPage)
{
    // 250 files: pages of 100, 100 and 50, each asked for with the previous page's endCursor.
    m_server.setHandler([](const HttpRequest &request) {
        const QJsonObject variables =
            QJsonDocument::fromJson(request.body).object().value("variables"_L1).toObject();
        const QJsonValue cursor = variables.value("cursor"_L1);
        const int start = cursor.isNull() ? 0 : cursor.toString().mid(1).toInt();
        QJsonArray nodes;
        for (int i = start; i < qMin(start + 100, 250); ++i)
            nodes.append(QJsonObject{
                {u"path"_s, u"src/file%1.py"_s.arg(i)}, {u"additions"_s, i}, {u"deletions"_s, 1}});
        const bool more = start + 100 < 250;
        const QJsonObject files{
            {u"nodes"_s, nodes},
            {u"pageInfo"_s, QJsonObject{{u"hasNextPage"_s, more},
                                        {u"endCursor"_s, u"c%1"_s.arg(qMin(start + 100, 250))}}}};
        const QJsonObject body{
            {u"data"_s,
             QJsonObject{{u"repository"_s,
                          QJsonObject{{u"pullRequest"_s, QJsonObject{{u"files"_s, files}}}}}}}};
        return HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    });
    auto *job = new PullRequestFilesJob(&m_client, u"o"_s, u"r"_s, 42);
    job->setAutoDelete(false);
    QSignalSpy pages(job, &PullRequestFilesJob::pageReceived);
    QSignalSpy finished(job, &PullRequestFilesJob::finished);
    job->start();
    ASSERT_TRUE(finished.wait(20'000));
    EXPECT_TRUE(job->error().kind == ApiError::Kind::None) << job->error().message().toStdString();
    EXPECT_EQ(pages.size(), 3);
    EXPECT_EQ(job->pagesDone(), 3);
    ASSERT_EQ(job->paths().size(), 250);
    EXPECT_EQ(job->paths().first(), u"src/file0.py"_s);
    EXPECT_EQ(job->paths().last(), u"src/file249.py"_s);
    EXPECT_EQ(job->files()[7].additions, 7);
    EXPECT_TRUE(job->cursor().isEmpty());
    EXPECT_FALSE(job->isMissing());

    const QList<HttpRequest> log = m_server.requestLog();
    ASSERT_EQ(log.size(), 3);
    QJsonArray cursors;
    for (const HttpRequest &request : log) {
        const QJsonObject variables =
            QJsonDocument::fromJson(request.body).object().value("variables"_L1).toObject();
        EXPECT_EQ(variables.value("owner"_L1).toString(), u"o"_s);
        EXPECT_EQ(variables.value("name"_L1).toString(), u"r"_s);
        EXPECT_EQ(variables.value("number"_L1).toInt(), 42);
        cursors.append(variables.value("cursor"_L1));
    }
    EXPECT_EQ(cursors, (QJsonArray{QJsonValue::Null, u"c100"_s, u"c200"_s}));
    delete job;
}
