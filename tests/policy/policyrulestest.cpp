// The rules a policy drives: which board column a card sits in, what moving it changes, how
// titles parse, how path globs match and how placeholders fill.

#include "arearule.h"
#include "policy.h"
#include "policytext.h"

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

const Policy &policy()
{
    return Policy::defaultPolicy();
}

int column(const char *id)
{
    const int index = policy().columnIndex(QString::fromUtf8(id));
    EXPECT_GE(index, 0) << id;
    return index;
}

QStringList applied(QStringList labels, const LabelChange &change)
{
    for (const QString &name : change.remove)
        labels.removeIf(
            [&](const QString &label) { return label.compare(name, Qt::CaseInsensitive) == 0; });
    labels += change.add;
    return labels;
}

TEST(Board, ColumnsFollowTheTriageFlowInOrder)
{
    QStringList ids;
    QStringList titles;
    for (const BoardColumn &column : policy().boardColumns) {
        ids.append(column.id);
        titles.append(column.title);
    }
    EXPECT_EQ(ids, QStringList({"new", "waiting-on-author", "confirmed-bugs", "features-and-rfcs",
                                "help-wanted", "revisit", "pending-release"}));
    EXPECT_EQ(titles,
              QStringList({"New", "Waiting on author", "Confirmed bugs", "Features and RFCs",
                           "Help wanted", "Revisit", "Pending release"}));
    EXPECT_EQ(policy().columnIndex(u"no-such-column"), -1);
}

struct ColumnCase
{
    QStringList labels;
    const char *column; // nullptr: no column
};

void PrintTo(const ColumnCase &c, std::ostream *os)
{
    *os << c.labels.join(u',').toStdString();
}

class ColumnForTest : public ::testing::TestWithParam<ColumnCase>
{};

TEST_P(ColumnForTest, PutsTheCardInTheFirstMatchingColumn)
{
    const int expected = GetParam().column ? column(GetParam().column) : -1;
    EXPECT_EQ(policy().columnFor(GetParam().labels), expected);

    QList<Label> labels;
    for (const QString &name : GetParam().labels)
        labels.append(Label{0, name, QStringLiteral("ffffff"), QString(), false});
    EXPECT_EQ(policy().columnFor(labels), expected);
}

INSTANTIATE_TEST_SUITE_P(
    EachColumn, ColumnForTest,
    ::testing::Values(
        ColumnCase{{"triage"}, "new"}, ColumnCase{{"need-more-information"}, "waiting-on-author"},
        ColumnCase{{"need-customer-feedback"}, "waiting-on-author"},
        ColumnCase{{"bug"}, "confirmed-bugs"}, ColumnCase{{"bug-upstream"}, "confirmed-bugs"},
        ColumnCase{{"feature-request"}, "features-and-rfcs"},
        ColumnCase{{"RFC"}, "features-and-rfcs"}, ColumnCase{{"need-rfc"}, "features-and-rfcs"},
        ColumnCase{{"help wanted"}, "help-wanted"}, ColumnCase{{"good first issue"}, "help-wanted"},
        ColumnCase{{"revisit-in-3-months"}, "revisit"},
        ColumnCase{{"pending-release"}, "pending-release"}));

INSTANTIATE_TEST_SUITE_P(
    FirstMatchWins, ColumnForTest,
    ::testing::Values(
        // A new bug report carries both `bug` and `triage` from the issue template.
        ColumnCase{{"bug", "triage"}, "new"},
        ColumnCase{{"feature-request", "need-more-information"}, "waiting-on-author"},
        ColumnCase{{"bug", "feature-request"}, "confirmed-bugs"},
        ColumnCase{{"RFC", "documentation"}, "features-and-rfcs"},
        // `except`: a later state keeps a card out of an earlier column.
        ColumnCase{{"bug", "help wanted"}, "help-wanted"},
        ColumnCase{{"need-customer-feedback", "revisit-in-3-months"}, "revisit"},
        ColumnCase{{"bug", "pending-release"}, "pending-release"},
        ColumnCase{{"feature-request", "good first issue", "pending-release"}, "pending-release"},
        ColumnCase{{"triage", "pending-release"}, "new"}));

INSTANTIATE_TEST_SUITE_P(NamesIgnoreCase, ColumnForTest,
                         ::testing::Values(ColumnCase{{"BUG"}, "confirmed-bugs"},
                                           ColumnCase{{"Help Wanted"}, "help-wanted"},
                                           ColumnCase{{"rfc"}, "features-and-rfcs"}));

