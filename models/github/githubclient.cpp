#include "githubclient.h"

#include "clock.h"
#include "graphqljob.h"
#include "pagedjob.h"
#include "responsecache.h"
#include "scheduler.h"

#include <QHostAddress>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QRandomGenerator>

namespace Mainstay {

GitHubClient::GitHubClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_apiUrl(QStringLiteral("https://api.github.com"))
    , m_clock(Clock::system())
    , m_scheduler(Scheduler::system())
{}

GitHubClient::~GitHubClient() = default;

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
    return send(verb, url(path), body);
}

RestJob *GitHubClient::send(const QByteArray &verb, const QUrl &url, const QJsonDocument &body)
{
    RestJob::Request request;
    request.verb = verb;
    request.url = url;
    if (!body.isNull())
        request.body = body.toJson(QJsonDocument::Compact);
    return enqueue(std::move(request));
}

RestJob *GitHubClient::upload(const QUrl &url, const QByteArray &data,
                              const QByteArray &contentType)
{
    RestJob::Request request;
    request.verb = "POST";
    request.url = url;
    request.body = data;
    request.contentType = contentType;
    return enqueue(std::move(request));
}

RestJob *GitHubClient::postQuery(const QUrl &url, const QJsonDocument &body)
{
    RestJob::Request request;
    request.verb = "POST";
    request.url = url;
    request.body = body.toJson(QJsonDocument::Compact);
    request.readOnly = true;
    return enqueue(std::move(request));
}

PagedJob *GitHubClient::getAllPages(const QString &path, QUrlQuery query)
{
    if (!query.hasQueryItem(QStringLiteral("per_page")))
        query.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
    return new PagedJob(this, url(path, query), this);
}

GraphQLJob *GitHubClient::graphql(const GraphQLRequest &request)
{
    return new GraphQLJob(this, request);
}

bool GitHubClient::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString GitHubClient::webUrl(const QUrl &apiUrl, const QString &repository)
{
    const QString host = apiUrl.host().toLower();
    if (host == QLatin1String("api.github.com") || isLoopback(apiUrl) || host.isEmpty())
        return QStringLiteral("https://github.com/") + repository;
    QUrl web;
    web.setScheme(apiUrl.scheme());
    web.setHost(apiUrl.host());
    web.setPort(apiUrl.port());
    return web.toString() + QLatin1Char('/') + repository;
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
    scheduleStart(0);
    return job;
}

void GitHubClient::scheduleStart(qint64 delayMs)
{
    if (m_startScheduled && delayMs > 0)
        return; // an earlier wake-up will look again
    m_startScheduled = true;
    m_scheduler->schedule(delayMs, this, [this] {
        m_startScheduled = false;
        startQueued();
    });
}

void GitHubClient::startQueued()
{
    const QDateTime now = m_clock->now();
    if (m_pausedUntil.isValid() && now < m_pausedUntil) {
        scheduleStart(now.msecsTo(m_pausedUntil));
        return;
    }
    qint64 mutationWait = -1;
    for (int i = 0; i < m_queue.size() && m_running.size() < MaxRequestsInFlight;) {
        RestJob *job = m_queue.at(i);
        if (job->isFinished()) {
            m_queue.removeAt(i);
            continue;
        }
        if (job->isMutation()) {
            // GitHub asks for mutations to be sent serially, about a second apart.
            const qint64 sinceLast = m_lastMutationStart.isValid()
                                         ? m_lastMutationStart.msecsTo(now)
                                         : MutationSpacingMs;
            if (m_mutationRunning || sinceLast < MutationSpacingMs) {
                if (!m_mutationRunning)
                    mutationWait = MutationSpacingMs - sinceLast;
                ++i;
                continue;
            }
            m_mutationRunning = true;
            m_lastMutationStart = now;
        }
        m_queue.removeAt(i);
        m_running.append(job);
        job->start(m_nam);
    }
    if (mutationWait > 0)
        scheduleStart(mutationWait);
}

void GitHubClient::releaseSlot(RestJob *job)
{
    if (m_running.removeAll(job) > 0 && job->isMutation())
        m_mutationRunning = false;
}

void GitHubClient::noteResponse(const ApiResponse &response)
{
    if (response.isNotModified())
        ++m_notModified;
    if (!response.rateLimit.isKnown())
        return;
    // Other buckets (search, graphql) must not overwrite the core meter's reading.
    if (response.rateLimit.resource == QLatin1String("core") || !m_rateLimit.isKnown() ||
        m_rateLimit.resource == response.rateLimit.resource) {
        m_rateLimit = response.rateLimit;
        Q_EMIT rateLimitChanged(m_rateLimit);
    }
}

void GitHubClient::jobDone(RestJob *job)
{
    m_queue.removeAll(job);
    const bool wasRunning = m_running.contains(job);
    releaseSlot(job);
    if (wasRunning)
        noteResponse(job->response());
    scheduleStart(0);
}

qint64 GitHubClient::retryDelay(const RestJob &job)
{
    const ApiError &error = job.response().error;
    const int attempt = job.attempt();
    if (error.kind == ApiError::Kind::RateLimited) {
        // The server refused the request, so repeating it is safe even for mutations.
        if (attempt > m_retry.maxRateLimitWaits)
            return -1;
        const QDateTime now = m_clock->now();
        qint64 wait = error.retryAt.isValid()
                          ? std::max<qint64>(1000, now.msecsTo(error.retryAt) + 1000)
                          : m_retry.secondaryLimitWaitMs << std::min(attempt - 1, 6);
        return wait > m_retry.maxRateLimitWaitMs ? -1 : wait;
    }
    // Other faults are only repeated for reads: a mutation whose answer was lost may have been
    // applied, and the outbox decides (it can check before repeating).
    if (!error.isTransient() || job.isMutation() || attempt > m_retry.maxRetries)
        return -1;
    const qint64 base = std::min(m_retry.maxDelayMs, m_retry.baseDelayMs << (attempt - 1));
    const qint64 jitter = base / 4;
    return base - jitter + qint64(QRandomGenerator::global()->bounded(quint32(2 * jitter + 1)));
}

void GitHubClient::retryLater(RestJob *job, qint64 delayMs)
{
    releaseSlot(job);
    noteResponse(job->response());
    const QDateTime until = m_clock->now().addMSecs(delayMs);
    const ApiError &error = job->response().error;
    QString reason;
    if (error.kind == ApiError::Kind::RateLimited) {
        // Everything else would hit the same wall: hold the whole queue.
        m_pausedUntil = std::max(m_pausedUntil.isValid() ? m_pausedUntil : until, until);
        reason = tr("GitHub rate limit reached; waiting until %1")
                     .arg(QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat));
    } else {
        reason = tr("GitHub did not answer (%1); trying again in %2 s")
                     .arg(error.kind == ApiError::Kind::Timeout ? tr("timeout")
                                                                : QString::number(error.httpStatus))
                     .arg((delayMs + 999) / 1000);
    }
    Q_EMIT waiting(until, reason);
    QPointer<RestJob> guard(job);
    m_scheduler->schedule(delayMs, job, [this, guard] {
        if (!guard || guard->isFinished())
            return;
        m_queue.prepend(guard.data());
        startQueued();
    });
}

QByteArray GitHubClient::authorization() const
{
    return m_token.isEmpty() ? QByteArray() : "Bearer " + m_token.toUtf8();
}

} // namespace Mainstay
