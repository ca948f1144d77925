#include "httprequest.h"

#include <QUrl>

namespace Mainstay {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers)
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QStringList HttpRequest::pathSegments() const
{
    QByteArray rawPath = target;
    if (const qsizetype question = rawPath.indexOf('?'); question >= 0)
        rawPath.truncate(question);
    QStringList segments;
    for (const QByteArray &segment : rawPath.split('/'))
        if (!segment.isEmpty())
            segments.append(QUrl::fromPercentEncoding(segment));
    return segments;
}

QString HttpRequest::queryValue(const QString &key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace Mainstay
