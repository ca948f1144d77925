#include "issuequery.h"
#include "queryfixture.h"

#include <gtest/gtest.h>

using namespace Mainstay;

TEST(QuerySort, OrdersTheFixtureAndBreaksTiesByNumberDescending)
{
    const struct
    {
        const char *query;
        QList<int> expected;
    } cases[] = {
        // Comments of the PRs: 5:2, 6:4, 7:0, 11:1, 15:9, 18:0.
        {"is:pr sort:comments-desc", {15, 6, 5, 11, 18, 7}},
        {"is:pr sort:comments", {15, 6, 5, 11, 18, 7}},
        {"is:pr sort:comments-asc", {18, 7, 11, 5, 6, 15}},
        {"is:pr sort:created-asc", {7, 5, 11, 6, 18, 15}},
        {"is:pr sort:created-desc", {15, 18, 6, 11, 5, 7}},
        // Without sort: the newest first, as GitHub lists them.
        {"is:pr", {15, 18, 6, 11, 5, 7}},
        {"is:closed sort:updated-desc", {14, 15, 6, 3, 7, 9}},
        {"is:closed sort:updated-asc", {9, 7, 3, 6, 15, 14}},
        // 4 and 14 were both last updated at 2026-02-01T00:00:00Z: the higher number first,
        // whichever the direction.
        {"updated:2026-02-01 sort:updated-desc", {14, 4}},
        {"updated:2026-02-01 sort:updated-asc", {14, 4}},
        {"sort:reactions", {10, 9, 15, 20, 1, 13, 5, 6, 16, 3, 19, 18, 17, 14, 12, 11, 8, 7, 4, 2}},
        {"sort:reactions-asc",
         {19, 18, 17, 14, 12, 11, 8, 7, 4, 2, 16, 3, 6, 5, 13, 20, 1, 15, 9, 10}},
    };
    const QList<Issue> issues = Mainstay::Test::queryFixture();
    for (const auto &c : cases) {
        const QueryParseResult result = IssueQuery::parse(QString::fromUtf8(c.query));
        ASSERT_TRUE(result.isOk()) << c.query;
        EXPECT_EQ(Mainstay::Test::numbersOf(result.query().select(issues)), c.expected) << c.query;
    }
}

TEST(QuerySort, ComparesKeysAndTreatsMissingDatesAsOldest)
{
    Issue dated;
    dated.number = 1;
    dated.createdAt = Mainstay::Test::utc("2026-01-01T00:00:00Z");
    Issue undated;
    undated.number = 2;
    const QuerySort newest{QuerySort::Field::Created, Qt::DescendingOrder};
    EXPECT_TRUE(newest.lessThan(dated, undated));
    EXPECT_FALSE(newest.lessThan(undated, dated));
    EXPECT_EQ(newest.compareKeys(undated, dated), -1);
    const QuerySort oldest{QuerySort::Field::Created, Qt::AscendingOrder};
    EXPECT_TRUE(oldest.lessThan(undated, dated));

    Issue same = dated;
    same.number = 7;
    EXPECT_TRUE(newest.lessThan(same, dated)) << "tie: the higher number first";
    EXPECT_TRUE(oldest.lessThan(same, dated)) << "tie: the higher number first, ascending too";
    EXPECT_FALSE(oldest.lessThan(dated, dated)) << "irreflexive";
}

TEST(QuerySort, ReadsAndWritesItsNames)
{
    const struct
    {
        const char *text;
        QuerySort::Field field;
        Qt::SortOrder order;
        const char *written;
    } cases[] = {
        {"created", QuerySort::Field::Created, Qt::DescendingOrder, "created-desc"},
        {"updated-asc", QuerySort::Field::Updated, Qt::AscendingOrder, "updated-asc"},
        {"COMMENTS-DESC", QuerySort::Field::Comments, Qt::DescendingOrder, "comments-desc"},
        {"reactions-asc", QuerySort::Field::Reactions, Qt::AscendingOrder, "reactions-asc"},
    };
    for (const auto &c : cases) {
        const std::optional<QuerySort> sort = QuerySort::fromString(QString::fromUtf8(c.text));
        ASSERT_TRUE(sort.has_value()) << c.text;
        EXPECT_EQ(sort->field, c.field) << c.text;
        EXPECT_EQ(sort->order, c.order) << c.text;
        EXPECT_EQ(sort->toString(), QString::fromUtf8(c.written)) << c.text;
    }
    EXPECT_FALSE(QuerySort::fromString(u"title").has_value());
    EXPECT_FALSE(QuerySort::fromString(u"-asc").has_value());
    EXPECT_TRUE(QuerySort().toString().isEmpty());
}
