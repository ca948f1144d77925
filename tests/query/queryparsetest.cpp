#include "issuequery.h"
#include "queryfixture.h"

#include <gtest/gtest.h>

#include <limits>

using namespace Mainstay;
using Kind = QueryClause::Kind;

namespace {

constexpr qint64 lowest = std::numeric_limits<qint64>::min();
constexpr qint64 highest = std::numeric_limits<qint64>::max();

qint64 ms(const char *iso)
{
    return Mainstay::Test::utc(iso).toMSecsSinceEpoch();
}

} // namespace

// Every qualifier, operator and spelling, shown in canonical form; the canonical form parses
// back to the same query.
TEST(QueryParse, WritesEveryQualifierBackInCanonicalForm)
{
    const struct
    {
        const char *text;
        const char *canonical;
    } cases[] = {
        {"", ""},
        {"   ", ""},
        {"is:issue", "is:issue"},
        {"IS:PR", "is:pr"},
        {"is:open is:closed is:merged is:unmerged is:draft",
         "is:open is:closed is:merged is:unmerged is:draft"},
        {"Is:Open", "is:open"},
        {"type:pr state:closed", "is:pr is:closed"},
        {"type:issue state:open", "is:issue is:open"},
        {"label:bug", "label:bug"},
        {"Label:Bug", "label:Bug"},
        {"label:\"help wanted\"", "label:\"help wanted\""},
        {"label:bug,\"help wanted\",triage", "label:bug,\"help wanted\",triage"},
        {"label:\"bug\",\"size/M\"", "label:bug,size/M"},
        {"label:bug label:triage", "label:bug label:triage"},
        {"-label:triage", "-label:triage"},
        {"-label:bug,triage", "-label:bug,triage"},
        {"no:label no:assignee -no:label", "no:label no:assignee -no:label"},
        {"NO:Label", "no:label"},
        {"author:octocat assignee:Bob", "author:octocat assignee:Bob"},
        {"-author:dependabot[bot]", "-author:dependabot[bot]"},
        {"author:\"octocat\"", "author:octocat"},
        {"created:>2026-01-01 updated:>=2026-01-01 closed:<2026-01-01 merged:<=2026-01-01",
         "created:>2026-01-01 updated:>=2026-01-01 closed:<2026-01-01 merged:<=2026-01-01"},
        {"created:2026-01-01..2026-02-01 updated:*..2026-02-01 closed:2026-01-01..*",
         "created:2026-01-01..2026-02-01 updated:*..2026-02-01 closed:2026-01-01..*"},
        {"CREATED:>=2026-01-31T12:00:00Z", "created:>=2026-01-31T12:00:00Z"},
        {"created:=2026-01-31", "created:=2026-01-31"},
        {"comments:>5 reactions:>=1 number:<10 comments:<=3", "comments:>5 reactions:>=1 "
                                                              "number:<10 comments:<=3"},
        {"comments:=2 comments:7 reactions:1..3 reactions:*..3 number:5..*",
         "comments:=2 comments:7 reactions:1..3 reactions:*..3 number:5..*"},
        {"sort:updated", "sort:updated-desc"},
        {"sort:Created-ASC", "sort:created-asc"},
        {"sort:comments-desc", "sort:comments-desc"},
        {"sort:reactions", "sort:reactions-desc"},
        {"logger sort:comments-asc is:open", "logger is:open sort:comments-asc"},
        {"logger \"exact phrase\"", "logger \"exact phrase\""},
        {"-wontfix -\"not this\"", "-wontfix -\"not this\""},
        {"#123", "#123"},
        {"-#123", "-#123"},
        {"\"#123\"", "\"#123\""},
        {"#12345678901", "#12345678901"}, // too long for a number: text
        {"   logger    timeout   ", "logger timeout"},
        {"\tlogger\ntimeout", "logger timeout"},
        {"\"\"", ""},
        {"feat(logger):", "feat(logger):"},
        {"10:30", "10:30"},
        {"-", "-"},
        {"foo\"bar baz\"", "\"foobar baz\""},
        {"Logger", "Logger"},
    };
    for (const auto &c : cases) {
        const QueryParseResult result = IssueQuery::parse(QString::fromUtf8(c.text));
        ASSERT_TRUE(result.isOk()) << c.text << ": " << result.error().message().toStdString();
        const QString canonical = result.query().toString();
        EXPECT_EQ(canonical, QString::fromUtf8(c.canonical)) << c.text;
        const QueryParseResult again = IssueQuery::parse(canonical);
        ASSERT_TRUE(again.isOk()) << canonical.toStdString();
        EXPECT_EQ(again.query(), result.query()) << c.text;
    }
}

