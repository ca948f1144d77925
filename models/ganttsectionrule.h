#pragma once

#include <QRegularExpression>
#include <QString>

namespace Mainstay {

// Puts the jobs of a release workflow run into a named Gantt section when their names do not
// carry the `Caller / Callee` prefix that reusable workflows give them. The first rule whose
// pattern matches (anywhere in the job name) wins.
struct GanttSectionRule
{
    QRegularExpression job;
    QString section;

    bool operator==(const GanttSectionRule &) const = default;
};

} // namespace Mainstay
