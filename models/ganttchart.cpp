#include "ganttchart.h"

#include <QRegularExpression>

#include <algorithm>

namespace Mainstay {

GanttState ganttState(RunStatus status, RunConclusion conclusion)
{
    switch (status) {
    case RunStatus::InProgress:
        return GanttState::Running;
    case RunStatus::Waiting:
        return GanttState::Waiting;
    case RunStatus::Queued:
    case RunStatus::Requested:
    case RunStatus::Pending:
        return GanttState::Queued;
    case RunStatus::Completed:
    case RunStatus::Unknown:
        break;
    }
    switch (conclusion) {
    case RunConclusion::Success:
        return GanttState::Success;
    case RunConclusion::Failure:
    case RunConclusion::TimedOut:
    case RunConclusion::StartupFailure:
        return GanttState::Failure;
    case RunConclusion::Cancelled:
        return GanttState::Cancelled;
    case RunConclusion::Skipped:
        return GanttState::Skipped;
    case RunConclusion::ActionRequired:
        return GanttState::Waiting;
    case RunConclusion::None:
        // An unknown status without a conclusion: still going in some way.
        return status == RunStatus::Completed ? GanttState::Neutral : GanttState::Queued;
    case RunConclusion::Neutral:
    case RunConclusion::Stale:
    case RunConclusion::Unknown:
        return GanttState::Neutral;
    }
    return GanttState::Neutral;
}

GanttState ganttState(const WorkflowJob &job)
{
    GanttState state = ganttState(job.status, job.conclusion);
    if (state == GanttState::Queued && job.status == RunStatus::Unknown &&
        job.startedAt.isValid() && !job.completedAt.isValid() && job.startedAt != job.createdAt)
        state = GanttState::Running;
    return state;
}

GanttState ganttState(const WorkflowStep &step)
{
    return ganttState(step.status, step.conclusion);
}

QString ganttStateName(GanttState state)
{
    switch (state) {
    case GanttState::Queued:
        return QStringLiteral("queued");
    case GanttState::Waiting:
        return QStringLiteral("waiting for approval");
    case GanttState::Running:
        return QStringLiteral("running");
    case GanttState::Success:
        return QStringLiteral("succeeded");
    case GanttState::Failure:
        return QStringLiteral("failed");
    case GanttState::Cancelled:
        return QStringLiteral("cancelled");
    case GanttState::Skipped:
        return QStringLiteral("skipped");
    case GanttState::Neutral:
        return QStringLiteral("neutral");
    }
    return {};
}

bool isFinished(GanttState state)
{
    return state != GanttState::Queued && state != GanttState::Waiting &&
           state != GanttState::Running;
}

qint64 GanttSpan::waitSeconds() const
{
    if (!queued.isValid())
        return 0;
    const QDateTime until = started.isValid() ? started : finished;
    return until.isValid() ? std::max<qint64>(0, queued.secsTo(until)) : 0;
}

qint64 GanttSpan::runSeconds() const
{
    if (!started.isValid() || !finished.isValid())
        return 0;
    return std::max<qint64>(0, started.secsTo(finished));
}

GanttSpan ganttSpan(const WorkflowJob &job, const QDateTime &now)
{
    GanttSpan span;
    const GanttState state = ganttState(job);
    span.queued = job.createdAt.isValid() ? job.createdAt : job.startedAt;
    const bool notStarted = state == GanttState::Queued || state == GanttState::Waiting;
    if (!notStarted && job.startedAt.isValid())
        span.started = job.startedAt;
    if (job.completedAt.isValid() && isFinished(state)) {
        span.finished = job.completedAt;
    } else if (isFinished(state)) {
        // Completed without a completion time (rare): as long as it was seen to run.
        span.finished = span.started.isValid() ? span.started : span.queued;
    } else {
        span.finished = now;
        span.open = true;
    }
    if (!span.queued.isValid())
        span.queued = span.started.isValid() ? span.started : span.finished;
    if (span.started.isValid() && span.started < span.queued)
        span.queued = span.started;
    if (span.finished.isValid() && span.started.isValid() && span.finished < span.started)
        span.finished = span.started;
    if (span.finished.isValid() && span.queued.isValid() && span.finished < span.queued)
        span.finished = span.queued;
    return span;
}

GanttSpan ganttSpan(const WorkflowStep &step, const QDateTime &now)
{
    GanttSpan span;
    const GanttState state = ganttState(step);
    span.started = step.startedAt;
    span.queued = step.startedAt;
    if (step.completedAt.isValid())
        span.finished = step.completedAt;
    else if (state == GanttState::Running && step.startedAt.isValid()) {
        span.finished = now;
        span.open = true;
    } else
        span.finished = step.startedAt;
    if (span.finished.isValid() && span.started.isValid() && span.finished < span.started)
        span.finished = span.started;
    return span;
}

GanttName splitJobName(const QString &jobName, const QList<GanttSectionRule> &rules,
                       const QString &fallback)
{
    GanttName name;
    const qsizetype slash = jobName.indexOf(QLatin1String(" / "));
    if (slash > 0) {
        name.section = jobName.left(slash).trimmed();
        name.task = jobName.mid(slash + 3).trimmed();
    } else {
        name.task = jobName.trimmed();
    }
    for (const GanttSectionRule &rule : rules)
        if (rule.job.isValid() && rule.job.match(jobName).hasMatch()) {
            name.section = rule.section;
            break;
        }
    if (name.section.isEmpty())
        name.section = fallback.isEmpty() ? QStringLiteral("Jobs") : fallback;
    if (name.task.isEmpty())
        name.task = jobName;
    return name;
}

QString matrixBase(const QString &task)
{
    static const QRegularExpression pattern(QStringLiteral("^(.*\\S)\\s*\\(([^()]*)\\)$"));
    const QRegularExpressionMatch match = pattern.match(task);
    if (!match.hasMatch() || match.captured(2).trimmed().isEmpty())
        return {};
    return match.captured(1);
}

QString GanttProgress::text() const
{
    QString text = QStringLiteral("%1/%2 done").arg(done).arg(total);
    if (failed)
        text += QStringLiteral(", %1 failed").arg(failed);
    if (running)
        text += QStringLiteral(", %1 running").arg(running);
    if (cancelled)
        text += QStringLiteral(", %1 cancelled").arg(cancelled);
    return text;
}

GanttState GanttProgress::state() const
{
    if (failed)
        return GanttState::Failure;
    if (running)
        return GanttState::Running;
    if (queued)
        return done ? GanttState::Running : GanttState::Queued;
    if (cancelled)
        return GanttState::Cancelled;
    if (total && skipped == total)
        return GanttState::Skipped;
    return GanttState::Success;
}

namespace {

void count(GanttProgress &progress, GanttState state)
{
    ++progress.total;
    switch (state) {
    case GanttState::Queued:
    case GanttState::Waiting:
        ++progress.queued;
        break;
    case GanttState::Running:
        ++progress.running;
        break;
    case GanttState::Failure:
        ++progress.failed;
        ++progress.done;
        break;
    case GanttState::Cancelled:
        ++progress.cancelled;
        ++progress.done;
        break;
    case GanttState::Skipped:
        ++progress.skipped;
        ++progress.done;
        break;
    case GanttState::Success:
    case GanttState::Neutral:
        ++progress.done;
        break;
    }
}

} // namespace

GanttChart GanttChart::build(const WorkflowRun &run, const QList<WorkflowJob> &jobs,
                             const QList<GanttSectionRule> &rules, const QDateTime &now)
{
    GanttChart chart;
    chart.run = run;
    chart.now = now;
    chart.jobs = jobs;
    QList<GanttSpan> spans;
    spans.reserve(jobs.size());
    for (const WorkflowJob &job : jobs)
        spans.append(ganttSpan(job, now));

    // Queued order, then id (GitHub numbers jobs in the order the workflow declares them):
    // stable while jobs start, so rows do not jump when a runner picks one up.
    QList<int> order(jobs.size());
    for (int i = 0; i < int(order.size()); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const GanttSpan &sa = spans.at(a), &sb = spans.at(b);
        if (sa.queued != sb.queued)
            return sa.queued < sb.queued;
        return jobs.at(a).id < jobs.at(b).id;
    });

