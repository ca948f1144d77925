#include "labelcatalog.h"
#include "policy.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

using namespace Mainstay;

namespace {

using P = LabelCatalogRow;
using Action = LabelCatalogFix::Action;

Label repoLabel(const QString &name, const QString &color, const QString &description = {},
                qint64 id = 0)
{
    Label label;
    label.id = id;
    label.name = name;
    label.color = color;
    label.description = description;
    return label;
}

LabelSpec spec(const QString &name, const QString &color, const QString &description = {})
{
    return LabelSpec{name, description, color, QStringLiteral("type")};
}

Policy policyWith(QList<LabelSpec> labels)
{
    Policy policy;
    policy.labels = std::move(labels);
    return policy;
}

Issue item(int number, const QStringList &labels, bool open = true, bool pullRequest = false)
{
    Issue issue;
    issue.number = number;
    issue.state = open ? Issue::State::Open : Issue::State::Closed;
    issue.isPullRequest = pullRequest;
    for (const QString &name : labels)
        issue.labels.append(repoLabel(name, QStringLiteral("ffffff")));
    return issue;
}

struct StatusCase
{
    const char *what;
    QList<LabelSpec> policy;
    QList<Label> repository;
    QString name;
    LabelCatalogRow::Problems problems;
    Action action;
};

// Readable parameter names for ctest and failure output, instead of the struct's bytes.
void PrintTo(const StatusCase &c, std::ostream *os)
{
    *os << c.what;
}

std::string caseName(const ::testing::TestParamInfo<StatusCase> &info)
{
    std::string name;
    for (const char *p = info.param.what; *p; ++p)
        name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
    return name;
}

class LabelCatalogStatusTest : public ::testing::TestWithParam<StatusCase>
{};

TEST_P(LabelCatalogStatusTest, ClassifiesAndProposesTheFix)
{
    const StatusCase &c = GetParam();
    const LabelCatalog catalog(c.repository, policyWith(c.policy), {});
    ASSERT_EQ(catalog.size(), 1) << c.what;
    const LabelCatalogRow *row = catalog.row(c.name);
    ASSERT_NE(row, nullptr) << c.what;
    EXPECT_EQ(row->problems.toInt(), c.problems.toInt()) << c.what;
    EXPECT_EQ(row->fix().action, c.action) << c.what;
    EXPECT_EQ(row->isOk(), c.problems == P::NoProblem) << c.what;
}

const QString bug = QStringLiteral("bug");
const QString red = QStringLiteral("d73a4a");
const QString text = QStringLiteral("Something is broken");

INSTANTIATE_TEST_SUITE_P(
    Statuses, LabelCatalogStatusTest,
    ::testing::Values(
        StatusCase{"ok",
                   {spec(bug, red, text)},
                   {repoLabel(bug, red, text)},
                   bug,
                   P::NoProblem,
                   Action::None},
        StatusCase{"missing", {spec(bug, red, text)}, {}, bug, P::Missing, Action::Create},
        StatusCase{"extra", {}, {repoLabel(bug, red, text)}, bug, P::Extra, Action::Delete},
        StatusCase{"colour differs",
                   {spec(bug, red, text)},
                   {repoLabel(bug, QStringLiteral("ededed"), text)},
                   bug,
                   P::ColourDiffers,
                   Action::Update},
        StatusCase{"description differs",
                   {spec(bug, red, text)},
                   {repoLabel(bug, red, QStringLiteral("Broken"))},
                   bug,
                   P::DescriptionDiffers,
                   Action::Update},
        StatusCase{"colour and description differ",
                   {spec(bug, red, text)},
                   {repoLabel(bug, QStringLiteral("000000"), {})},
                   bug,
                   P::ColourDiffers | P::DescriptionDiffers,
                   Action::Update},
        StatusCase{"name case differs",
                   {spec(QStringLiteral("RFC"), red, text)},
                   {repoLabel(QStringLiteral("rfc"), red, text)},
                   QStringLiteral("Rfc"),
                   P::NameCaseDiffers,
                   Action::Update},
        StatusCase{"colour case and '#' are not differences",
                   {spec(bug, QStringLiteral("#D73A4A"), text)},
                   {repoLabel(bug, red, text)},
                   bug,
                   P::NoProblem,
                   Action::None},
        StatusCase{"repository colour in upper case",
                   {spec(bug, red, text)},
                   {repoLabel(bug, QStringLiteral("D73A4A"), text)},
                   bug,
                   P::NoProblem,
                   Action::None},
        StatusCase{"surrounding white space in a description is not a difference",
                   {spec(bug, red, text + QStringLiteral(" "))},
                   {repoLabel(bug, red, text)},
                   bug,
                   P::NoProblem,
                   Action::None},
        StatusCase{"a policy without a colour has no opinion on it",
                   {spec(bug, {}, text)},
                   {repoLabel(bug, red, text)},
                   bug,
                   P::NoProblem,
                   Action::None}),
    caseName);

TEST(LabelCatalogTest, NamesCompareCaseInsensitively)
{
    const LabelCatalog catalog({repoLabel(QStringLiteral("Help Wanted"), red, text)},
                               policyWith({spec(QStringLiteral("help wanted"), red, text)}), {});
    ASSERT_EQ(catalog.size(), 1);
    EXPECT_EQ(catalog.indexOf(u"HELP WANTED"), 0);
    EXPECT_EQ(catalog.indexOf(u"help wanted"), 0);
    EXPECT_EQ(catalog.indexOf(u"nope"), -1);
    EXPECT_EQ(catalog.row(u"nope"), nullptr);
    const LabelCatalogRow &row = catalog.rows().at(0);
    EXPECT_EQ(row.name, QStringLiteral("help wanted")); // the policy's spelling
    EXPECT_EQ(row.problems, P::NameCaseDiffers);
    EXPECT_EQ(row.statusText(), QStringLiteral("Name case differs"));
}

TEST(LabelCatalogTest, RowsFollowThePolicyThenExtrasByName)
{
    const LabelCatalog catalog(
        {repoLabel(QStringLiteral("zeta"), red), repoLabel(QStringLiteral("bug"), red),
         repoLabel(QStringLiteral("Alpha"), red), repoLabel(QStringLiteral("beta"), red)},
        policyWith({spec(QStringLiteral("triage"), red), spec(bug, red),
                    spec(QStringLiteral("TRIAGE"), QStringLiteral("000000"))}),
        {});
    QStringList names;
    for (const LabelCatalogRow &row : catalog.rows())
        names.append(row.name);
    // A name the policy lists twice appears once (its first entry).
    EXPECT_EQ(names, (QStringList{QStringLiteral("triage"), bug, QStringLiteral("Alpha"),
                                  QStringLiteral("beta"), QStringLiteral("zeta")}));
    EXPECT_EQ(catalog.row(u"triage")->policy->color, red);
    EXPECT_EQ(catalog.indexOf(u"ZETA"), 4);
}

TEST(LabelCatalogTest, CountsOpenIssuesAndPullRequestsSeparately)
{
    const QList<Issue> issues{
        item(1, {bug, QStringLiteral("triage")}),
        item(2, {QStringLiteral("BUG")}),
        item(3, {bug}, /*open=*/false),
        item(4, {bug}, true, /*pullRequest=*/true),
        item(5, {bug, QStringLiteral("Bug")}, true, true), // counted once
        item(6, {bug}, false, true),
        item(7, {QStringLiteral("stale-only")}, false),
        item(8, {QStringLiteral("orphan")}),
    };
    const LabelCatalog catalog({repoLabel(bug, red), repoLabel(QStringLiteral("stale-only"), red)},
                               policyWith({spec(bug, red), spec(QStringLiteral("triage"), red)}),
                               issues);
    EXPECT_EQ(catalog.openIssueCount(u"bug"), 2);
    EXPECT_EQ(catalog.openPullRequestCount(u"bug"), 2);
    EXPECT_EQ(catalog.usageCount(u"Bug"), 4);
    EXPECT_EQ(catalog.row(u"bug")->openIssues, 2);
    EXPECT_EQ(catalog.row(u"bug")->openPullRequests, 2);
    EXPECT_EQ(catalog.row(u"bug")->usageCount(), 4);
    // Missing from the repository, yet a stale cache may still show it on an item.
    EXPECT_EQ(catalog.row(u"triage")->openIssues, 1);
    // Closed items do not count.
    EXPECT_EQ(catalog.usageCount(u"stale-only"), 0);
    EXPECT_EQ(catalog.row(u"stale-only")->fix().usageCount, 0);
    // Neither side knows it, but the count is still there to ask for.
    EXPECT_EQ(catalog.usageCount(u"orphan"), 1);
    EXPECT_EQ(catalog.row(u"orphan"), nullptr);
}

TEST(LabelCatalogTest, FixesCarryTheLabelValuesForTheOutbox)
{
    const LabelCatalog catalog(
        {repoLabel(QStringLiteral("Bug"), QStringLiteral("EDEDED"), QStringLiteral("old"), 11),
         repoLabel(QStringLiteral("wontfix"), QStringLiteral("ffffff"), QStringLiteral("no"), 12),
         repoLabel(QStringLiteral("triage"), QStringLiteral("fbca04"), QStringLiteral("new"), 13)},
        policyWith({spec(QStringLiteral("triage"), QStringLiteral("fbca04"), QStringLiteral("new")),
                    spec(bug, red, text),
                    spec(QStringLiteral("feature"), QStringLiteral("#A2EEEF"),
                         QStringLiteral("A new feature"))}),
        {item(1, {QStringLiteral("wontfix")}), item(2, {QStringLiteral("wontfix")}, true, true),
         item(3, {QStringLiteral("wontfix")}, false)});

    EXPECT_EQ(catalog.problemCount(), 3);

    const QList<LabelCatalogFix> fixes = catalog.fixes();
    ASSERT_EQ(fixes.size(), 2); // "apply all" leaves deletes out
    const LabelCatalogFix &update = fixes.at(0);
    EXPECT_EQ(update.action, Action::Update);
    EXPECT_EQ(update.oldName, QStringLiteral("Bug"));
    EXPECT_EQ(update.label.id, 11);
    EXPECT_EQ(update.label.name, bug);
    EXPECT_EQ(update.label.color, red);
    EXPECT_EQ(update.label.description, text);
    EXPECT_FALSE(update.needsConfirmation());

    const LabelCatalogFix &create = fixes.at(1);
    EXPECT_EQ(create.action, Action::Create);
    EXPECT_TRUE(create.oldName.isEmpty());
    EXPECT_EQ(create.label.name, QStringLiteral("feature"));
    EXPECT_EQ(create.label.color, QStringLiteral("a2eeef")); // the form GitHub's API takes
    EXPECT_EQ(create.label.description, QStringLiteral("A new feature"));

    const QList<LabelCatalogFix> all = catalog.fixes(LabelCatalog::Deletes::Include);
    ASSERT_EQ(all.size(), 3);
    const LabelCatalogFix &remove = all.at(2);
    EXPECT_EQ(remove.action, Action::Delete);
    EXPECT_EQ(remove.oldName, QStringLiteral("wontfix"));
    EXPECT_EQ(remove.label.id, 12);
    EXPECT_TRUE(remove.needsConfirmation());
    EXPECT_EQ(remove.usageCount, 2); // one open issue, one open PR; the closed one not
}

TEST(LabelCatalogTest, StatusTexts)
{
    const LabelCatalog catalog({repoLabel(bug, QStringLiteral("000000")),
                                repoLabel(QStringLiteral("x"), red),
                                repoLabel(QStringLiteral("ok"), red)},
                               policyWith({spec(bug, red, text), spec(QStringLiteral("gone"), red),
                                           spec(QStringLiteral("ok"), red)}),
                               {});
    EXPECT_EQ(catalog.row(u"bug")->statusText(),
              QStringLiteral("Colour differs, description differs"));
    EXPECT_EQ(catalog.row(u"gone")->statusText(), QStringLiteral("Missing"));
    EXPECT_EQ(catalog.row(u"x")->statusText(), QStringLiteral("Extra"));
    EXPECT_EQ(catalog.row(u"ok")->statusText(), QStringLiteral("OK"));
}

TEST(LabelCatalogTest, NormalizesColours)
{
    EXPECT_EQ(LabelCatalog::normalizedColour(u"#D73A4A"), red);
    EXPECT_EQ(LabelCatalog::normalizedColour(u" d73a4a "), red);
    EXPECT_TRUE(LabelCatalog::sameColour(u"D73A4A", u"#d73a4a"));
    EXPECT_FALSE(LabelCatalog::sameColour(u"d73a4a", u"d73a4b"));
}

TEST(LabelCatalogTest, EmptyInputsGiveAnEmptyCatalog)
{
    const LabelCatalog catalog({}, Policy{}, {item(1, {bug})});
    EXPECT_TRUE(catalog.isEmpty());
    EXPECT_TRUE(catalog.fixes(LabelCatalog::Deletes::Include).isEmpty());
    EXPECT_EQ(catalog.usageCount(u"bug"), 1);
}

// The whole built-in policy against a repository that matches it except for a few planted
// differences: only those show up, each with the right fix.
TEST(LabelCatalogTest, DefaultPolicyWithPlantedDifferences)
{
    const Policy &policy = Policy::defaultPolicy();
    ASSERT_GT(policy.labels.size(), 10);

    QList<Label> repository;
    qint64 id = 100;
    for (const LabelSpec &wanted : policy.labels) {
        // GitHub answers in lower case; the policy may not.
        repository.append(repoLabel(wanted.name, wanted.color.toLower(), wanted.description, ++id));
    }
    ASSERT_NE(policy.label(u"triage"), nullptr);
    ASSERT_NE(policy.label(u"bug"), nullptr);
    ASSERT_NE(policy.label(u"RFC"), nullptr);
    ASSERT_NE(policy.label(u"help wanted"), nullptr);
    ASSERT_NE(policy.label(u"size/XL"), nullptr);

    auto find = [&](const QString &name) {
        return std::find_if(repository.begin(), repository.end(), [&](const Label &label) {
            return label.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    repository.erase(find(QStringLiteral("triage"))); // missing
    find(bug)->color = QStringLiteral("ededed");      // colour
    find(QStringLiteral("help wanted"))->description = QStringLiteral("Please help");
    find(QStringLiteral("RFC"))->name = QStringLiteral("rfc"); // name case
    find(QStringLiteral("size/XL"))->color = find(QStringLiteral("size/XL"))->color.toUpper();
    repository.append(repoLabel(QStringLiteral("wontfix"), QStringLiteral("ffffff"), {}, 1));
    repository.append(repoLabel(QStringLiteral("duplicate"), QStringLiteral("cfd3d7"), {}, 2));

    const QList<Issue> issues{item(1, {QStringLiteral("wontfix"), bug}),
                              item(2, {QStringLiteral("wontfix")}, true, true),
                              item(3, {QStringLiteral("duplicate")}, false)};

    const LabelCatalog catalog(repository, policy, issues);
    EXPECT_EQ(catalog.size(), policy.labels.size() + 2);
    EXPECT_EQ(catalog.problemCount(), 6);
    EXPECT_EQ(catalog.row(u"triage")->problems, P::Missing);
    EXPECT_EQ(catalog.row(u"bug")->problems, P::ColourDiffers);
    EXPECT_EQ(catalog.row(u"help wanted")->problems, P::DescriptionDiffers);
    EXPECT_EQ(catalog.row(u"RFC")->problems, P::NameCaseDiffers);
    EXPECT_TRUE(catalog.row(u"size/XL")->isOk());
    EXPECT_EQ(catalog.row(u"wontfix")->problems, P::Extra);
    EXPECT_EQ(catalog.row(u"duplicate")->problems, P::Extra);
    EXPECT_EQ(catalog.row(u"wontfix")->usageCount(), 2);
    EXPECT_EQ(catalog.row(u"duplicate")->usageCount(), 0);
    EXPECT_EQ(catalog.row(u"bug")->openIssues, 1);

    const QList<LabelCatalogFix> fixes = catalog.fixes(LabelCatalog::Deletes::Include);
    ASSERT_EQ(fixes.size(), 6);
    QList<Action> actions;
    QStringList names;
    for (const LabelCatalogFix &fix : fixes) {
        actions.append(fix.action);
        names.append(fix.label.name);
    }
    // Policy order for creates and updates, then the extras by name.
    QStringList expectedNames;
    for (const LabelSpec &wanted : policy.labels)
        if (QStringList{QStringLiteral("triage"), bug, QStringLiteral("help wanted"),
                        QStringLiteral("RFC")}
                .contains(wanted.name))
            expectedNames.append(wanted.name);
    expectedNames << QStringLiteral("duplicate") << QStringLiteral("wontfix");
    EXPECT_EQ(names, expectedNames);
    EXPECT_EQ(actions.count(Action::Create), 1);
    EXPECT_EQ(actions.count(Action::Update), 3);
    EXPECT_EQ(actions.count(Action::Delete), 2);
    const LabelCatalogFix &rename = fixes.at(names.indexOf(QStringLiteral("RFC")));
    EXPECT_EQ(rename.oldName, QStringLiteral("rfc"));
    EXPECT_EQ(rename.label.name, QStringLiteral("RFC"));
}

} // namespace
