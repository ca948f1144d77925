#include "ganttmermaid.h"

namespace Mainstay {

QString mermaidTaskName(const QString &name)
{
    QString text = name;
    text.replace(QLatin1Char(':'), QStringLiteral(" -"));
    text.replace(QLatin1Char(';'), QLatin1Char(',')); // `#…;` would read as an entity
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text = text.simplified();
    return text.isEmpty() ? QStringLiteral("(unnamed)") : text;
}

namespace {

QString stateTags(GanttState state)
{
    switch (state) {
    case GanttState::Success:
    case GanttState::Skipped:
    case GanttState::Neutral:
        return QStringLiteral("done, ");
    case GanttState::Running:
        return QStringLiteral("active, ");
    case GanttState::Failure:
        return QStringLiteral("crit, done, ");
    case GanttState::Cancelled:
        return QStringLiteral("crit, ");
    case GanttState::Waiting:
    case GanttState::Queued:
        return QString();
    }
    return QString();
}

QString task(const QString &name, GanttState state, const QString &id, const QDateTime &start,
             qint64 seconds, const QString &timeFormat, int width)
{
    QString line = QStringLiteral("    ") + mermaidTaskName(name).leftJustified(width);
    line += QStringLiteral(" : ") + stateTags(state) + id + QStringLiteral(", ") +
            start.toUTC().toString(timeFormat) + QStringLiteral(", ") + QString::number(seconds) +
            QStringLiteral("s\n");
    return line;
}

} // namespace

QString toMermaidGantt(const GanttChart &chart, const MermaidOptions &options)
{
    QString title = options.title;
    if (title.isEmpty()) {
        title = chart.run.name.isEmpty() ? QStringLiteral("Workflow run") : chart.run.name;
        if (chart.run.runNumber > 0)
            title += QStringLiteral(" #%1").arg(chart.run.runNumber);
        if (chart.run.runAttempt > 1)
            title += QStringLiteral(" (attempt %1)").arg(chart.run.runAttempt);
    }
    const bool oneDay = !chart.start.isValid() || !chart.end.isValid() ||
                        chart.start.toUTC().date() == chart.end.toUTC().date();
    const QString dateFormat =
        oneDay ? QStringLiteral("HH:mm:ss") : QStringLiteral("YYYY-MM-DD HH:mm:ss");
    const QString qtFormat =
        oneDay ? QStringLiteral("HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm:ss");
    int width = 0;
    for (const GanttSection &section : chart.sections)
        for (const GanttItem &item : section.items)
            for (int index : item.jobs) {
                const QString name =
                    item.group ? splitJobName(chart.jobs.at(index).name, {}, {}).task : item.name;
                width = std::max(width, int(mermaidTaskName(name).size()));
            }
    width = std::min(width, 40);

    QString out;
    out += QStringLiteral("gantt\n");
    out += QStringLiteral("title      ") + mermaidTaskName(title) + QLatin1Char('\n');
    out += QStringLiteral("dateFormat ") + dateFormat + QLatin1Char('\n');
    out += QStringLiteral("axisFormat %H:%M\n");
    out += QStringLiteral("%% Times in UTC; durations exact to the second.\n");
    for (const GanttSection &section : chart.sections) {
        out += QStringLiteral("\nsection ") + mermaidTaskName(section.name) + QLatin1Char('\n');
        for (const GanttItem &item : section.items) {
            for (int index : item.jobs) {
                const WorkflowJob &job = chart.jobs.at(index);
                const GanttSpan span = ganttSpan(job, chart.now);
                const GanttState state = ganttState(job);
                // A folded matrix job keeps its own name (its matrix values) in the export.
                const QString name =
                    item.group ? splitJobName(job.name, {}, section.name).task : item.name;
                const QDateTime start = span.barStart();
                out += task(name, state, QStringLiteral("job%1").arg(job.id), start,
                            span.runSeconds(), qtFormat, width);
                if (!options.steps)
                    continue;
                for (const WorkflowStep &step : job.steps) {
                    const GanttSpan stepSpan = ganttSpan(step, chart.now);
                    if (!stepSpan.started.isValid())
                        continue; // never ran: nothing to draw
                    out += task(QStringLiteral("%1 › %2").arg(name, step.name), ganttState(step),
                                QStringLiteral("job%1s%2").arg(job.id).arg(step.number),
                                stepSpan.started, stepSpan.runSeconds(), qtFormat, width);
                }
            }
        }
    }
    return out;
}

} // namespace Mainstay
