#include "ganttview.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace Mainstay {

namespace {

GanttPainter makePainter(const QWidget *widget)
{
    return GanttPainter(GanttPainter::Colors::fromPalette(widget->palette()), widget->font());
}

} // namespace

// The time axis above the rows, in the scroll area's top margin.
class GanttHeader : public QWidget
{
public:
    explicit GanttHeader(GanttView *view)
        : QWidget(view)
        , m_view(view)
    {}

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        m_view->paintHeader(&painter, width());
    }
    void wheelEvent(QWheelEvent *event) override
    {
        // Wheel over the axis zooms, as Ctrl+wheel does over the rows.
        const double x = event->position().x() - m_view->layout().labelWidth;
        m_view->zoomAt(std::pow(1.0015, event->angleDelta().y()), std::max(0.0, x));
        event->accept();
    }

private:
    GanttView *m_view;
};

GanttView::GanttView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_painter(makePainter(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setViewportMargins(0, m_painter.layout().headerHeight, 0, 0);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Gantt chart of the workflow run"));
    // Every pixel is painted by GanttPainter: no background fill before each repaint.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    m_header = new GanttHeader(this);
    m_header->setAttribute(Qt::WA_OpaquePaintEvent);
    m_header->setToolTip(tr("Wheel here (or Ctrl+wheel on the rows) zooms the time axis"));
}

void GanttView::paintHeader(QPainter *painter, int width)
{
    m_painter.paintHeader(painter, width, m_geometry, m_state);
}

void GanttView::zoomAt(double factor, double anchorX)
{
    m_autoFit = false;
    m_geometry.zoom(factor, anchorX);
    viewport()->update();
    m_header->update();
}

void GanttView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_painter = makePainter(this);
        viewport()->update();
        if (m_header)
            m_header->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

void GanttView::setChart(const GanttChart &chart, const RunEstimate &estimate)
{
    const bool sameRun = chart.run.id == m_runId && chart.run.runAttempt == m_runAttempt;
    if (!sameRun) {
        m_expansion = {};
        m_state.selectedRow = -1;
        m_autoFit = true;
        verticalScrollBar()->setValue(0);
    }
    QString selectedKey;
    if (sameRun && m_state.selectedRow >= 0 && m_state.selectedRow < int(m_rows.size()))
        selectedKey = m_rows.at(m_state.selectedRow).key;
    m_runId = chart.run.id;
    m_runAttempt = chart.run.runAttempt;
    m_chart = chart;
    m_estimate = estimate;
    m_critical = Mainstay::criticalPath(chart.jobs, chart.now);
    m_criticalSet = QSet<int>(m_critical.cbegin(), m_critical.cend());
    m_state.now = chart.run.isCompleted() ? QDateTime() : chart.now;
    m_state.predictedEnd = estimate.predictedEnd;
    rebuildRows();
    if (!selectedKey.isEmpty()) {
        m_state.selectedRow = -1;
        for (int i = 0; i < int(m_rows.size()); ++i)
            if (m_rows.at(i).key == selectedKey)
                m_state.selectedRow = i;
    }
    if (m_autoFit || !m_geometry.isValid())
        refit();
    viewport()->update();
    m_header->update();
}

void GanttView::setShowCriticalPath(bool show)
{
    m_state.showCritical = show;
    viewport()->update();
}

void GanttView::rebuildRows()
{
    m_rows = ganttRows(m_chart, m_expansion, m_criticalSet, m_estimate);
    if (m_state.selectedRow >= int(m_rows.size()))
        m_state.selectedRow = int(m_rows.size()) - 1;
    updateScrollBars();
}

void GanttView::updateScrollBars()
{
    const int rh = m_painter.layout().rowHeight;
    const int visible = std::max(1, viewport()->height() / rh);
    verticalScrollBar()->setRange(0, std::max(0, int(m_rows.size()) - visible));
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setSingleStep(1);
}

int GanttView::chartWidth() const
{
    return std::max(50, viewport()->width() - m_painter.chartLeft());
}

void GanttView::refit()
{
    if (!m_chart.start.isValid())
        return;
    QDateTime end = m_chart.end;
    if (m_estimate.predictedEnd.isValid() && m_estimate.predictedEnd > end)
        end = m_estimate.predictedEnd;
    m_geometry.fit(m_chart.start, end, chartWidth(), 48);
}

void GanttView::fitToRun()
{
    m_autoFit = true;
    refit();
    viewport()->update();
    m_header->update();
}

void GanttView::zoomBy(double factor)
{
    m_autoFit = false;
    double anchor = chartWidth() / 2.0;
    if (m_state.now.isValid()) {
        const double x = m_geometry.x(m_state.now);
        if (x >= 0 && x <= chartWidth())
            anchor = x;
    }
    m_geometry.zoom(factor, anchor);
    viewport()->update();
    m_header->update();
}

void GanttView::panBy(double dx)
{
    m_autoFit = false;
    m_geometry.pan(dx);
    viewport()->update();
    m_header->update();
}

void GanttView::toggle(int row)
{
    if (row < 0 || row >= int(m_rows.size()) || !m_rows.at(row).expandable)
        return;
    m_expansion.toggle(m_rows.at(row).key);
    const QString key = m_rows.at(row).key;
    rebuildRows();
    for (int i = 0; i < int(m_rows.size()); ++i)
        if (m_rows.at(i).key == key)
            m_state.selectedRow = i;
    viewport()->update();
}

void GanttView::expandAll(bool expanded)
{
    for (const GanttSection &section : std::as_const(m_chart.sections)) {
        m_expansion.setExpanded(QStringLiteral("s:") + section.name, true);
        for (const GanttItem &item : section.items)
            if (item.group)
                m_expansion.setExpanded(QStringLiteral("g:%1/%2").arg(section.name, item.name),
                                        expanded);
    }
    rebuildRows();
    viewport()->update();
}

void GanttView::setAllStepsShown(bool shown)
{
    expandAll(true);
    for (const WorkflowJob &job : std::as_const(m_chart.jobs))
        m_expansion.setExpanded(QStringLiteral("j:%1").arg(job.id), shown);
    rebuildRows();
    viewport()->update();
}

void GanttView::setSelectedRow(int row)
{
    row = std::clamp(row, -1, int(m_rows.size()) - 1);
    if (row == m_state.selectedRow)
        return;
    m_state.selectedRow = row;
    if (row >= 0) {
        const int first = verticalScrollBar()->value();
        const int visible = verticalScrollBar()->pageStep();
        if (row < first)
            verticalScrollBar()->setValue(row);
        else if (row >= first + visible)
            verticalScrollBar()->setValue(row - visible + 1);
    }
    Q_EMIT selectionChanged(row);
    viewport()->update();
}

int GanttView::rowAt(int y) const
{
    if (y < 0)
        return -1;
    const int row = verticalScrollBar()->value() + y / m_painter.layout().rowHeight;
    return row < int(m_rows.size()) ? row : -1;
}

QString GanttView::toolTipFor(int index) const
{
    if (index < 0 || index >= int(m_rows.size()))
        return {};
    const GanttRow &row = m_rows.at(index);
    auto when = [](const QDateTime &time) {
        return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                              : QStringLiteral("—");
    };
    QString html = QStringLiteral("<b>%1</b><br>").arg(row.label.toHtmlEscaped());
    if (row.kind == GanttRow::Kind::Job && row.job >= 0) {
        const WorkflowJob &job = m_chart.jobs.at(row.job);
        html = QStringLiteral("<b>%1</b><br>").arg(job.name.toHtmlEscaped());
    }
    html += QStringLiteral("%1").arg(ganttStateName(row.state));
    if (!row.detail.isEmpty() && row.kind != GanttRow::Kind::Job)
        html += QStringLiteral(" — ") + row.detail.toHtmlEscaped();
    html += QStringLiteral("<table>");
    auto line = [&html](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td>%1&nbsp;</td><td>%2</td></tr>").arg(name, value);
    };
    if (row.kind != GanttRow::Kind::Step)
        line(tr("Queued"), when(row.span.queued));
    line(tr("Started"), when(row.span.started));
    line(row.span.open ? tr("Now") : tr("Finished"), when(row.span.finished));
    if (row.kind != GanttRow::Kind::Step && row.span.waitSeconds() > 0)
        line(tr("Waited"), formatDuration(row.span.waitSeconds()));
    if (row.span.started.isValid())
        line(tr("Ran"), formatDuration(row.span.runSeconds()));
    if (row.kind == GanttRow::Kind::Job && row.job >= 0) {
        const WorkflowJob &job = m_chart.jobs.at(row.job);
        if (m_estimate.usualSeconds.contains(job.id))
            line(tr("Usually"), formatDuration(m_estimate.usualSeconds.value(job.id)));
        if (row.predictedEnd.isValid())
            line(tr("Expected end"), when(row.predictedEnd));
        line(tr("Runner"),
             job.runnerName.isEmpty() ? QStringLiteral("—") : job.runnerName.toHtmlEscaped());
        line(tr("Status"), toString(job.status));
        line(tr("Conclusion"), job.conclusion == RunConclusion::None ? QStringLiteral("—")
                                                                     : toString(job.conclusion));
    }
    html += QStringLiteral("</table>");
    if (row.overrun)
        html += tr("<br><b>Running longer than usual.</b>");
    if (row.critical && row.kind == GanttRow::Kind::Job)
        html += tr("<br>On the critical path.");
    if (row.kind == GanttRow::Kind::Job)
        html += tr("<br><i>Double-click or Enter opens the job's log.</i>");
    return html;
}

void GanttView::paintVisible(QPainter *painter)
{
    const int first = verticalScrollBar()->value();
    const int rh = m_painter.layout().rowHeight;
    const int count = viewport()->height() / rh + 1;
    m_painter.paintRows(painter, m_rows, first, first + count - 1, 0, viewport()->height(),
                        viewport()->width(), m_geometry, m_state);
}

void GanttView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    {
        QPainter painter(viewport());
        if (m_rows.isEmpty()) {
            painter.fillRect(viewport()->rect(), m_painter.colors().background);
            painter.setPen(m_painter.colors().mutedText);
            painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No jobs to show yet."));
        } else {
            paintVisible(&painter);
        }
    }
    m_header->update();
}