INSTANTIATE_TEST_SUITE_P(NoColumn, ColumnForTest,
                         ::testing::Values(ColumnCase{{}, nullptr},
                                           ColumnCase{{"documentation"}, nullptr},
                                           ColumnCase{{"size/XS", "feature", "logger"}, nullptr},
                                           ColumnCase{{"not-a-bug"}, nullptr}));

struct MoveCase
{
    QStringList labels;
    const char *column;
    QStringList add;
    QStringList remove;
};

void PrintTo(const MoveCase &c, std::ostream *os)
{
    *os << c.labels.join(u',').toStdString() << " -> " << c.column;
}

class MoveTest : public ::testing::TestWithParam<MoveCase>
{};

TEST_P(MoveTest, ChangesOnlyTheLabelsTheColumnDefines)
{
    const MoveCase &c = GetParam();
    const int target = column(c.column);
    const LabelChange change = policy().labelChangeForMove(c.labels, target);
    EXPECT_EQ(change.add, c.add);
    EXPECT_EQ(change.remove, c.remove);
    EXPECT_EQ(policy().columnFor(applied(c.labels, change)), target);
}

INSTANTIATE_TEST_SUITE_P(
    EveryColumn, MoveTest,
    ::testing::Values(
        MoveCase{{"bug", "need-more-information"}, "new", {"triage"}, {"need-more-information"}},
        MoveCase{{"triage", "bug"}, "waiting-on-author", {"need-more-information"}, {"triage"}},
        MoveCase{{"triage", "bug"}, "confirmed-bugs", {}, {"triage"}},
        MoveCase{{"triage"}, "confirmed-bugs", {"bug"}, {"triage"}},
        MoveCase{{"triage", "bug"}, "features-and-rfcs", {"feature-request"}, {"triage", "bug"}},
        MoveCase{{"bug"}, "help-wanted", {"help wanted"}, {}},
        MoveCase{{"need-customer-feedback"}, "revisit", {"revisit-in-3-months"}, {}},
        MoveCase{{"bug", "need-more-information"},
                 "pending-release",
                 {"pending-release"},
                 {"need-more-information"}}));

INSTANTIATE_TEST_SUITE_P(
    Details, MoveTest,
    ::testing::Values(
        // Already waiting on the author: no second "need" label.
        MoveCase{{"need-customer-feedback"}, "waiting-on-author", {}, {}},
        // The guide replaces `bug` by `bug-upstream`; confirming it must not add `bug` back.
        MoveCase{{"bug-upstream", "triage"}, "confirmed-bugs", {}, {"triage"}},
        // Moving out of a later column takes its label off, since it would hold the card.
        MoveCase{{"bug", "help wanted"}, "confirmed-bugs", {}, {"help wanted"}},
        MoveCase{{"bug", "pending-release"},
                 "waiting-on-author",
                 {"need-more-information"},
                 {"pending-release"}},
        // `not-a-bug` records a misfiling, so it survives a move to feature requests.
        MoveCase{{"not-a-bug", "bug"}, "features-and-rfcs", {"feature-request"}, {"bug"}},
        // Names on the card keep the card's spelling, and compare without case.
        MoveCase{{"Triage"}, "help-wanted", {"help wanted"}, {"Triage"}}));

TEST(Board, EveryMoveLandsInItsColumn)
{
    const QList<QStringList> cards = {
        {},
        {"triage"},
        {"triage", "bug"},
        {"triage", "feature-request"},
        {"need-more-information", "bug"},
        {"need-customer-feedback", "revisit-in-3-months"},
        {"bug", "help wanted"},
        {"bug-upstream"},
        {"RFC", "need-rfc"},
        {"good first issue", "feature-request"},
        {"revisit-in-3-months", "bug"},
        {"pending-release", "bug"},
        {"pending-release", "help wanted", "triage"},
        {"documentation", "not-a-bug"},
    };
    for (int target = 0; target < policy().boardColumns.size(); ++target) {
        for (const QStringList &card : cards) {
            const LabelChange change = policy().labelChangeForMove(card, target);
            EXPECT_EQ(policy().columnFor(applied(card, change)), target)
                << card.join(u',').toStdString() << " -> "
                << policy().boardColumns[target].id.toStdString();
            // Moving again changes nothing: the card is already where it should be.
            EXPECT_TRUE(policy().labelChangeForMove(applied(card, change), target).isEmpty())
                << card.join(u',').toStdString();
        }
    }
}

TEST(Board, MoveToAMissingColumnChangesNothing)
{
    EXPECT_TRUE(policy().labelChangeForMove(QStringList{"bug"}, -1).isEmpty());
    EXPECT_TRUE(policy().labelChangeForMove(QStringList{"bug"}, 99).isEmpty());
}

