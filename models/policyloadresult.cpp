#include "policyloadresult.h"

#include <QStringList>

namespace Mainstay {

QList<PolicyDiagnostic> PolicyLoadResult::errors() const
{
    QList<PolicyDiagnostic> result;
    for (const PolicyDiagnostic &diagnostic : m_diagnostics)
        if (diagnostic.isError())
            result.append(diagnostic);
    return result;
}

QList<PolicyDiagnostic> PolicyLoadResult::warnings() const
{
    QList<PolicyDiagnostic> result;
    for (const PolicyDiagnostic &diagnostic : m_diagnostics)
        if (!diagnostic.isError())
            result.append(diagnostic);
    return result;
}

QString PolicyLoadResult::errorString() const
{
    QStringList lines;
    for (const PolicyDiagnostic &diagnostic : m_diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(u'\n');
}

} // namespace Mainstay
