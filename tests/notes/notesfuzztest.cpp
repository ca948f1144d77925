// Differential fuzzing against Release Drafter 6.1.0: random but plausible release-drafter.yml
// files and pull request sets, generated from a fixed seed, go through Release Drafter's own
// generator (run-release-drafter.mjs --batch, one Node.js process for every case) and through
// Mainstay's; the body, tag, name and resolved version must be equal byte for byte, and a
// configuration one rejects the other must reject too.
//
// CI runs a fixed seed. To explore more locally:
//   MAINSTAY_NOTES_FUZZ_SEED=7 MAINSTAY_NOTES_FUZZ_CASES=5000 build/tests/notes/test_notesfuzz
//   MAINSTAY_NOTES_FUZZ_ONLY=123   only that case of the seed
//   MAINSTAY_NOTES_FUZZ_SHOW=10    print up to 10 failing cases in full (default 3)
//   MAINSTAY_NOTES_FUZZ_DUMP=FILE  write every generated case to FILE
// Every failing case is also written to build/tests/notes/notes-fuzz-failures.json, which
// compare-release-drafter.mjs runs as it is (tests/notes/parity-cases.json is its format).

#include "notescase.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdint>

using namespace Mainstay;

namespace {

const QString SourceDir = QStringLiteral(MAINSTAY_SOURCE_DIR "/tests/notes");
constexpr quint64 DefaultSeed = 20261127;
constexpr int DefaultCases = 500;

// splitmix64: the same sequence on every platform and standard library.
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool percent(int p) { return below(100) < p; }
    bool permille(int p) { return below(1000) < p; }
    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(below(int(list.size())));
    }
    QStringList some(const QStringList &pool, int lo, int hi)
    {
        QStringList copy = pool;
        QStringList out;
        const int n = between(lo, hi);
        for (int i = 0; i < n && !copy.isEmpty(); ++i)
            out << copy.takeAt(below(int(copy.size())));
        return out;
    }

private:
    quint64 m_state;
};

// ------------------------------------------------------------------ YAML writing

// What js-yaml (YAML 1.2 core schema) would read as something other than a string when plain.
bool plainIsNotString(const QString &s)
{
    static const QRegularExpression special(QStringLiteral(
        R"(^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|\d{4}-\d\d?-\d\d?.*|<<)$)"));
    return special.match(s).hasMatch();
}

