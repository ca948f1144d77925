// MarkdownRenderer: GFM extensions, GitHub references on the AST, raw HTML neutralised, remote
// images held back, and what QTextDocument makes of the output.

#include "markdownrenderer.h"
#include "emojishortcodes.h"

#include <gtest/gtest.h>

#include <QFontInfo>
#include <QFuture>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QtConcurrent/QtConcurrentRun>

using namespace Mainstay;

namespace {

MarkdownOptions repoOptions()
{
    MarkdownOptions options;
    options.repository = QStringLiteral("octo/mainstay");
    options.webUrl = QUrl(QStringLiteral("https://github.com/octo/mainstay"));
    return options;
}

QString html(const QString &markdown, const MarkdownOptions &options = repoOptions())
{
    return MarkdownRenderer::render(markdown, options).html;
}

QString plainText(const QString &markdown, const MarkdownOptions &options = repoOptions())
{
    QTextDocument doc;
    doc.setHtml(html(markdown, options));
    return doc.toPlainText();
}

// Every anchor in the document: (text, href).
QList<QPair<QString, QString>> anchors(const QString &markdown,
                                       const MarkdownOptions &options = repoOptions())
{
    QTextDocument doc;
    doc.setHtml(html(markdown, options));
    QList<QPair<QString, QString>> out;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (format.isAnchor() && !format.anchorHref().isEmpty()) {
                if (!out.isEmpty() && out.last().second == format.anchorHref() &&
                    fragment.position() > 0)
                    out.last().first += fragment.text();
                else
                    out.append({fragment.text(), format.anchorHref()});
            }
        }
    }
    return out;
}

using Anchor = QPair<QString, QString>;

} // namespace

TEST(MarkdownRenderer, IssueReferencesLinkToTheRepository)
{
    const auto links = anchors(QStringLiteral("Fixes #123 and see #7."));
    ASSERT_EQ(links.size(), 2);
    EXPECT_EQ(links[0], Anchor(QStringLiteral("#123"),
                               QStringLiteral("https://github.com/octo/mainstay/issues/123")));
    EXPECT_EQ(links[1], Anchor(QStringLiteral("#7"),
                               QStringLiteral("https://github.com/octo/mainstay/issues/7")));
}

TEST(MarkdownRenderer, NotEveryHashIsAReference)
{
    // Inside words, followed by letters, headings, HTML entities written as text, code.
    EXPECT_TRUE(anchors(QStringLiteral("abc#12 #12abc C# #x `#5`")).isEmpty());
    EXPECT_TRUE(anchors(QStringLiteral("```\n#5 @user deadbeef1\n```")).isEmpty());
}

TEST(MarkdownRenderer, CrossRepositoryReferences)
{
    const auto links = anchors(QStringLiteral("Same as other-org/some.repo#42."));
    ASSERT_EQ(links.size(), 1);
    EXPECT_EQ(links[0], Anchor(QStringLiteral("other-org/some.repo#42"),
                               QStringLiteral("https://github.com/other-org/some.repo/issues/42")));
}

TEST(MarkdownRenderer, EnterpriseHostsKeepTheirHost)
{
    MarkdownOptions options;
    options.webUrl = QUrl(QStringLiteral("https://git.example.com/team/tool"));
    const auto links = anchors(QStringLiteral("@alice see team/lib#3"), options);
    ASSERT_EQ(links.size(), 2);
    EXPECT_EQ(links[0].second, QStringLiteral("https://git.example.com/alice"));
    EXPECT_EQ(links[1].second, QStringLiteral("https://git.example.com/team/lib/issues/3"));
}

TEST(MarkdownRenderer, MentionsLinkToProfilesButEmailsStayEmails)
{
    const auto links =
        anchors(QStringLiteral("Thanks @octo-cat and @org/core-team! Mail a.b@example.com"));
    ASSERT_EQ(links.size(), 3);
    EXPECT_EQ(links[0],
              Anchor(QStringLiteral("@octo-cat"), QStringLiteral("https://github.com/octo-cat")));
    EXPECT_EQ(links[1], Anchor(QStringLiteral("@org/core-team"),
                               QStringLiteral("https://github.com/orgs/org/teams/core-team")));
    EXPECT_EQ(links[2].second, QStringLiteral("mailto:a.b@example.com"));
}

