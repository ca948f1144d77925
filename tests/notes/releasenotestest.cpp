// Release notes generation: configuration loading and its errors, the version resolver, both
// output styles, the markers, JavaScript regular expressions for replacers, and regeneration
// that keeps human edits (table-driven).

#include "releasenotes.h"
#include "jsregex.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <functional>

using namespace Mainstay;

namespace {

NotesPullRequest pr(int number, const QString &title, const QStringList &labels,
                    const QString &login = QStringLiteral("alice"), int day = 1)
{
    NotesPullRequest p;
    p.number = number;
    p.title = title;
    p.labels = labels;
    p.author = {login, QStringLiteral("User"), QStringLiteral("https://github.com/") + login};
    p.url = QStringLiteral("https://github.com/octo/demo/pull/%1").arg(number);
    p.mergedAt = QDateTime(QDate(2026, 3, day), QTime(10, 0), Qt::UTC);
    return p;
}

ReleasePolicy policy()
{
    ReleasePolicy p;
    p.branch = QStringLiteral("develop");
    p.tagTemplate = QStringLiteral("v$RESOLVED_VERSION");
    p.nameTemplate = QStringLiteral("v$RESOLVED_VERSION");
    p.summaryPlaceholder = QStringLiteral("[Human readable summary of changes]");
    p.bodyTemplate = QStringLiteral("## Summary\n\n**[Human readable summary of changes]**\n\n"
                                    "## Changes\n\n$CHANGES\n\n## Contributors\n\n$CONTRIBUTORS\n");
    p.changeTemplate = QStringLiteral("* $TITLE (#$NUMBER) by @$AUTHOR");
    p.categoryTemplate = QStringLiteral("### $TITLE");
    p.categories = {{QStringLiteral("Features"), {QStringLiteral("feature")}},
                    {QStringLiteral("Bug fixes"), {QStringLiteral("bug")}},
                    {QStringLiteral("Maintenance"),
                     {QStringLiteral("internal"), QStringLiteral("dependencies")}}};
    p.versionResolver.major = {QStringLiteral("breaking-change")};
    p.versionResolver.minor = {QStringLiteral("feature")};
    p.versionResolver.patch = {QStringLiteral("bug")};
    p.pendingReleaseLabel = QStringLiteral("pending-release");
    return p;
}

NotesInput baseInput()
{
    NotesInput in;
    in.owner = QStringLiteral("octo");
    in.repository = QStringLiteral("demo");
    in.webUrl = QStringLiteral("https://github.com/octo/demo");
    in.targetBranch = QStringLiteral("develop");
    in.previousTag = QStringLiteral("v1.25.3");
    in.pullRequests = {
        pr(10, QStringLiteral("feat: levels"), {QStringLiteral("feature")}, QStringLiteral("alice"),
           3),
        pr(11, QStringLiteral("fix: crash"), {QStringLiteral("bug")}, QStringLiteral("bob"), 4),
        pr(12, QStringLiteral("chore: bump"), {QStringLiteral("dependencies")},
           QStringLiteral("carol"), 2)};
    return in;
}

QString replaceLine(const QString &text, const QString &contains, const QString &with)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        if (line.contains(contains)) {
            line = with;
            break;
        }
    return lines.join(u'\n');
}

QString insertAfterLine(const QString &text, const QString &contains, const QString &extra)
{
    QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines.at(i).contains(contains)) {
            lines.insert(i + 1, extra);
            break;
        }
    return lines.join(u'\n');
}

// Edits the text of a generated change line as a person would in the editor: the marker at the
// end of the line stays.
QString editChange(const QString &text, const QString &contains, const QString &with)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        if (line.contains(contains)) {
            const qsizetype marker = line.indexOf(QStringLiteral(" <!-- mainstay:pr "));
            line = with + (marker >= 0 ? line.mid(marker) : QString());
            break;
        }
    return lines.join(u'\n');
}

int lineNumberOf(const QString &text, const QString &contains)
{
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i)
        if (lines.at(i).contains(contains))
            return i + 1;
    return 0;
}

} // namespace

// ---------------------------------------------------------------- configuration

