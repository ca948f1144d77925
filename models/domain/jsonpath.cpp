#include "jsonpath.h"

namespace Mainstay::GitHubJson {

QString JsonPath::toString() const
{
    QString text;
    appendTo(text);
    if (text.isEmpty())
        return QStringLiteral("top level");
    return text;
}

void JsonPath::appendTo(QString &text) const
{
    if (m_parent)
        m_parent->appendTo(text);
    if (m_index >= 0) {
        text += u'[';
        text += QString::number(m_index);
        text += u']';
    } else if (!m_key.isEmpty()) {
        if (!text.isEmpty())
            text += u'.';
        text += m_key.toString();
    }
}

} // namespace Mainstay::GitHubJson
