#include "boardmodel.h"
#include "manualclock.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>

using namespace Mainstay;

namespace {

const QDateTime Base = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);

Issue makeIssue(int number, const QStringList &labels, bool open = true)
{
    Issue issue;
    issue.id = 5000 + number;
    issue.number = number;
    issue.title = QStringLiteral("Item %1").arg(number);
    issue.state = open ? Issue::State::Open : Issue::State::Closed;
    issue.author.login = QStringLiteral("user%1").arg(number);
    // Higher numbers are newer, as on GitHub.
    issue.createdAt = Base.addSecs(number * 3600);
    issue.updatedAt = issue.createdAt.addSecs(60);
    for (const QString &name : labels)
        issue.labels.append(Label{0, name, QStringLiteral("ededed"), {}, false});
    return issue;
}

int column(const QString &id)
{
    const int index = Policy::defaultPolicy().columnIndex(id);
    EXPECT_GE(index, 0) << id.toStdString();
    return index;
}

IssueQuery query(const QString &text)
{
    const QueryParseResult result = IssueQuery::parse(text);
    EXPECT_TRUE(result.isOk()) << text.toStdString();
    return result.query();
}

class BoardModelTest : public testing::Test
{
protected:
    BoardModel model;
    QAbstractItemModelTester tester{&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning};
    const int newColumn = column(QStringLiteral("new"));
    const int bugs = column(QStringLiteral("confirmed-bugs"));
    const int help = column(QStringLiteral("help-wanted"));
    const int waitingOnAuthor = column(QStringLiteral("waiting-on-author"));

    void SetUp() override
    {
        model.setItems({
            makeIssue(1, {QStringLiteral("triage")}),
            makeIssue(2, {QStringLiteral("bug")}),
            makeIssue(3, {QStringLiteral("bug"), QStringLiteral("help wanted")}),
            makeIssue(4, {QStringLiteral("bug")}, false), // closed: never on the board
            makeIssue(5, {}),                             // no column
            makeIssue(6, {QStringLiteral("Triage"), QStringLiteral("bug")}),
            makeIssue(7, {QStringLiteral("bug")}),
        });
    }
};

} // namespace

TEST_F(BoardModelTest, OneRowPerPolicyColumnWithItsCards)
{
    const Policy &policy = Policy::defaultPolicy();
    ASSERT_EQ(model.rowCount(), policy.boardColumns.size());
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex row = model.index(i, 0);
        EXPECT_EQ(row.data().toString(), policy.boardColumns[i].title);
        EXPECT_EQ(row.data(BoardModel::ColumnIdRole).toString(), policy.boardColumns[i].id);
        EXPECT_FALSE(row.data(BoardModel::IsCardRole).toBool());
        EXPECT_EQ(row.data(BoardModel::CountRole).toInt(), model.rowCount(row));
    }
    // The first matching column wins: #6 carries triage and bug and is still new.
    EXPECT_EQ(model.cardNumbers(newColumn), (QList<int>{1, 6}));
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{2, 7}));
    // `help wanted` is an exception of Confirmed bugs, so #3 sits in Help wanted.
    EXPECT_EQ(model.cardNumbers(help), (QList<int>{3}));
    EXPECT_EQ(model.columnOf(5), -1);
    EXPECT_FALSE(model.indexOfCard(4).isValid()) << "closed items are not on the board";
    EXPECT_EQ(model.item(4), nullptr);
    EXPECT_FALSE(model.indexOfCard(5).isValid());
    int total = 0;
    for (int i = 0; i < model.boardColumnCount(); ++i)
        total += model.cardCount(i);
    EXPECT_EQ(total, 5);
}