TEST(MarkdownRenderer, CommitShasAreShortenedLinks)
{
    const QString sha = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
    const auto links = anchors(
        QStringLiteral("Fixed in %1 and 0badc0de; not in deadbeef, 1234567, abc123z.").arg(sha));
    ASSERT_EQ(links.size(), 2);
    EXPECT_EQ(links[0], Anchor(QStringLiteral("a1b2c3d"),
                               QStringLiteral("https://github.com/octo/mainstay/commit/") + sha));
    // The full SHA shows as the link's tooltip.
    EXPECT_TRUE(html(sha).contains(QStringLiteral("title=\"%1\"").arg(sha)));
    EXPECT_EQ(links[1], Anchor(QStringLiteral("0badc0d"),
                               QStringLiteral("https://github.com/octo/mainstay/commit/0badc0de")));
}

TEST(MarkdownRenderer, NoWebUrlNoReferenceLinks)
{
    EXPECT_TRUE(anchors(QStringLiteral("#1 @bob 0badc0de a/b#2"), MarkdownOptions()).isEmpty());
    EXPECT_EQ(plainText(QStringLiteral("#1 @bob :tada:"), MarkdownOptions()),
              QStringLiteral("#1 @bob 🎉"));
}

TEST(MarkdownRenderer, ReferencesInsideLinksAreLeftAlone)
{
    const auto links = anchors(QStringLiteral("[see #12 by @bob](https://example.com/x)"));
    ASSERT_EQ(links.size(), 1);
    EXPECT_EQ(links[0],
              Anchor(QStringLiteral("see #12 by @bob"), QStringLiteral("https://example.com/x")));
}

TEST(MarkdownRenderer, EmojiShortcodes)
{
    EXPECT_EQ(plainText(QStringLiteral(":tada: :rocket: :bug: :sparkles: :memo: :wrench: "
                                       ":warning: :+1: :nope: 10:30:00")),
              QStringLiteral("🎉 🚀 🐛 ✨ 📝 🔧 ⚠️ 👍 :nope: 10:30:00"));
    EXPECT_EQ(plainText(QStringLiteral("`:tada:`")), QStringLiteral(":tada:"));
    EXPECT_GE(EmojiShortcodes::count(), 300);
}

TEST(MarkdownRenderer, RawHtmlIsShownAsText)
{
    const QString out = html(QStringLiteral(
        "<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> <b>bold</b>\n\n"
        "<div>\n<iframe src=\"https://evil.example\"></iframe>\n</div>"));
    EXPECT_FALSE(out.contains(QStringLiteral("<script")));
    EXPECT_FALSE(out.contains(QStringLiteral("<img")));
    EXPECT_FALSE(out.contains(QStringLiteral("<b>")));
    EXPECT_FALSE(out.contains(QStringLiteral("<iframe")));
    EXPECT_FALSE(out.contains(QStringLiteral("<div")));
    const QString text = plainText(QStringLiteral("Hello <b>bold</b>"));
    EXPECT_EQ(text, QStringLiteral("Hello <b>bold</b>"));
}

TEST(MarkdownRenderer, DangerousLinkSchemesAreDropped)
{
    const auto links = anchors(QStringLiteral("[a](javascript:alert(1)) [b](file:///etc/passwd) "
                                              "[c](data:text/html,x) [d](https://ok.example/)"));
    ASSERT_EQ(links.size(), 1);
    EXPECT_EQ(links[0].second, QStringLiteral("https://ok.example/"));
    EXPECT_EQ(plainText(QStringLiteral("[a](javascript:alert(1))")), QStringLiteral("a"));
}

TEST(MarkdownRenderer, RelativeLinksResolveAgainstTheRepository)
{
    const auto links = anchors(QStringLiteral("[docs](docs/README.md) [top](#usage) "
                                              "[up](../wiki) [root](/octo/other) "
                                              "![pic](img/a.png)"));
    ASSERT_EQ(links.size(), 5);
    EXPECT_EQ(links[0].second,
              QStringLiteral("https://github.com/octo/mainstay/blob/HEAD/docs/README.md"));
    EXPECT_EQ(links[1].second, QStringLiteral("#usage"));
    EXPECT_EQ(links[2].second, QStringLiteral("https://github.com/octo/mainstay/blob/wiki"));
    EXPECT_EQ(links[3].second, QStringLiteral("https://github.com/octo/other"));
    // A held-back image links to the raw file.
    EXPECT_EQ(links[4].second,
              QStringLiteral("https://github.com/octo/mainstay/raw/HEAD/img/a.png"));
    // Without a repository there is nothing to resolve against: text only.
    EXPECT_TRUE(anchors(QStringLiteral("[docs](docs/README.md)"), MarkdownOptions()).isEmpty());
}

