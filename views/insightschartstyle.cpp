#include "insightschartstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QFont>
#include <QLegend>
#include <QPen>

#include <cmath>

namespace Mainstay {

InsightsChartStyle::InsightsChartStyle(const QPalette &palette)
    : m_dark(palette.color(QPalette::Window).lightness() < 128)
    , m_text(palette.color(QPalette::Text))
    , m_muted(palette.color(QPalette::PlaceholderText))
    , m_background(palette.color(QPalette::Base))
    , m_grid(m_dark ? QColor(0x30, 0x36, 0x3d) : QColor(0xd8, 0xde, 0xe4))
{}

void InsightsChartStyle::prepare(QChart *chart) const
{
    chart->setTheme(m_dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(m_background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitleBrush(m_text);
    QLegend *legend = chart->legend();
    legend->setLabelColor(m_text);
    legend->setAlignment(Qt::AlignBottom);
    legend->setBackgroundVisible(false);
    legend->setBorderColor(Qt::transparent);
}

void InsightsChartStyle::styleAxis(QAbstractAxis *axis, const QString &title) const
{
    axis->setLabelsColor(m_text);
    axis->setTitleText(title);
    axis->setTitleBrush(m_muted);
    QFont font = axis->titleFont();
    font.setBold(false);
    font.setPointSizeF(std::max(7.0, font.pointSizeF() > 0 ? font.pointSizeF() - 1 : 8.0));
    axis->setTitleFont(font);
    axis->setGridLineColor(m_grid);
    axis->setMinorGridLineColor(m_grid);
    axis->setLinePenColor(m_grid);
    axis->setShadesVisible(false);
}

QColor InsightsChartStyle::blue() const
{
    return m_dark ? QColor(0x58, 0xa6, 0xff) : QColor(0x09, 0x69, 0xda);
}

QColor InsightsChartStyle::orange() const
{
    return m_dark ? QColor(0xf0, 0xb7, 0x2f) : QColor(0xd1, 0x84, 0x00);
}

QColor InsightsChartStyle::green() const
{
    return m_dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
}

QColor InsightsChartStyle::purple() const
{
    return m_dark ? QColor(0xbc, 0x8c, 0xff) : QColor(0x82, 0x50, 0xdf);
}

QColor InsightsChartStyle::red() const
{
    return m_dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
}

QColor InsightsChartStyle::grey() const
{
    return m_dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x57, 0x60, 0x6a);
}

QColor InsightsChartStyle::sizeClass(int index, int count) const
{
    // Small to large: teal, green, yellow, orange, red, purple — apart at a glance.
    static const QList<QColor> light = {QColor(0x1b, 0x7c, 0x83), QColor(0x2d, 0xa4, 0x4e),
                                        QColor(0xd4, 0xa7, 0x2c), QColor(0xe1, 0x6f, 0x24),
                                        QColor(0xcf, 0x22, 0x2e), QColor(0x82, 0x50, 0xdf)};
    static const QList<QColor> dark = {QColor(0x39, 0xc5, 0xcf), QColor(0x3f, 0xb9, 0x50),
                                       QColor(0xe3, 0xb3, 0x41), QColor(0xf0, 0x88, 0x3e),
                                       QColor(0xff, 0x6a, 0x69), QColor(0xbc, 0x8c, 0xff)};
    const QList<QColor> &colors = m_dark ? dark : light;
    if (count <= 1)
        return colors.first();
    const qsizetype slot =
        qsizetype(std::lround(double(index) * double(colors.size() - 1) / double(count - 1)));
    return colors.value(slot, colors.last());
}

} // namespace Mainstay
