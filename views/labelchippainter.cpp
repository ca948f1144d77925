#include "labelchippainter.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace Mainstay {

namespace {
constexpr int ChipPadding = 6;
constexpr int ChipSpacing = 4;

QFont chipFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(std::max(7.0, base.pointSizeF() * 0.85));
    font.setWeight(QFont::DemiBold);
    return font;
}
} // namespace

QColor LabelChipPainter::chipColor(const QString &hex)
{
    QColor color(QLatin1Char('#') + hex);
    return color.isValid() ? color : QColor(0xd0, 0xd7, 0xde);
}

QColor LabelChipPainter::textColorOn(const QColor &background)
{
    // Relative luminance (sRGB approximation) decides black or white, like GitHub does.
    const double luminance =
        0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(0x1f, 0x23, 0x28) : QColor(Qt::white);
}

int LabelChipPainter::preferredWidth(const QVariantList &labels, const QFont &font)
{
    const QFontMetrics metrics(chipFont(font));
    int width = 0;
    for (const QVariant &label : labels) {
        const QString name = label.toMap().value(QStringLiteral("name")).toString();
        width += metrics.horizontalAdvance(name) + 2 * ChipPadding + ChipSpacing;
    }
    return width;
}

void LabelChipPainter::paint(QPainter *painter, const QRect &rect, const QVariantList &labels,
                             const QFont &font, const QColor &textColor)
{
    if (labels.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont font2 = chipFont(font);
    painter->setFont(font2);
    const QFontMetrics metrics(font2);
    const int height = std::min(rect.height() - 4, metrics.height() + 4);
    const int top = rect.top() + (rect.height() - height) / 2;
    int x = rect.left() + 2;
    const QString moreTemplate = QStringLiteral("+%1");
    const int moreWidth = metrics.horizontalAdvance(moreTemplate.arg(99)) + 2 * ChipPadding;

    for (int i = 0; i < labels.size(); ++i) {
        const QVariantMap label = labels.at(i).toMap();
        const QString name = label.value(QStringLiteral("name")).toString();
        const int width = metrics.horizontalAdvance(name) + 2 * ChipPadding;
        const bool last = i == labels.size() - 1;
        if (x + width > rect.right() - (last ? 0 : moreWidth)) {
            const QString more = moreTemplate.arg(labels.size() - i);
            painter->setPen(textColor);
            painter->drawText(QRect(x, top, moreWidth, height), Qt::AlignLeft | Qt::AlignVCenter,
                              more);
            break;
        }
        const QColor background = chipColor(label.value(QStringLiteral("color")).toString());
        QPainterPath path;
        path.addRoundedRect(QRectF(x, top, width, height), height / 2.0, height / 2.0);
        painter->fillPath(path, background);
        painter->setPen(textColorOn(background));
        painter->drawText(QRect(x, top, width, height), Qt::AlignCenter, name);
        x += width + ChipSpacing;
    }
    painter->restore();
}

} // namespace Mainstay
