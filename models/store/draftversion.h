#pragma once

#include <QDateTime>
#include <QString>

namespace Mainstay {

// A version of a draft the user chose to keep ("before the big rewrite"), next to the
// continuously saved latest text.
struct DraftVersion
{
    qint64 id = 0;
    QString key;
    QString text;
    QString label;
    QDateTime createdAt;

    bool operator==(const DraftVersion &) const = default;
};

} // namespace Mainstay
