#include "jsregex.h"

namespace Mainstay {

namespace {

const QString LineTerminators = QStringLiteral("\\n\\r\\x{2028}\\x{2029}");

// Copies one escape starting at `i` (the backslash) into `out`, translating \uXXXX and \u{…}.
qsizetype copyEscape(const QString &p, qsizetype i, QString &out)
{
    if (i + 1 >= p.size()) {
        out += QStringLiteral("\\\\");
        return i + 1;
    }
    const QChar next = p.at(i + 1);
    if (next == u'u') {
        if (i + 2 < p.size() && p.at(i + 2) == u'{') {
            const qsizetype close = p.indexOf(u'}', i + 3);
            if (close > 0) {
                out += QStringLiteral("\\x{") + p.mid(i + 3, close - i - 3) + u'}';
                return close + 1;
            }
        }
        const QString hex = p.mid(i + 2, 4);
        bool ok = hex.size() == 4;
        if (ok)
            hex.toUInt(&ok, 16);
        if (ok) {
            out += QStringLiteral("\\x{") + hex + u'}';
            return i + 6;
        }
        out += u'u'; // an identity escape outside unicode mode
        return i + 2;
    }
    out += p.mid(i, 2);
    return i + 2;
}

std::optional<QString> translate(const QString &p, bool multiline, bool dotAll)
{
    QString out;
    qsizetype i = 0;
    const qsizetype n = p.size();
    while (i < n) {
        const QChar c = p.at(i);
        if (c == u'\\') {
            i = copyEscape(p, i, out);
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
            // literally), and a '[' inside is literal.
            bool closed = false;
            while (i < n) {
                const QChar d = p.at(i);
                if (d == u'\\') {
                    i = copyEscape(p, i, out);
                    continue;
                }
                if (d == u']') {
                    out += u']';
                    ++i;
                    closed = true;
                    break;
                }
                if (d == u'[') {
                    out += QStringLiteral("\\[");
                    ++i;
                    continue;
                }
                out += d;
                ++i;
            }
            if (!closed)
                return std::nullopt;
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

} // namespace

std::optional<JsRegex> JsRegex::create(const QString &pattern, const QString &flags)
{
    bool ignoreCase = false, multiline = false, dotAll = false, global = false, sticky = false;
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
        case u'd':
            break;
        default:
            return std::nullopt;
        }
    }
    const std::optional<QString> translated = translate(pattern, multiline, dotAll);
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
    return regex;
}

std::optional<JsRegex> JsRegex::fromSearch(const QString &search)
{
    static const QRegularExpression isRegex(QStringLiteral("^/.+/[AJUXgimsux]*$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    if (!isRegex.match(search).hasMatch()) {
        JsRegex literal;
        literal.m_regex = QRegularExpression(QRegularExpression::escape(search));
        literal.m_global = true;
        return literal;
    }
    // regex-parser: the text between the first and the last slash, then the flags.
    const qsizetype last = search.lastIndexOf(u'/');
    const QString flags = search.mid(last + 1);
    const QString body = search.mid(1, last - 1);
    return create(body, flags);
}

QString JsRegex::replace(const QString &text, const QString &replacement) const
{
    QString out;
    qsizetype pos = 0; // where the unreplaced text starts
    qsizetype from = 0;
    const QStringList names = m_regex.namedCaptureGroups();
    bool hasNames = false;
    for (const QString &name : names)
        hasNames = hasNames || !name.isEmpty();
    const int groups = m_regex.captureCount();
    while (from <= text.size()) {
        const QRegularExpressionMatch m =
            m_regex.match(text, from, QRegularExpression::NormalMatch,
                          m_sticky ? QRegularExpression::AnchorAtOffsetMatchOption
                                   : QRegularExpression::NoMatchOption);
        if (!m.hasMatch())
            break;
        const qsizetype start = m.capturedStart();
        const qsizetype end = m.capturedEnd();
        out += text.mid(pos, start - pos);
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
                out += m.captured(0);
                ++i;
            } else if (d == u'`') {
                out += text.left(start);
                ++i;
            } else if (d == u'\'') {
                out += text.mid(end);
                ++i;
            } else if (d.isDigit() && d.unicode() < 128) {
                int one = d.digitValue();
                int two = -1;
                if (i + 2 < rn && replacement.at(i + 2).isDigit() &&
                    replacement.at(i + 2).unicode() < 128)
                    two = one * 10 + replacement.at(i + 2).digitValue();
                if (two >= 1 && two <= groups) {
                    out += m.captured(two);
                    i += 2;
                } else if (one >= 1 && one <= groups) {
                    out += m.captured(one);
                    i += 1;
                } else {
                    out += c;
                }
            } else if (d == u'<' && hasNames) {
                const qsizetype close = replacement.indexOf(u'>', i + 2);
                if (close < 0) {
                    out += c;
                } else {
                    out += m.captured(replacement.mid(i + 2, close - i - 2));
                    i = close;
                }
            } else {
                out += c;
            }
        }
        pos = end;
        if (!m_global)
            break;
        from = end == start ? end + 1 : end;
        if (end == start && end >= text.size())
            break;
    }
    out += text.mid(pos);
    return out;
}

} // namespace Mainstay
