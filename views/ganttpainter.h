#pragma once

#include "ganttestimate.h"
#include "ganttgeometry.h"
#include "ganttrows.h"

#include <QColor>
#include <QFont>
#include <QFontMetrics>
#include <QPalette>

class QPainter;
class QIODevice;

namespace Mainstay {

// Draws the Gantt chart: the time axis header, the label column and the bars of a range of rows.
// The one painting code of the chart, used by GanttView on screen and by the PNG/SVG exports
// (also headless), so they look the same. Only the rows asked for are touched.
class GanttPainter
{
public:
    struct Layout
    {
        int rowHeight = 22;
        int headerHeight = 30;
        int labelWidth = 320;
        int indent = 16;
    };
    struct Colors
    {
        QColor background, alternate, sectionBackground, grid, text, mutedText, headerBackground;
        QColor success, failure, running, queued, waiting, cancelled, skipped, neutral;
        QColor now, predicted, critical, overrun, hover, selection;
        static Colors fromPalette(const QPalette &palette);
    };
    struct State
    {
        QDateTime now;
        QDateTime predictedEnd;
        int hoverRow = -1;
        int selectedRow = -1;
        bool showCritical = true;
    };

    GanttPainter(const Colors &colors, const QFont &font);
    GanttPainter(const Colors &colors, const QFont &font, const Layout &layout);

    const Layout &layout() const { return m_layout; }
    const Colors &colors() const { return m_colors; }
    QColor stateColor(GanttState state) const;

    // The axis across `width` (the whole widget width; the chart starts after the label column).
    void paintHeader(QPainter *painter, int width, const GanttGeometry &geometry,
                     const State &state) const;
    // Rows [first, last] of `rows`, row `first` drawn at y = `top` (below the header), across
    // `width`; vertical lines (grid, now-line, predicted end) span [top, bottom).
    void paintRows(QPainter *painter, const QList<GanttRow> &rows, int first, int last, int top,
                   int bottom, int width, const GanttGeometry &geometry, const State &state) const;
    // The chart area's x range for `width`.
    int chartLeft() const { return m_layout.labelWidth; }

    // The whole chart (all `rows`) at `width`, for exports: the geometry fits the chart's span.
    QSize fullSize(const QList<GanttRow> &rows, int width) const;
    void paintAll(QPainter *painter, const QList<GanttRow> &rows, const GanttChart &chart,
                  const RunEstimate &estimate, int width) const;
    // A title line drawn above the chart in exports.
    static constexpr int TitleHeight = 34;

private:
    void paintLabel(QPainter *painter, const GanttRow &row, const QRect &rect, bool hovered) const;
    void paintBar(QPainter *painter, const GanttRow &row, const QRect &rowRect,
                  const GanttGeometry &geometry, const State &state) const;

    Colors m_colors;
    QFont m_font;
    QFont m_bold;
    QFont m_small;
    Layout m_layout;
    QFontMetrics m_fontMetrics;
    QFontMetrics m_boldMetrics;
    QFontMetrics m_smallMetrics;
};

// Exports of the chart through GanttPainter. `steps` expands every job; `dark` picks the
// dark palette. Returns an error sentence, empty on success.
namespace GanttExport {
QString writeSvg(QIODevice *device, const GanttChart &chart, const RunEstimate &estimate,
                 bool steps, bool dark = false, int width = 1400);
QString writePng(QIODevice *device, const GanttChart &chart, const RunEstimate &estimate,
                 bool steps, bool dark = false, int width = 1400);
QString chartTitle(const GanttChart &chart);
} // namespace GanttExport

} // namespace Mainstay
