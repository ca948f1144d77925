#pragma once

#include "apierror.h"
#include "ganttestimate.h"
#include "workflowjob.h"
#include "workflowrun.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace Mainstay {

class Clock;
class GitHubClient;
class PagedJob;
class RestJob;
class Scheduler;
class WorkspaceStore;

// Watches one workflow run: fetches the run and ALL its jobs (every page of
// /actions/runs/{id}/jobs, or /attempts/{n}/jobs for a chosen attempt), and while the run is not
// completed polls again with conditional requests (the client's ETag cache answers 304s) every
// pollInterval; each poll that brings nothing new doubles the wait up to maxPollInterval, and a
// change brings it back. Stops when the run completes (runCompleted() when it was seen running).
// After a workflow_dispatch, followDispatch() looks for the new run and then watches it.
//
// Signals: updated() when the run or its jobs changed; runCompleted() when a run seen unfinished
// completes; failed() with the error of a fetch (polling goes on with backoff for transient
// errors, stops for others); dispatchedRunFound() when followDispatch() found its run.
class RunMonitor : public QObject
{
    Q_OBJECT
public:
    explicit RunMonitor(GitHubClient *client, QObject *parent = nullptr);
    ~RunMonitor() override;

    void setRepository(const QString &repository) { m_repository = repository; }
    QString repository() const { return m_repository; }
    void setScheduler(Scheduler *scheduler) { m_scheduler = scheduler; }
    void setClock(const Clock *clock) { m_clock = clock; }
    void setPollInterval(qint64 ms);
    qint64 pollInterval() const { return m_baseInterval; }
    void setMaxPollInterval(qint64 ms) { m_maxInterval = ms; }
    // Whether to keep polling an unfinished run (the headless export fetches once).
    void setPolling(bool polling) { m_polling = polling; }

    // Watches `runId`; `attempt` 0 is the latest attempt (and follows a new attempt when one
    // starts), n ≥ 1 that attempt only.
    void watch(qint64 runId, int attempt = 0);
    void stop();
    // Fetches now (a poll out of turn).
    void refresh();
    // Looks for the workflow_dispatch run of `workflow` (id or file name) on `ref` created at or
    // after `since` (30 s allowed for clock skew) that is not among `knownRunIds`, then watches it.
    void followDispatch(const QString &workflow, const QString &ref, const QDateTime &since,
                        const QSet<qint64> &knownRunIds = {});
    bool isFollowingDispatch() const { return m_dispatchTries > 0; }

    qint64 runId() const { return m_runId; }
    int attempt() const { return m_attempt; }
    bool hasRun() const { return m_run.id != 0; }
    const WorkflowRun &run() const { return m_run; }
    const QList<WorkflowJob> &jobs() const { return m_jobs; }
    bool isFetching() const { return m_fetching; }
    bool isPolling() const { return m_pollScheduled; }
    qint64 currentInterval() const { return m_interval; }
    const ApiError &lastError() const { return m_error; }
    QDateTime lastFetched() const { return m_lastFetched; }

    static constexpr qint64 DefaultIntervalMs = 10'000;
    static constexpr int MaxDispatchTries = 30;

Q_SIGNALS:
    void updated();
    void runCompleted(const Mainstay::WorkflowRun &run);
    void failed(const Mainstay::ApiError &error);
    void fetchingChanged(bool fetching);
    void dispatchedRunFound(qint64 runId);

private:
    void fetch();
    void fetchJobs(quint64 generation, bool runUnchanged);
    void finishFetch(quint64 generation, bool changed);
    void fail(quint64 generation, const ApiError &error);
    void schedulePoll();
    void lookForDispatchedRun(quint64 generation);
    QString runPath() const;
    QDateTime now() const;

    GitHubClient *m_client;
    Scheduler *m_scheduler;
    const Clock *m_clock;
    QString m_repository;
    qint64 m_runId = 0;
    int m_attempt = 0;
    WorkflowRun m_run;
    WorkflowRun m_pendingRun;
    QList<WorkflowJob> m_jobs;
    QList<WorkflowJob> m_pendingJobs;
    bool m_pendingJobsUnchanged = true;
    ApiError m_error;
    QPointer<RestJob> m_restJob;
    QPointer<PagedJob> m_pagedJob;
    QDateTime m_lastFetched;
    qint64 m_baseInterval = DefaultIntervalMs;
    qint64 m_maxInterval = 6 * DefaultIntervalMs;
    qint64 m_interval = DefaultIntervalMs;
    quint64 m_generation = 0;
    bool m_fetching = false;
    bool m_pollScheduled = false;
    bool m_polling = true;
    bool m_seenUnfinished = false;
    // followDispatch
    QString m_dispatchWorkflow;
    QString m_dispatchRef;
    QDateTime m_dispatchSince;
    QSet<qint64> m_dispatchKnown;
    int m_dispatchTries = 0;
};

// Loads the history that estimates are made from: the last `count` successful runs of a
// workflow (listed with status=success) and their jobs, from the store when it has them and
// otherwise fetched (every page) and stored, so each run's jobs are fetched once.
class JobHistoryLoader : public QObject
{
    Q_OBJECT
public:
    JobHistoryLoader(GitHubClient *client, WorkspaceStore *store, QObject *parent = nullptr);

    // `workflow` is an id or file name; `excludeRunId` (the run being watched) is left out.
    void load(const QString &repository, const QString &workflow, int count = 10,
              qint64 excludeRunId = 0);
    const JobHistory &history() const { return m_history; }
    bool isLoading() const { return m_loading; }

    static constexpr int DefaultRuns = 10;

Q_SIGNALS:
    void loaded(const Mainstay::JobHistory &history);
    void failed(const Mainstay::ApiError &error);

private:
    void next(quint64 generation);
    void done(quint64 generation);

    GitHubClient *m_client;
    WorkspaceStore *m_store;
    QString m_repository;
    QList<WorkflowRun> m_todo;
    QList<QList<WorkflowJob>> m_runs;
    JobHistory m_history;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace Mainstay
