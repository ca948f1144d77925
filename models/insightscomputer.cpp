#include "insightscomputer.h"

#include "policy.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Mainstay {

InsightsComputer::InsightsComputer(QObject *parent)
    : QObject(parent)
{}

InsightsComputer::~InsightsComputer()
{
    // The workers hold no pointer to this object, but their watchers do.
    waitForIdle();
}

quint64 InsightsComputer::compute(DataPtr data, const InsightsRequest &request)
{
    return start([data = std::move(data), request, generation = m_generation + 1] {
        Outcome outcome;
        outcome.generation = generation;
        outcome.data = data;
        if (data)
            outcome.result = computeInsights(*data, request);
        else
            outcome.result = computeInsights(InsightsData(), request);
        outcome.result.generation = generation;
        return outcome;
    });
}

quint64 InsightsComputer::loadAndCompute(const QString &cacheFile, const Policy &policy,
                                         const InsightsRequest &request)
{
    return start([cacheFile, policy, request, generation = m_generation + 1] {
        Outcome outcome;
        outcome.generation = generation;
        QString error;
        auto data =
            std::make_shared<InsightsData>(InsightsData::loadFromFile(cacheFile, policy, &error));
        outcome.error = error;
        outcome.result = computeInsights(*data, request);
        outcome.result.generation = generation;
        outcome.data = std::move(data);
        return outcome;
    });
}

quint64 InsightsComputer::start(std::function<Outcome()> work)
{
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
            [this, watcher] { finished(watcher); });
    m_watchers.append(watcher);
    ++m_running;
    watcher->setFuture(QtConcurrent::run(std::move(work)));
    return generation;
}

void InsightsComputer::finished(QFutureWatcher<Outcome> *watcher)
{
    m_watchers.removeOne(watcher);
    --m_running;
    const Outcome outcome = watcher->future().result();
    watcher->deleteLater();
    if (outcome.generation != m_generation) {
        ++m_dropped;
        return;
    }
    if (!outcome.error.isEmpty()) {
        // Keep what is on screen: a failed load says so instead of drawing empty charts.
        Q_EMIT loadFailed(outcome.generation, outcome.error);
        return;
    }
    Q_EMIT resultReady(outcome.result, outcome.data);
}

void InsightsComputer::waitForIdle()
{
    for (QFutureWatcher<Outcome> *watcher : std::as_const(m_watchers))
        watcher->waitForFinished();
}

} // namespace Mainstay
