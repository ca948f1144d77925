#include "githubclient.h"

#include "pagedjob.h"

#include <QHostAddress>
#include <QNetworkAccessManager>

namespace Mainstay {

GitHubClient::GitHubClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_apiUrl(QStringLiteral("https://api.github.com"))
{}

void GitHubClient::setApiUrl(const QUrl &url)
{
    m_apiUrl = url.adjusted(QUrl::StripTrailingSlash);
}

QUrl GitHubClient::graphqlUrl() const
{
    QUrl url = m_apiUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1String("/api/v3")))
        path.chop(2); // ".../api/v3" -> ".../api/", then "graphql"
    else if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("graphql"));
    return url;
}

QUrl GitHubClient::url(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_apiUrl;
    url.setPath(m_apiUrl.path() +
                (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

RestJob *GitHubClient::get(const QString &path, const QUrlQuery &query)
{
    return get(url(path, query));
}

RestJob *GitHubClient::get(const QUrl &url, const QHash<QByteArray, QByteArray> &extraHeaders)
{
    RestJob::Request request;
    request.url = url;
    request.extraHeaders = extraHeaders;
    return enqueue(std::move(request));
}

RestJob *GitHubClient::send(const QByteArray &verb, const QString &path, const QJsonDocument &body)
{
    RestJob::Request request;
    request.verb = verb;
    request.url = url(path);
    if (!body.isNull())
        request.body = body.toJson(QJsonDocument::Compact);
    return enqueue(std::move(request));
}

PagedJob *GitHubClient::getAllPages(const QString &path, QUrlQuery query)
{
    if (!query.hasQueryItem(QStringLiteral("per_page")))
        query.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
    return new PagedJob(this, url(path, query), this);
}

bool GitHubClient::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool GitHubClient::mayCarryToken(const QUrl &url)
{
    return url.scheme() == QLatin1String("https") || isLoopback(url);
}

RestJob *GitHubClient::enqueue(RestJob::Request request)
{
    auto *job = new RestJob(this, std::move(request));
    m_queue.enqueue(job);
    // Start from the event loop so callers can connect to finished() first.
    QMetaObject::invokeMethod(this, &GitHubClient::startQueued, Qt::QueuedConnection);
    return job;
}

void GitHubClient::startQueued()
{
    while (m_inFlight < MaxRequestsInFlight && !m_queue.isEmpty()) {
        RestJob *job = m_queue.dequeue();
        if (job->isFinished())
            continue; // cancelled while waiting
        ++m_inFlight;
        job->start(m_nam);
    }
}

void GitHubClient::jobDone(RestJob *job)
{
    m_queue.removeAll(job);
    if (job->m_nam) // it had started
        --m_inFlight;
    const ApiResponse &response = job->response();
    if (response.isNotModified())
        ++m_notModified;
    if (response.rateLimit.isKnown()) {
        // Other buckets (search, graphql) must not overwrite the core meter's reading.
        if (response.rateLimit.resource == QLatin1String("core") || !m_rateLimit.isKnown() ||
            m_rateLimit.resource == response.rateLimit.resource) {
            m_rateLimit = response.rateLimit;
            Q_EMIT rateLimitChanged(m_rateLimit);
        }
    }
    QMetaObject::invokeMethod(this, &GitHubClient::startQueued, Qt::QueuedConnection);
}

QByteArray GitHubClient::authorization() const
{
    return m_token.isEmpty() ? QByteArray() : "Bearer " + m_token.toUtf8();
}

} // namespace Mainstay
