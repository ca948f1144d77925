// The built-in policy checked against the maintainers' guide it encodes: every label of the
// guide's table, the size boundaries, the release conventions and the replies.

#include "policy.h"
#include "policyloader.h"
#include "testsupport.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

const Policy &policy()
{
    return Policy::defaultPolicy();
}

TEST(DefaultPolicy, LoadsFromTheResourceWithoutAnyDiagnostic)
{
    const PolicyLoadResult result =
        PolicyLoader::loadFile(QStringLiteral(":/mainstay/default-policy.yaml"), Policy());
    ASSERT_TRUE(result.isOk()) << result.errorString().toStdString();
    EXPECT_TRUE(result.diagnostics().isEmpty()) << result.errorString().toStdString();
    EXPECT_EQ(result.policy(), policy());
    EXPECT_TRUE(PolicyLoader::validate(policy()).isEmpty());
}

TEST(DefaultPolicy, SourceFileIsTheOneCompiledIn)
{
    // Guards against editing a copy: the resource is built from resources/default-policy.yaml.
    const PolicyLoadResult result = PolicyLoader::loadFile(
        Mainstay::Test::sourcePath(QStringLiteral("resources/default-policy.yaml")), Policy());
    ASSERT_TRUE(result.isOk()) << result.errorString().toStdString();
    EXPECT_EQ(result.policy(), policy());
}

TEST(DefaultPolicy, IsReadOnce)
{
    EXPECT_EQ(&Policy::defaultPolicy(), &Policy::defaultPolicy());
}

struct GuideLabel
{
    const char *name;
    const char *group;
};

void PrintTo(const GuideLabel &label, std::ostream *os)
{
    *os << label.name;
}

class GuideLabelTest : public ::testing::TestWithParam<GuideLabel>
{};

TEST_P(GuideLabelTest, IsInTheTableWithGroupColourAndDescription)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{6}$"));
    const QString name = QString::fromUtf8(GetParam().name);
    const LabelSpec *spec = policy().label(name);
    ASSERT_NE(spec, nullptr) << GetParam().name;
    EXPECT_EQ(spec->name, name);
    EXPECT_EQ(spec->group, QString::fromUtf8(GetParam().group));
    EXPECT_TRUE(hex.match(spec->color).hasMatch()) << spec->color.toStdString();
    EXPECT_FALSE(spec->description.isEmpty());
    EXPECT_LE(spec->description.size(), 100);
}

// The guide's label table row by row, plus `good first issue` and the `<utility>` row's areas.
INSTANTIATE_TEST_SUITE_P(
    Guide, GuideLabelTest,
    ::testing::Values(
        GuideLabel{"triage", "triage"}, GuideLabel{"bug", "type"},
        GuideLabel{"not-a-bug", "triage"}, GuideLabel{"documentation", "type"},
        GuideLabel{"feature-request", "type"}, GuideLabel{"typing", "type"},
        GuideLabel{"RFC", "type"}, GuideLabel{"bug-upstream", "type"},
        GuideLabel{"help wanted", "community"}, GuideLabel{"need-customer-feedback", "status"},
        GuideLabel{"need-more-information", "status"}, GuideLabel{"need-documentation", "status"},
        GuideLabel{"need-issue", "status"}, GuideLabel{"need-rfc", "status"},
        GuideLabel{"pending-release", "status"}, GuideLabel{"revisit-in-3-months", "status"},
        GuideLabel{"breaking-change", "type"}, GuideLabel{"do-not-merge", "status"},
        GuideLabel{"size/XS", "size"}, GuideLabel{"size/S", "size"}, GuideLabel{"size/M", "size"},
        GuideLabel{"size/L", "size"}, GuideLabel{"size/XL", "size"}, GuideLabel{"size/XXL", "size"},
        GuideLabel{"tests", "area"}, GuideLabel{"feature", "type"},
        GuideLabel{"dependencies", "type"}, GuideLabel{"github-actions", "automation"},
        GuideLabel{"github-templates", "automation"}, GuideLabel{"internal", "type"},
        GuideLabel{"tech-debt", "type"}, GuideLabel{"customer-reference", "community"},
        GuideLabel{"community-content", "community"}, GuideLabel{"good first issue", "community"},
        GuideLabel{"logger", "area"}, GuideLabel{"tracer", "area"}, GuideLabel{"metrics", "area"},
        GuideLabel{"parameters", "area"}, GuideLabel{"idempotency", "area"},
        GuideLabel{"batch", "area"}, GuideLabel{"event_handler", "area"}),
    [](const ::testing::TestParamInfo<GuideLabel> &info) {
        std::string name;
        for (const char *c = info.param.name; *c; ++c)
            name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
        return name;
    });

TEST(DefaultPolicy, LabelLookupIgnoresCaseLikeGitHub)
{
    const LabelSpec *spec = policy().label(u"HELP Wanted");
    ASSERT_NE(spec, nullptr);
    EXPECT_EQ(spec->name, QStringLiteral("help wanted"));
    EXPECT_EQ(policy().label(u"rfc"), policy().label(u"RFC"));
    EXPECT_EQ(policy().label(u"no-such-label"), nullptr);
}

