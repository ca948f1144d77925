#pragma once

#include "insights.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace Mainstay {

// Runs the five aggregations (and, when asked, the snapshot load) on the global thread pool and
// hands back the result on the thread that owns this object. Each start() supersedes the ones
// before: a result whose generation is no longer the latest is dropped, so a slow computation
// never overwrites the answer to a newer range or filter.
class InsightsComputer : public QObject
{
    Q_OBJECT
public:
    using DataPtr = std::shared_ptr<const InsightsData>;

    explicit InsightsComputer(QObject *parent = nullptr);
    ~InsightsComputer() override;

    // Computes `request` over `data`; returns the new generation.
    quint64 compute(DataPtr data, const InsightsRequest &request);
    // Loads a fresh snapshot from the cache file on the worker (its own read-only connection),
    // then computes `request` over it; returns the new generation.
    quint64 loadAndCompute(const QString &cacheFile, const Policy &policy,
                           const InsightsRequest &request);

    quint64 generation() const { return m_generation; }
    bool isBusy() const { return m_running > 0; }
    // Results computed but dropped because a newer request had started.
    int droppedResults() const { return m_dropped; }
    // Blocks until every started computation has finished (for teardown and tests).
    void waitForIdle();

Q_SIGNALS:
    // `data` is the snapshot the result was computed from (reuse it for the next range change).
    void resultReady(const Mainstay::InsightsResult &result,
                     const Mainstay::InsightsComputer::DataPtr &data);
    void loadFailed(quint64 generation, const QString &error);

private:
    struct Outcome
    {
        quint64 generation = 0;
        DataPtr data;
        InsightsResult result;
        QString error;
    };
    quint64 start(std::function<Outcome()> work);
    void finished(QFutureWatcher<Outcome> *watcher);

    quint64 m_generation = 0;
    int m_running = 0;
    int m_dropped = 0;
    QList<QFutureWatcher<Outcome> *> m_watchers;
};

} // namespace Mainstay
