#pragma once

#include "ganttchart.h"

namespace Mainstay {

struct MermaidOptions
{
    QString title;      // empty: the run's name and number
    bool steps = false; // every job's steps as tasks after it
};

// The chart as Mermaid `gantt` text in the form of the maintainers' guide: title, dateFormat,
// axisFormat, one `section` per chart section, one task per job (all of them, in chart order)
// with its state (done, active, crit for failures), an id, its start and its exact duration in
// seconds. Jobs that never started are tasks of 0s at their queued time. Times are UTC.
QString toMermaidGantt(const GanttChart &chart, const MermaidOptions &options = {});
// A task name Mermaid accepts: no ':' (it separates the metadata) or ';' (ends an entity).
QString mermaidTaskName(const QString &name);

} // namespace Mainstay
