// Loading policies from files: JSON as well as YAML, fallback to the default policy for what a
// file leaves out, and diagnostics that name the file, the line and the key path.

#include "policyloader.h"
#include "policytestfiles.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mainstay;
using Mainstay::Test::positionOf;
using Mainstay::Test::writePolicyFile;

namespace {

class PolicyLoaderTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString write(const QString &name, const QByteArray &contents)
    {
        return writePolicyFile(m_dir, name, contents);
    }

    // Loads `contents` and expects exactly one error, starting with `file:line:col: path: `
    // where line and column are those of `at` in the text.
    void expectError(const QByteArray &contents, const QByteArray &at, const QString &keyPath,
                     const QString &messageStart)
    {
        const QString path = write(QStringLiteral("broken.yaml"), contents);
        const PolicyLoadResult result = PolicyLoader::loadFile(path);
        ASSERT_FALSE(result.isOk());
        ASSERT_EQ(result.errors().size(), 1) << result.errorString().toStdString();
        const QString expected = positionOf(path, contents, at) + QStringLiteral(": ") +
                                 (keyPath.isEmpty() ? QString() : keyPath + QStringLiteral(": ")) +
                                 messageStart;
        EXPECT_TRUE(result.errors().first().toString().startsWith(expected))
            << "expected: " << expected.toStdString()
            << "\n  actual: " << result.errors().first().toString().toStdString();
        EXPECT_EQ(result.errors().first().keyPath, keyPath);
    }

    QTemporaryDir m_dir;
};

TEST_F(PolicyLoaderTest, JsonPolicyLoadsAndKeepsTheDefaultsForMissingSections)
{
    const QByteArray json = R"({
  "labels": [
    {"name": "kind/bug", "color": "#D73A4A", "group": "type", "description": "A bug"},
    {"name": "state/new", "color": "ededed", "group": "triage"}
  ],
  "board": {"columns": [
    {"id": "inbox", "title": "Inbox", "labels": ["state/new"]},
    {"id": "bugs", "title": "Bugs", "labels": ["kind/bug"], "remove": ["state/new"]}
  ]},
  "sizes": [{"label": "small", "min": 0, "max": 99}, {"label": "big", "min": 100}],
  "maintainers": ["@octocat", "hubot"],
  "stale": {"issues": 7},
  "release": {"branch": "main"}
})";
    const PolicyLoadResult result = PolicyLoader::loadFile(write(QStringLiteral("p.json"), json));
    ASSERT_TRUE(result.isOk()) << result.errorString().toStdString();
    // Its sizes use labels missing from its own table: warned about, not fatal. The default
    // sections it keeps are summed up, one warning each.
    QStringList warned;
    for (const PolicyDiagnostic &warning : result.warnings())
        warned.append(warning.keyPath);
    EXPECT_EQ(warned, QStringList({"sizes[0].label", "sizes[1].label", "semantic-titles", "areas",
                                   "release"}))
        << result.errorString().toStdString();
    EXPECT_TRUE(result.warnings()[2].message.contains(QStringLiteral("`feature`, `bug`")));

    const Policy &policy = result.policy();
    ASSERT_EQ(policy.labels.size(), 2);
    EXPECT_EQ(policy.labels[0].color, QStringLiteral("d73a4a"));
    EXPECT_EQ(policy.labels[1].description, QString());
    ASSERT_EQ(policy.boardColumns.size(), 2);
    EXPECT_EQ(policy.boardColumns[0].add, QStringList{"state/new"}); // defaults to first label
    EXPECT_EQ(policy.columnFor(QStringList{"kind/bug"}), 1);
    EXPECT_EQ(policy.labelChangeForMove(QStringList{"state/new"}, 1),
              (LabelChange{{"kind/bug"}, {"state/new"}}));
    EXPECT_EQ(policy.sizeLabelFor(99), QStringLiteral("small"));
    EXPECT_EQ(policy.sizeLabelFor(100), QStringLiteral("big"));
    EXPECT_TRUE(policy.isMaintainer(u"octocat"));
    EXPECT_EQ(policy.stale.issueDays, 7);

    // Per key inside mappings, whole sections otherwise.
    const Policy &defaults = Policy::defaultPolicy();
    EXPECT_EQ(policy.stale.pullRequestDays, defaults.stale.pullRequestDays);
    EXPECT_EQ(policy.release.branch, QStringLiteral("main"));
    EXPECT_EQ(policy.release.workflow, defaults.release.workflow);
    EXPECT_EQ(policy.release.categories, defaults.release.categories);
    EXPECT_EQ(policy.semanticTitles, defaults.semanticTitles);
    EXPECT_EQ(policy.cannedReplies, defaults.cannedReplies);
    EXPECT_EQ(policy.areas, defaults.areas);
}

