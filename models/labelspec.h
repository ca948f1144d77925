#pragma once

#include <QString>

namespace Mainstay {

// One row of the policy's label table: what a repository label should look like. It is kept
// apart from the domain's Label, which is what GitHub actually has, so the two can be compared.
struct LabelSpec
{
    QString name;
    QString description;
    QString color; // six lowercase hex digits without '#', the form GitHub's API uses
    // A free-form family (triage, type, size, area, automation, status, community, …) so views
    // can group the label picker and the labels table without hard-coding names.
    QString group;

    bool operator==(const LabelSpec &) const = default;
};

} // namespace Mainstay
