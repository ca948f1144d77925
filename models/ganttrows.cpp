#include "ganttrows.h"

#include <functional>

namespace Mainstay {

namespace {

void appendJob(QList<GanttRow> &rows, const GanttChart &chart, int s, int i, int jobIndex,
               const QString &label, int depth, const std::function<bool(const QString &)> &open,
               const QSet<int> &critical, const RunEstimate &estimate)
{
    const WorkflowJob &job = chart.jobs.at(jobIndex);
    GanttRow row;
    row.kind = GanttRow::Kind::Job;
    row.depth = depth;
    row.key = QStringLiteral("j:%1").arg(job.id);
    row.label = label;
    row.detail = job.runnerName;
    row.span = ganttSpan(job, chart.now);
    row.state = ganttState(job);
    row.section = s;
    row.item = i;
    row.job = jobIndex;
    row.expandable = !job.steps.isEmpty();
    row.expanded = row.expandable && open(row.key);
    row.critical = critical.contains(jobIndex);
    row.overrun = estimate.overrunning.contains(job.id);
    row.predictedEnd = estimate.jobEnd.value(job.id);
    rows.append(row);
    if (!row.expanded)
        return;
    for (int k = 0; k < int(job.steps.size()); ++k) {
        const WorkflowStep &step = job.steps.at(k);
        GanttRow stepRow;
        stepRow.kind = GanttRow::Kind::Step;
        stepRow.depth = depth + 1;
        stepRow.key = QStringLiteral("j:%1/%2").arg(job.id).arg(step.number);
        stepRow.label = step.name;
        stepRow.span = ganttSpan(step, chart.now);
        stepRow.state = ganttState(step);
        stepRow.section = s;
        stepRow.item = i;
        stepRow.job = jobIndex;
        stepRow.step = k;
        rows.append(stepRow);
    }
}

QList<GanttRow> buildRows(const GanttChart &chart, const std::function<bool(const QString &)> &open,
                          const QSet<int> &critical, const RunEstimate &estimate)
{
    QList<GanttRow> rows;
    rows.reserve(chart.jobs.size() + chart.sections.size());
    for (int s = 0; s < int(chart.sections.size()); ++s) {
        const GanttSection &section = chart.sections.at(s);
        GanttRow head;
        head.kind = GanttRow::Kind::Section;
        head.key = QStringLiteral("s:") + section.name;
        head.label = section.name;
        head.section = s;
        head.expandable = true;
        head.expanded = open(head.key);
        GanttItem all;
        for (const GanttItem &item : section.items)
            all.jobs += item.jobs;
        head.span = chart.span(all);
        const GanttProgress progress = chart.progress(all);
        head.state = progress.state();
        head.detail = progress.text();
        for (int index : all.jobs)
            head.critical = head.critical || critical.contains(index);
        rows.append(head);
        if (!head.expanded)
            continue;
        for (int i = 0; i < int(section.items.size()); ++i) {
            const GanttItem &item = section.items.at(i);
            if (!item.group) {
                appendJob(rows, chart, s, i, item.jobs.first(), item.name, 1, open, critical,
                          estimate);
                continue;
            }
            GanttRow group;
            group.kind = GanttRow::Kind::Group;
            group.depth = 1;
            group.key = QStringLiteral("g:%1/%2").arg(section.name, item.name);
            group.label = item.name;
            group.section = s;
            group.item = i;
            group.expandable = true;
            group.expanded = open(group.key);
            group.span = chart.span(item);
            const GanttProgress progress = chart.progress(item);
            group.state = progress.state();
            group.detail = progress.text();
            for (int index : item.jobs) {
                group.critical = group.critical || critical.contains(index);
                group.overrun =
                    group.overrun || estimate.overrunning.contains(chart.jobs.at(index).id);
            }
            rows.append(group);
            if (!group.expanded)
                continue;
            for (int index : item.jobs)
                appendJob(rows, chart, s, i, index,
                          splitJobName(chart.jobs.at(index).name, {}, section.name).task, 2, open,
                          critical, estimate);
        }
    }
    return rows;
}

} // namespace

QList<GanttRow> ganttRows(const GanttChart &chart, const GanttExpansion &expansion,
                          const QSet<int> &critical, const RunEstimate &estimate)
{
    return buildRows(
        chart, [&](const QString &key) { return expansion.isExpanded(key); }, critical, estimate);
}

QList<GanttRow> allGanttRows(const GanttChart &chart, bool steps, const QSet<int> &critical,
                             const RunEstimate &estimate)
{
    return buildRows(
        chart,
        [steps](const QString &key) { return steps || !key.startsWith(QLatin1String("j:")); },
        critical, estimate);
}

} // namespace Mainstay
