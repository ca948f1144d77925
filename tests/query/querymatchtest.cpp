#include "issuequery.h"
#include "issuesearchindex.h"
#include "queryfixture.h"

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

QList<int> all()
{
    QList<int> numbers;
    for (int n = 1; n <= 20; ++n)
        numbers.append(n);
    return numbers;
}

QList<int> allBut(std::initializer_list<int> excluded)
{
    QList<int> numbers = all();
    for (const int n : excluded)
        numbers.removeOne(n);
    return numbers;
}

// The fixture's numbers that `query` matches, in fixture order; with the search index or without.
QList<int> matching(const IssueQuery &query, const QList<Issue> &issues,
                    const IssueSearchIndex *index)
{
    QList<int> numbers;
    for (qsizetype row = 0; row < issues.size(); ++row) {
        const bool match =
            index ? query.matches(issues[row], index->text(row)) : query.matches(issues[row]);
        if (match)
            numbers.append(issues[row].number);
    }
    return numbers;
}

} // namespace

// What each fixture item has is listed in queryfixture.cpp; every query runs with and without
// the search index and must give the same answer both ways.
TEST(QueryMatch, MatchesTheFixtureLikeGitHub)
{
    const struct
    {
        const char *query;
        QList<int> expected;
    } cases[] = {
        {"", all()},
        {"sort:updated", all()},
        // Kind and state.
        {"is:issue", {1, 2, 3, 4, 8, 9, 10, 12, 13, 14, 16, 17, 19, 20}},
        {"is:pr", {5, 6, 7, 11, 15, 18}},
        {"type:pr", {5, 6, 7, 11, 15, 18}},
        {"is:open", {1, 2, 4, 5, 8, 10, 11, 12, 13, 16, 17, 18, 19, 20}},
        {"is:closed", {3, 6, 7, 9, 14, 15}},
        {"state:closed", {3, 6, 7, 9, 14, 15}},
        {"is:merged", {6, 15}},
        {"is:unmerged", {5, 7, 11, 18}},
        {"is:draft", {5, 18}},
        {"is:pr is:open", {5, 11, 18}},
        {"-is:draft is:pr", {6, 7, 11, 15}},
        {"is:issue is:pr", {}},
        {"type:pr state:closed", {6, 7, 15}},
        // Labels: case-insensitive names, spaces, any-of lists, negation.
        {"label:bug", {1, 2, 6, 10, 19, 20}},
        {"label:BUG", {1, 2, 6, 10, 19, 20}},
        {"LABEL:Bug IS:OPEN", {1, 2, 10, 19, 20}},
        {"label:\"help wanted\"", {2, 8, 16}},
        {"label:\"HELP WANTED\"", {2, 8, 16}},
        {"label:help", {}},
        {"label:documentation,triage", {3, 10, 11, 12}},
        {"label:bug label:triage", {10}},
        {"label:bug -label:triage", {1, 2, 6, 19, 20}},
        {"-label:bug,triage", {3, 4, 5, 7, 8, 9, 11, 13, 14, 15, 16, 17, 18}},
        {"label:size/M", {5}},
        {"label:\"good first issue\",rfc", {13, 16}},
        {"no:label", {4, 18}},
        {"-no:label", allBut({4, 18})},
        // People.
        {"author:alice", {1, 5, 9, 18, 20}},
        {"author:ALICE", {1, 5, 9, 18, 20}},
        {"author:ali", {}},
        {"author:dave", {4}},
        {"-author:alice is:pr", {6, 7, 11, 15}},
        {"author:dependabot[bot]", {7}},
        {"assignee:bob", {1, 6, 12}},
        {"assignee:carol", {4, 11}},
        {"assignee:alice,carol", {4, 11, 19}},
        {"no:assignee is:pr", {5, 7, 15, 18}},
        {"no:assignee", allBut({1, 4, 6, 11, 12, 19})},
        // Dates: a day is the whole UTC day; > and >= differ exactly at the instant.
        {"created:2026-01-01", {1}},
        {"created:2025-12-31", {2}},
        {"created:>2026-01-31", {4}},
        {"created:>=2026-02-01", {4}},
        {"created:<2026-01-01", {2, 3, 9}},
        {"created:<=2025-12-31", {2, 3, 9}},
        {"created:>2026-02-01T00:00:00Z", {}},
        {"created:>=2026-02-01T00:00:00Z", {4}},
        {"created:<2026-01-01T00:00:00Z", {2, 3, 9}},
        {"created:<=2026-01-01T00:00:00Z", {1, 2, 3, 9}},
        {"created:2026-01-01T00:00:00Z", {1}},
        {"created:2026-01-01T01:00:00+01:00", {1}},
        {"created:2026-01-01T00:00", {1}},
        {"created:2025-12-31T23:59:59Z..2026-01-01T00:00:00Z", {1, 2}},
        {"updated:2026-01-01..2026-01-31", allBut({4, 9, 14})},
        {"updated:*..2026-01-02", {7, 9}},
        {"updated:2026-01-31..*", {2, 4, 14, 15}},
        {"updated:2026-01-31T23:59:59Z..2026-02-01T00:00:00Z", {2, 4, 14}},
        {"closed:2026-02-01", {14}},
        {"closed:<2026-02-01", {3, 6, 7, 9, 15}},
        {"closed:*..*", {3, 6, 7, 9, 14, 15}},
        {"-closed:*..*", {1, 2, 4, 5, 8, 10, 11, 12, 13, 16, 17, 18, 19, 20}},
        {"merged:>=2026-01-31", {15}},
        {"merged:2026-01-25", {6}},
        {"-merged:2026-01-25 is:pr", {5, 7, 11, 15, 18}},
        // Counts.
        {"comments:>5", {3, 9, 10, 15}},
        {"comments:>=5", {3, 9, 10, 15, 17, 20}},
        {"comments:<1", {2, 7, 8, 12, 16, 18}},
        {"comments:<=1", {2, 4, 7, 8, 11, 12, 16, 18}},
        {"comments:=2", {5, 14, 19}},
        {"comments:2", {5, 14, 19}},
        {"comments:3..5", {1, 6, 13, 17, 20}},
        {"comments:10..*", {3}},
        {"reactions:>=5", {1, 9, 10, 15, 20}},
        {"-reactions:>0", {2, 4, 7, 8, 11, 12, 14, 17, 18, 19}},
        {"number:5..7", {5, 6, 7}},
        {"number:>18", {19, 20}},
        {"#12", {12}},
        {"-#12 crash", {14}},
        // Free text: title or body, case-insensitive, every term must occur.
        {"logger", {1, 4, 5, 9, 10, 12, 16, 17, 20}},
        {"LoGgEr", {1, 4, 5, 9, 10, 12, 16, 17, 20}},
        {"logger timeout", {10, 17, 20}},
        {"\"logger timeout\"", {17, 20}},
        {"logger -timeout", {1, 4, 5, 9, 12, 16}},
        {"-\"logger timeout\" timeout", {2, 6, 10}},
        {"vanish", {1}},
        {"\"extra keys\"", {1}},
        {"\"fixes #2\"", {6}},
        {"übersetzung", {8}},
        {"ÜBERSETZUNG", {8}},
        {"großes", {8}},
        {"feat(logger):", {5}},
        {"nothing-like-this", {}},
        // Together.
        {"label:bug logger", {1, 10, 20}},
        {"is:open label:bug -label:triage author:alice updated:<2026-01-15", {1}},
        {"is:issue label:\"help wanted\" -no:assignee", {}},
        {"is:issue label:\"help wanted\" no:assignee", {2, 8, 16}},
    };

    const QList<Issue> issues = Mainstay::Test::queryFixture();
    IssueSearchIndex index;
    index.rebuild(issues);
    for (const auto &c : cases) {
        const QueryParseResult result = IssueQuery::parse(QString::fromUtf8(c.query));
        ASSERT_TRUE(result.isOk()) << c.query << ": " << result.error().message().toStdString();
        EXPECT_EQ(matching(result.query(), issues, nullptr), c.expected) << c.query;
        EXPECT_EQ(matching(result.query(), issues, &index), c.expected)
            << c.query << " (with the search index)";
    }
}

