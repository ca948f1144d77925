#include "markdownpreviewpipeline.h"

#include "scheduler.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QSet>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>

namespace Mainstay {

namespace {

// Images only from what the preview fetched; never a file, a qrc: path or the network (the
// default QTextDocument::loadResource reads local files for relative and file: URLs).
class SegmentDocument : public QTextDocument
{
public:
    SegmentDocument(const QHash<QUrl, QImage> &images, QList<QUrl> *missing)
        : m_images(images)
        , m_missing(missing)
    {}

    void forget() { m_missing = nullptr; }

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        if (type == QTextDocument::ImageResource) {
            const auto it = m_images.constFind(name);
            if (it != m_images.constEnd())
                return *it;
            const QString scheme = name.scheme().toLower();
            if (m_missing &&
                (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
                !m_missing->contains(name))
                m_missing->append(name);
        }
        return {};
    }

private:
    QHash<QUrl, QImage> m_images;
    QList<QUrl> *m_missing;
};

} // namespace

struct MarkdownPreviewPipeline::Job
{
    // In
    QString text;
    MarkdownOptions options;
    DocumentLayout layout;
    QSet<QString> reusable; // segments laid out for `layout` already
    quint64 revision = 0;
    // Out
    MarkdownResult result;
    QHash<QString, MarkdownSegment> laidOut; // the new segments
    QList<QUrl> missingImages;
    qint64 elapsedMs = 0;
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

MarkdownSegment MarkdownPreviewPipeline::layOut(const QString &html, const DocumentLayout &layout,
                                                QList<QUrl> *missing)
{
    auto document = std::make_shared<SegmentDocument>(layout.images, missing);
    document->setUndoRedoEnabled(false);
    document->setDocumentMargin(0);
    document->setDefaultFont(layout.font);
    if (!layout.styleSheet.isEmpty())
        document->setDefaultStyleSheet(layout.styleSheet);
    document->setHtml(html);
    document->setTextWidth(layout.textWidth);
    document->documentLayout()->documentSize(); // lays it all out, here
    // Font engines belong to the thread that made them (Qt keeps a font cache per thread), and
    // each block's layout remembers the last engine it used. Painting looks that one up first,
    // so the GUI thread would draw with this thread's engine while this thread lays out the next
    // segments with it, or after its cache dropped it. Forgetting it (setFont() keeps the lines)
    // makes the painting thread resolve its own.
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (QTextLayout *blockLayout = block.layout())
            blockLayout->setFont(blockLayout->font());
    }
    document->forget();
    MarkdownSegment segment;
    segment.html = html;
    segment.topMargin = document->firstBlock().blockFormat().topMargin();
    segment.bottomMargin = document->lastBlock().blockFormat().bottomMargin();
    segment.document = std::move(document);
    return segment;
}

void MarkdownPreviewPipeline::run(Job &job)
{
    QElapsedTimer timer;
    timer.start();
    MarkdownOptions options = job.options;
    options.segments = true;
    job.result = MarkdownRenderer::render(job.text, options);
    if (job.layout.textWidth > 0) {
        for (const QString &html : std::as_const(job.result.segments)) {
            if (!job.reusable.contains(html) && !job.laidOut.contains(html))
                job.laidOut.insert(html, layOut(html, job.layout, &job.missingImages));
        }
    }
    job.elapsedMs = timer.elapsed();
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

void MarkdownPreviewPipeline::renderSync(const QString &text)
{
    m_text = text;
    m_renderedRevision = ++m_revision;
    m_wanted = false;
    ++m_renderCount;
    Job job;
    job.text = text;
    job.options = m_options;
    job.layout = m_layout;
    job.revision = m_revision;
    if (m_layout.sameGeometry(m_cacheLayout)) {
        for (auto it = m_cache.constBegin(); it != m_cache.constEnd(); ++it)
            job.reusable.insert(it.key());
    }
    run(job);
    adopt(job);
    Q_EMIT rendered(job.result);
}

void MarkdownPreviewPipeline::invalidateImage(const QUrl &url)
{
    // As the renderer writes it into an attribute (escaped), or as typed.
    const QStringList forms{url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                            url.toString().toHtmlEscaped(), url.toString()};
    const auto shows = [&forms](const QString &html) {
        return std::any_of(forms.cbegin(), forms.cend(),
                           [&html](const QString &form) { return html.contains(form); });
    };
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (shows(it.key()))
            it = m_cache.erase(it);
        else
            ++it;
    }
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
    auto job = std::make_shared<Job>();
    job->text = m_text;
    job->options = m_options;
    job->layout = m_layout;
    job->revision = m_revision;
    if (m_layout.sameGeometry(m_cacheLayout)) {
        for (auto it = m_cache.constBegin(); it != m_cache.constEnd(); ++it)
            job->reusable.insert(it.key());
    }
    QThread *home = thread();
    MarkdownPreviewPipeline *self = this; // alive until the worker thread has stopped
    QMetaObject::invokeMethod(m_worker, [self, home, job] {
        run(*job);
        // The documents are used, and deleted, on the pipeline's thread from now on.
        for (MarkdownSegment &segment : job->laidOut)
            segment.document->moveToThread(home);
        QMetaObject::invokeMethod(
            self, [self, job] { self->finished(job); }, Qt::QueuedConnection);
    });
}

void MarkdownPreviewPipeline::adopt(Job &job)
{
    m_lastRenderMs = job.elapsedMs;
    m_lastLaidOut = int(job.laidOut.size());
    if (!job.layout.sameGeometry(m_cacheLayout)) {
        m_cache.clear();
        m_cacheLayout = job.layout;
    }
    QHash<QString, MarkdownSegment> cache;
    QList<MarkdownSegment> segments;
    if (job.layout.textWidth > 0) {
        segments.reserve(job.result.segments.size());
        for (const QString &html : std::as_const(job.result.segments)) {
            auto it = job.laidOut.constFind(html);
            MarkdownSegment segment;
            if (it != job.laidOut.constEnd())
                segment = *it;
            else if (auto old = m_cache.constFind(html); old != m_cache.constEnd())
                segment = *old;
            else // dropped from the cache while the job ran (an image arrived)
                segment = layOut(html, job.layout, &job.missingImages);
            cache.insert(html, segment);
            segments.append(segment);
        }
    }
    m_cache = std::move(cache);
    m_segments = std::move(segments);
    m_missingImages = job.missingImages;
}

void MarkdownPreviewPipeline::finished(const std::shared_ptr<Job> &job)
{
    m_inFlight = false;
    if (job->revision < m_renderedRevision) {
        // Older than what renderSync() showed.
        if (m_wanted)
            start();
        return;
    }
    m_renderedRevision = job->revision;
    adopt(*job);
    // A newer text arrived while rendering: render it now if its debounce already ran out (the
    // wake-up found the render in flight); otherwise its own wake-up starts it. The layout
    // changed meanwhile (the preview was resized): everything is laid out again.
    if (m_wanted || !m_layout.sameGeometry(m_cacheLayout))
        start();
    Q_EMIT rendered(job->result);
}

} // namespace Mainstay
