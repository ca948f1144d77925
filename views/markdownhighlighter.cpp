#include "markdownhighlighter.h"

#include <QFontDatabase>
#include <QRegularExpression>
#include <QTextDocument>

#include <cstring>
#include <utility>
#include <vector>

#ifdef MAINSTAY_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace Mainstay {

namespace {

using Role = MarkdownHighlighter::Role;

QTextCharFormat coloured(const char *colour)
{
    QTextCharFormat f;
    f.setForeground(QColor(QLatin1String(colour)));
    return f;
}

// Colours from GitHub's Primer palettes, light and dark.
struct Palette
{
    const char *heading, *code, *codeBackground, *fence, *link, *url, *marker, *quote, *comment,
        *tag, *muted;
};
constexpr Palette kLight{"#0550ae", "#953800", "#eff1f3", "#6e7781", "#0969da", "#57606a",
                         "#bc4c00", "#116329", "#6e7781", "#8250df", "#6e7781"};
constexpr Palette kDark{"#79c0ff", "#ffa657", "#262c36", "#8b949e", "#58a6ff", "#8b949e",
                        "#ffa657", "#7ee787", "#8b949e", "#d2a8ff", "#8b949e"};

const QRegularExpression &re(const char *pattern)
{
    // One compiled expression per pattern literal, kept for the program's life.
    thread_local std::vector<std::pair<const char *, QRegularExpression>> cache;
    for (const auto &[key, expression] : cache)
        if (key == pattern)
            return expression;
    cache.emplace_back(pattern, QRegularExpression(QString::fromLatin1(pattern)));
    return cache.back().second;
}

} // namespace

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document, bool dark)
    : QSyntaxHighlighter(document)
    , m_dark(dark)
{
    buildFormats();
}

void MarkdownHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    buildFormats();
    rehighlight();
}

QTextCharFormat MarkdownHighlighter::format(Role role) const
{
    return m_formats[int(role)];
}

void MarkdownHighlighter::buildFormats()
{
    const Palette &p = m_dark ? kDark : kLight;
    m_merged.clear();
    const QStringList mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).families();

    QTextCharFormat heading = coloured(p.heading);
    heading.setFontWeight(QFont::Bold);
    m_formats[int(Role::Heading)] = heading;

    QTextCharFormat emphasis;
    emphasis.setFontItalic(true);
    m_formats[int(Role::Emphasis)] = emphasis;

    QTextCharFormat strong;
    strong.setFontWeight(QFont::Bold);
    m_formats[int(Role::Strong)] = strong;

    QTextCharFormat strike = coloured(p.muted);
    strike.setFontStrikeOut(true);
    m_formats[int(Role::Strikethrough)] = strike;

    QTextCharFormat code = coloured(p.code);
    code.setBackground(QColor(QLatin1String(p.codeBackground)));
    code.setFontFamilies(mono);
    code.setFontFixedPitch(true);
    m_formats[int(Role::Code)] = code;

    QTextCharFormat fence = coloured(p.fence);
    fence.setFontFamilies(mono);
    fence.setFontFixedPitch(true);
    m_formats[int(Role::CodeFence)] = fence;

    m_formats[int(Role::Link)] = coloured(p.link);
    m_formats[int(Role::Url)] = coloured(p.url);

    QTextCharFormat marker = coloured(p.marker);
    marker.setFontWeight(QFont::Bold);
    m_formats[int(Role::ListMarker)] = marker;

    m_formats[int(Role::Quote)] = coloured(p.quote);

    QTextCharFormat comment = coloured(p.comment);
    comment.setFontItalic(true);
    m_formats[int(Role::Comment)] = comment;

    m_formats[int(Role::HtmlTag)] = coloured(p.tag);
    m_formats[int(Role::Rule)] = coloured(p.muted);
}

void MarkdownHighlighter::apply(int start, int length, Role role)
{
    const int end = std::min(start + length, int(m_mask.size()));
    const quint32 bit = 1u << int(role);
    for (int i = std::max(start, 0); i < end; ++i)
        m_mask[size_t(i)] |= bit;
}

void MarkdownHighlighter::replace(int start, int length, Role role)
{
    const int end = std::min(start + length, int(m_mask.size()));
    const quint32 bit = 1u << int(role);
    for (int i = std::max(start, 0); i < end; ++i)
        m_mask[size_t(i)] = bit;
}

