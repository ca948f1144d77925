// The built-in Markdown highlighter of the notes editor: the formats QTextLayout holds for each
// block after highlighting, multi-line fences and comments through block states, and the
// factory that picks it when KSyntaxHighlighting is not in the build.

#include "markdownhighlighter.h"

#include <gtest/gtest.h>

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Mainstay;
using Role = MarkdownHighlighter::Role;

namespace {

class HighlighterTest : public ::testing::Test
{
protected:
    void highlight(const QString &text, bool dark = false)
    {
        // An editor's document has a layout; without one QTextDocument sends no
        // contentsChange() and the highlighter would not follow edits.
        m_doc.documentLayout();
        m_doc.setPlainText(text);
        m_highlighter = new MarkdownHighlighter(&m_doc, dark);
        // The first pass is queued, as it is in the editor.
        QCoreApplication::processEvents();
    }

    QTextBlock block(int number) const { return m_doc.findBlockByNumber(number); }

    // The format at `pos` of block `number`, as the layout holds it.
    QTextCharFormat at(int number, int pos) const
    {
        const QTextBlock b = block(number);
        for (const QTextLayout::FormatRange &range : b.layout()->formats())
            if (pos >= range.start && pos < range.start + range.length)
                return range.format;
        return {};
    }

    // Position of `needle` in block `number`.
    int pos(int number, const QString &needle) const
    {
        const int p = int(block(number).text().indexOf(needle));
        EXPECT_GE(p, 0) << needle.toStdString() << " not in block " << number;
        return p;
    }

    QColor colour(Role role) const { return m_highlighter->format(role).foreground().color(); }
    QColor colourAt(int number, int p) const { return at(number, p).foreground().color(); }

    QTextDocument m_doc;
    MarkdownHighlighter *m_highlighter = nullptr;
};

} // namespace

TEST_F(HighlighterTest, HeadingsEmphasisAndStrong)
{
    highlight(QStringLiteral("## Features\nSome *soft* and **loud** and ~~old~~ text.\n#hashtag"));
    EXPECT_EQ(colourAt(0, 0), colour(Role::Heading));
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("Features"))), colour(Role::Heading));
    EXPECT_EQ(at(0, 3).fontWeight(), QFont::Bold);

    EXPECT_TRUE(at(1, pos(1, QStringLiteral("soft"))).fontItalic());
    EXPECT_FALSE(at(1, pos(1, QStringLiteral("Some"))).fontItalic());
    EXPECT_EQ(at(1, pos(1, QStringLiteral("loud"))).fontWeight(), QFont::Bold);
    EXPECT_FALSE(at(1, pos(1, QStringLiteral("loud"))).fontItalic());
    EXPECT_TRUE(at(1, pos(1, QStringLiteral("old"))).fontStrikeOut());
    // "#hashtag" is no heading (no space after the hashes).
    EXPECT_NE(colourAt(2, 1), colour(Role::Heading));
}

TEST_F(HighlighterTest, InlineCodeWinsOverEmphasis)
{
    highlight(QStringLiteral("Run `make *all*` then ``a ` b`` and `unclosed"));
    const int code = pos(0, QStringLiteral("make"));
    EXPECT_EQ(colourAt(0, code), colour(Role::Code));
    EXPECT_FALSE(at(0, pos(0, QStringLiteral("all"))).fontItalic());
    EXPECT_TRUE(at(0, code).fontFixedPitch());
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("a ` b"))), colour(Role::Code));
    EXPECT_NE(colourAt(0, pos(0, QStringLiteral("unclosed"))), colour(Role::Code));
}

TEST_F(HighlighterTest, FencedCodeSpansBlocksUntilTheMatchingFence)
{
    highlight(
        QStringLiteral("Before\n```cpp\nint *a = **b**;\n~~~\n# not a heading\n```\nAfter *x*"));
    EXPECT_EQ(block(1).userState() & MarkdownHighlighter::kFenceState,
              MarkdownHighlighter::kFenceState);
    EXPECT_EQ(colourAt(1, 0), colour(Role::CodeFence));
    for (int b : {2, 3, 4}) {
        EXPECT_EQ(colourAt(b, 0), colour(Role::Code)) << "block " << b;
        EXPECT_GE(block(b).userState(), MarkdownHighlighter::kFenceState) << "block " << b;
    }
    EXPECT_NE(at(2, pos(2, QStringLiteral("b**"))).fontWeight(), QFont::Bold);
    EXPECT_EQ(colourAt(5, 0), colour(Role::CodeFence));
    EXPECT_EQ(block(5).userState(), 0);
    EXPECT_TRUE(at(6, pos(6, QStringLiteral("x"))).fontItalic());
}

TEST_F(HighlighterTest, EditingReopensAndClosesTheFence)
{
    highlight(QStringLiteral("text\ncode?\nmore"));
    EXPECT_NE(colourAt(1, 0), colour(Role::Code));
    QTextCursor cursor(block(0));
    cursor.insertText(QStringLiteral("```\n"));

    // Typing the fence re-highlights the blocks after it.
    EXPECT_EQ(colourAt(2, 0), colour(Role::Code));
    EXPECT_EQ(colourAt(3, 0), colour(Role::Code));
}