    const QString fallback = run.name.isEmpty() ? QStringLiteral("Jobs") : run.name;
    QHash<QString, int> sectionIndex;
    QHash<QString, int> groupItem; // section + '\n' + base → item index
    QList<GanttName> names(jobs.size());
    // First pass: how many jobs share each base in each section (a group needs at least two).
    QHash<QString, int> baseCount;
    for (int i : order) {
        names[i] = splitJobName(jobs.at(i).name, rules, fallback);
        const QString base = matrixBase(names.at(i).task);
        if (!base.isEmpty())
            ++baseCount[names.at(i).section + QLatin1Char('\n') + base];
    }
    for (int i : order) {
        const GanttName &name = names.at(i);
        int s = sectionIndex.value(name.section, -1);
        if (s < 0) {
            s = int(chart.sections.size());
            sectionIndex.insert(name.section, s);
            chart.sections.append({name.section, {}});
        }
        GanttSection &section = chart.sections[s];
        const QString base = matrixBase(name.task);
        const QString key = name.section + QLatin1Char('\n') + base;
        if (!base.isEmpty() && baseCount.value(key) >= 2) {
            const int existing = groupItem.value(key, -1);
            if (existing >= 0) {
                section.items[existing].jobs.append(i);
                continue;
            }
            groupItem.insert(key, int(section.items.size()));
            section.items.append({base, {i}, true});
            continue;
        }
        section.items.append({name.task, {i}, false});
    }