TEST(MarkdownRenderer, RemoteImagesAreHeldBack)
{
    const MarkdownResult result = MarkdownRenderer::render(
        QStringLiteral("![screenshot](https://img.example/a.png) ![](http://img.example/b.gif)\n"
                       "![again](https://img.example/a.png)"),
        repoOptions());
    EXPECT_FALSE(result.html.contains(QStringLiteral("<img")));
    EXPECT_EQ(result.remoteImages, QStringList({QStringLiteral("https://img.example/a.png"),
                                                QStringLiteral("http://img.example/b.gif")}));
    QTextDocument doc;
    doc.setHtml(result.html);
    EXPECT_EQ(doc.toPlainText(), QStringLiteral("[image: screenshot] [image]\n[image: again]"));
    const auto links = anchors(QStringLiteral("![screenshot](https://img.example/a.png)"));
    ASSERT_EQ(links.size(), 1);
    EXPECT_EQ(links[0].second, QStringLiteral("https://img.example/a.png"));
}

TEST(MarkdownRenderer, AllowedRemoteImagesBecomeImages)
{
    MarkdownOptions options = repoOptions();
    options.allowRemoteImages = true;
    const MarkdownResult result =
        MarkdownRenderer::render(QStringLiteral("![shot](https://img.example/a.png)"), options);
    EXPECT_TRUE(result.remoteImages.isEmpty());
    EXPECT_TRUE(result.html.contains(QStringLiteral("<img src=\"https://img.example/a.png\"")));
}

TEST(MarkdownRenderer, LocalImagesAreNeverLoaded)
{
    const MarkdownResult result = MarkdownRenderer::render(
        QStringLiteral("![secret](file:///etc/passwd) ![d](data:image/png;base64,AAAA)"),
        repoOptions());
    EXPECT_FALSE(result.html.contains(QStringLiteral("<img")));
    EXPECT_FALSE(result.html.contains(QStringLiteral("file:")));
    EXPECT_TRUE(result.remoteImages.isEmpty());
}

TEST(MarkdownRenderer, TaskListsBecomeBoxes)
{
    EXPECT_EQ(plainText(QStringLiteral("- [ ] write tests\n- [x] ship it\n")),
              QStringLiteral("☐ write tests\n☑ ship it"));
    EXPECT_EQ(plainText(QStringLiteral("- [ ] loose\n\n- [X] list\n")),
              QStringLiteral("☐ loose\n☑ list"));
}

TEST(MarkdownRenderer, OrderedListsKeepTheirStartNumber)
{
    // QTextDocument numbers every <ol> from 1: a list that starts at 3 is numbered by hand.
    EXPECT_EQ(plainText(QStringLiteral("3. third\n4. fourth\n")),
              QStringLiteral("3. third\n4. fourth"));
    EXPECT_EQ(plainText(QStringLiteral("7) seven\n   - nested\n8) eight\n   1. one\n")),
              QStringLiteral("7. seven\nnested\n8. eight\none"));
    // Starting at 1, the document's own numbering (with its hanging indent).
    QTextDocument doc;
    doc.setHtml(html(QStringLiteral("1. one\n2. two\n")));
    ASSERT_NE(doc.begin().textList(), nullptr);
    EXPECT_EQ(doc.begin().textList()->itemText(doc.begin()), QStringLiteral("1."));
    EXPECT_EQ(doc.toPlainText(), QStringLiteral("one\ntwo"));
    // A task in a list that starts at 2: number, then box.
    EXPECT_EQ(plainText(QStringLiteral("2. [x] done\n")), QStringLiteral("2. ☑ done"));
}

TEST(MarkdownRenderer, TablesBecomeTextTables)
{
    QTextDocument doc;
    doc.setHtml(html(QStringLiteral("| Name | Size |\n|:-----|-----:|\n| a | 1 |\n| b | 22 |\n")));
    QTextTable *table = nullptr;
    for (QTextFrame *frame : doc.rootFrame()->childFrames())
        if ((table = qobject_cast<QTextTable *>(frame)))
            break;
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rows(), 3);
    EXPECT_EQ(table->columns(), 2);
    auto cellText = [&](int r, int c) {
        const QTextTableCell cell = table->cellAt(r, c);
        return cell.firstCursorPosition().block().text();
    };
    EXPECT_EQ(cellText(0, 0), QStringLiteral("Name"));
    EXPECT_EQ(cellText(2, 1), QStringLiteral("22"));
    EXPECT_EQ(table->cellAt(2, 1).firstCursorPosition().blockFormat().alignment() &
                  (Qt::AlignLeft | Qt::AlignRight | Qt::AlignHCenter),
              Qt::AlignRight);
    EXPECT_GT(table->format().border(), 0);
    EXPECT_GT(table->format().cellPadding(), 0);
}