TEST(QueryParse, CompilesBoundsForDatesAndCounts)
{
    const struct
    {
        const char *text;
        Kind kind;
        bool negated;
        qint64 low;
        qint64 high;
    } cases[] = {
        // A date stands for its whole UTC day.
        {"created:2026-01-01", Kind::Created, false, ms("2026-01-01T00:00:00Z"),
         ms("2026-01-02T00:00:00Z") - 1},
        {"created:=2026-01-01", Kind::Created, false, ms("2026-01-01T00:00:00Z"),
         ms("2026-01-02T00:00:00Z") - 1},
        {"created:>2026-01-01", Kind::Created, false, ms("2026-01-02T00:00:00Z"), highest},
        {"created:>=2026-01-01", Kind::Created, false, ms("2026-01-01T00:00:00Z"), highest},
        {"created:<2026-01-01", Kind::Created, false, lowest, ms("2026-01-01T00:00:00Z") - 1},
        {"created:<=2026-01-01", Kind::Created, false, lowest, ms("2026-01-02T00:00:00Z") - 1},
        {"updated:2024-02-29", Kind::Updated, false, ms("2024-02-29T00:00:00Z"),
         ms("2024-03-01T00:00:00Z") - 1},
        // A timestamp stands for its instant.
        {"created:>2026-01-01T10:00:00Z", Kind::Created, false, ms("2026-01-01T10:00:00Z") + 1,
         highest},
        {"created:>=2026-01-01T10:00:00Z", Kind::Created, false, ms("2026-01-01T10:00:00Z"),
         highest},
        {"created:<2026-01-01T10:00:00Z", Kind::Created, false, lowest,
         ms("2026-01-01T10:00:00Z") - 1},
        {"created:<=2026-01-01T10:00:00Z", Kind::Created, false, lowest,
         ms("2026-01-01T10:00:00Z")},
        {"created:2026-01-01T10:00:00Z", Kind::Created, false, ms("2026-01-01T10:00:00Z"),
         ms("2026-01-01T10:00:00Z")},
        {"created:2026-01-01T10:00", Kind::Created, false, ms("2026-01-01T10:00:00Z"),
         ms("2026-01-01T10:00:00Z")},
        {"created:2026-01-01t10:00:00z", Kind::Created, false, ms("2026-01-01T10:00:00Z"),
         ms("2026-01-01T10:00:00Z")},
        {"created:2026-01-01T10:00:00+02:00", Kind::Created, false, ms("2026-01-01T08:00:00Z"),
         ms("2026-01-01T08:00:00Z")},
        {"created:2026-01-01T10:00:00-0130", Kind::Created, false, ms("2026-01-01T11:30:00Z"),
         ms("2026-01-01T11:30:00Z")},
        {"created:2026-01-01T10:00:00.250Z", Kind::Created, false, ms("2026-01-01T10:00:00Z") + 250,
         ms("2026-01-01T10:00:00Z") + 250},
        // Ranges are inclusive at both ends.
        {"closed:2026-01-01..2026-01-31", Kind::Closed, false, ms("2026-01-01T00:00:00Z"),
         ms("2026-02-01T00:00:00Z") - 1},
        {"closed:*..2026-01-31", Kind::Closed, false, lowest, ms("2026-02-01T00:00:00Z") - 1},
        {"closed:2026-01-01..*", Kind::Closed, false, ms("2026-01-01T00:00:00Z"), highest},
        {"merged:*..*", Kind::Merged, false, lowest, highest},
        {"merged:2026-01-01T10:00:00Z..2026-01-01T11:00:00Z", Kind::Merged, false,
         ms("2026-01-01T10:00:00Z"), ms("2026-01-01T11:00:00Z")},
        {"-updated:>2026-01-01", Kind::Updated, true, ms("2026-01-02T00:00:00Z"), highest},
        // Counts.
        {"comments:>5", Kind::Comments, false, 6, highest},
        {"comments:>=5", Kind::Comments, false, 5, highest},
        {"comments:<5", Kind::Comments, false, lowest, 4},
        {"comments:<=5", Kind::Comments, false, lowest, 5},
        {"comments:=5", Kind::Comments, false, 5, 5},
        {"comments:5", Kind::Comments, false, 5, 5},
        {"comments:2..4", Kind::Comments, false, 2, 4},
        {"comments:3..3", Kind::Comments, false, 3, 3},
        {"reactions:*..4", Kind::Reactions, false, lowest, 4},
        {"reactions:4..*", Kind::Reactions, false, 4, highest},
        {"-reactions:>0", Kind::Reactions, true, 1, highest},
        {"number:0", Kind::Number, false, 0, 0},
        {"#42", Kind::Number, false, 42, 42},
        {"-#42", Kind::Number, true, 42, 42},
    };
    for (const auto &c : cases) {
        const QueryParseResult result = IssueQuery::parse(QString::fromUtf8(c.text));
        ASSERT_TRUE(result.isOk()) << c.text << ": " << result.error().message().toStdString();
        ASSERT_EQ(result.query().clauses().size(), 1) << c.text;
        const QueryClause &clause = result.query().clauses().constFirst();
        EXPECT_EQ(clause.kind, c.kind) << c.text;
        EXPECT_EQ(clause.negated, c.negated) << c.text;
        EXPECT_EQ(clause.low, c.low) << c.text;
        EXPECT_EQ(clause.high, c.high) << c.text;
    }
}

