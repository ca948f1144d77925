#include "demoliverun.h"

#include <cmath>

namespace Mainstay {

namespace {

void shift(WorkflowJob &job, qint64 msecs, bool creation)
{
    if (creation)
        job.createdAt = job.createdAt.addMSecs(msecs);
    job.startedAt = job.startedAt.addMSecs(msecs);
    job.completedAt = job.completedAt.addMSecs(msecs);
    for (WorkflowStep &step : job.steps) {
        if (step.startedAt.isValid())
            step.startedAt = step.startedAt.addMSecs(msecs);
        if (step.completedAt.isValid())
            step.completedAt = step.completedAt.addMSecs(msecs);
    }
}

// A job that has not run (waiting, rejected, skipped): no runner, no steps.
void neverRan(WorkflowJob &job)
{
    job.runnerName.clear();
    job.steps.clear();
}

} // namespace

DemoLiveRun::DemoLiveRun(WorkflowRun run, QList<WorkflowJob> plan, QDateTime datasetNow,
                         QDateTime clockOrigin, double speed)
    : m_run(std::move(run))
    , m_plan(std::move(plan))
    , m_datasetNow(std::move(datasetNow))
    , m_clockOrigin(std::move(clockOrigin))
    , m_speed(speed > 0 ? speed : 1.0)
    , m_held(m_plan.size(), false)
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

bool DemoLiveRun::requireApproval(const QString &jobName)
{
    for (qsizetype i = 0; i < m_plan.size(); ++i) {
        if (m_plan.at(i).name != jobName)
            continue;
        m_gate = i;
        const QDateTime done = m_plan.at(i).completedAt;
        for (qsizetype j = 0; j < m_plan.size(); ++j)
            m_held[j] = j != i && m_plan.at(j).createdAt >= done;
        return true;
    }
    return false;
}

QString DemoLiveRun::gatedJobName() const
{
    return m_gate >= 0 ? m_plan.at(m_gate).name : QString();
}

DemoLiveRun::Gate DemoLiveRun::gateAt(const QDateTime &planTime) const
{
    if (m_gate < 0 || planTime < m_plan.at(m_gate).createdAt)
        return Gate::None;
    if (!m_decidedAt.isValid() || planTime < m_decidedAt)
        return Gate::Waiting;
    return m_approved ? Gate::Approved : Gate::Rejected;
}

qint64 DemoLiveRun::shiftMs() const
{
    // The plan had the job queue the moment its needs were done; it queues when approved.
    return m_gate >= 0 && m_decidedAt.isValid()
               ? qMax<qint64>(0, m_plan.at(m_gate).createdAt.msecsTo(m_decidedAt))
               : 0;
}

QDateTime DemoLiveRun::planEnd() const
{
    if (m_gate < 0)
        return m_planEnd;
    if (!m_decidedAt.isValid())
        return {};
    QDateTime end = m_approved ? QDateTime() : m_decidedAt;
    for (qsizetype i = 0; i < m_plan.size(); ++i) {
        const bool moved = m_held.at(i) || i == m_gate;
        if (!m_approved && moved)
            continue;
        const QDateTime done =
            moved ? m_plan.at(i).completedAt.addMSecs(shiftMs()) : m_plan.at(i).completedAt;
        if (!end.isValid() || done > end)
            end = done;
    }
    return end;
}

void DemoLiveRun::cancel(const QDateTime &clockNow)
{
    if (!m_cancelledAt.isValid())
        m_cancelledAt = toPlan(clockNow);
}

bool DemoLiveRun::isFinished(const QDateTime &clockNow) const
{
    const QDateTime end = planEnd();
    return m_cancelledAt.isValid() || (end.isValid() && toPlan(clockNow) >= end);
}

bool DemoLiveRun::isWaiting(const QDateTime &clockNow) const
{
    const QDateTime at = toPlan(clockNow);
    if (m_cancelledAt.isValid() && at >= m_cancelledAt)
        return false;
    return gateAt(at) == Gate::Waiting;
}

QDateTime DemoLiveRun::waitingSince() const
{
    return m_gate >= 0 ? toClock(m_plan.at(m_gate).createdAt) : QDateTime();
}

bool DemoLiveRun::review(const QDateTime &clockNow, bool approve)
{
    if (!isWaiting(clockNow))
        return false;
    m_decidedAt = toPlan(clockNow);
    m_approved = approve;
    return true;
}

qint64 DemoLiveRun::maxJobId() const
{
    qint64 id = 0;
    for (const WorkflowJob &job : m_plan)
        id = qMax(id, job.id);
    return id;
}

QList<WorkflowJob> DemoLiveRun::jobs(const QDateTime &clockNow) const
{
    QDateTime at = toPlan(clockNow);
    const bool cancelled = m_cancelledAt.isValid() && at >= m_cancelledAt;
    if (cancelled)
        at = m_cancelledAt;
    const Gate gate = gateAt(at);
    const qint64 waited = shiftMs();
    QList<WorkflowJob> out;
    out.reserve(m_plan.size());
    for (qsizetype i = 0; i < m_plan.size(); ++i) {
        WorkflowJob job = m_plan.at(i);
        const bool gated = i == m_gate;
        const bool held = m_held.at(i);
        if (gate == Gate::Waiting && held)
            continue; // its needs are not done
        if (gate == Gate::Approved && (gated || held))
            shift(job, waited, held);
        if (gate == Gate::Rejected && held)
            job.createdAt = m_decidedAt; // skipped as soon as the rejection is known
        if (job.createdAt > at)
            continue;
        if (gated && gate == Gate::Waiting) {
            // GitHub lists a job waiting for a review like a queued one, with status "waiting".
            job.status = RunStatus::Waiting;
            job.conclusion = RunConclusion::None;
            job.startedAt = job.createdAt;
            job.completedAt = QDateTime();
            neverRan(job);
        } else if (gate == Gate::Rejected && (gated || held)) {
            // A rejected deployment fails its job without running it; the jobs needing it are
            // skipped as soon as that is known.
            job.status = RunStatus::Completed;
            job.conclusion = gated ? RunConclusion::Failure : RunConclusion::Skipped;
            job.startedAt = job.createdAt;
            job.completedAt = m_decidedAt;
            neverRan(job);
        } else if (at < job.startedAt) {
            // GitHub reports a queued job's started_at as its creation time and no steps yet.
            job.status = RunStatus::Queued;
            job.conclusion = RunConclusion::None;
            job.startedAt = job.createdAt;
            job.completedAt = QDateTime();
            neverRan(job);
        } else if (at < job.completedAt) {
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
    const QDateTime at = toPlan(clockNow);
    const QDateTime end = planEnd();
    if (m_cancelledAt.isValid() && at >= m_cancelledAt) {
        run.status = RunStatus::Completed;
        run.conclusion = RunConclusion::Cancelled;
    } else if (end.isValid() && at >= end) {
        run.status = RunStatus::Completed;
        run.conclusion =
            gateAt(at) == Gate::Rejected ? RunConclusion::Failure : RunConclusion::Success;
    } else if (gateAt(at) == Gate::Waiting) {
        run.status = RunStatus::Waiting;
        run.conclusion = RunConclusion::None;
    } else {
        run.status = anyStarted ? RunStatus::InProgress : RunStatus::Queued;
        run.conclusion = RunConclusion::None;
    }
    return run;
}

QDateTime DemoLiveRun::finishesAt() const
{
    return toClock(planEnd());
}

} // namespace Mainstay
