#include "markdownview.h"

#include "markdownhighlighter.h"
#include "remoteimagefetcher.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QTextDocument>
#include <QToolButton>

namespace Mainstay {

namespace {

bool isRemote(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

} // namespace

MarkdownView::MarkdownView(QWidget *parent)
    : QTextBrowser(parent)
    , m_bar(new QFrame(this))
    , m_barLabel(new QLabel(m_bar))
    , m_barButton(new QToolButton(m_bar))
    , m_images(new RemoteImageFetcher(this))
{
    connect(m_images, &RemoteImageFetcher::finished, this, &MarkdownView::imageFinished);
    setReadOnly(true);
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    connect(this, &QTextBrowser::anchorClicked, this, &MarkdownView::onAnchorClicked);

    m_bar->setObjectName(QStringLiteral("remoteImagesBar"));
    m_bar->setFrameShape(QFrame::StyledPanel);
    m_bar->setAutoFillBackground(true);
    m_bar->setBackgroundRole(QPalette::AlternateBase);
    m_barLabel->setTextFormat(Qt::PlainText);
    m_barButton->setText(tr("Load images"));
    m_barButton->setToolTip(tr("Fetch the images from their servers (they see your address)"));
    auto *layout = new QHBoxLayout(m_bar);
    layout->setContentsMargins(8, 3, 4, 3);
    layout->addWidget(m_barLabel, 1);
    layout->addWidget(m_barButton);
    connect(m_barButton, &QToolButton::clicked, this, &MarkdownView::allowRemoteImages);
    m_bar->hide();
}

MarkdownView::~MarkdownView() = default;

void MarkdownView::setMarkdown(const QString &markdown, const MarkdownOptions &options,
                               bool keepScroll)
{
    m_markdown = markdown;
    m_options = options;
    render(keepScroll);
}

void MarkdownView::allowRemoteImages()
{
    if (m_options.allowRemoteImages)
        return;
    m_options.allowRemoteImages = true;
    render(true);
    Q_EMIT remoteImagesAllowed();
}

bool MarkdownView::isRemoteImagesBarVisible() const
{
    return !m_bar->isHidden();
}

void MarkdownView::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    m_network = manager;
    m_images->setNetworkAccessManager(manager);
}

void MarkdownView::render(bool keepScroll)
{
    const int scroll = verticalScrollBar()->value();
    MarkdownOptions options = m_options;
    // The colours must suit what is behind them: the palette decides, not the caller.
    options.dark = palette().color(QPalette::Base).lightness() < 128;
    // Without a network to load them, allowed images stay links (not broken-image icons).
    options.allowRemoteImages = m_options.allowRemoteImages && m_network;
    if (!options.highlightCode && hasKSyntaxHighlighting()) {
        // Fenced code in colour wherever the build has KSyntaxHighlighting.
        const bool dark = options.dark;
        options.highlightCode = [dark](const QString &code, const QString &language) {
            return highlightCodeHtml(code, language, dark);
        };
    }
    m_result = m_renderer ? m_renderer(m_markdown, options)
                          : MarkdownRenderer::render(m_markdown, options);

    // A fresh document each time: setHtml() on one that is laid out already costs far more.
    auto *doc = new QTextDocument(this);
    doc->setDefaultFont(font());
    doc->setUndoRedoEnabled(false);
    doc->setDocumentMargin(10);
    if (m_options.allowRemoteImages) {
        for (auto it = m_images->images().constBegin(); it != m_images->images().constEnd(); ++it)
            doc->addResource(QTextDocument::ImageResource, it.key(), fitted(it.value()));
    }
    doc->setHtml(m_result.html);

    // The text control deletes the document it created itself; ours are deleted here.
    QPointer<QTextDocument> old = document();
    setDocument(doc);
    if (old && old->parent() == this)
        old->deleteLater();

    updateBar();
    if (keepScroll && isVisible()) {
        // Lay out now so the scroll range is known before the old position is restored.
        doc->setTextWidth(viewport()->width());
        doc->documentLayout()->documentSize();
        verticalScrollBar()->setValue(scroll);
    } else if (!keepScroll) {
        verticalScrollBar()->setValue(0);
    }
}

void MarkdownView::onAnchorClicked(const QUrl &url)
{
    if (url.isRelative() && url.path().isEmpty() && url.hasFragment()) {
        scrollToAnchor(url.fragment());
        return;
    }
    Q_EMIT linkActivated(url);
    if (m_openExternally)
        QDesktopServices::openUrl(url);
}

void MarkdownView::updateBar()
{
    const int held = int(m_result.remoteImages.size());
    const bool show = held > 0 && !m_options.allowRemoteImages;
    if (show) {
        m_barLabel->setText(held == 1 ? tr("Remote images are hidden (1 image)")
                                      : tr("Remote images are hidden (%1 images)").arg(held));
        setViewportMargins(0, m_bar->sizeHint().height(), 0, 0);
        placeBar();
        m_bar->show();
        m_bar->raise();
    } else if (!m_bar->isHidden()) {
        m_bar->hide();
        setViewportMargins(0, 0, 0, 0);
    }
}

void MarkdownView::placeBar()
{
    // Above the viewport and beside the vertical scroll bar, which runs the full height.
    const QRect area = viewport()->geometry();
    const int height = m_bar->sizeHint().height();
    m_bar->setGeometry(area.left(), area.top() - height, area.width(), height);
}

QVariant MarkdownView::loadResource(int type, const QUrl &name)
{
    // Text here is untrusted: nothing is read from local files, and the network only for
    // images, once the user allowed them.
    if (type != QTextDocument::ImageResource || !isRemote(name) || !m_options.allowRemoteImages)
        return {};
    const auto it = m_images->images().constFind(name);
    if (it != m_images->images().constEnd())
        return fitted(it.value());
    if (m_network)
        m_images->request(name);
    return {};
}

int MarkdownView::pendingImageCount() const
{
    return m_images->pendingCount();
}

void MarkdownView::imageFinished(const QUrl &url, bool ok)
{
    if (ok) {
        if (QTextDocument *doc = document()) {
            doc->addResource(QTextDocument::ImageResource, url,
                             fitted(m_images->images().value(url)));
            doc->markContentsDirty(0, doc->characterCount());
        }
    }
    if (m_images->pendingCount() == 0)
        Q_EMIT imagesLoaded();
}

QImage MarkdownView::fitted(const QImage &image) const
{
    const int available = viewport()->width() - 2 * int(document()->documentMargin()) - 8;
    if (available > 32 && image.width() > available)
        return image.scaledToWidth(available, Qt::SmoothTransformation);
    return image;
}

void MarkdownView::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    if (!m_bar->isHidden())
        placeBar();
    if (!m_images->images().isEmpty() && m_options.allowRemoteImages) {
        QTextDocument *doc = document();
        for (auto it = m_images->images().constBegin(); it != m_images->images().constEnd(); ++it)
            doc->addResource(QTextDocument::ImageResource, it.key(), fitted(it.value()));
        doc->markContentsDirty(0, doc->characterCount());
    }
}

void MarkdownView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if ((event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) &&
        !m_markdown.isEmpty())
        render(true);
}

} // namespace Mainstay
