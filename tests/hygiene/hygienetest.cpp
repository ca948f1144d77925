// The hygiene rules behind the PR list and `mainstay lint`, table-driven over the built-in
// policy, plus a custom policy to show that every label name comes from the policy.

#include "hygienechecker.h"
#include "hygienerules.h"
#include "manualclock.h"
#include "policy.h"
#include "policyloader.h"
#include "pullrequest.h"

#include <QHash>

#include <gtest/gtest.h>

using namespace Mainstay;

namespace Mainstay {

// Readable failures: the label sets a fix changes, not their bytes.
void PrintTo(const LabelChange &change, std::ostream *os)
{
    *os << "add [" << change.add.join(QStringLiteral(", ")).toStdString() << "] remove ["
        << change.remove.join(QStringLiteral(", ")).toStdString() << ']';
}

void PrintTo(const HygieneFinding &finding, std::ostream *os)
{
    *os << '#' << finding.number << ' ' << finding.rule.toStdString() << ": "
        << finding.message.toStdString();
}

} // namespace Mainstay

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

QList<Label> labels(const QStringList &names)
{
    QList<Label> result;
    for (const QString &name : names)
        result.append(Label{0, name, QString(), QString(), false});
    return result;
}

// An open PR that passes every rule of the default policy: a valid title with its type label,
// the right size label and a closing reference.
PullRequest goodPullRequest(int number = 42)
{
    PullRequest pr;
    pr.number = number;
    pr.title = QStringLiteral("feat(logger): add a correlation id");
    pr.labels = labels({QStringLiteral("feature"), QStringLiteral("size/XS")});
    pr.additions = 3;
    pr.deletions = 2;
    pr.linkedIssues = {7};
    pr.createdAt = t0;
    pr.updatedAt = t0;
    return pr;
}

HygieneContext contextAt(const ManualClock &clock)
{
    HygieneContext context;
    context.clock = &clock;
    return context;
}

QList<HygieneFinding> findingsOf(const QList<HygieneFinding> &all, QStringView rule)
{
    QList<HygieneFinding> result;
    for (const HygieneFinding &finding : all)
        if (finding.rule == rule)
            result.append(finding);
    return result;
}

QList<HygieneFinding> run(const PullRequest &pr, QStringView rule,
                          const HygieneContext &context = {})
{
    return HygieneChecker().check(pr, context, {rule.toString()});
}

TEST(HygieneRules, HaveStableIdsInReportOrder)
{
    EXPECT_EQ(HygieneChecker::ruleIds(),
              (QStringList{"semantic-title", "type-label", "size-label", "linked-issue",
                           "do-not-merge", "pending-release", "area-label", "stale"}));
    EXPECT_EQ(HygieneChecker::unknownRuleIds({"size-label", "sise-label", "sise-label"}),
              QStringList{"sise-label"});
}

TEST(HygieneRules, AGoodPullRequestIsClean)
{
    const ManualClock clock(t0.addDays(1));
    EXPECT_EQ(HygieneChecker().check(goodPullRequest(), contextAt(clock)), QList<HygieneFinding>());
}

// ---- size-label ---------------------------------------------------------------------------

struct SizeCase
{
    int additions;
    int deletions;
    const char *expected;
};

void PrintTo(const SizeCase &c, std::ostream *os)
{
    *os << c.additions << '+' << c.deletions << " -> " << c.expected;
}

class SizeLabelTest : public ::testing::TestWithParam<SizeCase>
{};