TEST(NotesConfig, ReleaseDrafterKeysAreRead)
{
    const QByteArray yaml = R"(name-template: 'v$RESOLVED_VERSION 🌈'
tag-template: 'v$RESOLVED_VERSION'
template: |
  $CHANGES
categories:
  - title: Features
    label: feature
  - title: Fixes
    labels: [bug, fix]
    collapse-after: 3
exclude-labels: [skip]
include-labels: [feature, bug]
change-template: '- $TITLE @$AUTHOR (#$NUMBER)'
change-title-escapes: '\<*_&'
no-changes-template: '- nothing'
category-template: '#### $TITLE'
exclude-contributors: [bot1]
replacers:
  - search: '/CVE-(\d+)/g'
    replace: 'cve $1'
sort-by: title
sort-direction: ascending
version-resolver:
  major:
    labels: [major]
  minor:
    labels: minor
  default: minor
autolabeler:
  - label: x
    title: ['/x/']
)";
    const NotesConfigResult result =
        NotesConfigLoader::parseReleaseDrafter(yaml, QStringLiteral("rd.yml"), policy());
    ASSERT_TRUE(result.ok()) << result.errorText().toStdString();
    EXPECT_TRUE(result.diagnostics.isEmpty()) << result.errorText().toStdString();
    const NotesConfig &c = *result.config;
    EXPECT_EQ(c.style, NotesConfig::Style::ReleaseDrafter);
    EXPECT_EQ(c.bodyTemplate, QStringLiteral("$CHANGES\n"));
    ASSERT_EQ(c.categories.size(), 2);
    EXPECT_EQ(c.categories.at(0).labels, QStringList{QStringLiteral("feature")});
    EXPECT_EQ(c.categories.at(1).labels,
              (QStringList{QStringLiteral("bug"), QStringLiteral("fix")}));
    EXPECT_EQ(c.categories.at(1).collapseAfter, 3);
    EXPECT_EQ(c.excludeLabels, QStringList{QStringLiteral("skip")});
    EXPECT_EQ(c.includeLabels.size(), 2);
    EXPECT_EQ(c.changeTitleEscapes, QStringLiteral("\\<*_&"));
    EXPECT_EQ(c.noChangesTemplate, QStringLiteral("- nothing"));
    EXPECT_EQ(c.categoryTemplate, QStringLiteral("#### $TITLE"));
    EXPECT_EQ(c.replacers.size(), 1);
    EXPECT_EQ(c.sortBy, NotesConfig::SortBy::Title);
    EXPECT_EQ(c.sortDirection, NotesConfig::SortDirection::Ascending);
    EXPECT_EQ(c.versionResolver.major, QStringList{QStringLiteral("major")});
    EXPECT_EQ(c.versionResolver.minor, QStringList{QStringLiteral("minor")});
    EXPECT_EQ(c.versionResolver.defaultBump, VersionBump::Minor);
    EXPECT_EQ(c.nameTemplate, QStringLiteral("v$RESOLVED_VERSION 🌈"));
    // From the policy whatever the file says.
    EXPECT_EQ(c.targetBranch, QStringLiteral("develop"));
    EXPECT_EQ(c.summaryPlaceholder, QStringLiteral("[Human readable summary of changes]"));
}

TEST(NotesConfig, ErrorsNameFileLineColumnAndKey)
{
    struct Case
    {
        QByteArray yaml;
        QString expected;
    };
    const QList<Case> cases{
        {"categories: []\n", QStringLiteral("rd.yml:1:1: template: is required")},
        {"template: x\nsort-by: size\n",
         QStringLiteral("rd.yml:2:10: sort-by: must be merged_at or title, not `size`")},
        {"template: x\ncategories:\n  - title: A\n  - labels: [b]\n",
         QStringLiteral("rd.yml:4:5: categories[1].title: is required")},
        {"template: x\ncategories:\n  - title: A\n  - title: B\n",
         QStringLiteral("rd.yml:4:5: categories[1]: only one category may have no labels")},
        {"template: x\ncategories:\n  - title: A\n    collapse-after: -1\n    labels: [a]\n",
         QStringLiteral(
             "rd.yml:4:21: categories[0].collapse-after: must be an integer of at least 0")},
        {"template: x\nversion-resolver:\n  default: huge\n",
         QStringLiteral("rd.yml:3:12: version-resolver.default: must be major, minor or patch")},
        {"template: x\nexclude-labels: skip\n",
         QStringLiteral("rd.yml:2:17: exclude-labels: must be a list of strings")},
        {"template: x\nreplacers:\n  - replace: y\n",
         QStringLiteral("rd.yml:3:5: replacers[0].search: is required")},
        {"template: [unclosed\n", QStringLiteral("rd.yml:")},
        {"- just\n- a list\n", QStringLiteral("rd.yml:1:1: the file must be a mapping")},
        // What Release Drafter's YAML reader makes a number, boolean, null or date is no string.
        {"template: x\ncategories:\n  - title: 2024\n    labels: [a]\n",
         QStringLiteral("rd.yml:3:12: categories[0].title: must be a string, not a number")},
        {"template: x\nexclude-labels: [wontfix, 1.0]\n",
         QStringLiteral("rd.yml:2:27: exclude-labels[1]: must be a string, not a number")},
        {"template: x\nname-template: true\n",
         QStringLiteral("rd.yml:2:16: name-template: must be a string, not a boolean")},
        {"template: x\nexclude-contributors: [2024-01-01]\n",
         QStringLiteral("exclude-contributors[0]: must be a string, not a date")},
        {"template: x\nversion-resolver:\n  major:\n    labels: 0x1F\n",
         QStringLiteral("version-resolver.major.labels: must be a string, not a number")},
        // Joi refuses empty strings in its string lists, and in `label`.
        {"template: x\nexclude-contributors: [alice, '']\n",
         QStringLiteral("rd.yml:2:31: exclude-contributors[1]: must not be empty")},
        {"template: x\ncategories:\n  - title: A\n    label: ''\n",
         QStringLiteral("categories[0].label: must not be empty")},
        {"template: x\ncategories:\n  - title: A\n    collapse-after: 1.5\n    labels: [a]\n",
         QStringLiteral("categories[0].collapse-after: must be an integer")},
        // Keys that do not change the body are still type-checked by Release Drafter.
        {"template: x\nprerelease: yes\n",
         QStringLiteral("rd.yml:2:13: prerelease: must be true or false")},
        {"template: x\nlatest: true\n",
         QStringLiteral("rd.yml:2:9: latest: must be a string, not a boolean")},
        {"template: x\npull-request-limit: 0\n",
         QStringLiteral("pull-request-limit: must be an integer of at least 1")},
        {"template: x\nreferences: main\n",
         QStringLiteral("references: must be a list of strings")},
        {"template: x\nautolabeler:\n  - title: [x]\n",
         QStringLiteral("autolabeler[0].label: is required")},
        // js-yaml reads one document, and knows its tags.
        {"template: x\n---\ntemplate: y\n",
         QStringLiteral("expected a single document in the file, but found more")},
        {"template: !!binary aGVsbG8=\n",
         QStringLiteral("template: must be a string, not a binary value")},
        {"template: !custom x\n",
         QStringLiteral("template: must be a string, not a value of unknown tag")},
        // js-yaml refuses a key given twice.
        {"template: x\nsort-by: title\nsort-by: title\n",
         QStringLiteral("rd.yml:3:1: sort-by: is given twice")},
        {"template: x\ncategories:\n  - title: A\n    title: B\n",
         QStringLiteral("categories[0].title: is given twice")},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.yaml.toStdString());
        const NotesConfigResult result =
            NotesConfigLoader::parseReleaseDrafter(c.yaml, QStringLiteral("rd.yml"), policy());
        EXPECT_FALSE(result.ok());
        EXPECT_TRUE(result.errorText().contains(c.expected)) << result.errorText().toStdString();
    }
    // Quoted, these are strings; Joi converts numbers written as strings, and a `labels` next
    // to a `label` is dropped before Release Drafter validates it.
    const NotesConfigResult quoted = NotesConfigLoader::parseReleaseDrafter(
        "template: x\nname-template: 'true'\ncategories:\n  - title: '2024'\n    label: bug\n"
        "    labels: [1.0, '']\n    collapse-after: '2'\n  - title: B\n    labels: [a]\n"
        "    collapse-after: 2.0\n  - title: C\n    labels: 09\n",
        QStringLiteral("rd.yml"), policy());
    ASSERT_TRUE(quoted.ok()) << quoted.errorText().toStdString();
    EXPECT_EQ(quoted.config->nameTemplate, QStringLiteral("true"));
    ASSERT_EQ(quoted.config->categories.size(), 3);
    EXPECT_EQ(quoted.config->categories.at(0).title, QStringLiteral("2024"));
    EXPECT_EQ(quoted.config->categories.at(0).labels, QStringList{QStringLiteral("bug")});
    EXPECT_EQ(quoted.config->categories.at(0).collapseAfter, 2);
    EXPECT_EQ(quoted.config->categories.at(1).collapseAfter, 2);
    EXPECT_EQ(quoted.config->categories.at(2).labels, QStringList{QStringLiteral("09")});
    // `branches` replaces `references` unread, as Release Drafter renames it.
    EXPECT_TRUE(
        NotesConfigLoader::parseReleaseDrafter("template: x\nreferences: main\nbranches: [main]\n",
                                               QStringLiteral("rd.yml"), policy())
            .ok());
    // Unknown keys are warnings, not errors.
    const NotesConfigResult warned = NotesConfigLoader::parseReleaseDrafter(
        "template: x\ntemplte: y\n", QStringLiteral("rd.yml"), policy());
    ASSERT_TRUE(warned.ok());
    EXPECT_EQ(warned.errorText(),
              QStringLiteral("rd.yml:2:1: warning: templte: unknown key, ignored"));
}

