#include "releasenotes.h"

#include "jsregex.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Mainstay {

namespace {

// Sentinels carried through the templates and replacers while building the marked body; they are
// private-use characters no template or title is expected to hold.
constexpr char16_t UnitStart = 0xE000;    // before a pull request's text
constexpr char16_t UnitEnd = 0xE001;      // after it, followed by the number in PUA digits
constexpr char16_t UnitNumEnd = 0xE002;   // after the number
constexpr char16_t SectionBegin = 0xE003; // followed by the section index digit
constexpr char16_t SectionEnd = 0xE004;
constexpr char16_t GenLine = 0xE005; // at the end of a generated line (heading, details)
constexpr char16_t DigitBase = 0xE010;

bool isSentinel(QChar c)
{
    return c.unicode() >= 0xE000 && c.unicode() <= 0xE01F;
}

QString encodeNumber(int number)
{
    QString digits = QString::number(number);
    for (QChar &c : digits)
        c = QChar(char16_t(DigitBase + (c.unicode() - u'0')));
    return digits;
}

// JavaScript's String.prototype.trim whitespace.
bool isJsSpace(QChar c)
{
    switch (c.unicode()) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c.unicode() >= 0x2000 && c.unicode() <= 0x200A;
    }
}

QString jsTrim(const QString &text, bool sentinelsAreSpace = false)
{
    auto skippable = [&](QChar c) { return isJsSpace(c) || (sentinelsAreSpace && isSentinel(c)); };
    // Sentinels are only skipped when they sit between whitespace and the trimmed edge: a trim
    // must not remove what the plain body keeps, so the sentinels are moved instead.
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && skippable(text.at(begin)))
        ++begin;
    while (end > begin && skippable(text.at(end - 1)))
        --end;
    if (!sentinelsAreSpace)
        return text.mid(begin, end - begin);
    // Keep the sentinels that were in the trimmed margins.
    QString head, tail;
    for (qsizetype i = 0; i < begin; ++i)
        if (isSentinel(text.at(i)))
            head += text.at(i);
    for (qsizetype i = end; i < text.size(); ++i)
        if (isSentinel(text.at(i)))
            tail += text.at(i);
    return head + text.mid(begin, end - begin) + tail;
}

// Release Drafter's template(): every `$[A-Z_]+` that names a known value is replaced, once, left
// to right; unknown names stay as written.
QString fillTemplate(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'$' && i + 1 < n &&
            ((text.at(i + 1) >= u'A' && text.at(i + 1) <= u'Z') || text.at(i + 1) == u'_')) {
            qsizetype j = i + 1;
            while (j < n && ((text.at(j) >= u'A' && text.at(j) <= u'Z') || text.at(j) == u'_'))
                ++j;
            const QString key = text.mid(i, j - i);
            const auto it = values.constFind(key);
            out += it == values.constEnd() ? key : it.value();
            i = j;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

QString escapeTitle(const QString &title, const QString &escapes)
{
    QString out;
    out.reserve(title.size() + 8);
    const qsizetype n = title.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = title.at(i);
        if (escapes.contains(c)) {
            if (c == u'@' || c == u'#')
                out += c + QStringLiteral("<!---->");
            else
                out += u'\\' + QString(c);
            continue;
        }
        if (c == u'`') {
            // A backtick block on one line is left alone (it renders as code).
            qsizetype j = i + 1;
            while (j < n && title.at(j) != u'`' && title.at(j) != u'\n' && title.at(j) != u'\r' &&
                   title.at(j) != QChar(0x2028) && title.at(j) != QChar(0x2029))
                ++j;
            if (j < n && title.at(j) == u'`') {
                out += title.mid(i, j - i + 1);
                i = j;
                continue;
            }
        }
        out += c;
    }
    return out;
}

bool hasAnyLabel(const NotesPullRequest &pr, const QStringList &labels)
{
    for (const QString &label : pr.labels)
        if (labels.contains(label))
            return true;
    return false;
}

bool isIncluded(const NotesPullRequest &pr, const NotesConfig &config)
{
    if (hasAnyLabel(pr, config.excludeLabels))
        return false;
    return config.includeLabels.isEmpty() || hasAnyLabel(pr, config.includeLabels);
}

QString authorText(const NotesAuthor &author)
{
    if (author.login.isEmpty())
        return QStringLiteral("ghost");
    if (author.isBot())
        return QStringLiteral("[%1[bot]](%2)").arg(author.login, author.url);
    return author.login;
}

