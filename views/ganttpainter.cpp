#include "ganttpainter.h"

#include "apppalette.h"

#include <QBuffer>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

namespace Mainstay {

namespace {

// A vertical line in pieces of at most 48 scan lines: a taller one makes Qt's raster engine
// split the blend across its thread pool, whose hand-offs cost more than the line itself.
void verticalLine(QPainter *painter, int x, int top, int bottom)
{
    for (int y = top; y < bottom; y += 48)
        painter->drawLine(x, y, x, std::min(bottom, y + 48) - 1);
}

// The baseline that centres a line of `metrics` text vertically in `rect`.
double baseline(const QRect &rect, const QFontMetrics &metrics)
{
    return rect.top() + (rect.height() + metrics.ascent() - metrics.descent()) / 2.0;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

GanttPainter::Colors GanttPainter::Colors::fromPalette(const QPalette &palette)
{
    const bool dark = isDark(palette);
    Colors c;
    c.background = palette.color(QPalette::Base);
    c.alternate = dark ? c.background.lighter(112) : c.background.darker(103);
    c.sectionBackground = dark ? c.background.lighter(135) : QColor(0xee, 0xf1, 0xf5);
    c.headerBackground = palette.color(QPalette::Window);
    c.grid = dark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 22);
    c.text = palette.color(QPalette::Text);
    c.mutedText = dark ? QColor(0x9d, 0xa7, 0xb3) : QColor(0x59, 0x63, 0x6e);
    c.success = dark ? QColor(0x2e, 0xa0, 0x43) : QColor(0x1f, 0x88, 0x3d);
    c.failure = dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    c.running = dark ? QColor(0x38, 0x8b, 0xfd) : QColor(0x09, 0x69, 0xda);
    c.queued = dark ? QColor(0x76, 0x83, 0x90) : QColor(0x8c, 0x95, 0x9f);
    c.waiting = dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xbf, 0x87, 0x00);
    c.cancelled = dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81);
    c.skipped = dark ? QColor(0x48, 0x4f, 0x58) : QColor(0xd0, 0xd7, 0xde);
    c.neutral = c.cancelled;
    c.now = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xd1, 0x24, 0x2f);
    c.predicted = dark ? QColor(0xbc, 0x8c, 0xff) : QColor(0x82, 0x50, 0xdf);
    c.critical = dark ? QColor(0xff, 0xa6, 0x57) : QColor(0xbc, 0x4c, 0x00);
    c.overrun = c.critical;
    c.hover = dark ? QColor(255, 255, 255, 18) : QColor(0, 0, 0, 12);
    c.selection = palette.color(QPalette::Highlight);
    c.selection.setAlpha(60);
    return c;
}

GanttPainter::GanttPainter(const Colors &colors, const QFont &font)
    : GanttPainter(colors, font, Layout())
{}

GanttPainter::GanttPainter(const Colors &colors, const QFont &font, const Layout &layout)
    : m_colors(colors)
    , m_font(font)
    , m_bold(font)
    , m_small(font)
    , m_layout(layout)
    , m_fontMetrics(font)
    , m_boldMetrics(font)
    , m_smallMetrics(font)
{
    m_bold.setBold(true);
    m_small.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.88));
    m_boldMetrics = QFontMetrics(m_bold);
    m_smallMetrics = QFontMetrics(m_small);
}

QColor GanttPainter::stateColor(GanttState state) const
{
    switch (state) {
    case GanttState::Success:
        return m_colors.success;
    case GanttState::Failure:
        return m_colors.failure;
    case GanttState::Running:
        return m_colors.running;
    case GanttState::Queued:
        return m_colors.queued;
    case GanttState::Waiting:
        return m_colors.waiting;
    case GanttState::Cancelled:
        return m_colors.cancelled;
    case GanttState::Skipped:
        return m_colors.skipped;
    case GanttState::Neutral:
        return m_colors.neutral;
    }
    return m_colors.neutral;
}