bool plainSafe(const QString &s, bool flow)
{
    static const QRegularExpression safe(
        QStringLiteral(R"(^[A-Za-z0-9_.$/()🐛🚀✨-][A-Za-z0-9 _.$/()!&*+=<>'"@`|%,?:#🐛🚀✨-]*$)"));
    if (s.isEmpty() || !safe.match(s).hasMatch() || s.endsWith(u' ') ||
        s.contains(QLatin1String(": ")) || s.contains(QLatin1String(" #")) || s.endsWith(u':') ||
        plainIsNotString(s) || s == u"-" || s.startsWith(QLatin1String("- ")))
        return false;
    if (flow && (s.contains(u',') || s.contains(u'[') || s.contains(u']') || s.contains(u'{') ||
                 s.contains(u'}')))
        return false;
    return true;
}

QString doubleQuoted(const QString &s, Rng &rng)
{
    QString out = QStringLiteral("\"");
    const bool escapeNonAscii = rng.percent(20);
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("\\\"");
            continue;
        case u'\\':
            out += QStringLiteral("\\\\");
            continue;
        case u'\n':
            out += QStringLiteral("\\n");
            continue;
        case u'\r':
            out += QStringLiteral("\\r");
            continue;
        case u'\t':
            out += rng.percent(50) ? QStringLiteral("\\t") : QStringLiteral("\t");
            continue;
        case u'/':
            out += rng.percent(30) ? QStringLiteral("\\/") : QStringLiteral("/");
            continue;
        case 0xa0:
            out += QStringLiteral("\\_");
            continue;
        case 0x2028:
            out += QStringLiteral("\\L");
            continue;
        case u'A':
        case u'$':
        case u' ':
            // The other escapes YAML has for them.
            if (rng.percent(10)) {
                out += c == u' '
                           ? QStringLiteral("\\ ")
                           : QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
                continue;
            }
            break;
        default:
            break;
        }
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0x85 ||
            c.unicode() == 0xa0 || c.unicode() == 0x2028 || c.unicode() == 0x2029 ||
            c.unicode() == 0xfeff || c.unicode() == 0x200b || c.isSurrogate() ||
            (escapeNonAscii && c.unicode() > 0x7f)) {
            if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
                const char32_t cp = QChar::surrogateToUcs4(c, s.at(i + 1));
                // \U0001F600, or JSON's pair of \u escapes, which js-yaml joins.
                out += rng.percent(30)
                           ? QStringLiteral("\\u%1\\u%2")
                                 .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                                 .arg(s.at(i + 1).unicode(), 4, 16, QLatin1Char('0'))
                           : QStringLiteral("\\U%1").arg(uint(cp), 8, 16, QLatin1Char('0'));
                ++i;
            } else {
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            }
            continue;
        }
        out += c;
    }
    return out + u'"';
}

// A block literal, or nothing when the text cannot be one exactly.
std::optional<QString> literalBlock(const QString &s, int indent)
{
    if (s.isEmpty() || s.contains(u'\r') || s.contains(QChar(0x2028)) ||
        s.contains(QChar(0x2029)) || s.contains(QChar(0x85)) || s.contains(QChar(0xfeff)))
        return std::nullopt;
    for (QChar c : s)
        if ((c.unicode() < 0x20 && c != u'\n' && c != u'\t') || c.isSurrogate() ||
            c.unicode() == 0x7f)
            return std::nullopt;
    QString body = s;
    QString chomp;
    if (!body.endsWith(u'\n')) {
        chomp = QStringLiteral("-");
    } else {
        body.chop(1);
        if (body.endsWith(u'\n') || body.isEmpty())
            chomp = QStringLiteral("+");
    }
    const QStringList lines = body.split(u'\n');
    // Spaces or tabs that start the first non-empty line need an indentation indicator, and an
    // all-blank text has no line to take the indentation from.
    bool needsIndicator = true;
    for (const QString &line : lines) {
        if (line.isEmpty())
            continue;
        needsIndicator = line.at(0) == u' ' || line.at(0) == u'\t';
        break;
    }
    const QString pad(indent, u' ');
    QString out = QStringLiteral(" |") + (needsIndicator ? QString::number(indent) : QString()) +
                  chomp + (s.size() % 7 == 0 ? QStringLiteral(" # a comment") : QString()) + u'\n';
    for (const QString &line : lines)
        out += (line.isEmpty() ? QString() : pad + line) + u'\n';
    out.chop(1);
    return out;
}

// Plain scalars YAML reads as something else than a string (number, boolean, null, date), or
// that look like one and are strings after all. Release Drafter refuses the former where it
// wants a string.
const QStringList TrickyPlain{
    QStringLiteral("2024"),       QStringLiteral("1.0"),   QStringLiteral("true"),
    QStringLiteral("null"),       QStringLiteral("~"),     QStringLiteral("0x1F"),
    QStringLiteral("2024-01-01"), QStringLiteral("1:30"),  QStringLiteral("09"),
    QStringLiteral("0o7"),        QStringLiteral("1_000"), QStringLiteral(".5"),
    QStringLiteral("yes"),        QStringLiteral("on"),    QStringLiteral("-1"),
    QStringLiteral("1e3"),        QStringLiteral(".inf"),  QStringLiteral("False"),
    QStringLiteral("0755"),       QStringLiteral("1.2.3"), QStringLiteral("v1"),
    QStringLiteral("0b101"),      QStringLiteral("+12"),   QStringLiteral("2024-1-2 3:04:05"),
};

// A marker for a value written into the YAML as it is (see yamlScalar).
const QString RawPrefix = QStringLiteral("@@raw@@");

// The text after `key:` (with its leading space, or a block on the following lines).
QString yamlScalar(const QString &s, int indent, Rng &rng, bool flow = false)
{
    if (s.startsWith(RawPrefix))
        return u' ' + s.mid(RawPrefix.size());
    if (!flow && rng.percent(4)) {
        // Folded, one line of text followed by any number of line breaks.
        QString text = s;
        int breaks = 0;
        while (text.endsWith(u'\n')) {
            text.chop(1);
            ++breaks;
        }
        if (!text.contains(u'\n') && plainSafe(text, false))
            return (breaks == 0   ? QStringLiteral(" >-\n")
                    : breaks == 1 ? QStringLiteral(" >\n")
                                  : QStringLiteral(" >+\n")) +
                   QString(indent, u' ') + text + QString(std::max(0, breaks - 1), u'\n');
    }
    if (!flow && rng.percent(2) && plainSafe(s, flow))
        return u' ' + s + QStringLiteral(" # comment");
    const int style = rng.below(10);
    if (!flow && style < 4 && (s.contains(u'\n') || rng.percent(20))) {
        if (const std::optional<QString> block = literalBlock(s, indent))
            return *block;
    }
    if (style < 7 && plainSafe(s, flow))
        return u' ' + s;
    if (style < 8 && !s.contains(u'\n') && !s.contains(u'\r')) {
        bool printable = true;
        for (QChar c : s)
            printable = printable && c.unicode() >= 0x20 && !c.isSurrogate() && c != QChar(0x7f) &&
                        c != QChar(0x85) && c != QChar(0x2028) && c != QChar(0x2029) &&
                        c != QChar(0xfeff);
        if (printable)
            return QStringLiteral(" '") + QString(s).replace(u'\'', QStringLiteral("''")) + u'\'';
    }
    return u' ' + doubleQuoted(s, rng);
}

QString yamlList(const QStringList &items, int indent, Rng &rng)
{
    if (items.isEmpty())
        return QStringLiteral(" []");
    if (rng.percent(50)) {
        QStringList parts;
        for (const QString &item : items)
            parts << yamlScalar(item, indent, rng, true).mid(1);
        return QStringLiteral(" [") + parts.join(QStringLiteral(", ")) + u']';
    }
    QString out;
    const QString pad(indent, u' ');
    for (const QString &item : items)
        out += u'\n' + pad + u'-' + yamlScalar(item, indent + 2, rng);
    return out;
}

// ------------------------------------------------------------------ pools

const QStringList Labels{
    QStringLiteral("bug"),
    QStringLiteral("feature"),
    QStringLiteral("enhancement"),
    QStringLiteral("fix"),
    QStringLiteral("chore"),
    QStringLiteral("dependencies"),
    QStringLiteral("documentation"),
    QStringLiteral("breaking"),
    QStringLiteral("major"),
    QStringLiteral("minor"),
    QStringLiteral("patch"),
    QStringLiteral("skip-changelog"),
    QStringLiteral("security"),
    QStringLiteral("area: core"),
    QStringLiteral("good first issue"),
    QStringLiteral("type/bug"),
    QStringLiteral("🐛 bug"),
    QStringLiteral("Bug"),
    QStringLiteral("release:major"),
    QStringLiteral("semver-minor"),
    QStringLiteral("needs review"),
    QStringLiteral("ci"),
};

// Names JavaScript objects inherit: Release Drafter looks labels up in a plain object.
const QStringList PrototypeLabels{
    QStringLiteral("constructor"),    QStringLiteral("toString"), QStringLiteral("__proto__"),
    QStringLiteral("hasOwnProperty"), QStringLiteral("valueOf"),
};

// Usually a label of the pool; now and then a tricky plain value or an inherited name.
QString label(Rng &rng)
{
    if (rng.permille(3))
        return RawPrefix + rng.pick(TrickyPlain);
    if (rng.permille(15))
        return rng.pick(PrototypeLabels);
    return rng.pick(Labels);
}

QStringList someLabels(Rng &rng, int lo, int hi)
{
    QStringList out;
    const int n = rng.between(lo, hi);
    for (int i = 0; i < n; ++i) {
        const QString l = label(rng);
        if (!out.contains(l))
            out << l;
    }
    return out;
}

const QStringList Words{
    QStringLiteral("add"),
    QStringLiteral("support"),
    QStringLiteral("for"),
    QStringLiteral("logger"),
    QStringLiteral("levels"),
    QStringLiteral("crash"),
    QStringLiteral("on"),
    QStringLiteral("empty"),
    QStringLiteral("input"),
    QStringLiteral("bump"),
    QStringLiteral("lodash"),
    QStringLiteral("from"),
    QStringLiteral("4.17.20"),
    QStringLiteral("to"),
    QStringLiteral("v2.0.0"),
    QStringLiteral("README"),
    QStringLiteral("colours"),
    QStringLiteral("naïve"),
    QStringLiteral("café"),
    QStringLiteral("Überarbeitung"),
    QStringLiteral("日本語"),
    QStringLiteral("中文"),
    QStringLiteral("😀"),
    QStringLiteral("🚀"),
    QStringLiteral("👍🏽"),
    QStringLiteral("👨‍👩‍👧"),
    QStringLiteral("مرحبا"),
    QStringLiteral("@alice"),
    QStringLiteral("@octo/team"),
    QStringLiteral("#123"),
    QStringLiteral("`code`"),
    QStringLiteral("`a_b` and `c`"),
    QStringLiteral("`unbalanced"),
    QStringLiteral("**bold**"),
    QStringLiteral("_under_score_"),
    QStringLiteral("snake_case_name"),
    QStringLiteral("*"),
    QStringLiteral("~~strike~~"),
    QStringLiteral("<br>"),
    QStringLiteral("<details>"),
    QStringLiteral("a < b > c"),
    QStringLiteral("[link](http://x.test)"),
    QStringLiteral("![img](y.png)"),
    QStringLiteral("\\escaped"),
    QStringLiteral("50%"),
    QStringLiteral("$TITLE"),
    QStringLiteral("$RESOLVED_VERSION"),
    QStringLiteral("$NEXT_MINOR_VERSION"),
    QStringLiteral("$CHANGES"),
    QStringLiteral("$$"),
    QStringLiteral("$1"),
    QStringLiteral("$&"),
    QStringLiteral("a|b"),
    QStringLiteral("{curly}"),
    QStringLiteral("C++"),
    QStringLiteral("1.0"),
    QStringLiteral("&amp;"),
    QStringLiteral("&"),
    QStringLiteral("\"quoted\""),
    QStringLiteral("'single'"),
    QStringLiteral("tab\there"),
    QStringLiteral("non\u00a0breaking"),
    QStringLiteral("zero\u200bwidth"),
    QStringLiteral("#"),
    QStringLiteral("@"),
    QStringLiteral("x_y"),
    QStringLiteral("__init__"),
    QStringLiteral("--flag"),
    QStringLiteral("->"),
    QStringLiteral("+1"),
    QStringLiteral("JIRA-42"),
    QStringLiteral("dependabot"),
    QStringLiteral("Feat"),
    QStringLiteral("fix:"),
};

const QStringList TitlePrefixes{
    QString(),
    QString(),
    QString(),
    QStringLiteral("Ａ fullwidth "),
    QStringLiteral("😀 "),
    QStringLiteral("a lower "),
    QStringLiteral("Z upper "),
    QStringLiteral("Émile "),
    QStringLiteral("feat: "),
    QStringLiteral("fix: "),
    QStringLiteral("chore(deps): "),
    QStringLiteral("docs: "),
    QStringLiteral("Revert \""),
    QStringLiteral("[WIP] "),
    QStringLiteral("feat!: "),
    QStringLiteral("🐛 "),
    QStringLiteral("✨ "),
    QStringLiteral("Bump "),
};

const QStringList BodyLines{
    QStringLiteral("Fixes #12"),
    QStringLiteral("- [x] done"),
    QStringLiteral("```"),
    QStringLiteral("code()"),
    QStringLiteral("$CHANGES and $RESOLVED_VERSION"),
    QStringLiteral("Thanks @bob!"),
    QString(),
    QStringLiteral("## Notes"),
    QStringLiteral("trailing   "),
    QStringLiteral("  indented"),
    QStringLiteral("émoji 🚀"),
    QStringLiteral("<!-- comment -->"),
    QStringLiteral("| a | b |"),
};

struct Person
{
    QString login;
    QString type;
};

const QList<Person> People{
    {QStringLiteral("alice"), QStringLiteral("User")},
    {QStringLiteral("bob"), QStringLiteral("User")},
    {QStringLiteral("Bob"), QStringLiteral("User")},
    {QStringLiteral("carol"), QStringLiteral("User")},
    {QStringLiteral("dave-d"), QStringLiteral("User")},
    {QStringLiteral("Zed"), QStringLiteral("User")},
    {QStringLiteral("aaron"), QStringLiteral("User")},
    {QStringLiteral("dependabot"), QStringLiteral("Bot")},
    {QStringLiteral("renovate"), QStringLiteral("Bot")},
    {QStringLiteral("github-actions"), QStringLiteral("Bot")},
    {QStringLiteral("octo-org"), QStringLiteral("Organization")},
    {QStringLiteral("old-account"), QStringLiteral("Mannequin")},
};

const QStringList CommitNames{
    QStringLiteral("Alice A"), QStringLiteral("José Ñ"),
    QStringLiteral("李雷"),    QStringLiteral("alice"),
    QStringLiteral("Zed Z"),   QStringLiteral("bob"),
    QStringLiteral("@carol"),  QStringLiteral("dependabot[bot]"),
    QStringLiteral("zoë"),     QString(),
};

QString title(Rng &rng)
{
    if (rng.percent(2))
        return QString();
    QStringList words;
    const int n = rng.between(1, 6);
    for (int i = 0; i < n; ++i)
        words << rng.pick(Words);
    QString t = rng.pick(TitlePrefixes) + words.join(u' ');
    if (rng.percent(5))
        t = QStringLiteral("  ") + t;
    if (rng.percent(5))
        t += QStringLiteral(" \t");
    if (rng.percent(2))
        t += rng.percent(50) ? QStringLiteral("\nsecond line") : QStringLiteral("\r\nsecond line");
    if (rng.percent(2))
        t += rng.pick(QStringList{QString(QChar(0xD83D)), QString(QChar(0xDE00)),
                                  QStringLiteral("\u2028x"), QStringLiteral("a\rb"),
                                  QStringLiteral("`a\u2028b`")});
    return t;
}

QString body(Rng &rng)
{
    if (rng.percent(45))
        return QString();
    QStringList lines;
    const int n = rng.between(1, 5);
    for (int i = 0; i < n; ++i)
        lines << rng.pick(BodyLines);
    QString b = lines.join(rng.percent(40) ? QStringLiteral("\r\n") : QStringLiteral("\n"));
    if (rng.percent(30))
        b += rng.percent(50) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    return b;
}

QString mergedAt(Rng &rng)
{
    // Few distinct instants, so ties are common.
    const int day = rng.between(1, 4);
    const int hour = rng.pick(QList<int>{0, 9, 9, 12, 23});
    const int minute = rng.pick(QList<int>{0, 0, 30});
    QString text = QStringLiteral("2026-03-%1T%2:%3:00")
                       .arg(day, 2, 10, QLatin1Char('0'))
                       .arg(hour, 2, 10, QLatin1Char('0'))
                       .arg(minute, 2, 10, QLatin1Char('0'));
    if (rng.percent(10))
        text += rng.pick(
            QStringList{QStringLiteral(".000"), QStringLiteral(".5"), QStringLiteral(".123")});
    return text + u'Z';
}

QJsonObject author(const Person &p)
{
    const QString url = p.type == QLatin1String("Bot")
                            ? QStringLiteral("https://github.com/apps/") + p.login
                            : QStringLiteral("https://github.com/") + p.login;
    return QJsonObject{{QStringLiteral("login"), p.login},
                       {QStringLiteral("__typename"), p.type},
                       {QStringLiteral("url"), url}};
}

// ------------------------------------------------------------------ configurations

QString bodyTemplate(Rng &rng)
{
    const QStringList pieces{
        QStringLiteral("## What's Changed\n\n$CHANGES"),
        QStringLiteral("$CHANGES"),
        QStringLiteral("$CHANGES"),
        QStringLiteral("**Contributors**: $CONTRIBUTORS"),
        QStringLiteral("Thanks to $CONTRIBUTORS!"),
        QStringLiteral("**Full Changelog**: https://github.com/$OWNER/$REPOSITORY/compare/"
                       "$PREVIOUS_TAG...v$RESOLVED_VERSION"),
        QStringLiteral("Next: $NEXT_PATCH_VERSION / $NEXT_MINOR_VERSION / $NEXT_MAJOR_VERSION"),
        QStringLiteral("v$NEXT_MAJOR_VERSION_MAJOR.$NEXT_MINOR_VERSION_MINOR.x"),
        QStringLiteral("Input: $INPUT_VERSION, pre: $NEXT_PRERELEASE_VERSION"),
        QStringLiteral("$UNKNOWN_VARIABLE and $ and $$CHANGES_"),
        QStringLiteral("# $REPOSITORY $RESOLVED_VERSION"),
        QStringLiteral("<!-- Optional: add a release summary here -->"),
        QStringLiteral("  indented line\ttab  "),
        QStringLiteral("\tstarts with a tab"),
        QStringLiteral("trailing blank lines\n\n\n"),
        QStringLiteral("$CHANGES\n$CONTRIBUTORS"),
        QStringLiteral("Since $PREVIOUS_TAG"),
        QStringLiteral("émoji ✨ and ＵＮＩＣＯＤＥ"),
    };
    QStringList parts;
    const int n = rng.between(1, 5);
    for (int i = 0; i < n; ++i)
        parts << rng.pick(pieces);
    if (!parts.join(QString()).contains(QLatin1String("$CHANGES")) && rng.percent(80))
        parts.insert(rng.below(int(parts.size()) + 1), QStringLiteral("$CHANGES"));
    QString t = parts.join(rng.percent(70) ? QStringLiteral("\n\n") : QStringLiteral("\n"));
    if (rng.percent(50))
        t += u'\n';
    if (rng.percent(5))
        t = QStringLiteral("\n") + t + QStringLiteral("\n\n");
    return t;
}

const QStringList ChangeTemplates{
    QStringLiteral("* $TITLE (#$NUMBER) @$AUTHOR"),
    QStringLiteral("- $TITLE @$AUTHOR (#$NUMBER)"),
    QStringLiteral("* $TITLE by @$AUTHOR in $URL"),
    QStringLiteral("- $TITLE\n  $BODY"),
    QStringLiteral("* [#$NUMBER]($URL) $TITLE"),
    QStringLiteral("$TITLE"),
    QStringLiteral("  * $TITLE ($BASE_REF_NAME <- $HEAD_REF_NAME) "),
    QStringLiteral("* $TITLE $UNKNOWN $$NUMBER"),
    QStringLiteral("<details><summary>$TITLE</summary>\n\n$BODY\n</details>"),
};

const QStringList Escapes{
    QStringLiteral("\\<*_&"),
    QStringLiteral("\\<*_&@#"),
    QStringLiteral("@#"),
    QStringLiteral("`"),
    QStringLiteral("\\`*_{}[]()#+-.!"),
    QStringLiteral("-^]"),
    QString(),
    QStringLiteral("$"),
    QStringLiteral("🐛"),
    QStringLiteral("|~"),
};

const QStringList CategoryTitles{
    QStringLiteral("🚀 Features"),
    QStringLiteral("🐛 Bug Fixes"),
    QStringLiteral("🧰 Maintenance"),
    QStringLiteral("Breaking Changes"),
    QStringLiteral("Docs & *stuff*"),
    QStringLiteral("Other: misc"),
    QStringLiteral("$TITLE $RESOLVED_VERSION"),
    QStringLiteral("Sécurité"),
    QStringLiteral("Bug\u00a0Fixes"),
    QStringLiteral("#1 priority"),
    QStringLiteral("'quoted'"),
};

struct ReplacerSpec
{
    QString search;
    QStringList replaces;
};

const QList<ReplacerSpec> Replacers{
    {QStringLiteral("/#(\\d+)/g"),
     {QStringLiteral("[#$1](https://x.test/$1)"), QStringLiteral("$&"), QStringLiteral("$$1")}},
    {QStringLiteral("/@(\\w+)/g"), {QStringLiteral("**$1**"), QStringLiteral("$1"), QString()}},
    {QStringLiteral("/\\s+$/gm"), {QString()}},
    {QStringLiteral("/^\\* /gm"), {QStringLiteral("- "), QStringLiteral("$`|")}},
    {QStringLiteral("/(feat|fix)(\\(.+?\\))?:\\s*/gi"), {QStringLiteral("$1$2 -> "), QString()}},
    {QStringLiteral("/(?<kind>feat|fix):/g"),
     {QStringLiteral("[$<kind>]"), QStringLiteral("$<nope>")}},
    {QStringLiteral("/x*/g"), {QStringLiteral("-")}},
    {QStringLiteral("/\\r\\n/g"), {QStringLiteral("\n")}},
    {QStringLiteral("/\\n{3,}/g"), {QStringLiteral("\n\n")}},
    {QStringLiteral("/[^\\x00-\\x7F]/g"), {QStringLiteral("?")}},
    {QStringLiteral("/./gu"), {QStringLiteral("$&")}},
    {QStringLiteral("/\\bbump\\b/i"), {QStringLiteral("Bump"), QStringLiteral("$'")}},
    {QStringLiteral("/(a)|b/g"), {QStringLiteral("<$1>"), QStringLiteral("$2$10$01")}},
    {QStringLiteral("/JIRA-(\\d+)/g"), {QStringLiteral("[JIRA-$1](https://jira.test/$1)")}},
    {QStringLiteral("/🚀|😀/g"), {QStringLiteral(":rocket:")}},
    {QStringLiteral("/^/gm"), {QStringLiteral("> ")}},
    {QStringLiteral("/$/my"), {QStringLiteral("!")}},
    {QStringLiteral("/v(\\d+)\\.(\\d+)/g"), {QStringLiteral("version $1-$2")}},
    {QStringLiteral("/[*_]/g"), {QStringLiteral("\\$&")}},
    {QStringLiteral("/\\s/g"), {QStringLiteral("_")}},
    {QStringLiteral("/(?:)/g"), {QStringLiteral("~")}},
    {QStringLiteral("/a.b/s"), {QStringLiteral("A")}},
    {QStringLiteral("/foo/gg"), {QStringLiteral("dup")}},
    {QStringLiteral("/(?<=@)(\\w+)/g"), {QStringLiteral("_$1_")}},
    {QStringLiteral("/(\\w)\\1/g"), {QStringLiteral("<$1$1>")}},
    {QStringLiteral("/[\\u00C0-\\u024F]+/g"), {QStringLiteral("~")}},
    {QStringLiteral("/[\\uD83D]/g"), {QStringLiteral("#")}},
    {QStringLiteral("/\\uD83D\\uDE80/g"), {QStringLiteral("R")}},
    {QStringLiteral("/\\p{L}/gu"), {QStringLiteral("L")}},
    {QStringLiteral("/[\\s\\S]/y"), {QStringLiteral("first")}},
    {QStringLiteral("/\\B/g"), {QStringLiteral("·")}},
    {QStringLiteral("/[-*+]\\s/g"), {QStringLiteral("• ")}},
    {QStringLiteral("/\\((#\\d+)\\)$/gm"), {QStringLiteral("[$1]")}},
    {QStringLiteral("/É/gi"), {QStringLiteral("e")}},
    {QStringLiteral("/[A-Z]+/g"), {QStringLiteral("$&$&")}},
    {QStringLiteral("/(x)?y\\1/g"), {QStringLiteral("Y")}},
    {QStringLiteral("/\\//g"), {QStringLiteral("|")}},
    {QStringLiteral("/\\$[A-Z_]+/g"), {QStringLiteral("VAR")}},
    {QStringLiteral("/a{2,}|{/g"), {QStringLiteral("b")}},
    {QStringLiteral("/]/g"), {QStringLiteral("}")}},
    {QStringLiteral("/\\cJ/g"), {QStringLiteral(" ")}},
    {QStringLiteral("/[\\d.]+/g"), {QStringLiteral("N")}},
    {QStringLiteral("/\\x41/gi"), {QStringLiteral("4")}},
    {QStringLiteral("/[\\p{Lu}]/gu"), {QStringLiteral("_")}},
    {QStringLiteral("/\\p{L}/g"), {QStringLiteral("_")}},
    {QStringLiteral("/[\\cJ\\t]/g"), {QStringLiteral(" ")}},
    {QStringLiteral("/foo/x"), {QStringLiteral("bad flag")}},
    {QStringLiteral("/(unclosed/g"), {QStringLiteral("bad")}},
    {QStringLiteral("(#"), {QStringLiteral("(PR #"), QStringLiteral("$&$&")}},
    {QStringLiteral("@"), {QStringLiteral("")}},
    {QStringLiteral("feat:"), {QStringLiteral("Feature:")}},
    {QStringLiteral("$CHANGES"), {QStringLiteral("changes")}},
    {QStringLiteral("."), {QStringLiteral("·")}},
    {QStringLiteral("dependabot"), {QStringLiteral("🤖")}},
    {QStringLiteral("\r\n"), {QStringLiteral("\n")}},
};

struct Generated
{
    QString yaml;
    QStringList labelsInUse;
};

QString configYaml(Rng &rng)
{
    QStringList blocks; // one top-level key each, shuffled
    auto key = [&](const QString &name, const QString &value) {
        blocks << (rng.percent(3) ? u'"' + name + u'"' : name) + u':' + value;
    };

    if (!rng.percent(2))
        key(QStringLiteral("template"), yamlScalar(bodyTemplate(rng), 2, rng));
    if (rng.percent(12))
        key(QStringLiteral("header"),
            yamlScalar(rng.pick(QStringList{QStringLiteral("# Header\n\n"), QString(),
                                            QStringLiteral("Header line\n\n\n"),
                                            QStringLiteral("$OWNER/$REPOSITORY\n")}),
                       2, rng));
    if (rng.percent(12))
        key(QStringLiteral("footer"),
            yamlScalar(rng.pick(QStringList{QStringLiteral("\n\n---\nfooter $RESOLVED_VERSION"),
                                            QString(), QStringLiteral("\n")}),
                       2, rng));
    if (rng.percent(70)) {
        QString cats;
        const int n = rng.between(1, 5);
        bool catchAll = false;
        const bool zeroIndent = rng.percent(25);
        for (int i = 0; i < n; ++i) {
            QStringList fields;
            fields << QStringLiteral("title:") + yamlScalar(rng.permille(5)
                                                                ? RawPrefix + rng.pick(TrickyPlain)
                                                                : rng.pick(CategoryTitles),
                                                            6, rng);
            const int kind = rng.below(10);
            if (kind == 0 && (!catchAll || rng.percent(10))) {
                catchAll = true; // no labels: the catch-all
                if (rng.percent(30))
                    fields << QStringLiteral("labels: []");
            } else if (kind < 3) {
                fields << QStringLiteral("label:") + yamlScalar(label(rng), 6, rng);
                if (rng.percent(15))
                    fields << QStringLiteral("labels:") + yamlList(someLabels(rng, 1, 2), 6, rng);
            } else if (kind < 4) {
                fields << QStringLiteral("labels:") + yamlScalar(label(rng), 6, rng);
            } else {
                fields << QStringLiteral("labels:") + yamlList(someLabels(rng, 1, 4), 6, rng);
            }
            if (rng.percent(30)) {
                // Mostly small whole numbers; sometimes the forms Joi converts or refuses.
                const QStringList forms{QStringLiteral("'2'"),   QStringLiteral("2.0"),
                                        QStringLiteral("1.5"),   QStringLiteral("-1"),
                                        QStringLiteral("0x2"),   QStringLiteral("\"abc\""),
                                        QStringLiteral("' 3 '"), QStringLiteral("1_0"),
                                        QStringLiteral("null"),  QStringLiteral("'1e0'")};
                fields << QStringLiteral("collapse-after: ") +
                              (rng.percent(96) ? QString::number(rng.between(0, 3))
                                               : rng.pick(forms));
            }
            if (rng.percent(1))
                fields << fields.first(); // a key given twice
            if (rng.percent(50))
                std::swap(fields[0], fields[rng.below(int(fields.size()))]);
            // Sequences indented under their key, or not (both common in real files).
            cats += zeroIndent ? QStringLiteral("\n- ") + fields.join(QStringLiteral("\n  "))
                               : QStringLiteral("\n  - ") + fields.join(QStringLiteral("\n    "));
        }
        key(QStringLiteral("categories"), cats);
    }
    if (rng.percent(60)) {
        QString t = rng.pick(ChangeTemplates);
        if (rng.percent(2))
            t = QString(); // Release Drafter rejects an empty change-template
        key(QStringLiteral("change-template"), yamlScalar(t, 2, rng));
    }
    if (rng.percent(50))
        key(QStringLiteral("change-title-escapes"), yamlScalar(rng.pick(Escapes), 2, rng));
    if (rng.percent(20))
        key(QStringLiteral("no-changes-template"),
            yamlScalar(rng.pick(QStringList{QStringLiteral("Nothing to see"),
                                            QStringLiteral("* No changes in $REPOSITORY"),
                                            QStringLiteral("- none\n"),
                                            QStringLiteral("Nothing yet\n\n")}),
                       2, rng));
    if (rng.percent(20))
        key(QStringLiteral("no-contributors-template"),
            yamlScalar(rng.pick(QStringList{QStringLiteral("Nobody"), QStringLiteral("_none_")}), 2,
                       rng));
    if (rng.percent(30))
        key(QStringLiteral("category-template"),
            yamlScalar(
                rng.pick(QStringList{QStringLiteral("### $TITLE"), QStringLiteral("**$TITLE**"),
                                     QString(), QStringLiteral("## $TITLE ($RESOLVED_VERSION)")}),
                2, rng));
    if (rng.percent(50))
        key(QStringLiteral("name-template"),
            yamlScalar(
                rng.pick(QStringList{QStringLiteral("v$RESOLVED_VERSION"),
                                     QStringLiteral("Release $RESOLVED_VERSION 🎉"),
                                     QStringLiteral("$NEXT_MINOR_VERSION"), QString(),
                                     QStringLiteral("v$NEXT_MAJOR_VERSION_MAJOR.x ($OWNER)")}),
                2, rng));
    if (rng.percent(50))
        key(QStringLiteral("tag-template"),
            yamlScalar(
                rng.pick(QStringList{QStringLiteral("v$RESOLVED_VERSION"),
                                     QStringLiteral("$RESOLVED_VERSION"),
                                     QStringLiteral("release-$NEXT_PATCH_VERSION"), QString()}),
                2, rng));
    if (rng.percent(15))
        key(QStringLiteral("tag-prefix"),
            yamlScalar(
                rng.pick(QStringList{QStringLiteral("v"), QStringLiteral("release-"), QString()}),
                2, rng));
    if (rng.percent(20))
        key(QStringLiteral("version-template"),
            yamlScalar(
                rng.pick(QStringList{QStringLiteral("$MAJOR.$MINOR"), QStringLiteral("$COMPLETE"),
                                     QStringLiteral("$MAJOR.$MINOR.$PATCH$PRERELEASE"),
                                     QStringLiteral("$MAJOR.$MINOR.$PATCH")}),
                2, rng));
    if (rng.percent(50)) {
        QString vr;
        for (const QString &kind :
             {QStringLiteral("major"), QStringLiteral("minor"), QStringLiteral("patch")}) {
            if (!rng.percent(70))
                continue;
            const QStringList labels = someLabels(rng, 1, 3);
            vr += QStringLiteral("\n  ") + kind + QStringLiteral(":\n    labels:") +
                  (labels.size() == 1 && rng.percent(40) ? yamlScalar(labels.first(), 6, rng)
                                                         : yamlList(labels, 6, rng));
        }
        if (rng.percent(50))
            vr += QStringLiteral("\n  default:") +
                  yamlScalar(rng.pick(QStringList{QStringLiteral("major"), QStringLiteral("minor"),
                                                  QStringLiteral("patch")}),
                             4, rng);
        if (!vr.isEmpty())
            key(QStringLiteral("version-resolver"), vr);
    }
    if (rng.percent(30))
        key(QStringLiteral("exclude-labels"), yamlList(someLabels(rng, 1, 3), 2, rng));
    if (rng.percent(15))
        key(QStringLiteral("include-labels"), yamlList(someLabels(rng, 1, 4), 2, rng));
    if (rng.percent(30)) {
        QStringList logins;
        for (int i = rng.between(1, 3); i > 0; --i)
            logins << (rng.percent(85)   ? rng.pick(People).login
                       : rng.percent(95) ? rng.pick(CommitNames)
                                         : RawPrefix + rng.pick(TrickyPlain));
        if (!rng.percent(2))
            logins.removeAll(QString()); // Release Drafter refuses an empty one
        if (!logins.isEmpty())
            key(QStringLiteral("exclude-contributors"), yamlList(logins, 2, rng));
    }
    if (rng.percent(35)) {
        QString list;
        for (int i = rng.between(1, 3); i > 0; --i) {
            const ReplacerSpec &spec = rng.pick(Replacers);
            list += QStringLiteral("\n  - search:") + yamlScalar(spec.search, 6, rng) +
                    QStringLiteral("\n    replace:") + yamlScalar(rng.pick(spec.replaces), 6, rng);
        }
        key(QStringLiteral("replacers"), list);
    }
    if (rng.percent(40))
        key(QStringLiteral("sort-by"),
            yamlScalar(rng.percent(50) ? QStringLiteral("merged_at") : QStringLiteral("title"), 2,
                       rng));
    if (rng.percent(40))
        key(QStringLiteral("sort-direction"),
            yamlScalar(rng.percent(50) ? QStringLiteral("ascending") : QStringLiteral("descending"),
                       2, rng));
    // Keys that do not change the body; Release Drafter's schema still checks their types.
    const QStringList other{
        QStringLiteral("prerelease: false"),
        QStringLiteral("prerelease: 'TRUE'"),
        QStringLiteral("latest: 'true'"),
        QStringLiteral("latest: legacy"),
        QStringLiteral("filter-by-commitish: true"),
        QStringLiteral("include-pre-releases: 'False'"),
        QStringLiteral("pull-request-limit: 10"),
        QStringLiteral("references: [main]"),
        QStringLiteral("branches:\n  - main\n  - develop"),
        QStringLiteral("include-paths: [src, docs/**]"),
        QStringLiteral("commitish: ''"),
        QStringLiteral("_extends: .github"),
        QStringLiteral("prerelease-identifier: beta"),
        QStringLiteral("prerelease-identifier: ''"),
        QStringLiteral("autolabeler:\n  - label: chore\n    files: ['*.md']\n  - label: bug\n"
                       "    branch: ['/fix\\/.+/']\n    title: '/fix/i'"),
    };
    const QStringList wrong{
        QStringLiteral("prerelease: yes"),
        QStringLiteral("latest: true"),
        QStringLiteral("pull-request-limit: 0"),
        QStringLiteral("references: main"),
        QStringLiteral("autolabeler:\n  - title: [x]"),
        QStringLiteral("commitish: 1"),
        QStringLiteral("include-paths: src"),
        QStringLiteral("_extends: ''"),
    };
    for (int i = rng.percent(25) ? rng.between(1, 3) : 0; i > 0; --i) {
        const QString line = rng.percent(92) ? rng.pick(other) : rng.pick(wrong);
        const QString name = line.section(u':', 0, 0);
        if (!std::any_of(blocks.cbegin(), blocks.cend(),
                         [&](const QString &b) { return b.section(u':', 0, 0) == name; }))
            blocks << line;
    }
    if (rng.percent(2))
        key(QStringLiteral("name-template"), u' ' + rng.pick(TrickyPlain));
    // Shuffle the keys.
    for (qsizetype i = blocks.size() - 1; i > 0; --i)
        blocks.swapItemsAt(i, rng.below(int(i) + 1));
    if (rng.percent(1) && !blocks.isEmpty())
        blocks << blocks.first(); // a key given twice
    if (rng.percent(4)) {
        // An anchor on a label list, used again through an alias.
        blocks.removeIf([](const QString &b) {
            return b.startsWith(QLatin1String("include-labels:")) ||
                   b.startsWith(QLatin1String("exclude-labels:"));
        });
        blocks.prepend(QStringLiteral("exclude-labels: &skip [skip-changelog, chore]"));
        blocks << QStringLiteral("include-labels: *skip");
    }
    // A line of only a tab between two keys (left by an editor), never after a block scalar.
    if (rng.percent(3) && blocks.size() > 1) {
        const int at = rng.between(1, int(blocks.size()) - 1);
        if (!blocks.at(at - 1).contains(QLatin1String(" |")) &&
            !blocks.at(at - 1).contains(QLatin1String(" >")))
            blocks.insert(at, QStringLiteral("\t"));
    }
    QString yaml = blocks.join(u'\n') + u'\n';
    if (rng.percent(10))
        yaml = QStringLiteral("# release-drafter.yml\n---\n") + yaml;
    if (rng.percent(5))
        yaml.replace(u'\n', QStringLiteral("\r\n")); // saved on Windows
    if (rng.percent(2))
        yaml.prepend(QChar(0xFEFF)); // with a byte order mark
    return yaml;
}

QJsonObject makeCase(quint64 seed, int index)
{
    Rng rng(seed * 1000003ULL + quint64(index) * 0x9E3779B97F4A7C15ULL);
    QJsonObject c;
    c.insert(QStringLiteral("name"), QStringLiteral("fuzz seed %1 case %2").arg(seed).arg(index));
    c.insert(QStringLiteral("config"), configYaml(rng));
    const bool otherRepo = rng.percent(20);
    c.insert(QStringLiteral("owner"),
             otherRepo ? QStringLiteral("my-org") : QStringLiteral("octo"));
    c.insert(QStringLiteral("repo"),
             otherRepo ? QStringLiteral("my_repo.js") : QStringLiteral("demo"));
    if (!rng.percent(15)) {
        const QStringList tags{
            QStringLiteral("v1.2.3"),         QStringLiteral("1.2.3"),
            QStringLiteral("v2.0.0-rc.1"),    QStringLiteral("v0.9"),
            QStringLiteral("release-1.4.0"),  QStringLiteral("nightly"),
            QStringLiteral("v1.2.3+build.5"), QStringLiteral("v10.20.30"),
            QStringLiteral("v0.0.1"),         QStringLiteral("v3.0.0-beta.2"),
            QStringLiteral("=1.2.3-rc.1"),    QStringLiteral("v01.2.3"),
            QStringLiteral("v1.2.3.4"),       QStringLiteral("7"),
            QStringLiteral(" v2.0.0 "),       QStringLiteral("v99999999999.0.0"),
            QStringLiteral("v1.2.3-beta.01"), QStringLiteral("release-v2.1.0"),
            QStringLiteral("v1.0.0-rc"),      QStringLiteral("v2.0.0-alpha.beta.3"),
        };
        const QString tag = rng.pick(tags);
        const QString name =
            rng.percent(60)
                ? tag
                : rng.pick(QStringList{QStringLiteral("Release 3.4"), QStringLiteral("App 1.4"),
                                       QStringLiteral("Nightly"), QString()});
        c.insert(QStringLiteral("lastRelease"),
                 QJsonObject{{QStringLiteral("tag_name"), tag}, {QStringLiteral("name"), name}});
    }
    if (rng.percent(6))
        c.insert(QStringLiteral("version"),
                 rng.pick(QStringList{QStringLiteral("2.0.0"), QStringLiteral("v3.1"),
                                      QStringLiteral("4.0.0-rc.1"), QStringLiteral("garbage"),
                                      QStringLiteral("release-5.0.0")}));

    QJsonArray prs;
    const int count = rng.percent(6) ? 0 : rng.percent(5) ? rng.between(10, 40) : rng.between(1, 9);
    QList<int> numbers;
    for (int i = 0; i < count; ++i) {
        int number = rng.between(1, 400);
        while (numbers.contains(number))
            ++number;
        numbers << number;
        QJsonObject pr;
        pr.insert(QStringLiteral("number"), number);
        const QString t =
            (i > 0 && rng.percent(10))
                ? prs.at(rng.below(i)).toObject().value(QStringLiteral("title")).toString()
                : title(rng);
        pr.insert(QStringLiteral("title"), t);
        pr.insert(QStringLiteral("body"), body(rng));
        const QString owner = c.value(QStringLiteral("owner")).toString();
        const QString repo = c.value(QStringLiteral("repo")).toString();
        pr.insert(QStringLiteral("url"),
                  QStringLiteral("https://github.com/%1/%2/pull/%3").arg(owner, repo).arg(number));
        pr.insert(QStringLiteral("mergedAt"), mergedAt(rng));
        QJsonArray labels;
        for (QString l : someLabels(rng, 0, rng.percent(30) ? 0 : 4))
            labels.append(l.remove(RawPrefix));
        pr.insert(QStringLiteral("labels"), labels);
        if (rng.percent(6))
            pr.insert(QStringLiteral("author"), QJsonValue::Null);
        else
            pr.insert(QStringLiteral("author"), author(rng.pick(People)));
        if (rng.percent(20)) {
            pr.insert(QStringLiteral("baseRefName"),
                      rng.percent(50) ? QStringLiteral("develop") : QStringLiteral("main"));
            pr.insert(QStringLiteral("headRefName"), QStringLiteral("feature/%1").arg(number));
        }
        prs.append(pr);
    }
    c.insert(QStringLiteral("pullRequests"), prs);
    QJsonArray commits;
    for (int i = rng.percent(40) ? 0 : rng.between(1, 6); i > 0; --i) {
        QJsonObject a{{QStringLiteral("name"), rng.pick(CommitNames)}};
        if (rng.percent(60)) {
            const Person &p = rng.pick(People);
            a.insert(QStringLiteral("user"),
                     QJsonObject{{QStringLiteral("login"), p.type == QLatin1String("Bot")
                                                               ? p.login + QStringLiteral("[bot]")
                                                               : p.login}});
        } else {
            a.insert(QStringLiteral("user"), QJsonValue::Null);
        }
        commits.append(QJsonObject{{QStringLiteral("author"), a}});
    }
    c.insert(QStringLiteral("commits"), commits);
    return c;
}

// ------------------------------------------------------------------ reporting

QString jsonLine(const QString &s)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QString describeCase(const QJsonObject &c)
{
    QString out = QStringLiteral("--- release-drafter.yml ---\n") +
                  c.value(QStringLiteral("config")).toString() +
                  QStringLiteral("--- end of release-drafter.yml ---\n");
    QJsonObject rest = c;
    rest.remove(QStringLiteral("config"));
    rest.remove(QStringLiteral("name"));
    out += QStringLiteral("input: ") +
           QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Indented));
    return out;
}

