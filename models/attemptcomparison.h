#pragma once

#include "workflowjob.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace Mainstay {

// Two attempts of one workflow run side by side, job by job (matched by name, which is unique
// within an attempt, matrix values included): how long each took and how it ended, so that a
// re-run shows what it fixed, what still fails and what got slower.
struct AttemptComparisonRow
{
    QString name;
    bool inA = false;
    bool inB = false;
    std::optional<qint64> secondsA; // run time (started → completed, or → now while running)
    std::optional<qint64> secondsB;
    RunStatus statusA = RunStatus::Unknown;
    RunStatus statusB = RunStatus::Unknown;
    RunConclusion conclusionA = RunConclusion::None;
    RunConclusion conclusionB = RunConclusion::None;

    // B − A in seconds, when both are known.
    std::optional<qint64> delta() const;
    // Both ran to an end and ended differently (e.g. failure → success).
    bool outcomeChanged() const;

    bool operator==(const AttemptComparisonRow &) const = default;
};

// Rows in A's job order, then the jobs only B has, in B's order. `now` measures running jobs.
QList<AttemptComparisonRow> compareAttempts(const QList<WorkflowJob> &a,
                                            const QList<WorkflowJob> &b, const QDateTime &now);

// Seconds a job has run: completed − started, or now − started while it runs; none before it
// starts (or when GitHub gave no times).
std::optional<qint64> jobRunSeconds(const WorkflowJob &job, const QDateTime &now);

} // namespace Mainstay
