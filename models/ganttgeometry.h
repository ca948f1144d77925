#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Mainstay {

// Time ↔ x for the Gantt chart: x = (t - origin) × pixelsPerSecond - scroll. Zooming keeps the
// time under an anchor x where it is; panning moves the scroll.
class GanttGeometry
{
public:
    static constexpr double MinPixelsPerSecond = 0.002; // about a week across 1200 px
    static constexpr double MaxPixelsPerSecond = 200.0; // 5 ms a pixel

    GanttGeometry() = default;
    GanttGeometry(QDateTime origin, double pixelsPerSecond, double scroll = 0);

    // Shows [start, end] across `width` pixels, with `margin` pixels free at both ends.
    void fit(const QDateTime &start, const QDateTime &end, double width, double margin = 8);
    // Multiplies the scale by `factor`, keeping the time at `anchorX` under it.
    void zoom(double factor, double anchorX);
    void pan(double dx) { m_scroll += dx; }

    double x(const QDateTime &time) const;
    QDateTime time(double x) const;
    double width(qint64 seconds) const { return double(seconds) * m_pixelsPerSecond; }
    double pixelsPerSecond() const { return m_pixelsPerSecond; }
    double scroll() const { return m_scroll; }
    QDateTime origin() const { return m_origin; }
    bool isValid() const { return m_origin.isValid() && m_pixelsPerSecond > 0; }

    struct Tick
    {
        double x;
        QDateTime time;
        QString label;
        bool major; // the first tick of a day, or of the shown range
    };
    // Axis ticks for [0, width) at least `minSpacing` pixels apart, on round times (1 s, 5 s,
    // 10 s, 30 s, 1 min, … 1 day), labelled in `offsetSeconds` from UTC.
    QList<Tick> ticks(double width, double minSpacing = 70, int offsetSeconds = 0) const;
    // The tick step ticks() uses, in seconds.
    qint64 tickStep(double minSpacing = 70) const;

    bool operator==(const GanttGeometry &) const = default;

private:
    QDateTime m_origin;
    double m_pixelsPerSecond = 1.0;
    double m_scroll = 0;
};

// "8s", "2m 12s", "1h 04m" — exact to the second.
QString formatDuration(qint64 seconds);

} // namespace Mainstay
