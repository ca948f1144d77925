#pragma once

#include "ganttchart.h"
#include "ganttestimate.h"
#include "ganttgeometry.h"
#include "ganttpainter.h"
#include "ganttrows.h"

#include <QAbstractScrollArea>
#include <QSet>

namespace Mainstay {

// The Gantt chart of one workflow run: a label column (sections, folded matrix groups, jobs,
// steps, expandable) and bars on a time axis, painted by GanttPainter, visible rows only.
//
// Mouse: wheel scrolls the rows, Ctrl+wheel zooms at the pointer, Shift+wheel or dragging pans;
// clicking a row's arrow (or double-clicking a section/group) expands it; double-clicking a job
// or pressing Enter on it opens its log page (jobActivated). Keys: Up/Down select, Left/Right
// collapse/expand (with Ctrl: pan), +/- zoom, 0 fits the run, Space toggles.
class GanttView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit GanttView(QWidget *parent = nullptr);

    // A new state of the run (same run: expansion, selection and zoom are kept).
    void setChart(const GanttChart &chart, const RunEstimate &estimate = {});
    const GanttChart &chart() const { return m_chart; }
    const QList<GanttRow> &rows() const { return m_rows; }
    const QList<int> &criticalPath() const { return m_critical; }
    void setShowCriticalPath(bool show);
    bool showsCriticalPath() const { return m_state.showCritical; }

    const GanttGeometry &geometry() const { return m_geometry; }
    // Shows the whole run (and its predicted end) across the chart area; zooming or panning by
    // hand stops the automatic fitting until fitToRun() is asked for again.
    void fitToRun();
    void zoomBy(double factor);
    void panBy(double dx);
    bool isFollowing() const { return m_autoFit; }

    void toggle(int row);
    void expandAll(bool expanded);
    // Shows (or hides) the steps of every job, groups unfolded.
    void setAllStepsShown(bool shown);
    int selectedRow() const { return m_state.selectedRow; }
    void setSelectedRow(int row);
    int rowAt(int y) const; // viewport y → row, -1 outside
    // The tooltip text of a row (exact times, duration, runner, conclusion).
    QString toolTipFor(int row) const;
    // Paints rows [first, last] onto `painter` as the viewport would (for the benchmark).
    void paintVisible(QPainter *painter);

    GanttPainter::Layout layout() const { return m_painter.layout(); }
    void paintHeader(QPainter *painter, int width);
    void zoomAt(double factor, double anchorX);

Q_SIGNALS:
    void jobActivated(const Mainstay::WorkflowJob &job);
    void selectionChanged(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuildRows();
    void updateScrollBars();
    void refit();
    void activate(int row);
    int chartWidth() const;

    QWidget *m_header = nullptr;
    GanttChart m_chart;
    RunEstimate m_estimate;
    QList<GanttRow> m_rows;
    QList<int> m_critical;
    QSet<int> m_criticalSet;
    GanttExpansion m_expansion;
    GanttGeometry m_geometry;
    GanttPainter m_painter;
    GanttPainter::State m_state;
    qint64 m_runId = 0;
    int m_runAttempt = 0;
    bool m_autoFit = true;
    bool m_dragging = false;
    QPoint m_dragStart;
    double m_dragScroll = 0;
    bool m_dragMoved = false;
};

} // namespace Mainstay
