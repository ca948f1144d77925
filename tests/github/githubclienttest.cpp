#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "pagedjob.h"

#include <gtest/gtest.h>

#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace Mainstay;

namespace {

class GitHubClientTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.start()) << m_server.errorString().toStdString();
        m_client.setApiUrl(m_server.baseUrl());
        // These tests look at single exchanges; retries have their own tests.
        GitHubClient::RetryPolicy noRetries;
        noRetries.maxRetries = 0;
        m_client.setRetryPolicy(noRetries);
    }

    // Runs a job to completion and hands back its response.
    ApiResponse run(RestJob *job)
    {
        job->setAutoDelete(false);
        QSignalSpy spy(job, &RestJob::finished);
        EXPECT_TRUE(spy.wait(10'000));
        ApiResponse response = job->response();
        delete job;
        return response;
    }

    static HttpResponse withRateLimit(HttpResponse response, int remaining)
    {
        response.setHeader("x-ratelimit-limit", "5000");
        response.setHeader("x-ratelimit-remaining", QByteArray::number(remaining));
        response.setHeader("x-ratelimit-used", QByteArray::number(5000 - remaining));
        response.setHeader("x-ratelimit-reset", "1780003600");
        response.setHeader("x-ratelimit-resource", "core");
        return response;
    }

    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
};

} // namespace

