#include "ganttgeometry.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Mainstay {

GanttGeometry::GanttGeometry(QDateTime origin, double pixelsPerSecond, double scroll)
    : m_origin(std::move(origin))
    , m_pixelsPerSecond(std::clamp(pixelsPerSecond, MinPixelsPerSecond, MaxPixelsPerSecond))
    , m_scroll(scroll)
{}

void GanttGeometry::fit(const QDateTime &start, const QDateTime &end, double width, double margin)
{
    m_origin = start;
    const double seconds = std::max<double>(1.0, double(start.msecsTo(end)) / 1000.0);
    const double usable = std::max(1.0, width - 2 * margin);
    m_pixelsPerSecond = std::clamp(usable / seconds, MinPixelsPerSecond, MaxPixelsPerSecond);
    m_scroll = -margin;
}

void GanttGeometry::zoom(double factor, double anchorX)
{
    if (factor <= 0)
        return;
    const double anchorSeconds = (anchorX + m_scroll) / m_pixelsPerSecond;
    m_pixelsPerSecond =
        std::clamp(m_pixelsPerSecond * factor, MinPixelsPerSecond, MaxPixelsPerSecond);
    m_scroll = anchorSeconds * m_pixelsPerSecond - anchorX;
}

double GanttGeometry::x(const QDateTime &time) const
{
    return double(m_origin.msecsTo(time)) / 1000.0 * m_pixelsPerSecond - m_scroll;
}

QDateTime GanttGeometry::time(double x) const
{
    return m_origin.addMSecs(qint64(std::llround((x + m_scroll) / m_pixelsPerSecond * 1000.0)));
}

qint64 GanttGeometry::tickStep(double minSpacing) const
{
    static const qint64 steps[] = {1,     2,     5,     10,    15,     30,    60,
                                   120,   300,   600,   900,   1800,   3600,  7200,
                                   10800, 21600, 43200, 86400, 172800, 604800};
    for (qint64 step : steps)
        if (double(step) * m_pixelsPerSecond >= minSpacing)
            return step;
    return 604800;
}

QList<GanttGeometry::Tick> GanttGeometry::ticks(double width, double minSpacing,
                                                int offsetSeconds) const
{
    QList<Tick> ticks;
    if (!isValid() || width <= 0)
        return ticks;
    const qint64 step = tickStep(minSpacing);
    const qint64 firstSecond = time(0).toSecsSinceEpoch() + offsetSeconds;
    qint64 t = (firstSecond / step) * step;
    if (t < firstSecond)
        t += step;
    const bool withSeconds = step < 60;
    for (; ticks.size() < 1000; t += step) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(t - offsetSeconds, Qt::UTC);
        const double tx = x(at);
        if (tx >= width)
            break;
        const QDateTime local = at.addSecs(offsetSeconds);
        const bool dayStart = t % 86400 == 0;
        QString label;
        if (step >= 86400 || (dayStart && step >= 3600))
            label = local.toString(QStringLiteral("d MMM"));
        else
            label =
                local.toString(withSeconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
        ticks.append({tx, at, label, dayStart || ticks.isEmpty()});
    }
    return ticks;
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m %2s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h %2m")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace Mainstay