TEST(NotesConfig, GitHubReleaseYml)
{
    const QByteArray yaml = R"(changelog:
  exclude:
    labels: [ignore-for-release]
    authors: [octocat]
  categories:
    - title: Breaking Changes 🛠
      labels: [Semver-Major, breaking-change]
    - title: Exciting New Features 🎉
      labels: [Semver-Minor, enhancement]
      exclude:
        labels: [wip]
    - title: Other Changes
      labels: ["*"]
)";
    const NotesConfigResult result =
        NotesConfigLoader::parseGitHubRelease(yaml, QStringLiteral("release.yml"), policy());
    ASSERT_TRUE(result.ok()) << result.errorText().toStdString();
    const NotesConfig &c = *result.config;
    EXPECT_EQ(c.style, NotesConfig::Style::GitHub);
    EXPECT_EQ(c.excludeLabels, QStringList{QStringLiteral("ignore-for-release")});
    EXPECT_EQ(c.excludeAuthors, QStringList{QStringLiteral("octocat")});
    ASSERT_EQ(c.categories.size(), 3);
    EXPECT_EQ(c.categories.at(1).excludeLabels, QStringList{QStringLiteral("wip")});

    NotesInput in = baseInput();
    in.pullRequests << pr(13, QStringLiteral("feat!: drop py2"),
                          {QStringLiteral("breaking-change")}, QStringLiteral("dave"), 5)
                    << pr(14, QStringLiteral("wip feature"),
                          {QStringLiteral("enhancement"), QStringLiteral("wip")},
                          QStringLiteral("erin"), 6)
                    << pr(15, QStringLiteral("by octocat"), {}, QStringLiteral("octocat"), 7);
    in.firstTimeContributors = {QStringLiteral("dave")};
    const GeneratedNotes notes = generateNotes(in, c);
    EXPECT_EQ(
        notes.body,
        QStringLiteral(
            "## What's Changed\n"
            "### Breaking Changes 🛠\n"
            "* feat!: drop py2 by @dave in https://github.com/octo/demo/pull/13\n"
            "### Other Changes\n"
            "* wip feature by @erin in https://github.com/octo/demo/pull/14\n"
            "* fix: crash by @bob in https://github.com/octo/demo/pull/11\n"
            "* feat: levels by @alice in https://github.com/octo/demo/pull/10\n"
            "* chore: bump by @carol in https://github.com/octo/demo/pull/12\n\n"
            "## New Contributors\n"
            "* @dave made their first contribution in https://github.com/octo/demo/pull/13\n\n"
            "**Full Changelog**: https://github.com/octo/demo/compare/v1.25.3...v2.0.0"));
    EXPECT_EQ(NotesMarkers::strip(notes.markedBody), notes.body);
    EXPECT_TRUE(notes.uncategorized.isEmpty()); // "*" takes them
    ASSERT_EQ(notes.changeList.size(), 6);
    EXPECT_EQ(notes.changeList.first().number, 15); // newest first
    EXPECT_TRUE(notes.changeList.first().excluded); // octocat's
}

