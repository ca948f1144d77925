#include "loopbackhttpserver.h"

#include <QHostAddress>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <exception>

namespace Mainstay {

namespace {

// Requests larger than this are refused instead of buffered without bound.
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 32 * 1024 * 1024;

// One accepted connection: buffers input, parses requests one at a time and writes the answers
// in order. A delayed answer holds back the next request on the same connection, as HTTP/1.1
// without pipelining reordering requires.
class Connection : public QObject
{
public:
    Connection(QTcpSocket *socket, LoopbackHttpServer *server,
               std::function<HttpResponse(LoopbackHttpServer *, const HttpRequest &)> dispatch,
               QObject *parent)
        : QObject(parent)
        , m_socket(socket)
        , m_server(server)
        , m_dispatch(std::move(dispatch))
    {
        m_socket->setParent(this);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

    void abort()
    {
        m_closing = true;
        m_socket->abort();
    }

private:
    void onReadyRead()
    {
        if (m_closing) {
            m_socket->readAll();
            return;
        }
        m_buffer += m_socket->readAll();
        processBuffer();
    }

    void processBuffer()
    {
        while (!m_busy && !m_closing) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                if (m_buffer.size() > kMaxHeaderBytes)
                    fail(431);
                return;
            }
            HttpRequest request;
            bool http10 = false;
            if (!parseHead(m_buffer.left(headerEnd), request, http10)) {
                fail(400);
                return;
            }
            if (request.hasHeader("Transfer-Encoding")) {
                // Chunked uploads are not needed by any client here; say so rather than hang.
                fail(411);
                return;
            }
            bool lengthOk = true;
            const QByteArray lengthText = request.header("Content-Length").trimmed();
            const qsizetype length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&lengthOk);
            if (!lengthOk || length < 0 || length > kMaxBodyBytes) {
                fail(lengthOk && length > kMaxBodyBytes ? 413 : 400);
                return;
            }
            const qsizetype bodyStart = headerEnd + 4;
            if (m_buffer.size() < bodyStart + length)
                return; // wait for the rest of the body
            request.body = m_buffer.mid(bodyStart, length);
            m_buffer.remove(0, bodyStart + length);

            const QByteArray connectionHeader = request.header("Connection").toLower();
            const bool clientKeepAlive = http10 ? connectionHeader.contains("keep-alive")
                                                : !connectionHeader.contains("close");
            HttpResponse response = m_dispatch(m_server, request);
            respond(response, clientKeepAlive);
        }
    }

    static bool parseHead(const QByteArray &head, HttpRequest &request, bool &http10)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
            return false;
        http10 = requestLine[2] == "HTTP/1.0";
        request.method = requestLine[0];
        request.target = requestLine[1];
        if (request.method.isEmpty() || !request.target.startsWith('/'))
            return false;
        QByteArray rawPath = request.target;
        QByteArray rawQuery;
        if (const qsizetype question = rawPath.indexOf('?'); question >= 0) {
            rawQuery = rawPath.mid(question + 1);
            rawPath.truncate(question);
        }
        request.path = QUrl::fromPercentEncoding(rawPath);
        request.query = QUrlQuery(QString::fromLatin1(rawQuery));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            if (line.isEmpty())
                continue;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return false;
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        return true;
    }

    void respond(const HttpResponse &response, bool clientKeepAlive)
    {
        const bool keepAlive =
            clientKeepAlive && !response.closeConnection && response.dropAfterBytes < 0;
        QByteArray bytes = response.encode(keepAlive);
        if (response.dropAfterBytes >= 0 && response.dropAfterBytes < bytes.size())
            bytes.truncate(response.dropAfterBytes);
        const bool close = !keepAlive;
        if (response.delayMs <= 0) {
            send(bytes, close);
            return;
        }
        m_busy = true;
        QTimer::singleShot(response.delayMs, this, [this, bytes, close] {
            m_busy = false;
            send(bytes, close);
            processBuffer();
        });
    }

    void send(const QByteArray &bytes, bool close)
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        m_socket->write(bytes);
        if (close) {
            m_closing = true;
            // Flushes what was written, then closes; disconnected() deletes this connection.
            m_socket->disconnectFromHost();
        }
    }

    void fail(int status)
    {
        send(HttpResponse::text(status, HttpResponse::standardReason(status) + '\n').encode(false),
             true);
    }

    QTcpSocket *m_socket;
    LoopbackHttpServer *m_server;
    std::function<HttpResponse(LoopbackHttpServer *, const HttpRequest &)> m_dispatch;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_closing = false;
};

} // namespace