TEST(MarkdownRenderer, StrikethroughAndAutolinks)
{
    QTextDocument doc;
    doc.setHtml(html(QStringLiteral("~~gone~~ www.example.com https://example.org/x")));
    const QTextBlock block = doc.begin();
    bool struck = false;
    for (auto it = block.begin(); !it.atEnd(); ++it)
        if (it.fragment().text() == QStringLiteral("gone"))
            struck = it.fragment().charFormat().fontStrikeOut();
    EXPECT_TRUE(struck);
    const auto links = anchors(QStringLiteral("www.example.com https://example.org/x"));
    ASSERT_EQ(links.size(), 2);
    EXPECT_EQ(links[0].second, QStringLiteral("http://www.example.com"));
    EXPECT_EQ(links[1].second, QStringLiteral("https://example.org/x"));
}

TEST(MarkdownRenderer, CodeIsMonospaceAndEscaped)
{
    QTextDocument doc;
    doc.setHtml(html(QStringLiteral("```cpp\nint a = b < c && d;\n```\n")));
    EXPECT_EQ(doc.toPlainText().trimmed(), QStringLiteral("int a = b < c && d;"));
    QTextBlock block = doc.begin();
    while (block.isValid() && block.text().isEmpty())
        block = block.next();
    ASSERT_TRUE(block.isValid());
    EXPECT_TRUE(QFontInfo(block.begin().fragment().charFormat().font()).fixedPitch())
        << block.begin().fragment().charFormat().font().toString().toStdString();
}

TEST(MarkdownRenderer, HighlightCallbackReplacesTheDefault)
{
    MarkdownOptions options = repoOptions();
    QString seenCode, seenLanguage;
    options.highlightCode = [&](const QString &code, const QString &language) {
        seenCode = code;
        seenLanguage = language;
        return language == QLatin1String("yaml")
                   ? QStringLiteral("<span style=\"color:#cf222e;\">key</span>: 1")
                   : QString();
    };
    const QString out = html(QStringLiteral("```yaml title=x\nkey: 1\n```\n"), options);
    EXPECT_EQ(seenCode, QStringLiteral("key: 1"));
    EXPECT_EQ(seenLanguage, QStringLiteral("yaml"));
    EXPECT_TRUE(out.contains(QStringLiteral("<span style=\"color:#cf222e;\">key</span>: 1")));
    const QString fallback = html(QStringLiteral("```sh\nls <dir>\n```\n"), options);
    EXPECT_TRUE(fallback.contains(QStringLiteral("ls &lt;dir&gt;")));
}

TEST(MarkdownRenderer, DarkPaletteChangesColoursOnly)
{
    MarkdownOptions dark = repoOptions();
    dark.dark = true;
    const QString md = QStringLiteral("> quote\n\n`x`\n\n```\ny\n```\n");
    EXPECT_NE(html(md), html(md, dark));
    QTextDocument a, b;
    a.setHtml(html(md));
    b.setHtml(html(md, dark));
    EXPECT_EQ(a.toPlainText(), b.toPlainText());
}

TEST(MarkdownRenderer, HeadingsAreLargerThanText)
{
    QTextDocument doc;
    doc.setHtml(html(QStringLiteral("# One\n\n## Two\n\ntext")));
    const QTextBlock h1 = doc.begin();
    const QTextBlock h2 = h1.next();
    const QTextBlock text = h2.next();
    const qreal s1 = QFontInfo(h1.begin().fragment().charFormat().font()).pointSizeF();
    const qreal s2 = QFontInfo(h2.begin().fragment().charFormat().font()).pointSizeF();
    const qreal s3 = QFontInfo(text.begin().fragment().charFormat().font()).pointSizeF();
    EXPECT_GT(s1, s2);
    EXPECT_GT(s2, s3);
}

