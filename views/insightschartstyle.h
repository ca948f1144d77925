#pragma once

#include <QColor>
#include <QPalette>

class QAbstractAxis;
class QChart;
class QChartView;
class QString;

namespace Mainstay {

// How every insights chart looks in the application's palette: QtCharts' light or dark theme
// for the defaults, then the palette's own background, text and grid colours, and series colours
// chosen to read on both (the themes' own series colours are too pale on white).
class InsightsChartStyle
{
public:
    explicit InsightsChartStyle(const QPalette &palette);

    bool isDark() const { return m_dark; }
    // Theme, background, title and legend; call before adding series (the theme recolours them).
    void prepare(QChart *chart) const;
    // Label, title and grid colours of one axis, and its title.
    void styleAxis(QAbstractAxis *axis, const QString &title) const;

    QColor text() const { return m_text; }
    QColor mutedText() const { return m_muted; }
    QColor background() const { return m_background; }
    QColor grid() const { return m_grid; }

    // Named series colours, tuned per palette.
    QColor blue() const;
    QColor orange() const;
    QColor green() const;
    QColor purple() const;
    QColor red() const;
    QColor grey() const;
    // Smallest to largest size class: green through red.
    QColor sizeClass(int index, int count) const;

private:
    bool m_dark = false;
    QColor m_text;
    QColor m_muted;
    QColor m_background;
    QColor m_grid;
};

} // namespace Mainstay
