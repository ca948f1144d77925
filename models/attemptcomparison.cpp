#include "attemptcomparison.h"

#include <QHash>

namespace Mainstay {

std::optional<qint64> AttemptComparisonRow::delta() const
{
    if (!secondsA || !secondsB)
        return std::nullopt;
    return *secondsB - *secondsA;
}

bool AttemptComparisonRow::outcomeChanged() const
{
    return inA && inB && statusA == RunStatus::Completed && statusB == RunStatus::Completed &&
           conclusionA != conclusionB;
}

std::optional<qint64> jobRunSeconds(const WorkflowJob &job, const QDateTime &now)
{
    if (!job.startedAt.isValid())
        return std::nullopt;
    if (job.completedAt.isValid())
        return std::max<qint64>(0, job.startedAt.secsTo(job.completedAt));
    if (job.status == RunStatus::Completed || !now.isValid())
        return std::nullopt; // ended without an end time: unknown, not "still running"
    return std::max<qint64>(0, job.startedAt.secsTo(now));
}

QList<AttemptComparisonRow> compareAttempts(const QList<WorkflowJob> &a,
                                            const QList<WorkflowJob> &b, const QDateTime &now)
{
    QList<AttemptComparisonRow> rows;
    QHash<QString, qsizetype> rowOf;
    for (const WorkflowJob &job : a) {
        if (rowOf.contains(job.name))
            continue; // a repeated name (should not happen): the first one speaks
        AttemptComparisonRow row;
        row.name = job.name;
        row.inA = true;
        row.secondsA = jobRunSeconds(job, now);
        row.statusA = job.status;
        row.conclusionA = job.conclusion;
        rowOf.insert(job.name, rows.size());
        rows.append(row);
    }
    QHash<QString, bool> seenInB;
    for (const WorkflowJob &job : b) {
        if (seenInB.contains(job.name))
            continue;
        seenInB.insert(job.name, true);
        qsizetype index = rowOf.value(job.name, -1);
        if (index < 0) {
            AttemptComparisonRow row;
            row.name = job.name;
            index = rows.size();
            rows.append(row);
        }
        AttemptComparisonRow &row = rows[index];
        row.inB = true;
        row.secondsB = jobRunSeconds(job, now);
        row.statusB = job.status;
        row.conclusionB = job.conclusion;
    }
    return rows;
}

} // namespace Mainstay