TEST_P(SizeLabelTest, ExpectsTheLabelOfTheChangedLines)
{
    const QString expected = QString::fromUtf8(GetParam().expected);
    PullRequest pr = goodPullRequest();
    pr.additions = GetParam().additions;
    pr.deletions = GetParam().deletions;

    // Right label: clean.
    pr.labels = labels({QStringLiteral("feature"), expected});
    EXPECT_TRUE(run(pr, HygieneRules::sizeLabel).isEmpty());

    // No size label: add it, remove nothing.
    pr.labels = labels({QStringLiteral("feature")});
    QList<HygieneFinding> findings = run(pr, HygieneRules::sizeLabel);
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].rule, QStringLiteral("size-label"));
    EXPECT_EQ(findings[0].number, 42);
    EXPECT_EQ(findings[0].fix, (LabelChange{{expected}, {}}));
    EXPECT_TRUE(findings[0].message.contains(expected)) << findings[0].message.toStdString();

    // Wrong ones (every other size label): all come off, the right one goes on; other
    // labels stay.
    QStringList wrong = Policy::defaultPolicy().sizeLabels();
    wrong.removeAll(expected);
    pr.labels = labels(QStringList{QStringLiteral("feature")} + wrong);
    findings = run(pr, HygieneRules::sizeLabel);
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, (LabelChange{{expected}, wrong}));

    // The right label among wrong ones: only the wrong ones come off.
    pr.labels = labels(QStringList{expected} + wrong);
    findings = run(pr, HygieneRules::sizeLabel);
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, (LabelChange{{}, wrong}));
}

INSTANTIATE_TEST_SUITE_P(DefaultPolicyBoundaries, SizeLabelTest,
                         ::testing::Values(SizeCase{0, 0, "size/XS"}, SizeCase{9, 0, "size/XS"},
                                           SizeCase{5, 5, "size/S"}, SizeCase{0, 29, "size/S"},
                                           SizeCase{30, 0, "size/M"}, SizeCase{50, 49, "size/M"},
                                           SizeCase{100, 0, "size/L"}, SizeCase{499, 0, "size/L"},
                                           SizeCase{250, 250, "size/XL"},
                                           SizeCase{999, 0, "size/XL"},
                                           SizeCase{1000, 0, "size/XXL"},
                                           SizeCase{40000, 2000, "size/XXL"}));

TEST(SizeLabel, IsSkippedWhileTheSizeIsUnknownOrThePullRequestIsClosed)
{
    PullRequest pr = goodPullRequest();
    pr.labels = labels({QStringLiteral("feature")});
    pr.additions = -1;
    pr.deletions = -1;
    EXPECT_TRUE(run(pr, HygieneRules::sizeLabel).isEmpty());
    pr.additions = 500;
    pr.deletions = 0;
    pr.state = Issue::State::Closed;
    EXPECT_TRUE(run(pr, HygieneRules::sizeLabel).isEmpty());
}

TEST(SizeLabel, ComparesLabelsWithoutCase)
{
    PullRequest pr = goodPullRequest();
    pr.labels = labels({QStringLiteral("feature"), QStringLiteral("SIZE/xs")});
    EXPECT_TRUE(run(pr, HygieneRules::sizeLabel).isEmpty());
}

// ---- semantic-title -----------------------------------------------------------------------

class ValidTitleTest : public ::testing::TestWithParam<SemanticTitlePolicy::Type>
{};

