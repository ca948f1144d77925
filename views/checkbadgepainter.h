#pragma once

#include <QColor>
#include <QPalette>
#include <QRect>
#include <QString>

class QPainter;

namespace Mainstay {

// The small round ✓ / ✗ / • / ? badges of the hygiene list and the label catalogue, in colours
// that read on the light and the dark palette alike.
class CheckBadgePainter
{
public:
    enum class Kind
    {
        None,
        Ok,
        Problem,
        Notice,
        Unknown
    };

    static constexpr int Size = 16;

    // Draws the badge at the left of `rect`, vertically centred; returns the width it took
    // (0 for Kind::None).
    static int paint(QPainter *painter, const QRect &rect, Kind kind, const QPalette &palette);
    static QColor color(Kind kind, const QPalette &palette);
    static bool isDark(const QPalette &palette);
    // Draws a label chip in outline only (a label that should be there and is not), with a
    // leading "+"; returns its width.
    static int paintMissingChip(QPainter *painter, const QRect &rect, const QString &name,
                                const QColor &color, const QFont &font, const QPalette &palette);
};

} // namespace Mainstay
