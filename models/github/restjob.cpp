#include "restjob.h"

#include "clock.h"
#include "githubclient.h"
#include "linkheader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#ifndef MAINSTAY_VERSION
#define MAINSTAY_VERSION "0"
#endif

namespace Mainstay {

namespace {
constexpr int MaxRedirects = 5;
}

RestJob::RestJob(GitHubClient *client, Request request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
{}

RestJob::~RestJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void RestJob::start(QNetworkAccessManager *nam)
{
    m_nam = nam;
    begin();
}

void RestJob::begin()
{
    ++m_attempt;
    m_waitingToRetry = false;
    m_redirects = 0;
    m_cached.reset();
    const bool conditional = m_request.extraHeaders.contains("If-None-Match") ||
                             m_request.extraHeaders.contains("If-Modified-Since");
    if (!isMutation() && !conditional && m_client->responseCache())
        m_cached = m_client->responseCache()->lookup(m_request.url);
    send(m_request.url, true);
}

void RestJob::send(const QUrl &url, bool withToken)
{
    m_withToken = withToken && m_client->hasToken();
    if (m_withToken && !GitHubClient::mayCarryToken(url)) {
        m_response = {};
        m_response.url = url;
        m_response.error.kind = ApiError::Kind::InsecureUrl;
        m_response.error.serverMessage = url.host();
        finish();
        return;
    }

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/vnd.github+json");
    request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Mainstay/" MAINSTAY_VERSION));
    if (m_withToken)
        request.setRawHeader("Authorization", m_client->authorization());
    // Redirects are followed here, not by Qt, so that the token is dropped when the host changes.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_client->timeoutMs());
    for (auto it = m_request.extraHeaders.cbegin(); it != m_request.extraHeaders.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (m_cached && url == m_request.url) {
        if (!m_cached->etag.isEmpty())
            request.setRawHeader("If-None-Match", m_cached->etag);
        else if (!m_cached->lastModified.isEmpty())
            request.setRawHeader("If-Modified-Since", m_cached->lastModified);
    }
    if (!m_request.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);

    m_client->jobSent();
    m_reply = m_nam->sendCustomRequest(request, m_request.verb, m_request.body);
    connect(m_reply, &QNetworkReply::finished, this, &RestJob::onReplyFinished);
}

void RestJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();

    ApiResponse response;
    response.url = reply->url();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    if (reply->isOpen()) // an aborted or timed-out reply has no body to read
        response.body = reply->readAll();
    response.rateLimit = rateLimitFromHeaders(response.headers);
    response.links = parseLinkHeader(response.header("link"));

    const bool redirect = response.status == 301 || response.status == 302 ||
                          response.status == 303 || response.status == 307 ||
                          response.status == 308;
    const QByteArray location = response.header("location");
    if (redirect && !location.isEmpty() && !m_cancelled) {
        if (++m_redirects > MaxRedirects) {
            response.error = ApiError::malformed(QStringLiteral("too many redirects"));
            m_response = response;
            finish();
            return;
        }
        const QUrl target = response.url.resolved(QUrl::fromEncoded(location));
        // Keep the token only while the host, port and scheme stay the same.
        const bool sameOrigin = target.host() == m_request.url.host() &&
                                target.port() == m_request.url.port() &&
                                target.scheme() == m_request.url.scheme();
        if (response.status == 303) {
            m_request.verb = "GET";
            m_request.body.clear();
        }
        send(target, m_withToken && sameOrigin);
        return;
    }

    // Qt reports its transfer timeout as a cancellation; only cancel() is one.
    QNetworkReply::NetworkError networkError = reply->error();
    if (networkError == QNetworkReply::OperationCanceledError && !m_cancelled)
        networkError = QNetworkReply::TimeoutError;
    // An HTTP error status also sets a QNetworkReply error; the status is what counts then.
    response.error =
        ApiError::fromResponse(response.status, networkError, reply->errorString(),
                               response.headers, response.body, m_client->clock()->now());
    if (!response.error.isError() && response.status == 0)
        response.error = ApiError::malformed(QStringLiteral("no HTTP status"));
    response.error.context =
        QString::fromLatin1(m_request.verb) + QLatin1Char(' ') + m_request.url.path();

    if (ResponseCache *cache = m_client->responseCache(); cache && !isMutation()) {
        if (response.status == 304 && m_cached) {
            // Unchanged: hand out what we saw last time, as if it had come again.
            response.body = m_cached->body;
            if (response.links.isEmpty())
                response.links = parseLinkHeader(m_cached->link);
        } else if (response.status == 200 && (response.headers.contains("etag") ||
                                              response.headers.contains("last-modified"))) {
            cache->store(m_request.url, {response.header("etag"), response.header("last-modified"),
                                         response.body, response.header("link")});
        }
    }
    m_response = std::move(response);

    if (!m_cancelled) {
        const qint64 delay = m_client->retryDelay(*this);
        if (delay >= 0) {
            m_waitingToRetry = true;
            m_client->retryLater(this, delay);
            return;
        }
    }
    finish();
}

void RestJob::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort(); // finished() follows and reports the cancellation
        return;
    }
    m_response.error = {};
    m_response.error.kind = ApiError::Kind::Cancelled;
    finish();
}

void RestJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_client->jobDone(this);
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace Mainstay
