#pragma once

#include "markdownrenderer.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

namespace Mainstay {

class Scheduler;

// Turns the text of an editor into preview HTML without ever blocking typing: every setText()
// (one a keystroke) restarts a short debounce on the injectable Scheduler; when the text has
// rested that long, MarkdownRenderer::render() runs on the thread pool (it is pure). Bursts
// collapse: only the latest text is rendered, and while a render is in flight a newer text waits
// for it to finish and is then rendered once (never queued twice). rendered() arrives on the
// pipeline's thread (the GUI thread), where the caller builds the QTextDocument.
class MarkdownPreviewPipeline : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultDebounceMs = 120;

    // The scheduler defaults to real timers; nothing is owned.
    explicit MarkdownPreviewPipeline(Scheduler *scheduler = nullptr, QObject *parent = nullptr);
    ~MarkdownPreviewPipeline() override;

    void setDebounceMs(qint64 ms) { m_debounceMs = ms; }
    qint64 debounceMs() const { return m_debounceMs; }
    // Applies from the next render on (call renderNow() to see it at once).
    void setOptions(const MarkdownOptions &options) { m_options = options; }
    const MarkdownOptions &options() const { return m_options; }

    // The editor's text changed: render it once it has rested for debounceMs().
    void setText(const QString &text);
    // Renders the current text without waiting (opening a document, changing options).
    void renderNow();

    QString text() const { return m_text; }
    bool isRendering() const { return m_inFlight; }
    // True while a newer text than the last rendered one waits (debounce or render in flight).
    bool isStale() const { return m_renderedRevision != m_revision; }
    // Renders started since construction (for tests and the benchmark: bursts collapse).
    int renderCount() const { return m_renderCount; }
    // How long the last render took on the worker thread, in ms.
    qint64 lastRenderMs() const { return m_lastRenderMs; }

Q_SIGNALS:
    // The HTML of `text()` as it was at `revision`; never an older revision than a previous one.
    void rendered(const Mainstay::MarkdownResult &result);

private:
    struct Job
    {
        MarkdownResult result;
        quint64 revision = 0;
        qint64 elapsedMs = 0;
    };
    void debounceExpired(quint64 revision);
    void start();
    void finished();

    Scheduler *m_scheduler;
    MarkdownOptions m_options;
    QString m_text;
    qint64 m_debounceMs = DefaultDebounceMs;
    quint64 m_revision = 0;
    quint64 m_renderedRevision = 0;
    bool m_inFlight = false;
    bool m_wanted = false; // a render was asked for while one was in flight
    int m_renderCount = 0;
    qint64 m_lastRenderMs = 0;
    QFutureWatcher<Job> m_watcher;
};

} // namespace Mainstay
