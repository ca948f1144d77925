#pragma once

#include "ratelimit.h"

#include <QString>

namespace Mainstay {

// What one sync did, for the status bar and `mainstay sync`'s one-line report.
struct SyncSummary
{
    int newItems = 0;
    int updatedItems = 0;
    int pages = 0;
    int requests = 0;
    int notModified = 0;
    RateLimit rateLimit;

    QString toString() const
    {
        QString text = QStringLiteral("%1 new, %2 updated; %3 requests (%4 answered 304)")
                           .arg(newItems)
                           .arg(updatedItems)
                           .arg(requests)
                           .arg(notModified);
        if (rateLimit.isKnown())
            text += QStringLiteral("; rate limit %1/%2 left")
                        .arg(rateLimit.remaining)
                        .arg(rateLimit.limit);
        return text;
    }
};

} // namespace Mainstay
