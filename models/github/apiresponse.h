#pragma once

#include "apierror.h"
#include "ratelimit.h"

#include <QByteArray>
#include <QHash>
#include <QUrl>

namespace Mainstay {

// One HTTP exchange with the API, after redirects.
struct ApiResponse
{
    int status = 0;
    QUrl url;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    RateLimit rateLimit;                   // from x-ratelimit-*; isKnown() false if absent
    QHash<QString, QUrl> links;            // Link header: "next", "last", "prev", "first"
    ApiError error;

    bool isOk() const { return !error.isError(); }
    bool isNotModified() const { return status == 304; }
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
};

// Reads x-ratelimit-limit/-remaining/-used/-reset/-resource.
RateLimit rateLimitFromHeaders(const QHash<QByteArray, QByteArray> &headers);

} // namespace Mainstay