    for (const GanttSpan &span : std::as_const(spans)) {
        if (span.queued.isValid() && (!chart.start.isValid() || span.queued < chart.start))
            chart.start = span.queued;
        if (span.finished.isValid() && (!chart.end.isValid() || span.finished > chart.end))
            chart.end = span.finished;
    }
    const QDateTime runStart = run.runStartedAt.isValid() ? run.runStartedAt : run.createdAt;
    if (!chart.start.isValid())
        chart.start = runStart.isValid() ? runStart : now;
    if (!chart.end.isValid())
        chart.end = run.isCompleted() && run.updatedAt.isValid() ? run.updatedAt : now;
    if (!run.isCompleted() && now.isValid() && now > chart.end)
        chart.end = now;
    if (chart.end < chart.start)
        chart.end = chart.start;
    return chart;
}

GanttProgress GanttChart::progress(const GanttItem &item) const
{
    GanttProgress progress;
    for (int index : item.jobs)
        count(progress, ganttState(jobs.at(index)));
    return progress;
}

GanttProgress GanttChart::progress() const
{
    GanttProgress progress;
    for (const WorkflowJob &job : jobs)
        count(progress, ganttState(job));
    return progress;
}

GanttSpan GanttChart::span(const GanttItem &item) const
{
    GanttSpan total;
    for (int index : item.jobs) {
        const GanttSpan span = ganttSpan(jobs.at(index), now);
        if (!total.queued.isValid() || span.queued < total.queued)
            total.queued = span.queued;
        if (span.started.isValid() && (!total.started.isValid() || span.started < total.started))
            total.started = span.started;
        if (!total.finished.isValid() || span.finished > total.finished)
            total.finished = span.finished;
        total.open = total.open || span.open;
    }
    return total;
}

int GanttChart::failedJobs() const
{
    return int(std::count_if(jobs.cbegin(), jobs.cend(), [](const WorkflowJob &job) {
        return ganttState(job) == GanttState::Failure;
    }));
}

qint64 GanttChart::durationSeconds() const
{
    return start.isValid() && end.isValid() ? std::max<qint64>(0, start.secsTo(end)) : 0;
}

QList<int> criticalPath(const QList<WorkflowJob> &jobs, const QDateTime &now, int slackSeconds)
{
    QList<int> path;
    if (jobs.isEmpty())
        return path;
    QList<GanttSpan> spans;
    spans.reserve(jobs.size());
    for (const WorkflowJob &job : jobs)
        spans.append(ganttSpan(job, now));
    int current = 0;
    for (int i = 1; i < int(jobs.size()); ++i)
        if (spans.at(i).finished > spans.at(current).finished ||
            (spans.at(i).finished == spans.at(current).finished &&
             spans.at(i).queued < spans.at(current).queued))
            current = i;
    QSet<int> seen;
    while (current >= 0 && !seen.contains(current)) {
        path.prepend(current);
        seen.insert(current);
        const QDateTime limit = spans.at(current).queued.addSecs(slackSeconds);
        int best = -1;
        for (int i = 0; i < int(jobs.size()); ++i) {
            if (seen.contains(i) || spans.at(i).open)
                continue;
            const GanttSpan &span = spans.at(i);
            if (span.finished > limit || span.finished >= spans.at(current).finished)
                continue;
            if (span.queued >= spans.at(current).queued && span.finished > spans.at(current).queued)
                continue; // queued after it: a sibling, not what it waited for
            if (best < 0 || span.finished > spans.at(best).finished)
                best = i;
        }
        current = best;
    }
    return path;
}

} // namespace Mainstay
