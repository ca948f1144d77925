#include "notespreview.h"

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
    }
    if (scheme == QLatin1String("file"))
        return {}; // the notes never show local files
    return QTextBrowser::loadResource(type, name);
}

} // namespace Mainstay