TEST(NotesConfig, LocalFileChoosesItsStyleAndReportsUnreadableFiles)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.yml"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("changelog:\n  categories:\n    - title: All\n      labels: ['*']\n");
    file.close();
    const NotesConfigResult gh = NotesConfigLoader::loadFile(path, policy());
    ASSERT_TRUE(gh.ok());
    EXPECT_EQ(gh.config->style, NotesConfig::Style::GitHub);
    EXPECT_EQ(gh.config->source, NotesConfig::Source::LocalFile);
    const NotesConfigResult missing =
        NotesConfigLoader::loadFile(dir.filePath(QStringLiteral("no.yml")), policy());
    EXPECT_FALSE(missing.ok());
    EXPECT_TRUE(missing.errorText().contains(QStringLiteral("cannot read the file")));
}

// ---------------------------------------------------------------- versions

TEST(NotesVersion, ParsesLikeSemverAndCoerces)
{
    EXPECT_EQ(NotesVersion::parse(QStringLiteral("v1.2.3"))->toString(), QStringLiteral("1.2.3"));
    EXPECT_EQ(NotesVersion::parse(QStringLiteral("1.2.3-rc.1"))->prerelease,
              QStringLiteral("rc.1"));
    EXPECT_EQ(NotesVersion::parse(QStringLiteral("release-3.4"))->toString(),
              QStringLiteral("3.4.0"));
    EXPECT_EQ(NotesVersion::parse(QStringLiteral("app-1.4.0"), QStringLiteral("app-"))->toString(),
              QStringLiteral("1.4.0"));
    EXPECT_FALSE(NotesVersion::parse(QStringLiteral("latest")).has_value());
    const NotesVersion pre = *NotesVersion::parse(QStringLiteral("2.0.0-rc.1"));
    EXPECT_EQ(pre.bumped(VersionBump::Patch).toString(), QStringLiteral("2.0.0"));
    EXPECT_EQ(pre.bumped(VersionBump::Minor).toString(), QStringLiteral("2.0.0"));
    EXPECT_EQ(pre.bumped(VersionBump::Major).toString(), QStringLiteral("2.0.0"));
    const NotesVersion v = *NotesVersion::parse(QStringLiteral("1.25.3"));
    EXPECT_EQ(v.bumped(VersionBump::Minor).toString(), QStringLiteral("1.26.0"));
    EXPECT_EQ(v.bumped(VersionBump::Major).toString(), QStringLiteral("2.0.0"));
}

TEST(NotesVersion, ResolvedFromLabelsWithThePlaceholderTagFilled)
{
    const NotesConfig config = NotesConfigLoader::fromPolicy(policy());
    NotesInput in = baseInput();
    ResolvedVersion r = resolveVersion(in, config);
    EXPECT_EQ(r.bump, VersionBump::Minor);
    EXPECT_TRUE(r.fromLabels);
    EXPECT_EQ(r.version, QStringLiteral("1.26.0"));
    EXPECT_EQ(r.tag, QStringLiteral("v1.26.0"));
    EXPECT_EQ(r.name, QStringLiteral("v1.26.0"));
    EXPECT_EQ(r.nextMajor, QStringLiteral("2.0.0"));
    EXPECT_EQ(r.nextPatch, QStringLiteral("1.25.4"));
    EXPECT_TRUE(r.reasons.contains(QStringLiteral("#10 feature → minor")));

    in.pullRequests = {pr(1, QStringLiteral("x"), {})};
    r = resolveVersion(in, config);
    EXPECT_FALSE(r.fromLabels);
    EXPECT_EQ(r.tag, QStringLiteral("v1.25.4"));

    in.pullRequests << pr(2, QStringLiteral("y"), {QStringLiteral("breaking-change")});
    EXPECT_EQ(resolveVersion(in, config).tag, QStringLiteral("v2.0.0"));
    in.inputVersion = QStringLiteral("3.1.0");
    EXPECT_EQ(resolveVersion(in, config).tag, QStringLiteral("v3.1.0"));
    in.inputVersion.clear();
    in.previousTag.clear();
    EXPECT_EQ(resolveVersion(in, config).tag, QStringLiteral("v0.1.0")); // Release Drafter's first
}

// ---------------------------------------------------------------- generation

