#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

class QThread;

namespace Mainstay {

class LoopbackHttpServerWorker;

// A small HTTP/1.1 server on 127.0.0.1 for the demo backend and for tests: keep-alive,
// Content-Length request bodies, one handler for every request, a log of what was received, and
// the fault knobs of HttpResponse (delay, connection dropped mid-response, close).
//
// It serves from its own thread, so a GUI thread that is busy, or a test blocked in
// QSignalSpy::wait, never stalls it. The handler runs on that thread and must be thread-safe
// with respect to whatever it shares with the rest of the program. It never binds anything but
// the loopback interface.
//
// Signals: requestReceived() fires on the server thread after a request has been parsed and
// logged, before the handler runs (connected receivers in other threads get it queued).
class LoopbackHttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    // Stops the server first; in-flight handlers finish, open connections are closed.
    ~LoopbackHttpServer() override;

    // May be called at any time, also while serving; requests parsed afterwards use it.
    // Without a handler every request gets 404.
    void setHandler(Handler handler);

    // Listens on 127.0.0.1:port (0 picks a free port) and returns once listening, or false with
    // errorString() set. Calling start() on a running server is a no-op that returns true.
    bool start(quint16 port = 0);
    // Closes the listening socket and every connection and joins the server thread. Must not be
    // called from inside the handler.
    void stop();
    bool isRunning() const;
    QString errorString() const;

    quint16 port() const;
    // "http://127.0.0.1:<port>"
    QUrl baseUrl() const;

    // Copies of the requests received so far, in arrival order (thread-safe).
    QList<HttpRequest> requestLog() const;
    qsizetype requestCount() const;
    void clearRequestLog();

    // Connections accepted since start(): keep-alive reuse shows as fewer connections than
    // requests.
    int connectionCount() const;

Q_SIGNALS:
    void requestReceived();

private:
    friend class LoopbackHttpServerWorker;
    // Called by the worker on the server thread.
    HttpResponse dispatch(const HttpRequest &request);
    void noteConnection();

    mutable QMutex m_mutex;
    Handler m_handler;
    QList<HttpRequest> m_log;
    int m_connections = 0;
    QString m_error;
    quint16 m_port = 0;

    QThread *m_thread = nullptr;
    LoopbackHttpServerWorker *m_worker = nullptr;
};

} // namespace Mainstay