TEST(QueryMatch, CombinedQueriesRequireBothAndTakeTheLaterSort)
{
    const IssueQuery kind = IssueQuery::parse(QStringLiteral("is:pr sort:created-asc")).query();
    const IssueQuery text = IssueQuery::parse(QStringLiteral("logger")).query();
    const IssueQuery both = kind.combined(text);
    EXPECT_EQ(both.toString(), QStringLiteral("is:pr logger sort:created-asc"));
    EXPECT_EQ(Mainstay::Test::numbersOf(both.select(Mainstay::Test::queryFixture())),
              QList<int>({5}));
    const IssueQuery resorted =
        both.combined(IssueQuery::parse(QStringLiteral("sort:comments")).query());
    EXPECT_EQ(resorted.sort().field, QuerySort::Field::Comments);
}

TEST(QueryMatch, SelectUsesTheIndexOnlyWhenItIsInStep)
{
    const QList<Issue> issues = Mainstay::Test::queryFixture();
    const IssueQuery query = IssueQuery::parse(QStringLiteral("logger sort:updated-asc")).query();
    IssueSearchIndex index;
    index.rebuild(issues);
    const QList<qsizetype> withIndex = query.selectRows(issues, &index);
    EXPECT_EQ(withIndex, query.selectRows(issues));
    // An index for other items (here: for none) is ignored rather than misread.
    IssueSearchIndex stale;
    EXPECT_EQ(query.selectRows(issues, &stale), withIndex);
    EXPECT_EQ(withIndex.size(), 9);
}
