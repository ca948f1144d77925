// The release-notes preview (views/notespreview) paints segments laid out one by one: stacked
// with their margins collapsed they must take the room one whole document would, read as the same
// text, and behave as a reader expects (links, anchors, selection and copy, keyboard scrolling).
#include "notespreview.h"
#include "markdownpreviewpipeline.h"
#include "markdownrenderer.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Mainstay;

namespace {

// Every kind of block release notes have, and a long list that is cut into several segments.
QString richNotes()
{
    QStringList lines{QStringLiteral("## Summary"),
                      QString(),
                      QStringLiteral("This release adds **streaming**. See [usage](#usage)."),
                      QString(),
                      QStringLiteral("## 🚀 Features"),
                      QString()};
    for (int i = 0; i < 21; ++i)
        lines << QStringLiteral("* feat(area): item %1 (#%1) by @someone").arg(100 + i);
    lines << QString() << QStringLiteral("| Setting | Before | After |")
          << QStringLiteral("|---|---|---|") << QStringLiteral("| `timeout` | 3 s | 10 s |")
          << QString() << QStringLiteral("```python") << QStringLiteral("print('hello')")
          << QStringLiteral("```") << QString() << QStringLiteral("> [!NOTE]")
          << QStringLiteral("> Read the upgrade guide.") << QString()
          << QStringLiteral("- [x] migrated") << QStringLiteral("- [ ] follow-up") << QString()
          << QStringLiteral("1. first") << QStringLiteral("2. second") << QString()
          << QStringLiteral("## Usage") << QString()
          << QStringLiteral("Closing words with https://example.org/docs.");
    return lines.join(QLatin1Char('\n'));
}

MarkdownOptions options()
{
    MarkdownOptions o;
    o.repository = QStringLiteral("acme/widgets");
    o.webUrl = QUrl(QStringLiteral("https://github.com/acme/widgets"));
    return o;
}

struct Shown
{
    std::unique_ptr<NotesPreview> preview;
    MarkdownResult result;
};

Shown show(const QString &markdown, int width = 600)
{
    Shown shown;
    shown.preview = std::make_unique<NotesPreview>();
    shown.preview->resize(width, 400);
    shown.preview->setOpensLinksExternally(false);
    shown.preview->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // as the notes page has it
    shown.preview->show();
    MarkdownOptions o = options();
    o.segments = true;
    shown.result = MarkdownRenderer::render(markdown, o);
    const auto layout = shown.preview->layoutForPipeline();
    QList<MarkdownSegment> segments;
    for (const QString &html : std::as_const(shown.result.segments))
        segments.append(MarkdownPreviewPipeline::layOut(html, layout));
    shown.preview->setSegments(segments, shown.result.html);
    return shown;
}

// Where the text `needle` is, in the preview's viewport (its line's middle).
QPoint pointOf(NotesPreview &preview, const QString &needle)
{
    for (int y = 0; y < preview.viewport()->height(); y += 3) {
        for (int x = 0; x < preview.viewport()->width(); x += 4) {
            const QString href = preview.anchorAt(QPoint(x, y));
            if (href.contains(needle))
                return QPoint(x, y);
        }
    }
    return QPoint(-1, -1);
}

} // namespace

TEST(NotesPreviewTest, SegmentsStackToTheHeightAndTextOfOneDocument)
{
    Shown shown = show(richNotes());
    ASSERT_GT(shown.result.segments.size(), 8);

    // The same HTML as one document, at the same width and font.
    QTextDocument whole;
    whole.setDocumentMargin(0);
    whole.setDefaultFont(shown.preview->font());
    whole.setHtml(MarkdownRenderer::render(richNotes(), options()).html);
    whole.setTextWidth(shown.preview->layoutForPipeline().textWidth);
    const int expected = int(std::ceil(whole.size().height())) + 2 * NotesPreview::Margin;
    // Margins collapse as between the blocks of one document: within a pixel or two per
    // segment boundary at most (rounding), not a paragraph's margin more.
    EXPECT_NEAR(shown.preview->contentHeight(), expected, 6);

    QString text = shown.preview->toPlainText();
    QString reference = whole.toPlainText();
    text.remove(QLatin1Char('\n'));
    reference.remove(QLatin1Char('\n'));
    EXPECT_EQ(text, reference);
}

TEST(NotesPreviewTest, ALongBulletListReadsAsOneList)
{
    Shown shown = show(richNotes());
    // The 21 items are in three segments, and every one of them is there, in order.
    const QString text = shown.preview->toPlainText();
    qsizetype at = 0;
    for (int i = 0; i < 21; ++i) {
        const qsizetype next = text.indexOf(QStringLiteral("item %1").arg(100 + i), at);
        ASSERT_GE(next, at) << i;
        at = next;
    }
    int lists = 0;
    for (const QString &segment : std::as_const(shown.result.segments))
        lists += segment.contains(QStringLiteral("item 1"));
    EXPECT_EQ(lists,
              (21 + MarkdownResult::SegmentListItems - 1) / MarkdownResult::SegmentListItems);
}