TEST_F(BoardModelTest, CardsCarryTheirData)
{
    ManualClock clock(Base.addDays(10));
    model.setClock(&clock);
    Issue issue = makeIssue(8, {QStringLiteral("triage"), QStringLiteral("RFC")});
    issue.title = QStringLiteral("<b>Not bold</b> & friends");
    issue.authorAssociation = AuthorAssociation::FirstTimer;
    issue.commentCount = 3;
    issue.reactionCount = 9;
    issue.isPullRequest = true;
    issue.labels[0].color = QStringLiteral("fbca04");
    model.upsert({issue});

    const QModelIndex card = model.indexOfCard(8);
    ASSERT_TRUE(card.isValid());
    EXPECT_EQ(card.parent().row(), newColumn);
    EXPECT_TRUE(card.data(BoardModel::IsCardRole).toBool());
    EXPECT_EQ(card.data(BoardModel::NumberRole).toInt(), 8);
    EXPECT_EQ(card.data(BoardModel::TitleRole).toString(), issue.title) << "plain text, as is";
    EXPECT_EQ(card.data(BoardModel::AuthorRole).toString(), QStringLiteral("user8"));
    EXPECT_TRUE(card.data(BoardModel::FirstTimeContributorRole).toBool());
    EXPECT_EQ(card.data(BoardModel::AgeSecondsRole).toLongLong(),
              issue.createdAt.secsTo(clock.now()));
    EXPECT_EQ(card.data(BoardModel::LastActivityRole).toDateTime(), issue.updatedAt);
    EXPECT_EQ(card.data(BoardModel::CommentCountRole).toInt(), 3);
    EXPECT_EQ(card.data(BoardModel::ReactionCountRole).toInt(), 9);
    EXPECT_TRUE(card.data(BoardModel::IsPullRequestRole).toBool());
    const QVariantList labels = card.data(BoardModel::LabelsRole).toList();
    ASSERT_EQ(labels.size(), 2);
    EXPECT_EQ(labels[0].toMap().value(QStringLiteral("name")).toString(), QStringLiteral("triage"));
    EXPECT_EQ(labels[0].toMap().value(QStringLiteral("color")).toString(),
              QStringLiteral("fbca04"));
    EXPECT_FALSE(model.index(1, 0, model.index(newColumn, 0))
                     .data(BoardModel::FirstTimeContributorRole)
                     .toBool());
}

TEST_F(BoardModelTest, WaitingOnUsFollowsCommentsAndMaintainers)
{
    EXPECT_TRUE(model.isWaitingOnUs(1)) << "nobody answered";
    EXPECT_TRUE(model.indexOfCard(1).data(BoardModel::NoResponseYetRole).toBool());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Comment reply;
    reply.issueNumber = 1;
    reply.author.login = QStringLiteral("maint");
    reply.createdAt = Base.addDays(1);
    Comment outsider = reply;
    outsider.issueNumber = 2;
    outsider.author.login = QStringLiteral("someone");
    model.setLastComments({{1, reply}, {2, outsider}});
    EXPECT_FALSE(changed.isEmpty());
    EXPECT_TRUE(model.isWaitingOnUs(1)) << "maint is not known as a maintainer yet";
    EXPECT_FALSE(model.indexOfCard(1).data(BoardModel::NoResponseYetRole).toBool());

    model.setMaintainers({QStringLiteral("Maint")});
    EXPECT_FALSE(model.isWaitingOnUs(1));
    EXPECT_FALSE(model.indexOfCard(1).data(BoardModel::WaitingOnUsRole).toBool());
    EXPECT_EQ(model.indexOfCard(1).data(BoardModel::WaitingSecondsRole).toLongLong(), -1);
    EXPECT_TRUE(model.isWaitingOnUs(2));
    EXPECT_TRUE(model.indexOfCard(2).data(BoardModel::WaitingOnUsRole).toBool());
}