TEST(QueryParse, KeepsNamesAsWrittenAndFoldsThemOnce)
{
    const QueryParseResult result =
        IssueQuery::parse(QStringLiteral("label:\"Help Wanted\",BUG author:OctoCat LoGgEr"));
    ASSERT_TRUE(result.isOk());
    const QList<QueryClause> &clauses = result.query().clauses();
    ASSERT_EQ(clauses.size(), 3);
    EXPECT_EQ(clauses[0].kind, Kind::Label);
    EXPECT_EQ(clauses[0].values, QStringList({"Help Wanted", "BUG"}));
    EXPECT_EQ(clauses[0].foldedValues, QStringList({"help wanted", "bug"}));
    EXPECT_EQ(clauses[1].kind, Kind::Author);
    EXPECT_EQ(clauses[1].foldedValues, QStringList({"octocat"}));
    EXPECT_EQ(clauses[2].kind, Kind::Text);
    EXPECT_EQ(clauses[2].term, QStringLiteral("logger"));
    EXPECT_EQ(clauses[2].termUtf8, QByteArray("logger"));
    EXPECT_TRUE(result.query().hasText());
    EXPECT_TRUE(result.query().hasConditions());
}

TEST(QueryParse, MapsKeywordsToClauseKinds)
{
    const struct
    {
        const char *text;
        Kind kind;
    } cases[] = {
        {"is:issue", Kind::IsIssue},       {"is:pr", Kind::IsPullRequest},
        {"type:pr", Kind::IsPullRequest},  {"is:open", Kind::IsOpen},
        {"state:closed", Kind::IsClosed},  {"is:merged", Kind::IsMerged},
        {"is:unmerged", Kind::IsUnmerged}, {"is:draft", Kind::IsDraft},
        {"no:label", Kind::NoLabel},       {"no:assignee", Kind::NoAssignee},
        {"assignee:x", Kind::Assignee},    {"logger", Kind::Text},
    };
    for (const auto &c : cases) {
        const QueryParseResult result = IssueQuery::parse(QString::fromUtf8(c.text));
        ASSERT_TRUE(result.isOk()) << c.text;
        ASSERT_EQ(result.query().clauses().size(), 1) << c.text;
        EXPECT_EQ(result.query().clauses().constFirst().kind, c.kind) << c.text;
    }
}

TEST(QueryParse, SortAloneFiltersNothing)
{
    const IssueQuery query = IssueQuery::parse(QStringLiteral("sort:updated-asc")).query();
    EXPECT_FALSE(query.isEmpty());
    EXPECT_FALSE(query.hasConditions());
    EXPECT_EQ(query.sort(), (QuerySort{QuerySort::Field::Updated, Qt::AscendingOrder}));
    EXPECT_TRUE(IssueQuery().isEmpty());
    EXPECT_TRUE(IssueQuery::parse(QStringLiteral("  ")).query().isEmpty());
}

