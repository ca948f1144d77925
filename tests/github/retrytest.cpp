#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualscheduler.h"
#include "responsecache.h"

#include <gtest/gtest.h>

#include <QAtomicInt>
#include <QHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Mainstay;

namespace {

class MemoryCache final : public ResponseCache
{
public:
    std::optional<Entry> lookup(const QUrl &url) const override
    {
        const auto it = m_entries.constFind(url);
        return it == m_entries.cend() ? std::nullopt : std::optional<Entry>(*it);
    }
    void store(const QUrl &url, const Entry &entry) override { m_entries.insert(url, entry); }
    void remove(const QUrl &url) override { m_entries.remove(url); }
    QHash<QUrl, Entry> m_entries;
};

// Time stands still unless the test moves it: every wait goes through the ManualScheduler.
class RetryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.start());
        m_client.setApiUrl(m_server.baseUrl());
        m_client.setClock(&m_clock);
        m_client.setScheduler(&m_scheduler);
    }

    // Runs due tasks and network events until `done` holds (bounded).
    bool pumpUntil(const std::function<bool()> &done)
    {
        return QTest::qWaitFor(
            [&] {
                m_scheduler.advance(0);
                return done();
            },
            10'000);
    }

    RestJob *keep(RestJob *job)
    {
        job->setAutoDelete(false);
        m_jobs.emplace_back(job);
        return job;
    }

    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    ManualClock m_clock;
    ManualScheduler m_scheduler{&m_clock};
    std::vector<std::unique_ptr<RestJob>> m_jobs;
};

HttpResponse status(int code)
{
    return HttpResponse::json(code, code == 200 ? "[]" : R"({"message":"oops"})");
}

} // namespace

TEST_F(RetryTest, TransientFaultsAreRetriedWithGrowingJitteredBackoff)
{
    QAtomicInt calls = 0;
    m_server.setHandler([&](const HttpRequest &) { return status(++calls <= 2 ? 502 : 200); });
    RestJob *job = keep(m_client.get(QStringLiteral("/repos/o/r/issues")));
    ASSERT_TRUE(
        pumpUntil([&] { return m_scheduler.pendingCount() == 1 && calls.loadRelaxed() == 1; }));
    const qint64 first = m_scheduler.pendingDelays().first();
    EXPECT_GE(first, 750);
    EXPECT_LE(first, 1250);
    m_scheduler.advance(first);
    ASSERT_TRUE(
        pumpUntil([&] { return m_scheduler.pendingCount() == 1 && calls.loadRelaxed() == 2; }));
    const qint64 second = m_scheduler.pendingDelays().first();
    EXPECT_GE(second, 1500);
    EXPECT_LE(second, 2500);
    m_scheduler.advance(second);
    ASSERT_TRUE(pumpUntil([&] { return job->isFinished(); }));
    EXPECT_TRUE(job->response().isOk());
    EXPECT_EQ(job->attempt(), 3);
    EXPECT_EQ(m_server.requestLog().size(), 3);
}

