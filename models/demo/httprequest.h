#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <utility>

namespace Mainstay {

// One HTTP request as LoopbackHttpServer received it. Header names keep the case the client sent;
// look them up with header(), which ignores case as HTTP requires.
struct HttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QByteArray target; // the request target exactly as sent, e.g. "/repos/o/r/issues?page=2"
    QString path;      // the target's path, percent-decoded
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The first header with that name, or an empty array.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // The path split at '/', each segment percent-decoded on its own, so that an encoded slash
    // inside a segment (a label named "a/b") stays inside it. No empty leading segment.
    QStringList pathSegments() const;
    // A query item, percent-decoded; an empty string when absent.
    QString queryValue(const QString &key) const;

    bool operator==(const HttpRequest &) const = default;
};

} // namespace Mainstay
