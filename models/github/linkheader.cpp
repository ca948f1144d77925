#include "linkheader.h"

namespace Mainstay {

QHash<QString, QUrl> parseLinkHeader(const QByteArray &header)
{
    QHash<QString, QUrl> links;
    qsizetype pos = 0;
    while (pos < header.size()) {
        const qsizetype open = header.indexOf('<', pos);
        if (open < 0)
            break;
        const qsizetype close = header.indexOf('>', open);
        if (close < 0)
            break;
        const QUrl url(QString::fromUtf8(header.mid(open + 1, close - open - 1)));
        // Parameters run up to the next link, which starts at a comma followed by '<'.
        qsizetype end = header.indexOf(",", close);
        while (end >= 0) {
            qsizetype next = end + 1;
            while (next < header.size() && header.at(next) == ' ')
                ++next;
            if (next >= header.size() || header.at(next) == '<')
                break;
            end = header.indexOf(",", next);
        }
        if (end < 0)
            end = header.size();
        const QList<QByteArray> params = header.mid(close + 1, end - close - 1).split(';');
        for (QByteArray param : params) {
            param = param.trimmed();
            if (!param.startsWith("rel="))
                continue;
            QByteArray value = param.mid(4).trimmed();
            if (value.startsWith('"') && value.endsWith('"') && value.size() >= 2)
                value = value.mid(1, value.size() - 2);
            // rel may hold several space-separated relation types.
            for (const QByteArray &rel : value.split(' '))
                if (!rel.isEmpty() && url.isValid())
                    links.insert(QString::fromLatin1(rel).toLower(), url);
        }
        pos = end + 1;
    }
    return links;
}

} // namespace Mainstay