void GanttView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const QRect area = viewport()->geometry();
    m_header->setGeometry(area.left(), area.top() - m_painter.layout().headerHeight, area.width(),
                          m_painter.layout().headerHeight);
    updateScrollBars();
    if (m_autoFit)
        refit();
}

void GanttView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double x = event->position().x() - m_painter.chartLeft();
        zoomAt(std::pow(1.0015, delta.y()), std::max(0.0, x));
        event->accept();
        return;
    }
    if ((event->modifiers() & Qt::ShiftModifier) || delta.x() != 0) {
        panBy(-(delta.x() != 0 ? delta.x() : delta.y()) / 2.0);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void GanttView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const int row = rowAt(int(event->position().y()));
    const int x = int(event->position().x());
    if (x >= m_painter.chartLeft()) {
        m_dragging = true;
        m_dragMoved = false;
        m_dragStart = event->position().toPoint();
        m_dragScroll = m_geometry.scroll();
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (row >= 0) {
        setSelectedRow(row);
        const GanttRow &r = m_rows.at(row);
        const int arrowX = 6 + r.depth * m_painter.layout().indent;
        if (r.expandable && x < m_painter.chartLeft() && x >= arrowX - 4 && x <= arrowX + 12)
            toggle(row);
    }
}

void GanttView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const double dx = event->position().x() - m_dragStart.x();
        if (std::abs(dx) > 3)
            m_dragMoved = true;
        if (m_dragMoved) {
            m_autoFit = false;
            m_geometry =
                GanttGeometry(m_geometry.origin(), m_geometry.pixelsPerSecond(), m_dragScroll - dx);
            viewport()->update();
            m_header->update();
        }
        return;
    }
    const int row = rowAt(int(event->position().y()));
    if (row != m_state.hoverRow) {
        m_state.hoverRow = row;
        viewport()->update();
    }
}