TEST(Board, MoveTakesDomainLabels)
{
    const QList<Label> labels = {Label{1, QStringLiteral("triage"), {}, {}, false},
                                 Label{2, QStringLiteral("bug"), {}, {}, false}};
    const LabelChange change = policy().labelChangeForMove(labels, column("confirmed-bugs"));
    EXPECT_EQ(change.add, QStringList());
    EXPECT_EQ(change.remove, QStringList{"triage"});
}

struct TitleCase
{
    const char *title;
    bool valid;
    const char *type;
    const char *scope;
    bool breaking;
    QStringList labels;
};

void PrintTo(const TitleCase &c, std::ostream *os)
{
    *os << c.title;
}

class SemanticTitleTest : public ::testing::TestWithParam<TitleCase>
{};

TEST_P(SemanticTitleTest, ParsesTypeScopeAndBreakingMark)
{
    const TitleCase &c = GetParam();
    const SemanticTitlePolicy &titles = policy().semanticTitles;
    const SemanticTitle parsed = titles.parse(QString::fromUtf8(c.title));
    EXPECT_EQ(parsed.isValid(), c.valid) << parsed.problem.toStdString();
    EXPECT_EQ(parsed.problem.isEmpty(), c.valid);
    if (c.valid) {
        EXPECT_EQ(parsed.type, QString::fromUtf8(c.type));
        EXPECT_EQ(parsed.scope, QString::fromUtf8(c.scope));
        EXPECT_EQ(parsed.breaking, c.breaking);
        EXPECT_FALSE(parsed.subject.isEmpty());
    }
    EXPECT_EQ(titles.labelsFor(QString::fromUtf8(c.title)), c.labels);
}

INSTANTIATE_TEST_SUITE_P(
    Titles, SemanticTitleTest,
    ::testing::Values(
        TitleCase{"feat(logger): add a correlation id", true, "feat", "logger", false, {"feature"}},
        TitleCase{"chore(ci): pin actions by digest", true, "chore", "ci", false, {"internal"}},
        TitleCase{"fix: handle empty batches", true, "fix", "", false, {"bug"}},
        TitleCase{
            "docs(tracer): explain cold starts", true, "docs", "tracer", false, {"documentation"}},
        TitleCase{"feat(parser)!: drop pydantic v1",
                  true,
                  "feat",
                  "parser",
                  true,
                  {"feature", "breaking-change"}},
        TitleCase{"refactor!: rename the resolver",
                  true,
                  "refactor",
                  "",
                  true,
                  {"internal", "breaking-change"}},
        TitleCase{"deps: bump boto3", true, "deps", "", false, {"dependencies"}},
        TitleCase{"test(idempotency): cover expiry", true, "test", "idempotency", false, {"tests"}},
        TitleCase{"revert: feat(logger): add a correlation id", true, "revert", "", false, {}},
        TitleCase{"feat(logger,tracer): share the service name",
                  true,
                  "feat",
                  "logger,tracer",
                  false,
                  {"feature"}},
        TitleCase{"Add a correlation id", false, "", "", false, {}},
        TitleCase{"feature(logger): add a correlation id", false, "", "", false, {}},
        TitleCase{"Feat: add a correlation id", false, "", "", false, {}},
        TitleCase{"feat(): empty scope", false, "", "", false, {}},
        TitleCase{"feat(logger):missing space", false, "", "", false, {}},
        TitleCase{"feat(logger): ", false, "", "", false, {}},
        TitleCase{"feat logger: space in the type", false, "", "", false, {}},
        TitleCase{"featlogger): unbalanced", false, "", "", false, {}}));

TEST(SemanticTitles, ProblemsNameTheAllowedTypes)
{
    const SemanticTitle parsed = policy().semanticTitles.parse(u"feature: x");
    EXPECT_TRUE(parsed.problem.contains(QStringLiteral("`feature`")));
    EXPECT_TRUE(parsed.problem.contains(QStringLiteral("feat, fix, docs")));
}

TEST(SemanticTitles, ScopeListAndRequiredScope)
{
    SemanticTitlePolicy titles = policy().semanticTitles;
    titles.scopes = QStringList{"logger", "ci"};
    titles.requireScope = true;
    EXPECT_TRUE(titles.parse(u"chore(ci): bump").isValid());
    EXPECT_TRUE(titles.parse(u"fix(logger, ci): both").isValid());
    const SemanticTitle unknown = titles.parse(u"fix(tracer): x");
    EXPECT_FALSE(unknown.isValid());
    EXPECT_TRUE(unknown.problem.contains(QStringLiteral("`tracer`")));
    EXPECT_FALSE(titles.parse(u"fix: no scope").isValid());
}