TEST_F(BoardModelTest, UpsertMovesACardToItsNewColumn)
{
    QPersistentModelIndex card = model.indexOfCard(1);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // New -> Confirmed bugs, as the outbox's label change comes back from a sync.
    Issue issue = makeIssue(1, {QStringLiteral("bug")});
    model.upsert({issue});
    EXPECT_EQ(moved.size(), 1);
    EXPECT_EQ(reset.size(), 0);
    EXPECT_EQ(model.cardNumbers(newColumn), (QList<int>{6}));
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{1, 2, 7})) << "oldest first";
    ASSERT_TRUE(card.isValid());
    EXPECT_EQ(card.data(BoardModel::NumberRole).toInt(), 1) << "the selection follows the card";
    EXPECT_EQ(card.parent().row(), bugs);
    EXPECT_EQ(model.index(newColumn, 0).data(BoardModel::CountRole).toInt(), 1);
    EXPECT_EQ(model.index(bugs, 0).data(BoardModel::CountRole).toInt(), 3);

    // Unchanged items emit nothing.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.upsert({issue});
    EXPECT_EQ(changed.size(), 0);

    // A title edit stays in place.
    issue.title = QStringLiteral("renamed");
    model.upsert({issue});
    EXPECT_EQ(moved.size(), 1);
    EXPECT_EQ(model.indexOfCard(1).data(BoardModel::TitleRole).toString(),
              QStringLiteral("renamed"));

    // Closing removes the card; a new item appears in its place in the order.
    model.upsert({makeIssue(2, {QStringLiteral("bug")}, false),
                  makeIssue(0, {QStringLiteral("need-more-information")}),
                  makeIssue(9, {QStringLiteral("bug")})});
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{1, 7, 9}));
    EXPECT_EQ(model.cardNumbers(waitingOnAuthor), (QList<int>{0}));
    EXPECT_EQ(model.item(2), nullptr);

    // An item leaving every column leaves the board but is remembered for later.
    model.upsert({makeIssue(7, {})});
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{1, 9}));
    model.upsert({makeIssue(7, {QStringLiteral("triage")})});
    EXPECT_EQ(model.cardNumbers(newColumn), (QList<int>{6, 7}));
    EXPECT_EQ(reset.size(), 0);
}

TEST_F(BoardModelTest, UpsertReordersWithinAColumn)
{
    model.setColumnSort(bugs, BoardModel::CardSort::LastActivity);
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{7, 2}));
    QPersistentModelIndex card = model.indexOfCard(2);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    Issue issue = makeIssue(2, {QStringLiteral("bug")});
    issue.updatedAt = Base.addDays(30);
    model.upsert({issue});
    EXPECT_EQ(moved.size(), 1);
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{2, 7}));
    EXPECT_EQ(card.row(), 0);
    EXPECT_EQ(card.data(BoardModel::NumberRole).toInt(), 2);

    // And back down, past the other card.
    issue.updatedAt = Base;
    model.upsert({issue});
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{7, 2}));
    EXPECT_EQ(card.row(), 1);
}

TEST_F(BoardModelTest, FilterShowsMatchingCardsAndCountsThem)
{
    QPersistentModelIndex bugsRow = model.index(bugs, 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFilter(query(QStringLiteral("author:user7")));
    EXPECT_EQ(reset.size(), 0) << "column indexes stay valid for the views";
    EXPECT_TRUE(bugsRow.isValid());
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{7}));
    EXPECT_EQ(model.cardCount(newColumn), 0);
    EXPECT_EQ(bugsRow.data(BoardModel::CountRole).toInt(), 1);
    EXPECT_EQ(bugsRow.data(BoardModel::TotalCountRole).toInt(), 2);

    // Upserts respect the filter.
    model.upsert({makeIssue(2, {QStringLiteral("triage")})});
    EXPECT_EQ(model.cardCount(newColumn), 0);
    EXPECT_EQ(model.totalCount(newColumn), 3);
    EXPECT_EQ(model.totalCount(bugs), 1);

    model.setFilter(query(QStringLiteral("-label:triage")));
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{7}));
    EXPECT_EQ(model.cardNumbers(help), (QList<int>{3}));
    EXPECT_EQ(model.cardCount(newColumn), 0);

    model.setFilter({});
    EXPECT_EQ(model.cardNumbers(newColumn), (QList<int>{1, 2, 6}));
}

