#pragma once

#include "ratelimit.h"

#include <QWidget>

namespace Mainstay {

// The status bar's rate-limit meter: remaining requests as a thin bar and a number, the reset
// time in the tooltip. Turns amber under 20 % and red when exhausted.
class RateLimitMeter : public QWidget
{
    Q_OBJECT
public:
    explicit RateLimitMeter(QWidget *parent = nullptr);

    void setRateLimit(const RateLimit &limit);
    RateLimit rateLimit() const { return m_limit; }
    QString text() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    RateLimit m_limit;
};

} // namespace Mainstay
