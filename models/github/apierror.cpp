#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Mainstay {

namespace {

// GitHub error bodies: {"message": "...", "errors": [{"resource","field","code","message"}|"..."]}
void readErrorBody(const QByteArray &body, QString *message, QStringList *details)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return;
    const QJsonObject object = doc.object();
    *message = object.value(QLatin1String("message")).toString();
    const QJsonArray errors = object.value(QLatin1String("errors")).toArray();
    for (const QJsonValue &error : errors) {
        if (error.isString()) {
            details->append(error.toString());
            continue;
        }
        const QJsonObject e = error.toObject();
        QString text = e.value(QLatin1String("message")).toString();
        if (text.isEmpty()) {
            const QString field = e.value(QLatin1String("field")).toString();
            const QString code = e.value(QLatin1String("code")).toString();
            const QString resource = e.value(QLatin1String("resource")).toString();
            text = QStringLiteral("%1 %2: %3").arg(resource, field, code).trimmed();
        }
        if (!text.isEmpty())
            details->append(text);
    }
}

QString timeOfDay(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat);
}

} // namespace

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::RateLimited:
        return true;
    case Kind::Server:
        return httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    default:
        return false;
    }
}

QString ApiError::message() const
{
    QString text;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        text = QStringLiteral("Could not reach GitHub (%1). Check the network connection and the "
                              "API URL in Settings; Mainstay keeps working on the cached data.")
                   .arg(serverMessage);
        break;
    case Kind::Timeout:
        text = QStringLiteral("GitHub did not answer in time. Mainstay will try again; the cached "
                              "data stays available.");
        break;
    case Kind::Unauthorized:
        text = QStringLiteral("GitHub refused the token (401): it is missing, expired or revoked. "
                              "Sign in again from Settings → Account, or set GH_TOKEN.");
        break;
    case Kind::Forbidden:
        text = QStringLiteral("GitHub refused the request (403): the token lacks permission for "
                              "this repository, or the organisation requires SSO authorisation "
                              "of the token.");
        break;
    case Kind::RateLimited:
        text = retryAt.isValid()
                   ? QStringLiteral("GitHub's rate limit is used up; Mainstay waits until %1 and "
                                    "then continues.")
                         .arg(timeOfDay(retryAt))
                   : QStringLiteral("GitHub asked Mainstay to slow down (secondary rate limit); "
                                    "it waits at least a minute before trying again.");
        break;
    case Kind::NotFound:
        text = QStringLiteral("Not found (404): check the repository name (owner/name), and that "
                              "the token can see it if it is private.");
        break;
    case Kind::Gone:
        text = QStringLiteral("GitHub says this is gone (410): the feature may be disabled for "
                              "the repository.");
        break;
    case Kind::Validation:
        text = QStringLiteral("GitHub rejected the change (422)");
        if (!details.isEmpty())
            text += QStringLiteral(": ") + details.join(QStringLiteral("; "));
        else if (!serverMessage.isEmpty())
            text += QStringLiteral(": ") + serverMessage;
        return context.isEmpty() ? text : context + QStringLiteral(": ") + text;
    case Kind::Server:
        text = QStringLiteral("GitHub had a server error (%1). Try again in a few minutes; "
                              "githubstatus.com says whether GitHub is having trouble.")
                   .arg(httpStatus);
        break;
    case Kind::GraphQL:
        text = QStringLiteral("GitHub's GraphQL API returned errors: ") +
               details.join(QStringLiteral("; "));
        return context.isEmpty() ? text : context + QStringLiteral(": ") + text;
    case Kind::MalformedResponse:
        text = QStringLiteral("GitHub's answer could not be read (%1). Nothing was changed in the "
                              "local cache.")
                   .arg(serverMessage);
        break;
    case Kind::InsecureUrl:
        text = QStringLiteral("Refusing to send the token over plain HTTP to %1. Use an https:// "
                              "API URL.")
                   .arg(serverMessage);
        break;
    case Kind::Cancelled:
        text = QStringLiteral("Cancelled.");
        break;
    case Kind::Other:
        text = QStringLiteral("Request failed (%1): %2").arg(httpStatus).arg(serverMessage);
        break;
    }
    if (kind != Kind::Network && kind != Kind::MalformedResponse && kind != Kind::InsecureUrl &&
        kind != Kind::Other && !serverMessage.isEmpty())
        text += QStringLiteral(" GitHub said: “%1”.").arg(serverMessage);
    return context.isEmpty() ? text : context + QStringLiteral(": ") + text;
}

ApiError ApiError::fromResponse(int httpStatus, QNetworkReply::NetworkError networkError,
                                const QString &networkErrorString,
                                const QHash<QByteArray, QByteArray> &headers,
                                const QByteArray &body, const QDateTime &now)
{
    ApiError error;
    error.httpStatus = httpStatus;
    // Qt's transport errors (1-199: connection, TLS, proxy) mean the answer did not arrive whole,
    // whatever status line came before: a body cut off mid-way is no success.
    const bool transportError =
        networkError > QNetworkReply::NoError && networkError < QNetworkReply::ContentAccessDenied;
    if (httpStatus == 0 || transportError) {
        switch (networkError) {
        case QNetworkReply::NoError:
            return error;
        case QNetworkReply::OperationCanceledError:
            error.kind = Kind::Cancelled;
            return error;
        case QNetworkReply::TimeoutError:
            error.kind = Kind::Timeout;
            return error;
        default:
            error.kind = Kind::Network;
            error.serverMessage = networkErrorString;
            return error;
        }
    }
    if ((httpStatus >= 200 && httpStatus < 300) || httpStatus == 304)
        return error;

    readErrorBody(body, &error.serverMessage, &error.details);

    const QByteArray retryAfter = headers.value("retry-after");
    const QByteArray remaining = headers.value("x-ratelimit-remaining");
    const QByteArray reset = headers.value("x-ratelimit-reset");
    const bool mentionsRateLimit =
        error.serverMessage.contains(QLatin1String("rate limit"), Qt::CaseInsensitive);
    if ((httpStatus == 403 || httpStatus == 429) &&
        (!retryAfter.isEmpty() || remaining == "0" || mentionsRateLimit || httpStatus == 429)) {
        error.kind = Kind::RateLimited;
        bool ok = false;
        if (const qint64 seconds = retryAfter.toLongLong(&ok); ok)
            error.retryAt = now.addSecs(seconds);
        else if (remaining == "0") {
            if (const qint64 epoch = reset.toLongLong(&ok); ok)
                error.retryAt = QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
        }
        return error;
    }

    switch (httpStatus) {
    case 401:
        error.kind = Kind::Unauthorized;
        break;
    case 403:
        error.kind = Kind::Forbidden;
        break;
    case 404:
        error.kind = Kind::NotFound;
        break;
    case 410:
        error.kind = Kind::Gone;
        break;
    case 422:
        error.kind = Kind::Validation;
        break;
    default:
        error.kind = httpStatus >= 500 ? Kind::Server : Kind::Other;
        break;
    }
    return error;
}

ApiError ApiError::malformed(const QString &what)
{
    ApiError error;
    error.kind = Kind::MalformedResponse;
    error.serverMessage = what;
    return error;
}

} // namespace Mainstay
