#include "jsregex.h"

#include <cctype>

namespace Mainstay {

namespace {

const QString LineTerminators = QStringLiteral("\\n\\r\\x{2028}\\x{2029}");
// JavaScript's \s: WhiteSpace and LineTerminator (PCRE's \s without Unicode properties is ASCII).
const QString JsSpaces = QStringLiteral(
    "\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}"
    "\\x{3000}\\x{feff}");

// JavaScript matches without the u flag unit by unit: a surrogate is a character of its own
// (`.` takes half an emoji, `[^a]` each half). PCRE works on code points, so every surrogate the
// JavaScript engine would see alone is moved to a private code point, in the pattern and in the
// subject alike, and offsets are mapped back.
constexpr char32_t MappedSurrogateBase = 0xF0000;

bool isSurrogateValue(char32_t v)
{
    return v >= 0xD800 && v <= 0xDFFF;
}

char32_t mapped(char32_t surrogate)
{
    return MappedSurrogateBase + (surrogate - 0xD800);
}

QString hexPoint(char32_t v)
{
    return QStringLiteral("\\x{%1}").arg(uint(v), 0, 16);
}

// A character value as a pattern atom (a surrogate moved to its private code point).
QString valueAtom(char32_t v)
{
    return hexPoint(isSurrogateValue(v) ? mapped(v) : v);
}

bool hexValue(const QString &digits, char32_t *out)
{
    if (digits.isEmpty())
        return false;
    for (QChar c : digits)
        if (!isxdigit(c.toLatin1()) || c.unicode() > 127)
            return false;
    bool ok = false;
    const uint v = digits.toUInt(&ok, 16);
    *out = v;
    return ok && v <= 0x10FFFF;
}

struct Atom
{
    bool hasValue = false;
    char32_t value = 0;
    QString text; // the PCRE text for atoms without a single value (class escapes)
    qsizetype next = 0;
};

// Reads a \u escape at `i` (the backslash); `unicode` allows \u{…} and joins escaped pairs.
bool readUnicodeEscape(const QString &p, qsizetype i, bool unicode, Atom *atom)
{
    if (unicode && i + 2 < p.size() && p.at(i + 2) == u'{') {
        const qsizetype close = p.indexOf(u'}', i + 3);
        char32_t v = 0;
        if (close < 0 || !hexValue(p.mid(i + 3, close - i - 3), &v))
            return false;
        atom->hasValue = true;
        atom->value = v;
        atom->next = close + 1;
        return true;
    }
    char32_t v = 0;
    if (!hexValue(p.mid(i + 2, 4), &v) || p.mid(i + 2, 4).size() != 4)
        return false;
    atom->hasValue = true;
    atom->value = v;
    atom->next = i + 6;
    if (unicode && v >= 0xD800 && v <= 0xDBFF && p.mid(atom->next, 2) == QStringLiteral("\\u")) {
        char32_t low = 0;
        if (hexValue(p.mid(atom->next + 2, 4), &low) && p.mid(atom->next + 2, 4).size() == 4 &&
            low >= 0xDC00 && low <= 0xDFFF) {
            atom->value = QChar::surrogateToUcs4(char16_t(v), char16_t(low));
            atom->next += 6;
        }
    }
    return true;
}

// One literal character at `i` (a code point in unicode mode, a code unit otherwise).
Atom literalAt(const QString &p, qsizetype i, bool unicode)
{
    Atom a;
    a.hasValue = true;
    const QChar c = p.at(i);
    if (unicode && c.isHighSurrogate() && i + 1 < p.size() && p.at(i + 1).isLowSurrogate()) {
        a.value = QChar::surrogateToUcs4(c, p.at(i + 1));
        a.next = i + 2;
    } else {
        a.value = c.unicode();
        a.next = i + 1;
    }
    return a;
}

// An escape inside a character class.
std::optional<Atom> classEscape(const QString &p, qsizetype i, bool unicode)
{
    Atom a;
    if (i + 1 >= p.size())
        return std::nullopt;
    const QChar d = p.at(i + 1);
    a.next = i + 2;
    switch (d.unicode()) {
    case u's':
        a.text = JsSpaces;
        return a;
    case u'd':
    case u'D':
    case u'w':
    case u'W':
    case u'S':
        a.text = p.mid(i, 2);
        return a;
    case u'b':
        a.hasValue = true;
        a.value = 8;
        return a;
    case u'n':
        a.hasValue = true;
        a.value = 10;
        return a;
    case u'r':
        a.hasValue = true;
        a.value = 13;
        return a;
    case u't':
        a.hasValue = true;
        a.value = 9;
        return a;
    case u'f':
        a.hasValue = true;
        a.value = 12;
        return a;
    case u'v':
        a.hasValue = true;
        a.value = 11;
        return a;
    case u'u':
        if (readUnicodeEscape(p, i, unicode, &a))
            return a;
        break;
    case u'x': {
        char32_t v = 0;
        if (p.mid(i + 2, 2).size() == 2 && hexValue(p.mid(i + 2, 2), &v)) {
            a.hasValue = true;
            a.value = v;
            a.next = i + 4;
            return a;
        }
        break;
    }
    case u'c':
        // \cX: a control character; without a letter after it the backslash is literal.
        if (i + 2 < p.size() && p.at(i + 2).unicode() < 128 && p.at(i + 2).isLetter()) {
            a.hasValue = true;
            a.value = p.at(i + 2).unicode() % 32;
            a.next = i + 3;
            return a;
        }
        break;
    case u'p':
    case u'P':
        if (unicode) {
            const qsizetype close = p.indexOf(u'}', i + 2);
            if (p.mid(i + 2, 1) != u"{" || close < 0)
                return std::nullopt;
            a.text = p.mid(i, close + 1 - i); // a Unicode property, as PCRE writes it too
            a.next = close + 1;
            return a;
        }
        break;
    default:
        break;
    }
    if (unicode && d.isLetterOrNumber())
        return std::nullopt; // no identity escapes of letters in unicode mode
    // An identity escape: the character itself.
    Atom literal = literalAt(p, i + 1, unicode);
    return literal;
}

// A range of values in a class, split around the surrogates (which live elsewhere).
QString classRange(char32_t lo, char32_t hi)
{
    QString out;
    auto part = [&](char32_t a, char32_t b) {
        out += a == b ? hexPoint(a) : hexPoint(a) + u'-' + hexPoint(b);
    };
    if (lo <= 0xD7FF)
        part(lo, std::min<char32_t>(hi, 0xD7FF));
    if (lo <= 0xDFFF && hi >= 0xD800)
        part(mapped(std::max<char32_t>(lo, 0xD800)), mapped(std::min<char32_t>(hi, 0xDFFF)));
    if (hi >= 0xE000)
        part(std::max<char32_t>(lo, 0xE000), hi);
    return out;
}

// How many capturing groups the pattern has (plain and named), for telling backreferences.
int countGroups(const QString &p)
{
    int groups = 0;
    bool inClass = false;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == u'\\') {
            ++i;
        } else if (inClass) {
            inClass = c != u']';
        } else if (c == u'[') {
            inClass = true;
        } else if (c == u'(') {
            if (i + 1 < p.size() && p.at(i + 1) == u'?') {
                if (p.mid(i + 2, 1) == u"<" && p.mid(i + 3, 1) != u"=" && p.mid(i + 3, 1) != u"!")
                    ++groups;
            } else {
                ++groups;
            }
        }
    }
    return groups;
}

