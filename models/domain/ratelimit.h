#pragma once

#include <QDateTime>
#include <QString>

namespace Mainstay {

// One rate-limit bucket, from the x-ratelimit-* headers or GET /rate_limit.
struct RateLimit
{
    QString resource; // "core", "search", "graphql", ...
    int limit = -1;
    int remaining = -1;
    int used = -1;
    QDateTime reset;

    bool isKnown() const { return limit >= 0 && remaining >= 0; }
    bool isExhausted() const { return isKnown() && remaining == 0; }
    bool operator==(const RateLimit &) const = default;
};

} // namespace Mainstay