TEST(NotesGenerate, PolicyTemplateWithMarkersThatStripToTheBody)
{
    const NotesConfig config = NotesConfigLoader::fromPolicy(policy());
    NotesInput in = baseInput();
    in.commits = {{QStringLiteral("abc"),
                   QStringLiteral("docs: x"),
                   QString(),
                   QStringLiteral("Dana D"),
                   {}}};
    const GeneratedNotes notes = generateNotes(in, config);
    EXPECT_EQ(notes.body, QStringLiteral("## Summary\n\n**[Human readable summary of changes]**\n\n"
                                         "## Changes\n\n"
                                         "### Features\n\n* feat: levels (#10) by @alice\n\n"
                                         "### Bug fixes\n\n* fix: crash (#11) by @bob\n\n"
                                         "### Maintenance\n\n* chore: bump (#12) by @carol\n\n"
                                         "## Contributors\n\n@alice, @bob, @carol and Dana D\n"));
    EXPECT_EQ(NotesMarkers::strip(notes.markedBody), notes.body);
    EXPECT_TRUE(notes.markedBody.contains(NotesMarkers::begin(QStringLiteral("changes"))));
    EXPECT_TRUE(notes.markedBody.contains(
        QStringLiteral("* feat: levels (#10) by @alice <!-- mainstay:pr 10 ")));
    EXPECT_TRUE(notes.markedBody.contains(QStringLiteral("### Features <!-- mainstay:gen -->")));
    EXPECT_TRUE(notes.markedBody.contains(QStringLiteral("<!-- mainstay:begin contributors ")));
    EXPECT_EQ(notes.tag, QStringLiteral("v1.26.0"));
    EXPECT_EQ(notes.targetBranch, QStringLiteral("develop"));
    ASSERT_EQ(notes.changeList.size(), 3);
    EXPECT_EQ(notes.changeList.at(0).number, 11); // merged last, listed first
    EXPECT_EQ(notes.changeList.at(0).categories, QStringList{QStringLiteral("Bug fixes")});
    EXPECT_TRUE(notes.uncategorized.isEmpty());
}

TEST(NotesGenerate, ReplacersThatEatMarkersLeaveAPlainBody)
{
    NotesConfig config = NotesConfigLoader::fromPolicy(policy());
    config.replacers = {{QStringLiteral("/\\(#\\d+\\).*$/gm"), QString()}};
    const GeneratedNotes notes = generateNotes(baseInput(), config);
    EXPECT_TRUE(notes.body.contains(QStringLiteral("* feat: levels \n")));
    EXPECT_EQ(NotesMarkers::strip(notes.markedBody), notes.body);
}

TEST(JsRegex, TranslatesWhatPcreReadsDifferently)
{
    struct Case
    {
        QString search, replace, input, expected;
    };
    const QList<Case> cases{
        {QStringLiteral("/a$/"), QStringLiteral("X"), QStringLiteral("a\na"),
         QStringLiteral("a\nX")},
        {QStringLiteral("/a$/m"), QStringLiteral("X"), QStringLiteral("a\na"),
         QStringLiteral("X\na")},
        {QStringLiteral("/a$/gm"), QStringLiteral("X"), QStringLiteral("a\na"),
         QStringLiteral("X\nX")},
        {QStringLiteral("/^b/gm"), QStringLiteral("X"), QStringLiteral("b\rb"),
         QStringLiteral("X\rX")},
        {QStringLiteral("/./g"), QStringLiteral("-"), QStringLiteral("a\rb"),
         QStringLiteral("-\r-")},
        {QStringLiteral("/./gs"), QStringLiteral("-"), QStringLiteral("a\rb"),
         QStringLiteral("---")},
        {QStringLiteral("/(\\w+)@(\\w+)/g"), QStringLiteral("$2 at $1 [$&] $$"),
         QStringLiteral("me@home"), QStringLiteral("home at me [me@home] $")},
        {QStringLiteral("/(?<user>\\w+)!/"), QStringLiteral("<$<user>>"), QStringLiteral("hi! ho!"),
         QStringLiteral("<hi> ho!")},
        {QStringLiteral("/\\u0041/g"), QStringLiteral("b"), QStringLiteral("AA"),
         QStringLiteral("bb")},
        {QStringLiteral("/[]/g"), QStringLiteral("b"), QStringLiteral("AA"), QStringLiteral("AA")},
        {QStringLiteral("/x*/g"), QStringLiteral("-"), QStringLiteral("ab"),
         QStringLiteral("-a-b-")},
        {QStringLiteral("/B/gi"), QStringLiteral("c"), QStringLiteral("abB"),
         QStringLiteral("acc")},
        {QStringLiteral("a.b"), QStringLiteral("X"), QStringLiteral("a.b axb a.b"),
         QStringLiteral("X axb X")},
        {QStringLiteral("/$1/"), QStringLiteral("z"), QStringLiteral("$1"), QStringLiteral("$1")},
        {QStringLiteral("/a/"), QStringLiteral("$`|$'"), QStringLiteral("xay"),
         QStringLiteral("xx|yy")},
        // Without the u flag JavaScript sees each half of a surrogate pair on its own.
        {QStringLiteral("/./g"), QStringLiteral("-"), QStringLiteral("😀"), QStringLiteral("--")},
        {QStringLiteral("/./gu"), QStringLiteral("-"), QStringLiteral("😀"), QStringLiteral("-")},
        {QStringLiteral("/[\\uD800-\\uDFFF]/g"), QStringLiteral("?"), QStringLiteral("a😀"),
         QStringLiteral("a??")},
        {QStringLiteral("/x*/g"), QStringLiteral("-"), QStringLiteral("😀"),
         QStringLiteral("-") + QChar(0xD83D) + QStringLiteral("-") + QChar(0xDE00) +
             QStringLiteral("-")},
        {QStringLiteral("/\\s/g"), QStringLiteral("-"), QStringLiteral("a\u00a0b\u2003c"),
         QStringLiteral("a-b-c")},
        // regex-parser reads a flag named twice as part of a pattern without flags.
        {QStringLiteral("/foo/gg"), QStringLiteral("x"), QStringLiteral("/foo/gg foo"),
         QStringLiteral("x foo")},
        // A backreference to a group that did not take part matches the empty string.
        {QStringLiteral("/(x)?y\\1/g"), QStringLiteral("Y"), QStringLiteral("yxyx"),
         QStringLiteral("YY")},
        {QStringLiteral("/(?<a>x)?y\\k<a>/g"), QStringLiteral("Y"), QStringLiteral("y"),
         QStringLiteral("Y")},
        // Property escapes only with the u flag, also in classes; \cJ in a class.
        {QStringLiteral("/[\\p{Lu}]/gu"), QStringLiteral("_"), QStringLiteral("aÉb"),
         QStringLiteral("a_b")},
        {QStringLiteral("/\\p{L}/g"), QStringLiteral("_"), QStringLiteral("p{L}x"),
         QStringLiteral("_x")},
        {QStringLiteral("/[\\cJ]/g"), QStringLiteral(" "), QStringLiteral("a\nb"),
         QStringLiteral("a b")},
        // `.` in Release Drafter's test stops at a line break: this one is a literal string.
        {QStringLiteral("/a\nb/g"), QStringLiteral("x"), QStringLiteral("a\nb /a\nb/g"),
         QStringLiteral("a\nb x")},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.search.toStdString());
        const std::optional<JsRegex> regex = JsRegex::fromSearch(c.search);
        ASSERT_TRUE(regex.has_value());
        EXPECT_EQ(regex->replace(c.input, c.replace), c.expected);
    }
    EXPECT_FALSE(JsRegex::fromSearch(QStringLiteral("/a(/g")).has_value());
    EXPECT_FALSE(JsRegex::fromSearch(QStringLiteral("/a/x")).has_value());
}

