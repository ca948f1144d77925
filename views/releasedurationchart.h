#pragma once

#include "insights.h"

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QScatterSeries;
class QStackedWidget;
class QValueAxis;

namespace Mainstay {

// The release workflow's run durations over time: every completed run as a point (failures as
// red crosses), a line through them, and the median of the successful runs. Hovering a point
// shows the run, clicking it emits runClicked(). Used by the Insights view and, small, by the
// release monitor: give it ReleaseDurations from releaseDurations() (or computeInsights()).
class ReleaseDurationChart : public QWidget
{
    Q_OBJECT
public:
    explicit ReleaseDurationChart(QWidget *parent = nullptr);

    void setDurations(const ReleaseDurations &durations);
    const ReleaseDurations &durations() const { return m_durations; }
    // A compact look for small places (no legend, no axis titles).
    void setCompact(bool compact);

    QChartView *chartView() const { return m_view; }
    // Where run `index` of durations().runs is drawn, in chartView()->viewport() coordinates.
    QPoint pointPosition(qsizetype index) const;

Q_SIGNALS:
    void runClicked(qint64 runId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    qsizetype runAt(const QPointF &value) const;
    void showRunTip(const QPointF &value, bool state);

    ReleaseDurations m_durations;
    bool m_compact = false;
    QStackedWidget *m_stack;
    QChartView *m_view;
    QChart *m_chart;
    QLabel *m_empty;
    QScatterSeries *m_anchor = nullptr; // a series the points are mapped through
};

// "34 min", "1 h 05 min"
QString formatRunDuration(qint64 seconds);

} // namespace Mainstay
