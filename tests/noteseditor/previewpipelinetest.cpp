// The preview pipeline and the draft autosaver on their own: debounce on the manual scheduler,
// bursts collapsing into one render, a render in flight never queued twice.
#include "draftautosaver.h"
#include "manualscheduler.h"
#include "markdownpreviewpipeline.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QThread>

#include <memory>

using namespace Mainstay;

namespace {

bool waitIdle(MarkdownPreviewPipeline &pipeline)
{
    return QTest::qWaitFor([&] { return !pipeline.isRendering(); }, 10000);
}

} // namespace

TEST(PreviewPipelineTest, RendersOnlyAfterTheDebounce)
{
    ManualScheduler scheduler;
    MarkdownPreviewPipeline pipeline(&scheduler);
    QSignalSpy rendered(&pipeline, &MarkdownPreviewPipeline::rendered);
    pipeline.setText(QStringLiteral("# Title"));
    scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs - 1);
    EXPECT_EQ(pipeline.renderCount(), 0);
    scheduler.advance(1);
    EXPECT_EQ(pipeline.renderCount(), 1);
    ASSERT_TRUE(waitIdle(pipeline));
    ASSERT_EQ(rendered.count(), 1);
    const auto result = rendered.at(0).at(0).value<MarkdownResult>();
    EXPECT_TRUE(result.html.contains(QStringLiteral("Title")));
    EXPECT_FALSE(pipeline.isStale());
}

TEST(PreviewPipelineTest, ABurstOfKeystrokesRendersOnce)
{
    ManualScheduler scheduler;
    MarkdownPreviewPipeline pipeline(&scheduler);
    QSignalSpy rendered(&pipeline, &MarkdownPreviewPipeline::rendered);
    QString text;
    for (int i = 0; i < 40; ++i) {
        text += QLatin1Char('a' + i % 26);
        pipeline.setText(text);
        scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs -
                          5); // faster than the debounce
    }
    EXPECT_EQ(pipeline.renderCount(), 0);
    scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    ASSERT_TRUE(waitIdle(pipeline));
    EXPECT_EQ(pipeline.renderCount(), 1);
    ASSERT_EQ(rendered.count(), 1);
    EXPECT_TRUE(rendered.at(0).at(0).value<MarkdownResult>().html.contains(text));
}

TEST(PreviewPipelineTest, TextArrivingDuringARenderIsRenderedOnceAfterIt)
{
    ManualScheduler scheduler;
    MarkdownPreviewPipeline pipeline(&scheduler);
    QSignalSpy rendered(&pipeline, &MarkdownPreviewPipeline::rendered);
    pipeline.setText(QStringLiteral("first"));
    scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    // The render's completion is delivered through the event loop, which has not run: it is in
    // flight for as long as this test does not process events.
    ASSERT_TRUE(pipeline.isRendering());
    pipeline.setText(QStringLiteral("second"));
    scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    pipeline.setText(QStringLiteral("third"));
    scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    EXPECT_EQ(pipeline.renderCount(), 1); // not started while one is in flight
    ASSERT_TRUE(QTest::qWaitFor([&] { return rendered.count() == 2; }, 10000));
    ASSERT_TRUE(waitIdle(pipeline));
    EXPECT_EQ(pipeline.renderCount(), 2); // "second" was never rendered on its own
    EXPECT_TRUE(
        rendered.at(0).at(0).value<MarkdownResult>().html.contains(QStringLiteral("first")));
    EXPECT_TRUE(
        rendered.at(1).at(0).value<MarkdownResult>().html.contains(QStringLiteral("third")));
    EXPECT_FALSE(pipeline.isStale());
}

TEST(PreviewPipelineTest, RenderNowSkipsTheWaitAndTheLateWakeUpDoesNothing)
{
    ManualScheduler scheduler;
    MarkdownPreviewPipeline pipeline(&scheduler);
    pipeline.setText(QStringLiteral("now"));
    pipeline.renderNow();
    EXPECT_EQ(pipeline.renderCount(), 1);
    ASSERT_TRUE(waitIdle(pipeline));
    scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    EXPECT_EQ(pipeline.renderCount(), 1);
}