TEST_P(ValidTitleTest, PassesAndImpliesItsTypeLabel)
{
    const SemanticTitlePolicy::Type &type = GetParam();
    for (const QString &title : {type.name + QStringLiteral(": do the thing"),
                                 type.name + QStringLiteral("(logger): do the thing"),
                                 type.name + QStringLiteral("(logger,tracer)!: do the thing")}) {
        PullRequest pr = goodPullRequest();
        pr.title = title;
        const bool breaking = title.contains(u'!');
        QStringList present{QStringLiteral("size/XS")};
        if (!type.label.isEmpty())
            present.append(type.label);
        pr.labels = labels(present);
        EXPECT_TRUE(run(pr, HygieneRules::semanticTitle).isEmpty()) << title.toStdString();

        // The type label missing: type-label adds it (and the breaking label for `!`).
        pr.labels = labels({QStringLiteral("size/XS")});
        const QList<HygieneFinding> findings = run(pr, HygieneRules::typeLabel);
        QStringList expectedAdd;
        if (!type.label.isEmpty()) {
            expectedAdd.append(type.label);
            if (breaking)
                expectedAdd.append(QStringLiteral("breaking-change"));
        }
        if (expectedAdd.isEmpty()) {
            EXPECT_TRUE(findings.isEmpty()) << title.toStdString();
        } else {
            ASSERT_EQ(findings.size(), 1) << title.toStdString();
            EXPECT_EQ(findings[0].fix, (LabelChange{expectedAdd, {}})) << title.toStdString();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(EveryDefaultType, ValidTitleTest,
                         ::testing::ValuesIn(Policy::defaultPolicy().semanticTitles.types),
                         [](const ::testing::TestParamInfo<SemanticTitlePolicy::Type> &info) {
                             return info.param.name.toStdString();
                         });

struct BadTitle
{
    const char *title;
    const char *reason; // a piece of the explanation
};

void PrintTo(const BadTitle &c, std::ostream *os)
{
    *os << c.title;
}

class BadTitleTest : public ::testing::TestWithParam<BadTitle>
{};

TEST_P(BadTitleTest, FailsWithTheReason)
{
    PullRequest pr = goodPullRequest();
    pr.title = QString::fromUtf8(GetParam().title);
    const QList<HygieneFinding> findings = HygieneChecker().check(pr, {});
    const QList<HygieneFinding> title = findingsOf(findings, HygieneRules::semanticTitle);
    ASSERT_EQ(title.size(), 1);
    EXPECT_EQ(title[0].severity, HygieneFinding::Severity::Error);
    EXPECT_FALSE(title[0].isFixable());
    EXPECT_TRUE(title[0].message.contains(QString::fromUtf8(GetParam().reason)))
        << title[0].message.toStdString();
    // A broken title implies no label, so type-label stays quiet and removes nothing.
    EXPECT_TRUE(findingsOf(findings, HygieneRules::typeLabel).isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, BadTitleTest,
    ::testing::Values(BadTitle{"Add a correlation id", "expected `type: description`"},
                      BadTitle{"feature(logger): add it", "unknown type `feature`"},
                      BadTitle{"Feat: add it", "unknown type `Feat`"},
                      BadTitle{"feat(): add it", "scope between the parentheses is empty"},
                      BadTitle{"feat logger): add it", "no `(`"},
                      BadTitle{"feat(logger):add it", "space and a description"},
                      BadTitle{"feat(logger): ", "space and a description"},
                      BadTitle{": add it", "expected `type: description`"},
                      BadTitle{"[WIP] feat: add it", "type right at the start"}));

// ---- type-label ---------------------------------------------------------------------------

struct TypeConflict
{
    const char *title;
    QStringList present;
    LabelChange fix;
};

void PrintTo(const TypeConflict &c, std::ostream *os)
{
    *os << c.title << " with [" << c.present.join(QStringLiteral(", ")).toStdString() << ']';
}

class TypeConflictTest : public ::testing::TestWithParam<TypeConflict>
{};

TEST_P(TypeConflictTest, FixesExactlyTheTypeLabels)
{
    PullRequest pr = goodPullRequest();
    pr.title = QString::fromUtf8(GetParam().title);
    pr.labels = labels(GetParam().present);
    const QList<HygieneFinding> findings = run(pr, HygieneRules::typeLabel);
    if (GetParam().fix.isEmpty()) {
        EXPECT_TRUE(findings.isEmpty());
        return;
    }
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, GetParam().fix);
    for (const QString &label : GetParam().fix.remove)
        EXPECT_TRUE(findings[0].message.contains(label)) << findings[0].message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    DefaultPolicy, TypeConflictTest,
    ::testing::Values(
        // fix: … labelled as a feature: swap; unrelated human labels stay.
        TypeConflict{"fix: crash", {"feature", "size/XS", "help wanted"}, {{"bug"}, {"feature"}}},
        // Several conflicting type labels all come off, the right one stays.
        TypeConflict{"chore(ci): pin", {"internal", "bug", "feature"}, {{}, {"bug", "feature"}}},
        // Two types share a label (perf and feat → feature): no conflict.
        TypeConflict{"perf: faster", {"feature"}, {}},
        // Labels of the same family that no type implies (bug-upstream, typing) are the
        // maintainer's, never removed.
        TypeConflict{"feat: x", {"feature", "bug-upstream", "tech-debt"}, {}},
        // `documentation` and `tests` are area labels too; with unknown files they stay.
        TypeConflict{"feat: x", {"feature", "documentation", "tests"}, {}},
        // The breaking label is added for `!`, and never removed without it.
        TypeConflict{"feat!: drop py3.8", {"feature"}, {{"breaking-change"}, {}}},
        TypeConflict{"feat: x", {"feature", "breaking-change"}, {}},
        // A type without a label (revert) leaves labelling to the maintainer.
        TypeConflict{"revert: feat: x", {"bug"}, {}},
        // Label names compare without case.
        TypeConflict{"fix: x", {"BUG"}, {}}));

TEST(TypeLabel, AnAreaTypeLabelConflictsOnlyWhenTheFilesDoNotCallForIt)
{
    PullRequest pr = goodPullRequest();
    pr.title = QStringLiteral("feat: x");
    pr.labels = labels({QStringLiteral("feature"), QStringLiteral("documentation")});
    QStringList files{QStringLiteral("docs/index.md")};
    HygieneContext context;
    context.changedFiles = [&](int number) -> std::optional<QStringList> {
        if (number == 42)
            return files;
        return std::nullopt;
    };
    EXPECT_TRUE(run(pr, HygieneRules::typeLabel, context).isEmpty());

    files = {QStringLiteral("aws_lambda_powertools/logging/logger.py")};
    const QList<HygieneFinding> findings = run(pr, HygieneRules::typeLabel, context);
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, (LabelChange{{}, {"documentation"}}));
}

// ---- linked-issue -------------------------------------------------------------------------

struct LinkCase
{
    const char *name;
    QList<int> closing;
    const char *body;
    QList<int> linked;
};

void PrintTo(const LinkCase &c, std::ostream *os)
{
    *os << c.name;
}

class LinkedIssueTest : public ::testing::TestWithParam<LinkCase>
{};

TEST_P(LinkedIssueTest, ReadsClosingReferencesAndTheTemplateLine)
{
    PullRequest pr = goodPullRequest();
    pr.linkedIssues = GetParam().closing;
    pr.body = QString::fromUtf8(GetParam().body);
    EXPECT_EQ(HygieneRules::linkedIssueNumbers(pr), GetParam().linked);
    const QList<HygieneFinding> findings = run(pr, HygieneRules::linkedIssue);
    if (!GetParam().linked.isEmpty()) {
        EXPECT_TRUE(findings.isEmpty());
        return;
    }
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, (LabelChange{{"need-issue", "do-not-merge"}, {}}));
}

INSTANTIATE_TEST_SUITE_P(
    DefaultPolicy, LinkedIssueTest,
    ::testing::Values(
        LinkCase{"closing reference", {12}, "", {12}},
        LinkCase{"template line", {}, "**Issue number:** #1234\n\n## Summary\n", {1234}},
        LinkCase{"template line with url",
                 {},
                 "## Issue\n**Issue number:** https://github.com/o/r/issues/77\n",
                 {77}},
        LinkCase{"both, once each", {5}, "**Issue number:** #5\n", {5}},
        LinkCase{"both, different", {5}, "**issue number:** #6", {5, 6}},
        LinkCase{"none", {}, "Just a change.", {}},
        LinkCase{"empty template line", {}, "**Issue number:** \n\n## Summary", {}},
        LinkCase{"placeholder", {}, "**Issue number:** #N", {}},
        LinkCase{"mentioned, not on the line", {}, "Related to #9 and **Issue number:** ", {}}));

TEST(LinkedIssue, AddsOnlyTheMissingLabels)
{
    PullRequest pr = goodPullRequest();
    pr.linkedIssues.clear();
    pr.labels += labels({QStringLiteral("Do-Not-Merge")});
    QList<HygieneFinding> findings = run(pr, HygieneRules::linkedIssue);
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, (LabelChange{{"need-issue"}, {}}));

    pr.labels += labels({QStringLiteral("need-issue")});
    findings = run(pr, HygieneRules::linkedIssue);
    ASSERT_EQ(findings.size(), 1); // still no issue: the finding stays, with nothing to do
    EXPECT_FALSE(findings[0].isFixable());
}

