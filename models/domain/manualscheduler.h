#pragma once

#include "manualclock.h"
#include "scheduler.h"

#include <QList>

namespace Mainstay {

// A Scheduler for tests: tasks run when the test advances time, in due order, and the paired
// ManualClock moves with them.
class ManualScheduler final : public Scheduler
{
public:
    explicit ManualScheduler(ManualClock *clock = nullptr)
        : m_clock(clock)
    {}

    void schedule(qint64 delayMs, QObject *context, std::function<void()> task) override
    {
        m_tasks.append(
            {m_elapsed + std::max<qint64>(0, delayMs), m_sequence++, context, std::move(task)});
    }

    // Moves time forward by `ms`, running every task that falls due, in order.
    void advance(qint64 ms)
    {
        const qint64 target = m_elapsed + ms;
        for (;;) {
            int next = -1;
            for (int i = 0; i < m_tasks.size(); ++i)
                if (m_tasks.at(i).due <= target &&
                    (next < 0 || m_tasks.at(i).due < m_tasks.at(next).due ||
                     (m_tasks.at(i).due == m_tasks.at(next).due &&
                      m_tasks.at(i).sequence < m_tasks.at(next).sequence)))
                    next = i;
            if (next < 0)
                break;
            Task task = m_tasks.takeAt(next);
            if (m_clock)
                m_clock->advance(task.due - m_elapsed);
            m_elapsed = task.due;
            if (task.context)
                task.run();
        }
        if (m_clock)
            m_clock->advance(target - m_elapsed);
        m_elapsed = target;
    }
    // Runs everything scheduled so far and whatever those tasks schedule, up to `limitMs` ahead.
    void runAll(qint64 limitMs = 24 * 3600 * 1000) { advance(limitMs); }
    int pendingCount() const { return int(m_tasks.size()); }
    // The delays of pending tasks from now, in due order (for asserting backoff sequences).
    QList<qint64> pendingDelays() const
    {
        QList<qint64> delays;
        for (const Task &task : m_tasks)
            delays.append(task.due - m_elapsed);
        std::sort(delays.begin(), delays.end());
        return delays;
    }
    qint64 elapsed() const { return m_elapsed; }

private:
    struct Task
    {
        qint64 due;
        quint64 sequence;
        QPointer<QObject> context;
        std::function<void()> run;
    };
    ManualClock *m_clock;
    QList<Task> m_tasks;
    qint64 m_elapsed = 0;
    quint64 m_sequence = 0;
};

} // namespace Mainstay