// ---------------------------------------------------------------- regeneration

TEST(NotesRegenerate, KeepsHumanEditsTableDriven)
{
    const NotesConfig config = NotesConfigLoader::fromPolicy(policy());
    const NotesInput before = baseInput();
    const GeneratedNotes first = generateNotes(before, config);
    const QString summary = QStringLiteral("**Faster logging, fewer crashes.**");

    struct Case
    {
        const char *name;
        std::function<QString(const QString &)> edit; // the human's edits to the first draft
        std::function<void(NotesInput &)> change;     // what happened on GitHub since
        std::function<void(const RegenerateResult &, const GeneratedNotes &)> check;
    };
    const QList<Case> cases{
        {"nothing changed, nothing edited: identical", [](const QString &t) { return t; },
         [](NotesInput &) {},
         [&](const RegenerateResult &r, const GeneratedNotes &fresh) {
             EXPECT_EQ(r.text, fresh.markedBody);
             EXPECT_TRUE(r.conflicts.isEmpty());
             EXPECT_TRUE(r.added.isEmpty());
             EXPECT_TRUE(r.removed.isEmpty());
         }},
        {"summary survives and a new pull request joins its category",
         [&](const QString &t) {
             return replaceLine(t, QStringLiteral("[Human readable"), summary);
         },
         [](NotesInput &in) {
             in.pullRequests << pr(13, QStringLiteral("fix: leak"), {QStringLiteral("bug")},
                                   QStringLiteral("dave"), 9);
         },
         [&](const RegenerateResult &r, const GeneratedNotes &fresh) {
             EXPECT_TRUE(r.text.contains(summary));
             EXPECT_FALSE(r.text.contains(QStringLiteral("[Human readable")));
             EXPECT_EQ(r.added, QList<int>{13});
             // Same as a fresh generation apart from the summary.
             EXPECT_EQ(r.text,
                       replaceLine(fresh.markedBody, QStringLiteral("[Human readable"), summary));
             const int fix = lineNumberOf(r.text, QStringLiteral("(#13)"));
             EXPECT_GT(fix, lineNumberOf(r.text, QStringLiteral("### Bug fixes")));
             EXPECT_LT(fix, lineNumberOf(r.text, QStringLiteral("### Maintenance")));
             EXPECT_TRUE(
                 NotesMarkers::strip(r.text).contains(QStringLiteral("@bob, @carol and @dave")));
         }},
        {"a removed pull request disappears, and so does its empty category",
         [](const QString &t) { return t; }, [](NotesInput &in) { in.pullRequests.removeAt(2); },
         [&](const RegenerateResult &r, const GeneratedNotes &fresh) {
             EXPECT_EQ(r.removed, QList<int>{12});
             EXPECT_FALSE(r.text.contains(QStringLiteral("(#12)")));
             EXPECT_FALSE(r.text.contains(QStringLiteral("### Maintenance")));
             EXPECT_EQ(r.text, fresh.markedBody);
         }},
        {"an edited line stays when its generation did not change",
         [](const QString &t) {
             return editChange(
                 t, QStringLiteral("(#10)"),
                 QStringLiteral("* Log levels, see [the docs](https://d/x) (#10) by @alice"));
         },
         [](NotesInput &in) {
             in.pullRequests << pr(13, QStringLiteral("feat: more"), {QStringLiteral("feature")},
                                   QStringLiteral("dave"), 9);
         },
         [&](const RegenerateResult &r, const GeneratedNotes &) {
             EXPECT_TRUE(r.conflicts.isEmpty());
             EXPECT_TRUE(r.text.contains(
                 QStringLiteral("* Log levels, see [the docs](https://d/x) (#10) by @alice")));
             EXPECT_EQ(r.added, QList<int>{13});
         }},
        {"an edited line whose generation changed is a conflict, and is kept",
         [](const QString &t) {
             return editChange(t, QStringLiteral("(#11)"),
                               QStringLiteral("* Crash fixed (#11) by @bob"));
         },
         [](NotesInput &in) {
             in.pullRequests[1].title = QStringLiteral("fix: crash on empty input");
         },
         [&](const RegenerateResult &r, const GeneratedNotes &) {
             ASSERT_EQ(r.conflicts.size(), 1);
             const RegenerateConflict &c = r.conflicts.first();
             EXPECT_EQ(c.number, 11);
             EXPECT_EQ(c.section, QStringLiteral("changes"));
             EXPECT_EQ(c.oldText, QStringLiteral("* Crash fixed (#11) by @bob"));
             EXPECT_EQ(c.newText, QStringLiteral("* fix: crash on empty input (#11) by @bob"));
             EXPECT_EQ(c.line, lineNumberOf(r.text, QStringLiteral("* Crash fixed (#11)")));
             EXPECT_EQ(c.lineCount, 1);
             EXPECT_TRUE(r.text.contains(QStringLiteral("* Crash fixed (#11) by @bob")));
             EXPECT_FALSE(r.text.contains(QStringLiteral("crash on empty input")));
         }},
        {"an edited line that lost its marker is still that pull request's line",
         [](const QString &t) {
             return replaceLine(t, QStringLiteral("(#11)"), QStringLiteral("* Crash fixed (#11)"));
         },
         [](NotesInput &) {},
         [&](const RegenerateResult &r, const GeneratedNotes &) {
             EXPECT_TRUE(r.added.isEmpty());
             EXPECT_TRUE(r.removed.isEmpty());
             EXPECT_EQ(r.text.count(QStringLiteral("(#11)")), 1);
             ASSERT_EQ(r.conflicts.size(), 1);
             EXPECT_EQ(r.conflicts.first().oldText, QStringLiteral("* Crash fixed (#11)"));
         }},
        {"a line the human added stays after the line it followed",
         [](const QString &t) {
             return insertAfterLine(t, QStringLiteral("(#10)"),
                                    QStringLiteral("  * including TRACE"));
         },
         [](NotesInput &in) {
             in.pullRequests << pr(13, QStringLiteral("feat: more"), {QStringLiteral("feature")},
                                   QStringLiteral("dave"), 9);
         },
         [&](const RegenerateResult &r, const GeneratedNotes &) {
             EXPECT_EQ(lineNumberOf(r.text, QStringLiteral("including TRACE")),
                       lineNumberOf(r.text, QStringLiteral("(#10)")) + 1);
         }},
        {"a human line under a category that disappears is not lost",
         [](const QString &t) {
             return insertAfterLine(t, QStringLiteral("### Maintenance"),
                                    QStringLiteral("Thanks to the bots."));
         },
         [](NotesInput &in) { in.pullRequests.removeAt(2); },
         [&](const RegenerateResult &r, const GeneratedNotes &) {
             EXPECT_TRUE(r.text.contains(QStringLiteral("Thanks to the bots.")));
             EXPECT_FALSE(r.text.contains(QStringLiteral("### Maintenance")));
         }},
        {"a pull request relabelled moves to its new category", [](const QString &t) { return t; },
         [](NotesInput &in) { in.pullRequests[2].labels = {QStringLiteral("bug")}; },
         [&](const RegenerateResult &r, const GeneratedNotes &fresh) {
             EXPECT_EQ(r.text, fresh.markedBody);
             EXPECT_GT(lineNumberOf(r.text, QStringLiteral("(#12)")),
                       lineNumberOf(r.text, QStringLiteral("### Bug fixes")));
         }},
        {"edited contributors are a conflict when the contributors change",
         [](const QString &t) {
             return replaceLine(t, QStringLiteral("@alice, @bob and @carol"),
                                QStringLiteral("Alice, Bob and Carol — thank you!"));
         },
         [](NotesInput &in) {
             in.pullRequests << pr(13, QStringLiteral("fix: leak"), {QStringLiteral("bug")},
                                   QStringLiteral("dave"), 9);
         },
         [&](const RegenerateResult &r, const GeneratedNotes &) {
             ASSERT_EQ(r.conflicts.size(), 1);
             EXPECT_EQ(r.conflicts.first().section, QStringLiteral("contributors"));
             EXPECT_EQ(r.conflicts.first().number, 0);
             EXPECT_EQ(r.conflicts.first().newText,
                       QStringLiteral("@alice, @bob, @carol and @dave"));
             EXPECT_TRUE(r.text.contains(QStringLiteral("Alice, Bob and Carol — thank you!")));
         }},
        {"unedited contributors follow the changes", [](const QString &t) { return t; },
         [](NotesInput &in) { in.pullRequests.removeAt(0); },
         [&](const RegenerateResult &r, const GeneratedNotes &) {
             EXPECT_TRUE(r.conflicts.isEmpty());
             EXPECT_TRUE(
                 NotesMarkers::strip(r.text).contains(QStringLiteral("\n@bob and @carol\n")));
         }},
        {"text after the generated sections survives",
         [](const QString &t) { return t + QStringLiteral("\n> Upgrade notes: none.\n"); },
         [](NotesInput &in) { in.pullRequests.removeAt(1); },
         [&](const RegenerateResult &r, const GeneratedNotes &) {
             EXPECT_TRUE(r.text.endsWith(QStringLiteral("\n> Upgrade notes: none.\n")));
         }},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        const QString current = c.edit(first.markedBody);
        NotesInput after = before;
        c.change(after);
        const GeneratedNotes fresh = generateNotes(after, config);
        const RegenerateResult result = regenerate(current, fresh);
        EXPECT_TRUE(result.hadMarkers);
        c.check(result, fresh);
    }
}