// ---- do-not-merge -------------------------------------------------------------------------

TEST(DoNotMerge, IsInformationalOnOpenPullRequests)
{
    PullRequest pr = goodPullRequest();
    EXPECT_TRUE(run(pr, HygieneRules::doNotMerge).isEmpty());
    pr.labels += labels({QStringLiteral("do-not-merge")});
    const QList<HygieneFinding> findings = run(pr, HygieneRules::doNotMerge);
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].severity, HygieneFinding::Severity::Info);
    EXPECT_FALSE(findings[0].isFixable());
    pr.state = Issue::State::Closed;
    EXPECT_TRUE(run(pr, HygieneRules::doNotMerge).isEmpty());
}

// ---- pending-release ----------------------------------------------------------------------

struct ReleaseCase
{
    const char *name;
    int mergedDaysAfterRelease; // negative: before
    bool hasLabel;
    bool lastReleaseKnown;
    bool expectFinding;
};

void PrintTo(const ReleaseCase &c, std::ostream *os)
{
    *os << c.name;
}

class PendingReleaseTest : public ::testing::TestWithParam<ReleaseCase>
{};

TEST_P(PendingReleaseTest, ListsLinkedIssuesWithoutTheLabel)
{
    PullRequest pr = goodPullRequest(50);
    pr.state = Issue::State::Closed;
    pr.mergedAt = t0.addDays(GetParam().mergedDaysAfterRelease);
    pr.linkedIssues = {7};
    pr.body = QStringLiteral("**Issue number:** #8");

    const QHash<int, QStringList> issues{
        {7, GetParam().hasLabel ? QStringList{"bug", "pending-release"} : QStringList{"bug"}},
        {8, {"feature-request", "Pending-Release"}}};
    HygieneContext context;
    if (GetParam().lastReleaseKnown)
        context.lastRelease = t0;
    context.issueLabels = [&](int number) -> std::optional<QStringList> {
        const auto found = issues.constFind(number);
        return found == issues.cend() ? std::nullopt : std::optional(*found);
    };
    const QList<HygieneFinding> findings = run(pr, HygieneRules::pendingRelease, context);
    if (!GetParam().expectFinding) {
        EXPECT_TRUE(findings.isEmpty());
        return;
    }
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].number, 7);       // the fix goes on the issue …
    EXPECT_EQ(findings[0].pullRequest, 50); // … found through the PR
    EXPECT_EQ(findings[0].fix, (LabelChange{{"pending-release"}, {}}));
    EXPECT_TRUE(findings[0].message.contains(QStringLiteral("#7")));
    EXPECT_TRUE(findings[0].message.contains(QStringLiteral("#50")));
}

