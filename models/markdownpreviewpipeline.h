#pragma once

#include "markdownrenderer.h"

#include <QFont>
#include <QObject>
#include <QThread>

#include <memory>

class QTextDocument;

namespace Mainstay {

class Scheduler;

// Turns the text of an editor into a preview without ever blocking typing: every setText()
// (one a keystroke) restarts a short debounce on the injectable Scheduler; when the text has
// rested that long, a worker thread renders it (MarkdownRenderer::render is pure) and, when a
// document layout is set, also builds the QTextDocument and lays it out at the preview's width,
// so the GUI thread only swaps documents (parsing 1,000 lines of HTML and laying them out costs
// ~100 ms; swapping a laid-out document ~3 ms). Bursts collapse: only the latest text is rendered,
// and while a render is in flight a newer text waits for it to finish and is then rendered once
// (never queued twice). rendered() arrives on the pipeline's thread (the GUI thread).
class MarkdownPreviewPipeline : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultDebounceMs = 120;

    // How the worker builds the document: what the preview would set on a fresh one.
    struct DocumentLayout
    {
        QFont font;
        qreal textWidth = -1; // the preview viewport's width; <= 0: no document is built
        qreal margin = 4;
        QString styleSheet;
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
    // The caller rendered `text` itself (opening a document shows it at once): nothing to do
    // for it, and a render in flight of an older text is dropped.
    void setRenderedText(const QString &text);

    QString text() const { return m_text; }
    bool isRendering() const { return m_inFlight; }
    // True while a newer text than the last rendered one waits (debounce or render in flight).
    bool isStale() const { return m_renderedRevision != m_revision; }
    // Renders started since construction (for tests and the benchmark: bursts collapse).
    int renderCount() const { return m_renderCount; }
    // How long the last job took on the worker thread, in ms (render, and document if built).
    qint64 lastRenderMs() const { return m_lastRenderMs; }

    // During rendered(): the laid-out document of that result (a DocumentLayout was set), now
    // living in this thread and owned by the caller; null otherwise or once taken.
    QTextDocument *takeDocument();

Q_SIGNALS:
    // The HTML of `text()` as it was at the render's start; never older than a previous one.
    void rendered(const Mainstay::MarkdownResult &result);

private:
    struct Job;
    void debounceExpired(quint64 revision);
    void start();
    void finished(const std::shared_ptr<Job> &job);

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
    QThread m_thread;
    QObject *m_worker;              // lives in m_thread
    std::shared_ptr<Job> m_current; // during rendered()
};

} // namespace Mainstay
