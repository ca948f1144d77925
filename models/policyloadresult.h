#pragma once

#include "policy.h"
#include "policydiagnostic.h"

#include <QList>
#include <optional>

namespace Mainstay {

// The outcome of loading a policy file: the policy when it has no errors, and every diagnostic
// either way. Like ParseResult, a file with errors never yields a half-read policy.
class PolicyLoadResult
{
public:
    PolicyLoadResult(std::optional<Policy> policy, QList<PolicyDiagnostic> diagnostics)
        : m_policy(std::move(policy))
        , m_diagnostics(std::move(diagnostics))
    {}

    bool isOk() const { return m_policy.has_value(); }
    explicit operator bool() const { return isOk(); }
    const Policy &policy() const { return *m_policy; }

    const QList<PolicyDiagnostic> &diagnostics() const { return m_diagnostics; }
    QList<PolicyDiagnostic> errors() const;
    QList<PolicyDiagnostic> warnings() const;
    // Every diagnostic, one per line.
    QString errorString() const;

private:
    std::optional<Policy> m_policy;
    QList<PolicyDiagnostic> m_diagnostics;
};

} // namespace Mainstay
