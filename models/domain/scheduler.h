#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

namespace Mainstay {

// Runs a function after a delay. Everything that waits (retry backoff, rate-limit waits, the
// spacing of mutations, polling, debounce) asks a Scheduler, so tests replace the real timer with
// ManualScheduler and never sleep.
class Scheduler
{
public:
    virtual ~Scheduler() = default;
    // Calls `task` on `context`'s thread after `delayMs`, unless `context` is destroyed first.
    virtual void schedule(qint64 delayMs, QObject *context, std::function<void()> task) = 0;

    // The process-wide scheduler on QTimer.
    static Scheduler *system();
};

} // namespace Mainstay