TEST(QueryParse, ReportsTheFirstErrorWithItsPositionAndAHint)
{
    const struct
    {
        const char *text;
        int position;
        int length;
        const char *message;
    } cases[] = {
        {"lable:bug", 0, 5, "unknown qualifier \"lable\" at 0 (did you mean \"label\"?)"},
        {"is:open LABEL:bug Lable:x", 18, 5,
         "unknown qualifier \"Lable\" at 18 (did you mean \"label\"?)"},
        {"-lable:x", 1, 5, "unknown qualifier \"lable\" at 1 (did you mean \"label\"?)"},
        {"assigne:bob", 0, 7, "unknown qualifier \"assigne\" at 0 (did you mean \"assignee\"?)"},
        {"labels:bug", 0, 6, "unknown qualifier \"labels\" at 0 (did you mean \"label\"?)"},
        {"foo:bar", 0, 3,
         "unknown qualifier \"foo\" at 0 (known qualifiers: is, type, state, no, label, author, "
         "assignee, created, updated, closed, merged, comments, reactions, number, sort; to "
         "search for text with a colon, put it in quotes)"},
        {"is:opne", 3, 4, "unknown value \"opne\" for \"is:\" at 3 (did you mean \"open\"?)"},
        {"is:foo", 3, 3,
         "unknown value \"foo\" for \"is:\" at 3 (expected one of issue, pr, open, closed, "
         "merged, unmerged, draft)"},
        {"is:", 3, 0, "\"is:\" needs one of issue, pr, open, closed, merged, unmerged, draft at 3"},
        {"type:draft", 5, 5,
         "unknown value \"draft\" for \"type:\" at 5 (expected one of issue, pr)"},
        {"no:milestone", 3, 9,
         "unknown value \"milestone\" for \"no:\" at 3 (expected one of label, assignee)"},
        {"label:", 6, 0, "\"label:\" needs a label name like bug or \"help wanted\" at 6"},
        {"label:bug,", 10, 0, "\"label:\" needs a label name like bug or \"help wanted\" at 10"},
        {"label:,bug", 6, 0, "\"label:\" needs a label name like bug or \"help wanted\" at 6"},
        {"label:\" \"", 6, 3, "\"label:\" needs a label name like bug or \"help wanted\" at 6"},
        {"author:", 7, 0, "\"author:\" needs a login like octocat at 7"},
        {"is:open updated:>yesterday", 17, 9, "\"updated:\" needs a date like 2026-01-31 at 17"},
        {"updated:", 8, 0, "\"updated:\" needs a date like 2026-01-31 at 8"},
        {"created:2026-1-5", 8, 8, "\"created:\" needs a date like 2026-01-31 at 8"},
        {"created:>=", 10, 0, "\"created:\" needs a date like 2026-01-31 at 10"},
        {"created:2026-02-30", 8, 10, "there is no day 2026-02-30 at 8"},
        {"created:2026-01-31T25:00", 8, 16,
         "\"created:\" needs a date like 2026-01-31 at 8 (a time looks like "
         "2026-01-31T12:00:00Z)"},
        {"created:2026-01-31..", 20, 0, "\"created:\" needs a date like 2026-01-31 at 20"},
        {"closed:..2026-01-31", 7, 0, "\"closed:\" needs a date like 2026-01-31 at 7"},
        {"created:2026-02-01..2026-01-01", 8, 22,
         "range 2026-02-01..2026-01-01 ends before it starts at 8 (write the earlier end first)"},
        {"comments:many", 9, 4, "\"comments:\" needs a number like 5, >5 or 1..10 at 9"},
        {"comments:>-1", 10, 2, "\"comments:\" needs a number like 5, >5 or 1..10 at 10"},
        {"reactions:1..x", 13, 1, "\"reactions:\" needs a number like 5, >5 or 1..10 at 13"},
        {"number:1234567890", 7, 10, "\"number:\" needs a number like 5, >5 or 1..10 at 7"},
        {"comments:5..2", 9, 4,
         "range 5..2 ends before it starts at 9 (write the earlier end first)"},
        {"logger \"unterminated", 7, 13, "unterminated quote at 7"},
        {"label:\"help wanted", 6, 12, "unterminated quote at 6"},
        {"sort:", 5, 0,
         "\"sort:\" needs an order like updated-desc at 5 (sort by created, updated, comments "
         "or reactions, each with -asc or -desc)"},
        {"sort:updatd", 5, 6,
         "unknown value \"updatd\" for \"sort:\" at 5 (did you mean "
         "\"updated\"?)"},
        {"sort:name", 5, 4,
         "unknown value \"name\" for \"sort:\" at 5 (sort by created, updated, comments or "
         "reactions, each with -asc or -desc)"},
        {"-sort:updated", 0, 13,
         "\"sort:\" cannot be negated at 0 (remove the \"-\"; use -asc or -desc for the "
         "direction)"},
        {"sort:updated sort:created", 13, 12, "\"sort:\" is given twice at 13 (keep one)"},
        {"lable:x is:foo", 0, 5, "unknown qualifier \"lable\" at 0 (did you mean \"label\"?)"},
    };
    for (const auto &c : cases) {
        const QueryParseResult result = IssueQuery::parse(QString::fromUtf8(c.text));
        ASSERT_FALSE(result.isOk()) << c.text;
        EXPECT_EQ(result.error().position, c.position) << c.text;
        EXPECT_EQ(result.error().length, c.length) << c.text;
        EXPECT_EQ(result.error().message(), QString::fromUtf8(c.message)) << c.text;
        EXPECT_TRUE(result.query().isEmpty()) << "a failed parse hands out no partial query";
    }
}

TEST(QueryParse, MarksTheErrorSpanForATerminal)
{
    const QueryParseResult misspelt = IssueQuery::parse(QStringLiteral("is:open lable:bug"));
    ASSERT_FALSE(misspelt.isOk());
    EXPECT_EQ(misspelt.error().marker(), QStringLiteral("        ^^^^^"));
    const QueryParseResult missing = IssueQuery::parse(QStringLiteral("label:"));
    ASSERT_FALSE(missing.isOk());
    EXPECT_EQ(missing.error().marker(), QStringLiteral("      ^"));
}