void GanttPainter::paintHeader(QPainter *painter, int width, const GanttGeometry &geometry,
                               const State &state) const
{
    const int h = m_layout.headerHeight;
    const int left = chartLeft();
    painter->save();
    painter->fillRect(QRect(0, 0, width, h), m_colors.headerBackground);
    painter->setPen(m_colors.grid);
    painter->drawLine(0, h - 1, width, h - 1);
    painter->drawLine(left - 1, 0, left - 1, h);
    painter->setFont(m_bold);
    painter->setPen(m_colors.mutedText);
    painter->drawText(QRect(8, 0, left - 16, h), Qt::AlignVCenter | Qt::AlignLeft,
                      QObject::tr("Job"));
    painter->setClipRect(QRect(left, 0, width - left, h));
    painter->setFont(m_small);
    const int chartWidth = width - left;
    const auto ticks = geometry.ticks(chartWidth, 80);
    for (const GanttGeometry::Tick &tick : ticks) {
        const int x = left + int(tick.x);
        painter->setPen(m_colors.grid);
        painter->drawLine(x, h - 7, x, h - 1);
        painter->setPen(tick.major ? m_colors.text : m_colors.mutedText);
        painter->drawText(QRect(x + 3, 0, 120, h - 4), Qt::AlignBottom | Qt::AlignLeft, tick.label);
    }
    auto marker = [&](const QDateTime &time, const QColor &color, const QString &text) {
        if (!time.isValid())
            return;
        const int x = left + int(geometry.x(time));
        if (x < left || x > width)
            return;
        const QFontMetrics metrics(m_small);
        const int w = metrics.horizontalAdvance(text) + 10;
        QRect box(x - w / 2, 2, w, metrics.height() + 2);
        if (box.right() > width - 2)
            box.moveRight(width - 2);
        if (box.left() < left + 2)
            box.moveLeft(left + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(box, Qt::AlignCenter, text);
    };
    marker(state.predictedEnd, m_colors.predicted,
           QObject::tr("ETA %1").arg(
               state.predictedEnd.toLocalTime().toString(QStringLiteral("HH:mm"))));
    marker(state.now, m_colors.now, state.now.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    painter->restore();
}

void GanttPainter::paintRows(QPainter *painter, const QList<GanttRow> &rows, int first, int last,
                             int top, int bottom, int width, const GanttGeometry &geometry,
                             const State &state) const
{
    const int left = chartLeft();
    const int rh = m_layout.rowHeight;
    painter->save();
    // Fills go in pieces under ~32k pixels: larger ones make Qt's raster engine hand the work
    // to its thread pool, whose hand-offs cost more than the fill on a busy machine.
    auto fill = [&](const QRect &rect, const QColor &color) {
        painter->fillRect(QRect(rect.left(), rect.top(), left, rect.height()), color);
        for (int x = left; x < rect.right() + 1; x += 1200)
            painter->fillRect(
                QRect(x, rect.top(), std::min(1200, rect.right() + 1 - x), rect.height()), color);
    };
    // Grid lines at the axis ticks, behind the bars.
    const auto ticks = geometry.ticks(width - left, 80);
    first = std::max(0, first);
    last = std::min(last, int(rows.size()) - 1);
    // Backgrounds and labels first, then every bar under one clip (no per-row state saves).
    for (int i = first; i <= last; ++i) {
        const GanttRow &row = rows.at(i);
        const QRect rowRect(0, top + (i - first) * rh, width, rh);
        if (row.kind == GanttRow::Kind::Section)
            fill(rowRect, m_colors.sectionBackground);
        else
            fill(rowRect, i % 2 ? m_colors.alternate : m_colors.background);
        if (i == state.selectedRow)
            fill(rowRect, m_colors.selection);
        else if (i == state.hoverRow)
            fill(rowRect, m_colors.hover);
    }
    for (int y = top + std::max(0, last - first + 1) * rh; y < bottom; y += rh)
        fill(QRect(0, y, width, std::min(rh, bottom - y)), m_colors.background);
    painter->setPen(m_colors.grid);
    for (const GanttGeometry::Tick &tick : ticks)
        verticalLine(painter, left + int(tick.x), top, bottom);
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int i = first; i <= last; ++i)
        paintLabel(painter, rows.at(i), QRect(0, top + (i - first) * rh, left - 1, rh),
                   i == state.hoverRow);
    painter->setClipRect(QRect(left, top, width - left, bottom - top));
    for (int i = first; i <= last; ++i)
        paintBar(painter, rows.at(i), QRect(left, top + (i - first) * rh, width - left, rh),
                 geometry, state);
    painter->setClipping(false);
    painter->setPen(m_colors.grid);
    verticalLine(painter, left - 1, top, bottom);
    painter->setClipRect(QRect(left, top, width - left, bottom - top));
    if (state.predictedEnd.isValid()) {
        const int x = left + int(geometry.x(state.predictedEnd));
        QPen pen(m_colors.predicted, 1.5, Qt::DashLine);
        painter->setPen(pen);
        verticalLine(painter, x, top, bottom);
    }
    if (state.now.isValid()) {
        const int x = left + int(geometry.x(state.now));
        painter->setPen(QPen(m_colors.now, 1.5));
        verticalLine(painter, x, top, bottom);
    }
    painter->restore();
}

void GanttPainter::paintLabel(QPainter *painter, const GanttRow &row, const QRect &rect,
                              bool hovered) const
{
    Q_UNUSED(hovered)
    const int x0 = rect.left() + 6 + row.depth * m_layout.indent;
    const int cy = rect.center().y();
    if (row.expandable) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_colors.mutedText);
        QPainterPath arrow;
        if (row.expanded) {
            arrow.moveTo(x0, cy - 2);
            arrow.lineTo(x0 + 8, cy - 2);
            arrow.lineTo(x0 + 4, cy + 3);
        } else {
            arrow.moveTo(x0 + 2, cy - 4);
            arrow.lineTo(x0 + 7, cy);
            arrow.lineTo(x0 + 2, cy + 4);
        }
        arrow.closeSubpath();
        painter->drawPath(arrow);
    }
    int x = x0 + 12;
    // State dot for jobs and groups, so the label column alone tells what failed.
    if (row.kind != GanttRow::Kind::Section) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColor(row.state));
        const int d = row.kind == GanttRow::Kind::Step ? 6 : 8;
        painter->drawRoundedRect(QRect(x, cy - d / 2, d, d), 2, 2);
        x += 14;
    }
    const QFont &font = row.kind == GanttRow::Kind::Section ? m_bold : m_font;
    QString detail = row.detail;
    if (row.kind == GanttRow::Kind::Job)
        detail.clear(); // the runner goes to the tooltip
    const QFontMetrics &smallMetrics = m_smallMetrics;
    int detailWidth = detail.isEmpty() ? 0 : smallMetrics.horizontalAdvance(detail) + 8;
    detailWidth = std::min(detailWidth, rect.width() / 2);
    if (detailWidth) {
        painter->setFont(m_small);
        painter->setPen(row.state == GanttState::Failure ? m_colors.failure : m_colors.mutedText);
        const QString shown = smallMetrics.horizontalAdvance(detail) + 8 > detailWidth
                                  ? smallMetrics.elidedText(detail, Qt::ElideRight, detailWidth - 8)
                                  : detail;
        painter->drawText(QPointF(rect.right() - 4 - smallMetrics.horizontalAdvance(shown),
                                  baseline(rect, smallMetrics)),
                          shown);
    }
    painter->setFont(font);
    const QFontMetrics &metrics =
        row.kind == GanttRow::Kind::Section ? m_boldMetrics : m_fontMetrics;
    const int available = rect.right() - detailWidth - 8 - x;
    QColor color = m_colors.text;
    if (row.state == GanttState::Failure)
        color = m_colors.failure;
    else if (row.kind == GanttRow::Kind::Step || row.state == GanttState::Skipped)
        color = m_colors.mutedText;
    painter->setPen(color);
    QString label = row.label;
    if (row.overrun)
        label += QStringLiteral("  ⚠");
    // Point-placed text: no layout pass per row (the repaint budget is a few milliseconds).
    const QString shown = metrics.horizontalAdvance(label) > available
                              ? metrics.elidedText(label, Qt::ElideRight, std::max(0, available))
                              : label;
    painter->drawText(QPointF(x, baseline(rect, metrics)), shown);
}