TEST_F(PolicyLoaderTest, CompactAndTabIndentedJsonLoad)
{
    const QByteArray compact = R"({"stale":{"issues":3,"pull-requests":4},"maintainers":["a"]})";
    const PolicyLoadResult first = PolicyLoader::loadFile(write(QStringLiteral("c.json"), compact));
    ASSERT_TRUE(first.isOk()) << first.errorString().toStdString();
    EXPECT_EQ(first.policy().stale.pullRequestDays, 4);

    const QByteArray tabs = "{\n\t\"stale\": {\n\t\t\"issues\": 5\n\t}\n}\n";
    const PolicyLoadResult second = PolicyLoader::loadFile(write(QStringLiteral("t.json"), tabs));
    ASSERT_TRUE(second.isOk()) << second.errorString().toStdString();
    EXPECT_EQ(second.policy().stale.issueDays, 5);
}

TEST_F(PolicyLoaderTest, EmptyFileIsTheDefaultPolicy)
{
    const PolicyLoadResult result =
        PolicyLoader::loadFile(write(QStringLiteral("e.yaml"), "# nothing to change\n"));
    ASSERT_TRUE(result.isOk());
    EXPECT_TRUE(result.diagnostics().isEmpty());
    EXPECT_EQ(result.policy(), Policy::defaultPolicy());
}

TEST_F(PolicyLoaderTest, ReleaseDrafterStyleResolverAndCategoriesAreAccepted)
{
    const QByteArray yaml = R"(release:
  categories:
    - title: Fixes
      label: bug
    - title: Other
      labels: [internal, documentation]
  version-resolver:
    major: {labels: [breaking-change]}
    minor: [feature]
    default: minor
)";
    const PolicyLoadResult result = PolicyLoader::loadFile(write(QStringLiteral("r.yaml"), yaml));
    ASSERT_TRUE(result.isOk()) << result.errorString().toStdString();
    EXPECT_TRUE(result.diagnostics().isEmpty()) << result.errorString().toStdString();
    const ReleasePolicy &release = result.policy().release;
    ASSERT_EQ(release.categories.size(), 2);
    EXPECT_EQ(release.categories[0].labels, QStringList{"bug"});
    EXPECT_EQ(release.categories[1].labels, QStringList({"internal", "documentation"}));
    EXPECT_EQ(release.versionResolver.major, QStringList{"breaking-change"});
    EXPECT_EQ(release.versionResolver.minor, QStringList{"feature"});
    EXPECT_EQ(release.versionResolver.patch, Policy::defaultPolicy().release.versionResolver.patch);
    EXPECT_EQ(release.versionResolver.bumpFor({}), VersionBump::Minor);
}

TEST_F(PolicyLoaderTest, SyntaxErrorGivesTheParsersPosition)
{
    const QByteArray yaml = "stale:\n  issues: 3\nlabels: [triage, bug\n";
    const QString path = write(QStringLiteral("syntax.yaml"), yaml);
    const PolicyLoadResult result = PolicyLoader::loadFile(path);
    ASSERT_FALSE(result.isOk());
    ASSERT_EQ(result.errors().size(), 1);
    const PolicyDiagnostic error = result.errors().first();
    EXPECT_EQ(error.file, path);
    EXPECT_GE(error.line, 3);
    EXPECT_GT(error.column, 0);
    EXPECT_TRUE(error.message.startsWith(QStringLiteral("syntax error: ")));
    EXPECT_GT(error.message.size(), QStringLiteral("syntax error: ").size());
    EXPECT_TRUE(error.toString().startsWith(
        QStringLiteral("%1:%2:%3: syntax error: ").arg(path).arg(error.line).arg(error.column)));
}

TEST_F(PolicyLoaderTest, SyntaxErrorOnAnIndentedLine)
{
    // A plain value may not contain `: `; the parser stops on that line.
    const QByteArray yaml = "board:\n  columns:\n    - id: new\n      title: New: old\n";
    const QString path = write(QStringLiteral("q.yaml"), yaml);
    const PolicyLoadResult result = PolicyLoader::loadFile(path);
    ASSERT_FALSE(result.isOk());
    ASSERT_EQ(result.errors().size(), 1);
    EXPECT_EQ(result.errors().first().line, 4) << result.errorString().toStdString();
    EXPECT_TRUE(result.errorString().startsWith(path + QStringLiteral(":4:")));
}

