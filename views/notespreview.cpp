#include "notespreview.h"

#include "remoteimagefetcher.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QToolTip>

#include <algorithm>

namespace Mainstay {

NotesPreview::NotesPreview(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_fetcher(new RemoteImageFetcher(this))
{
    connect(m_fetcher, &RemoteImageFetcher::finished, this, &NotesPreview::imageFinished);
    setObjectName(QStringLiteral("notesPreview"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    verticalScrollBar()->setSingleStep(20);
}

NotesPreview::~NotesPreview() = default;

int NotesPreview::textWidth() const
{
    return std::max(50, viewport()->width() - 2 * Margin);
}

MarkdownPreviewPipeline::DocumentLayout NotesPreview::layoutForPipeline() const
{
    MarkdownPreviewPipeline::DocumentLayout layout;
    layout.font = font();
    layout.textWidth = textWidth();
    // Links in the preview's colours (the HTML import would take the application's).
    layout.styleSheet =
        QStringLiteral("a { color: %1; }").arg(palette().color(QPalette::Link).name());
    layout.images = m_images;
    return layout;
}

void NotesPreview::setSegments(const QList<MarkdownSegment> &segments, const QString &html)
{
    // A selection survives a render when the text it is in did not change.
    const Position from = std::min(m_anchor, m_focus);
    const Position to = std::max(m_anchor, m_focus);
    bool keepSelection = hasSelection() && to.segment < segments.size();
    for (int i = std::max(0, from.segment); keepSelection && i <= to.segment; ++i)
        keepSelection = segments.at(i).document == m_segments.at(i).segment.document;
    if (!keepSelection)
        m_anchor = m_focus = Position{};

    m_html = html;
    m_laysOutItself = false;
    m_segments.clear();
    m_segments.reserve(segments.size());
    for (const MarkdownSegment &segment : segments)
        m_segments.append(Placed{segment, 0, 0});
    m_laidOutWidth = segments.isEmpty() ? textWidth() : int(segments.first().document->textWidth());
    ++m_updates;
    place();
    if (m_laidOutWidth != textWidth())
        Q_EMIT layoutChanged(); // resized while they were laid out
}

void NotesPreview::setRenderedHtml(const QString &html)
{
    QList<MarkdownSegment> segments;
    if (!html.isEmpty())
        segments.append(MarkdownPreviewPipeline::layOut(html, layoutForPipeline()));
    setSegments(segments, html);
    m_laysOutItself = true;
}

void NotesPreview::place()
{
    // The larger of two facing margins between segments, as between blocks of one document.
    qreal y = Margin;
    for (int i = 0; i < m_segments.size(); ++i) {
        Placed &placed = m_segments[i];
        if (i > 0)
            y += std::max(m_segments.at(i - 1).segment.bottomMargin, placed.segment.topMargin);
        placed.y = y;
        placed.height = placed.segment.document->size().height();
        y += placed.height;
    }
    m_contentHeight = int(std::ceil(y)) + Margin;
    updateScrollBars();
    viewport()->update();
}

void NotesPreview::updateScrollBars()
{
    QScrollBar *bar = verticalScrollBar();
    const int value = bar->value();
    const int page = viewport()->height();
    bar->setPageStep(page);
    bar->setRange(0, std::max(0, m_contentHeight - page));
    bar->setValue(std::min(value, bar->maximum()));
}

QString NotesPreview::toPlainText() const
{
    QStringList parts;
    parts.reserve(m_segments.size());
    for (const Placed &placed : m_segments)
        parts.append(placed.segment.document->toPlainText());
    return parts.join(QLatin1Char('\n'));
}

void NotesPreview::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect area = event->rect();
    const qreal top = verticalScrollBar()->value() + area.top();
    const qreal bottom = verticalScrollBar()->value() + area.bottom() + 1;
    const Position from = std::min(m_anchor, m_focus);
    const Position to = std::max(m_anchor, m_focus);
    const QPalette pal = palette();
    for (int i = std::max(0, segmentAtY(top)); i < m_segments.size(); ++i) {
        const Placed &placed = m_segments.at(i);
        if (placed.y > bottom)
            break;
        if (placed.y + placed.height < top)
            continue;
        QTextDocument *document = placed.segment.document.get();
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = pal;
        context.cursorPosition = -1;
        context.clip = QRectF(0, top - placed.y, textWidth() + Margin, bottom - top);
        if (hasSelection() && i >= from.segment && i <= to.segment) {
            const int first = i == from.segment ? from.offset : 0;
            const int last = i == to.segment ? to.offset : document->characterCount() - 1;
            if (first < last) {
                QAbstractTextDocumentLayout::Selection selection;
                selection.cursor = QTextCursor(document);
                selection.cursor.setPosition(first);
                selection.cursor.setPosition(last, QTextCursor::KeepAnchor);
                selection.format.setBackground(pal.brush(QPalette::Highlight));
                selection.format.setForeground(pal.brush(QPalette::HighlightedText));
                context.selections.append(selection);
            }
        }
        painter.save();
        painter.translate(Margin, placed.y - verticalScrollBar()->value());
        painter.setClipRect(context.clip);
        document->documentLayout()->draw(&painter, context);
        painter.restore();
    }
}

int NotesPreview::segmentAtY(qreal y) const
{
    // The last segment that starts at or above y (a gap belongs to the segment above it).
    const auto it = std::upper_bound(m_segments.cbegin(), m_segments.cend(), y,
                                     [](qreal value, const Placed &p) { return value < p.y; });
    return int(it - m_segments.cbegin()) - 1;
}

QPointF NotesPreview::toSegment(int index, const QPoint &viewportPos) const
{
    const Placed &placed = m_segments.at(index);
    return QPointF(viewportPos.x() - Margin,
                   viewportPos.y() + verticalScrollBar()->value() - placed.y);
}

NotesPreview::Position NotesPreview::positionAt(const QPoint &viewportPos) const
{
    if (m_segments.isEmpty())
        return {};
    const qreal y = viewportPos.y() + verticalScrollBar()->value();
    const int index = segmentAtY(y);
    if (index < 0)
        return Position{0, 0};
    const Placed &placed = m_segments.at(index);
    QTextDocument *document = placed.segment.document.get();
    if (y > placed.y + placed.height)
        return Position{index, document->characterCount() - 1};
    const int offset =
        document->documentLayout()->hitTest(toSegment(index, viewportPos), Qt::FuzzyHit);
    return Position{index, std::max(0, offset)};
}

QString NotesPreview::anchorAt(const QPoint &viewportPos) const
{
    const qreal y = viewportPos.y() + verticalScrollBar()->value();
    const int index = segmentAtY(y);
    if (index < 0 || y > m_segments.at(index).y + m_segments.at(index).height)
        return {};
    return m_segments.at(index).segment.document->documentLayout()->anchorAt(
        toSegment(index, viewportPos));
}

QString NotesPreview::selectedText() const
{
    if (!hasSelection())
        return {};
    const Position from = std::min(m_anchor, m_focus);
    const Position to = std::max(m_anchor, m_focus);
    QStringList parts;
    for (int i = from.segment; i <= to.segment && i < m_segments.size(); ++i) {
        QTextDocument *document = m_segments.at(i).segment.document.get();
        QTextCursor cursor(document);
        cursor.setPosition(i == from.segment ? from.offset : 0);
        cursor.setPosition(i == to.segment ? to.offset : document->characterCount() - 1,
                           QTextCursor::KeepAnchor);
        parts.append(cursor.selection().toPlainText());
    }
    return parts.join(QLatin1Char('\n'));
}

void NotesPreview::selectAll()
{
    if (m_segments.isEmpty())
        return;
    m_anchor = Position{0, 0};
    m_focus = Position{int(m_segments.size()) - 1,
                       m_segments.last().segment.document->characterCount() - 1};
    viewport()->update();
}

void NotesPreview::copy() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void NotesPreview::openLink(const QString &href)
{
    const QUrl url(href);
    if (url.isRelative() && url.path().isEmpty() && url.hasFragment()) {
        scrollToAnchor(url.fragment());
        return;
    }
    Q_EMIT linkActivated(url);
    const QString scheme = url.scheme().toLower();
    if (m_openExternally && (scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
                             scheme == QLatin1String("mailto")))
        QDesktopServices::openUrl(url);
}

bool NotesPreview::scrollToAnchor(const QString &name)
{
    for (const Placed &placed : std::as_const(m_segments)) {
        QTextDocument *document = placed.segment.document.get();
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (!it.fragment().charFormat().anchorNames().contains(name))
                    continue;
                const qreal y =
                    placed.y + document->documentLayout()->blockBoundingRect(block).top();
                verticalScrollBar()->setValue(int(y) - Margin);
                return true;
            }
        }
    }
    return false;
}

void NotesPreview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressedLink = anchorAt(event->position().toPoint());
    const Position at = positionAt(event->position().toPoint());
    if (event->modifiers() & Qt::ShiftModifier && m_anchor.segment >= 0) {
        m_focus = at;
    } else {
        m_anchor = at;
        m_focus = at;
    }
    m_selecting = true;
    viewport()->update();
}