INSTANTIATE_TEST_SUITE_P(
    DefaultPolicy, PendingReleaseTest,
    ::testing::Values(ReleaseCase{"after, lacking", 1, false, true, true},
                      ReleaseCase{"after, labelled", 1, true, true, false},
                      ReleaseCase{"before, lacking", -1, false, true, false},
                      ReleaseCase{"at the release, lacking", 0, false, true, false},
                      ReleaseCase{"no release yet, lacking", -100, false, false, true},
                      ReleaseCase{"no release yet, labelled", -100, true, false, false}));

TEST(PendingRelease, SkipsOpenAndUnmergedPullRequestsAndUnknownIssues)
{
    PullRequest pr = goodPullRequest();
    HygieneContext context;
    context.issueLabels = [](int number) -> std::optional<QStringList> {
        if (number == 7)
            return QStringList{};
        return std::nullopt;
    };
    EXPECT_TRUE(run(pr, HygieneRules::pendingRelease, context).isEmpty()); // open
    pr.state = Issue::State::Closed;
    EXPECT_TRUE(run(pr, HygieneRules::pendingRelease, context).isEmpty()); // not merged
    pr.mergedAt = t0;
    EXPECT_EQ(run(pr, HygieneRules::pendingRelease, context).size(), 1);
    pr.linkedIssues = {99}; // not in the store
    EXPECT_TRUE(run(pr, HygieneRules::pendingRelease, context).isEmpty());
    pr.linkedIssues = {7};
    EXPECT_TRUE(run(pr, HygieneRules::pendingRelease, {}).isEmpty()); // no lookup
}