TEST(DefaultPolicy, EveryLabelHasAGroupAndNoNameRepeats)
{
    QStringList seen;
    for (const LabelSpec &spec : policy().labels) {
        EXPECT_FALSE(spec.group.isEmpty()) << spec.name.toStdString();
        EXPECT_FALSE(seen.contains(spec.name, Qt::CaseInsensitive)) << spec.name.toStdString();
        seen.append(spec.name);
    }
}

TEST(DefaultPolicy, SizeGroupListsTheSizesInOrder)
{
    QStringList names;
    for (const LabelSpec &spec : policy().labelsInGroup(u"size"))
        names.append(spec.name);
    EXPECT_EQ(names, QStringList({"size/XS", "size/S", "size/M", "size/L", "size/XL", "size/XXL"}));
    EXPECT_EQ(policy().sizeLabels(), names);
}

struct SizeCase
{
    int changedLines;
    const char *label;
};

void PrintTo(const SizeCase &size, std::ostream *os)
{
    *os << size.changedLines << " lines";
}

class SizeLabelTest : public ::testing::TestWithParam<SizeCase>
{};

TEST_P(SizeLabelTest, MatchesTheGuidesTable)
{
    EXPECT_EQ(policy().sizeLabelFor(GetParam().changedLines), QString::fromUtf8(GetParam().label));
}

INSTANTIATE_TEST_SUITE_P(Boundaries, SizeLabelTest,
                         ::testing::Values(SizeCase{0, "size/XS"}, SizeCase{9, "size/XS"},
                                           SizeCase{10, "size/S"}, SizeCase{29, "size/S"},
                                           SizeCase{30, "size/M"}, SizeCase{99, "size/M"},
                                           SizeCase{100, "size/L"}, SizeCase{499, "size/L"},
                                           SizeCase{500, "size/XL"}, SizeCase{999, "size/XL"},
                                           SizeCase{1000, "size/XXL"}, SizeCase{50000, "size/XXL"},
                                           SizeCase{-1, ""}));

TEST(DefaultPolicy, SemanticTypesMapToTheGuidesLabels)
{
    const SemanticTitlePolicy &titles = policy().semanticTitles;
    const QList<std::pair<QString, QString>> expected = {
        {"feat", "feature"},      {"fix", "bug"},        {"docs", "documentation"},
        {"chore", "internal"},    {"ci", "internal"},    {"build", "internal"},
        {"refactor", "internal"}, {"style", "internal"}, {"test", "tests"},
        {"deps", "dependencies"}, {"perf", "feature"},   {"revert", ""},
    };
    for (const auto &[type, label] : expected) {
        ASSERT_NE(titles.type(type), nullptr) << type.toStdString();
        EXPECT_EQ(titles.labelForType(type), label) << type.toStdString();
    }
    EXPECT_EQ(titles.types.size(), expected.size());
    EXPECT_EQ(titles.breakingLabel, QStringLiteral("breaking-change"));
    EXPECT_FALSE(titles.requireScope);
    EXPECT_TRUE(titles.scopes.isEmpty());
}

TEST(DefaultPolicy, ReleaseFollowsTheGuide)
{
    const ReleasePolicy &release = policy().release;
    EXPECT_EQ(release.branch, QStringLiteral("develop"));
    EXPECT_EQ(release.workflow, QStringLiteral("Release"));
    EXPECT_EQ(release.tagFor(QStringLiteral("1.26.0")), QStringLiteral("v1.26.0"));
    EXPECT_EQ(release.nameFor(QStringLiteral("1.26.0")), QStringLiteral("v1.26.0"));
    EXPECT_EQ(release.summaryPlaceholder, QStringLiteral("[Human readable summary of changes]"));
    EXPECT_TRUE(release.bodyTemplate.contains(release.summaryPlaceholder));
    EXPECT_TRUE(release.bodyTemplate.contains(QStringLiteral("$CHANGES")));
    EXPECT_TRUE(release.bodyTemplate.contains(QStringLiteral("$CONTRIBUTORS")));
    EXPECT_EQ(release.pendingReleaseLabel, QStringLiteral("pending-release"));
    EXPECT_EQ(release.postReleaseCommentFor(QStringLiteral("v1.26.0")),
              QStringLiteral("This is now released under v1.26.0 version!"));
    EXPECT_TRUE(release.excludeLabels.isEmpty());

    QStringList titles;
    for (const auto &category : release.categories)
        titles.append(category.title);
    EXPECT_EQ(titles, QStringList({QStringLiteral("⚠ Breaking changes"),
                                   QStringLiteral("🌟New features and non-breaking changes"),
                                   QStringLiteral("🐛 Bug and hot fixes"),
                                   QStringLiteral("📜 Documentation updates"),
                                   QStringLiteral("🔧 Maintenance")}));
    EXPECT_EQ(release.categories[0].labels, QStringList{"breaking-change"});
    EXPECT_EQ(release.categories[1].labels, QStringList{"feature"});
    EXPECT_EQ(release.categories[2].labels, QStringList{"bug"});
    EXPECT_EQ(release.categories[3].labels, QStringList{"documentation"});
    EXPECT_TRUE(release.categories[4].labels.contains("internal"));
    EXPECT_TRUE(release.categories[4].labels.contains("dependencies"));
}