TEST_F(HighlighterTest, LinksReferencesAndAutolinks)
{
    highlight(QStringLiteral("See [the docs](https://example.com/x) for #12, @alice and "
                             "https://github.com/o/r.\n[ref]: https://example.com"));
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("the docs"))), colour(Role::Link));
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("example.com/x"))), colour(Role::Url));
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("#12"))), colour(Role::Link));
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("@alice"))), colour(Role::Link));
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("github.com"))), colour(Role::Link));
    EXPECT_NE(colourAt(0, pos(0, QStringLiteral("for"))), colour(Role::Link));
    EXPECT_EQ(colourAt(1, 0), colour(Role::Link));
    EXPECT_EQ(colourAt(1, pos(1, QStringLiteral("https"))), colour(Role::Url));
}

TEST_F(HighlighterTest, ListsTasksAndQuotes)
{
    highlight(QStringLiteral("- [x] done\n  12. second\n> quoted *text*\nplain - not a list"));
    EXPECT_EQ(colourAt(0, 0), colour(Role::ListMarker));
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("[x]"))), colour(Role::ListMarker));
    EXPECT_NE(colourAt(0, pos(0, QStringLiteral("done"))), colour(Role::ListMarker));
    EXPECT_EQ(colourAt(1, pos(1, QStringLiteral("12."))), colour(Role::ListMarker));
    EXPECT_EQ(colourAt(2, 0), colour(Role::ListMarker));
    EXPECT_EQ(colourAt(2, pos(2, QStringLiteral("quoted"))), colour(Role::Quote));
    EXPECT_TRUE(at(2, pos(2, QStringLiteral("text"))).fontItalic());
    EXPECT_EQ(colourAt(2, pos(2, QStringLiteral("text"))), colour(Role::Quote));
    EXPECT_NE(colourAt(3, pos(3, QStringLiteral("-"))), colour(Role::ListMarker));
}

TEST_F(HighlighterTest, HtmlCommentsSpanLines)
{
    highlight(QStringLiteral("Intro <!-- hidden\nstill hidden **x**\nend --> shown <b>tag</b>"));
    EXPECT_NE(colourAt(0, 0), colour(Role::Comment));
    EXPECT_EQ(colourAt(0, pos(0, QStringLiteral("<!--"))), colour(Role::Comment));
    EXPECT_EQ(block(0).userState(), MarkdownHighlighter::kCommentState);
    EXPECT_EQ(colourAt(1, 0), colour(Role::Comment));
    EXPECT_NE(at(1, pos(1, QStringLiteral("x"))).fontWeight(), QFont::Bold);
    EXPECT_EQ(colourAt(2, 0), colour(Role::Comment));
    EXPECT_NE(colourAt(2, pos(2, QStringLiteral("shown"))), colour(Role::Comment));
    EXPECT_EQ(colourAt(2, pos(2, QStringLiteral("<b>"))), colour(Role::HtmlTag));
    EXPECT_EQ(block(2).userState(), 0);
}

TEST_F(HighlighterTest, RulesAndTables)
{
    highlight(QStringLiteral("---\n| a | b |\n|---|:-:|\n| 1 | 2 |"));
    EXPECT_EQ(colourAt(0, 0), colour(Role::Rule));
    EXPECT_EQ(colourAt(1, 0), colour(Role::Rule));
    EXPECT_NE(colourAt(1, pos(1, QStringLiteral("a"))), colour(Role::Rule));
    EXPECT_EQ(colourAt(2, 1), colour(Role::Rule));
}

TEST_F(HighlighterTest, DarkColoursDifferAndSwitch)
{
    highlight(QStringLiteral("# Title"), false);
    const QColor light = colourAt(0, 0);
    m_highlighter->setDark(true);
    EXPECT_TRUE(m_highlighter->isDark());
    EXPECT_NE(colourAt(0, 0), light);
    EXPECT_EQ(colourAt(0, 0), colour(Role::Heading));
    // Readable on the dark editor background (#0d1117): a light colour.
    EXPECT_GT(colourAt(0, 0).lightness(), 128);
}

TEST(MarkdownHighlighterFactory, AttachesToTheDocument)
{
    QTextDocument doc;
    doc.setPlainText(QStringLiteral("# Title\n\n```\ncode\n```"));
    QObject *highlighter = attachMarkdownHighlighter(&doc, false);
    ASSERT_NE(highlighter, nullptr);
    QCoreApplication::processEvents();
    EXPECT_EQ(highlighter->parent(), &doc);
    EXPECT_FALSE(doc.firstBlock().layout()->formats().isEmpty());
    if (!hasKSyntaxHighlighting()) {
        EXPECT_NE(qobject_cast<MarkdownHighlighter *>(highlighter), nullptr);
        EXPECT_TRUE(
            highlightCodeHtml(QStringLiteral("int a;"), QStringLiteral("cpp"), false).isEmpty());
    } else {
        const QString html =
            highlightCodeHtml(QStringLiteral("int a = 1 < 2;"), QStringLiteral("cpp"), false);
        EXPECT_TRUE(html.contains(QStringLiteral("<span"))) << html.toStdString();
        EXPECT_TRUE(html.contains(QStringLiteral("&lt;")));
        EXPECT_TRUE(
            highlightCodeHtml(QStringLiteral("x"), QStringLiteral("no-such-language"), false)
                .isEmpty());
    }
}
