#include "loopbackhttpserver.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Mainstay;

namespace {

// Waits for a reply with a bounded timeout; the reply is owned by the caller.
bool waitFor(QNetworkReply *reply, int timeoutMs = 5000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &QNetworkReply::finished);
    return spy.wait(timeoutMs);
}

HttpResponse echo(const HttpRequest &request)
{
    HttpResponse response = HttpResponse::json(
        200, "{\"method\":\"" + request.method + "\",\"path\":\"" + request.path.toUtf8() + "\"}");
    response.setHeader("X-Echo-Body", QByteArray::number(request.body.size()));
    return response;
}

class LoopbackHttpServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server.setHandler(echo);
        ASSERT_TRUE(m_server.start()) << m_server.errorString().toStdString();
    }

    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(m_server.baseUrl().toString() + pathAndQuery);
    }

    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
};

} // namespace

TEST_F(LoopbackHttpServerTest, BindsLoopbackOnAFreePort)
{
    EXPECT_NE(m_server.port(), 0);
    EXPECT_EQ(m_server.baseUrl().host(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(m_server.baseUrl().scheme(), QStringLiteral("http"));
}

TEST_F(LoopbackHttpServerTest, AnswersGetAndLogsTheRequest)
{
    QNetworkRequest request(url(QStringLiteral("/repos/o/r/issues?state=all&labels=a%2Cb")));
    request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    ASSERT_TRUE(waitFor(reply.get()));
    EXPECT_EQ(reply->error(), QNetworkReply::NoError);
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    EXPECT_EQ(reply->rawHeader("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(reply->readAll(), R"({"method":"GET","path":"/repos/o/r/issues"})");

    const QList<HttpRequest> log = m_server.requestLog();
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log[0].method, "GET");
    EXPECT_EQ(log[0].path, QStringLiteral("/repos/o/r/issues"));
    EXPECT_EQ(log[0].queryValue(QStringLiteral("state")), QStringLiteral("all"));
    EXPECT_EQ(log[0].queryValue(QStringLiteral("labels")), QStringLiteral("a,b"));
    // Header lookup ignores case, as HTTP says.
    EXPECT_EQ(log[0].header("x-github-api-version"), "2022-11-28");
    EXPECT_EQ(log[0].header("X-GITHUB-API-VERSION"), "2022-11-28");
    EXPECT_FALSE(log[0].hasHeader("If-None-Match"));
}

TEST_F(LoopbackHttpServerTest, ReceivesPostBodies)
{
    const QByteArray body = QByteArray(70'000, 'x'); // larger than one TCP read
    QNetworkRequest request(url(QStringLiteral("/echo")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    std::unique_ptr<QNetworkReply> reply(m_nam.post(request, body));
    ASSERT_TRUE(waitFor(reply.get()));
    EXPECT_EQ(reply->error(), QNetworkReply::NoError);
    EXPECT_EQ(reply->rawHeader("X-Echo-Body"), QByteArray::number(body.size()));
    const QList<HttpRequest> log = m_server.requestLog();
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log[0].method, "POST");
    EXPECT_EQ(log[0].body, body);
    EXPECT_EQ(log[0].header("content-type"), "application/json");
}

TEST_F(LoopbackHttpServerTest, ReusesKeepAliveConnections)
{
    for (int i = 0; i < 4; ++i) {
        std::unique_ptr<QNetworkReply> reply(
            m_nam.get(QNetworkRequest(url(QStringLiteral("/n/%1").arg(i)))));
        ASSERT_TRUE(waitFor(reply.get()));
        ASSERT_EQ(reply->error(), QNetworkReply::NoError);
        reply->readAll();
    }
    EXPECT_EQ(m_server.requestCount(), 4);
    EXPECT_EQ(m_server.connectionCount(), 1);
}

TEST_F(LoopbackHttpServerTest, CloseConnectionForcesANewConnection)
{
    m_server.setHandler([](const HttpRequest &request) {
        HttpResponse response = echo(request);
        response.closeConnection = true;
        return response;
    });
    for (int i = 0; i < 2; ++i) {
        std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(url(QStringLiteral("/")))));
        ASSERT_TRUE(waitFor(reply.get()));
        EXPECT_EQ(reply->error(), QNetworkReply::NoError);
        EXPECT_EQ(reply->rawHeader("Connection"), "close");
    }
    EXPECT_EQ(m_server.connectionCount(), 2);
}

TEST_F(LoopbackHttpServerTest, AnswersNotFoundFromTheHandlerAndWithoutOne)
{
    m_server.setHandler(
        [](const HttpRequest &) { return HttpResponse::json(404, R"({"message":"Not Found"})"); });
    std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(url(QStringLiteral("/x")))));
    ASSERT_TRUE(waitFor(reply.get()));
    EXPECT_EQ(reply->error(), QNetworkReply::ContentNotFoundError);
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    EXPECT_EQ(reply->readAll(), R"({"message":"Not Found"})");

    m_server.setHandler({});
    std::unique_ptr<QNetworkReply> second(m_nam.get(QNetworkRequest(url(QStringLiteral("/y")))));
    ASSERT_TRUE(waitFor(second.get()));
    EXPECT_EQ(second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
}

TEST_F(LoopbackHttpServerTest, HandlerRunsOnTheServerThread)
{
    std::atomic<QThread *> handlerThread = nullptr;
    m_server.setHandler([&](const HttpRequest &request) {
        handlerThread = QThread::currentThread();
        return echo(request);
    });
    std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(url(QStringLiteral("/")))));
    ASSERT_TRUE(waitFor(reply.get()));
    ASSERT_NE(handlerThread.load(), nullptr);
    EXPECT_NE(handlerThread.load(), QThread::currentThread());
}

