#pragma once

#include <QString>

namespace Mainstay {

// One problem found in a policy file, located precisely enough to jump to: the file, the line
// and column (1-based; 0 when the value came from the default policy and has no place in the
// file) and the key path, e.g. `board.columns[2].labels`.
struct PolicyDiagnostic
{
    enum class Severity
    {
        Warning,
        Error
    };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;
    int column = 0;
    QString keyPath;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // `file:line:column: key.path: message`, with `warning: ` before the key path of warnings,
    // the form editors and terminals already know how to link.
    QString toString() const;

    bool operator==(const PolicyDiagnostic &) const = default;
};

} // namespace Mainstay