TEST(NotesRegenerate, AcceptingAConflictSettlesIt)
{
    const NotesConfig config = NotesConfigLoader::fromPolicy(policy());
    NotesInput in = baseInput();
    const QString edited = editChange(generateNotes(in, config).markedBody, QStringLiteral("(#11)"),
                                      QStringLiteral("* mine (#11)"));
    in.pullRequests[1].title = QStringLiteral("fix: renamed");
    const GeneratedNotes fresh = generateNotes(in, config);
    const RegenerateResult result = regenerate(edited, fresh);
    ASSERT_EQ(result.conflicts.size(), 1);
    const RegenerateConflict &c = result.conflicts.first();
    QStringList lines = result.text.split(u'\n');
    lines.replace(c.line - 1, c.acceptText);
    const QString accepted = lines.join(u'\n');
    EXPECT_EQ(accepted, fresh.markedBody);
    EXPECT_TRUE(regenerate(accepted, fresh).conflicts.isEmpty());
    // Regenerating again without accepting reports it again: it is never silently overwritten.
    EXPECT_EQ(regenerate(result.text, fresh).conflicts.size(), 1);
}

TEST(NotesRegenerate, TextWithoutMarkersIsLeftAlone)
{
    const NotesConfig config = NotesConfigLoader::fromPolicy(policy());
    const RegenerateResult result =
        regenerate(QStringLiteral("Hand-written notes.\n"), generateNotes(baseInput(), config));
    EXPECT_FALSE(result.hadMarkers);
    EXPECT_EQ(result.text, QStringLiteral("Hand-written notes.\n"));
}