TEST(DraftAutosaverTest, SavesTheLatestTextOnceTheTypingRests)
{
    QTemporaryDir dir;
    WorkspaceStore store;
    ASSERT_TRUE(store.open(dir.path(), QStringLiteral("acme/widgets")).ok);
    ManualScheduler scheduler;
    DraftAutosaver saver(&store.userData(), &scheduler);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    saver.setKey(QStringLiteral("release-notes/new"));
    saver.textChanged(QStringLiteral("a"));
    scheduler.advance(100);
    saver.textChanged(QStringLiteral("ab"));
    scheduler.advance(DraftAutosaver::DefaultDelayMs - 1);
    EXPECT_TRUE(store.userData().draft(QStringLiteral("release-notes/new")).isNull());
    scheduler.advance(1);
    EXPECT_EQ(store.userData().draft(QStringLiteral("release-notes/new")), QStringLiteral("ab"));
    EXPECT_EQ(saved.count(), 1);
    // The same text again is not written again.
    saver.textChanged(QStringLiteral("ab"));
    scheduler.advance(DraftAutosaver::DefaultDelayMs);
    EXPECT_EQ(saved.count(), 1);
    // Switching keys writes what is pending under the old key first.
    saver.textChanged(QStringLiteral("abc"));
    saver.setKey(QStringLiteral("release-notes/7"));
    EXPECT_EQ(store.userData().draft(QStringLiteral("release-notes/new")), QStringLiteral("abc"));
    EXPECT_TRUE(store.userData().draft(QStringLiteral("release-notes/7")).isNull());
}

TEST(PreviewPipelineTest, LaysOutTheSegmentsOffTheGuiThread)
{
    ManualScheduler scheduler;
    MarkdownPreviewPipeline pipeline(&scheduler);
    MarkdownPreviewPipeline::DocumentLayout layout;
    layout.textWidth = 400;
    pipeline.setDocumentLayout(layout);
    QSignalSpy rendered(&pipeline, &MarkdownPreviewPipeline::rendered);
    pipeline.setText(QStringLiteral("# Heading\n\n- [x] done\n- [ ] open\n"));
    pipeline.renderNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rendered.count() == 1; }, 10000));
    const QList<MarkdownSegment> segments = pipeline.segments();
    ASSERT_EQ(segments.size(), 2); // the heading, the list
    for (const MarkdownSegment &segment : segments) {
        EXPECT_EQ(segment.document->thread(), QThread::currentThread());
        EXPECT_EQ(segment.document->textWidth(), 400);
        EXPECT_GT(segment.document->size().height(), 0);
    }
    EXPECT_TRUE(segments.at(0).document->toPlainText().contains(QStringLiteral("Heading")));
    EXPECT_TRUE(segments.at(1).document->toPlainText().contains(QStringLiteral("☑")));
    EXPECT_EQ(pipeline.lastLaidOutSegments(), 2);
}

TEST(PreviewPipelineTest, AnEditLaysOutOnlyTheSegmentsThatChanged)
{
    ManualScheduler scheduler;
    MarkdownPreviewPipeline pipeline(&scheduler);
    MarkdownPreviewPipeline::DocumentLayout layout;
    layout.textWidth = 500;
    pipeline.setDocumentLayout(layout);
    QSignalSpy rendered(&pipeline, &MarkdownPreviewPipeline::rendered);
    QStringList lines{QStringLiteral("## Summary"),   QString(),
                      QStringLiteral("First words."), QString(),
                      QStringLiteral("## Changes"),   QString()};
    for (int i = 0; i < 40; ++i)
        lines << QStringLiteral("* change %1 (#%1) @someone").arg(i);
    lines << QString() << QStringLiteral("Closing words.");
    pipeline.setText(lines.join(QLatin1Char('\n')));
    pipeline.renderNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rendered.count() == 1; }, 10000));
    // Summary, paragraph, heading, 40 items in lists of SegmentListItems, paragraph.
    constexpr int chunk = MarkdownResult::SegmentListItems;
    const int count = 3 + (40 + chunk - 1) / chunk + 1;
    const int changed = 3 + 20 / chunk; // the segment holding item 20
    const QList<MarkdownSegment> before = pipeline.segments();
    ASSERT_EQ(before.size(), count);
    EXPECT_EQ(pipeline.lastLaidOutSegments(), count);
    EXPECT_FALSE(before.at(3).html.contains(QStringLiteral("margin-top:0px")));
    EXPECT_TRUE(before.at(changed).html.contains(QStringLiteral("margin-top:0px")));

    // A keystroke in item 20 lays out its segment only; the rest is reused.
    lines[6 + 20] += QStringLiteral("x");
    pipeline.setText(lines.join(QLatin1Char('\n')));
    pipeline.renderNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rendered.count() == 2; }, 10000));
    const QList<MarkdownSegment> after = pipeline.segments();
    ASSERT_EQ(after.size(), count);
    EXPECT_EQ(pipeline.lastLaidOutSegments(), 1);
    for (int i = 0; i < count; ++i) {
        if (i == changed)
            EXPECT_NE(after.at(i).document, before.at(i).document);
        else
            EXPECT_EQ(after.at(i).document, before.at(i).document) << i;
    }
    EXPECT_TRUE(after.at(changed).document->toPlainText().contains(QStringLiteral("@someonex")));

    // A new width lays everything out again.
    layout.textWidth = 300;
    pipeline.setDocumentLayout(layout);
    pipeline.renderNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rendered.count() == 3; }, 10000));
    EXPECT_EQ(pipeline.lastLaidOutSegments(), count);
    EXPECT_EQ(pipeline.segments().at(0).document->textWidth(), 300);
}

