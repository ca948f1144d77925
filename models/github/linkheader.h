#pragma once

#include <QByteArray>
#include <QHash>
#include <QUrl>

namespace Mainstay {

// Parses an RFC 8288 Link header as GitHub sends it for pagination:
//   <https://api.github.com/repositories/1/issues?page=2>; rel="next", <...>; rel="last"
// into rel -> URL. Pages are only ever followed through these URLs (GitHub may rewrite them).
QHash<QString, QUrl> parseLinkHeader(const QByteArray &header);

} // namespace Mainstay