TEST_F(PolicyLoaderTest, WrongTypeDeepInsideNamesTheKeyPath)
{
    const QByteArray yaml = R"(version: 1
board:
  columns:
    - id: new
      title: New
      labels: [triage]
    - id: waiting
      title: Waiting
      labels: [need-more-information]
    - id: bugs
      title: Bugs
      labels:
        bug: true
)";
    expectError(yaml, "labels:\n        bug", QStringLiteral("board.columns[2].labels"),
                QStringLiteral("expected a list of label names, got a mapping"));
}

TEST_F(PolicyLoaderTest, NonNumericSizeNamesTheKeyPath)
{
    const QByteArray yaml = "sizes:\n  - {label: size/XS, min: 0, max: 9}\n"
                            "  - label: size/S\n    min: ten\n    max: 29\n";
    expectError(yaml, "min: ten", QStringLiteral("sizes[1].min"),
                QStringLiteral("expected a whole number, got `ten`"));
}

TEST_F(PolicyLoaderTest, SizesWithAGapAreRejected)
{
    const QByteArray yaml = "sizes:\n  - {label: size/XS, min: 0, max: 9}\n"
                            "  - label: size/S\n    min: 12\n    max: 29\n";
    expectError(yaml, "min: 12", QStringLiteral("sizes[1].min"), QStringLiteral("expected 10"));
}

TEST_F(PolicyLoaderTest, OverlappingAndUnboundedSizesAreRejected)
{
    expectError("sizes:\n  - {label: size/XS, min: 0, max: 9}\n  - {label: size/S, min: 5}\n",
                "min: 5", QStringLiteral("sizes[1].min"), QStringLiteral("expected 10"));
    expectError("sizes:\n  - {label: size/XS, min: 0}\n  - {label: size/S, min: 10}\n",
                "{label: size/XS", QStringLiteral("sizes[0].max"),
                QStringLiteral("only the last size may leave out max"));
    expectError("sizes:\n  - {label: size/XS, min: 1, max: 9}\n", "min: 1",
                QStringLiteral("sizes[0].min"), QStringLiteral("the first size must start at 0"));
    expectError("sizes:\n  - {label: size/XS, min: 0, max: -3}\n", "max: -3",
                QStringLiteral("sizes[0].max"), QStringLiteral("expected a whole number of at"));
}

TEST_F(PolicyLoaderTest, BadColourNamesTheLabel)
{
    const QByteArray yaml = R"(labels:
  - name: bug
    color: d73a4a
  - name: triage
    color: yellow
    group: triage
)";
    expectError(yaml, "color: yellow", QStringLiteral("labels[1].color"),
                QStringLiteral("expected six hexadecimal digits"));
}

TEST_F(PolicyLoaderTest, DuplicatesAreRejected)
{
    expectError("labels:\n  - {name: bug, color: d73a4a}\n  - {name: Bug, color: d73a4a}\n",
                "name: Bug", QStringLiteral("labels[1].name"),
                QStringLiteral("the label name `Bug` is already used by labels[0]"));
    expectError("board:\n  columns:\n    - {id: a, title: A, labels: [bug]}\n"
                "    - {id: a, title: B, labels: [triage]}\n",
                "id: a, title: B", QStringLiteral("board.columns[1].id"),
                QStringLiteral("the column id `a` is already used"));
    expectError("stale:\n  issues: 1\n  issues: 2\n", "issues: 2", QStringLiteral("stale.issues"),
                QStringLiteral("the key appears more than once"));
}

TEST_F(PolicyLoaderTest, MissingRequiredKeyPointsAtTheItem)
{
    const QByteArray yaml = "labels:\n  - name: bug\n    color: d73a4a\n  - name: triage\n";
    expectError(yaml, "name: triage", QStringLiteral("labels[1].color"),
                QStringLiteral("missing; every label needs a colour"));
}

TEST_F(PolicyLoaderTest, InvalidRegularExpressionAndGlob)
{
    expectError("gantt:\n  sections:\n    - job: \"Deploy (Beta\"\n      section: Layer\n",
                "job:", QStringLiteral("gantt.sections[0].job"),
                QStringLiteral("not a valid regular expression"));
    expectError("areas:\n  - label: bug\n    paths: [\"src/{a,b\"]\n",
                "paths:", QStringLiteral("areas[0].paths"), QStringLiteral("`src/{a,b`"));
}

