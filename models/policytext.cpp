#include "policytext.h"

namespace Mainstay {

QString fillPlaceholders(QStringView text, const QHash<QString, QString> &values)
{
    QString result;
    result.reserve(text.size());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u'{', pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(u'}', open + 1);
        if (close < 0)
            break;
        const QStringView name = text.mid(open + 1, close - open - 1);
        const auto found = values.constFind(name.toString());
        result.append(text.mid(pos, open - pos));
        if (found != values.constEnd()) {
            result.append(*found);
            pos = close + 1;
        } else {
            // Keep the brace and rescan after it: `{{author}` still fills the inner one.
            result.append(u'{');
            pos = open + 1;
        }
    }
    result.append(text.mid(pos));
    return result;
}

} // namespace Mainstay
