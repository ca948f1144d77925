#pragma once

#include <QByteArray>

namespace Mainstay {

// What the client remembers of a GET response to ask "changed since?" next time: the validators
// and the body to reuse on 304. Response headers such as Authorization are never part of it.
struct HttpCacheEntry
{
    QByteArray etag;
    QByteArray lastModified;
    QByteArray body;
    QByteArray link; // the Link header (pagination), empty when the response had none

    bool operator==(const HttpCacheEntry &) const = default;
};

} // namespace Mainstay
