// The preview pipeline and the draft autosaver on their own: debounce on the manual scheduler,
// bursts collapsing into one render, a render in flight never queued twice.
#include "draftautosaver.h"
#include "manualscheduler.h"
#include "markdownpreviewpipeline.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

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
        scheduler.advance(30); // faster than the debounce
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

TEST(PreviewPipelineTest, BuildsAndLaysOutTheDocumentOffTheGuiThread)
{
    ManualScheduler scheduler;
    MarkdownPreviewPipeline pipeline(&scheduler);
    MarkdownPreviewPipeline::DocumentLayout layout;
    layout.textWidth = 400;
    layout.margin = 16;
    pipeline.setDocumentLayout(layout);
    QTextDocument *document = nullptr;
    QObject::connect(&pipeline, &MarkdownPreviewPipeline::rendered, &pipeline, [&] {
        document = pipeline.takeDocument();
        EXPECT_EQ(pipeline.takeDocument(), nullptr); // handed over once
    });
    pipeline.setText(QStringLiteral("# Heading\n\n- [x] done\n- [ ] open\n"));
    pipeline.renderNow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return document != nullptr; }, 10000));
    std::unique_ptr<QTextDocument> owned(document);
    EXPECT_EQ(document->thread(), QThread::currentThread());
    EXPECT_EQ(document->textWidth(), 400);
    EXPECT_TRUE(document->toPlainText().contains(QStringLiteral("Heading")));
    EXPECT_TRUE(document->toPlainText().contains(QStringLiteral("☑")));
    EXPECT_GT(document->size().height(), 0);
}
