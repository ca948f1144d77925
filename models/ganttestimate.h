#pragma once

#include "ganttchart.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace Mainstay {

// What earlier successful runs of a workflow say about its jobs: per job name, the median time it
// ran and the median time the run went on after it finished (its "tail").
struct JobHistory
{
    QHash<QString, qint64> medianRunSeconds;
    QHash<QString, qint64> medianTailSeconds;
    qint64 medianTotalSeconds = 0; // queued of the first job → finish of the last
    int runs = 0;

    // One list of jobs per successful run (unsuccessful ones are skipped here too).
    static JobHistory fromRuns(const QList<QList<WorkflowJob>> &runs);
    bool isEmpty() const { return runs == 0; }
    bool contains(const QString &jobName) const { return medianRunSeconds.contains(jobName); }
};

// The prediction for a run that is not finished, from its jobs as they are and the history.
struct RunEstimate
{
    QDateTime predictedEnd;             // invalid without history (or when finished)
    QHash<qint64, QDateTime> jobEnd;    // predicted end of each open job, by job id
    QSet<qint64> overrunning;           // jobs running (or having run) longer than usual
    QHash<qint64, qint64> usualSeconds; // the median of each job that has history
    // This run's pace against history (the median of ran/usual over its finished jobs, once at
    // least three tell; 1 before): remaining durations and tails are scaled by it.
    double pace = 1.0;

    bool isValid() const { return predictedEnd.isValid(); }
};

// A job overran when it ran more than 25 % (and at least 10 s) longer than its median.
bool isOverrun(qint64 ranSeconds, qint64 medianSeconds);
RunEstimate estimateRun(const GanttChart &chart, const JobHistory &history);

// The median of `values` (the mean of the middle two for an even count); 0 for none.
qint64 median(QList<qint64> values);

} // namespace Mainstay
