#include "queryerror.h"

#include <algorithm>

namespace Mainstay {

QString QueryError::message() const
{
    QString text = problem + QLatin1String(" at ") + QString::number(position);
    if (!hint.isEmpty())
        text += QLatin1String(" (") + hint + QLatin1Char(')');
    return text;
}

QString QueryError::marker() const
{
    return QString(position, QLatin1Char(' ')) + QString(std::max(length, 1), QLatin1Char('^'));
}

} // namespace Mainstay