TEST(AreaRule, GlobsFollowPathRules)
{
    const AreaRule rule(QStringLiteral("docs"),
                        {"docs/**", "**/*.md", "src/*.{h,cpp}", "/mkdocs.yml", "a/**/z.txt"});
    ASSERT_TRUE(rule.isValid()) << rule.errorString().toStdString();
    EXPECT_TRUE(rule.matches(u"docs/index.md"));
    EXPECT_TRUE(rule.matches(u"docs/a/b/c.png"));
    EXPECT_TRUE(rule.matches(u"README.md"));
    EXPECT_TRUE(rule.matches(u"x/y/CHANGELOG.md"));
    EXPECT_TRUE(rule.matches(u"src/policy.cpp"));
    EXPECT_TRUE(rule.matches(u"src/policy.h"));
    EXPECT_TRUE(rule.matches(u"./mkdocs.yml"));
    EXPECT_TRUE(rule.matches(u"a/z.txt"));
    EXPECT_TRUE(rule.matches(u"a/b/c/z.txt"));
    EXPECT_FALSE(rule.matches(u"src/sub/policy.cpp"));
    EXPECT_FALSE(rule.matches(u"src/policy.hpp"));
    EXPECT_FALSE(rule.matches(u"docsx/index.html"));
    EXPECT_FALSE(rule.matches(u"sub/mkdocs.yml"));
    EXPECT_FALSE(rule.matches(u"a/z.txt.bak"));
}

TEST(AreaRule, QuestionMarkStaysInOneDirectoryAndRegexCharactersAreLiteral)
{
    const AreaRule rule(QStringLiteral("x"), {"file?.txt", "a+b(c).py"});
    EXPECT_TRUE(rule.matches(u"file1.txt"));
    EXPECT_FALSE(rule.matches(u"file/.txt"));
    EXPECT_FALSE(rule.matches(u"file12.txt"));
    EXPECT_TRUE(rule.matches(u"a+b(c).py"));
    EXPECT_FALSE(rule.matches(u"aab(c).py"));
}

TEST(AreaRule, UnreadableGlobsAreReported)
{
    const AreaRule unclosed(QStringLiteral("x"), {"src/*.{h,cpp"});
    EXPECT_FALSE(unclosed.isValid());
    EXPECT_TRUE(unclosed.errorString().contains(QStringLiteral("src/*.{h,cpp")));
    EXPECT_FALSE(unclosed.matches(u"src/a.h"));
    EXPECT_FALSE(AreaRule(QStringLiteral("x"), {}).isValid());
    EXPECT_FALSE(AreaRule(QStringLiteral("x"), {"{a,{b}}"}).isValid());
}

TEST(PolicyRules, MaintainersCompareLikeGitHubLogins)
{
    Policy custom = policy();
    custom.maintainers = {"LeandroDamascena", "sthulb"};
    EXPECT_TRUE(custom.isMaintainer(u"leandrodamascena"));
    EXPECT_TRUE(custom.isMaintainer(u"@SThulb"));
    EXPECT_FALSE(custom.isMaintainer(u"heitorlessa"));
}

TEST(PolicyRules, GanttRulesPickTheFirstMatchingSection)
{
    Policy custom = policy();
    custom.ganttSections = {
        {QRegularExpression(QStringLiteral("^Deploy (Beta|Prod)$")), QStringLiteral("Layer")},
        {QRegularExpression(QStringLiteral("Deploy")), QStringLiteral("Other deploys")},
    };
    EXPECT_EQ(custom.ganttSectionFor(u"Deploy Beta"), QStringLiteral("Layer"));
    EXPECT_EQ(custom.ganttSectionFor(u"SAR Deploy"), QStringLiteral("Other deploys"));
    EXPECT_TRUE(custom.ganttSectionFor(u"Quality checks").isEmpty());
}

TEST(PolicyRules, SizesWithoutATableGiveNoLabel)
{
    Policy custom = policy();
    custom.sizes.clear();
    EXPECT_TRUE(custom.sizeLabelFor(10).isEmpty());
}

TEST(PolicyText, FillsKnownPlaceholdersAndKeepsUnknownOnes)
{
    const QHash<QString, QString> values = {{"author", "octo"}, {"version", "v1.2.3"}};
    EXPECT_EQ(fillPlaceholders(u"Hi @{author}, {version} is out", values),
              QStringLiteral("Hi @octo, v1.2.3 is out"));
    EXPECT_EQ(fillPlaceholders(u"{unknown} {author}", values), QStringLiteral("{unknown} octo"));
    EXPECT_EQ(fillPlaceholders(u"{{author}} and {", values), QStringLiteral("{octo} and {"));
    EXPECT_EQ(fillPlaceholders(u"", values), QString());
}

} // namespace
