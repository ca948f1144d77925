#pragma once

#include "policydiagnostic.h"
#include "releasepolicy.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Mainstay {

// Release notes generation: the inputs (merged pull requests, commits, the previous release),
// the configuration (a repository's `.github/release-drafter.yml`, GitHub's `.github/release.yml`,
// or the policy), the generator, the version resolver, and regeneration that keeps human edits.
//
// For the Release Drafter subset (`NotesConfig::Style::ReleaseDrafter`) `GeneratedNotes::body` is
// byte for byte what Release Drafter 6.1.0 produces for the same pull requests and configuration.

// The author of a pull request as Release Drafter's GraphQL query returns it. An empty login is
// a deleted account ("ghost").
struct NotesAuthor
{
    QString login;
    QString type; // GraphQL `__typename`: "User", "Bot", "Organization"; REST `type` reads the same
    QString url;  // the account's web page (Release Drafter links bots to it)

    bool isBot() const { return type == QLatin1String("Bot"); }
    bool operator==(const NotesAuthor &) const = default;
};

// One merged pull request, as the generator sees it.
struct NotesPullRequest
{
    int number = 0;
    QString title;
    QString body;
    QString url; // html url
    NotesAuthor author;
    QStringList labels;
    QDateTime mergedAt;
    QString baseRefName;
    QString headRefName;
    QString mergeCommitSha;

    bool operator==(const NotesPullRequest &) const = default;
};

// One commit on the target branch in the release's range (for contributors and the semantic
// commit-message check). `authorLogin` is empty when the commit's e-mail maps to no account;
// Release Drafter then credits `authorName`.
struct NotesCommit
{
    QString sha;
    QString message;
    QString authorLogin;
    QString authorName;
    QDateTime committedAt;

    QString subject() const { return message.section(QLatin1Char('\n'), 0, 0); }
    bool operator==(const NotesCommit &) const = default;
};

// Everything the generator reads.
struct NotesInput
{
    QString owner;
    QString repository;
    QString webUrl;       // https://github.com/OWNER/REPO (links in GitHub-style notes)
    QString targetBranch; // where the release is cut, e.g. develop
    QString previousTag;  // the last release's tag; empty for a first release
    QString previousName; // the last release's title (a version is read from it when the tag
                          // holds none, as Release Drafter does)
    QString toRef;        // the end of the range (branch, tag or SHA); the target branch if empty
    QString inputVersion; // a version chosen by hand; overrides the labels (Release Drafter's
                          // `version` input)
    QList<NotesPullRequest> pullRequests; // merged into the target branch in the range
    QList<NotesCommit> commits;           // on the target branch in the range
    // Logins whose first merged pull request in the repository is in this range.
    QStringList firstTimeContributors;
};

// A parsed configuration. Defaults are Release Drafter's own.
struct NotesConfig
{
    enum class Style
    {
        ReleaseDrafter, // Release Drafter's templates (release-drafter.yml, and the policy)
        GitHub          // GitHub's generated notes (release.yml)
    };
    enum class Source
    {
        ReleaseDrafterFile, // .github/release-drafter.yml
        GitHubReleaseFile,  // .github/release.yml
        LocalFile,          // --config FILE
        Policy
    };
    enum class SortBy
    {
        MergedAt,
        Title
    };
    enum class SortDirection
    {
        Descending,
        Ascending
    };

    struct Category
    {
        QString title;
        QStringList labels;    // empty (Release Drafter) or "*" (GitHub): the uncategorised ones
        int collapseAfter = 0; // Release Drafter: 0 never collapses
        QStringList excludeLabels; // GitHub: per category
        QStringList excludeAuthors;

        bool operator==(const Category &) const = default;
    };
    // `search` as written: `/regex/flags` (JavaScript syntax, g i m s u y) or a plain string.
    struct Replacer
    {
        QString search;
        QString replace;

        bool operator==(const Replacer &) const = default;
    };

    Style style = Style::ReleaseDrafter;
    Source source = Source::Policy;
    QString sourceName; // the file it came from, for messages; "policy" for the policy

    QString bodyTemplate; // `template`
    QString header;
    QString footer;
    QString changeTemplate = QStringLiteral("* $TITLE (#$NUMBER) @$AUTHOR");
    QString changeTitleEscapes;
    QString noChangesTemplate = QStringLiteral("* No changes");
    QString noContributorsTemplate = QStringLiteral("No contributors");
    QString categoryTemplate = QStringLiteral("## $TITLE");
    QString nameTemplate;
    QString tagTemplate;
    QString tagPrefix;
    QString versionTemplate = QStringLiteral("$MAJOR.$MINOR.$PATCH$PRERELEASE");
    QString prereleaseIdentifier; // `prerelease-identifier`: $NEXT_PRERELEASE_VERSION's name
    QList<Category> categories;
    QStringList excludeLabels;
    QStringList includeLabels;
    QStringList excludeContributors;
    QList<Replacer> replacers;
    SortBy sortBy = SortBy::MergedAt;
    SortDirection sortDirection = SortDirection::Descending;
    ReleasePolicy::VersionResolver versionResolver;
    QStringList excludeAuthors; // GitHub: changelog.exclude.authors

    // From the policy whatever the source: what the checks and the publish step need.
    QString summaryPlaceholder;
    QString targetBranch;
    QString pendingReleaseLabel;
    QString postReleaseComment;

    bool operator==(const NotesConfig &) const = default;
};

struct NotesConfigResult
{
    std::optional<NotesConfig> config;   // empty when the file has errors
    QList<PolicyDiagnostic> diagnostics; // `file:line:col: key.path: problem`

