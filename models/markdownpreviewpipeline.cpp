#include "markdownpreviewpipeline.h"

#include "scheduler.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QPointer>
#include <QTextDocument>

namespace Mainstay {

struct MarkdownPreviewPipeline::Job
{
    MarkdownResult result;
    quint64 revision = 0;
    qint64 elapsedMs = 0;
    // Built on the worker, moved to the pipeline's thread before it is handed over; deleted
    // there if nobody takes it.
    std::unique_ptr<QTextDocument> document;
};

MarkdownPreviewPipeline::MarkdownPreviewPipeline(Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler ? scheduler : Scheduler::system())
    , m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("markdown-preview"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

MarkdownPreviewPipeline::~MarkdownPreviewPipeline()
{
    // Waits for the job in flight; its answer, posted to this object, is dropped with it.
    m_thread.quit();
    m_thread.wait();
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

void MarkdownPreviewPipeline::setRenderedText(const QString &text)
{
    m_text = text;
    m_renderedRevision = ++m_revision;
    m_wanted = false;
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
    const DocumentLayout layout = m_layout;
    const quint64 revision = m_revision;
    QThread *home = thread();
    MarkdownPreviewPipeline *self = this; // alive until the worker thread has stopped
    QMetaObject::invokeMethod(m_worker, [self, home, text, options, layout, revision] {
        QElapsedTimer timer;
        timer.start();
        auto job = std::make_shared<Job>();
        job->result = MarkdownRenderer::render(text, options);
        job->revision = revision;
        if (layout.textWidth > 0) {
            auto document = std::make_unique<QTextDocument>();
            document->setDocumentMargin(layout.margin);
            document->setDefaultFont(layout.font);
            if (!layout.styleSheet.isEmpty())
                document->setDefaultStyleSheet(layout.styleSheet);
            document->setHtml(job->result.html);
            document->setTextWidth(layout.textWidth);
            document->documentLayout()->documentSize(); // lays it all out, here
            document->moveToThread(home);
            job->document = std::move(document);
        }
        job->elapsedMs = timer.elapsed();
        QMetaObject::invokeMethod(
            self, [self, job] { self->finished(job); }, Qt::QueuedConnection);
    });
}

void MarkdownPreviewPipeline::finished(const std::shared_ptr<Job> &job)
{
    m_inFlight = false;
    m_lastRenderMs = job->elapsedMs;
    if (job->revision < m_renderedRevision) {
        // Older than what setRenderedText() showed.
        if (m_wanted)
            start();
        return;
    }
    m_renderedRevision = job->revision;
    // A newer text arrived while rendering: render it now if its debounce already ran out (the
    // wake-up found the render in flight); otherwise its own wake-up starts it.
    if (m_wanted)
        start();
    m_current = job;
    Q_EMIT rendered(job->result);
    m_current.reset();
}

QTextDocument *MarkdownPreviewPipeline::takeDocument()
{
    return m_current && m_current->document ? m_current->document.release() : nullptr;
}

} // namespace Mainstay