TEST(MarkdownRenderer, SurvivesHostileInput)
{
    // Deep nesting, unterminated constructs, NUL and invalid UTF-16.
    QString deep = QString(5000, QLatin1Char('>')) + QStringLiteral(" x\n");
    deep += QString(3000, QLatin1Char('[')) + QString(3000, QLatin1Char('*'));
    deep += QChar(0) + QStringLiteral("| a |\n|---|\n") + QChar(0xD800);
    const MarkdownResult result = MarkdownRenderer::render(deep, repoOptions());
    EXPECT_FALSE(result.html.isEmpty());
    EXPECT_TRUE(MarkdownRenderer::render(QString()).html.isEmpty());
}

TEST(MarkdownRenderer, NewlinesBreakLinesAsInGitHubComments)
{
    EXPECT_EQ(plainText(QStringLiteral("first\nsecond")), QStringLiteral("first\nsecond"));
    MarkdownOptions joined = repoOptions();
    joined.hardLineBreaks = false;
    EXPECT_EQ(plainText(QStringLiteral("first\nsecond"), joined), QStringLiteral("first second"));
}

TEST(MarkdownRenderer, AlertsGetATitleInsteadOfTheMarker)
{
    const QString text = plainText(QStringLiteral("> [!WARNING]\n> Mind the gap.\n"));
    EXPECT_FALSE(text.contains(QStringLiteral("[!WARNING]")));
    EXPECT_TRUE(text.contains(QStringLiteral("Warning")));
    EXPECT_TRUE(text.contains(QStringLiteral("Mind the gap.")));
    EXPECT_TRUE(html(QStringLiteral("> [!WARNING]\n> x\n")).contains(QStringLiteral("#9a6700")));
    // Not an alert: text after the marker, or an unknown kind.
    EXPECT_TRUE(
        plainText(QStringLiteral("> [!NOTE] inline\n")).contains(QStringLiteral("[!NOTE]")));
    EXPECT_TRUE(plainText(QStringLiteral("> [!FOO]\n> x\n")).contains(QStringLiteral("[!FOO]")));
}

TEST(MarkdownRenderer, HeadingsCarryGitHubAnchors)
{
    QTextDocument doc;
    doc.setHtml(
        html(QStringLiteral("## Usage & Setup!\n\n## Usage & Setup!\n\n# `mainstay sync`\n\n"
                            "## [Docs](https://example.com) here")));
    QStringList names;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            names += it.fragment().charFormat().anchorNames();
    names.removeDuplicates();
    EXPECT_EQ(names, QStringList({QStringLiteral("usage--setup"), QStringLiteral("usage--setup-1"),
                                  QStringLiteral("mainstay-sync"), QStringLiteral("docs-here")}));
    // A heading that starts with a link keeps the link working.
    const auto links = anchors(QStringLiteral("## [Docs](https://example.com) here"));
    ASSERT_EQ(links.size(), 1);
    EXPECT_EQ(links[0], Anchor(QStringLiteral("Docs"), QStringLiteral("https://example.com")));
}

TEST(MarkdownRenderer, EmojiInLinkTextButNoLinksInLinks)
{
    const auto links = anchors(QStringLiteral("[:tada: #5 done](https://example.com)"));
    ASSERT_EQ(links.size(), 1);
    EXPECT_EQ(links[0], Anchor(QStringLiteral("🎉 #5 done"), QStringLiteral("https://example.com")));
}

TEST(MarkdownRenderer, RendersTheSameOnSeveralThreads)
{
    const QString markdown =
        QStringLiteral("# T :tada:\n\n- [x] #1 @bob 0badc0de\n\n| a |\n|---|\n| b |\n");
    const QString expected = html(markdown);
    QList<QFuture<QString>> futures;
    for (int i = 0; i < 8; ++i)
        futures.append(QtConcurrent::run([markdown] { return html(markdown); }));
    for (auto &future : futures)
        EXPECT_EQ(future.result(), expected);
}

TEST(MarkdownRenderer, AHeadingAnchorNeverSplitsALeadingEmoji)
{
    QTextDocument doc;
    doc.setHtml(html(QStringLiteral("## :rocket: Features")));
    const QTextBlock block = doc.begin();
    QStringList names;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QString text = it.fragment().text();
        // Every fragment holds whole characters: no lone surrogate at either end.
        EXPECT_FALSE(text.front().isHighSurrogate() && text.size() == 1) << text.toStdString();
        EXPECT_FALSE(text.back().isHighSurrogate());
        EXPECT_FALSE(text.front().isLowSurrogate());
        names += it.fragment().charFormat().anchorNames();
    }
    EXPECT_EQ(names, QStringList(QStringLiteral("-features")));
    EXPECT_EQ(block.text(), QStringLiteral("🚀 Features"));
}
