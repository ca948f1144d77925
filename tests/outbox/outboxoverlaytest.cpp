// The optimistic view of an issue: pending entries applied in order, nothing else.

#include "outboxoverlay.h"
#include "outboxkind.h"

#include <gtest/gtest.h>

#include <QJsonArray>

using namespace Mainstay;

namespace {

OutboxEntry entry(qint64 id, const QString &kind, const QJsonObject &payload,
                  OutboxEntry::State state = OutboxEntry::State::Queued)
{
    OutboxEntry e;
    e.id = id;
    e.kind = kind;
    e.payload = payload;
    e.state = state;
    e.createdAt = QDateTime::fromSecsSinceEpoch(1'790'000'000 + id, Qt::UTC);
    return e;
}

Label label(const QString &name, const QString &color = QStringLiteral("d73a4a"))
{
    Label l;
    l.name = name;
    l.color = color;
    return l;
}

Issue issue7()
{
    Issue issue;
    issue.number = 7;
    issue.labels = {label(QStringLiteral("bug")), label(QStringLiteral("triage"))};
    return issue;
}

QStringList names(const Issue &issue)
{
    QStringList result;
    for (const Label &l : issue.labels)
        result.append(l.name);
    return result;
}

} // namespace

TEST(OutboxOverlay, LabelChangesApplyInOrder)
{
    const QList<OutboxEntry> entries{
        entry(1, OutboxKind::RemoveLabels, {{"number", 7}, {"labels", QJsonArray{"triage"}}}),
        entry(2, OutboxKind::AddLabels,
              {{"number", 7}, {"labels", QJsonArray{"help wanted", "BUG"}}}),
        entry(3, OutboxKind::AddLabels, {{"number", 8}, {"labels", QJsonArray{"other issue"}}}),
    };
    const Issue shown =
        OutboxOverlay::apply(issue7(), entries, {label(QStringLiteral("help wanted"), "008672")});
    EXPECT_EQ(names(shown), QStringList({"bug", "help wanted"}));
    EXPECT_EQ(shown.labels.at(1).color, QStringLiteral("008672"));
    // Replacing keeps the issue's own copy of a label that stays.
    const Issue replaced = OutboxOverlay::apply(
        issue7(),
        {entry(4, OutboxKind::SetLabels, {{"number", 7}, {"labels", QJsonArray{"bug", "new"}}})});
    EXPECT_EQ(names(replaced), QStringList({"bug", "new"}));
    EXPECT_EQ(replaced.labels.at(0).color, QStringLiteral("d73a4a"));
    EXPECT_EQ(replaced.labels.at(1).color, QStringLiteral("ededed"));
}

TEST(OutboxOverlay, OnlyPendingEntriesCount)
{
    using S = OutboxEntry::State;
    const QJsonObject add{{"number", 7}, {"labels", QJsonArray{"x"}}};
    for (S state : {S::Sent, S::Failed, S::Cancelled})
        EXPECT_EQ(OutboxOverlay::apply(issue7(), {entry(1, OutboxKind::AddLabels, add, state)}),
                  issue7());
    EXPECT_TRUE(OutboxOverlay::apply(issue7(), {entry(1, OutboxKind::AddLabels, add, S::Sending)})
                    .hasLabel(u"x"));
    EXPECT_EQ(
        OutboxOverlay::pendingIssueNumbers({entry(1, OutboxKind::AddLabels, add, S::Failed),
                                            entry(2, OutboxKind::Comment, {{"number", 9}}),
                                            entry(3, OutboxKind::CancelRun, {{"run_id", 7}})}),
        QSet<int>({9}));
}

TEST(OutboxOverlay, ClosingReopeningAssigningAndComments)
{
    Issue closed = OutboxOverlay::apply(
        issue7(), {entry(1, OutboxKind::CloseIssue,
                         {{"number", 7}, {"reason", "not_planned"}, {"comment", "no"}})});
    EXPECT_FALSE(closed.isOpen());
    EXPECT_EQ(closed.stateReason, Issue::StateReason::NotPlanned);
    EXPECT_TRUE(closed.closedAt.isValid());
    EXPECT_EQ(closed.commentCount, 1);

    const Issue reopened = OutboxOverlay::apply(
        closed, {entry(2, OutboxKind::ReopenIssue, {{"number", 7}}),
                 entry(3, OutboxKind::Comment, {{"number", 7}, {"body", "sorry"}}),
                 entry(4, OutboxKind::Assign, {{"number", 7}, {"assignees", QJsonArray{"octo"}}})});
    EXPECT_TRUE(reopened.isOpen());
    EXPECT_EQ(reopened.stateReason, Issue::StateReason::Reopened);
    EXPECT_EQ(reopened.commentCount, 2);
    ASSERT_EQ(reopened.assignees.size(), 1);
    EXPECT_EQ(reopened.assignees.first().login, QStringLiteral("octo"));

    const QList<Issue> all = OutboxOverlay::applyAll(
        {issue7(), Issue{}},
        {entry(1, OutboxKind::CloseIssue, {{"number", 7}, {"reason", "completed"}})});
    EXPECT_EQ(all.at(0).stateReason, Issue::StateReason::Completed);
    EXPECT_EQ(all.at(1), Issue{});
}
