#include "issuefilterproxymodel.h"
#include "issuelistmodel.h"
#include "queryfixture.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

using namespace Mainstay;

namespace {

IssueFilter filterFor(const char *text)
{
    IssueFilter filter;
    filter.setText(QString::fromUtf8(text));
    EXPECT_FALSE(filter.hasError()) << text;
    return filter;
}

QList<int> proxyNumbers(const QAbstractItemModel &proxy)
{
    QList<int> numbers;
    for (int row = 0; row < proxy.rowCount(); ++row)
        numbers.append(proxy.index(row, 0).data(IssueListModel::NumberRole).toInt());
    return numbers;
}

QList<int> sorted(QList<int> numbers)
{
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

} // namespace

// The tester (in Warning mode, where the shared main turns warnings into failures) watches the
// proxy while the filter changes and the model resets, inserts and updates rows underneath it.
TEST(IssueFilterProxyModel, FiltersThroughQueriesWhileRowsChange)
{
    IssueListModel model;
    IssueFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setIssues(Mainstay::Test::queryFixture());
    EXPECT_EQ(proxy.rowCount(), 20);

    proxy.setFilter(filterFor("label:bug"));
    EXPECT_EQ(sorted(proxyNumbers(proxy)), QList<int>({1, 2, 6, 10, 19, 20}));
    EXPECT_FALSE(proxy.hasSearchIndex()) << "built only when a query has free text";

    proxy.setFilter(filterFor("logger is:open"));
    EXPECT_TRUE(proxy.hasSearchIndex());
    EXPECT_EQ(sorted(proxyNumbers(proxy)), QList<int>({1, 4, 5, 10, 12, 16, 17, 20}));

    // A changed title enters and leaves the list through the incrementally updated index.
    Issue renamed = *model.issueByNumber(13);
    renamed.title = QStringLiteral("Metrics for the Logger");
    Issue unrelated = *model.issueByNumber(1);
    unrelated.title = QStringLiteral("Drops extra keys");
    unrelated.body.clear();
    Issue added = renamed;
    added.number = 21;
    added.id = 9021;
    added.title = QStringLiteral("logger: new one");
    model.upsert({renamed, unrelated, added});
    EXPECT_EQ(sorted(proxyNumbers(proxy)), QList<int>({4, 5, 10, 12, 13, 16, 17, 20, 21}));

    // And the same answers as a query run over the model's items without any index.
    const IssueQuery &query = proxy.filter().query();
    QList<int> expected;
    for (const Issue &issue : model.issues())
        if (query.matches(issue))
            expected.append(issue.number);
    EXPECT_EQ(sorted(proxyNumbers(proxy)), expected);

    // A reset rebuilds the index at once, since the query still has text.
    model.setIssues(Mainstay::Test::queryFixture());
    EXPECT_TRUE(proxy.hasSearchIndex());
    EXPECT_EQ(sorted(proxyNumbers(proxy)), QList<int>({1, 4, 5, 10, 12, 16, 17, 20}));

    proxy.setFilter(IssueFilter());
    EXPECT_EQ(proxy.rowCount(), 20);
    model.clear();
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(IssueFilterProxyModel, AppliesTheSortQualifierUntilTheUserSortsOtherwise)
{
    IssueListModel model;
    IssueFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setIssues(Mainstay::Test::queryFixture());
    proxy.sort(IssueListModel::UpdatedColumn, Qt::DescendingOrder);

    proxy.setFilter(filterFor("is:pr sort:comments-asc"));
    EXPECT_EQ(proxyNumbers(proxy), QList<int>({18, 7, 11, 5, 6, 15}));
    EXPECT_EQ(proxy.sortColumn(), int(IssueListModel::CommentsColumn));
    EXPECT_EQ(proxy.sortOrder(), Qt::AscendingOrder);
    EXPECT_TRUE(proxy.activeQuerySort().isSet());

    proxy.setFilter(filterFor("sort:reactions"));
    EXPECT_EQ(proxyNumbers(proxy),
              QList<int>({10, 9, 15, 20, 1, 13, 5, 6, 16, 3, 19, 18, 17, 14, 12, 11, 8, 7, 4, 2}));

    // New rows take their place in the query's order.
    Issue popular = *model.issueByNumber(2);
    popular.number = 21;
    popular.id = 9021;
    popular.reactionCount = 100;
    model.upsert({popular});
    EXPECT_EQ(proxyNumbers(proxy).constFirst(), 21);
    // And changed rows move to theirs.
    Issue changed = *model.issueByNumber(2);
    changed.reactionCount = 200;
    model.upsert({changed});
    EXPECT_EQ(proxyNumbers(proxy).mid(0, 3), QList<int>({2, 21, 10}));

    // The header's own sort takes over when the user picks another column.
    proxy.sort(IssueListModel::NumberColumn, Qt::DescendingOrder);
    EXPECT_FALSE(proxy.activeQuerySort().isSet());
    EXPECT_EQ(proxyNumbers(proxy).mid(0, 3), QList<int>({21, 20, 19}));

    // Setting the filter again brings the query's order back.
    proxy.setFilter(filterFor("is:closed sort:updated"));
    EXPECT_EQ(proxyNumbers(proxy), QList<int>({14, 15, 6, 3, 7, 9}));
    EXPECT_EQ(proxy.sortColumn(), int(IssueListModel::UpdatedColumn));
    EXPECT_EQ(proxy.sortOrder(), Qt::DescendingOrder);

    // Without a sort: qualifier the column the list was sorted by stays.
    proxy.setFilter(filterFor("is:closed"));
    EXPECT_FALSE(proxy.activeQuerySort().isSet());
    EXPECT_EQ(proxy.sortColumn(), int(IssueListModel::UpdatedColumn));
    EXPECT_EQ(proxyNumbers(proxy), QList<int>({14, 15, 6, 3, 7, 9}));

    // A column sort follows changed rows too.
    proxy.setFilter(IssueFilter());
    proxy.sort(IssueListModel::CommentsColumn, Qt::DescendingOrder);
    EXPECT_EQ(proxyNumbers(proxy).constFirst(), 3);
    Issue talkative = *model.issueByNumber(7);
    talkative.commentCount = 50;
    model.upsert({talkative});
    EXPECT_EQ(proxyNumbers(proxy).constFirst(), 7);
}

TEST(IssueFilterProxyModel, MapsSortFieldsToColumns)
{
    EXPECT_EQ(IssueFilterProxyModel::columnForSort(QuerySort::Field::Created),
              int(IssueListModel::CreatedColumn));
    EXPECT_EQ(IssueFilterProxyModel::columnForSort(QuerySort::Field::Updated),
              int(IssueListModel::UpdatedColumn));
    EXPECT_EQ(IssueFilterProxyModel::columnForSort(QuerySort::Field::Comments),
              int(IssueListModel::CommentsColumn));
    EXPECT_EQ(IssueFilterProxyModel::columnForSort(QuerySort::Field::Reactions),
              int(IssueListModel::CommentsColumn));
    EXPECT_EQ(IssueFilterProxyModel::columnForSort(QuerySort::Field::None), -1);
}