QString shortHash(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

// semver.inc for major/minor/patch.
NotesVersion increment(const NotesVersion &version, VersionBump bump)
{
    NotesVersion v = version;
    const bool pre = !v.prerelease.isEmpty();
    switch (bump) {
    case VersionBump::Major:
        if (v.minor != 0 || v.patch != 0 || !pre)
            ++v.major;
        v.minor = 0;
        v.patch = 0;
        break;
    case VersionBump::Minor:
        if (v.patch != 0 || !pre)
            ++v.minor;
        v.patch = 0;
        break;
    case VersionBump::Patch:
        if (!pre)
            ++v.patch;
        break;
    }
    v.prerelease.clear();
    return v;
}

// semver.inc(version, 'prerelease', identifier): a patch bump first for a release version, then
// the last numeric identifier goes up (or a 0 is appended); an identifier that differs from the
// first one restarts at IDENTIFIER.0.
NotesVersion incrementPrerelease(const NotesVersion &version, const QString &identifier)
{
    static const QRegularExpression numeric(QStringLiteral("^[0-9]+$"));
    constexpr qint64 MaxSafeInteger = 9007199254740991LL;
    // Numeric identifiers are numbers in node-semver (below 2^53 - 1), the rest strings.
    auto isNumber = [&](const QString &id) {
        if (!numeric.match(id).hasMatch())
            return false;
        bool ok = false;
        const qint64 n = id.toLongLong(&ok);
        return ok && n < MaxSafeInteger;
    };
    NotesVersion v = version;
    if (v.prerelease.isEmpty())
        v = increment(v, VersionBump::Patch);
    QStringList ids = v.prerelease.isEmpty() ? QStringList() : v.prerelease.split(u'.');
    if (ids.isEmpty()) {
        ids = {QStringLiteral("0")};
    } else {
        bool bumped = false;
        for (qsizetype i = ids.size() - 1; i >= 0 && !bumped; --i) {
            if (isNumber(ids.at(i))) {
                ids[i] = QString::number(ids.at(i).toLongLong() + 1);
                bumped = true;
            }
        }
        if (!bumped)
            ids.append(QStringLiteral("0"));
    }
    if (!identifier.isEmpty()) {
        // compareIdentifiers: numerically when both are numeric, else as strings.
        const QString first = ids.first();
        const bool same = (numeric.match(first).hasMatch() && numeric.match(identifier).hasMatch())
                              ? first.toDouble() == identifier.toDouble()
                              : first == identifier;
        // isNaN(prerelease[1]): true when missing or not a number.
        const bool secondIsNaN = ids.size() < 2 || !numeric.match(ids.at(1)).hasMatch();
        if (!same || secondIsNaN)
            ids = {identifier, QStringLiteral("0")};
    }
    v.prerelease = ids.join(u'.');
    return v;
}

QString versionText(const NotesVersion &v, const QString &versionTemplate)
{
    QHash<QString, QString> values{
        {QStringLiteral("$MAJOR"), QString::number(v.major)},
        {QStringLiteral("$MINOR"), QString::number(v.minor)},
        {QStringLiteral("$PATCH"), QString::number(v.patch)},
        {QStringLiteral("$PRERELEASE"),
         v.prerelease.isEmpty() ? QString() : QStringLiteral("-") + v.prerelease},
        {QStringLiteral("$COMPLETE"), v.toString()},
    };
    return fillTemplate(versionTemplate, values);
}

// The version values of Release Drafter's second template pass.
QHash<QString, QString> versionValues(const NotesInput &input, const NotesConfig &config,
                                      VersionBump bump, ResolvedVersion *resolved)
{
    QHash<QString, QString> values;
    const QString tagPrefix = config.tagPrefix;
    std::optional<NotesVersion> last;
    if (!input.previousTag.isEmpty())
        last = NotesVersion::parse(input.previousTag, tagPrefix);
    if (!last && !input.previousName.isEmpty())
        last = NotesVersion::parse(input.previousName, tagPrefix);
    std::optional<NotesVersion> chosen;
    if (!input.inputVersion.isEmpty())
        chosen = NotesVersion::parse(input.inputVersion, tagPrefix);

    if (!last && !chosen) {
        // Release Drafter's defaults for a first release.
        values.insert(QStringLiteral("$NEXT_MAJOR_VERSION"), QStringLiteral("1.0.0"));
        values.insert(QStringLiteral("$NEXT_MINOR_VERSION"), QStringLiteral("0.1.0"));
        values.insert(QStringLiteral("$NEXT_PATCH_VERSION"), QStringLiteral("0.1.0"));
        values.insert(QStringLiteral("$NEXT_PRERELEASE_VERSION"), QStringLiteral("0.1.0-rc.0"));
        values.insert(QStringLiteral("$RESOLVED_VERSION"), QStringLiteral("0.1.0"));
        resolved->nextMajor = QStringLiteral("1.0.0");
        resolved->nextMinor = resolved->nextPatch = resolved->version = QStringLiteral("0.1.0");
        return values;
    }
    if (last) {
        const NotesVersion major = increment(*last, VersionBump::Major);
        const NotesVersion minor = increment(*last, VersionBump::Minor);
        const NotesVersion patch = increment(*last, VersionBump::Patch);
        const QString tmpl = config.versionTemplate;
        values.insert(QStringLiteral("$NEXT_MAJOR_VERSION"), versionText(major, tmpl));
        values.insert(QStringLiteral("$NEXT_MINOR_VERSION"), versionText(minor, tmpl));
        values.insert(QStringLiteral("$NEXT_PATCH_VERSION"), versionText(patch, tmpl));
        const QString m = QStringLiteral("$MAJOR"), n = QStringLiteral("$MINOR"),
                      p = QStringLiteral("$PATCH");
        const QList<std::pair<QString, NotesVersion>> kinds{
            {QStringLiteral("$NEXT_MAJOR_VERSION"), major},
            {QStringLiteral("$NEXT_MINOR_VERSION"), minor},
            {QStringLiteral("$NEXT_PATCH_VERSION"), patch}};
        for (const auto &[key, v] : kinds) {
            values.insert(key + QStringLiteral("_MAJOR"), versionText(v, m));
            values.insert(key + QStringLiteral("_MINOR"), versionText(v, n));
            values.insert(key + QStringLiteral("_PATCH"), versionText(v, p));
        }
        // Only $PRERELEASE of the next prerelease version, as Release Drafter templates it.
        const NotesVersion pre = incrementPrerelease(*last, config.prereleaseIdentifier);
        values.insert(QStringLiteral("$NEXT_PRERELEASE_VERSION"),
                      versionText(pre, QStringLiteral("$PRERELEASE")));
        resolved->nextMajor = values.value(QStringLiteral("$NEXT_MAJOR_VERSION"));
        resolved->nextMinor = values.value(QStringLiteral("$NEXT_MINOR_VERSION"));
        resolved->nextPatch = values.value(QStringLiteral("$NEXT_PATCH_VERSION"));
    }
    // The templates get the version through `version-template`; the resolved version itself is
    // the plain semantic version, as Release Drafter reports it.
    const NotesVersion resolvedVersion = chosen ? *chosen : increment(*last, bump);
    const QString resolvedText = versionText(resolvedVersion, config.versionTemplate);
    if (chosen)
        values.insert(QStringLiteral("$INPUT_VERSION"), resolvedText);
    values.insert(QStringLiteral("$RESOLVED_VERSION"), resolvedText);
    resolved->version = resolvedVersion.toString();
    return values;
}

VersionBump labelBump(const NotesInput &input, const NotesConfig &config, bool *fromLabels,
                      QStringList *reasons)
{
    // Later kinds win for a label listed twice, like Release Drafter's map.
    QHash<QString, VersionBump> byLabel;
    for (const QString &l : config.versionResolver.patch)
        byLabel.insert(l, VersionBump::Patch);
    for (const QString &l : config.versionResolver.minor)
        byLabel.insert(l, VersionBump::Minor);
    for (const QString &l : config.versionResolver.major)
        byLabel.insert(l, VersionBump::Major);
    // Release Drafter looks labels up in a plain JavaScript object: a label named like one of
    // Object.prototype's members finds that member, whose priority is undefined, and the
    // maximum becomes NaN, which matches no bump: the default wins whatever else is there.
    static const QStringList inherited{
        QStringLiteral("constructor"),      QStringLiteral("__defineGetter__"),
        QStringLiteral("__defineSetter__"), QStringLiteral("hasOwnProperty"),
        QStringLiteral("__lookupGetter__"), QStringLiteral("__lookupSetter__"),
        QStringLiteral("isPrototypeOf"),    QStringLiteral("propertyIsEnumerable"),
        QStringLiteral("toString"),         QStringLiteral("valueOf"),
        QStringLiteral("__proto__"),        QStringLiteral("toLocaleString")};
    int best = -1;
    bool poisoned = false;
    for (const NotesPullRequest &pr : input.pullRequests) {
        if (!isIncluded(pr, config))
            continue;
        for (const QString &label : pr.labels) {
            const auto it = byLabel.constFind(label);
            if (it == byLabel.constEnd()) {
                poisoned = poisoned || inherited.contains(label);
                continue;
            }
            if (reasons)
                reasons->append(QStringLiteral("#%1 %2 → %3")
                                    .arg(pr.number)
                                    .arg(label, versionBumpName(it.value())));
            best = std::max(best, int(it.value()));
        }
    }
    if (poisoned)
        best = -1;
    *fromLabels = best >= 0;
    return best >= 0 ? VersionBump(best) : config.versionResolver.defaultBump;
}

struct Categorized
{
    QList<NotesPullRequest> uncategorized;
    QList<QList<NotesPullRequest>> perCategory;
};

Categorized categorize(const QList<NotesPullRequest> &prs, const NotesConfig &config)
{
    Categorized result;
    result.perCategory.resize(config.categories.size());
    QSet<QString> allCategoryLabels;
    int catchAll = -1;
    for (int i = 0; i < config.categories.size(); ++i) {
        for (const QString &l : config.categories.at(i).labels)
            allCategoryLabels.insert(l);
        if (catchAll < 0 && config.categories.at(i).labels.isEmpty())
            catchAll = i;
    }
    QList<NotesPullRequest> remaining;
    for (const NotesPullRequest &pr : prs) {
        if (!isIncluded(pr, config))
            continue;
        bool inSome = false;
        for (const QString &l : pr.labels)
            if (allCategoryLabels.contains(l))
                inSome = true;
        if (!inSome) {
            if (catchAll < 0)
                result.uncategorized.append(pr);
            else
                result.perCategory[catchAll].append(pr);
            continue;
        }
        remaining.append(pr);
    }
    for (int i = 0; i < config.categories.size(); ++i)
        for (const NotesPullRequest &pr : remaining)
            if (hasAnyLabel(pr, config.categories.at(i).labels))
                result.perCategory[i].append(pr);
    return result;
}

// One pull request's change text; `marked` wraps it in sentinels.
QString changeText(const NotesPullRequest &pr, const NotesConfig &config, bool marked)
{
    const QHash<QString, QString> values{
        {QStringLiteral("$TITLE"), escapeTitle(pr.title, config.changeTitleEscapes)},
        {QStringLiteral("$NUMBER"), QString::number(pr.number)},
        {QStringLiteral("$AUTHOR"), authorText(pr.author)},
        {QStringLiteral("$BODY"), pr.body},
        {QStringLiteral("$URL"), pr.url},
        {QStringLiteral("$BASE_REF_NAME"), pr.baseRefName},
        {QStringLiteral("$HEAD_REF_NAME"), pr.headRefName},
    };
    const QString text = fillTemplate(config.changeTemplate, values);
    if (!marked)
        return text;
    return QChar(UnitStart) + text + QChar(UnitEnd) + encodeNumber(pr.number) + QChar(UnitNumEnd);
}

QString joinChanges(const QList<NotesPullRequest> &prs, const NotesConfig &config, bool marked)
{
    QStringList lines;
    for (const NotesPullRequest &pr : prs)
        lines << changeText(pr, config, marked);
    return lines.join(u'\n');
}

QString genLine(const QString &text, bool marked)
{
    return marked ? text + QChar(GenLine) : text;
}

QString releaseDrafterChanges(const QList<NotesPullRequest> &prs, const NotesConfig &config,
                              bool marked)
{
    if (prs.isEmpty())
        return genLine(config.noChangesTemplate, marked);
    const Categorized c = categorize(prs, config);
    QString log;
    if (!c.uncategorized.isEmpty())
        log += joinChanges(c.uncategorized, config, marked) + QStringLiteral("\n\n");
    for (int i = 0; i < config.categories.size(); ++i) {
        const QList<NotesPullRequest> &list = c.perCategory.at(i);
        if (list.isEmpty())
            continue;
        const NotesConfig::Category &category = config.categories.at(i);
        log += genLine(fillTemplate(config.categoryTemplate,
                                    {{QStringLiteral("$TITLE"), category.title}}),
                       marked) +
               QStringLiteral("\n\n");
        const QString text = joinChanges(list, config, marked);
        if (category.collapseAfter != 0 && list.size() > category.collapseAfter) {
            log +=
                genLine(QStringLiteral("<details>"), marked) + u'\n' +
                genLine(QStringLiteral("<summary>%1 changes</summary>").arg(list.size()), marked) +
                QStringLiteral("\n\n") + text + u'\n' +
                genLine(QStringLiteral("</details>"), marked);
        } else {
            log += text;
        }
        if (i + 1 != config.categories.size())
            log += QStringLiteral("\n\n");
    }
    return jsTrim(log, marked);
}

QStringList contributorList(const NotesInput &input, const NotesConfig &config)
{
    QSet<QString> set;
    for (const NotesCommit &commit : input.commits) {
        if (!commit.authorLogin.isEmpty()) {
            if (!config.excludeContributors.contains(commit.authorLogin))
                set.insert(u'@' + commit.authorLogin);
        } else {
            set.insert(commit.authorName);
        }
    }
    for (const NotesPullRequest &pr : input.pullRequests) {
        if (pr.author.login.isEmpty() || config.excludeContributors.contains(pr.author.login))
            continue;
        if (pr.author.isBot())
            set.insert(QStringLiteral("[%1[bot]](%2)").arg(pr.author.login, pr.author.url));
        else
            set.insert(u'@' + pr.author.login);
    }
    QStringList list(set.begin(), set.end());
    // JavaScript's default sort: UTF-16 code units, which is QString's operator<.
    std::sort(list.begin(), list.end());
    return list;
}

QString contributorsSentence(const QStringList &list, const NotesConfig &config)
{
    if (list.isEmpty())
        return config.noContributorsTemplate;
    if (list.size() == 1)
        return list.first();
    return list.mid(0, list.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") +
           list.last();
}

QString applyReplacers(QString text, const NotesConfig &config)
{
    for (const NotesConfig::Replacer &replacer : config.replacers) {
        const std::optional<JsRegex> regex = JsRegex::fromSearch(replacer.search);
        if (!regex)
            continue; // Release Drafter drops a replacer whose regex does not compile
        text = regex->replace(text, replacer.replace);
    }
    return text;
}

QString sectionSentinel(int index, const QString &value)
{
    return QString(QChar(SectionBegin)) + QChar(char16_t(DigitBase + index)) + value +
           QChar(SectionEnd);
}

const QStringList SectionNames{QStringLiteral("changes"), QStringLiteral("contributors"),
                               QStringLiteral("new-contributors"),
                               QStringLiteral("full-changelog")};

// Turns the sentinels of a body into NotesMarkers. Sections whose value does not sit alone on
// its lines lose their markers (an HTML comment inside a paragraph would show).
QString sentinelsToMarkers(const QString &text)
{
    QString out;
    out.reserve(text.size() + 256);
    qsizetype i = 0;
    const qsizetype n = text.size();
    QList<qsizetype> unitStarts;
    QList<std::pair<int, qsizetype>> openSections; // section index, position in out
    while (i < n) {
        const QChar c = text.at(i);
        if (!isSentinel(c)) {
            out += c;
            ++i;
            continue;
        }
        switch (c.unicode()) {
        case UnitStart:
            unitStarts.append(out.size());
            ++i;
            break;
        case UnitEnd: {
            ++i;
            QString digits;
            while (i < n && text.at(i).unicode() >= DigitBase &&
                   text.at(i).unicode() < DigitBase + 10) {
                digits += QChar(u'0' + (text.at(i).unicode() - DigitBase));
                ++i;
            }
            if (i < n && text.at(i).unicode() == UnitNumEnd)
                ++i;
            const qsizetype start = unitStarts.isEmpty() ? out.size() : unitStarts.takeLast();
            const QString unit = out.mid(start);
            out += NotesMarkers::line(digits.toInt(), unit);
            break;
        }
        case GenLine:
            out += QStringLiteral(" <!-- mainstay:gen -->");
            ++i;
            break;
        case SectionBegin: {
            const int index = i + 1 < n ? text.at(i + 1).unicode() - DigitBase : 0;
            openSections.append({index, out.size()});
            i += 2;
            break;
        }
        case SectionEnd: {
            ++i;
            if (openSections.isEmpty())
                break;
            const auto [index, start] = openSections.takeLast();
            const QString name = SectionNames.value(index);
            const bool atLineStart = start == 0 || out.at(start - 1) == u'\n';
            const bool atLineEnd = i >= n || text.at(i) == u'\n';
            QString content = out.mid(start);
            out.truncate(start);
            if (!atLineStart || !atLineEnd || name.isEmpty()) {
                out += NotesMarkers::strip(content);
                break;
            }
            if (index == 0) {
                out +=
                    NotesMarkers::begin(name) + u'\n' + content + u'\n' + NotesMarkers::end(name);
            } else {
                const QString plain = NotesMarkers::strip(content);
                out +=
                    QStringLiteral("<!-- mainstay:begin %1 %2 -->\n").arg(name, shortHash(plain)) +
                    plain + u'\n' + NotesMarkers::end(name);
            }
            break;
        }
        default:
            ++i;
            break;
        }
    }
    return out;
}

// The body through Release Drafter's two template passes and its replacers.
QString releaseDrafterBody(const NotesInput &input, const NotesConfig &config,
                           const QList<NotesPullRequest> &sorted, const QStringList &contributors,
                           const QHash<QString, QString> &versions, bool marked)
{
    QString changes = releaseDrafterChanges(sorted, config, marked);
    QString people = contributorsSentence(contributors, config);
    if (marked) {
        changes = sectionSentinel(0, changes);
        people = sectionSentinel(1, people);
    }
    QString body = config.header + config.bodyTemplate + config.footer;
    body = fillTemplate(body, {{QStringLiteral("$PREVIOUS_TAG"), input.previousTag},
                               {QStringLiteral("$CHANGES"), changes},
                               {QStringLiteral("$CONTRIBUTORS"), people},
                               {QStringLiteral("$OWNER"), input.owner},
                               {QStringLiteral("$REPOSITORY"), input.repository}});
    body = applyReplacers(body, config);
    return fillTemplate(body, versions);
}

bool authorExcluded(const NotesPullRequest &pr, const QStringList &authors)
{
    for (const QString &a : authors) {
        if (a == pr.author.login || a == pr.author.login + QStringLiteral("[bot]"))
            return true;
    }
    return false;
}

bool categoryMatches(const NotesConfig::Category &category, const NotesPullRequest &pr)
{
    if (hasAnyLabel(pr, category.excludeLabels) || authorExcluded(pr, category.excludeAuthors))
        return false;
    if (category.labels.contains(QStringLiteral("*")))
        return true;
    return hasAnyLabel(pr, category.labels);
}

QString ghLogin(const NotesAuthor &author)
{
    if (author.login.isEmpty())
        return QStringLiteral("ghost");
    return author.isBot() && !author.login.endsWith(QStringLiteral("[bot]"))
               ? author.login + QStringLiteral("[bot]")
               : author.login;
}

// GitHub's generated notes (release.yml).
QString gitHubBody(const NotesInput &input, const NotesConfig &config,
                   const QList<NotesPullRequest> &sorted, const QString &tag,
                   const QStringList &newContributors, GeneratedNotes *notes, bool marked)
{
    QList<NotesPullRequest> listed;
    for (const NotesPullRequest &pr : sorted)
        if (!hasAnyLabel(pr, config.excludeLabels) && !authorExcluded(pr, config.excludeAuthors))
            listed.append(pr);
    auto line = [&](const NotesPullRequest &pr) {
        const QString text =
            QStringLiteral("* %1 by @%2 in %3").arg(pr.title, ghLogin(pr.author), pr.url);
        return marked ? QChar(UnitStart) + text + QChar(UnitEnd) + encodeNumber(pr.number) +
                            QChar(UnitNumEnd)
                      : text;
    };
    QString changes = genLine(QStringLiteral("## What's Changed"), marked);
    if (config.categories.isEmpty()) {
        for (const NotesPullRequest &pr : listed)
            changes += u'\n' + line(pr);
    } else {
        QList<QList<NotesPullRequest>> per(config.categories.size());
        QList<NotesPullRequest> other;
        for (const NotesPullRequest &pr : listed) {
            bool placed = false;
            for (int i = 0; i < config.categories.size() && !placed; ++i) {
                if (categoryMatches(config.categories.at(i), pr)) {
                    per[i].append(pr);
                    placed = true;
                    if (notes)
                        for (GeneratedNotes::Change &c : notes->changeList)
                            if (c.number == pr.number)
                                c.categories = {config.categories.at(i).title};
                }
            }
            if (!placed)
                other.append(pr);
        }
        for (int i = 0; i < per.size(); ++i) {
            if (per.at(i).isEmpty())
                continue;
            changes +=
                u'\n' + genLine(QStringLiteral("### ") + config.categories.at(i).title, marked);
            for (const NotesPullRequest &pr : per.at(i))
                changes += u'\n' + line(pr);
        }
        if (!other.isEmpty()) {
            changes += u'\n' + genLine(QStringLiteral("### Other Changes"), marked);
            for (const NotesPullRequest &pr : other)
                changes += u'\n' + line(pr);
            if (notes)
                for (const NotesPullRequest &pr : other)
                    notes->uncategorized.append(pr.number);
        }
    }
    if (listed.isEmpty())
        changes += u'\n' + genLine(QStringLiteral("* No changes"), marked);
    QString body = marked ? sectionSentinel(0, changes) : changes;
    if (!newContributors.isEmpty()) {
        QString section = QStringLiteral("## New Contributors");
        for (const QString &login : newContributors) {
            int first = 0;
            for (const NotesPullRequest &pr : sorted)
                if (pr.author.login == login && (first == 0 || pr.number < first))
                    first = pr.number;
            QString url;
            for (const NotesPullRequest &pr : sorted)
                if (pr.number == first)
                    url = pr.url;
            section +=
                QStringLiteral("\n* @%1 made their first contribution in %2").arg(login, url);
        }
        body += QStringLiteral("\n\n") + (marked ? sectionSentinel(2, section) : section);
    }
    if (!input.previousTag.isEmpty() && !input.webUrl.isEmpty()) {
        const QString head =
            tag.isEmpty() ? (input.toRef.isEmpty() ? input.targetBranch : input.toRef) : tag;
        const QString full = QStringLiteral("**Full Changelog**: %1/compare/%2...%3")
                                 .arg(input.webUrl, input.previousTag, head);
        body += QStringLiteral("\n\n") + (marked ? sectionSentinel(3, full) : full);
    }
    return body;
}

} // namespace

QString NotesConfigResult::errorText() const
{
    QStringList lines;
    for (const PolicyDiagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

std::optional<NotesVersion> NotesVersion::parse(const QString &rawText, const QString &tagPrefix)
{
    QString text = rawText;
    if (!tagPrefix.isEmpty() && text.startsWith(tagPrefix))
        text = text.mid(tagPrefix.size());
    // node-semver refuses numbers above Number.MAX_SAFE_INTEGER (the constructor throws, and
    // parse and coerce give null then).
    constexpr qint64 MaxSafeInteger = 9007199254740991LL;
    auto component = [](const QString &digits, bool *ok) {
        const qint64 n = digits.toLongLong(ok);
        *ok = *ok && n <= MaxSafeInteger;
        return n;
    };
    // semver.parse (strict): at most 256 characters, an optional `v`, MAJOR.MINOR.PATCH[-pre]
    // [+build], nothing around it (not even spaces).
    static const QRegularExpression full(QStringLiteral(
        R"(^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\z)"));
    const QRegularExpressionMatch m =
        text.size() <= 256 ? full.match(text) : QRegularExpressionMatch();
    if (m.hasMatch()) {
        NotesVersion v;
        bool okMajor = false, okMinor = false, okPatch = false;
        v.major = component(m.captured(1), &okMajor);
        v.minor = component(m.captured(2), &okMinor);
        v.patch = component(m.captured(3), &okPatch);
        v.prerelease = m.captured(4);
        if (okMajor && okMinor && okPatch)
            return v;
        // semver.parse gives null; coerce below still reads the same digits and fails the same
        // way, unless a shorter run comes first.
    }
    // semver.coerce: the first run of up to three dot-separated numbers (of at most 16 digits).
    static const QRegularExpression coerce(
        QStringLiteral(R"((?:^|[^\d])(\d{1,16})(?:\.(\d{1,16}))?(?:\.(\d{1,16}))?(?:\z|[^\d]))"));
    const QRegularExpressionMatch c = coerce.match(text);
    if (!c.hasMatch())
        return std::nullopt;
    // coerce hands the digits as written to semver.parse, which refuses leading zeros
    // ("01.2.3"): no version then.
    for (int i = 1; i <= 3; ++i)
        if (c.captured(i).size() > 1 && c.captured(i).startsWith(u'0'))
            return std::nullopt;
    NotesVersion v;
    bool okMajor = false, okMinor = true, okPatch = true;
    v.major = component(c.captured(1), &okMajor);
    if (!c.captured(2).isEmpty())
        v.minor = component(c.captured(2), &okMinor);
    if (!c.captured(3).isEmpty())
        v.patch = component(c.captured(3), &okPatch);
    if (!okMajor || !okMinor || !okPatch)
        return std::nullopt;
    return v;
}

NotesVersion NotesVersion::bumped(VersionBump bump) const
{
    return increment(*this, bump);
}

QString NotesVersion::toString() const
{
    QString text = QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
    if (!prerelease.isEmpty())
        text += u'-' + prerelease;
    return text;
}

ResolvedVersion resolveVersion(const NotesInput &input, const NotesConfig &config)
{
    ResolvedVersion resolved;
    resolved.previousTag = input.previousTag;
    resolved.bump = labelBump(input, config, &resolved.fromLabels, &resolved.reasons);
    const QHash<QString, QString> values = versionValues(input, config, resolved.bump, &resolved);
    resolved.tag = fillTemplate(config.tagTemplate, values);
    resolved.name = fillTemplate(config.nameTemplate, values);
    return resolved;
}

QList<NotesPullRequest> sortPullRequests(QList<NotesPullRequest> prs, const NotesConfig &config)
{
    const bool ascending = config.sortDirection == NotesConfig::SortDirection::Ascending;
    if (config.sortBy == NotesConfig::SortBy::Title) {
        std::stable_sort(prs.begin(), prs.end(), [&](const auto &a, const auto &b) {
            return ascending ? a.title < b.title : b.title < a.title;
        });
    } else {
        // An invalid date is NaN in JavaScript: it compares neither way, so it keeps its place
        // relative to its neighbours only approximately; treat it as equal to everything.
        std::stable_sort(prs.begin(), prs.end(), [&](const auto &a, const auto &b) {
            if (!a.mergedAt.isValid() || !b.mergedAt.isValid())
                return false;
            return ascending ? a.mergedAt < b.mergedAt : b.mergedAt < a.mergedAt;
        });
    }
    return prs;
}

GeneratedNotes generateNotes(const NotesInput &input, const NotesConfig &config)
{
    GeneratedNotes notes;
    notes.targetBranch = config.targetBranch.isEmpty() ? input.targetBranch : config.targetBranch;
    notes.version = resolveVersion(input, config);
    notes.tag = notes.version.tag;
    notes.name = notes.version.name;
    const QList<NotesPullRequest> sorted = sortPullRequests(input.pullRequests, config);
    notes.newContributors = input.firstTimeContributors;

    if (config.style == NotesConfig::Style::GitHub) {
        QSet<QString> people;
        for (const NotesPullRequest &pr : sorted) {
            GeneratedNotes::Change change;
            change.number = pr.number;
            change.excluded =
                hasAnyLabel(pr, config.excludeLabels) || authorExcluded(pr, config.excludeAuthors);
            if (!change.excluded)
                change.line =
                    QStringLiteral("* %1 by @%2 in %3").arg(pr.title, ghLogin(pr.author), pr.url);
            notes.changeList.append(change);
            if (!pr.author.login.isEmpty())
                people.insert(u'@' + ghLogin(pr.author));
        }
        notes.contributorList = QStringList(people.begin(), people.end());
        std::sort(notes.contributorList.begin(), notes.contributorList.end());
        notes.body =
            gitHubBody(input, config, sorted, notes.tag, notes.newContributors, &notes, false);
        const QString marked =
            gitHubBody(input, config, sorted, notes.tag, notes.newContributors, nullptr, true);
        notes.markedBody = sentinelsToMarkers(marked);
        if (NotesMarkers::strip(notes.markedBody) != notes.body)
            notes.markedBody = notes.body;
        notes.changes = notes.body;
        notes.contributors = contributorsSentence(notes.contributorList, config);
        return notes;
    }

    // Release Drafter.
    const Categorized c = categorize(sorted, config);
    QSet<int> uncategorizedNumbers;
    for (const NotesPullRequest &pr : c.uncategorized)
        uncategorizedNumbers.insert(pr.number);
    for (const NotesPullRequest &pr : sorted) {
        GeneratedNotes::Change change;
        change.number = pr.number;
        change.excluded = !isIncluded(pr, config);
        if (!change.excluded) {
            change.line = changeText(pr, config, false);
            for (int i = 0; i < config.categories.size(); ++i)
                if (c.perCategory.at(i).contains(pr))
                    change.categories.append(config.categories.at(i).title);
            if (uncategorizedNumbers.contains(pr.number))
                notes.uncategorized.append(pr.number);
        }
        notes.changeList.append(change);
    }
    notes.contributorList = contributorList(input, config);
    notes.contributors = contributorsSentence(notes.contributorList, config);
    notes.changes = releaseDrafterChanges(sorted, config, false);

    QHash<QString, QString> versions;
    ResolvedVersion scratch;
    versions = versionValues(input, config, notes.version.bump, &scratch);
    notes.body = releaseDrafterBody(input, config, sorted, notes.contributorList, versions, false);
    const QString marked =
        releaseDrafterBody(input, config, sorted, notes.contributorList, versions, true);
    notes.markedBody = sentinelsToMarkers(marked);
    // Replacers that touched the sentinels would make the marked body differ: then the body is
    // used without markers rather than a body that says something else.
    if (NotesMarkers::strip(notes.markedBody) != notes.body)
        notes.markedBody = notes.body;
    return notes;
}

// ---------------------------------------------------------------- markers

namespace NotesMarkers {

QString begin(const QString &section)
{
    return QStringLiteral("<!-- mainstay:begin %1 -->").arg(section);
}

QString end(const QString &section)
{
    return QStringLiteral("<!-- mainstay:end %1 -->").arg(section);
}

QString line(int number, const QString &generatedText)
{
    const int lines = int(generatedText.count(u'\n')) + 1;
    if (lines > 1)
        return QStringLiteral(" <!-- mainstay:pr %1 %2 %3 -->")
            .arg(number)
            .arg(shortHash(generatedText))
            .arg(lines);
    return QStringLiteral(" <!-- mainstay:pr %1 %2 -->").arg(number).arg(shortHash(generatedText));
}

QString strip(const QString &markedBody)
{
    static const QRegularExpression inlineMarker(
        QStringLiteral(R"( <!-- mainstay:(?:pr \d+ [0-9a-f]{8}(?: \d+)?|gen) -->)"));
    static const QRegularExpression beginLine(
        QStringLiteral(R"(^<!-- mainstay:begin [a-z-]+(?: [0-9a-f]{8})? -->\n)"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression endLine(QStringLiteral(R"(\n<!-- mainstay:end [a-z-]+ -->$)"),
                                            QRegularExpression::MultilineOption);
    QString text = markedBody;
    text.remove(inlineMarker);
    text.remove(beginLine);
    text.remove(endLine);
    return text;
}

} // namespace NotesMarkers

// ---------------------------------------------------------------- regeneration

namespace {

struct Unit
{
    enum Kind
    {
        Blank,
        Gen,  // generated structure (heading, details, no-changes line)
        Pr,   // a pull request's lines
        Human // a line nobody generated
    };
    Kind kind = Blank;
    QString text;  // as in the document, markers included
    QString plain; // without the marker
    int number = 0;
    QString hash;
    int lines = 1;
};

const QRegularExpression &prMarker()
{
    static const QRegularExpression re(
        QStringLiteral(R"( <!-- mainstay:pr (\d+) ([0-9a-f]{8})(?: (\d+))? -->$)"));
    return re;
}

const QRegularExpression &genMarker()
{
    static const QRegularExpression re(QStringLiteral(R"( <!-- mainstay:gen -->$)"));
    return re;
}

QList<Unit> parseSection(const QStringList &lines)
{
    QList<Unit> units;
    for (const QString &line : lines) {
        Unit u;
        u.text = line;
        const QRegularExpressionMatch pr = prMarker().match(line);
        if (pr.hasMatch()) {
            u.kind = Unit::Pr;
            u.number = pr.captured(1).toInt();
            u.hash = pr.captured(2);
            u.lines = pr.captured(3).isEmpty() ? 1 : std::max(1, pr.captured(3).toInt());
            // A multi-line change takes the lines before it back from the human ones.
            QStringList collected{line.left(pr.capturedStart())};
            int need = u.lines - 1;
            while (need > 0 && !units.isEmpty() &&
                   (units.last().kind == Unit::Human || units.last().kind == Unit::Blank)) {
                collected.prepend(units.takeLast().text);
                --need;
            }
            u.plain = collected.join(u'\n');
            QStringList full = collected;
            full.last() = line;
            u.text = full.join(u'\n');
            units.append(u);
            continue;
        }
        const QRegularExpressionMatch gen = genMarker().match(line);
        if (gen.hasMatch()) {
            u.kind = Unit::Gen;
            u.plain = line.left(gen.capturedStart());
        } else if (line.trimmed().isEmpty()) {
            u.kind = Unit::Blank;
            u.plain = line;
        } else {
            u.kind = Unit::Human;
            u.plain = line;
        }
        units.append(u);
    }
    // A change line whose marker the human deleted while editing still names its pull request:
    // it stands for that pull request (as an edited line), so it is neither duplicated nor lost.
    QSet<int> marked;
    for (const Unit &u : units)
        if (u.kind == Unit::Pr)
            marked.insert(u.number);
    static const QRegularExpression reference(QStringLiteral(R"((?:#|/pull/)(\d+)(?!\d))"));
    for (Unit &u : units) {
        if (u.kind != Unit::Human)
            continue;
        QSet<int> named;
        for (auto it = reference.globalMatch(u.text); it.hasNext();)
            named.insert(it.next().captured(1).toInt());
        if (named.size() != 1 || marked.contains(*named.begin()))
            continue;
        u.kind = Unit::Pr;
        u.number = *named.begin();
        u.hash.clear(); // unknown: always counts as edited
        marked.insert(u.number);
    }
    return units;
}

struct Section
{
    QString name;
    QString hash; // whole sections: the hash of the content as generated
    qsizetype beginLine = -1;
    qsizetype endLine = -1;
};

QList<Section> findSections(const QStringList &lines)
{
    static const QRegularExpression beginRe(
        QStringLiteral(R"(^<!-- mainstay:begin ([a-z-]+)(?: ([0-9a-f]{8}))? -->$)"));
    static const QRegularExpression endRe(QStringLiteral(R"(^<!-- mainstay:end ([a-z-]+) -->$)"));
    QList<Section> sections;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch b = beginRe.match(lines.at(i));
        if (!b.hasMatch())
            continue;
        for (qsizetype j = i + 1; j < lines.size(); ++j) {
            const QRegularExpressionMatch e = endRe.match(lines.at(j));
            if (e.hasMatch() && e.captured(1) == b.captured(1)) {
                sections.append({b.captured(1), b.captured(2), i, j});
                i = j;
                break;
            }
        }
    }
    return sections;
}

} // namespace

RegenerateResult regenerate(const QString &current, const GeneratedNotes &fresh)
{
    RegenerateResult result;
    const QStringList curLines = current.split(u'\n');
    const QStringList freshLines = fresh.markedBody.split(u'\n');
    const QList<Section> curSections = findSections(curLines);
    const QList<Section> freshSections = findSections(freshLines);
    if (curSections.isEmpty()) {
        result.hadMarkers = false;
        result.text = current;
        return result;
    }
    auto freshSection = [&](const QString &name) -> const Section * {
        for (const Section &s : freshSections)
            if (s.name == name)
                return &s;
        return nullptr;
    };

    QStringList out;
    qsizetype next = 0;
    QSet<QString> present;
    for (const Section &section : curSections)
        present.insert(section.name);
    auto mergeSection = [&](const Section &section) {
        const QStringList curBody =
            curLines.mid(section.beginLine + 1, section.endLine - section.beginLine - 1);
        const Section *f = freshSection(section.name);
        if (!f) {
            // The fresh notes no longer have this section: it goes unless a human edited it.
            if (!section.hash.isEmpty() && shortHash(curBody.join(u'\n')) == section.hash)
                return;
            out << curLines.at(section.beginLine) << curBody << curLines.at(section.endLine);
            return;
        }
        const QStringList freshBody =
            freshLines.mid(f->beginLine + 1, f->endLine - f->beginLine - 1);

        if (!section.hash.isEmpty() || !f->hash.isEmpty()) {
            // A whole section (contributors, new contributors, full changelog).
            const QString curText = curBody.join(u'\n');
            const QString freshText = freshBody.join(u'\n');
            const bool edited = shortHash(curText) != section.hash;
            if (!edited || curText == freshText) {
                out << freshLines.at(f->beginLine) << freshBody << freshLines.at(f->endLine);
            } else if (f->hash == section.hash) {
                out << curLines.at(section.beginLine) << curBody << curLines.at(section.endLine);
            } else {
                // The whole section, markers included, so accepting also renews its hash.
                RegenerateConflict conflict;
                conflict.line = int(out.size()) + 1;
                conflict.lineCount = int(curBody.size()) + 2;
                conflict.section = section.name;
                conflict.oldText = curText;
                conflict.newText = freshText;
                conflict.acceptText = (QStringList{freshLines.at(f->beginLine)} + freshBody +
                                       QStringList{freshLines.at(f->endLine)})
                                          .join(u'\n');
                result.conflicts.append(conflict);
                out << curLines.at(section.beginLine) << curBody << curLines.at(section.endLine);
            }
            return;
        }

        // Line by line (changes).
        const QList<Unit> curUnits = parseSection(curBody);
        const QList<Unit> freshUnits = parseSection(freshBody);
        // A pull request listed under two categories has a unit in each: (number, occurrence).
        QHash<std::pair<int, int>, Unit> curByNumber;
        QHash<int, int> seenCur;
        QHash<QString, QStringList> attached; // anchor -> human lines after it
        QStringList anchorOrder;
        QString anchor = QStringLiteral("start");
        for (const Unit &u : curUnits) {
            switch (u.kind) {
            case Unit::Pr: {
                const int occurrence = seenCur[u.number]++;
                curByNumber.insert({u.number, occurrence}, u);
                anchor = QStringLiteral("pr:%1:%2").arg(u.number).arg(occurrence);
                break;
            }
            case Unit::Gen:
                anchor = QStringLiteral("gen:") + u.plain;
                break;
            case Unit::Human:
                if (!attached.contains(anchor))
                    anchorOrder << anchor;
                attached[anchor] << u.text;
                break;
            case Unit::Blank:
                break;
            }
        }
        QSet<int> freshNumbers;
        for (const Unit &u : freshUnits)
            if (u.kind == Unit::Pr)
                freshNumbers.insert(u.number);
        for (auto it = seenCur.cbegin(); it != seenCur.cend(); ++it)
            if (!freshNumbers.contains(it.key()))
                result.removed.append(it.key());
        std::sort(result.removed.begin(), result.removed.end());

        out << curLines.at(section.beginLine);
        auto emitAttached = [&](const QString &key) {
            const auto it = attached.find(key);
            if (it == attached.end())
                return;
            out << it.value();
            attached.erase(it);
        };
        emitAttached(QStringLiteral("start"));
        QHash<int, int> seenFresh;
        for (const Unit &u : freshUnits) {
            switch (u.kind) {
            case Unit::Blank:
                out << u.text;
                break;
            case Unit::Gen:
                out << u.text;
                emitAttached(QStringLiteral("gen:") + u.plain);
                break;
            case Unit::Human:
                out << u.text;
                break;
            case Unit::Pr: {
                const int occurrence = seenFresh[u.number]++;
                const auto it = curByNumber.constFind({u.number, occurrence});
                if (it == curByNumber.constEnd()) {
                    if (!seenCur.contains(u.number) && !result.added.contains(u.number))
                        result.added.append(u.number);
                    out << u.text;
                } else {
                    const Unit &cur = it.value();
                    const bool edited = shortHash(cur.plain) != cur.hash;
                    if (!edited || cur.plain == u.plain) {
                        out << u.text;
                    } else if (u.hash == cur.hash) {
                        out << cur.text; // generation unchanged: the human's line stays
                    } else {
                        RegenerateConflict conflict;
                        conflict.line = int(out.size()) + 1;
                        conflict.lineCount = cur.lines;
                        conflict.number = u.number;
                        conflict.section = section.name;
                        conflict.oldText = cur.plain;
                        conflict.newText = u.plain;
                        conflict.acceptText = u.text;
                        result.conflicts.append(conflict);
                        out << cur.text;
                    }
                }
                emitAttached(QStringLiteral("pr:%1:%2").arg(u.number).arg(occurrence));
                break;
            }
            }
        }
        // Human lines whose anchor is gone stay, at the end of the section.
        for (const QString &key : anchorOrder)
            emitAttached(key);
        out << curLines.at(section.endLine);
    };
    for (const Section &section : curSections) {
        for (; next < section.beginLine; ++next)
            out << curLines.at(next);
        next = section.endLine + 1;
        mergeSection(section);
        // Sections the fresh notes add right after this one (a first "New Contributors", say)
        // come after it, separated as in the fresh text.
        const qsizetype at = [&] {
            for (qsizetype i = 0; i < freshSections.size(); ++i)
                if (freshSections.at(i).name == section.name)
                    return i;
            return qsizetype(-1);
        }();
        if (at < 0)
            continue;
        for (qsizetype i = at + 1; i < freshSections.size(); ++i) {
            const Section &added = freshSections.at(i);
            if (present.contains(added.name))
                break;
            out << freshLines.mid(freshSections.at(i - 1).endLine + 1,
                                  added.beginLine - freshSections.at(i - 1).endLine - 1)
                << freshLines.mid(added.beginLine, added.endLine - added.beginLine + 1);
            present.insert(added.name);
        }
    }
    for (; next < curLines.size(); ++next)
        out << curLines.at(next);
    // Conflict line numbers were counted in `out` before the kept line was appended (1-based).
    result.text = out.join(u'\n');
    std::sort(result.added.begin(), result.added.end());
    return result;
}

} // namespace Mainstay
