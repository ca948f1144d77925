#pragma once

#include "markdownpreviewpipeline.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QImage>
#include <QUrl>

namespace Mainstay {

class RemoteImageFetcher;

// The live preview of the release notes. It paints the segments the preview pipeline laid out
// off the GUI thread (MarkdownSegment), one below the other, and only those on screen: showing a
// new render costs the GUI thread a paint, never a layout. (QTextBrowser would lay a document
// out again in setDocument(), ~100 ms for 1,000 lines.)
//
// What a reader expects of a preview: links open in the browser (in-page #anchors scroll),
// hovering one shows where it goes, text can be selected with the mouse (across segments),
// copied (Ctrl+C, context menu) and selected whole (Ctrl+A), and the keyboard scrolls.
// Remote images are never fetched unless allowed (the renderer already holds them back; this is
// the second lock). The scroll position is kept across renders.
class NotesPreview : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int Margin = 16;

    explicit NotesPreview(QWidget *parent = nullptr);
    ~NotesPreview() override;

    // Shows what the pipeline rendered (its segments, laid out at layoutForPipeline()).
    void setSegments(const QList<MarkdownSegment> &segments, const QString &html);
    // Lays out and shows `html` here, as one segment (short texts: the post-release comment),
    // and again here when the width changes.
    void setRenderedHtml(const QString &html);
    // What the pipeline must lay the segments out with to be shown here.
    MarkdownPreviewPipeline::DocumentLayout layoutForPipeline() const;
    QString renderedHtml() const { return m_html; }
    QString toPlainText() const;
    // How many renders were shown (for tests).
    int updateCount() const { return m_updates; }
    int segmentCount() const { return int(m_segments.size()); }
    // The height of everything shown, margins included.
    int contentHeight() const { return m_contentHeight; }

    // Allowed: remote images are fetched (through a network manager made for that, and only
    // then) and imageArrived() tells the owner to lay the segments showing them out again.
    void setRemoteImagesAllowed(bool allowed);
    bool remoteImagesAllowed() const { return m_allowRemote; }
    void requestImages(const QList<QUrl> &urls);
    // The fetched images, fitted to the width, for the pipeline's layout.
    const QHash<QUrl, QImage> &images() const { return m_images; }
    int pendingImageCount() const;
    // The fetched image for `name` (ImageResource only; nothing is ever read from files).
    QVariant loadResource(int type, const QUrl &name) const;

    // Scrolls so that `fraction` (0 = top, 1 = bottom) of the document is at the top; the
    // editor's position mapped to the preview.
    void scrollToFraction(double fraction);
    double scrollFraction() const;
    // Scrolls to the heading or anchor named `name`; false when there is none.
    bool scrollToAnchor(const QString &name);

    QString selectedText() const;
    bool hasSelection() const { return m_anchor != m_focus; }
    void selectAll();
    void copy() const;
    // Whether links are handed to QDesktopServices (default true); tests and embedders that
    // handle linkActivated() themselves can turn it off.
    void setOpensLinksExternally(bool open) { m_openExternally = open; }
    // The link under a point of the viewport, empty if none.
    QString anchorAt(const QPoint &viewportPos) const;

Q_SIGNALS:
    // The preview's width, font or palette changed: the segments must be laid out again.
    void layoutChanged();
    void imageArrived(const QUrl &url);
    // Fires for every link clicked, before it is opened.
    void linkActivated(const QUrl &url);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Placed
    {
        MarkdownSegment segment;
        qreal y = 0; // top, in content coordinates
        qreal height = 0;
    };
    // A position in the text: a segment and a cursor position inside its document.
    struct Position
    {
        int segment = -1;
        int offset = 0;
        bool operator==(const Position &other) const = default;
        bool operator<(const Position &other) const
        {
            return segment < other.segment || (segment == other.segment && offset < other.offset);
        }
    };

    void place();
    void updateScrollBars();
    int textWidth() const;
    int segmentAtY(qreal y) const;
    Position positionAt(const QPoint &viewportPos) const;
    QPointF toSegment(int index, const QPoint &viewportPos) const;
    void imageFinished(const QUrl &url, bool ok);
    void openLink(const QString &href);

    QList<Placed> m_segments;
    QString m_html;
    int m_contentHeight = 0;
    int m_updates = 0;
    int m_laidOutWidth = -1;
    Position m_anchor;
    Position m_focus;
    bool m_selecting = false;
    QString m_pressedLink;
    bool m_allowRemote = false;
    bool m_openExternally = true;
    bool m_laysOutItself = false; // setRenderedHtml(), not a pipeline
    RemoteImageFetcher *m_fetcher;
    QHash<QUrl, QImage> m_images; // fitted to the width; failed ones as a grey box
};

} // namespace Mainstay