TEST_F(LoopbackHttpServerTest, DelaysWithoutBlockingOtherConnections)
{
    m_server.setHandler([](const HttpRequest &request) {
        HttpResponse response = echo(request);
        // Long enough that a busy machine cannot make the fast request lose the race.
        if (request.path == QLatin1String("/slow"))
            response.delayMs = 1000;
        return response;
    });
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> slow(m_nam.get(QNetworkRequest(url(QStringLiteral("/slow")))));
    // The network manager opens a second connection for a request issued in parallel.
    std::unique_ptr<QNetworkReply> fast(m_nam.get(QNetworkRequest(url(QStringLiteral("/fast")))));
    ASSERT_TRUE(waitFor(fast.get()));
    EXPECT_FALSE(slow->isFinished());
    ASSERT_TRUE(waitFor(slow.get()));
    EXPECT_GE(timer.elapsed(), 990);
    EXPECT_EQ(slow->error(), QNetworkReply::NoError);
    EXPECT_EQ(slow->readAll(), R"({"method":"GET","path":"/slow"})");
}

TEST_F(LoopbackHttpServerTest, DroppedConnectionMidBodyIsANetworkError)
{
    m_server.setHandler([](const HttpRequest &) {
        HttpResponse response = HttpResponse::json(200, QByteArray(20'000, 'a'));
        response.dropAfterBytes = 300; // headers and the first bytes of the body
        return response;
    });
    std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(url(QStringLiteral("/")))));
    ASSERT_TRUE(waitFor(reply.get()));
    EXPECT_NE(reply->error(), QNetworkReply::NoError);
    EXPECT_LT(reply->readAll().size(), 20'000);
}

TEST_F(LoopbackHttpServerTest, ServesWhileTheCallingThreadIsBlocked)
{
    // A raw blocking socket: this thread runs no event loop while it waits, so an answer can
    // only come from the server's own thread.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    ASSERT_TRUE(socket.waitForConnected(5000));
    socket.write("GET /blocked HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    ASSERT_TRUE(socket.waitForBytesWritten(5000));
    QByteArray received;
    while (!received.contains("/blocked\"}") && socket.waitForReadyRead(5000))
        received += socket.readAll();
    EXPECT_TRUE(received.startsWith("HTTP/1.1 200 OK\r\n")) << received.toStdString();
    EXPECT_TRUE(received.contains("Content-Length: 34\r\n")) << received.toStdString();
}

TEST_F(LoopbackHttpServerTest, RejectsMalformedRequests)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    ASSERT_TRUE(socket.waitForConnected(5000));
    socket.write("NONSENSE\r\n\r\n");
    ASSERT_TRUE(socket.waitForBytesWritten(5000));
    QByteArray received;
    while (socket.waitForReadyRead(5000))
        received += socket.readAll();
    EXPECT_TRUE(received.startsWith("HTTP/1.1 400 Bad Request\r\n")) << received.toStdString();
    EXPECT_EQ(m_server.requestCount(), 0);
}

TEST_F(LoopbackHttpServerTest, StopsWithOpenConnectionsAndRestarts)
{
    std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(url(QStringLiteral("/")))));
    ASSERT_TRUE(waitFor(reply.get()));
    m_server.stop(); // a keep-alive connection is still open here
    EXPECT_FALSE(m_server.isRunning());
    ASSERT_TRUE(m_server.start());
    m_nam.clearConnectionCache();
    std::unique_ptr<QNetworkReply> again(m_nam.get(QNetworkRequest(url(QStringLiteral("/")))));
    ASSERT_TRUE(waitFor(again.get()));
    EXPECT_EQ(again->error(), QNetworkReply::NoError);
}

TEST(LoopbackHttpServer, DestroysWhileADelayedAnswerIsPending)
{
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> reply;
    {
        LoopbackHttpServer server;
        server.setHandler([](const HttpRequest &) {
            HttpResponse response = HttpResponse::text(200, "late");
            response.delayMs = 10'000;
            return response;
        });
        ASSERT_TRUE(server.start());
        QSignalSpy received(&server, &LoopbackHttpServer::requestReceived);
        reply.reset(nam.get(QNetworkRequest(QUrl(server.baseUrl().toString() + "/"))));
        ASSERT_TRUE(received.wait(5000));
    }
    ASSERT_TRUE(waitFor(reply.get()));
    EXPECT_NE(reply->error(), QNetworkReply::NoError);
}