QTextCharFormat MarkdownHighlighter::merged(quint32 mask)
{
    const auto it = m_merged.constFind(mask);
    if (it != m_merged.constEnd())
        return it.value();
    // Later roles win where they disagree (a link's colour inside a heading, a quote's marker).
    static const Role order[] = {
        Role::Heading,       Role::Quote,   Role::Rule,   Role::Emphasis, Role::Strong,
        Role::Strikethrough, Role::HtmlTag, Role::Link,   Role::Url,      Role::ListMarker,
        Role::CodeFence,     Role::Code,    Role::Comment};
    QTextCharFormat result;
    for (Role role : order)
        if (mask & (1u << int(role)))
            result.merge(m_formats[int(role)]);
    m_merged.insert(mask, result);
    return result;
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    // Roles are collected per character and turned into one setFormat() per run: merging formats
    // character by character made a whole-document pass cost a quarter of a second.
    m_mask.assign(size_t(text.size()), 0);
    scanBlock(text);
    const int n = int(text.size());
    for (int i = 0; i < n;) {
        const quint32 mask = m_mask[size_t(i)];
        int j = i + 1;
        while (j < n && m_mask[size_t(j)] == mask)
            ++j;
        if (mask)
            setFormat(i, j - i, merged(mask));
        i = j;
    }
}

void MarkdownHighlighter::scanBlock(const QString &text)
{
    const int previous = previousBlockState();

    // Inside a fenced block: everything is code until a closing fence of the same kind, at
    // least as long as the opening one.
    if (previous >= kFenceState) {
        const QChar fenceChar = (previous & 0x800) ? QLatin1Char('~') : QLatin1Char('`');
        const int fenceLength = previous & 0x7ff;
        const QStringView trimmed = QStringView(text).trimmed();
        const auto close = trimmed.startsWith(fenceChar)
                               ? re("^ {0,3}(`{3,}|~{3,})\\s*$").match(text)
                               : QRegularExpressionMatch();
        if (close.hasMatch() && close.captured(1).at(0) == fenceChar &&
            close.capturedLength(1) >= fenceLength) {
            apply(0, int(text.size()), Role::CodeFence);
            setCurrentBlockState(0);
        } else {
            apply(0, int(text.size()), Role::Code);
            setCurrentBlockState(previous);
        }
        return;
    }

    setCurrentBlockState(0);
    int from = 0;
    if (previous == kCommentState) {
        const int end = int(text.indexOf(QLatin1String("-->")));
        if (end < 0) {
            apply(0, int(text.size()), Role::Comment);
            setCurrentBlockState(kCommentState);
            return;
        }
        apply(0, end + 3, Role::Comment);
        from = end + 3;
    }

    // The first character after the indentation decides which line patterns can match.
    auto leadAt = [&text](int at) {
        while (at < text.size() &&
               (text.at(at) == QLatin1Char(' ') || text.at(at) == QLatin1Char('\t')))
            ++at;
        return at < text.size() ? text.at(at) : QChar();
    };
    const QChar lead = leadAt(0);
    auto leadIs = [&lead](const char *chars) {
        return !lead.isNull() && lead.unicode() < 128 && std::strchr(chars, char(lead.unicode()));
    };

    if (from == 0) {
        const auto fence =
            leadIs("`~") ? re("^ {0,3}(`{3,}|~{3,})(.*)$").match(text) : QRegularExpressionMatch();
        if (fence.hasMatch() && !(fence.captured(1).at(0) == QLatin1Char('`') &&
                                  fence.captured(2).contains(QLatin1Char('`')))) {
            apply(0, int(text.size()), Role::CodeFence);
            const bool tilde = fence.captured(1).at(0) == QLatin1Char('~');
            setCurrentBlockState(kFenceState | (tilde ? 0x800 : 0) |
                                 std::min(int(fence.capturedLength(1)), 0x7ff));
            return;
        }
        if (leadIs("-*_=") && (re("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$").match(text).hasMatch() ||
                               re("^ {0,3}=+\\s*$").match(text).hasMatch())) {
            // Thematic break or setext underline (a "---" under text is both; either way a rule)
            apply(0, int(text.size()), Role::Rule);
            return;
        }
        const auto heading =
            leadIs("#") ? re("^ {0,3}#{1,6}(?=\\s|$)").match(text) : QRegularExpressionMatch();
        if (heading.hasMatch())
            apply(0, int(text.size()), Role::Heading);

        // Container prefixes: blockquote markers, then a list marker and a task box.
        int pos = 0;
        const auto quote =
            leadIs(">") ? re("^( {0,3}>\\s?)+").match(text) : QRegularExpressionMatch();
        if (quote.hasMatch()) {
            apply(0, int(text.size()), Role::Quote);
            apply(0, int(quote.capturedLength(0)), Role::ListMarker);
            pos = int(quote.capturedEnd(0));
        }
        const QChar listLead = leadAt(pos);
        const bool maybeList = listLead == QLatin1Char('-') || listLead == QLatin1Char('*') ||
                               listLead == QLatin1Char('+') || listLead.isDigit();
        const auto list = !maybeList ? QRegularExpressionMatch()
                                     : re("\\G\\s*([-*+]|\\d{1,9}[.)])(?=\\s|$)")
                                           .match(text, pos, QRegularExpression::NormalMatch,
                                                  QRegularExpression::AnchorAtOffsetMatchOption);
        if (list.hasMatch() && !heading.hasMatch()) {
            apply(int(list.capturedStart(1)), int(list.capturedLength(1)), Role::ListMarker);
            const auto task = re("\\G\\s+\\[[ xX]\\](?=\\s|$)")
                                  .match(text, list.capturedEnd(0), QRegularExpression::NormalMatch,
                                         QRegularExpression::AnchorAtOffsetMatchOption);
            if (task.hasMatch())
                apply(int(task.capturedStart(0)), int(task.capturedLength(0)), Role::ListMarker);
        }
        // Table rows: the pipes and the delimiter row.
        if (leadIs("|")) {
            if (re("^\\s*\\|?(\\s*:?-+:?\\s*\\|)+\\s*(:?-+:?)?\\s*$").match(text).hasMatch()) {
                apply(0, int(text.size()), Role::Rule);
            } else {
                for (int i = 0; i < text.size(); ++i)
                    if (text.at(i) == QLatin1Char('|') &&
                        (i == 0 || text.at(i - 1) != QLatin1Char('\\')))
                        apply(i, 1, Role::Rule);
            }
        }
    }
    highlightInline(text, from);
}

