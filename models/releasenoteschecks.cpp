#include "releasenoteschecks.h"

#include <QRegularExpression>
#include <QSet>

namespace Mainstay {

namespace {

using Severity = NotesCheck::Severity;

NotesCheck make(const QString &id, Severity severity, const QString &message, int line = 0)
{
    NotesCheck check;
    check.id = id;
    check.severity = severity;
    check.message = message;
    check.line = line;
    return check;
}

// 1-based line of a character offset.
int lineOf(const QString &text, qsizetype offset)
{
    if (offset < 0)
        return 0;
    return int(QStringView(text).left(offset).count(u'\n')) + 1;
}

QString numbers(const QList<int> &list, int max = 8)
{
    QStringList parts;
    for (int i = 0; i < list.size() && i < max; ++i)
        parts << QStringLiteral("#%1").arg(list.at(i));
    if (list.size() > max)
        parts << QStringLiteral("… (%1 in all)").arg(list.size());
    return parts.join(QStringLiteral(", "));
}

bool isHeading(const QString &line, int *level = nullptr, QString *text = nullptr)
{
    static const QRegularExpression re(QStringLiteral(R"(^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$)"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return false;
    if (level)
        *level = int(m.captured(1).size());
    if (text) {
        static const QRegularExpression comment(QStringLiteral(R"(<!--.*?-->)"));
        *text = m.captured(2).remove(comment).trimmed();
    }
    return true;
}

// Where the generated changes end (before the end marker), or the end of the text.
qsizetype changesInsertOffset(const QString &body)
{
    const qsizetype end = body.indexOf(NotesMarkers::end(QStringLiteral("changes")));
    if (end > 0)
        return end; // just after the newline that precedes the marker
    return body.size();
}

NotesCheck checkPlaceholder(const NotesCheckInput &in)
{
    const QString id = QStringLiteral("summary-placeholder");
    const QString placeholder = in.config.summaryPlaceholder;
    if (placeholder.isEmpty())
        return make(id, Severity::Ok, QStringLiteral("No summary placeholder is configured."));
    const qsizetype at = in.body.indexOf(placeholder);
    if (at < 0)
        return make(id, Severity::Ok, QStringLiteral("The summary placeholder has been replaced."));
    NotesCheck check = make(id, Severity::Error,
                            QStringLiteral("Replace the placeholder “%1” with a summary a user can "
                                           "read: what changed and why it matters.")
                                .arg(placeholder),
                            lineOf(in.body, at));
    return check;
}

NotesCheck checkTagTitle(const NotesCheckInput &in)
{
    const QString id = QStringLiteral("tag-title");
    static const QRegularExpression semver(QStringLiteral(R"(^v\d+\.\d+\.\d+$)"));
    if (in.tag.isEmpty())
        return make(id, Severity::Error, QStringLiteral("The release has no tag."));
    if (in.title != in.tag)
        return make(id, Severity::Error,
                    QStringLiteral("The title “%1” differs from the tag “%2”; both should be "
                                   "vX.Y.Z.")
                        .arg(in.title, in.tag));
    if (!semver.match(in.tag).hasMatch())
        return make(id, Severity::Warning,
                    QStringLiteral("The tag “%1” is not of the form vX.Y.Z.").arg(in.tag));
    if (!in.generated.tag.isEmpty() && in.generated.tag != in.tag)
        return make(id, Severity::Warning,
                    QStringLiteral("The labels resolve the next version to %1, but the tag is %2.")
                        .arg(in.generated.tag, in.tag));
    return make(id, Severity::Ok, QStringLiteral("Tag and title agree: %1.").arg(in.tag));
}

NotesCheck checkTagConsistent(const NotesCheckInput &in)
{
    const QString id = QStringLiteral("tag-consistent");
    const NotesTagState &s = in.tagState;
    if (!s.known)
        return make(
            id, Severity::Warning,
            QStringLiteral("Whether the tag %1 exists has not been looked up yet.").arg(in.tag));
    if (!s.exists)
        return make(id, Severity::Ok,
                    QStringLiteral("The tag %1 does not exist yet; publishing creates it on %2.")
                        .arg(in.tag, in.targetBranch));
    if (!s.runFound)
        return make(id, Severity::Error,
                    QStringLiteral("The tag %1 already exists, but no Release workflow run made "
                                   "it; check that this is the right version.")
                        .arg(in.tag));
    if (!s.runCompleted)
        return make(id, Severity::Warning,
                    QStringLiteral("The tag %1 exists and its Release run has not completed yet "
                                   "(%2); publish once it has.")
                        .arg(in.tag, s.runUrl));
    if (!s.runSucceeded)
        return make(id, Severity::Error,
                    QStringLiteral("The tag %1 exists but its Release run failed (%2).")
                        .arg(in.tag, s.runUrl));
    return make(id, Severity::Ok,
                QStringLiteral("The tag %1 exists and its Release run completed successfully.")
                    .arg(in.tag));
}

NotesCheck checkTargetBranch(const NotesCheckInput &in)
{
    const QString id = QStringLiteral("target-branch");
    const QString expected = in.config.targetBranch;
    if (expected.isEmpty())
        return make(id, Severity::Ok, QStringLiteral("The policy names no release branch."));
    if (in.targetBranch != expected)
        return make(id, Severity::Error,
                    QStringLiteral("The target is “%1”; releases are cut from “%2”.")
                        .arg(in.targetBranch.isEmpty() ? QStringLiteral("(none)") : in.targetBranch,
                             expected));
    return make(id, Severity::Ok, QStringLiteral("The target branch is %1.").arg(expected));
}

// Lines of the body that name pull request `number` (#N or …/pull/N).
QList<int> linesNaming(const QStringList &lines, int number)
{
    const QRegularExpression re(QStringLiteral(R"((?:#|/pull/)%1(?!\d))").arg(number));
    QList<int> found;
    for (int i = 0; i < lines.size(); ++i)
        if (re.match(lines.at(i)).hasMatch())
            found << i + 1;
    return found;
}

NotesCheck checkEveryPrOnce(const NotesCheckInput &in, const QStringList &lines)
{
    const QString id = QStringLiteral("every-pr-once");
    QList<int> missing, twice;
    int firstLine = 0;
    QString insertion;
    for (const GeneratedNotes::Change &change : in.generated.changeList) {
        if (change.excluded)
            continue;
        const QList<int> at = linesNaming(lines, change.number);
        // A pull request listed under two categories on purpose appears once per category.
        const int allowed = std::max<int>(1, int(change.categories.size()));
        if (at.isEmpty()) {
            missing << change.number;
            insertion += change.line + u'\n';
        } else if (at.size() > allowed) {
            twice << change.number;
            if (!firstLine)
                firstLine = at.at(allowed);
        }
    }
    if (missing.isEmpty() && twice.isEmpty())
        return make(id, Severity::Ok, QStringLiteral("Every merged pull request is listed once."));
    QStringList parts;
    if (!missing.isEmpty())
        parts << QStringLiteral("missing: %1").arg(numbers(missing));
    if (!twice.isEmpty())
        parts << QStringLiteral("listed more than once: %1").arg(numbers(twice));
    NotesCheck check =
        make(id, missing.isEmpty() ? Severity::Warning : Severity::Error,
             QStringLiteral("Merged pull requests %1.").arg(parts.join(QStringLiteral("; "))),
             firstLine);
    if (!missing.isEmpty()) {
        NotesCheck::Fix fix;
        fix.label = missing.size() == 1 ? QStringLiteral("Add the missing pull request")
                                        : QStringLiteral("Add the missing pull requests");
        QString body = in.body;
        fix.start = int(changesInsertOffset(body));
        fix.length = 0;
        fix.replacement = insertion;
        if (fix.start == body.size() && !body.endsWith(u'\n'))
            fix.replacement.prepend(u'\n');
        check.fix = fix;
        if (!check.line)
            check.line = lineOf(body, fix.start);
    }
    return check;
}

NotesCheck checkUncategorized(const NotesCheckInput &in, const QStringList &lines)
{
    const QString id = QStringLiteral("uncategorized");
    if (in.generated.uncategorized.isEmpty())
        return make(id, Severity::Ok, QStringLiteral("Every listed pull request has a category."));
    const QList<int> at = linesNaming(lines, in.generated.uncategorized.first());
    return make(
        id, Severity::Warning,
        QStringLiteral("Pull requests in no category (label them, or move their lines): %1.")
            .arg(numbers(in.generated.uncategorized)),
        at.isEmpty() ? 0 : at.first());
}

NotesCheck checkLabelTitle(const NotesCheckInput &in, const QStringList &lines)
{
    const QString id = QStringLiteral("label-title");
    const SemanticTitlePolicy &titles = in.semanticTitles;
    if (titles.types.isEmpty())
        return make(id, Severity::Ok,
                    QStringLiteral("The policy defines no semantic title types."));
    QSet<QString> typeLabels;
    for (const SemanticTitlePolicy::Type &type : titles.types)
        if (!type.label.isEmpty())
            typeLabels.insert(type.label.toLower());
    QStringList problems;
    int firstLine = 0;
    for (const NotesPullRequest &pr : in.input.pullRequests) {
        const QStringList implied = titles.labelsFor(pr.title);
        if (implied.isEmpty())
            continue; // not a semantic title: nothing to compare
        QStringList missing, conflicting;
        for (const QString &label : implied)
            if (!pr.labels.contains(label, Qt::CaseInsensitive))
                missing << label;
        for (const QString &label : pr.labels)
            if (typeLabels.contains(label.toLower()) &&
                !implied.contains(label, Qt::CaseInsensitive))
                conflicting << label;
        if (missing.isEmpty() && conflicting.isEmpty())
            continue;
        QString text = QStringLiteral("#%1 “%2”").arg(pr.number).arg(pr.title);
        if (!missing.isEmpty())
            text += QStringLiteral(" lacks %1").arg(missing.join(QStringLiteral(", ")));
        if (!conflicting.isEmpty())
            text += QStringLiteral("%1 is labelled %2")
                        .arg(missing.isEmpty() ? QString() : QStringLiteral(" and"),
                             conflicting.join(QStringLiteral(", ")));
        problems << text;
        if (!firstLine) {
            const QList<int> at = linesNaming(lines, pr.number);
            firstLine = at.isEmpty() ? 0 : at.first();
        }
    }
    if (problems.isEmpty())
        return make(id, Severity::Ok,
                    QStringLiteral("Every pull request's labels agree with its title's type."));
    return make(id, Severity::Warning,
                QStringLiteral("Labels disagree with the semantic title, so the change may sit in "
                               "the wrong category: %1.")
                    .arg(problems.mid(0, 5).join(QStringLiteral("; ")) +
                         (problems.size() > 5 ? QStringLiteral(" (%1 in all)").arg(problems.size())
                                              : QString())),
                firstLine);
}

// Where credits are looked for: the contributors section when the body has one, otherwise
// everything but the generated change lines (a change line's "by @x" is no credit).
QString creditsText(const QString &body)
{
    const QString begin = QStringLiteral("<!-- mainstay:begin contributors");
    const qsizetype start = body.indexOf(begin);
    const qsizetype end = body.indexOf(NotesMarkers::end(QStringLiteral("contributors")));
    if (start >= 0 && end > start)
        return body.mid(start, end - start);
    const qsizetype changes = body.indexOf(NotesMarkers::begin(QStringLiteral("changes")));
    const qsizetype changesEnd = body.indexOf(NotesMarkers::end(QStringLiteral("changes")));
    if (changes >= 0 && changesEnd > changes)
        return body.left(changes) + body.mid(changesEnd);
    return body;
}

NotesCheck checkContributors(const NotesCheckInput &in, const QString &)
{
    const QString id = QStringLiteral("contributors");
    const QString plain = creditsText(in.body);
    QStringList missing;
    for (const QString &who : in.generated.contributorList) {
        QString name = who;
        // "[login[bot]](url)" is credited by its login.
        static const QRegularExpression bot(QStringLiteral(R"(^\[(.+)\]\(.*\)$)"));
        const QRegularExpressionMatch m = bot.match(who);
        if (m.hasMatch())
            name = m.captured(1);
        if (!plain.contains(name, Qt::CaseInsensitive))
            missing << who;
    }
    if (in.generated.contributorList.isEmpty())
        return make(id, Severity::Warning, QStringLiteral("No contributors were found to credit."));
    if (missing.isEmpty())
        return make(id, Severity::Ok,
                    QStringLiteral("All %1 contributors are credited.")
                        .arg(in.generated.contributorList.size()));
    NotesCheck check =
        make(id, Severity::Error,
             QStringLiteral("Not credited: %1.").arg(missing.join(QStringLiteral(", "))));
    const qsizetype end = in.body.indexOf(NotesMarkers::end(QStringLiteral("contributors")));
    NotesCheck::Fix fix;
    fix.label = QStringLiteral("Credit them");
    if (end > 0) {
        fix.start = int(end - 1); // before the newline that ends the credits
        fix.replacement = QStringLiteral(", ") + missing.join(QStringLiteral(", "));
    } else {
        fix.start = int(in.body.size());
        fix.replacement = (in.body.endsWith(u'\n') ? QString() : QStringLiteral("\n")) +
                          QStringLiteral("\nThanks also to ") + missing.join(QStringLiteral(", ")) +
                          QStringLiteral(".\n");
    }
    check.fix = fix;
    check.line = lineOf(in.body, fix.start);
    return check;
}

NotesCheck checkFirstTimers(const NotesCheckInput &in, const QStringList &lines)
{
    const QString id = QStringLiteral("first-time");
    const QStringList &firsts = in.generated.newContributors;
    if (firsts.isEmpty())
        return make(id, Severity::Ok,
                    QStringLiteral("No first-time contributors in this release."));
    QStringList missing;
    for (const QString &login : firsts) {
        bool called = false;
        bool inSection = false;
        for (const QString &line : lines) {
            QString heading;
            if (isHeading(line, nullptr, &heading))
                inSection =
                    heading.contains(QLatin1String("new contributor"), Qt::CaseInsensitive) ||
                    heading.contains(QLatin1String("first"), Qt::CaseInsensitive);
            const bool mentions = line.contains(u'@' + login, Qt::CaseInsensitive);
            if (mentions &&
                (inSection || line.contains(QLatin1String("first"), Qt::CaseInsensitive)))
                called = true;
        }
        if (!called)
            missing << login;
    }
    if (missing.isEmpty())
        return make(id, Severity::Ok,
                    QStringLiteral("First-time contributors are welcomed: %1.")
                        .arg(firsts.join(QStringLiteral(", "))));
    NotesCheck check = make(id, Severity::Warning,
                            QStringLiteral("First-time contributors not called out: %1.")
                                .arg(missing.join(QStringLiteral(", "))));
    QString section = QStringLiteral("\n## New Contributors\n\n");
    for (const QString &login : missing) {
        int first = 0;
        QString url;
        for (const NotesPullRequest &pr : in.input.pullRequests)
            if (pr.author.login == login && (first == 0 || pr.number < first)) {
                first = pr.number;
                url = pr.url;
            }
        section +=
            first ? QStringLiteral("* @%1 made their first contribution in %2\n").arg(login, url)
                  : QStringLiteral("* @%1 made their first contribution\n").arg(login);
    }
    NotesCheck::Fix fix;
    fix.label = QStringLiteral("Add a New Contributors section");
    fix.start = int(in.body.size());
    fix.replacement = (in.body.endsWith(u'\n') ? QString() : QStringLiteral("\n")) + section;
    check.fix = fix;
    check.line = lineOf(in.body, fix.start);
    return check;
}

NotesCheck checkFirstParagraph(const NotesCheckInput &in, const QStringList &lines)
{
    const QString id = QStringLiteral("first-paragraph");
    int start = 0;
    QString paragraph;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        const bool skip =
            line.isEmpty() || isHeading(line) || line.startsWith(QLatin1String("<!--"));
        if (paragraph.isEmpty()) {
            if (skip)
                continue;
            start = i + 1;
            paragraph = line;
            continue;
        }
        if (line.isEmpty() || isHeading(line))
            break;
        paragraph += u' ' + line;
    }
    if (paragraph.isEmpty())
        return make(id, Severity::Warning, QStringLiteral("The notes have no text paragraph."));
    const int limit = in.notificationLength;
    if (paragraph.size() > limit)
        return make(id, Severity::Warning,
                    QStringLiteral("The first paragraph has %1 characters; a notification shows "
                                   "about %2. Lead with a shorter summary.")
                        .arg(paragraph.size())
                        .arg(limit),
                    start);
    return make(id, Severity::Ok,
                QStringLiteral("The first paragraph fits a notification (%1 characters).")
                    .arg(paragraph.size()),
                0);
}

NotesCheck checkFeatureLinks(const NotesCheckInput &in, const QStringList &lines)
{
    const QString id = QStringLiteral("feature-links");
    // Feature sections: titled like one, or the category of the `feat` type's label.
    QSet<QString> featureTitles;
    const QString featLabel = in.semanticTitles.labelForType(u"feat");
    for (const NotesConfig::Category &category : in.config.categories)
        if (!featLabel.isEmpty() && category.labels.contains(featLabel, Qt::CaseInsensitive))
            featureTitles.insert(category.title.trimmed());
    static const QRegularExpression link(
        QStringLiteral(R"(\]\(|https?://|(?:^|[^\w&])#\d+|[\w.-]+/[\w.-]+#\d+)"));
    static const QRegularExpression item(QStringLiteral(R"(^\s*(?:[*+-]|\d+[.)])\s+)"));
    bool inFeatures = false;
    QList<int> unlinked;
    for (int i = 0; i < lines.size(); ++i) {
        QString heading;
        if (isHeading(lines.at(i), nullptr, &heading)) {
            inFeatures = heading.contains(QLatin1String("feature"), Qt::CaseInsensitive);
            for (const QString &title : featureTitles)
                if (heading.contains(title))
                    inFeatures = true;
            continue;
        }
        if (inFeatures && item.match(lines.at(i)).hasMatch() && !link.match(lines.at(i)).hasMatch())
            unlinked << i + 1;
    }
    if (unlinked.isEmpty())
        return make(
            id, Severity::Ok,
            QStringLiteral("Every feature line links to its pull request or documentation."));
    QStringList where;
    for (int i = 0; i < unlinked.size() && i < 6; ++i)
        where << QString::number(unlinked.at(i));
    return make(id, Severity::Warning,
                QStringLiteral("Feature lines without a link to documentation or a pull request "
                               "(line %1).")
                    .arg(where.join(QStringLiteral(", "))),
                unlinked.first());
}

NotesCheck checkMarkdown(const NotesCheckInput &in, const QStringList &lines)
{
    const QString id = QStringLiteral("markdown");
    static const QRegularExpression fenceRe(QStringLiteral(R"(^ {0,3}(`{3,}|~{3,}))"));
    QStringList problems;
    int firstLine = 0;
    auto note = [&](int line, const QString &text) {
        problems << text;
        if (!firstLine || line < firstLine)
            firstLine = line;
    };
    // Fences.
    QString openFence;
    int openLine = 0;
    QList<bool> inFence(lines.size(), false);
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = fenceRe.match(lines.at(i));
        if (openFence.isEmpty()) {
            if (m.hasMatch()) {
                openFence = m.captured(1);
                openLine = i + 1;
                inFence[i] = true;
            }
            continue;
        }
        inFence[i] = true;
        if (m.hasMatch() && m.captured(1).at(0) == openFence.at(0) &&
            m.captured(1).size() >= openFence.size() && lines.at(i).trimmed() == m.captured(1)) {
            openFence.clear();
        }
    }
    if (!openFence.isEmpty())
        note(openLine,
             QStringLiteral("the code fence opened on line %1 is never closed").arg(openLine));
    // Empty sections: a heading followed by nothing but blank lines and comments before the
    // next heading of the same or a higher level, or the end.
    for (int i = 0; i < lines.size(); ++i) {
        int level = 0;
        QString text;
        if (inFence.at(i) || !isHeading(lines.at(i), &level, &text))
            continue;
        bool empty = true;
        for (int j = i + 1; j < lines.size(); ++j) {
            int next = 0;
            if (!inFence.at(j) && isHeading(lines.at(j), &next)) {
                if (next <= level)
                    break;
                empty = false;
                break;
            }
            const QString t = lines.at(j).trimmed();
            if (t.startsWith(QLatin1String("<!-- mainstay:begin "))) {
                empty = false; // generated content follows
                break;
            }
            static const QRegularExpression onlyComment(QStringLiteral(R"(^<!--.*-->$)"));
            if (!t.isEmpty() && !onlyComment.match(t).hasMatch()) {
                empty = false;
                break;
            }
        }
        if (empty)
            note(i + 1,
                 QStringLiteral("the section “%1” on line %2 is empty").arg(text).arg(i + 1));
    }
    // <details> balance.
    int details = 0;
    for (int i = 0; i < lines.size(); ++i) {
        if (inFence.at(i))
            continue;
        details += int(lines.at(i).count(QLatin1String("<details>")));
        details -= int(lines.at(i).count(QLatin1String("</details>")));
        if (details < 0) {
            note(i + 1, QStringLiteral("a </details> on line %1 closes nothing").arg(i + 1));
            details = 0;
        }
    }
    if (details > 0)
        note(lines.size(), QStringLiteral("a <details> block is never closed"));
    Q_UNUSED(in)
    if (problems.isEmpty())
        return make(id, Severity::Ok, QStringLiteral("The Markdown is well formed."));
    return make(id, Severity::Warning,
                QStringLiteral("Broken Markdown: %1.").arg(problems.join(QStringLiteral("; "))),
                firstLine);
}

NotesCheck checkSemanticCommits(const NotesCheckInput &in)
{
    const QString id = QStringLiteral("semantic-commits");
    if (in.semanticTitles.types.isEmpty())
        return make(id, Severity::Ok,
                    QStringLiteral("The policy defines no semantic title types."));
    QStringList bad;
    int checked = 0;
    for (const NotesCommit &commit : in.input.commits) {
        const QString subject = commit.subject();
        // Merge commits are written by GitHub, not by people.
        if (subject.startsWith(QLatin1String("Merge pull request ")) ||
            subject.startsWith(QLatin1String("Merge branch ")))
            continue;
        ++checked;
        const SemanticTitle parsed = in.semanticTitles.parse(subject);
        if (!parsed.isValid())
            bad << QStringLiteral("%1 “%2”").arg(commit.sha.left(7), subject);
    }
    if (bad.isEmpty())
        return make(id, Severity::Ok,
                    QStringLiteral("All %1 commit messages on %2 since the last release are "
                                   "semantic.")
                        .arg(checked)
                        .arg(in.input.targetBranch));
    return make(
        id, Severity::Warning,
        QStringLiteral("%1 of %2 commit messages since the last release are not semantic: %3.")
            .arg(bad.size())
            .arg(checked)
            .arg(bad.mid(0, 5).join(QStringLiteral(", ")) +
                 (bad.size() > 5 ? QStringLiteral(", …") : QString())));
}

} // namespace

QList<NotesCheck> ReleaseNotesChecker::run(const NotesCheckInput &input)
{
    // Line numbers refer to the editor's text; the markers stay on their lines, so the lines of
    // the text as written are used, and the marker-free text for what a reader sees.
    const QStringList lines = input.body.split(u'\n');
    const QString plain = NotesMarkers::strip(input.body);
    return {
        checkPlaceholder(input),         checkTagTitle(input),
        checkTagConsistent(input),       checkTargetBranch(input),
        checkEveryPrOnce(input, lines),  checkUncategorized(input, lines),
        checkLabelTitle(input, lines),   checkContributors(input, plain),
        checkFirstTimers(input, lines),  checkFirstParagraph(input, lines),
        checkFeatureLinks(input, lines), checkMarkdown(input, lines),
        checkSemanticCommits(input),
    };
}

NotesCheck::Severity ReleaseNotesChecker::worst(const QList<NotesCheck> &checks)
{
    Severity result = Severity::Ok;
    for (const NotesCheck &check : checks)
        result = std::max(result, check.severity);
    return result;
}

} // namespace Mainstay
