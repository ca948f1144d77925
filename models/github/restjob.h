#pragma once

#include "apiresponse.h"
#include "responsecache.h"

#include <QObject>
#include <QPointer>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Mainstay {

class GitHubClient;

// One REST request, redirects and retries included. Created by GitHubClient; starts when the
// client has a free slot (mutations one at a time, spaced out). Emits finished() exactly once;
// response() and error() are valid from then on. The job deletes itself after finished() unless
// setAutoDelete(false).
//
// GET requests are conditional when the client has a ResponseCache: a 304 answer comes back with
// the remembered body and links, isNotModified() true.
class RestJob : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray verb = "GET";
        QUrl url;
        QByteArray body;                             // JSON for POST/PATCH/PUT
        QByteArray contentType = "application/json"; // of `body`
        QHash<QByteArray, QByteArray> extraHeaders;
        // A POST that only reads (a GraphQL query): not spaced like a mutation, and safe to
        // retry after transient faults.
        bool readOnly = false;
    };

    ~RestJob() override;

    const Request &request() const { return m_request; }
    const ApiResponse &response() const { return m_response; }
    const ApiError &error() const { return m_response.error; }
    bool isFinished() const { return m_finished; }
    bool isMutation() const
    {
        return !m_request.readOnly && m_request.verb != "GET" && m_request.verb != "HEAD";
    }
    // 1 for the first try; retries after transient faults and rate limits count up.
    int attempt() const { return m_attempt; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    // Aborts the request (or a pending retry); finished() fires with a Cancelled error.
    void cancel();

Q_SIGNALS:
    void finished(Mainstay::RestJob *job);

private:
    friend class GitHubClient;
    RestJob(GitHubClient *client, Request request);
    void start(QNetworkAccessManager *nam);
    void begin();
    void send(const QUrl &url, bool withToken);
    void onReplyFinished();
    void finish();

    GitHubClient *m_client;
    Request m_request;
    ApiResponse m_response;
    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    std::optional<ResponseCache::Entry> m_cached;
    int m_redirects = 0;
    int m_attempt = 0;
    bool m_withToken = true;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_waitingToRetry = false;
    bool m_autoDelete = true;
};

} // namespace Mainstay
