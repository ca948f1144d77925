#pragma once

#include "ganttchart.h"
#include "ganttestimate.h"

#include <QSet>

namespace Mainstay {

// One line of the Gantt chart as drawn: a section, a folded matrix group, a job or a step.
struct GanttRow
{
    enum class Kind
    {
        Section,
        Group,
        Job,
        Step
    };
    Kind kind = Kind::Job;
    int depth = 0;
    QString key; // stable across refreshes: "s:<section>", "g:<section>/<base>", "j:<id>"
    QString label;
    QString detail; // a group's progress ("87/145 done, 2 failed"), a job's runner
    GanttSpan span;
    GanttState state = GanttState::Queued;
    int section = -1;
    int item = -1;
    int job = -1;  // index into GanttChart::jobs
    int step = -1; // index into the job's steps
    bool expandable = false;
    bool expanded = false;
    bool critical = false;
    bool overrun = false;
    QDateTime predictedEnd; // an open job's predicted end (estimate), when known
};

// Which rows are open: sections are open unless toggled, groups and jobs closed unless toggled.
struct GanttExpansion
{
    QSet<QString> toggled;

    bool isExpanded(const QString &key) const
    {
        const bool byDefault = key.startsWith(QLatin1String("s:"));
        return byDefault != toggled.contains(key);
    }
    void toggle(const QString &key)
    {
        if (!toggled.remove(key))
            toggled.insert(key);
    }
    void setExpanded(const QString &key, bool expanded)
    {
        if (isExpanded(key) != expanded)
            toggle(key);
    }
};

// The visible rows of `chart` in order; `critical` holds job indices on the critical path.
QList<GanttRow> ganttRows(const GanttChart &chart, const GanttExpansion &expansion,
                          const QSet<int> &critical = {}, const RunEstimate &estimate = {});
// Every row, everything expanded (exports with steps) or only sections and jobs/groups.
QList<GanttRow> allGanttRows(const GanttChart &chart, bool steps, const QSet<int> &critical = {},
                             const RunEstimate &estimate = {});

} // namespace Mainstay
