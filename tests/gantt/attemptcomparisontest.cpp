// Two attempts of a run side by side: what a re-run fixed, what still fails, what got slower.

#include "attemptcomparison.h"

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

WorkflowJob job(const QString &name, RunStatus status, RunConclusion conclusion, int startAfter,
                int seconds)
{
    WorkflowJob j;
    j.name = name;
    j.status = status;
    j.conclusion = conclusion;
    j.createdAt = T0;
    if (startAfter >= 0)
        j.startedAt = T0.addSecs(startAfter);
    if (status == RunStatus::Completed && startAfter >= 0 && seconds >= 0)
        j.completedAt = j.startedAt.addSecs(seconds);
    return j;
}

} // namespace

TEST(AttemptComparison, MatchesJobsByNameAndMeasuresEachAttempt)
{
    using S = RunStatus;
    using C = RunConclusion;
    const QList<WorkflowJob> first = {
        job(QStringLiteral("Seal / Bump"), S::Completed, C::Success, 0, 10),
        job(QStringLiteral("Deploy (eu-west-1, 3.12)"), S::Completed, C::Failure, 20, 90),
        job(QStringLiteral("Docs"), S::Completed, C::Cancelled, 30, 5),
        job(QStringLiteral("Only in the first"), S::Completed, C::Skipped, -1, -1),
    };
    const QList<WorkflowJob> second = {
        job(QStringLiteral("Deploy (eu-west-1, 3.12)"), S::Completed, C::Success, 0, 120),
        job(QStringLiteral("Seal / Bump"), S::Completed, C::Success, 0, 12),
        job(QStringLiteral("Docs"), S::InProgress, C::None, 100, -1),
        job(QStringLiteral("Post release"), S::Queued, C::None, -1, -1),
    };
    const QDateTime now = T0.addSecs(160);
    const QList<AttemptComparisonRow> rows = compareAttempts(first, second, now);
    ASSERT_EQ(rows.size(), 5);

    // A's order first, then what only B has.
    EXPECT_EQ(rows[0].name, QStringLiteral("Seal / Bump"));
    EXPECT_EQ(rows[0].secondsA, 10);
    EXPECT_EQ(rows[0].secondsB, 12);
    EXPECT_EQ(rows[0].delta(), 2);
    EXPECT_FALSE(rows[0].outcomeChanged());

    EXPECT_EQ(rows[1].name, QStringLiteral("Deploy (eu-west-1, 3.12)"));
    EXPECT_EQ(rows[1].conclusionA, C::Failure);
    EXPECT_EQ(rows[1].conclusionB, C::Success);
    EXPECT_TRUE(rows[1].outcomeChanged()); // the re-run fixed it
    EXPECT_EQ(rows[1].delta(), 30);

    EXPECT_EQ(rows[2].name, QStringLiteral("Docs"));
    EXPECT_EQ(rows[2].secondsB, 60);        // running: measured against now
    EXPECT_FALSE(rows[2].outcomeChanged()); // not finished yet: no verdict

    EXPECT_EQ(rows[3].name, QStringLiteral("Only in the first"));
    EXPECT_TRUE(rows[3].inA);
    EXPECT_FALSE(rows[3].inB);
    EXPECT_FALSE(rows[3].secondsA.has_value()); // never started
    EXPECT_FALSE(rows[3].delta().has_value());

    EXPECT_EQ(rows[4].name, QStringLiteral("Post release"));
    EXPECT_FALSE(rows[4].inA);
    EXPECT_TRUE(rows[4].inB);
    EXPECT_FALSE(rows[4].secondsB.has_value()); // queued
}

TEST(AttemptComparison, EmptyAttemptsAndJobsWithoutTimes)
{
    EXPECT_TRUE(compareAttempts({}, {}, T0).isEmpty());
    WorkflowJob noEnd =
        job(QStringLiteral("x"), RunStatus::Completed, RunConclusion::Failure, 5, -1);
    EXPECT_FALSE(jobRunSeconds(noEnd, T0.addSecs(100)).has_value()); // ended, no end time
    WorkflowJob running =
        job(QStringLiteral("y"), RunStatus::InProgress, RunConclusion::None, 5, -1);
    EXPECT_EQ(jobRunSeconds(running, T0.addSecs(65)), 60);
    const QList<AttemptComparisonRow> rows = compareAttempts({}, {noEnd}, T0);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_FALSE(rows[0].inA);
    EXPECT_FALSE(rows[0].outcomeChanged());
}
