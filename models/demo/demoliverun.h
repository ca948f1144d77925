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
//
// One job may deploy to a protected environment (requireApproval()). The plan says when that job
// would have run had it been approved the moment its needs were done; the replay instead holds
// it "waiting" (and the run too, as GitHub shows both) from its planned creation until review()
// decides. Approval queues it, and it and every job after it run as planned, shifted by the time
// waited. Rejection fails it at once, the jobs that need it are skipped, and the run concludes
// failure. Until a decision the run has no end.
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
    // When (on the clock) the last job completes; invalid while a deployment review is pending
    // or still ahead, as nobody knows when it will be decided.
    QDateTime finishesAt() const;
    // Cancels the run at `clockNow`: jobs not finished by then complete as cancelled, jobs not
    // queued yet never appear, and the run concludes cancelled.
    void cancel(const QDateTime &clockNow);
    bool isFinished(const QDateTime &clockNow) const;
    // The largest job id of the plan (listed or not yet).
    qint64 maxJobId() const;

    // The job named `jobName` waits for a deployment review once its needs are done. The jobs
    // the plan creates after that job's planned completion are the ones that need it (the plan
    // is a dependency graph scheduled as early as possible): they wait with it. Returns false,
    // changing nothing, if the plan has no such job.
    bool requireApproval(const QString &jobName);
    QString gatedJobName() const;
    // Whether the gated job waits for a review at `clockNow`.
    bool isWaiting(const QDateTime &clockNow) const;
    // When (on the clock) the gated job began waiting; invalid without a gate.
    QDateTime waitingSince() const;
    // Approves or rejects the waiting deployment at `clockNow`; false if nothing waits then.
    bool review(const QDateTime &clockNow, bool approve);

private:
    enum class Gate
    {
        None,     // no gate, or not reached yet
        Waiting,  // reached, not decided
        Approved, // decided: the held jobs run shifted by m_shiftMs
        Rejected, // decided: the gated job failed, the held ones are skipped
    };
    Gate gateAt(const QDateTime &planTime) const;
    QDateTime planEnd() const;
    qint64 shiftMs() const;
    QDateTime toPlan(const QDateTime &clockTime) const;
    QDateTime toClock(const QDateTime &planTime) const;

    WorkflowRun m_run;
    QList<WorkflowJob> m_plan;
    QDateTime m_datasetNow;
    QDateTime m_clockOrigin;
    double m_speed = 1.0;
    QDateTime m_planEnd;
    QDateTime m_cancelledAt; // plan time; invalid unless cancelled
    qsizetype m_gate = -1;   // index in m_plan of the job waiting for a review
    QList<bool> m_held;      // the jobs that need the gated one
    bool m_approved = false;
    QDateTime m_decidedAt; // plan time; invalid until reviewed
};

} // namespace Mainstay