// ---- stale --------------------------------------------------------------------------------

struct StaleCase
{
    bool pullRequest;
    qint64 idleSecs;
    bool stale;
};

void PrintTo(const StaleCase &c, std::ostream *os)
{
    *os << (c.pullRequest ? "PR" : "issue") << " idle " << c.idleSecs << "s";
}

class StaleTest : public ::testing::TestWithParam<StaleCase>
{};

constexpr qint64 day = 24 * 60 * 60;

TEST_P(StaleTest, FlagsItemsIdleForThePolicysDays)
{
    ManualClock clock(t0.addSecs(GetParam().idleSecs));
    const HygieneContext context = contextAt(clock);
    QList<HygieneFinding> findings;
    if (GetParam().pullRequest) {
        findings = run(goodPullRequest(), HygieneRules::stale, context);
    } else {
        Issue issue;
        issue.number = 3;
        issue.createdAt = t0.addDays(-400);
        issue.updatedAt = t0;
        findings = HygieneChecker().check(issue, context, {QStringLiteral("stale")});
    }
    ASSERT_EQ(findings.size(), GetParam().stale ? 1 : 0);
    if (GetParam().stale) {
        EXPECT_EQ(findings[0].severity, HygieneFinding::Severity::Info);
        EXPECT_FALSE(findings[0].isFixable());
        EXPECT_EQ(findings[0].pullRequest, GetParam().pullRequest ? 42 : 0);
    }
}

// Default policy: 30 days for issues, 14 for pull requests.
INSTANTIATE_TEST_SUITE_P(
    DefaultPolicyBoundaries, StaleTest,
    ::testing::Values(StaleCase{false, 0, false}, StaleCase{false, 30 * day - 1, false},
                      StaleCase{false, 30 * day, true}, StaleCase{false, 400 * day, true},
                      StaleCase{true, 14 * day - 1, false}, StaleCase{true, 14 * day, true},
                      StaleCase{true, 30 * day, true}));

TEST(Stale, UsesCreationWithoutUpdatesAndSkipsClosedItems)
{
    ManualClock clock(t0.addDays(20));
    PullRequest pr = goodPullRequest();
    pr.updatedAt = QDateTime();
    pr.createdAt = t0;
    const QList<HygieneFinding> findings = run(pr, HygieneRules::stale, contextAt(clock));
    ASSERT_EQ(findings.size(), 1);
    EXPECT_TRUE(findings[0].message.contains(QStringLiteral("20 days")))
        << findings[0].message.toStdString();
    pr.state = Issue::State::Closed;
    EXPECT_TRUE(run(pr, HygieneRules::stale, contextAt(clock)).isEmpty());
}

// ---- area-label ---------------------------------------------------------------------------

struct AreaCase
{
    QStringList files;
    QStringList present;
    QStringList add;
};

void PrintTo(const AreaCase &c, std::ostream *os)
{
    *os << '[' << c.files.join(QStringLiteral(", ")).toStdString() << ']';
}

class AreaLabelTest : public ::testing::TestWithParam<AreaCase>
{};

TEST_P(AreaLabelTest, AddsTheMissingAreaLabelsAndNeverRemoves)
{
    PullRequest pr = goodPullRequest();
    pr.labels += labels(GetParam().present);
    HygieneContext context;
    context.changedFiles = [&](int) -> std::optional<QStringList> { return GetParam().files; };
    const QList<HygieneFinding> findings = run(pr, HygieneRules::areaLabel, context);
    if (GetParam().add.isEmpty()) {
        EXPECT_TRUE(findings.isEmpty());
        return;
    }
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, (LabelChange{GetParam().add, {}}));
    for (const QString &label : GetParam().add) // the message names what to add
        EXPECT_TRUE(findings[0].message.contains(QLatin1Char('`') + label + QLatin1Char('`')))
            << findings[0].message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    DefaultPolicy, AreaLabelTest,
    ::testing::Values(AreaCase{{"aws_lambda_powertools/logging/formatter.py"}, {}, {"logger"}},
                      AreaCase{{"aws_lambda_powertools/logging/formatter.py",
                                "tests/unit/test_logger.py", "docs/core/logger.md"},
                               {},
                               {"logger", "documentation", "tests"}},
                      AreaCase{{"aws_lambda_powertools/logging/formatter.py"}, {"logger"}, {}},
                      // Human-added area labels the files do not call for stay.
                      AreaCase{{"docs/index.md"}, {"tracer"}, {"documentation"}},
                      AreaCase{{".github/workflows/release.yml", "poetry.lock"},
                               {},
                               {"github-actions", "dependencies"}},
                      AreaCase{{"README.md"}, {}, {}}, AreaCase{{}, {}, {}}));

