#pragma once

#include "markdownrenderer.h"

#include <QFont>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <memory>

class QTextDocument;

namespace Mainstay {

class Scheduler;

// One laid-out piece of a preview (MarkdownResult::segments): shown one below the other, with
// the larger of the two facing margins between neighbours (QTextDocument collapses margins
// between blocks the same way).
struct MarkdownSegment
{
    QString html;
    std::shared_ptr<QTextDocument> document; // laid out at the layout's width; shared, read-only
    qreal topMargin = 0;                     // of its first block
    qreal bottomMargin = 0;                  // of its last block
};

// Turns the text of an editor into a laid-out preview without ever blocking typing.
//
// - Every setText() (one a keystroke) restarts a short debounce on the injectable Scheduler.
//   When the text has rested that long, a worker thread renders it (MarkdownRenderer, with
//   segments) and lays out, at the preview's width, only the segments whose HTML is new: a
//   keystroke in 1,000 lines of notes changes one paragraph or a few list items, so the worker
//   lays out a few blocks instead of the whole document, and the GUI thread only paints.
// - Bursts collapse: only the latest text is rendered, and while a render is in flight a newer
//   text waits for it to finish and is then rendered once (never queued twice).
// - Segments already laid out are kept, keyed by their HTML, for the layout they were made at
//   (font, width, style sheet); a new layout (the preview was resized) lays out everything
//   again, on the worker too. rendered() arrives on the pipeline's thread (the GUI thread).
class MarkdownPreviewPipeline : public QObject
{
    Q_OBJECT
public:
    // Long enough to collapse a burst of keys (auto-repeat, a paste, fast typing), short enough
    // that the preview follows a pause at once (the budget is 60 ms from the pause to the
    // painted preview, render included).
    static constexpr qint64 DefaultDebounceMs = 25;

    // How the segments are laid out: what the preview paints them with.
    struct DocumentLayout
    {
        QFont font;
        qreal textWidth = -1; // the preview's text width; <= 0: nothing is laid out
        QString styleSheet;
        // Remote images the preview fetched (once the user allowed them), by URL.
        QHash<QUrl, QImage> images;
        // Whether segments laid out for `other` can be shown with this layout (images aside:
        // a segment whose image arrives is dropped with invalidateImage()).
        bool sameGeometry(const DocumentLayout &other) const
        {
            return textWidth == other.textWidth && font == other.font &&
                   styleSheet == other.styleSheet;
        }
    };

    // The scheduler defaults to real timers; nothing is owned.
    explicit MarkdownPreviewPipeline(Scheduler *scheduler = nullptr, QObject *parent = nullptr);
    ~MarkdownPreviewPipeline() override;

    void setDebounceMs(qint64 ms) { m_debounceMs = ms; }
    qint64 debounceMs() const { return m_debounceMs; }
    // Applies from the next render on (call renderNow() to see it at once).
    void setOptions(const MarkdownOptions &options) { m_options = options; }
    const MarkdownOptions &options() const { return m_options; }
    void setDocumentLayout(const DocumentLayout &layout) { m_layout = layout; }
    const DocumentLayout &documentLayout() const { return m_layout; }

    // The editor's text changed: render it once it has rested for debounceMs().
    void setText(const QString &text);
    // Renders the current text without waiting (changing options).
    void renderNow();
    // Renders `text` here and now on the calling thread, and emits rendered() before returning
    // (opening a document shows it at once); a render in flight of an older text is dropped.
    void renderSync(const QString &text);
    // Segments showing `url` are laid out again on the next render (the image arrived).
    void invalidateImage(const QUrl &url);

    QString text() const { return m_text; }
    bool isRendering() const { return m_inFlight; }
    // True while a newer text than the last rendered one waits (debounce or render in flight).
    bool isStale() const { return m_renderedRevision != m_revision; }
    // Renders started since construction (for tests and the benchmark: bursts collapse).
    int renderCount() const { return m_renderCount; }
    // How long the last job took on the worker thread, in ms, and how many segments it laid
    // out (the others were reused).
    qint64 lastRenderMs() const { return m_lastRenderMs; }
    int lastLaidOutSegments() const { return m_lastLaidOut; }

    // The last rendered text, laid out (empty while the layout has no width).
    const QList<MarkdownSegment> &segments() const { return m_segments; }
    // Images (allowed) that the last render's segments show but the layout did not have.
    const QList<QUrl> &missingImages() const { return m_missingImages; }

    // Lays out one segment as the pipeline does (thread-safe: a new document, no parent).
    // Images come only from `layout.images`; nothing is read from files or the network, and
    // URLs asked for but absent are added to `missing`.
    static MarkdownSegment layOut(const QString &html, const DocumentLayout &layout,
                                  QList<QUrl> *missing = nullptr);

Q_SIGNALS:
    // The HTML of `text()` as it was at the render's start; never older than a previous one.
    // segments() holds its laid-out segments by then.
    void rendered(const Mainstay::MarkdownResult &result);

private:
    struct Job;
    static void run(Job &job);
    void debounceExpired(quint64 revision);
    void start();
    void finished(const std::shared_ptr<Job> &job);
    void adopt(Job &job);

    Scheduler *m_scheduler;
    MarkdownOptions m_options;
    DocumentLayout m_layout;
    QString m_text;
    qint64 m_debounceMs = DefaultDebounceMs;
    quint64 m_revision = 0;
    quint64 m_renderedRevision = 0;
    bool m_inFlight = false;
    bool m_wanted = false; // a render was asked for while one was in flight
    int m_renderCount = 0;
    qint64 m_lastRenderMs = 0;
    int m_lastLaidOut = 0;
    // Segments laid out for m_cacheLayout, by HTML: the current ones.
    QHash<QString, MarkdownSegment> m_cache;
    DocumentLayout m_cacheLayout;
    QList<MarkdownSegment> m_segments;
    QList<QUrl> m_missingImages;
    QThread m_thread;
    QObject *m_worker; // lives in m_thread
};

} // namespace Mainstay