void GanttPainter::paintBar(QPainter *painter, const GanttRow &row, const QRect &rowRect,
                            const GanttGeometry &geometry, const State &state) const
{
    const GanttSpan &span = row.span;
    if (!span.queued.isValid() && !span.started.isValid())
        return;
    const int left = rowRect.left();
    auto xAt = [&](const QDateTime &t) { return left + geometry.x(t); };
    const bool step = row.kind == GanttRow::Kind::Step;
    const bool summary = row.kind == GanttRow::Kind::Section || row.kind == GanttRow::Kind::Group;
    const int barHeight = step ? 8 : summary ? 10 : 12;
    const double cy = rowRect.center().y() + 0.5;
    const QColor color = stateColor(row.state);

    if (summary) {
        // A bracket over the span, filled in the colour of its state.
        const double x1 = xAt(span.queued);
        const double x2 = std::max(xAt(span.finished), x1 + 2);
        QRectF bar(x1, cy - barHeight / 2.0, x2 - x1, barHeight);
        QColor fill = color;
        fill.setAlpha(row.kind == GanttRow::Kind::Section ? 70 : 110);
        painter->fillRect(bar.toAlignedRect(), fill);
        painter->fillRect(QRectF(x1, bar.top(), std::max(2.0, x2 - x1), 3).toAlignedRect(), color);
        return;
    }

    // Waiting for a runner (or an approval): a thin hatched track from queued to started.
    const QDateTime waitEnd = span.started.isValid() ? span.started : span.finished;
    if (!step && span.queued.isValid() && waitEnd.isValid() && span.queued < waitEnd) {
        const double x1 = xAt(span.queued);
        const double x2 = xAt(waitEnd);
        const bool approval = row.state == GanttState::Waiting;
        QRectF track(x1, cy - (approval ? 5 : 3), std::max(1.0, x2 - x1), approval ? 10 : 6);
        QColor trackColor = approval ? m_colors.waiting : m_colors.queued;
        painter->setPen(QPen(trackColor, 1));
        QColor fill = trackColor;
        fill.setAlpha(approval ? 90 : 50);
        painter->setBrush(QBrush(fill, approval ? Qt::SolidPattern : Qt::BDiagPattern));
        painter->drawRect(track);
        if (approval) {
            // Inside the track when it is long enough, else just after it (after the now-line
            // of a job still waiting), so a short wait does not cut the words.
            const QString label = QObject::tr("awaiting approval");
            painter->setPen(m_colors.text);
            painter->setFont(m_small);
            const double width = QFontMetricsF(m_small).horizontalAdvance(label);
            const double left = track.width() >= width + 6 ? track.left() + 3 : track.right() + 5;
            painter->drawText(QRectF(left, track.top() - 4, width + 2, track.height() + 8),
                              Qt::AlignVCenter | Qt::AlignLeft, label);
        }
    }
    if (!span.started.isValid()) {
        if (row.state == GanttState::Skipped && span.finished.isValid()) {
            const double x = xAt(span.finished);
            painter->setPen(QPen(m_colors.skipped, 2));
            painter->drawLine(QPointF(x, cy - 5), QPointF(x, cy + 5));
        }
        return;
    }
    const double x1 = xAt(span.started);
    const double x2 = std::max(xAt(span.finished), x1 + 2);
    QRectF bar(x1, cy - barHeight / 2.0, x2 - x1, barHeight);
    painter->fillRect(bar.toAlignedRect(),
                      step ? color.lighter(row.state == GanttState::Skipped ? 100 : 110) : color);
    if (span.open && row.predictedEnd.isValid() && row.predictedEnd > span.finished) {
        // Where this job usually ends: a dashed outline ahead of the growing bar.
        const double xp = xAt(row.predictedEnd);
        painter->setPen(QPen(color, 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(x2, bar.top(), xp - x2, bar.height()));
    }
    if (row.state == GanttState::Failure) {
        painter->setPen(QPen(m_colors.failure.darker(130), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(bar.toAlignedRect().adjusted(-1, -1, 0, 0));
    }
    if (row.critical && state.showCritical && !step) {
        // The critical path: an underline, so it reads even on the thinnest bar.
        painter->fillRect(
            QRectF(bar.left(), bar.bottom() + 2, std::max(3.0, bar.width()), 2).toAlignedRect(),
            m_colors.critical);
    }
    if (row.overrun) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_colors.overrun);
        QPainterPath flag;
        flag.moveTo(x2 + 3, cy - 6);
        flag.lineTo(x2 + 11, cy - 6);
        flag.lineTo(x2 + 7, cy + 1);
        flag.closeSubpath();
        painter->drawPath(flag);
    }
    // The duration after the bar when there is room.
    if (!step) {
        const QString text = formatDuration(span.runSeconds());
        painter->setFont(m_small);
        painter->setPen(m_colors.mutedText);
        const double tx = x2 + (row.overrun ? 14 : 4);
        painter->drawText(QPointF(tx, baseline(rowRect, m_smallMetrics)), text);
    }
}

QSize GanttPainter::fullSize(const QList<GanttRow> &rows, int width) const
{
    return QSize(width,
                 TitleHeight + m_layout.headerHeight + int(rows.size()) * m_layout.rowHeight + 8);
}

void GanttPainter::paintAll(QPainter *painter, const QList<GanttRow> &rows, const GanttChart &chart,
                            const RunEstimate &estimate, int width) const
{
    const QSize size = fullSize(rows, width);
    painter->fillRect(QRect(QPoint(0, 0), size), m_colors.background);
    painter->setFont(m_bold);
    painter->setPen(m_colors.text);
    painter->drawText(QRect(10, 0, width - 20, TitleHeight), Qt::AlignVCenter | Qt::AlignLeft,
                      GanttExport::chartTitle(chart));
    GanttGeometry geometry;
    QDateTime end = chart.end;
    if (estimate.predictedEnd.isValid() && estimate.predictedEnd > end)
        end = estimate.predictedEnd;
    geometry.fit(chart.start, end, width - chartLeft(), 60);
    State state;
    state.now = chart.run.isCompleted() ? QDateTime() : chart.now;
    state.predictedEnd = estimate.predictedEnd;
    painter->save();
    painter->translate(0, TitleHeight);
    paintHeader(painter, width, geometry, state);
    paintRows(painter, rows, 0, int(rows.size()) - 1, m_layout.headerHeight,
              m_layout.headerHeight + int(rows.size()) * m_layout.rowHeight + 8, width, geometry,
              state);
    painter->restore();
}

namespace GanttExport {

QString chartTitle(const GanttChart &chart)
{
    const WorkflowRun &run = chart.run;
    QString title = run.displayTitle.isEmpty() ? run.name : run.displayTitle;
    if (run.runNumber)
        title += QStringLiteral("  #%1").arg(run.runNumber);
    if (run.runAttempt > 1)
        title += QObject::tr(" (attempt %1)").arg(run.runAttempt);
    const GanttProgress progress = chart.progress();
    title += QStringLiteral("  —  ") + progress.text() + QStringLiteral(", ") +
             formatDuration(chart.durationSeconds());
    if (chart.start.isValid())
        title += QStringLiteral("  —  ") +
                 chart.start.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    return title;
}

namespace {

struct Prepared
{
    QList<GanttRow> rows;
    GanttPainter painter;
    QSize size;
};

Prepared prepare(const GanttChart &chart, const RunEstimate &estimate, bool steps, bool dark,
                 int width)
{
    QSet<int> critical;
    for (int index : criticalPath(chart.jobs, chart.now))
        critical.insert(index);
    const QList<GanttRow> rows = allGanttRows(chart, steps, critical, estimate);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    GanttPainter painter(GanttPainter::Colors::fromPalette(AppPalette::palette(
                             dark ? AppPalette::Mode::Dark : AppPalette::Mode::Light)),
                         font);
    const QSize size = painter.fullSize(rows, width);
    return {rows, painter, size};
}

} // namespace

QString writeSvg(QIODevice *device, const GanttChart &chart, const RunEstimate &estimate,
                 bool steps, bool dark, int width)
{
    const Prepared p = prepare(chart, estimate, steps, dark, width);
    QSvgGenerator generator;
    generator.setOutputDevice(device);
    generator.setSize(p.size);
    generator.setViewBox(QRect(QPoint(0, 0), p.size));
    generator.setTitle(chartTitle(chart));
    generator.setDescription(QStringLiteral("Gantt chart of a GitHub Actions workflow run"));
    QPainter painter;
    if (!painter.begin(&generator))
        return QObject::tr("Cannot write the SVG file.");
    p.painter.paintAll(&painter, p.rows, chart, estimate, width);
    painter.end();
    return {};
}

QString writePng(QIODevice *device, const GanttChart &chart, const RunEstimate &estimate,
                 bool steps, bool dark, int width)
{
    const Prepared p = prepare(chart, estimate, steps, dark, width);
    if (qint64(p.size.width()) * p.size.height() > 400'000'000LL)
        return QObject::tr("The chart is too tall for a PNG (%1 rows); export SVG instead.")
            .arg(p.rows.size());
    QImage image(p.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    p.painter.paintAll(&painter, p.rows, chart, estimate, width);
    painter.end();
    if (!image.save(device, "PNG"))
        return QObject::tr("Cannot write the PNG file.");
    return {};
}

} // namespace GanttExport

} // namespace Mainstay
