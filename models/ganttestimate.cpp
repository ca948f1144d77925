#include "ganttestimate.h"

#include <algorithm>
#include <cmath>

namespace Mainstay {

qint64 median(QList<qint64> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2)
        return values.at(middle);
    return (values.at(middle - 1) + values.at(middle)) / 2;
}

JobHistory JobHistory::fromRuns(const QList<QList<WorkflowJob>> &runs)
{
    JobHistory history;
    QHash<QString, QList<qint64>> durations;
    QHash<QString, QList<qint64>> tails;
    QList<qint64> totals;
    for (const QList<WorkflowJob> &jobs : runs) {
        if (jobs.isEmpty())
            continue;
        bool failed = false;
        QDateTime first, last;
        for (const WorkflowJob &job : jobs) {
            const GanttState state = ganttState(job);
            if (state == GanttState::Failure || state == GanttState::Cancelled ||
                !isFinished(state))
                failed = true;
            const GanttSpan span = ganttSpan(job, QDateTime());
            if (span.queued.isValid() && (!first.isValid() || span.queued < first))
                first = span.queued;
            if (span.finished.isValid() && (!last.isValid() || span.finished > last))
                last = span.finished;
        }
        if (failed || !first.isValid() || !last.isValid())
            continue;
        ++history.runs;
        totals.append(first.secsTo(last));
        for (const WorkflowJob &job : jobs) {
            if (ganttState(job) != GanttState::Success)
                continue;
            const GanttSpan span = ganttSpan(job, QDateTime());
            durations[job.name].append(span.runSeconds());
            tails[job.name].append(std::max<qint64>(0, span.finished.secsTo(last)));
        }
    }
    for (auto it = durations.cbegin(); it != durations.cend(); ++it)
        history.medianRunSeconds.insert(it.key(), median(it.value()));
    for (auto it = tails.cbegin(); it != tails.cend(); ++it)
        history.medianTailSeconds.insert(it.key(), median(it.value()));
    history.medianTotalSeconds = median(totals);
    return history;
}

bool isOverrun(qint64 ranSeconds, qint64 medianSeconds)
{
    if (medianSeconds <= 0)
        return ranSeconds > 60;
    return ranSeconds > medianSeconds + std::max<qint64>(10, medianSeconds / 4);
}

RunEstimate estimateRun(const GanttChart &chart, const JobHistory &history)
{
    RunEstimate estimate;
    const QDateTime now = chart.now;
    // The pace of this run against its history, from the jobs it finished (runners slower or
    // faster today): the remaining work is scaled by it once a few jobs tell.
    QList<double> ratios;
    for (const WorkflowJob &job : chart.jobs) {
        const qint64 usual = history.medianRunSeconds.value(job.name);
        if (usual < 5 || ganttState(job) != GanttState::Success)
            continue;
        ratios.append(double(ganttSpan(job, now).runSeconds()) / double(usual));
    }
    double pace = 1.0;
    if (ratios.size() >= 3) {
        std::sort(ratios.begin(), ratios.end());
        pace = std::clamp(ratios.at(ratios.size() / 2), 0.05, 20.0);
    }
    estimate.pace = pace;
    auto scaled = [pace](qint64 seconds) { return qint64(std::llround(double(seconds) * pace)); };
    bool anyOpen = false;
    QDateTime end;
    for (const WorkflowJob &job : chart.jobs) {
        const GanttSpan span = ganttSpan(job, now);
        const GanttState state = ganttState(job);
        const bool known = history.contains(job.name);
        const qint64 usual = history.medianRunSeconds.value(job.name);
        if (known)
            estimate.usualSeconds.insert(job.id, usual);
        if (known &&
            (state == GanttState::Running || state == GanttState::Success ||
             state == GanttState::Failure) &&
            isOverrun(span.runSeconds(), usual))
            estimate.overrunning.insert(job.id);
        QDateTime jobEnd;
        if (span.open) {
            anyOpen = true;
            if (state == GanttState::Running && span.started.isValid())
                jobEnd = std::max(span.started.addSecs(scaled(usual)), now);
            else
                jobEnd = now.addSecs(scaled(usual));
            estimate.jobEnd.insert(job.id, jobEnd);
        } else {
            jobEnd = span.finished;
        }
        if (!jobEnd.isValid())
            continue;
        const QDateTime runEnd = jobEnd.addSecs(scaled(history.medianTailSeconds.value(job.name)));
        if (!end.isValid() || runEnd > end)
            end = runEnd;
    }
    const bool finished = chart.run.isCompleted() && !anyOpen;
    if (finished || history.isEmpty())
        return estimate;
    // The tails carry the jobs not listed yet; a run with no job known to history is given its
    // usual length.
    bool anyKnown = false;
    for (const WorkflowJob &job : chart.jobs)
        anyKnown = anyKnown || history.contains(job.name);
    if (!anyKnown && chart.start.isValid()) {
        const QDateTime usualEnd = chart.start.addSecs(scaled(history.medianTotalSeconds));
        if (!end.isValid() || usualEnd > end)
            end = usualEnd;
    }
    if (end.isValid() && end < now)
        end = now;
    estimate.predictedEnd = end;
    return estimate;
}

} // namespace Mainstay