// Compares one case; returns the problems (empty when equal).
QStringList compare(const QJsonObject &testCase, const QJsonObject &expected)
{
    QStringList problems;
    const Test::NotesCase c = Test::notesCaseFromJson(testCase);
    const NotesConfigResult config = NotesConfigLoader::parseReleaseDrafter(
        c.configYaml, QStringLiteral("release-drafter.yml"), ReleasePolicy());
    if (expected.contains(QStringLiteral("error"))) {
        if (config.ok())
            problems << QStringLiteral("Release Drafter rejects the configuration (%1) but "
                                       "Mainstay accepts it")
                            .arg(expected.value(QStringLiteral("error")).toString());
        return problems;
    }
    if (!config.ok()) {
        problems << QStringLiteral("Mainstay rejects a configuration Release Drafter accepts:\n") +
                        config.errorText();
        return problems;
    }
    const GeneratedNotes notes = generateNotes(c.input, *config.config);
    const QList<std::pair<QString, QString>> fields{
        {QStringLiteral("tag"), notes.tag},
        {QStringLiteral("name"), notes.name},
        {QStringLiteral("resolvedVersion"), notes.version.version}};
    for (const auto &[field, actual] : fields) {
        const QJsonValue rd = expected.value(field);
        const QString rdText = rd.isDouble() ? QString::number(rd.toDouble()) : rd.toString();
        if (rdText != actual)
            problems << QStringLiteral("%1: Release Drafter %2, Mainstay %3")
                            .arg(field, jsonLine(rdText), jsonLine(actual));
    }
    const QString body = expected.value(QStringLiteral("body")).toString();
    if (body != notes.body)
        problems << QStringLiteral("body differs:\n") +
                        Mainstay::Test::lineDiff(body, notes.body,
                                                 {2, true, QStringLiteral("Release Drafter"),
                                                  QStringLiteral("Mainstay"),
                                                  QStringLiteral("    ")});
    if (NotesMarkers::strip(notes.markedBody) != notes.body)
        problems << QStringLiteral("the marked body does not strip back to the body");
    return problems;
}

} // namespace

