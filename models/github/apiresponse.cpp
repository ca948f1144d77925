#include "apiresponse.h"

namespace Mainstay {

RateLimit rateLimitFromHeaders(const QHash<QByteArray, QByteArray> &headers)
{
    RateLimit limit;
    bool ok = false;
    const auto number = [&](const char *name) {
        const QByteArray value = headers.value(name);
        const int n = value.toInt(&ok);
        return ok ? n : -1;
    };
    limit.limit = number("x-ratelimit-limit");
    limit.remaining = number("x-ratelimit-remaining");
    limit.used = number("x-ratelimit-used");
    const qint64 reset = headers.value("x-ratelimit-reset").toLongLong(&ok);
    if (ok)
        limit.reset = QDateTime::fromSecsSinceEpoch(reset, Qt::UTC);
    limit.resource = QString::fromLatin1(headers.value("x-ratelimit-resource"));
    if (limit.resource.isEmpty() && limit.isKnown())
        limit.resource = QStringLiteral("core");
    return limit;
}

} // namespace Mainstay
