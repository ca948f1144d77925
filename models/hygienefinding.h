#pragma once

#include "labelchange.h"

#include <QString>

namespace Mainstay {

// One problem a hygiene rule found on an issue or pull request. The PR list, its tooltips and
// `mainstay lint` all show these same values, so the GUI and the command line cannot disagree.
struct HygieneFinding
{
    enum class Severity
    {
        Info,    // worth knowing (e.g. `do-not-merge` is on); nothing to fix
        Warning, // a convention is not followed; usually fixable with labels
        Error    // the item breaks a rule a check on GitHub would also fail
    };

    QString rule; // the rule's stable id, e.g. `size-label`
    // The item the finding and its fix are about. For `pending-release` that is the linked
    // issue, while `pullRequest` names the merged PR that was checked.
    int number = 0;
    int pullRequest = 0; // the pull request that was checked; 0 for plain issues
    QString message;     // names what is wrong and how to fix it
    LabelChange fix;     // empty when labels alone cannot fix it
    Severity severity = Severity::Warning;

    bool isFixable() const { return !fix.isEmpty(); }
    bool operator==(const HygieneFinding &) const = default;
};

QString hygieneSeverityName(HygieneFinding::Severity severity);

} // namespace Mainstay
