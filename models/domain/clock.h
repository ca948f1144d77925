#pragma once

#include <QDateTime>

namespace Mainstay {

// The one source of "now" for everything that waits, polls, ages or backs off, so that tests can
// move time by hand instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    // The process-wide real clock.
    static Clock *system();
};

} // namespace Mainstay