TEST_F(BoardModelTest, PerColumnSortKeepsTheSelection)
{
    Issue busy = makeIssue(2, {QStringLiteral("bug")});
    busy.commentCount = 10;
    busy.reactionCount = 1;
    Issue liked = makeIssue(7, {QStringLiteral("bug")});
    liked.commentCount = 1;
    liked.reactionCount = 50;
    model.upsert({busy, liked, makeIssue(10, {QStringLiteral("bug")})});
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{2, 7, 10}));

    QPersistentModelIndex selected = model.indexOfCard(10);
    QPersistentModelIndex other = model.indexOfCard(1);
    model.setColumnSort(bugs, BoardModel::CardSort::MostComments);
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{2, 7, 10}));
    model.setColumnSort(bugs, BoardModel::CardSort::MostReactions);
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{7, 2, 10}));
    model.setColumnSort(bugs, BoardModel::CardSort::LastActivity);
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{10, 7, 2}));
    EXPECT_EQ(selected.row(), 0);
    EXPECT_EQ(selected.data(BoardModel::NumberRole).toInt(), 10);
    EXPECT_EQ(other.data(BoardModel::NumberRole).toInt(), 1) << "other columns untouched";
    EXPECT_EQ(model.columnSort(bugs), BoardModel::CardSort::LastActivity);
    EXPECT_EQ(model.columnSort(newColumn), BoardModel::CardSort::OldestFirst);
    EXPECT_EQ(model.index(bugs, 0).data(BoardModel::SortRole).toInt(),
              int(BoardModel::CardSort::LastActivity));
    model.setColumnSort(bugs, BoardModel::CardSort::OldestFirst);
    EXPECT_EQ(model.cardNumbers(bugs), (QList<int>{2, 7, 10}));
}

TEST_F(BoardModelTest, MoveCardReturnsThePolicysLabelChange)
{
    const LabelChange change = model.moveCard(1, bugs);
    EXPECT_EQ(change, Policy::defaultPolicy().labelChangeForMove(QStringList{"triage"}, bugs));
    EXPECT_TRUE(change.add.contains(QStringLiteral("bug")));
    EXPECT_TRUE(change.remove.contains(QStringLiteral("triage")));
    EXPECT_EQ(model.cardNumbers(newColumn), (QList<int>{1, 6})) << "nothing moves locally";
    EXPECT_TRUE(model.moveCard(12345, bugs).isEmpty());
    EXPECT_TRUE(model.moveCard(1, 99).isEmpty());
}

TEST(BoardModel, LargeBatchesAndBuildsStayConsistent)
{
    BoardModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const QStringList kinds[] = {{QStringLiteral("triage")},
                                 {QStringLiteral("bug")},
                                 {QStringLiteral("feature-request")},
                                 {QStringLiteral("good first issue")},
                                 {}};
    QList<Issue> items;
    for (int number = 1; number <= 5000; ++number)
        items.append(makeIssue(number, kinds[number % 5], number % 7 != 0));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setItems(items);
    EXPECT_EQ(inserted.size(), 0) << "a build is one reset";

    const auto expected = [&](int column) {
        int count = 0;
        for (const Issue &issue : items)
            if (issue.isOpen() && Policy::defaultPolicy().columnFor(issue.labels) == column)
                ++count;
        return count;
    };
    for (int i = 0; i < model.boardColumnCount(); ++i)
        EXPECT_EQ(model.cardCount(i), expected(i)) << i;

    // A big sync page relabels half of them at once.
    for (Issue &issue : items)
        if (issue.number % 2 == 0)
            issue.labels = {Label{0, QStringLiteral("bug"), {}, {}, false}};
    model.upsert(items.mid(0, 2000));
    model.upsert(items.mid(2000));
    for (int i = 0; i < model.boardColumnCount(); ++i)
        EXPECT_EQ(model.cardCount(i), expected(i)) << i;
    const QList<int> bugs = model.cardNumbers(column(QStringLiteral("confirmed-bugs")));
    EXPECT_TRUE(std::is_sorted(bugs.cbegin(), bugs.cend())) << "oldest first is by number here";
}