TEST(NotesFuzz, ReleaseDrafterAgreesOnRandomConfigurationsAndPullRequests)
{
    const QString node = QStringLiteral(MAINSTAY_NODE_EXECUTABLE);
    ASSERT_FALSE(node.isEmpty())
        << "Node.js >= 20 was not found: install it, re-run CMake, then run npm ci in tests/npm";
    ASSERT_TRUE(
        QFile::exists(QStringLiteral(MAINSTAY_NPM_DIR "/release-drafter-github-app/package.json")))
        << "release-drafter-github-app is not installed: run npm ci in tests/npm";

    bool ok = false;
    quint64 seed = qEnvironmentVariable("MAINSTAY_NOTES_FUZZ_SEED").toULongLong(&ok);
    if (!ok)
        seed = DefaultSeed;
    int count = qEnvironmentVariableIntValue("MAINSTAY_NOTES_FUZZ_CASES", &ok);
    if (!ok || count <= 0)
        count = DefaultCases;
    const int only = qEnvironmentVariableIntValue("MAINSTAY_NOTES_FUZZ_ONLY", &ok);
    const bool single = ok;
    int show = qEnvironmentVariableIntValue("MAINSTAY_NOTES_FUZZ_SHOW", &ok);
    if (!ok)
        show = 3;

    QJsonArray cases;
    QList<int> indices;
    for (int i = single ? only : 0; i < (single ? only + 1 : count); ++i) {
        cases.append(makeCase(seed, i));
        indices << i;
    }

    // MAINSTAY_NOTES_FUZZ_DUMP=FILE keeps every generated case (compare-release-drafter.mjs
    // reads it as it is).
    if (const QString dump = qEnvironmentVariable("MAINSTAY_NOTES_FUZZ_DUMP"); !dump.isEmpty()) {
        QFile file(dump);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate)) << dump.toStdString();
        file.write(QJsonDocument(cases).toJson(QJsonDocument::Indented));
    }
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("cases.json"));
    {
        QFile file(input);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
    }
    QProcess process;
    process.setProgram(node);
    process.setArguments(
        {SourceDir + QStringLiteral("/run-release-drafter.mjs"), QStringLiteral("--batch"), input});
    process.start();
    ASSERT_TRUE(process.waitForStarted()) << process.errorString().toStdString();
    ASSERT_TRUE(process.waitForFinished(10 * 60 * 1000)) << "Release Drafter did not finish";
    const QByteArray errors = process.readAllStandardError();
    ASSERT_EQ(process.exitStatus(), QProcess::NormalExit);
    ASSERT_EQ(process.exitCode(), 0) << errors.toStdString();
    QJsonParseError parseError;
    const QJsonDocument output =
        QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    ASSERT_TRUE(output.isArray()) << parseError.errorString().toStdString() << errors.toStdString();
    const QJsonArray results = output.array();
    ASSERT_EQ(results.size(), cases.size());

    QJsonArray failing;
    int rejectedByBoth = 0;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject testCase = cases.at(i).toObject();
        const QJsonObject expected = results.at(i).toObject();
        if (expected.contains(QStringLiteral("error")))
            ++rejectedByBoth;
        const QStringList problems = compare(testCase, expected);
        if (problems.isEmpty())
            continue;
        if (failing.size() < show) {
            ADD_FAILURE() << QStringLiteral("case %1 of seed %2 differs from Release Drafter "
                                            "6.1.0 (rerun it alone with "
                                            "MAINSTAY_NOTES_FUZZ_SEED=%2 "
                                            "MAINSTAY_NOTES_FUZZ_ONLY=%1)\n")
                                 .arg(indices.at(i))
                                 .arg(seed)
                                 .toStdString()
                          << describeCase(testCase).toStdString() << "problems:\n  "
                          << problems.join(QStringLiteral("\n  ")).toStdString();
        }
        failing.append(testCase);
    }
    const QString path =
        QStringLiteral(MAINSTAY_BINARY_DIR "/tests/notes/notes-fuzz-failures.json");
    QFile::remove(path); // never a stale list from an earlier run
    if (!failing.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QJsonDocument(failing).toJson(QJsonDocument::Indented));
        ADD_FAILURE() << failing.size() << " of " << cases.size() << " cases (seed " << seed
                      << ") differ from Release Drafter; all of them are in " << path.toStdString()
                      << " (node tests/notes/compare-release-drafter.mjs "
                         "build/tests/notes/notes_generate "
                      << path.toStdString() << ")";
    }
    // The generator must mostly make configurations Release Drafter accepts.
    if (!single) {
        EXPECT_LT(rejectedByBoth, cases.size() / 5);
    }
    RecordProperty("cases", int(cases.size()));
}
