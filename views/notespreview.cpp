#include "notespreview.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QTextDocument>

namespace Mainstay {

NotesPreview::NotesPreview(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("notesPreview"));
    setOpenExternalLinks(true);
    setOpenLinks(true);
    setReadOnly(true);
    document()->setDocumentMargin(16);
}

void NotesPreview::setRenderedHtml(const QString &html)
{
    m_html = html;
    auto *fresh = new QTextDocument(this);
    fresh->setDocumentMargin(16);
    fresh->setDefaultFont(font());
    fresh->setHtml(html);
    swapDocument(fresh);
}

void NotesPreview::setPreparedDocument(QTextDocument *document, const QString &html)
{
    m_html = html;
    document->setParent(this);
    swapDocument(document);
}

MarkdownPreviewPipeline::DocumentLayout NotesPreview::layoutForPipeline() const
{
    MarkdownPreviewPipeline::DocumentLayout layout;
    layout.font = font();
    layout.margin = 16;
    layout.textWidth = viewport()->width();
    return layout;
}

void NotesPreview::swapDocument(QTextDocument *fresh)
{
    ++m_updates;
    QScrollBar *bar = verticalScrollBar();
    const int value = bar->value();
    // Documents this view made are deleted here; the one QTextBrowser started with belongs to it
    // and goes away inside setDocument().
    QTextDocument *old = document();
    const bool ours = old && old->parent() == this;
    setDocument(fresh);
    if (ours)
        delete old;
    bar->setValue(std::min(value, bar->maximum()));
}

void NotesPreview::requestImage(const QUrl &url)
{
    if (m_requested.contains(url) || m_requested.size() > 200)
        return;
    m_requested.insert(url);
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(20'000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        QImage image;
        if (reply->error() == QNetworkReply::NoError)
            image.loadFromData(reply->read(20 * 1024 * 1024));
        if (image.isNull()) {
            // A broken image: a small grey box instead of asking again.
            image = QImage(16, 16, QImage::Format_ARGB32);
            image.fill(QColor(0x88, 0x88, 0x88, 0x60));
        }
        const int maxWidth = std::max(64, viewport()->width() - 48);
        if (image.width() > maxWidth)
            image = image.scaledToWidth(maxWidth, Qt::SmoothTransformation);
        m_images.insert(url, image);
        // Lay the text out again with the image in place, where the reader is.
        if (!m_html.isEmpty())
            setRenderedHtml(m_html);
    });
}

void NotesPreview::scrollToFraction(double fraction)
{
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(int(std::clamp(fraction, 0.0, 1.0) * bar->maximum() + 0.5));
}

double NotesPreview::scrollFraction() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->maximum() > 0 ? double(bar->value()) / bar->maximum() : 0.0;
}

QVariant NotesPreview::loadResource(int type, const QUrl &name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
        scheme == QLatin1String("ftp")) {
        // QTextBrowser cannot fetch from the network anyway; never let a subclass or a future Qt
        // do it behind the user's back.
        if (!m_allowRemote)
            return {};
        if (type == QTextDocument::ImageResource) {
            const auto cached = m_images.constFind(name);
            if (cached != m_images.constEnd())
                return *cached;
            requestImage(name);
            return {};
        }
        return {};
    }
    if (scheme == QLatin1String("file"))
        return {}; // the notes never show local files
    return QTextBrowser::loadResource(type, name);
}

} // namespace Mainstay
