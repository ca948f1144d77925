#pragma once

#include <QHash>
#include <QString>

namespace Mainstay {

// A reply a maintainer sends often (asking for details, explaining why something is not a bug,
// …). The body is Markdown with `{placeholders}` such as `{author}` filled in when it is used.
struct CannedReply
{
    QString id;
    QString title;
    QString body;

    QString render(const QHash<QString, QString> &values) const;

    bool operator==(const CannedReply &) const = default;
};

} // namespace Mainstay
