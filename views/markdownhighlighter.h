#pragma once

#include <QHash>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

class QTextDocument;

namespace Mainstay {

// Highlights Markdown in an editor (the release-notes editor) where KSyntaxHighlighting is not
// available (Debian 12): ATX and setext headings, emphasis, strong, strikethrough, inline code,
// fenced code blocks across lines, links and autolinks, #references and @mentions, list markers
// and task boxes, blockquotes, thematic breaks, table pipes, HTML tags and comments across lines.
//
// Block states: -1/0 ordinary text, kCommentState inside an HTML comment, and kFenceState | the
// fence (length, backtick or tilde) inside fenced code.
class MarkdownHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Role
    {
        Heading,
        Emphasis,
        Strong,
        Strikethrough,
        Code,      // inline code and fenced blocks
        CodeFence, // the ``` lines themselves
        Link,      // link text, autolinks, #123, @user
        Url,       // the (target) part of a link
        ListMarker,
        Quote,
        Comment,
        HtmlTag,
        Rule, // thematic breaks, setext underlines, table pipes
    };

    static constexpr int kCommentState = 1;
    static constexpr int kFenceState = 0x1000;

    MarkdownHighlighter(QTextDocument *document, bool dark);

    bool isDark() const { return m_dark; }
    // Switches colours and re-highlights.
    void setDark(bool dark);
    // The format a role is drawn with (tests compare against it).
    QTextCharFormat format(Role role) const;
    using QSyntaxHighlighter::format;

protected:
    void highlightBlock(const QString &text) override;

private:
    void buildFormats();
    void scanBlock(const QString &text);
    void highlightInline(const QString &text, int from);
    // Adds `role` to [start, start + length) of the current block.
    void apply(int start, int length, Role role);
    // Sets [start, start + length) to `role` alone (code spans and comments hide the rest).
    void replace(int start, int length, Role role);
    QTextCharFormat merged(quint32 roles);

    bool m_dark;
    QTextCharFormat m_formats[int(Role::Rule) + 1];
    std::vector<quint32> m_mask;              // roles per character of the current block
    QHash<quint32, QTextCharFormat> m_merged; // formats per role combination
};

// The editor's Markdown highlighter: KSyntaxHighlighting's Markdown definition when the build has
// it (MAINSTAY_HAVE_KSYNTAXHIGHLIGHTING), otherwise the built-in MarkdownHighlighter. The result
// is parented to `document` and highlights it until deleted.
QObject *attachMarkdownHighlighter(QTextDocument *document, bool dark);

// Whether attachMarkdownHighlighter() and highlightCodeHtml() use KSyntaxHighlighting.
bool hasKSyntaxHighlighting();

// Fenced code as HTML spans for the preview (usable as MarkdownOptions::highlightCode):
// KSyntaxHighlighting's definition for `language` (a fence info word such as "cpp", "yaml",
// "sh") when the build has it; otherwise, or for an unknown language, an empty string, which
// the renderer takes as "use the default" (monospace on a tinted background).
QString highlightCodeHtml(const QString &code, const QString &language, bool dark);

} // namespace Mainstay
