// BoardSession without widgets: which outbox entry each triage action queues for the default
// policy's moves, what undo does once entries were sent, and the local state it keeps.

#include "boardsession.h"
#include "issuelistmodel.h"
#include "manualclock.h"
#include "outbox.h"
#include "outboxkind.h"
#include "policy.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Mainstay;

namespace {

const QDateTime Base = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);

Issue makeIssue(int number, const QStringList &labels)
{
    Issue issue;
    issue.id = 7000 + number;
    issue.number = number;
    issue.title = QStringLiteral("Item %1").arg(number);
    issue.author.login = QStringLiteral("author%1").arg(number);
    issue.createdAt = Base.addDays(-40);
    issue.updatedAt = Base.addDays(-35);
    for (const QString &name : labels)
        issue.labels.append(Label{0, name, QStringLiteral("ededed"), {}, false});
    return issue;
}

QStringList labelsOf(const OutboxEntry &entry)
{
    QStringList labels;
    for (const QJsonValue &value : entry.payload.value(QStringLiteral("labels")).toArray())
        labels.append(value.toString());
    return labels;
}

class BoardSessionTest : public testing::Test
{
protected:
    QTemporaryDir dir;
    ManualClock clock{Base};
    WorkspaceStore store{&clock};
    IssueListModel issues;
    std::unique_ptr<Outbox> outbox;
    BoardSession session;

    void load(const QList<Issue> &items)
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(store.open(dir.path(), QStringLiteral("octo/widgets")).ok);
        ASSERT_TRUE(store.cache().upsertIssues(items));
        issues.setIssues(store.cache().loadIssues());
        outbox =
            std::make_unique<Outbox>(&store.userData(), nullptr, QStringLiteral("octo/widgets"));
        session.setSources(&issues, outbox.get(), &store, &clock, Policy::defaultPolicy());
    }
    int column(const char *id)
    {
        return Policy::defaultPolicy().columnIndex(QString::fromLatin1(id));
    }
};

struct MoveCase
{
    QStringList labels;
    const char *column;
    QString kind;
    QStringList sent;
};

} // namespace

TEST_F(BoardSessionTest, EachMoveIsOneEntryOfTheNarrowestKind)
{
    const QList<MoveCase> cases = {
        // Adds and removes: one replacement.
        {{QStringLiteral("triage")},
         "confirmed-bugs",
         OutboxKind::SetLabels,
         {QStringLiteral("bug")}},
        {{QStringLiteral("triage"), QStringLiteral("logger")},
         "waiting-on-author",
         OutboxKind::SetLabels,
         {QStringLiteral("logger"), QStringLiteral("need-more-information")}},
        // Only adds.
        {{QStringLiteral("bug")},
         "help-wanted",
         OutboxKind::AddLabels,
         {QStringLiteral("help wanted")}},
        {{QStringLiteral("feature-request")},
         "pending-release",
         OutboxKind::AddLabels,
         {QStringLiteral("pending-release")}},
        // A bug-upstream card already belongs to confirmed bugs: only `triage` goes.
        {{QStringLiteral("bug-upstream"), QStringLiteral("triage")},
         "confirmed-bugs",
         OutboxKind::RemoveLabels,
         {QStringLiteral("triage")}},
    };
    QList<Issue> items;
    for (int i = 0; i < cases.size(); ++i)
        items.append(makeIssue(i + 1, cases[i].labels));
    load(items);
    for (int i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE(i);
        ASSERT_EQ(session.moveCards({i + 1}, column(cases[i].column)), 1);
        const OutboxEntry entry = outbox->pending().last();
        EXPECT_EQ(entry.kind, cases[i].kind);
        EXPECT_EQ(labelsOf(entry), cases[i].sent);
        EXPECT_EQ(session.model()->columnOf(i + 1), column(cases[i].column));
    }
    // A card already in the column: nothing to send, nothing to undo beyond the moves.
    EXPECT_EQ(session.moveCards({1}, column("confirmed-bugs")), 0);
    EXPECT_EQ(outbox->pending().size(), cases.size());
}