TEST(PreviewPipelineTest, SegmentsNeverLoadFilesAndReportMissingImages)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("secret.png")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    QImage(4, 4, QImage::Format_ARGB32).save(&file, "PNG");
    file.close();
    MarkdownPreviewPipeline::DocumentLayout layout;
    layout.textWidth = 300;
    QList<QUrl> missing;
    const QString local = QUrl::fromLocalFile(file.fileName()).toString();
    const MarkdownSegment segment = MarkdownPreviewPipeline::layOut(
        QStringLiteral("<p><img src=\"%1\" /><img src=\"https://example.org/a.png\" /></p>")
            .arg(local),
        layout, &missing);
    EXPECT_EQ(missing, QList<QUrl>{QUrl(QStringLiteral("https://example.org/a.png"))});
    EXPECT_FALSE(segment.document->resource(QTextDocument::ImageResource, QUrl(local)).isValid());
    // An image the preview fetched is used.
    layout.images.insert(QUrl(QStringLiteral("https://example.org/a.png")),
                         QImage(30, 10, QImage::Format_ARGB32));
    missing.clear();
    MarkdownPreviewPipeline::layOut(
        QStringLiteral("<p><img src=\"https://example.org/a.png\" /></p>"), layout, &missing);
    EXPECT_TRUE(missing.isEmpty());
}

TEST(PreviewPipelineTest, AnArrivedImageLaysOutAgainOnlyTheSegmentsShowingIt)
{
    ManualScheduler scheduler;
    MarkdownPreviewPipeline pipeline(&scheduler);
    MarkdownOptions options;
    options.allowRemoteImages = true;
    pipeline.setOptions(options);
    MarkdownPreviewPipeline::DocumentLayout layout;
    layout.textWidth = 400;
    pipeline.setDocumentLayout(layout);
    QSignalSpy rendered(&pipeline, &MarkdownPreviewPipeline::rendered);
    const QUrl url(QStringLiteral("https://img.example/badge.svg?a=1&b=2"));
    pipeline.setText(QStringLiteral("First.\n\n![badge](%1)\n\nLast.").arg(url.toString()));
    pipeline.renderNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rendered.count() == 1; }, 10000));
    EXPECT_EQ(pipeline.missingImages(), QList<QUrl>{url});
    const QList<MarkdownSegment> before = pipeline.segments();
    ASSERT_EQ(before.size(), 3);

    layout.images.insert(url, QImage(40, 20, QImage::Format_ARGB32));
    pipeline.setDocumentLayout(layout);
    pipeline.invalidateImage(url);
    pipeline.renderNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rendered.count() == 2; }, 10000));
    EXPECT_TRUE(pipeline.missingImages().isEmpty());
    EXPECT_EQ(pipeline.lastLaidOutSegments(), 1);
    EXPECT_EQ(pipeline.segments().at(0).document, before.at(0).document);
    EXPECT_NE(pipeline.segments().at(1).document, before.at(1).document);
    EXPECT_EQ(pipeline.segments().at(2).document, before.at(2).document);
    EXPECT_GE(pipeline.segments().at(1).document->size().height(), 20);
}

TEST(PreviewPipelineTest, ASegmentPaintsAfterTheThreadThatLaidItOutIsGone)
{
    // Font engines live in a per-thread cache: a segment must not keep using the worker's once
    // it is painted here (the worker's cache may drop them; here the whole thread is gone).
    MarkdownPreviewPipeline::DocumentLayout layout;
    layout.textWidth = 300;
    MarkdownSegment segment;
    QThread worker;
    auto *context = new QObject;
    context->moveToThread(&worker);
    QObject::connect(&worker, &QThread::finished, context, &QObject::deleteLater);
    worker.start();
    QThread *home = QThread::currentThread();
    QMetaObject::invokeMethod(
        context,
        [&] {
            segment = MarkdownPreviewPipeline::layOut(
                QStringLiteral("<h2>Changes 🚀</h2><p>feat: <b>bold</b> <i>italic</i> "
                               "<code>code</code> text that wraps over a few lines at this "
                               "width</p>"),
                layout);
            segment.document->moveToThread(home);
        },
        Qt::BlockingQueuedConnection);
    worker.quit();
    ASSERT_TRUE(worker.wait(10000));
    ASSERT_TRUE(segment.document);
    QImage image(320, 200, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        QAbstractTextDocumentLayout::PaintContext paint;
        paint.palette.setColor(QPalette::Text, Qt::black);
        segment.document->documentLayout()->draw(&painter, paint);
    }
    // Something was drawn: some pixel is not white.
    bool drawn = false;
    for (int y = 0; y < image.height() && !drawn; ++y)
        for (int x = 0; x < image.width() && !drawn; ++x)
            drawn = image.pixel(x, y) != qRgb(255, 255, 255);
    EXPECT_TRUE(drawn);
}