TEST(AreaLabel, StaysQuietWhileTheFilesAreUnknown)
{
    HygieneContext context;
    EXPECT_TRUE(run(goodPullRequest(), HygieneRules::areaLabel, context).isEmpty());
    context.changedFiles = [](int) -> std::optional<QStringList> { return std::nullopt; };
    EXPECT_TRUE(run(goodPullRequest(), HygieneRules::areaLabel, context).isEmpty());
}

// ---- the checker --------------------------------------------------------------------------

TEST(HygieneChecker, OnlyRunsTheChosenRules)
{
    PullRequest pr = goodPullRequest();
    pr.title = QStringLiteral("Fix stuff");
    pr.labels.clear();
    pr.linkedIssues.clear();
    const HygieneChecker checker;
    const ManualClock clock(t0);
    const HygieneContext context = contextAt(clock);

    QStringList rules;
    for (const HygieneFinding &finding : checker.check(pr, context))
        rules.append(finding.rule);
    EXPECT_EQ(rules, (QStringList{"semantic-title", "size-label", "linked-issue"}));

    rules.clear();
    for (const HygieneFinding &finding :
         checker.check(pr, context, {QStringLiteral("linked-issue"), QStringLiteral("stale")}))
        rules.append(finding.rule);
    EXPECT_EQ(rules, QStringList{"linked-issue"});

    EXPECT_TRUE(checker.check(pr, context, {QStringLiteral("nonsense")}).isEmpty());
}

TEST(HygieneChecker, CheckAllOrdersByNumberAndCombinesFixes)
{
    PullRequest a = goodPullRequest(9);
    a.title = QStringLiteral("fix: x");
    a.labels = labels({QStringLiteral("feature"), QStringLiteral("size/L")});
    a.linkedIssues.clear();
    PullRequest b = goodPullRequest(3);
    b.labels = labels({QStringLiteral("feature")});
    Issue issue;
    issue.number = 5;
    issue.updatedAt = t0.addDays(-100);

    const ManualClock clock(t0);
    const QList<HygieneFinding> findings =
        HygieneChecker().checkAll({a, b}, {issue}, contextAt(clock));
    QList<QPair<int, QString>> order;
    for (const HygieneFinding &finding : findings)
        order.append({finding.number, finding.rule});
    EXPECT_EQ(order, (QList<QPair<int, QString>>{{3, "size-label"},
                                                 {5, "stale"},
                                                 {9, "type-label"},
                                                 {9, "size-label"},
                                                 {9, "linked-issue"}}));
    EXPECT_EQ(
        HygieneChecker::combinedFix(findings, 9),
        (LabelChange{{"bug", "size/XS", "need-issue", "do-not-merge"}, {"feature", "size/L"}}));
    EXPECT_EQ(HygieneChecker::combinedFix(findings, 5), LabelChange());
}

TEST(HygieneChecker, CombinedFixLeavesDisputedLabelsAlone)
{
    HygieneFinding add;
    add.number = 1;
    add.fix = {{"documentation", "logger"}, {}};
    HygieneFinding remove;
    remove.number = 1;
    remove.fix = {{"bug"}, {"Documentation"}};
    EXPECT_EQ(HygieneChecker::combinedFix({add, remove}, 1), (LabelChange{{"logger", "bug"}, {}}));
}

// ---- a policy of one's own ----------------------------------------------------------------