void NotesPreview::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        // Dragging past an edge scrolls.
        QScrollBar *bar = verticalScrollBar();
        if (pos.y() < 0)
            bar->setValue(bar->value() + pos.y());
        else if (pos.y() > viewport()->height())
            bar->setValue(bar->value() + pos.y() - viewport()->height());
        m_focus = positionAt(pos);
        viewport()->update();
        return;
    }
    viewport()->setCursor(anchorAt(pos).isEmpty() ? Qt::IBeamCursor : Qt::PointingHandCursor);
}

void NotesPreview::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_selecting = false;
    const QString link = anchorAt(event->position().toPoint());
    if (!m_pressedLink.isEmpty() && link == m_pressedLink && !hasSelection())
        openLink(link);
    m_pressedLink.clear();
}

void NotesPreview::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const Position at = positionAt(event->position().toPoint());
    if (at.segment < 0)
        return;
    QTextCursor cursor(m_segments.at(at.segment).segment.document.get());
    cursor.setPosition(at.offset);
    cursor.select(QTextCursor::WordUnderCursor);
    m_anchor = Position{at.segment, cursor.selectionStart()};
    m_focus = Position{at.segment, cursor.selectionEnd()};
    viewport()->update();
}

void NotesPreview::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    QScrollBar *bar = verticalScrollBar();
    if (event == QKeySequence::MoveToStartOfDocument || event->key() == Qt::Key_Home) {
        bar->setValue(0);
        return;
    }
    if (event == QKeySequence::MoveToEndOfDocument || event->key() == Qt::Key_End) {
        bar->setValue(bar->maximum());
        return;
    }
    if (event->key() == Qt::Key_Space) {
        bar->triggerAction(event->modifiers() & Qt::ShiftModifier
                               ? QAbstractSlider::SliderPageStepSub
                               : QAbstractSlider::SliderPageStepAdd);
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void NotesPreview::contextMenuEvent(QContextMenuEvent *event)
{
    const QPoint pos = viewport()->mapFromGlobal(event->globalPos());
    const QString link = anchorAt(pos);
    QMenu menu(this);
    QAction *copyAction = menu.addAction(tr("&Copy"), this, &NotesPreview::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(hasSelection());
    if (!link.isEmpty()) {
        menu.addAction(tr("Copy &Link Address"), this,
                       [link] { QGuiApplication::clipboard()->setText(link); });
    }
    menu.addSeparator();
    QAction *all = menu.addAction(tr("Select &All"), this, &NotesPreview::selectAll);
    all->setShortcut(QKeySequence::SelectAll);
    menu.exec(event->globalPos());
}

bool NotesPreview::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString link = anchorAt(help->pos());
        if (link.isEmpty() || link.startsWith(QLatin1Char('#')))
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), link, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void NotesPreview::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    if (textWidth() == m_laidOutWidth)
        return;
    if (m_laysOutItself)
        setRenderedHtml(m_html); // short text, laid out here
    else
        Q_EMIT layoutChanged(); // the old layout shows until the pipeline has the new one
}

