#pragma once

#include "policy.h"
#include "policydiagnostic.h"
#include "policyloadresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Mainstay {

// Reads a policy from a YAML or JSON file (JSON is read as YAML, so both get the same line and
// column numbers in their diagnostics). Sections the file leaves out keep the values of a base
// policy — the built-in one unless told otherwise — so a project can override just its labels or
// just its board. Inside the `release`, `semantic-titles`, `stale` and `gantt` sections each key
// falls back on its own; lists are replaced as a whole.
//
// Errors (wrong types, invalid colours, size rows that leave gaps, duplicate ids, …) make the
// file unusable; warnings (unknown keys, labels the board uses that the label table lacks) do not.
class PolicyLoader
{
public:
    static PolicyLoadResult loadFile(const QString &path);
    static PolicyLoadResult loadFile(const QString &path, const Policy &base);
    // `fileName` only names the source in diagnostics.
    static PolicyLoadResult loadData(const QByteArray &data, const QString &fileName,
                                     const Policy &base);

    // For the app: the policy in `path`, or the built-in one when `path` is empty or the file
    // does not load. `message` receives what the user should see (errors, or warnings of a file
    // that loaded), and is cleared when there is nothing to say.
    static Policy loadOrDefault(const QString &path, QString *message = nullptr);

    // The semantic checks the loader runs, for policies built in code (diagnostics carry key
    // paths but no file positions).
    static QList<PolicyDiagnostic> validate(const Policy &policy);
};

} // namespace Mainstay