    bool ok() const { return config.has_value(); }
    QString errorText() const; // the diagnostics, one a line
};

// Configuration loading. Values from `policy` fill what the files do not say (branch,
// placeholder, pending-release label, and every template for the policy source).
class NotesConfigLoader
{
public:
    static NotesConfig fromPolicy(const ReleasePolicy &policy);
    static NotesConfigResult parseReleaseDrafter(const QByteArray &yaml, const QString &fileName,
                                                 const ReleasePolicy &policy);
    static NotesConfigResult parseGitHubRelease(const QByteArray &yaml, const QString &fileName,
                                                const ReleasePolicy &policy);
    // A local file: release.yml style when it has a top-level `changelog` key, Release Drafter
    // style otherwise.
    static NotesConfigResult loadFile(const QString &path, const ReleasePolicy &policy);
};

// A semantic version as Release Drafter reads tags (semver, else coerced: `v1.2` → 1.2.0).
// Components are 64-bit: node-semver takes numbers up to 2^53 - 1 and rejects larger ones.
struct NotesVersion
{
    qint64 major = 0;
    qint64 minor = 0;
    qint64 patch = 0;
    QString prerelease; // without the dash, e.g. "rc.1"

    static std::optional<NotesVersion> parse(const QString &text, const QString &tagPrefix = {});
    NotesVersion bumped(VersionBump bump) const;
    QString toString() const; // 1.2.3 or 1.2.3-rc.1
    bool operator==(const NotesVersion &) const = default;
};

struct ResolvedVersion
{
    VersionBump bump = VersionBump::Patch; // from the labels (or the resolver's default)
    bool fromLabels = false;               // a label decided it, not the default
    QString previousTag;
    QString version;     // $RESOLVED_VERSION, e.g. 1.26.0
    QString nextMajor;   // $NEXT_MAJOR_VERSION
    QString nextMinor;   // $NEXT_MINOR_VERSION
    QString nextPatch;   // $NEXT_PATCH_VERSION
    QString tag;         // tag-template filled, e.g. v1.26.0 ("" when the template is empty)
    QString name;        // name-template filled
    QStringList reasons; // "#12 feature → minor", for the UI
};

// Release Drafter's version resolver: the highest bump any non-excluded, included pull request's
// labels ask for; the resolver's default otherwise; an input version overrides both.
ResolvedVersion resolveVersion(const NotesInput &input, const NotesConfig &config);

// Markers around the generated parts of a marked body (HTML comments, invisible on GitHub).
namespace NotesMarkers {
// `<!-- mainstay:begin NAME -->` … `<!-- mainstay:end NAME -->` on lines of their own; NAME is
// changes, contributors or new-contributors.
QString begin(const QString &section);
QString end(const QString &section);
// Appended to each generated change line: ` <!-- mainstay:pr NUMBER HASH -->`; HASH is a short
// digest of the line as generated, so a line the human edited is recognised.
QString line(int number, const QString &generatedText);
// The body without any marker (what the preview and GitHub show are identical either way).
QString strip(const QString &markedBody);
} // namespace NotesMarkers

struct GeneratedNotes
{
    struct Change
    {
        int number = 0;
        QString line;           // the change line(s) as generated, without marker
        QStringList categories; // titles it was listed under; empty = uncategorised
        bool excluded = false;  // left out by exclude/include labels (still credited)
        bool operator==(const Change &) const = default;
    };

    QString body;         // exactly what Release Drafter (or GitHub) would write
    QString markedBody;   // the same with NotesMarkers, for the editor and regeneration
    QString changes;      // $CHANGES
    QString contributors; // $CONTRIBUTORS
    ResolvedVersion version;
    QString tag;
    QString name;
    QString targetBranch;
    QList<Change> changeList;    // in output order; one entry per pull request in the input
    QStringList contributorList; // "@login", bot links or commit author names, sorted
    QStringList newContributors; // logins, first-time contributors in this range
    QList<int> uncategorized;    // numbers of listed pull requests in no category
};

// Generates notes with `config` (both styles). Pure: no network, no clock.
GeneratedNotes generateNotes(const NotesInput &input, const NotesConfig &config);

// Sorts as Release Drafter does (stable, by merged_at or title, either direction).
QList<NotesPullRequest> sortPullRequests(QList<NotesPullRequest> pullRequests,
                                         const NotesConfig &config);

struct RegenerateConflict
{
    int line = 0;       // 1-based line in RegenerateResult::text where the kept human text starts
    int lineCount = 1;  // how many lines it spans
    int number = 0;     // pull request number; 0 for a whole section (e.g. contributors)
    QString section;    // changes, contributors, new-contributors, full-changelog
    QString oldText;    // what the human wrote (kept), without markers
    QString newText;    // what generation would write now, without markers
    QString acceptText; // replaces lines [line, line + lineCount) to take the new text (markers
                        // included, so the line counts as unedited afterwards)

    bool operator==(const RegenerateConflict &) const = default;
};

struct RegenerateResult
{
    QString text; // the merged marked body
    QList<RegenerateConflict> conflicts;
    QList<int> added;       // pull requests new since `current`
    QList<int> removed;     // pull requests no longer in the range
    bool hadMarkers = true; // false: `current` has no generated sections; text == current
};

// Merges a fresh generation into the current (possibly edited) marked body: text outside the
// generated sections survives untouched; inside, unedited lines take the fresh text, new pull
// requests appear in their categories, removed ones disappear, lines a human added stay after the
// line they followed, and a generated line the human edited is kept and reported as a conflict
// when the fresh text differs from what was generated before.
RegenerateResult regenerate(const QString &current, const GeneratedNotes &fresh);

} // namespace Mainstay