TEST(NotesPreviewTest, LinksAreActivatedAndAnchorsScroll)
{
    Shown shown = show(richNotes(), 700);
    NotesPreview &preview = *shown.preview;
    QSignalSpy links(&preview, &NotesPreview::linkActivated);

    const QPoint issue = pointOf(preview, QStringLiteral("/issues/100"));
    ASSERT_NE(issue, QPoint(-1, -1));
    QTest::mouseClick(preview.viewport(), Qt::LeftButton, {}, issue);
    ASSERT_EQ(links.count(), 1);
    EXPECT_EQ(links.at(0).at(0).toUrl(),
              QUrl(QStringLiteral("https://github.com/acme/widgets/issues/100")));

    // An in-page link scrolls to its heading instead of leaving the preview.
    const QPoint usage = pointOf(preview, QStringLiteral("#usage"));
    ASSERT_NE(usage, QPoint(-1, -1));
    EXPECT_EQ(preview.verticalScrollBar()->value(), 0);
    QTest::mouseClick(preview.viewport(), Qt::LeftButton, {}, usage);
    EXPECT_EQ(links.count(), 1);
    EXPECT_GT(preview.verticalScrollBar()->value(), 0);
    EXPECT_FALSE(preview.scrollToAnchor(QStringLiteral("no-such-heading")));
}

TEST(NotesPreviewTest, SelectingAcrossSegmentsCopiesTheTextBetween)
{
    Shown shown = show(richNotes(), 700);
    NotesPreview &preview = *shown.preview;
    const QPoint start = pointOf(preview, QStringLiteral("/issues/100"));
    const QPoint end = pointOf(preview, QStringLiteral("/issues/110"));
    ASSERT_NE(start, QPoint(-1, -1));
    ASSERT_NE(end, QPoint(-1, -1));
    QTest::mousePress(preview.viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(preview.viewport(), end);
    QMouseEvent move(QEvent::MouseMove, end, preview.viewport()->mapToGlobal(end), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(preview.viewport(), &move);
    QTest::mouseRelease(preview.viewport(), Qt::LeftButton, {}, end);
    ASSERT_TRUE(preview.hasSelection());
    const QString selected = preview.selectedText();
    // Items 101..109 lie between, across a segment boundary (8 items a segment).
    for (int i = 101; i < 110; ++i)
        EXPECT_TRUE(selected.contains(QStringLiteral("item %1").arg(i))) << i;
    EXPECT_FALSE(selected.contains(QStringLiteral("item 111")));

    QTest::keyClick(&preview, Qt::Key_C, Qt::ControlModifier);
    EXPECT_EQ(QGuiApplication::clipboard()->text(), selected);

    QTest::keyClick(&preview, Qt::Key_A, Qt::ControlModifier);
    QString all = preview.selectedText();
    QString text = preview.toPlainText();
    EXPECT_EQ(all.remove(QLatin1Char('\n')), text.remove(QLatin1Char('\n')));
}

TEST(NotesPreviewTest, TheKeyboardScrollsAndTheLayoutAsksForANewWidth)
{
    Shown shown = show(richNotes(), 500);
    NotesPreview &preview = *shown.preview;
    QScrollBar *bar = preview.verticalScrollBar();
    ASSERT_GT(bar->maximum(), 0);
    QTest::keyClick(&preview, Qt::Key_End);
    EXPECT_EQ(bar->value(), bar->maximum());
    QTest::keyClick(&preview, Qt::Key_Home);
    EXPECT_EQ(bar->value(), 0);
    QTest::keyClick(&preview, Qt::Key_PageDown);
    EXPECT_EQ(bar->value(), std::min(bar->maximum(), bar->pageStep()));

    QSignalSpy layoutChanged(&preview, &NotesPreview::layoutChanged);
    preview.resize(420, 400);
    EXPECT_GE(layoutChanged.count(), 1);
    EXPECT_EQ(preview.layoutForPipeline().textWidth,
              preview.viewport()->width() - 2 * NotesPreview::Margin);
    // The same height-only resize asks for nothing.
    layoutChanged.clear();
    shown.preview->setSegments({}, QString());
    preview.resize(420, 300);
    EXPECT_EQ(layoutChanged.count(), 0);
}

TEST(NotesPreviewTest, AShortTextLaysItselfOutAgainWhenTheWidthChanges)
{
    NotesPreview preview;
    preview.resize(500, 200);
    preview.show();
    QSignalSpy layoutChanged(&preview, &NotesPreview::layoutChanged);
    preview.setRenderedHtml(MarkdownRenderer::render(QStringLiteral("This is now released under "
                                                                    "[v1.2.0](https://x.test/r)!"))
                                .html);
    const int wide = preview.contentHeight();
    preview.resize(120, 200);
    // Narrower: the line wraps, here and now; nothing is asked of a pipeline.
    EXPECT_GT(preview.contentHeight(), wide);
    EXPECT_EQ(layoutChanged.count(), 0);
    EXPECT_TRUE(preview.toPlainText().contains(QStringLiteral("v1.2.0")));
}

TEST(NotesPreviewTest, LinksTakeThePreviewsPaletteAndAPaletteChangeLaysOutAgain)
{
    Shown shown = show(QStringLiteral("See #12."));
    NotesPreview &preview = *shown.preview;
    QSignalSpy layoutChanged(&preview, &NotesPreview::layoutChanged);
    QPalette dark = preview.palette();
    dark.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    preview.setPalette(dark);
    EXPECT_GE(layoutChanged.count(), 1);
    const auto layout = preview.layoutForPipeline();
    EXPECT_TRUE(layout.styleSheet.contains(QStringLiteral("#58a6ff")));
    const MarkdownSegment segment =
        MarkdownPreviewPipeline::layOut(shown.result.segments.at(0), layout);
    bool found = false;
    for (auto it = segment.document->begin().begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().isAnchor()) {
            found = true;
            EXPECT_EQ(it.fragment().charFormat().foreground().color(), QColor(0x58, 0xa6, 0xff));
        }
    }
    EXPECT_TRUE(found);
}
