#include "releasedurationchart.h"

#include "insightschartstyle.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace Mainstay {

QString formatRunDuration(qint64 seconds)
{
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 60)
        return QObject::tr("%1 min").arg(minutes);
    return QObject::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

ReleaseDurationChart::ReleaseDurationChart(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_empty(new QLabel(this))
{
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundRole(QPalette::Base);
    m_view->setMinimumHeight(160);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    rebuild();
}

void ReleaseDurationChart::setDurations(const ReleaseDurations &durations)
{
    m_durations = durations;
    rebuild();
}

void ReleaseDurationChart::setCompact(bool compact)
{
    m_compact = compact;
    rebuild();
}

void ReleaseDurationChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void ReleaseDurationChart::rebuild()
{
    const InsightsChartStyle style(palette());
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    m_anchor = nullptr;
    style.prepare(m_chart);
    m_chart->legend()->setVisible(!m_compact);

    if (m_durations.runs.isEmpty()) {
        m_empty->setText(m_durations.workflow.isEmpty()
                             ? tr("No completed release runs in this range.")
                             : tr("No completed runs of the “%1” workflow in this range.")
                                   .arg(m_durations.workflow));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentWidget(m_view);

    auto *trend = new QLineSeries;
    trend->setName(tr("duration"));
    auto *succeeded = new QScatterSeries;
    succeeded->setName(tr("succeeded"));
    auto *failed = new QScatterSeries;
    failed->setName(tr("failed"));
    auto *other = new QScatterSeries;
    other->setName(tr("cancelled / other"));
    double maxMinutes = 0;
    for (const ReleaseDurations::Run &run : std::as_const(m_durations.runs)) {
        const QPointF point(double(run.startedAt.toMSecsSinceEpoch()), run.seconds / 60.0);
        maxMinutes = std::max(maxMinutes, point.y());
        trend->append(point);
        if (run.failed)
            failed->append(point);
        else if (run.conclusion == RunConclusion::Success)
            succeeded->append(point);
        else
            other->append(point);
    }

    m_chart->addSeries(trend);
    QPen trendPen(style.blue());
    trendPen.setWidthF(1.5);
    trend->setPen(trendPen);

    const auto addScatter = [&](QScatterSeries *series, const QColor &color,
                                QScatterSeries::MarkerShape shape, double size) {
        series->setMarkerShape(shape);
        series->setMarkerSize(m_compact ? size * 0.75 : size);
        series->setColor(color);
        series->setBorderColor(shape == QScatterSeries::MarkerShapeCircle ? style.background()
                                                                          : color);
        m_chart->addSeries(series);
        connect(series, &QScatterSeries::clicked, this, [this](const QPointF &value) {
            const qsizetype index = runAt(value);
            if (index >= 0)
                Q_EMIT runClicked(m_durations.runs[index].runId);
        });
        connect(series, &QScatterSeries::hovered, this, &ReleaseDurationChart::showRunTip);
    };
    addScatter(succeeded, style.blue(), QScatterSeries::MarkerShapeCircle, 10);
    addScatter(failed, style.red(), QScatterSeries::MarkerShapeRotatedRectangle, 12);
    addScatter(other, style.grey(), QScatterSeries::MarkerShapeRectangle, 9);
    m_anchor = succeeded;

    QLineSeries *median = nullptr;
    const double firstMs = double(m_durations.runs.first().startedAt.toMSecsSinceEpoch());
    double lastMs = double(m_durations.runs.last().startedAt.toMSecsSinceEpoch());
    if (lastMs - firstMs < 3600'000.0 * 24) { // one run, or all on one day: give the axis room
        lastMs += 3600'000.0 * 12;
    }
    const double padMs = std::max(3600'000.0, (lastMs - firstMs) * 0.03);
    if (m_durations.medianSeconds) {
        median = new QLineSeries;
        median->setName(tr("median of successful runs: %1")
                            .arg(formatRunDuration(qint64(*m_durations.medianSeconds))));
        median->append(firstMs - padMs, *m_durations.medianSeconds / 60.0);
        median->append(lastMs + padMs, *m_durations.medianSeconds / 60.0);
        QPen pen(style.grey());
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.5);
        m_chart->addSeries(median);
        median->setPen(pen);
    }

    auto *x = new QDateTimeAxis;
    x->setFormat(lastMs - firstMs > 300 * 86400'000.0 ? QStringLiteral("MMM yyyy")
                                                      : QStringLiteral("MMM d"));
    x->setTickCount(m_compact ? 4 : 6);
    x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(firstMs - padMs), Qt::UTC),
                QDateTime::fromMSecsSinceEpoch(qint64(lastMs + padMs), Qt::UTC));
    style.styleAxis(x, m_compact ? QString() : tr("run started (UTC)"));
    auto *y = new QValueAxis;
    y->setRange(0, std::max(1.0, std::ceil(maxMinutes * 1.15 / 5.0) * 5.0));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(m_compact ? 3 : 5);
    style.styleAxis(y, tr("duration (minutes)"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : m_chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    // Legend entries only for what is drawn.
    for (QScatterSeries *series : {succeeded, failed, other})
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(series->count() > 0);
    for (QLegendMarker *marker : m_chart->legend()->markers(trend))
        marker->setVisible(false);
}

qsizetype ReleaseDurationChart::runAt(const QPointF &value) const
{
    // Scatter signals hand back the point's own value: match it to the nearest run.
    qsizetype best = -1;
    double bestDistance = 0;
    for (qsizetype i = 0; i < m_durations.runs.size(); ++i) {
        const ReleaseDurations::Run &run = m_durations.runs[i];
        const double dx =
            std::abs(double(run.startedAt.toMSecsSinceEpoch()) - value.x()) / 60'000.0;
        const double dy = std::abs(run.seconds / 60.0 - value.y());
        const double distance = dx + dy;
        if (best < 0 || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void ReleaseDurationChart::showRunTip(const QPointF &value, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const qsizetype index = runAt(value);
    if (index < 0)
        return;
    const ReleaseDurations::Run &run = m_durations.runs[index];
    QToolTip::showText(
        QCursor::pos(),
        tr("Run #%1 — %2\nStarted %3 UTC\n%4%5\nClick to open it in the release monitor")
            .arg(run.runNumber)
            .arg(toString(run.conclusion).isEmpty() ? tr("completed") : toString(run.conclusion),
                 run.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd hh:mm")),
                 formatRunDuration(run.seconds),
                 run.attempt > 1 ? tr(" over %1 attempts").arg(run.attempt) : QString()),
        m_view);
}

QPoint ReleaseDurationChart::pointPosition(qsizetype index) const
{
    if (index < 0 || index >= m_durations.runs.size() || m_chart->series().isEmpty())
        return {};
    const ReleaseDurations::Run &run = m_durations.runs[index];
    const QPointF inChart = m_chart->mapToPosition(
        QPointF(double(run.startedAt.toMSecsSinceEpoch()), run.seconds / 60.0),
        m_chart->series().first());
    const QPointF inScene = m_chart->mapToScene(inChart);
    return m_view->mapFromScene(inScene);
}

} // namespace Mainstay
