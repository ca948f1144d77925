#pragma once

#include <QHash>
#include <QString>

namespace Mainstay {

// Fills `{name}` placeholders (as in canned replies and the post-release comment) from
// `values`. Unknown placeholders stay as written so a typo shows in the preview instead of
// silently vanishing from a comment.
QString fillPlaceholders(QStringView text, const QHash<QString, QString> &values);

} // namespace Mainstay