void MarkdownHighlighter::highlightInline(const QString &text, int from)
{
    auto each = [&](const char *pattern, auto &&fn) {
        auto it = re(pattern).globalMatch(text, from);
        while (it.hasNext())
            fn(it.next());
    };
    auto whole = [&](const char *pattern, Role role) {
        each(pattern, [&](const QRegularExpressionMatch &m) {
            apply(int(m.capturedStart(0)), int(m.capturedLength(0)), role);
        });
    };

    // Cheap tests first: most lines have none of these characters, and a regular expression
    // pass costs microseconds even when it finds nothing.
    const QStringView rest = QStringView(text).mid(from);
    const bool star = rest.contains(QLatin1Char('*'));
    const bool underscore = rest.contains(QLatin1Char('_'));
    const bool bracket = rest.contains(QLatin1Char('['));
    const bool angle = rest.contains(QLatin1Char('<'));
    const bool web = rest.contains(QLatin1String("http")) || rest.contains(QLatin1String("www."));

    if (star || underscore)
        whole("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1", Role::Strong);
    if (star)
        whole("(?<![*\\w\\\\])\\*(?=[^\\s*])(.+?)(?<=[^\\s*\\\\])\\*(?!\\*)", Role::Emphasis);
    if (underscore)
        whole("(?<![\\w_\\\\])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\w_])", Role::Emphasis);
    if (rest.contains(QLatin1String("~~")))
        whole("~~(?=\\S)(.+?)(?<=\\S)~~", Role::Strikethrough);
    if (angle)
        whole("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>", Role::HtmlTag);
    if (bracket) {
        // Links: [text](url "title"), images, reference links and their definitions.
        each("!?\\[([^\\]]*)\\]\\(([^)]*)\\)", [&](const QRegularExpressionMatch &m) {
            apply(int(m.capturedStart(0)), int(m.capturedStart(2) - m.capturedStart(0) - 1),
                  Role::Link);
            apply(int(m.capturedStart(2) - 1), int(m.capturedLength(2) + 2), Role::Url);
        });
        whole("!?\\[[^\\]]+\\]\\[[^\\]]*\\]", Role::Link);
        each("^ {0,3}(\\[[^\\]]+\\]:)\\s*(\\S+)", [&](const QRegularExpressionMatch &m) {
            apply(int(m.capturedStart(1)), int(m.capturedLength(1)), Role::Link);
            apply(int(m.capturedStart(2)), int(m.capturedLength(2)), Role::Url);
        });
    }
    if (angle)
        whole("<(https?://|mailto:)[^>\\s]+>", Role::Link);
    if (web)
        whole("(?<![(<\\w])(https?://|www\\.)[^\\s<>()]*[^\\s<>().,;:!?]", Role::Link);
    if (rest.contains(QLatin1Char('#')))
        whole("(?<![\\w/&])(?:[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+)?#\\d+\\b", Role::Link);
    if (rest.contains(QLatin1Char('@')))
        whole("(?<![\\w`])@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9_-]+)?",
              Role::Link);

    // Code spans override everything inside them (a run of N backticks closed by exactly N).
    std::vector<std::pair<int, int>> codeSpans;
    const int n = int(text.size());
    for (int i = from; i < n;) {
        if (text.at(i) != QLatin1Char('`')) {
            ++i;
            continue;
        }
        int run = i;
        while (run < n && text.at(run) == QLatin1Char('`'))
            ++run;
        const int ticks = run - i;
        int close = -1;
        for (int j = run; j < n;) {
            if (text.at(j) != QLatin1Char('`')) {
                ++j;
                continue;
            }
            int k = j;
            while (k < n && text.at(k) == QLatin1Char('`'))
                ++k;
            if (k - j == ticks) {
                close = k;
                break;
            }
            j = k;
        }
        if (close < 0) {
            i = run;
            continue;
        }
        replace(i, close - i, Role::Code);
        codeSpans.emplace_back(i, close);
        i = close;
    }
    auto inCode = [&](int pos) {
        for (const auto &[start, end] : codeSpans)
            if (pos >= start && pos < end)
                return true;
        return false;
    };

    // HTML comments, possibly running on into the next blocks.
    for (int i = from; i < n;) {
        const int start = int(text.indexOf(QLatin1String("<!--"), i));
        if (start < 0)
            break;
        if (inCode(start)) {
            i = start + 4;
            continue;
        }
        const int end = int(text.indexOf(QLatin1String("-->"), start + 4));
        if (end < 0) {
            replace(start, n - start, Role::Comment);
            setCurrentBlockState(kCommentState);
            break;
        }
        replace(start, end + 3 - start, Role::Comment);
        i = end + 3;
    }
}

