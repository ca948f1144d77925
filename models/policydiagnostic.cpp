#include "policydiagnostic.h"

namespace Mainstay {

QString PolicyDiagnostic::toString() const
{
    QString text = file;
    if (line > 0) {
        text += u':' + QString::number(line);
        if (column > 0)
            text += u':' + QString::number(column);
    }
    // A policy checked in code has no file; its diagnostics start at the key path.
    if (!text.isEmpty())
        text += QStringLiteral(": ");
    if (severity == Severity::Warning)
        text += QStringLiteral("warning: ");
    if (!keyPath.isEmpty())
        text += keyPath + QStringLiteral(": ");
    text += message;
    return text;
}

} // namespace Mainstay