std::optional<QString> translate(const QString &p, bool multiline, bool dotAll, bool unicode)
{
    QString out;
    qsizetype i = 0;
    const qsizetype n = p.size();
    const int groups = countGroups(p);
    while (i < n) {
        const QChar c = p.at(i);
        if (c == u'\\') {
            if (i + 1 >= n)
                return std::nullopt; // a trailing backslash is a syntax error
            const QChar d = p.at(i + 1);
            if (d == u's' || d == u'S') {
                out += (d == u's' ? QStringLiteral("[") : QStringLiteral("[^")) + JsSpaces + u']';
                i += 2;
                continue;
            }
            if (d == u'u') {
                Atom a;
                if (readUnicodeEscape(p, i, unicode, &a)) {
                    out += valueAtom(a.value);
                    i = a.next;
                    continue;
                }
                if (unicode)
                    return std::nullopt;
                out += u'u'; // an identity escape outside unicode mode
                i += 2;
                continue;
            }
            // A backreference to a group that has not matched matches the empty string in
            // JavaScript and fails in PCRE: only compare when the group is set.
            if (d >= u'1' && d <= u'9') {
                qsizetype j = i + 1;
                while (j < n && p.at(j) >= u'0' && p.at(j) <= u'9')
                    ++j;
                const int number = p.mid(i + 1, j - i - 1).toInt();
                if (number <= groups) {
                    out += QStringLiteral("(?(%1)\\g{%1})").arg(number);
                    i = j;
                    continue;
                }
            }
            if (d == u'k' && i + 2 < n && p.at(i + 2) == u'<') {
                const qsizetype close = p.indexOf(u'>', i + 3);
                if (close > 0) {
                    const QString name = p.mid(i + 3, close - i - 3);
                    out += QStringLiteral("(?(<%1>)\\k<%1>)").arg(name);
                    i = close + 1;
                    continue;
                }
            }
            if ((d == u'p' || d == u'P') && !unicode) {
                out += d; // no property escapes without the u flag: the letter itself
                i += 2;
                continue;
            }
            if (d.isSurrogate() || (unicode && d.isHighSurrogate())) {
                const Atom a = literalAt(p, i + 1, unicode);
                out += valueAtom(a.value);
                i = a.next;
                continue;
            }
            out += p.mid(i, 2);
            i += 2;
            continue;
        }
        if (c == u'[') {
            if (p.mid(i, 2) == QStringLiteral("[]")) {
                out += QStringLiteral("(?!)");
                i += 2;
                continue;
            }
            if (p.mid(i, 3) == QStringLiteral("[^]")) {
                out += QStringLiteral("[\\s\\S]");
                i += 3;
                continue;
            }
            out += u'[';
            ++i;
            if (i < n && p.at(i) == u'^') {
                out += u'^';
                ++i;
            }
            // JavaScript ends a class at the first unescaped ']' (PCRE would take a leading one
            // literally), and a '[' inside is literal. Every character is written as \x{…}.
            bool closed = false;
            while (i < n) {
                if (p.at(i) == u']') {
                    out += u']';
                    ++i;
                    closed = true;
                    break;
                }
                std::optional<Atom> a =
                    p.at(i) == u'\\' ? classEscape(p, i, unicode) : literalAt(p, i, unicode);
                if (!a)
                    return std::nullopt;
                i = a->next;
                if (a->hasValue && i + 1 < n && p.at(i) == u'-' && p.at(i + 1) != u']') {
                    std::optional<Atom> b = p.at(i + 1) == u'\\' ? classEscape(p, i + 1, unicode)
                                                                 : literalAt(p, i + 1, unicode);
                    if (!b)
                        return std::nullopt;
                    if (b->hasValue) {
                        if (b->value < a->value)
                            return std::nullopt; // out of order: a syntax error
                        out += classRange(a->value, b->value);
                        i = b->next;
                        continue;
                    }
                }
                out += a->hasValue ? valueAtom(a->value) : a->text;
            }
            if (!closed)
                return std::nullopt;
            continue;
        }
        if (c.isSurrogate()) {
            const Atom a = literalAt(p, i, unicode);
            if (a.next == i + 2)
                out += p.mid(i, 2); // a pair in unicode mode: one code point for PCRE too
            else
                out += valueAtom(a.value);
            i = a.next;
            continue;
        }
        if (c == u'.' && !dotAll) {
            out += QStringLiteral("[^") + LineTerminators + u']';
            ++i;
            continue;
        }
        if (c == u'$') {
            out += multiline ? QStringLiteral("(?![^") + LineTerminators + QStringLiteral("])")
                             : QStringLiteral("(?![\\s\\S])");
            ++i;
            continue;
        }
        if (c == u'^') {
            out += multiline ? QStringLiteral("(?<![^") + LineTerminators + QStringLiteral("])")
                             : QStringLiteral("(?<![\\s\\S])");
            ++i;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

// The subject as the translated pattern sees it, and where each of its positions came from.
struct Widened
{
    QString text;
    QList<qsizetype> origin; // origin[i]: offset in the original text of text[i]; size + 1
};

Widened widen(const QString &text, bool unicode)
{
    Widened w;
    w.text.reserve(text.size());
    w.origin.reserve(text.size() + 1);
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (unicode && c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            w.text += c;
            w.text += text.at(i + 1);
            w.origin << i << i + 1;
            ++i;
        } else if (c.isSurrogate()) {
            const char32_t m = mapped(c.unicode());
            w.text += QChar(QChar::highSurrogate(m));
            w.text += QChar(QChar::lowSurrogate(m));
            w.origin << i << i;
        } else {
            w.text += c;
            w.origin << i;
        }
    }
    w.origin << n;
    return w;
}

} // namespace

std::optional<JsRegex> JsRegex::create(const QString &pattern, const QString &flags)
{
    bool ignoreCase = false, multiline = false, dotAll = false, global = false, sticky = false,
         unicode = false;
    QString seen;
    for (QChar f : flags) {
        if (seen.contains(f))
            return std::nullopt;
        seen += f;
        switch (f.unicode()) {
        case u'g':
            global = true;
            break;
        case u'i':
            ignoreCase = true;
            break;
        case u'm':
            multiline = true;
            break;
        case u's':
            dotAll = true;
            break;
        case u'y':
            sticky = true;
            break;
        case u'u':
            unicode = true;
            break;
        case u'd':
            break;
        default:
            return std::nullopt;
        }
    }
    const std::optional<QString> translated = translate(pattern, multiline, dotAll, unicode);
    if (!translated)
        return std::nullopt;
    QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
    if (ignoreCase)
        options |= QRegularExpression::CaseInsensitiveOption;
    if (dotAll)
        options |= QRegularExpression::DotMatchesEverythingOption;
    JsRegex regex;
    regex.m_regex = QRegularExpression(*translated, options);
    if (!regex.m_regex.isValid())
        return std::nullopt;
    regex.m_global = global;
    regex.m_sticky = sticky;
    regex.m_unicode = unicode;
    return regex;
}

std::optional<JsRegex> JsRegex::fromSearch(const QString &search)
{
    // /^\/.+\/[AJUXgimsux]*$/: `.` stops at line terminators, `$` is the very end.
    static const QRegularExpression isRegex(
        QStringLiteral("^/[^\\n\\r\\x{2028}\\x{2029}]+/[AJUXgimsux]*\\z"));
    if (!isRegex.match(search).hasMatch()) {
        // escape-string-regexp, then a global regular expression like any other.
        QString escaped;
        for (QChar c : search) {
            if (QStringView(u"|\\{}()[]^$+*?.").contains(c))
                escaped += u'\\';
            if (c == u'-')
                escaped += QStringLiteral("\\x2d");
            else
                escaped += c;
        }
        return create(escaped, QStringLiteral("g"));
    }
    // regex-parser: the text between the first and the last slash, then the flags; flags named
    // twice make it read the whole text, slashes and all, as the pattern, without flags.
    const qsizetype last = search.lastIndexOf(u'/');
    const QString flags = search.mid(last + 1);
    const QString body = search.mid(1, last - 1);
    for (qsizetype i = 0; i < flags.size(); ++i)
        if (flags.indexOf(flags.at(i), i + 1) >= 0)
            return create(search, QString());
    return create(body, flags);
}

QString JsRegex::replace(const QString &original, const QString &replacement) const
{
    const Widened wide = widen(original, m_unicode);
    const QString &text = wide.text;
    auto at = [&](qsizetype widePosition) { return wide.origin.at(widePosition); };
    QString out;
    qsizetype pos = 0; // where the unreplaced text starts (wide)
    qsizetype from = 0;
    const QStringList names = m_regex.namedCaptureGroups();
    bool hasNames = false;
    for (const QString &name : names)
        hasNames = hasNames || !name.isEmpty();
    const int groups = m_regex.captureCount();
    auto group = [&](const QRegularExpressionMatch &m, int index) {
        const qsizetype s = m.capturedStart(index);
        if (s < 0)
            return QString();
        return original.mid(at(s), at(m.capturedEnd(index)) - at(s));
    };
    while (from <= text.size()) {
        const QRegularExpressionMatch m =
            m_regex.match(text, from, QRegularExpression::NormalMatch,
                          m_sticky ? QRegularExpression::AnchorAtOffsetMatchOption
                                   : QRegularExpression::NoMatchOption);
        if (!m.hasMatch())
            break;
        const qsizetype start = m.capturedStart();
        const qsizetype end = m.capturedEnd();
        out += original.mid(at(pos), at(start) - at(pos));
        // Expand the replacement pattern.
        const qsizetype rn = replacement.size();
        for (qsizetype i = 0; i < rn; ++i) {
            const QChar c = replacement.at(i);
            if (c != u'$' || i + 1 >= rn) {
                out += c;
                continue;
            }
            const QChar d = replacement.at(i + 1);
            if (d == u'$') {
                out += u'$';
                ++i;
            } else if (d == u'&') {
                out += group(m, 0);
                ++i;
            } else if (d == u'`') {
                out += original.left(at(start));
                ++i;
            } else if (d == u'\'') {
                out += original.mid(at(end));
                ++i;
            } else if (d.isDigit() && d.unicode() < 128) {
                int one = d.digitValue();
                int two = -1;
                if (i + 2 < rn && replacement.at(i + 2).isDigit() &&
                    replacement.at(i + 2).unicode() < 128)
                    two = one * 10 + replacement.at(i + 2).digitValue();
                if (two >= 1 && two <= groups) {
                    out += group(m, two);
                    i += 2;
                } else if (one >= 1 && one <= groups) {
                    out += group(m, one);
                    i += 1;
                } else {
                    out += c;
                }
            } else if (d == u'<' && hasNames) {
                const qsizetype close = replacement.indexOf(u'>', i + 2);
                if (close < 0) {
                    out += c;
                } else {
                    // An unknown name gives "" (the groups object has no prototype).
                    const QString name = replacement.mid(i + 2, close - i - 2);
                    const int index = name.isEmpty() ? -1 : int(names.indexOf(name));
                    if (index > 0)
                        out += group(m, index);
                    i = close;
                }
            } else {
                out += c;
            }
        }
        pos = end;
        if (!m_global)
            break;
        if (end == start) {
            // AdvanceStringIndex: one unit, or one code point in unicode mode; a moved
            // surrogate is one unit of the original either way.
            if (end >= text.size())
                break;
            from = end + (text.at(end).isHighSurrogate() && end + 1 < text.size() ? 2 : 1);
        } else {
            from = end;
        }
    }
    out += original.mid(at(pos));
    return out;
}

} // namespace Mainstay
