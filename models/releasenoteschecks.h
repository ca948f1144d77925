#pragma once

#include "releasenotes.h"
#include "semantictitlepolicy.h"

#include <QList>
#include <QString>
#include <optional>

namespace Mainstay {

// One pre-publish check's outcome. `line` (1-based, 0 = none) is where the editor jumps; `fix`,
// when present, is a text edit the editor can apply: replace the characters [start, start+length)
// of the body with `replacement` (length 0 inserts).
struct NotesCheck
{
    enum class Severity
    {
        Ok,
        Warning,
        Error
    };
    struct Fix
    {
        QString label; // the button text, e.g. "Add the missing pull requests"
        int start = 0;
        int length = 0;
        QString replacement;

        bool operator==(const Fix &) const = default;
    };

    QString id; // stable: summary-placeholder, tag-title, tag-consistent, target-branch,
                // every-pr-once, uncategorized, label-title, contributors, first-time,
                // first-paragraph, feature-links, markdown, semantic-commits
    Severity severity = Severity::Ok;
    QString message;
    int line = 0;
    std::optional<Fix> fix;

    bool isOk() const { return severity == Severity::Ok; }
    bool operator==(const NotesCheck &) const = default;
};

// Whether the release tag already exists on GitHub and how the Release workflow run for it went.
// DESIGN.md: the tag is "consistent" when it does not exist yet (created at publish), or exists
// and belongs to a completed, successful Release run for that version.
struct NotesTagState
{
    bool known = false; // false: not looked up (the check says so, as a warning)
    bool exists = false;
    QString tagSha;        // the commit the tag points at
    bool runFound = false; // a Release workflow run for this tag/version
    bool runCompleted = false;
    bool runSucceeded = false;
    QString runUrl;
};

struct NotesCheckInput
{
    QString body;         // the editor's text (markers allowed)
    QString title;        // release name
    QString tag;          // tag_name
    QString targetBranch; // target_commitish
    NotesTagState tagState;
    NotesInput input;         // the pull requests and commits of the range
    GeneratedNotes generated; // the generation the body came from (categories, contributors)
    NotesConfig config;
    SemanticTitlePolicy semanticTitles;
    int notificationLength = 300; // characters of the first paragraph a notification shows
};

// The pre-publish checks, every one of them each time (Ok ones included, so the panel lists
// what passed).
class ReleaseNotesChecker
{
public:
    static QList<NotesCheck> run(const NotesCheckInput &input);
    // Worst severity of a list.
    static NotesCheck::Severity worst(const QList<NotesCheck> &checks);
};

} // namespace Mainstay
