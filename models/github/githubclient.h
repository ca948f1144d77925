#pragma once

#include "apiresponse.h"
#include "restjob.h"

#include <QJsonDocument>
#include <QObject>
#include <QQueue>
#include <QUrlQuery>

class QNetworkAccessManager;

namespace Mainstay {

class PagedJob;

// The door to GitHub's REST API (github.com, GitHub Enterprise's /api/v3, or a loopback server).
// It receives its QNetworkAccessManager, sends GitHub's required headers, keeps only a few
// requests in flight, and publishes the rate limit every response reports.
class GitHubClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRequestsInFlight = 4;
    static constexpr int PageSize = 100;

    explicit GitHubClient(QNetworkAccessManager *nam, QObject *parent = nullptr);

    // "https://api.github.com" by default; "https://HOST/api/v3" for GitHub Enterprise.
    void setApiUrl(const QUrl &url);
    QUrl apiUrl() const { return m_apiUrl; }
    // "<api>/graphql", or "https://HOST/api/graphql" when the API URL ends in /api/v3.
    QUrl graphqlUrl() const;
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    // `path` is relative to the API URL, e.g. "/repos/o/r/issues".
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;

    RestJob *get(const QString &path, const QUrlQuery &query = {});
    RestJob *get(const QUrl &url, const QHash<QByteArray, QByteArray> &extraHeaders = {});
    RestJob *send(const QByteArray &verb, const QString &path, const QJsonDocument &body = {});
    // Every page of a listing, per_page=100 unless the query says otherwise.
    PagedJob *getAllPages(const QString &path, QUrlQuery query = {});

    RateLimit rateLimit() const { return m_rateLimit; }
    // Requests sent since construction, and how many of them were answered 304.
    int requestsSent() const { return m_requestsSent; }
    int notModifiedCount() const { return m_notModified; }

    // The token may go to https hosts and to loopback (tests, the demo); never elsewhere.
    static bool mayCarryToken(const QUrl &url);
    static bool isLoopback(const QUrl &url);

Q_SIGNALS:
    void rateLimitChanged(const Mainstay::RateLimit &limit);

private:
    friend class RestJob;
    RestJob *enqueue(RestJob::Request request);
    void startQueued();
    void jobSent() { ++m_requestsSent; }
    void jobDone(RestJob *job);
    QByteArray authorization() const;

    QNetworkAccessManager *m_nam;
    QUrl m_apiUrl;
    QString m_token;
    int m_timeoutMs = 30'000;
    QQueue<RestJob *> m_queue;
    int m_inFlight = 0;
    RateLimit m_rateLimit;
    int m_requestsSent = 0;
    int m_notModified = 0;
};

} // namespace Mainstay
