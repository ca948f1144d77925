#pragma once

#include "apiresponse.h"
#include "graphqlrequest.h"
#include "restjob.h"

#include <QJsonDocument>
#include <QObject>
#include <QQueue>
#include <QUrlQuery>

class QNetworkAccessManager;

namespace Mainstay {

class Clock;
class GraphQLJob;
class PagedJob;
class ResponseCache;
class Scheduler;

// The door to GitHub's REST API (github.com, GitHub Enterprise's /api/v3, or a loopback server).
// It receives its QNetworkAccessManager, sends GitHub's required headers, keeps only a few
// requests in flight, sends mutations one at a time at least a second apart, retries transient
// faults with exponential backoff and jitter, waits out rate limits, makes GETs conditional
// through a ResponseCache, and publishes the rate limit every response reports.
//
// Signals: rateLimitChanged() after every response with rate-limit headers; waiting() when
// requests are held back (rate limit or backoff) until a given time.
class GitHubClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRequestsInFlight = 4;
    static constexpr int PageSize = 100;
    static constexpr qint64 MutationSpacingMs = 1000;

    struct RetryPolicy
    {
        int maxRetries = 3;        // transient faults (network, timeout, 5xx): GET only
        qint64 baseDelayMs = 1000; // doubled per retry, ±25 % jitter
        qint64 maxDelayMs = 30'000;
        int maxRateLimitWaits = 3;             // per request
        qint64 secondaryLimitWaitMs = 60'000;  // no headers: at least a minute, then doubling
        qint64 maxRateLimitWaitMs = 3'600'000; // longer waits fail the request instead
    };

    explicit GitHubClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~GitHubClient() override;

    // "https://api.github.com" by default; "https://HOST/api/v3" for GitHub Enterprise.
    void setApiUrl(const QUrl &url);
    QUrl apiUrl() const { return m_apiUrl; }
    // "<api>/graphql", or "https://HOST/api/graphql" when the API URL ends in /api/v3.
    QUrl graphqlUrl() const;
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    // For Settings → Test only, which checks the token in use with a separate client.
    QString tokenForTesting() const { return m_token; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const RetryPolicy &retryPolicy() const { return m_retry; }
    // Time and waiting; the system clock and QTimer by default. Not owned.
    void setClock(Clock *clock) { m_clock = clock; }
    Clock *clock() const { return m_clock; }
    void setScheduler(Scheduler *scheduler) { m_scheduler = scheduler; }
    // Validators and bodies for conditional GETs; none by default. Not owned.
    void setResponseCache(ResponseCache *cache) { m_cache = cache; }
    ResponseCache *responseCache() const { return m_cache; }

    // `path` is relative to the API URL, e.g. "/repos/o/r/issues".
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;

    RestJob *get(const QString &path, const QUrlQuery &query = {});
    RestJob *get(const QUrl &url, const QHash<QByteArray, QByteArray> &extraHeaders = {});
    RestJob *send(const QByteArray &verb, const QString &path, const QJsonDocument &body = {});
    RestJob *send(const QByteArray &verb, const QUrl &url, const QJsonDocument &body = {});
    // A raw body with its own type: a release asset goes to uploads.github.com this way (the
    // release's `upload_url`), as the file's bytes, not as JSON.
    RestJob *upload(const QUrl &url, const QByteArray &data, const QByteArray &contentType);
    // A POST that reads without changing anything (GraphQL queries): retried like a GET.
    RestJob *postQuery(const QUrl &url, const QJsonDocument &body);
    // Every page of a listing, per_page=100 unless the query says otherwise.
    PagedJob *getAllPages(const QString &path, QUrlQuery query = {});
    // One GraphQL operation POSTed to graphqlUrl(), with the headers and token rules of REST.
    GraphQLJob *graphql(const GraphQLRequest &request);

    RateLimit rateLimit() const { return m_rateLimit; }
    // Requests sent since construction (retries and redirects included), and how many of them
    // were answered 304.
    int requestsSent() const { return m_requestsSent; }
    int notModifiedCount() const { return m_notModified; }
    void resetCounters() { m_requestsSent = m_notModified = 0; }

    // The token may go to https hosts and to loopback (tests, the demo); never elsewhere.
    static bool mayCarryToken(const QUrl &url);
    static bool isLoopback(const QUrl &url);
    // The web address of a repository for an API URL: https://github.com/o/r for api.github.com,
    // https://HOST/o/r for GitHub Enterprise (https://HOST/api/v3); a loopback API (the demo, the
    // tests) stands for github.com.
    static QString webUrl(const QUrl &apiUrl, const QString &repository);

Q_SIGNALS:
    void rateLimitChanged(const Mainstay::RateLimit &limit);
    // Requests are held back until `until`; `reason` is a sentence for the status bar.
    void waiting(const QDateTime &until, const QString &reason);

private:
    friend class RestJob;
    RestJob *enqueue(RestJob::Request request);
    void startQueued();
    void scheduleStart(qint64 delayMs);
    void jobSent() { ++m_requestsSent; }
    void jobDone(RestJob *job);
    void releaseSlot(RestJob *job);
    void noteResponse(const ApiResponse &response);
    // How long to wait before trying `job` again, or -1 to give up and report its error.
    qint64 retryDelay(const RestJob &job);
    void retryLater(RestJob *job, qint64 delayMs);
    QByteArray authorization() const;

    QNetworkAccessManager *m_nam;
    QUrl m_apiUrl;
    QString m_token;
    int m_timeoutMs = 30'000;
    RetryPolicy m_retry;
    Clock *m_clock;
    Scheduler *m_scheduler;
    ResponseCache *m_cache = nullptr;
    QQueue<RestJob *> m_queue;
    QList<RestJob *> m_running;
    bool m_mutationRunning = false;
    QDateTime m_lastMutationStart;
    QDateTime m_pausedUntil; // a rate limit holds every request back until then
    bool m_startScheduled = false;
    RateLimit m_rateLimit;
    int m_requestsSent = 0;
    int m_notModified = 0;
};

} // namespace Mainstay