TEST(NotesRegenerate, MultiLineChangesAreOneUnit)
{
    NotesConfig config = NotesConfigLoader::fromPolicy(policy());
    config.changeTemplate = QStringLiteral("* $TITLE (#$NUMBER)\n  $BODY");
    NotesInput in = baseInput();
    in.pullRequests[0].body = QStringLiteral("Adds TRACE.");
    const GeneratedNotes first = generateNotes(in, config);
    EXPECT_TRUE(first.markedBody.contains(QStringLiteral("  Adds TRACE. <!-- mainstay:pr 10 ")));
    in.pullRequests[0].body = QStringLiteral("Adds TRACE and DEBUG.");
    const GeneratedNotes fresh = generateNotes(in, config);
    const RegenerateResult result = regenerate(first.markedBody, fresh);
    EXPECT_TRUE(result.conflicts.isEmpty());
    EXPECT_EQ(result.text, fresh.markedBody);
}

TEST(NotesRegenerate, APullRequestInTwoCategoriesKeepsBothLines)
{
    const NotesConfig config = NotesConfigLoader::fromPolicy(policy());
    NotesInput in = baseInput();
    in.pullRequests[0].labels << QStringLiteral("bug"); // feature and bug: listed twice
    const GeneratedNotes first = generateNotes(in, config);
    ASSERT_EQ(first.markedBody.count(QStringLiteral("(#10)")), 2);
    // Edit the copy under "Bug fixes" only.
    QStringList lines = first.markedBody.split(u'\n');
    int seen = 0;
    for (QString &line : lines)
        if (line.contains(QStringLiteral("(#10)")) && ++seen == 2)
            line.replace(QStringLiteral("feat: levels"), QStringLiteral("levels also fix logging"));
    const QString edited = lines.join(u'\n');
    in.pullRequests << pr(13, QStringLiteral("fix: leak"), {QStringLiteral("bug")},
                          QStringLiteral("dave"), 9);
    const RegenerateResult result = regenerate(edited, generateNotes(in, config));
    EXPECT_TRUE(result.conflicts.isEmpty());
    EXPECT_EQ(result.added, QList<int>{13});
    EXPECT_EQ(result.text.count(QStringLiteral("(#10)")), 2);
    EXPECT_TRUE(result.text.contains(QStringLiteral("* levels also fix logging (#10)")));
    EXPECT_TRUE(result.text.contains(QStringLiteral("* feat: levels (#10)")));
}

TEST(NotesRegenerate, GitHubStyleSectionsFollowTheChanges)
{
    const NotesConfigResult parsed = NotesConfigLoader::parseGitHubRelease(
        "changelog:\n  categories:\n    - title: Features\n      labels: [feature]\n",
        QStringLiteral("release.yml"), policy());
    ASSERT_TRUE(parsed.ok());
    NotesInput in = baseInput();
    const GeneratedNotes first = generateNotes(in, *parsed.config);
    const QString edited = QStringLiteral("Intro written by hand.\n\n") + first.markedBody;
    in.pullRequests << pr(13, QStringLiteral("feat: more"), {QStringLiteral("feature")},
                          QStringLiteral("dave"), 9);
    in.firstTimeContributors = {QStringLiteral("dave")};
    const GeneratedNotes fresh = generateNotes(in, *parsed.config);
    const RegenerateResult result = regenerate(edited, fresh);
    EXPECT_TRUE(result.conflicts.isEmpty());
    EXPECT_EQ(result.added, QList<int>{13});
    // A first New Contributors section joins after the changes; the hand-written intro stays.
    EXPECT_EQ(result.text, QStringLiteral("Intro written by hand.\n\n") + fresh.markedBody);
    EXPECT_TRUE(result.text.contains(QStringLiteral("* @dave made their first contribution")));
    // And goes again when it no longer applies.
    in.firstTimeContributors.clear();
    const GeneratedNotes later = generateNotes(in, *parsed.config);
    const RegenerateResult again = regenerate(result.text, later);
    EXPECT_FALSE(again.text.contains(QStringLiteral("New Contributors")));
    EXPECT_TRUE(again.text.startsWith(QStringLiteral("Intro written by hand.\n")));
    EXPECT_TRUE(result.text.contains(
        QStringLiteral("* feat: more by @dave in https://github.com/octo/demo/pull/13")));
}
