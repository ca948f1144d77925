#pragma once

#include <QByteArray>
#include <QUrl>
#include <optional>

namespace Mainstay {

// Where the client remembers validators (ETag / Last-Modified) and bodies of GET responses, so
// that it can ask GitHub "changed since?" and use the remembered body on 304. The client only
// knows this interface; the store provides the persistent implementation (wired in models/).
class ResponseCache
{
public:
    struct Entry
    {
        QByteArray etag;
        QByteArray lastModified;
        QByteArray body;
        QByteArray link; // the Link header, so a 304 page still knows its next page
    };

    virtual ~ResponseCache() = default;
    virtual std::optional<Entry> lookup(const QUrl &url) const = 0;
    virtual void store(const QUrl &url, const Entry &entry) = 0;
    virtual void remove(const QUrl &url) = 0;
};

} // namespace Mainstay
