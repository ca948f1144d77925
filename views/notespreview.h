#pragma once

#include "markdownpreviewpipeline.h"

#include <QHash>
#include <QImage>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

class QNetworkAccessManager;

namespace Mainstay {

// The live preview of the release notes: shows the HTML the preview pipeline rendered off the UI
// thread. Every update goes into a fresh QTextDocument (re-filling a laid-out document is what
// makes QTextDocument slow) that replaces the old one, and the scroll position is kept. Remote
// images are never fetched unless allowed (the renderer already holds them back; this is the
// second lock). Links open in the browser.
class NotesPreview : public QTextBrowser
{
    Q_OBJECT
public:
    explicit NotesPreview(QWidget *parent = nullptr);

    void setRenderedHtml(const QString &html);
    // Shows a document the preview pipeline built and laid out off the GUI thread (see
    // layoutForPipeline()); takes ownership.
    void setPreparedDocument(QTextDocument *document, const QString &html);
    // What a document built elsewhere needs to look as setRenderedHtml() would make it.
    MarkdownPreviewPipeline::DocumentLayout layoutForPipeline() const;
    QString renderedHtml() const { return m_html; }
    // How many documents were shown (for tests).
    int updateCount() const { return m_updates; }

    // Allowed: remote images are fetched (through a network manager made for that, and only
    // then) and shown once they arrive.
    void setRemoteImagesAllowed(bool allowed) { m_allowRemote = allowed; }
    bool remoteImagesAllowed() const { return m_allowRemote; }

    // Scrolls so that `fraction` (0 = top, 1 = bottom) of the document is at the top; the
    // editor's position mapped to the preview.
    void scrollToFraction(double fraction);
    double scrollFraction() const;

    QVariant loadResource(int type, const QUrl &name) override;

    int pendingImageCount() const { return int(m_requested.size() - m_images.size()); }

private:
    void swapDocument(QTextDocument *fresh);
    void requestImage(const QUrl &url);

    QString m_html;
    int m_updates = 0;
    bool m_allowRemote = false;
    QNetworkAccessManager *m_network = nullptr;
    QSet<QUrl> m_requested;
    QHash<QUrl, QImage> m_images;
};

} // namespace Mainstay