TEST_F(PolicyLoaderTest, WrongKindsOfValues)
{
    expectError("- labels\n", "- labels", QString(),
                QStringLiteral("expected a mapping of policy sections, got a list"));
    expectError("version: 2\n", "version", QStringLiteral("version"),
                QStringLiteral("this Mainstay understands version 1 only"));
    expectError("semantic-titles:\n  require-scope: maybe\n", "require-scope",
                QStringLiteral("semantic-titles.require-scope"),
                QStringLiteral("expected true or false, got `maybe`"));
    expectError("release:\n  branch: [a, b]\n", "branch", QStringLiteral("release.branch"),
                QStringLiteral("expected text, got a list"));
    expectError("release:\n  version-resolver:\n    default: huge\n", "default",
                QStringLiteral("release.version-resolver.default"),
                QStringLiteral("expected major, minor or patch, got `huge`"));
    expectError("board:\n  columns:\n    - {id: a, title: A, labels: [bug, [x]]}\n", "[x]",
                QStringLiteral("board.columns[0].labels[1]"),
                QStringLiteral("expected one of the label names, got a list"));
}

TEST_F(PolicyLoaderTest, UnknownKeysAndUnknownLabelsOnlyWarn)
{
    const QByteArray yaml = R"(colours: {}
labels:
  - name: bug
    colour: d73a4a
    color: d73a4a
board:
  columns:
    - {id: bugs, title: Bugs, labels: [bug, defect]}
)";
    const QString path = write(QStringLiteral("warn.yaml"), yaml);
    const PolicyLoadResult result = PolicyLoader::loadFile(path);
    ASSERT_TRUE(result.isOk()) << result.errorString().toStdString();
    const QList<PolicyDiagnostic> warnings = result.warnings();
    ASSERT_GE(warnings.size(), 3) << result.errorString().toStdString();
    EXPECT_EQ(warnings[0].toString(),
              positionOf(path, yaml, "colours") + QStringLiteral(": warning: colours: unknown key, "
                                                                 "ignored"));
    EXPECT_EQ(warnings[1].toString(),
              positionOf(path, yaml, "colour:") +
                  QStringLiteral(": warning: labels[0].colour: unknown key, ignored; did you "
                                 "mean `color`?"));
    EXPECT_EQ(warnings[2].toString(),
              positionOf(path, yaml, "defect") +
                  QStringLiteral(": warning: board.columns[0].labels[1]: the label `defect` is "
                                 "not in the label table"));
    // The rest are about the default sections the file keeps, which use other labels.
    for (qsizetype i = 3; i < warnings.size(); ++i) {
        EXPECT_EQ(warnings[i].line, 0);
        EXPECT_TRUE(warnings[i].message.contains(QStringLiteral("default policy")));
    }
}

TEST_F(PolicyLoaderTest, WarningsAboutDefaultSectionsSaySo)
{
    // A label table without `triage` leaves the default board pointing at missing labels.
    const QByteArray yaml = "labels:\n  - {name: bug, color: d73a4a}\n";
    const QString path = write(QStringLiteral("l.yaml"), yaml);
    const PolicyLoadResult result = PolicyLoader::loadFile(path);
    ASSERT_TRUE(result.isOk());
    ASSERT_FALSE(result.warnings().isEmpty());
    const PolicyDiagnostic first = result.warnings().first();
    EXPECT_EQ(first.line, 0);
    EXPECT_EQ(first.keyPath, QStringLiteral("board"));
    EXPECT_TRUE(first.toString().startsWith(
        path + QStringLiteral(": warning: board: the default policy's values kept here use "
                              "labels that are not in the label table: `triage`, ")))
        << first.toString().toStdString();
    // `bug` is in the file's table, so it is not listed.
    EXPECT_FALSE(first.message.contains(QStringLiteral("`bug`")));
}

TEST_F(PolicyLoaderTest, ErrorsInInheritedKeysSayWhereTheyComeFrom)
{
    // The default policy's sizes are fine on their own; the base here has a broken one.
    Policy base = Policy::defaultPolicy();
    base.sizes[1].min = 11;
    const PolicyLoadResult result =
        PolicyLoader::loadData("stale: {issues: 1}\n", QStringLiteral("x.yaml"), base);
    ASSERT_FALSE(result.isOk());
    EXPECT_EQ(result.errors().first().toString(),
              QStringLiteral("x.yaml: sizes[1].min: expected 10, right after the previous size's "
                             "max (9), so that every line count has one size; got 11 (this part "
                             "comes from the default policy)"));
}