void NotesPreview::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() != QEvent::FontChange && event->type() != QEvent::PaletteChange)
        return;
    if (m_laysOutItself)
        setRenderedHtml(m_html);
    else
        Q_EMIT layoutChanged();
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

void NotesPreview::setRemoteImagesAllowed(bool allowed)
{
    m_allowRemote = allowed;
}

void NotesPreview::requestImages(const QList<QUrl> &urls)
{
    if (!m_allowRemote)
        return;
    for (const QUrl &url : urls)
        m_fetcher->request(url);
}

int NotesPreview::pendingImageCount() const
{
    return m_fetcher->pendingCount();
}

void NotesPreview::imageFinished(const QUrl &url, bool ok)
{
    QImage image = m_fetcher->images().value(url);
    if (!ok) {
        // A broken image: a small grey box instead of asking again.
        image = QImage(16, 16, QImage::Format_ARGB32);
        image.fill(QColor(0x88, 0x88, 0x88, 0x60));
    }
    const int maxWidth = std::max(64, textWidth() - 8);
    if (image.width() > maxWidth)
        image = image.scaledToWidth(maxWidth, Qt::SmoothTransformation);
    m_images.insert(url, image);
    Q_EMIT imageArrived(url);
}

QVariant NotesPreview::loadResource(int type, const QUrl &name) const
{
    if (type != QTextDocument::ImageResource)
        return {};
    const auto it = m_images.constFind(name);
    return it == m_images.constEnd() ? QVariant() : QVariant(*it);
}

} // namespace Mainstay