TEST_F(BoardSessionTest, UndoOfSentWritesReopensAndReportsComments)
{
    load({makeIssue(1, {QStringLiteral("triage")}), makeIssue(2, {QStringLiteral("triage")})});
    QSignalSpy messages(&session, &BoardSession::message);
    ASSERT_EQ(session.closeItems({1}, QStringLiteral("completed"), QString()), 1);
    ASSERT_TRUE(store.userData().markSent(outbox->pending().last().id, {}));
    ASSERT_TRUE(session.undo());
    ASSERT_EQ(outbox->pending().size(), 1);
    EXPECT_EQ(outbox->pending().last().kind, OutboxKind::ReopenIssue);

    ASSERT_EQ(session.replyToItems({2}, QStringLiteral("Hi @{author}, see #{number}")), 1);
    const OutboxEntry comment = outbox->pending().last();
    EXPECT_EQ(comment.payload.value(QStringLiteral("body")).toString(),
              QStringLiteral("Hi @author2, see #2"));
    ASSERT_TRUE(store.userData().markSent(comment.id, {}));
    ASSERT_TRUE(session.undo());
    ASSERT_EQ(messages.size(), 1);
    EXPECT_TRUE(messages.first().first().toString().contains(QStringLiteral("#2")));
    EXPECT_FALSE(session.undo()); // nothing left
}

TEST_F(BoardSessionTest, SavedFiltersKeepTheirOrderAndCanBeReplaced)
{
    load({});
    ASSERT_TRUE(session.saveFilter(QStringLiteral("Zeta"), QStringLiteral("label:bug")));
    ASSERT_TRUE(session.saveFilter(QStringLiteral("Alpha"), QStringLiteral("is:pr")));
    ASSERT_TRUE(session.saveFilter(QStringLiteral("Zeta"), QStringLiteral("label:tracer")));
    EXPECT_FALSE(session.saveFilter(QStringLiteral("  "), QStringLiteral("x")));
    const QList<BoardSession::SavedFilter> filters = session.savedFilters();
    ASSERT_EQ(filters.size(), 2);
    EXPECT_EQ(filters[0],
              (BoardSession::SavedFilter{QStringLiteral("Zeta"), QStringLiteral("label:tracer")}));
    EXPECT_EQ(filters[1],
              (BoardSession::SavedFilter{QStringLiteral("Alpha"), QStringLiteral("is:pr")}));
    ASSERT_TRUE(session.removeFilter(QStringLiteral("Zeta")));
    EXPECT_EQ(session.savedFilters().size(), 1);
}

TEST_F(BoardSessionTest, StaleItemsUseThePolicysDaysPerKind)
{
    Issue pr = makeIssue(3, {});
    pr.isPullRequest = true;
    pr.updatedAt = Base.addDays(-15); // > 14 days for pull requests
    Issue freshIssue = makeIssue(4, {});
    freshIssue.updatedAt = Base.addDays(-20); // < 30 days for issues
    Issue closed = makeIssue(5, {});
    closed.state = Issue::State::Closed;
    load({makeIssue(1, {}), makeIssue(2, {}), pr, freshIssue, closed});
    EXPECT_EQ(session.staleNumbers(), (QList<int>{1, 2, 3}));
}

TEST_F(BoardSessionTest, ACorruptSnoozeValueIsIgnored)
{
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(store.open(dir.path(), QStringLiteral("octo/widgets")).ok);
    ASSERT_TRUE(store.userData().setLocalValue(BoardSession::SnoozeScope, QStringLiteral("1"),
                                               QJsonValue(QStringLiteral("garbage"))));
    ASSERT_TRUE(store.userData().setLocalValue(
        BoardSession::SnoozeScope, QStringLiteral("x"),
        QJsonObject{{QStringLiteral("until"), QStringLiteral("2030-01-01T00:00:00Z")}}));
    load({makeIssue(1, {QStringLiteral("triage")})});
    EXPECT_TRUE(session.snoozes().isEmpty());
    EXPECT_TRUE(session.model()->indexOfCard(1).isValid());
}