// Lives on the server thread; owns the listening socket and the connections.
class LoopbackHttpServerWorker : public QObject
{
public:
    explicit LoopbackHttpServerWorker(LoopbackHttpServer *server)
        : m_server(server)
    {}

    bool listen(quint16 port, QString *error)
    {
        m_tcpServer = new QTcpServer(this);
        connect(m_tcpServer, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
                m_server->noteConnection();
                new Connection(
                    socket, m_server,
                    [](LoopbackHttpServer *server, const HttpRequest &request) {
                        return server->dispatch(request);
                    },
                    this);
            }
        });
        if (!m_tcpServer->listen(QHostAddress::LocalHost, port)) {
            *error = m_tcpServer->errorString();
            return false;
        }
        m_port = m_tcpServer->serverPort();
        return true;
    }

    void shutdown()
    {
        if (m_tcpServer)
            m_tcpServer->close();
        const QObjectList connections = children(); // copied: deleting edits children()
        for (QObject *child : connections) {
            if (auto *connection = dynamic_cast<Connection *>(child)) {
                connection->abort();
                delete connection;
            }
        }
    }

    quint16 port() const { return m_port; }

private:
    LoopbackHttpServer *m_server;
    QTcpServer *m_tcpServer = nullptr;
    quint16 m_port = 0;
};

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
{}

LoopbackHttpServer::~LoopbackHttpServer()
{
    stop();
}

void LoopbackHttpServer::setHandler(Handler handler)
{
    QMutexLocker locker(&m_mutex);
    m_handler = std::move(handler);
}

bool LoopbackHttpServer::start(quint16 port)
{
    if (m_thread)
        return true;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("LoopbackHttpServer"));
    m_worker = new LoopbackHttpServerWorker(this);
    m_worker->moveToThread(m_thread);
    m_thread->start();

    bool ok = false;
    QString error;
    QMetaObject::invokeMethod(
        m_worker, [&] { ok = m_worker->listen(port, &error); }, Qt::BlockingQueuedConnection);
    {
        QMutexLocker locker(&m_mutex);
        m_error = error;
        m_port = ok ? m_worker->port() : 0;
        m_connections = 0;
    }
    if (!ok)
        stop();
    return ok;
}

void LoopbackHttpServer::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    // The thread has ended, so nothing can be delivered to the worker any more; deleting it from
    // here is safe.
    delete m_worker;
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
    QMutexLocker locker(&m_mutex);
    m_port = 0;
}

bool LoopbackHttpServer::isRunning() const
{
    return m_thread != nullptr;
}

QString LoopbackHttpServer::errorString() const
{
    QMutexLocker locker(&m_mutex);
    return m_error;
}

quint16 LoopbackHttpServer::port() const
{
    QMutexLocker locker(&m_mutex);
    return m_port;
}

QUrl LoopbackHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

QList<HttpRequest> LoopbackHttpServer::requestLog() const
{
    QMutexLocker locker(&m_mutex);
    return m_log;
}

qsizetype LoopbackHttpServer::requestCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_log.size();
}

void LoopbackHttpServer::clearRequestLog()
{
    QMutexLocker locker(&m_mutex);
    m_log.clear();
}

int LoopbackHttpServer::connectionCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_connections;
}

void LoopbackHttpServer::noteConnection()
{
    QMutexLocker locker(&m_mutex);
    ++m_connections;
}

HttpResponse LoopbackHttpServer::dispatch(const HttpRequest &request)
{
    Handler handler;
    {
        QMutexLocker locker(&m_mutex);
        m_log.append(request);
        handler = m_handler;
    }
    Q_EMIT requestReceived();
    if (!handler)
        return HttpResponse::text(404, "no handler\n");
    try {
        return handler(request);
    } catch (const std::exception &error) {
        return HttpResponse::text(500, QByteArray("handler threw: ") + error.what() + '\n');
    } catch (...) {
        return HttpResponse::text(500, "handler threw\n");
    }
}

} // namespace Mainstay
