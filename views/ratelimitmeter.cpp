#include "ratelimitmeter.h"

#include <QLocale>
#include <QPainter>

namespace Mainstay {

RateLimitMeter::RateLimitMeter(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("API rate limit"));
    setToolTip(tr("GitHub API rate limit: not known yet"));
}

void RateLimitMeter::setRateLimit(const RateLimit &limit)
{
    m_limit = limit;
    if (limit.isKnown()) {
        const QString reset =
            limit.reset.isValid()
                ? QLocale().toString(limit.reset.toLocalTime().time(), QLocale::ShortFormat)
                : tr("unknown");
        setToolTip(tr("GitHub API (%1): %2 of %3 requests left, resets at %4")
                       .arg(limit.resource)
                       .arg(limit.remaining)
                       .arg(limit.limit)
                       .arg(reset));
    }
    updateGeometry();
    update();
}

QString RateLimitMeter::text() const
{
    if (!m_limit.isKnown())
        return tr("API –");
    return tr("API %1/%2")
        .arg(QLocale().toString(m_limit.remaining), QLocale().toString(m_limit.limit));
}

QSize RateLimitMeter::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(tr("API 15,000/15,000")) + 60,
            fontMetrics().height() + 4};
}

void RateLimitMeter::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int barWidth = 48;
    const QRect bar(0, height() / 2 - 3, barWidth, 6);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().mid());
    painter.drawRoundedRect(bar, 3, 3);
    if (m_limit.isKnown() && m_limit.limit > 0) {
        const double share = double(m_limit.remaining) / m_limit.limit;
        const QColor color = m_limit.remaining == 0 ? QColor(0xcf, 0x22, 0x2e)
                             : share < 0.2          ? QColor(0xbf, 0x87, 0x00)
                                                    : QColor(0x2d, 0xa4, 0x4e);
        painter.setBrush(color);
        painter.drawRoundedRect(
            QRectF(bar.left(), bar.top(), std::max(3.0, barWidth * share), bar.height()), 3, 3);
    }
    painter.setPen(palette().windowText().color());
    painter.drawText(rect().adjusted(barWidth + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     text());
}

} // namespace Mainstay