TEST_F(RetryTest, GivesUpAfterTheLastRetryWithTheServersError)
{
    m_server.setHandler([](const HttpRequest &) { return status(503); });
    RestJob *job = keep(m_client.get(QStringLiteral("/repos/o/r/issues")));
    for (int i = 0; i < 10 && !job->isFinished(); ++i) {
        pumpUntil([&] { return job->isFinished() || m_scheduler.pendingCount() > 0; });
        m_scheduler.advance(60'000);
    }
    ASSERT_TRUE(job->isFinished());
    EXPECT_EQ(job->error().kind, ApiError::Kind::Server);
    EXPECT_EQ(m_server.requestLog().size(), 1 + m_client.retryPolicy().maxRetries);
}

TEST_F(RetryTest, RetryAfterHoldsEveryRequestUntilItHasPassed)
{
    QAtomicInt calls = 0;
    m_server.setHandler([&](const HttpRequest &) {
        if (++calls == 1) {
            HttpResponse limited = status(429);
            limited.setHeader("retry-after", "30");
            return limited;
        }
        return status(200);
    });
    QList<QDateTime> waits;
    QObject::connect(&m_client, &GitHubClient::waiting,
                     [&](const QDateTime &until, const QString &) { waits.append(until); });
    RestJob *first = keep(m_client.get(QStringLiteral("/a")));
    ASSERT_TRUE(
        pumpUntil([&] { return m_scheduler.pendingCount() > 0 && calls.loadRelaxed() == 1; }));
    ASSERT_EQ(waits.size(), 1);
    EXPECT_EQ(m_clock.now().msecsTo(waits.first()), 31'000);
    // A request made during the wait does not go out either.
    RestJob *second = keep(m_client.get(QStringLiteral("/b")));
    m_scheduler.advance(30'000);
    QTest::qWait(50);
    EXPECT_EQ(calls.loadRelaxed(), 1);
    m_scheduler.advance(1'000);
    ASSERT_TRUE(pumpUntil([&] { return first->isFinished() && second->isFinished(); }));
    EXPECT_TRUE(first->response().isOk());
    EXPECT_TRUE(second->response().isOk());
    EXPECT_EQ(calls.loadRelaxed(), 3);
}

TEST_F(RetryTest, SecondaryLimitWithoutHeadersWaitsAMinuteThenLonger)
{
    QAtomicInt calls = 0;
    m_server.setHandler([&](const HttpRequest &) {
        return ++calls <= 2 ? HttpResponse::json(
                                  403, R"({"message":"You have exceeded a secondary rate limit."})")
                            : status(200);
    });
    RestJob *job = keep(m_client.get(QStringLiteral("/a")));
    ASSERT_TRUE(
        pumpUntil([&] { return m_scheduler.pendingCount() == 1 && calls.loadRelaxed() == 1; }));
    EXPECT_EQ(m_scheduler.pendingDelays(), QList<qint64>{60'000});
    m_scheduler.advance(60'000);
    ASSERT_TRUE(
        pumpUntil([&] { return m_scheduler.pendingCount() == 1 && calls.loadRelaxed() == 2; }));
    EXPECT_EQ(m_scheduler.pendingDelays(), QList<qint64>{120'000});
    m_scheduler.advance(120'000);
    ASSERT_TRUE(pumpUntil([&] { return job->isFinished(); }));
    EXPECT_TRUE(job->response().isOk());
}

TEST_F(RetryTest, PrimaryLimitWaitsForTheReset)
{
    const qint64 reset = m_clock.now().toSecsSinceEpoch() + 600;
    QAtomicInt calls = 0;
    m_server.setHandler([&](const HttpRequest &) {
        if (++calls > 1)
            return status(200);
        HttpResponse limited = HttpResponse::json(403, R"({"message":"API rate limit exceeded"})");
        limited.setHeader("x-ratelimit-remaining", "0");
        limited.setHeader("x-ratelimit-limit", "5000");
        limited.setHeader("x-ratelimit-reset", QByteArray::number(reset));
        return limited;
    });
    RestJob *job = keep(m_client.get(QStringLiteral("/a")));
    ASSERT_TRUE(
        pumpUntil([&] { return m_scheduler.pendingCount() == 1 && calls.loadRelaxed() == 1; }));
    EXPECT_EQ(m_scheduler.pendingDelays(), QList<qint64>{601'000});
    EXPECT_TRUE(m_client.rateLimit().isExhausted());
    m_scheduler.advance(601'000);
    ASSERT_TRUE(pumpUntil([&] { return job->isFinished(); }));
    EXPECT_TRUE(job->response().isOk());
}

TEST_F(RetryTest, MutationsGoOneAtATimeASecondApartAndAreNotRetriedOnServerErrors)
{
    QMutex mutex;
    QList<qint64> startedAt;
    m_server.setHandler([&](const HttpRequest &request) {
        QMutexLocker lock(&mutex);
        startedAt.append(m_clock.now().toMSecsSinceEpoch());
        return request.path == QLatin1String("/fail") ? status(502) : status(200);
    });
    RestJob *a = keep(m_client.send("POST", QStringLiteral("/one"), QJsonDocument::fromJson("{}")));
    RestJob *b =
        keep(m_client.send("POST", QStringLiteral("/fail"), QJsonDocument::fromJson("{}")));
    RestJob *c =
        keep(m_client.send("PATCH", QStringLiteral("/two"), QJsonDocument::fromJson("{}")));
    ASSERT_TRUE(pumpUntil([&] { return a->isFinished(); }));
    EXPECT_FALSE(b->isFinished());
    m_scheduler.advance(999);
    QTest::qWait(30);
    EXPECT_EQ(m_server.requestLog().size(), 1) << "the second mutation waits a full second";
    m_scheduler.advance(1);
    ASSERT_TRUE(pumpUntil([&] { return b->isFinished(); }));
    EXPECT_EQ(b->error().kind, ApiError::Kind::Server);
    EXPECT_EQ(b->attempt(), 1) << "a mutation whose answer was an error is not repeated blindly";
    m_scheduler.advance(1'000);
    ASSERT_TRUE(pumpUntil([&] { return c->isFinished(); }));
    ASSERT_EQ(startedAt.size(), 3);
    EXPECT_GE(startedAt.at(1) - startedAt.at(0), 1000);
    EXPECT_GE(startedAt.at(2) - startedAt.at(1), 1000);
}

TEST_F(RetryTest, ConditionalGetsReuseTheCachedBodyAndLinksOn304)
{
    MemoryCache cache;
    m_client.setResponseCache(&cache);
    m_server.setHandler([](const HttpRequest &request) {
        if (request.header("If-None-Match") == "\"v1\"")
            return HttpResponse::json(304, {});
        HttpResponse response = HttpResponse::json(200, "[1,2,3]");
        response.setHeader("ETag", "\"v1\"");
        response.setHeader("Link", "<http://127.0.0.1/x?page=2>; rel=\"next\"");
        return response;
    });
    RestJob *first = keep(m_client.get(QStringLiteral("/labels")));
    ASSERT_TRUE(pumpUntil([&] { return first->isFinished(); }));
    EXPECT_EQ(first->response().status, 200);
    RestJob *second = keep(m_client.get(QStringLiteral("/labels")));
    ASSERT_TRUE(pumpUntil([&] { return second->isFinished(); }));
    EXPECT_TRUE(second->response().isNotModified());
    EXPECT_TRUE(second->response().isOk());
    EXPECT_EQ(second->response().body, QByteArray("[1,2,3]"));
    EXPECT_EQ(second->response().links.value(QStringLiteral("next")).toString(),
              QStringLiteral("http://127.0.0.1/x?page=2"));
    EXPECT_EQ(m_server.requestLog().at(1).header("If-None-Match"), QByteArray("\"v1\""));
    EXPECT_EQ(m_client.notModifiedCount(), 1);
}