TEST_F(GitHubClientTest, SendsGitHubHeadersAndTheToken)
{
    m_server.setHandler(
        [](const HttpRequest &) { return withRateLimit(HttpResponse::json(200, "[]"), 4999); });
    m_client.setToken(QStringLiteral("ghp_secret"));
    QSignalSpy rateSpy(&m_client, &GitHubClient::rateLimitChanged);

    const ApiResponse response = run(m_client.get(QStringLiteral("/repos/o/r/labels")));
    ASSERT_TRUE(response.isOk()) << response.error.message().toStdString();
    EXPECT_EQ(response.status, 200);

    const QList<HttpRequest> log = m_server.requestLog();
    ASSERT_EQ(log.size(), 1);
    const HttpRequest &request = log.first();
    EXPECT_EQ(request.path, QStringLiteral("/repos/o/r/labels"));
    EXPECT_EQ(request.header("Accept"), QByteArray("application/vnd.github+json"));
    EXPECT_EQ(request.header("X-GitHub-Api-Version"), QByteArray("2022-11-28"));
    EXPECT_TRUE(request.header("User-Agent").startsWith("Mainstay/"));
    EXPECT_EQ(request.header("Authorization"), QByteArray("Bearer ghp_secret"));

    ASSERT_EQ(rateSpy.size(), 1);
    const RateLimit limit = rateSpy.first().first().value<RateLimit>();
    EXPECT_EQ(limit.remaining, 4999);
    EXPECT_EQ(limit.limit, 5000);
    EXPECT_EQ(limit.resource, QStringLiteral("core"));
    EXPECT_EQ(limit.reset, QDateTime::fromSecsSinceEpoch(1'780'003'600, Qt::UTC));
    EXPECT_EQ(m_client.rateLimit().remaining, 4999);
}

TEST_F(GitHubClientTest, SendsNoAuthorizationWithoutAToken)
{
    m_server.setHandler([](const HttpRequest &) { return HttpResponse::json(200, "{}"); });
    run(m_client.get(QStringLiteral("/rate_limit")));
    ASSERT_EQ(m_server.requestLog().size(), 1);
    EXPECT_FALSE(m_server.requestLog().first().hasHeader("Authorization"));
}

TEST(GitHubClientUrls, TokenOnlyTravelsOverHttpsOrLoopback)
{
    EXPECT_TRUE(GitHubClient::mayCarryToken(QUrl(QStringLiteral("https://api.github.com"))));
    EXPECT_TRUE(
        GitHubClient::mayCarryToken(QUrl(QStringLiteral("https://ghe.example.com/api/v3"))));
    EXPECT_TRUE(GitHubClient::mayCarryToken(QUrl(QStringLiteral("http://127.0.0.1:8080"))));
    EXPECT_TRUE(GitHubClient::mayCarryToken(QUrl(QStringLiteral("http://127.3.4.5:8080"))));
    EXPECT_TRUE(GitHubClient::mayCarryToken(QUrl(QStringLiteral("http://localhost:8080"))));
    EXPECT_TRUE(GitHubClient::mayCarryToken(QUrl(QStringLiteral("http://[::1]:8080"))));
    EXPECT_FALSE(
        GitHubClient::mayCarryToken(QUrl(QStringLiteral("http://ghe.example.com/api/v3"))));
    EXPECT_FALSE(GitHubClient::mayCarryToken(QUrl(QStringLiteral("http://10.0.0.1/api/v3"))));
    EXPECT_FALSE(GitHubClient::mayCarryToken(QUrl(QStringLiteral("ftp://api.github.com"))));
}

TEST(GitHubClientUrls, GraphQlEndpointFollowsTheApiUrl)
{
    QNetworkAccessManager nam;
    GitHubClient client(&nam);
    EXPECT_EQ(client.graphqlUrl().toString(), QStringLiteral("https://api.github.com/graphql"));
    client.setApiUrl(QUrl(QStringLiteral("https://ghe.example.com/api/v3/")));
    EXPECT_EQ(client.graphqlUrl().toString(),
              QStringLiteral("https://ghe.example.com/api/graphql"));
    EXPECT_EQ(client.url(QStringLiteral("/repos/o/r")).toString(),
              QStringLiteral("https://ghe.example.com/api/v3/repos/o/r"));
    client.setApiUrl(QUrl(QStringLiteral("http://127.0.0.1:4010")));
    EXPECT_EQ(client.graphqlUrl().toString(), QStringLiteral("http://127.0.0.1:4010/graphql"));
}

TEST_F(GitHubClientTest, PaginationFollowsLinkNextOnly)
{
    const QUrl base = m_server.baseUrl();
    // The server hands out links to a rewritten path, as GitHub does with /repositories/{id}.
    m_server.setHandler([base](const HttpRequest &request) {
        const int page = std::max(1, request.queryValue(QStringLiteral("page")).toInt());
        HttpResponse response =
            HttpResponse::json(200, QByteArray("[") + QByteArray::number(page) + "]");
        QByteArray link;
        const QByteArray prefix =
            base.toString().toUtf8() + "/repositories/42/issues?per_page=100&page=";
        if (page < 3)
            link += "<" + prefix + QByteArray::number(page + 1) + ">; rel=\"next\", ";
        link += "<" + prefix + "3>; rel=\"last\"";
        response.setHeader("Link", link);
        return response;
    });
    PagedJob *job = m_client.getAllPages(QStringLiteral("/repos/o/r/issues"));
    QSignalSpy pages(job, &PagedJob::pageReceived);
    QSignalSpy progress(job, &PagedJob::progress);
    QSignalSpy finished(job, &PagedJob::finished);
    job->start();
    ASSERT_TRUE(finished.wait(10'000));
    ASSERT_EQ(pages.size(), 3);
    EXPECT_EQ(pages.at(2).first().value<ApiResponse>().body, QByteArray("[3]"));
    EXPECT_EQ(progress.last().at(0).toInt(), 3);
    EXPECT_EQ(progress.first().at(1).toInt(), 3);

    const QList<HttpRequest> log = m_server.requestLog();
    ASSERT_EQ(log.size(), 3);
    EXPECT_EQ(log.at(0).path, QStringLiteral("/repos/o/r/issues"));
    EXPECT_EQ(log.at(0).queryValue(QStringLiteral("per_page")), QStringLiteral("100"));
    EXPECT_EQ(log.at(1).path, QStringLiteral("/repositories/42/issues"));
    EXPECT_EQ(log.at(2).queryValue(QStringLiteral("page")), QStringLiteral("3"));
}

TEST_F(GitHubClientTest, SameOriginRedirectKeepsTheToken)
{
    m_server.setHandler([](const HttpRequest &request) {
        if (request.path == QLatin1String("/repos/old/name")) {
            HttpResponse moved = HttpResponse::json(301, R"({"message":"Moved Permanently"})");
            moved.setHeader("Location", "/repositories/7");
            return moved;
        }
        return HttpResponse::json(200, R"({"full_name":"new/name"})");
    });
    m_client.setToken(QStringLiteral("ghp_secret"));
    const ApiResponse response = run(m_client.get(QStringLiteral("/repos/old/name")));
    ASSERT_TRUE(response.isOk());
    EXPECT_EQ(response.body, QByteArray(R"({"full_name":"new/name"})"));
    const QList<HttpRequest> log = m_server.requestLog();
    ASSERT_EQ(log.size(), 2);
    EXPECT_EQ(log.at(1).header("Authorization"), QByteArray("Bearer ghp_secret"));
}

TEST_F(GitHubClientTest, CrossOriginRedirectDropsTheToken)
{
    LoopbackHttpServer other;
    ASSERT_TRUE(other.start());
    other.setHandler([](const HttpRequest &) { return HttpResponse::json(200, "{}"); });
    const QByteArray target = other.baseUrl().toString().toUtf8() + "/asset";
    m_server.setHandler([target](const HttpRequest &) {
        HttpResponse found = HttpResponse::json(302, "{}");
        found.setHeader("Location", target);
        return found;
    });
    m_client.setToken(QStringLiteral("ghp_secret"));
    const ApiResponse response = run(m_client.get(QStringLiteral("/repos/o/r/releases/assets/1")));
    ASSERT_TRUE(response.isOk()) << response.error.message().toStdString();
    ASSERT_EQ(other.requestLog().size(), 1);
    EXPECT_FALSE(other.requestLog().first().hasHeader("Authorization"));
}

TEST_F(GitHubClientTest, ErrorsCarryTheRequestAndTheServerMessage)
{
    m_server.setHandler([](const HttpRequest &) {
        return HttpResponse::json(
            404, R"({"message":"Not Found","documentation_url":"https://docs.github.com/rest"})");
    });
    const ApiResponse response = run(m_client.get(QStringLiteral("/repos/nobody/nothing/issues")));
    EXPECT_EQ(response.error.kind, ApiError::Kind::NotFound);
    EXPECT_EQ(response.status, 404);
    EXPECT_TRUE(
        response.error.message().contains(QLatin1String("GET /repos/nobody/nothing/issues")));
    EXPECT_TRUE(response.error.message().contains(QLatin1String("Not Found")));
}

TEST_F(GitHubClientTest, ConnectionDroppedMidBodyIsATransientNetworkError)
{
    m_server.setHandler([](const HttpRequest &) {
        HttpResponse response = HttpResponse::json(200, QByteArray(4000, ' '));
        response.dropAfterBytes = 200;
        return response;
    });
    const ApiResponse response = run(m_client.get(QStringLiteral("/repos/o/r/issues")));
    EXPECT_TRUE(response.error.isError());
    EXPECT_TRUE(response.error.isTransient()) << response.error.message().toStdString();
}

TEST_F(GitHubClientTest, SlowServerTimesOut)
{
    m_server.setHandler([](const HttpRequest &) {
        HttpResponse response = HttpResponse::json(200, "[]");
        response.delayMs = 3000;
        return response;
    });
    m_client.setTimeoutMs(200);
    const ApiResponse response = run(m_client.get(QStringLiteral("/repos/o/r/issues")));
    EXPECT_EQ(response.error.kind, ApiError::Kind::Timeout)
        << response.error.message().toStdString();
}

TEST_F(GitHubClientTest, NotModifiedIsCountedAndIsNoError)
{
    m_server.setHandler([](const HttpRequest &request) {
        if (request.header("If-None-Match") == "\"abc\"")
            return withRateLimit(HttpResponse::json(304, {}), 4990);
        HttpResponse response = withRateLimit(HttpResponse::json(200, "[]"), 4990);
        response.setHeader("ETag", "\"abc\"");
        return response;
    });
    const ApiResponse first = run(m_client.get(m_client.url(QStringLiteral("/repos/o/r/labels"))));
    EXPECT_EQ(first.header("etag"), QByteArray("\"abc\""));
    const ApiResponse second = run(m_client.get(m_client.url(QStringLiteral("/repos/o/r/labels")),
                                                {{"If-None-Match", "\"abc\""}}));
    EXPECT_TRUE(second.isOk());
    EXPECT_TRUE(second.isNotModified());
    EXPECT_EQ(m_client.requestsSent(), 2);
    EXPECT_EQ(m_client.notModifiedCount(), 1);
}

TEST_F(GitHubClientTest, MutationsSendTheirJsonBody)
{
    m_server.setHandler([](const HttpRequest &) { return HttpResponse::json(200, "[]"); });
    const ApiResponse response =
        run(m_client.send("POST", QStringLiteral("/repos/o/r/issues/5/labels"),
                          QJsonDocument::fromJson(R"({"labels":["bug"]})")));
    ASSERT_TRUE(response.isOk());
    const HttpRequest request = m_server.requestLog().first();
    EXPECT_EQ(request.method, QByteArray("POST"));
    EXPECT_EQ(request.body, QByteArray(R"({"labels":["bug"]})"));
    EXPECT_TRUE(request.header("Content-Type").startsWith("application/json"));
}
