#include "checkbadgepainter.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace Mainstay {

bool CheckBadgePainter::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor CheckBadgePainter::color(Kind kind, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (kind) {
    case Kind::Ok:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
    case Kind::Problem:
        return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    case Kind::Notice:
        return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0x9a, 0x67, 0x00);
    case Kind::Unknown:
    case Kind::None:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

int CheckBadgePainter::paint(QPainter *painter, const QRect &rect, Kind kind,
                             const QPalette &palette)
{
    if (kind == Kind::None)
        return 0;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF circle(rect.left() + 1, rect.top() + (rect.height() - Size) / 2.0, Size, Size);
    const QColor fill = color(kind, palette);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawEllipse(circle);
    QPen pen(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QPointF c = circle.center();
    switch (kind) {
    case Kind::Ok:
        painter->drawPolyline(
            QPolygonF{c + QPointF(-4, 0), c + QPointF(-1, 3), c + QPointF(4, -3)});
        break;
    case Kind::Problem:
        painter->drawLine(c + QPointF(-3.2, -3.2), c + QPointF(3.2, 3.2));
        painter->drawLine(c + QPointF(-3.2, 3.2), c + QPointF(3.2, -3.2));
        break;
    case Kind::Notice:
        painter->drawLine(c + QPointF(0, -4), c + QPointF(0, 1));
        painter->drawPoint(c + QPointF(0, 4));
        break;
    case Kind::Unknown: {
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(11);
        painter->setFont(font);
        painter->drawText(circle, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    case Kind::None:
        break;
    }
    painter->restore();
    return Size + 6;
}

int CheckBadgePainter::paintMissingChip(QPainter *painter, const QRect &rect, const QString &name,
                                        const QColor &color, const QFont &font,
                                        const QPalette &palette)
{
    QFont chipFont = font;
    chipFont.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
    chipFont.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(chipFont);
    const QString text = QLatin1Char('+') + name;
    const int width = std::min(rect.width(), metrics.horizontalAdvance(text) + 12);
    const int height = std::min(rect.height() - 4, metrics.height() + 4);
    const QRectF chip(rect.left() + 0.5, rect.top() + (rect.height() - height) / 2.0 + 0.5,
                      width - 1, height - 1);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor outline = color.isValid() ? color : palette.color(QPalette::Mid);
    // Very light or very dark label colours vanish on the background: fall back on the text.
    if (qAbs(outline.lightness() - palette.color(QPalette::Base).lightness()) < 60)
        outline = palette.color(QPalette::Text);
    QPen pen(outline, 1.2, Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
    painter->setFont(chipFont);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(chip, Qt::AlignCenter,
                      metrics.elidedText(text, Qt::ElideRight, int(chip.width()) - 8));
    painter->restore();
    return width + 4;
}

} // namespace Mainstay