TEST(HygieneChecker, FollowsACustomPolicy)
{
    const QByteArray yaml = R"(
labels:
  - {name: kind/feature, color: "00ff00", group: type}
  - {name: kind/bugfix, color: "ff0000", group: type}
  - {name: small, color: "eeeeee", group: size}
  - {name: large, color: "111111", group: size}
  - {name: area/core, color: "222222", group: area}
  - {name: shipped-soon, color: "333333", group: status}
semantic-titles:
  types:
    - {name: add, label: kind/feature}
    - {name: repair, label: kind/bugfix}
  scopes: [core]
  require-scope: true
  breaking-label: ""
sizes:
  - {label: small, min: 0, max: 49}
  - {label: large, min: 50}
areas:
  - {label: area/core, paths: ["src/core/**"]}
release:
  pending-release-label: shipped-soon
stale:
  issues: 0
  pull-requests: 3
)";
    const PolicyLoadResult loaded =
        PolicyLoader::loadData(yaml, QStringLiteral("custom.yaml"), Policy::defaultPolicy());
    ASSERT_TRUE(loaded.isOk()) << loaded.errorString().toStdString();
    const HygieneChecker checker(loaded.policy());

    PullRequest pr = goodPullRequest(11);
    pr.title = QStringLiteral("feat(logger): x"); // the default policy's type: unknown here
    pr.additions = 40;
    pr.deletions = 10;
    pr.linkedIssues.clear();
    pr.labels = labels({QStringLiteral("kind/bugfix"), QStringLiteral("size/XS")});
    const ManualClock clock(t0.addDays(3));
    HygieneContext context = contextAt(clock);
    context.changedFiles = [](int) -> std::optional<QStringList> {
        return QStringList{QStringLiteral("src/core/a.cpp"), QStringLiteral("docs/x.md")};
    };

    QList<HygieneFinding> findings = checker.check(pr, context);
    ASSERT_EQ(findingsOf(findings, HygieneRules::semanticTitle).size(), 1);
    EXPECT_TRUE(findingsOf(findings, HygieneRules::semanticTitle)[0].message.contains(
        QStringLiteral("add, repair")));
    // size/XS is not this policy's size label, so it is not touched.
    ASSERT_EQ(findingsOf(findings, HygieneRules::sizeLabel).size(), 1);
    EXPECT_EQ(findingsOf(findings, HygieneRules::sizeLabel)[0].fix, (LabelChange{{"large"}, {}}));
    // No need-issue / do-not-merge in this label table: the finding has no fix.
    ASSERT_EQ(findingsOf(findings, HygieneRules::linkedIssue).size(), 1);
    EXPECT_FALSE(findingsOf(findings, HygieneRules::linkedIssue)[0].isFixable());
    ASSERT_EQ(findingsOf(findings, HygieneRules::areaLabel).size(), 1);
    EXPECT_EQ(findingsOf(findings, HygieneRules::areaLabel)[0].fix,
              (LabelChange{{"area/core"}, {}}));
    ASSERT_EQ(findingsOf(findings, HygieneRules::stale).size(), 1); // 3 days for PRs

    pr.title = QStringLiteral("add: x");
    EXPECT_EQ(findingsOf(checker.check(pr, context), HygieneRules::semanticTitle).size(), 1);
    pr.title = QStringLiteral("add(core): x");
    findings = checker.check(pr, context,
                             {QStringLiteral("semantic-title"), QStringLiteral("type-label")});
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, (LabelChange{{"kind/feature"}, {"kind/bugfix"}}));

    // Issues never go stale here (0 days), and the pending-release label is the policy's.
    Issue issue;
    issue.number = 4;
    issue.updatedAt = t0.addDays(-1000);
    EXPECT_TRUE(checker.check(issue, context).isEmpty());

    PullRequest merged = goodPullRequest(12);
    merged.state = Issue::State::Closed;
    merged.mergedAt = t0;
    context.issueLabels = [](int) -> std::optional<QStringList> {
        return QStringList{QStringLiteral("pending-release")};
    };
    findings = checker.check(merged, context, {QStringLiteral("pending-release")});
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].fix, (LabelChange{{"shipped-soon"}, {}}));
}

} // namespace
