#pragma once

#include "markdownrenderer.h"

#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSet>
#include <QTextBrowser>
#include <functional>

class QFrame;
class QLabel;
class QNetworkAccessManager;
class QToolButton;

namespace Mainstay {

class RemoteImageFetcher;

// Read-only view of GitHub-flavoured Markdown (issue bodies, comments, the release-notes
// preview), rendered through MarkdownRenderer.
//
// - Every setMarkdown() renders into a fresh QTextDocument: re-setting the content of a document
//   that is already laid out is slow (seconds for 1,000 lines with Qt 6.4).
// - Links open in the external browser (QDesktopServices); the view never navigates. In-page
//   anchors (#name) scroll.
// - Nothing is fetched from the network unless the user allowed remote images: held-back images
//   show as links and a bar "Remote images are hidden — Load images" above the text. Clicking it
//   re-renders with MarkdownOptions::allowRemoteImages and loads the images through the
//   QNetworkAccessManager given to setNetworkAccessManager() (none given: they stay links).
//
// - MarkdownOptions::dark follows the view's palette (a dark Base colour): code backgrounds,
//   table borders and muted text always suit what is behind them; a palette or font change
//   re-renders.
//
// Signals: linkActivated(url) fires for every link clicked, before it is opened;
// remoteImagesAllowed() fires when the user clicks "Load images"; imagesLoaded() fires when the
// last pending image request has finished (successfully or not).
class MarkdownView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit MarkdownView(QWidget *parent = nullptr);
    ~MarkdownView() override;

    // Renders `markdown`. With keepScroll the vertical scroll position is kept (the live preview
    // while typing); otherwise the view starts at the top (another issue selected).
    void setMarkdown(const QString &markdown, const MarkdownOptions &options = {},
                     bool keepScroll = false);
    QString markdown() const { return m_markdown; }
    MarkdownOptions options() const { return m_options; }
    // The last render's result (its HTML and the remote images it held back).
    const MarkdownResult &result() const { return m_result; }

    // Re-renders the current text with remote images allowed (what the bar's button does).
    void allowRemoteImages();
    bool isRemoteImagesBarVisible() const;

    // Used to load remote images once allowed; not owned. Without one, images stay links.
    void setNetworkAccessManager(QNetworkAccessManager *manager);
    // Whether links are handed to QDesktopServices (default true); tests and embedders that
    // handle linkActivated() themselves can turn it off.
    void setOpensLinksExternally(bool open) { m_openExternally = open; }
    // Renders with `renderer` instead of MarkdownRenderer::render (e.g. a whole issue thread
    // composed of several Markdown parts); it gets the text and the view's options and must honour
    // allowRemoteImages. Empty: the plain renderer.
    using Renderer = std::function<MarkdownResult(const QString &, const MarkdownOptions &)>;
    void setRenderer(Renderer renderer) { m_renderer = std::move(renderer); }
    // Images requested but not yet arrived.
    int pendingImageCount() const;

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    void remoteImagesAllowed();
    void imagesLoaded();

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render(bool keepScroll);
    void onAnchorClicked(const QUrl &url);
    void updateBar();
    void placeBar();
    void imageFinished(const QUrl &url, bool ok);
    QImage fitted(const QImage &image) const;

    QString m_markdown;
    Renderer m_renderer;
    MarkdownOptions m_options;
    MarkdownResult m_result;
    QFrame *m_bar;
    QLabel *m_barLabel;
    QToolButton *m_barButton;
    QPointer<QNetworkAccessManager> m_network;
    RemoteImageFetcher *m_images;
    bool m_openExternally = true;
};

} // namespace Mainstay