void GanttView::mouseReleaseEvent(QMouseEvent *event)
{
    Q_UNUSED(event)
    m_dragging = false;
    viewport()->unsetCursor();
}

void GanttView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int row = rowAt(int(event->position().y()));
    if (row >= 0)
        activate(row);
}

void GanttView::activate(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    const GanttRow &r = m_rows.at(row);
    if ((r.kind == GanttRow::Kind::Job || r.kind == GanttRow::Kind::Step) && r.job >= 0)
        Q_EMIT jobActivated(m_chart.jobs.at(r.job));
    else
        toggle(row);
}

void GanttView::leaveEvent(QEvent *event)
{
    m_state.hoverRow = -1;
    viewport()->update();
    QAbstractScrollArea::leaveEvent(event);
}

bool GanttView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipFor(rowAt(help->pos().y()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void GanttView::keyPressEvent(QKeyEvent *event)
{
    const int row = m_state.selectedRow;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Down:
        setSelectedRow(row + 1);
        return;
    case Qt::Key_Up:
        setSelectedRow(std::max(0, row - 1));
        return;
    case Qt::Key_PageDown:
        setSelectedRow(row + verticalScrollBar()->pageStep());
        return;
    case Qt::Key_PageUp:
        setSelectedRow(std::max(0, row - verticalScrollBar()->pageStep()));
        return;
    case Qt::Key_Home:
        setSelectedRow(0);
        return;
    case Qt::Key_End:
        setSelectedRow(int(m_rows.size()) - 1);
        return;
    case Qt::Key_Right:
        if (ctrl || row < 0)
            panBy(chartWidth() / 8.0);
        else if (m_rows.at(row).expandable && !m_rows.at(row).expanded)
            toggle(row);
        return;
    case Qt::Key_Left:
        if (ctrl || row < 0)
            panBy(-chartWidth() / 8.0);
        else if (m_rows.at(row).expandable && m_rows.at(row).expanded)
            toggle(row);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        return;
    case Qt::Key_0:
        fitToRun();
        return;
    case Qt::Key_Space:
        toggle(row);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activate(row);
        return;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

} // namespace Mainstay
