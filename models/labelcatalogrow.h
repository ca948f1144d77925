#pragma once

#include "label.h"
#include "labelcatalogfix.h"
#include "labelspec.h"

#include <QFlags>
#include <QString>
#include <optional>

namespace Mainstay {

// One label name in the catalogue: what the repository has, what the policy asks for, how they
// differ and how many open items use it. Built by LabelCatalog.
struct LabelCatalogRow
{
    // Several may apply at once (colour and description, say), so they are flags; an empty set
    // means the label is as the policy wants it.
    enum Problem
    {
        NoProblem = 0,
        Missing = 0x1,            // in the policy, not in the repository
        Extra = 0x2,              // in the repository, not in the policy
        ColourDiffers = 0x4,      // compared as six hex digits, case-insensitively
        DescriptionDiffers = 0x8, // compared exactly, ignoring surrounding white space
        NameCaseDiffers = 0x10,   // same label to GitHub, but spelt differently
    };
    Q_DECLARE_FLAGS(Problems, Problem)

    // The policy's spelling when the policy has the label, the repository's otherwise.
    QString name;
    std::optional<Label> repository;
    std::optional<LabelSpec> policy;
    Problems problems;
    int openIssues = 0;
    int openPullRequests = 0;

    bool isOk() const { return problems == NoProblem; }
    bool has(Problem problem) const { return problems.testFlag(problem); }
    int usageCount() const { return openIssues + openPullRequests; }
    // The change that would fix this row; a null fix for a row that is fine.
    LabelCatalogFix fix() const;
    // "Missing", "Extra", "Colour differs, description differs", "OK", … for a table cell.
    QString statusText() const;

    bool operator==(const LabelCatalogRow &) const = default;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(LabelCatalogRow::Problems)

} // namespace Mainstay
