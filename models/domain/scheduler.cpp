#include "scheduler.h"

#include <QTimer>

namespace Mainstay {

namespace {
class TimerScheduler final : public Scheduler
{
public:
    void schedule(qint64 delayMs, QObject *context, std::function<void()> task) override
    {
        QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(0, delayMs)), context,
                           std::move(task));
    }
};
} // namespace

Scheduler *Scheduler::system()
{
    static TimerScheduler scheduler;
    return &scheduler;
}

} // namespace Mainstay