// ---------------------------------------------------------------------------------------------

#ifdef MAINSTAY_HAVE_KSYNTAXHIGHLIGHTING

namespace {

KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository repo;
    return repo;
}

KSyntaxHighlighting::Theme themeFor(bool dark)
{
    return repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                          : KSyntaxHighlighting::Repository::LightTheme);
}

// Writes the highlighted code as <span>s for the inside of a <pre>.
class HtmlSpanHighlighter : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    QString run(const QString &code)
    {
        KSyntaxHighlighting::State state;
        const QStringList lines = code.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_line = lines.at(i);
            m_written = 0;
            state = highlightLine(m_line, state);
            if (m_written < m_line.size())
                m_out += m_line.mid(m_written).toHtmlEscaped();
            if (i + 1 < lines.size())
                m_out += QLatin1Char('\n');
        }
        return m_out;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (offset > m_written)
            m_out += m_line.mid(m_written, offset - m_written).toHtmlEscaped();
        const QString text = m_line.mid(offset, length).toHtmlEscaped();
        m_written = offset + length;
        if (length <= 0)
            return;
        const KSyntaxHighlighting::Theme &t = theme();
        QString style;
        if (format.hasTextColor(t))
            style += QStringLiteral("color:%1;").arg(format.textColor(t).name());
        if (format.isBold(t))
            style += QStringLiteral("font-weight:bold;");
        if (format.isItalic(t))
            style += QStringLiteral("font-style:italic;");
        if (style.isEmpty())
            m_out += text;
        else
            m_out += QStringLiteral("<span style=\"%1\">%2</span>").arg(style, text);
    }

private:
    QString m_line;
    QString m_out;
    int m_written = 0;
};

} // namespace

QObject *attachMarkdownHighlighter(QTextDocument *document, bool dark)
{
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    highlighter->setTheme(themeFor(dark));
    highlighter->setDefinition(repository().definitionForName(QStringLiteral("Markdown")));
    return highlighter;
}

bool hasKSyntaxHighlighting()
{
    return true;
}

QString highlightCodeHtml(const QString &code, const QString &language, bool dark)
{
    if (language.isEmpty())
        return {};
    KSyntaxHighlighting::Definition definition = repository().definitionForName(language);
    if (!definition.isValid())
        definition = repository().definitionForFileName(QStringLiteral("code.") + language);
    if (!definition.isValid())
        return {};
    HtmlSpanHighlighter highlighter;
    highlighter.setDefinition(definition);
    highlighter.setTheme(themeFor(dark));
    return highlighter.run(code);
}

#else

QObject *attachMarkdownHighlighter(QTextDocument *document, bool dark)
{
    return new MarkdownHighlighter(document, dark);
}

bool hasKSyntaxHighlighting()
{
    return false;
}

QString highlightCodeHtml(const QString &code, const QString &language, bool dark)
{
    Q_UNUSED(code)
    Q_UNUSED(language)
    Q_UNUSED(dark)
    return {};
}

#endif

} // namespace Mainstay