TEST(DefaultPolicy, VersionResolverTakesTheLargestBump)
{
    const auto &resolver = policy().release.versionResolver;
    EXPECT_EQ(resolver.bumpFor({"bug", "feature", "breaking-change"}), VersionBump::Major);
    EXPECT_EQ(resolver.bumpFor({"bug", "Feature"}), VersionBump::Minor);
    EXPECT_EQ(resolver.bumpFor({"documentation"}), VersionBump::Patch);
    EXPECT_EQ(resolver.bumpFor({"internal", "dependencies"}), VersionBump::Patch);
    EXPECT_EQ(resolver.bumpFor({}), VersionBump::Patch);
    EXPECT_EQ(resolver.defaultBump, VersionBump::Patch);
    EXPECT_EQ(versionBumpName(VersionBump::Minor), QStringLiteral("minor"));
}

TEST(DefaultPolicy, RepliesCoverTheGuidesScenariosAndNameTheAuthor)
{
    for (const char *id : {"need-more-information", "not-a-bug", "bug-upstream", "need-rfc",
                           "help-wanted", "not-planned"}) {
        const CannedReply *reply = policy().cannedReply(QString::fromUtf8(id));
        ASSERT_NE(reply, nullptr) << id;
        EXPECT_FALSE(reply->title.isEmpty()) << id;
        EXPECT_TRUE(reply->body.contains(QStringLiteral("{author}"))) << id;
        const QString rendered =
            reply->render({{QStringLiteral("author"), QStringLiteral("octo")}});
        EXPECT_TRUE(rendered.contains(QStringLiteral("@octo"))) << id;
        EXPECT_FALSE(rendered.contains(QStringLiteral("{author}"))) << id;
    }
    // The guide asks whether the author will take an upstream bug upstream themselves.
    EXPECT_TRUE(policy().cannedReply(u"bug-upstream")->body.contains(QStringLiteral("upstream")));
    EXPECT_EQ(policy().cannedReply(u"no-such-reply"), nullptr);
}

TEST(DefaultPolicy, AreasLabelPullRequestsByTheFilesTheyTouch)
{
    EXPECT_EQ(policy().areaLabelsFor({"aws_lambda_powertools/logging/formatter.py"}),
              QStringList{"logger"});
    EXPECT_EQ(policy().areaLabelsFor({"docs/core/tracer.md", "tests/unit/test_tracing.py",
                                      "aws_lambda_powertools/tracing/tracer.py"}),
              QStringList({"tracer", "documentation", "tests"}));
    EXPECT_EQ(policy().areaLabelsFor({".github/workflows/release.yml"}),
              QStringList{"github-actions"});
    EXPECT_EQ(policy().areaLabelsFor({".github/ISSUE_TEMPLATE/bug_report.yml"}),
              QStringList{"github-templates"});
    EXPECT_EQ(policy().areaLabelsFor({"pyproject.toml", "poetry.lock"}),
              QStringList{"dependencies"});
    EXPECT_EQ(policy().areaLabelsFor({"aws_lambda_powertools/utilities/parameters/ssm.py"}),
              QStringList{"parameters"});
    // Root files match only at the root.
    EXPECT_TRUE(policy().areaLabelsFor({"layer/pyproject.toml", "README.md"}).isEmpty());
}

TEST(DefaultPolicy, MaintainersStaleRfcAndGanttDefaults)
{
    EXPECT_TRUE(policy().maintainers.isEmpty());
    EXPECT_FALSE(policy().isMaintainer(u"anyone"));
    EXPECT_EQ(policy().stale.issueDays, 30);
    EXPECT_EQ(policy().stale.pullRequestDays, 14);
    EXPECT_EQ(policy().rfcReviewQuestions.size(), 8);
    for (const QString &question : policy().rfcReviewQuestions)
        EXPECT_TRUE(question.endsWith(u'?')) << question.toStdString();
    EXPECT_TRUE(policy().ganttSections.isEmpty());
    EXPECT_TRUE(policy().ganttSectionFor(u"Release / Build").isEmpty());
}

TEST(DefaultPolicy, EveryLabelTheRulesUseIsInTheTable)
{
    QStringList used = policy().sizeLabels();
    for (const BoardColumn &column : policy().boardColumns)
        used << column.labels << column.except << column.add << column.remove;
    for (const auto &type : policy().semanticTitles.types)
        if (!type.label.isEmpty())
            used << type.label;
    for (const AreaRule &area : policy().areas)
        used << area.label();
    for (const auto &category : policy().release.categories)
        used << category.labels;
    for (const QString &name : used)
        EXPECT_NE(policy().label(name), nullptr) << name.toStdString();
}

} // namespace