TEST_F(PolicyLoaderTest, OnlyTheFirstDocumentIsRead)
{
    const QByteArray yaml = "stale: {issues: 4}\n---\nstale: {issues: 5}\n";
    const QString path = write(QStringLiteral("docs.yaml"), yaml);
    const PolicyLoadResult result = PolicyLoader::loadFile(path);
    ASSERT_TRUE(result.isOk());
    EXPECT_EQ(result.policy().stale.issueDays, 4);
    ASSERT_EQ(result.warnings().size(), 1);
    EXPECT_EQ(result.warnings().first().toString(),
              positionOf(path, yaml, "stale: {issues: 5}") +
                  QStringLiteral(": warning: only the first YAML document is read; the file "
                                 "has 2"));
}

TEST_F(PolicyLoaderTest, UnreadableFileIsAnError)
{
    const QString path = m_dir.filePath(QStringLiteral("missing.yaml"));
    const PolicyLoadResult result = PolicyLoader::loadFile(path);
    ASSERT_FALSE(result.isOk());
    EXPECT_TRUE(result.errorString().startsWith(path + QStringLiteral(": cannot be read")));
}

TEST_F(PolicyLoaderTest, LoadOrDefaultFallsBackAndSaysWhy)
{
    QString message = QStringLiteral("stale");
    const QByteArray broken = "stale:\n  issues: many\n";
    const QString brokenPath = write(QStringLiteral("broken.yaml"), broken);
    EXPECT_EQ(PolicyLoader::loadOrDefault(brokenPath, &message), Policy::defaultPolicy());
    EXPECT_TRUE(message.startsWith(positionOf(brokenPath, broken, "issues") +
                                   QStringLiteral(": stale.issues: expected a whole number")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("built-in policy")));

    const QString goodPath = write(QStringLiteral("good.yaml"), "stale: {issues: 2}\nextra: 1\n");
    const Policy good = PolicyLoader::loadOrDefault(goodPath, &message);
    EXPECT_EQ(good.stale.issueDays, 2);
    EXPECT_TRUE(message.contains(QStringLiteral("warning: extra: unknown key")))
        << message.toStdString();

    const QString cleanPath = write(QStringLiteral("clean.yaml"), "stale: {issues: 3}\n");
    EXPECT_EQ(PolicyLoader::loadOrDefault(cleanPath, &message).stale.issueDays, 3);
    EXPECT_TRUE(message.isEmpty());

    EXPECT_EQ(PolicyLoader::loadOrDefault(QString(), &message), Policy::defaultPolicy());
    EXPECT_TRUE(message.isEmpty());

    EXPECT_EQ(PolicyLoader::loadOrDefault(m_dir.filePath(QStringLiteral("nope.yaml")), &message),
              Policy::defaultPolicy());
    EXPECT_TRUE(message.contains(QStringLiteral("cannot be read")));
    EXPECT_EQ(PolicyLoader::loadOrDefault(brokenPath), Policy::defaultPolicy());
}

TEST_F(PolicyLoaderTest, ExplicitBaseInsteadOfTheDefault)
{
    const PolicyLoadResult result =
        PolicyLoader::loadData("maintainers: [a]\n", QStringLiteral("inline"), Policy());
    ASSERT_TRUE(result.isOk());
    EXPECT_EQ(result.policy().maintainers, QStringList{"a"});
    EXPECT_TRUE(result.policy().labels.isEmpty());
}

TEST(PolicyValidate, ChecksPoliciesBuiltInCode)
{
    Policy policy = Policy::defaultPolicy();
    policy.labels[0].color = QStringLiteral("#12345");
    policy.boardColumns[1].id = policy.boardColumns[0].id;
    const QList<PolicyDiagnostic> diagnostics = PolicyLoader::validate(policy);
    ASSERT_EQ(diagnostics.size(), 2);
    EXPECT_EQ(diagnostics[0].toString(),
              QStringLiteral("labels[0].color: expected six hexadecimal digits such as `d73a4a`, "
                             "got `#12345`"));
    EXPECT_EQ(diagnostics[1].keyPath, QStringLiteral("board.columns[1].id"));
    EXPECT_TRUE(diagnostics[1].isError());
}

} // namespace
