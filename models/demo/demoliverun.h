#pragma once

#include "workflowjob.h"
#include "workflowrun.h"

#include <QDateTime>
#include <QList>

namespace Mainstay {

// Replays the in-progress Release run from its plan (every job as it will have run) at any
// moment: jobs appear queued when their needs are done, then run, steps one after another, and
// the run completes when its last job does.
//
// Two timelines meet here. The plan is in the dataset's time, where "now" is the dataset's now.
// The replay is in a clock's time: at clockOrigin the run is as it was at the dataset's now, and
// afterwards it moves `speed` times as fast as the clock. Every timestamp handed out is mapped onto
// the clock's timeline (durations shrink by `speed`), so a now-line drawn from the same clock
// lines up with the bars.
class DemoLiveRun
{
public:
    DemoLiveRun() = default;
    DemoLiveRun(WorkflowRun run, QList<WorkflowJob> plan, QDateTime datasetNow,
                QDateTime clockOrigin, double speed);

    bool isValid() const { return m_run.id != 0; }
    qint64 runId() const { return m_run.id; }

    // The run and its jobs as seen at `clockNow`. Jobs whose needs are not done yet are not
    // listed, as GitHub does not list them either.
    WorkflowRun run(const QDateTime &clockNow) const;
    QList<WorkflowJob> jobs(const QDateTime &clockNow) const;
    // When (on the clock) the last job completes.
    QDateTime finishesAt() const;
    // Cancels the run at `clockNow`: jobs not finished by then complete as cancelled, jobs not
    // queued yet never appear, and the run concludes cancelled.
    void cancel(const QDateTime &clockNow);
    bool isFinished(const QDateTime &clockNow) const;

private:
    QDateTime toPlan(const QDateTime &clockTime) const;
    QDateTime toClock(const QDateTime &planTime) const;

    WorkflowRun m_run;
    QList<WorkflowJob> m_plan;
    QDateTime m_datasetNow;
    QDateTime m_clockOrigin;
    double m_speed = 1.0;
    QDateTime m_planEnd;
    QDateTime m_cancelledAt; // plan time; invalid unless cancelled
};

} // namespace Mainstay
