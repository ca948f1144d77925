#pragma once

#include <QDateTime>
#include <QHash>
#include <QNetworkReply>
#include <QString>
#include <QStringList>

namespace Mainstay {

// What went wrong talking to GitHub, mapped in one place (ApiError::fromResponse) into something
// a person can act on. `message()` is the sentence to show; `serverMessage` is GitHub's own text.
struct ApiError
{
    enum class Kind
    {
        None,
        Network,           // DNS, refused connection, TLS, connection reset
        Timeout,           // no answer in time
        Unauthorized,      // 401: token missing, expired or revoked
        Forbidden,         // 403 without rate-limit signs: no permission, SSO required
        RateLimited,       // 403/429 with rate-limit headers or retry-after
        NotFound,          // 404: wrong repository name or no access
        Gone,              // 410: disabled feature (e.g. issues turned off)
        Validation,        // 422: the server's validation messages
        Server,            // 5xx
        GraphQL,           // errors[] in a 200 GraphQL body
        MalformedResponse, // the body is not what the API documents
        InsecureUrl,       // refusing to send a token over plain HTTP to a non-loopback host
        Cancelled,
        Other,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString serverMessage;
    QStringList details; // 422 validation errors, GraphQL error messages
    QDateTime retryAt;   // rate limits: when waiting is over (invalid if unknown)
    QString context;     // what was being done, e.g. "GET /repos/o/r/issues"

    bool isError() const { return kind != Kind::None; }
    // Worth retrying after a while without changing anything: network faults, timeouts, 5xx
    // gateway errors, rate limits.
    bool isTransient() const;
    // The sentence to show a person: what happened and what to do about it.
    QString message() const;

    // The one mapping from an HTTP outcome to an error. `headers` keys are lower-case.
    static ApiError fromResponse(int httpStatus, QNetworkReply::NetworkError networkError,
                                 const QString &networkErrorString,
                                 const QHash<QByteArray, QByteArray> &headers,
                                 const QByteArray &body, const QDateTime &now);
    static ApiError malformed(const QString &what);
};

} // namespace Mainstay
