#include "markdownpreviewpipeline.h"

#include "scheduler.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Mainstay {

MarkdownPreviewPipeline::MarkdownPreviewPipeline(Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler ? scheduler : Scheduler::system())
{
    connect(&m_watcher, &QFutureWatcher<Job>::finished, this, &MarkdownPreviewPipeline::finished);
}

MarkdownPreviewPipeline::~MarkdownPreviewPipeline()
{
    // The worker only touches its own copies; waiting keeps the pool from outliving the result.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void MarkdownPreviewPipeline::setText(const QString &text)
{
    m_text = text;
    const quint64 revision = ++m_revision;
    // The scheduler cannot cancel: every keystroke schedules a wake-up, and only the one of the
    // latest revision does anything.
    m_scheduler->schedule(m_debounceMs, this, [this, revision] { debounceExpired(revision); });
}

void MarkdownPreviewPipeline::renderNow()
{
    if (m_inFlight) {
        m_wanted = true;
        return;
    }
    start();
}

void MarkdownPreviewPipeline::debounceExpired(quint64 revision)
{
    if (revision != m_revision)
        return; // the user typed again since
    if (m_renderedRevision == m_revision && !m_inFlight)
        return; // renderNow() already showed this text
    renderNow();
}

void MarkdownPreviewPipeline::start()
{
    m_wanted = false;
    m_inFlight = true;
    ++m_renderCount;
    const QString text = m_text;
    const MarkdownOptions options = m_options;
    const quint64 revision = m_revision;
    m_watcher.setFuture(QtConcurrent::run([text, options, revision] {
        QElapsedTimer timer;
        timer.start();
        Job job;
        job.result = MarkdownRenderer::render(text, options);
        job.revision = revision;
        job.elapsedMs = timer.elapsed();
        return job;
    }));
}

void MarkdownPreviewPipeline::finished()
{
    m_inFlight = false;
    const Job job = m_watcher.result();
    m_lastRenderMs = job.elapsedMs;
    m_renderedRevision = job.revision;
    // A newer text arrived while rendering: render it now if its debounce already ran out (the
    // wake-up found the render in flight); otherwise its own wake-up starts it.
    if (m_wanted)
        start();
    Q_EMIT rendered(job.result);
}

} // namespace Mainstay
