#include "demoliverun.h"

#include <cmath>

namespace Mainstay {

DemoLiveRun::DemoLiveRun(WorkflowRun run, QList<WorkflowJob> plan, QDateTime datasetNow,
                         QDateTime clockOrigin, double speed)
    : m_run(std::move(run))
    , m_plan(std::move(plan))
    , m_datasetNow(std::move(datasetNow))
    , m_clockOrigin(std::move(clockOrigin))
    , m_speed(speed > 0 ? speed : 1.0)
{
    for (const WorkflowJob &job : std::as_const(m_plan))
        if (!m_planEnd.isValid() || job.completedAt > m_planEnd)
            m_planEnd = job.completedAt;
}

QDateTime DemoLiveRun::toPlan(const QDateTime &clockTime) const
{
    const double elapsed = double(m_clockOrigin.msecsTo(clockTime)) * m_speed;
    return m_datasetNow.addMSecs(qint64(std::floor(elapsed)));
}

QDateTime DemoLiveRun::toClock(const QDateTime &planTime) const
{
    if (!planTime.isValid())
        return {};
    const double offset = double(m_datasetNow.msecsTo(planTime)) / m_speed;
    // Whole seconds, as GitHub reports them; flooring keeps the order of events.
    const qint64 msecs = m_clockOrigin.toMSecsSinceEpoch() + qint64(std::floor(offset));
    return QDateTime::fromSecsSinceEpoch(qint64(std::floor(double(msecs) / 1000.0)), Qt::UTC);
}

void DemoLiveRun::cancel(const QDateTime &clockNow)
{
    if (!m_cancelledAt.isValid())
        m_cancelledAt = toPlan(clockNow);
}

bool DemoLiveRun::isFinished(const QDateTime &clockNow) const
{
    const QDateTime at = toPlan(clockNow);
    return m_cancelledAt.isValid() || (m_planEnd.isValid() && at >= m_planEnd);
}

QList<WorkflowJob> DemoLiveRun::jobs(const QDateTime &clockNow) const
{
    QDateTime at = toPlan(clockNow);
    const bool cancelled = m_cancelledAt.isValid() && at >= m_cancelledAt;
    if (cancelled)
        at = m_cancelledAt;
    QList<WorkflowJob> out;
    out.reserve(m_plan.size());
    for (const WorkflowJob &planned : m_plan) {
        if (planned.createdAt > at)
            continue;
        WorkflowJob job = planned;
        if (at < planned.startedAt) {
            // GitHub reports a queued job's started_at as its creation time and no steps yet.
            job.status = RunStatus::Queued;
            job.conclusion = RunConclusion::None;
            job.startedAt = planned.createdAt;
            job.completedAt = QDateTime();
            job.runnerName.clear();
            job.steps.clear();
        } else if (at < planned.completedAt) {
            job.status = RunStatus::InProgress;
            job.conclusion = RunConclusion::None;
            job.completedAt = QDateTime();
            for (WorkflowStep &step : job.steps) {
                if (step.completedAt.isValid() && step.completedAt <= at)
                    continue;
                step.conclusion = RunConclusion::None;
                step.completedAt = QDateTime();
                if (step.startedAt.isValid() && step.startedAt <= at) {
                    step.status = RunStatus::InProgress;
                } else {
                    step.status = RunStatus::Queued;
                    step.startedAt = QDateTime();
                }
            }
        }
        if (cancelled && job.status != RunStatus::Completed) {
            job.status = RunStatus::Completed;
            job.conclusion = RunConclusion::Cancelled;
            job.completedAt = at;
            for (WorkflowStep &step : job.steps)
                if (step.status != RunStatus::Completed) {
                    step.status = RunStatus::Completed;
                    step.conclusion = step.startedAt.isValid() ? RunConclusion::Cancelled
                                                               : RunConclusion::Skipped;
                    step.completedAt = step.startedAt.isValid() ? at : QDateTime();
                }
        }
        job.createdAt = toClock(job.createdAt);
        job.startedAt = toClock(job.startedAt);
        job.completedAt = toClock(job.completedAt);
        for (WorkflowStep &step : job.steps) {
            step.startedAt = toClock(step.startedAt);
            step.completedAt = toClock(step.completedAt);
        }
        out.append(std::move(job));
    }
    return out;
}

WorkflowRun DemoLiveRun::run(const QDateTime &clockNow) const
{
    WorkflowRun run = m_run;
    const QList<WorkflowJob> current = jobs(clockNow);
    run.createdAt = toClock(m_run.createdAt);
    run.runStartedAt = toClock(m_run.runStartedAt);
    QDateTime updated = run.createdAt;
    bool anyStarted = false;
    for (const WorkflowJob &job : current) {
        for (const QDateTime &time : {job.createdAt, job.startedAt, job.completedAt})
            if (time.isValid() && time > updated)
                updated = time;
        for (const WorkflowStep &step : job.steps)
            for (const QDateTime &time : {step.startedAt, step.completedAt})
                if (time.isValid() && time > updated)
                    updated = time;
        anyStarted = anyStarted || job.status != RunStatus::Queued;
    }
    run.updatedAt = updated;
    if (m_cancelledAt.isValid() && toPlan(clockNow) >= m_cancelledAt) {
        run.status = RunStatus::Completed;
        run.conclusion = RunConclusion::Cancelled;
    } else if (m_planEnd.isValid() && toPlan(clockNow) >= m_planEnd) {
        run.status = RunStatus::Completed;
        run.conclusion = RunConclusion::Success;
    } else {
        run.status = anyStarted ? RunStatus::InProgress : RunStatus::Queued;
        run.conclusion = RunConclusion::None;
    }
    return run;
}

QDateTime DemoLiveRun::finishesAt() const
{
    return toClock(m_planEnd);
}

} // namespace Mainstay
