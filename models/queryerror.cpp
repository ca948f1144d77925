#include "queryerror.h"

namespace Mainstay {

QString QueryError::message() const
{
    QString text = problem + QLatin1String(" at ") + QString::number(position);
    if (!hint.isEmpty())
        text += QLatin1String(" (") + hint + QLatin1Char(')');
    return text;
}

} // namespace Mainstay
