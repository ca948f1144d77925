#include "runmonitor.h"

#include "clock.h"
#include "githubclient.h"
#include "githubjson.h"
#include "pagedjob.h"
#include "restjob.h"
#include "scheduler.h"
#include "workspacestore.h"

#include <QUrlQuery>

namespace Mainstay {

RunMonitor::RunMonitor(GitHubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_scheduler(Scheduler::system())
    , m_clock(Clock::system())
{}

RunMonitor::~RunMonitor()
{
    stop();
}

void RunMonitor::setPollInterval(qint64 ms)
{
    m_baseInterval = std::max<qint64>(1000, ms);
    m_maxInterval = std::max(m_maxInterval, m_baseInterval);
    m_interval = m_baseInterval;
}

QDateTime RunMonitor::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

void RunMonitor::watch(qint64 runId, int attempt)
{
    stop();
    m_runId = runId;
    m_attempt = std::max(0, attempt);
    m_run = {};
    m_jobs.clear();
    m_error = {};
    m_seenUnfinished = false;
    m_interval = m_baseInterval;
    fetch();
}

void RunMonitor::stop()
{
    ++m_generation; // a fetch or poll in flight is dropped when it comes back
    m_pollScheduled = false;
    m_dispatchTries = 0;
    if (m_restJob)
        m_restJob->cancel();
    if (m_pagedJob)
        m_pagedJob->cancel();
    if (m_fetching) {
        m_fetching = false;
        Q_EMIT fetchingChanged(false);
    }
}

void RunMonitor::refresh()
{
    if (m_dispatchTries > 0) {
        lookForDispatchedRun(m_generation);
        return;
    }
    if (m_runId == 0 || m_fetching)
        return;
    m_pollScheduled = false;
    ++m_generation;
    m_interval = m_baseInterval;
    fetch();
}

QString RunMonitor::runPath() const
{
    QString path = QStringLiteral("/repos/%1/actions/runs/%2").arg(m_repository).arg(m_runId);
    if (m_attempt > 0)
        path += QStringLiteral("/attempts/%1").arg(m_attempt);
    return path;
}

void RunMonitor::fetch()
{
    const quint64 generation = ++m_generation;
    if (!m_fetching) {
        m_fetching = true;
        Q_EMIT fetchingChanged(true);
    }
    RestJob *job = m_client->get(runPath());
    m_restJob = job;
    connect(job, &RestJob::finished, this, [this, generation](RestJob *finished) {
        if (generation != m_generation)
            return;
        m_restJob = nullptr;
        const ApiResponse &response = finished->response();
        if (!response.isOk()) {
            fail(generation, response.error);
            return;
        }
        auto document = GitHubJson::parseDocument(response.body);
        auto run = document ? GitHubJson::parseWorkflowRun(document.value())
                            : ParseResult<WorkflowRun>::failure(document.error());
        if (!run) {
            fail(generation, ApiError::malformed(QStringLiteral("workflow run: ") + run.error()));
            return;
        }
        m_pendingRun = run.value();
        fetchJobs(generation, response.isNotModified() && m_run.id != 0);
    });
}

void RunMonitor::fetchJobs(quint64 generation, bool runUnchanged)
{
    QString path = QStringLiteral("/repos/%1/actions/runs/%2").arg(m_repository).arg(m_runId);
    QUrlQuery query;
    if (m_attempt > 0)
        path += QStringLiteral("/attempts/%1/jobs").arg(m_attempt);
    else {
        path += QStringLiteral("/jobs");
        query.addQueryItem(QStringLiteral("filter"), QStringLiteral("latest"));
    }
    m_pendingJobs.clear();
    m_pendingJobsUnchanged = true;
    PagedJob *pages = m_client->getAllPages(path, query);
    m_pagedJob = pages;
    connect(pages, &PagedJob::pageReceived, this, [this, generation](const ApiResponse &page) {
        if (generation != m_generation)
            return;
        m_pendingJobsUnchanged = m_pendingJobsUnchanged && page.isNotModified();
        auto jobs = GitHubJson::parseWorkflowJobList(page.body);
        if (!jobs) {
            m_error = ApiError::malformed(QStringLiteral("workflow jobs: ") + jobs.error());
            if (m_pagedJob)
                m_pagedJob->cancel();
            return;
        }
        m_pendingJobs += jobs.value().items;
    });
    connect(pages, &PagedJob::finished, this, [this, generation, runUnchanged](PagedJob *job) {
        if (generation != m_generation)
            return;
        m_pagedJob = nullptr;
        if (m_error.kind == ApiError::Kind::MalformedResponse) {
            const ApiError error = m_error;
            fail(generation, error);
            return;
        }
        if (job->error().isError()) {
            fail(generation, job->error());
            return;
        }
        const bool changed = !(runUnchanged && m_pendingJobsUnchanged) || m_pendingRun != m_run ||
                             m_pendingJobs != m_jobs;
        if (changed) {
            m_run = m_pendingRun;
            m_jobs = m_pendingJobs;
        }
        finishFetch(generation, changed);
    });
    pages->start();
}

void RunMonitor::finishFetch(quint64 generation, bool changed)
{
    Q_UNUSED(generation)
    m_error = {};
    m_lastFetched = now();
    m_fetching = false;
    Q_EMIT fetchingChanged(false);
    if (changed)
        m_interval = m_baseInterval;
    else
        m_interval = std::min(m_interval * 2, m_maxInterval);
    if (changed)
        Q_EMIT updated();
    if (m_run.isCompleted()) {
        // A latest-attempt watch of a completed run still sees a re-run start (the run goes
        // back to queued), but only when asked to refresh; polling ends here.
        if (m_seenUnfinished) {
            m_seenUnfinished = false;
            Q_EMIT runCompleted(m_run);
        }
        return;
    }
    m_seenUnfinished = true;
    schedulePoll();
}

void RunMonitor::fail(quint64 generation, const ApiError &error)
{
    Q_UNUSED(generation)
    m_error = error;
    m_fetching = false;
    Q_EMIT fetchingChanged(false);
    Q_EMIT failed(error);
    if (error.kind == ApiError::Kind::Cancelled)
        return;
    // Transient trouble: try again later, slower each time. A wrong run id, a missing token or
    // a malformed answer will not get better by asking again.
    if (error.isTransient() && (!m_run.id || !m_run.isCompleted())) {
        m_interval = std::min(m_interval * 2, m_maxInterval);
        schedulePoll();
    }
}

void RunMonitor::schedulePoll()
{
    if (!m_polling)
        return;
    m_pollScheduled = true;
    const quint64 generation = m_generation;
    m_scheduler->schedule(m_interval, this, [this, generation] {
        if (generation != m_generation || !m_pollScheduled)
            return;
        m_pollScheduled = false;
        fetch();
    });
}

void RunMonitor::followDispatch(const QString &workflow, const QString &ref, const QDateTime &since,
                                const QSet<qint64> &knownRunIds)
{
    stop();
    m_dispatchWorkflow = workflow;
    m_dispatchRef = ref;
    m_dispatchSince = since;
    m_dispatchKnown = knownRunIds;
    m_dispatchTries = 1;
    lookForDispatchedRun(m_generation);
}

void RunMonitor::lookForDispatchedRun(quint64 generation)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("event"), QStringLiteral("workflow_dispatch"));
    if (!m_dispatchRef.isEmpty())
        query.addQueryItem(QStringLiteral("branch"), m_dispatchRef);
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("20"));
    RestJob *job = m_client->get(
        QStringLiteral("/repos/%1/actions/workflows/%2/runs").arg(m_repository, m_dispatchWorkflow),
        query);
    m_restJob = job;
    connect(job, &RestJob::finished, this, [this, generation](RestJob *finished) {
        if (generation != m_generation || m_dispatchTries == 0)
            return;
        m_restJob = nullptr;
        const ApiResponse &response = finished->response();
        if (response.isOk()) {
            auto runs = GitHubJson::parseWorkflowRunList(response.body);
            if (runs) {
                const QDateTime earliest = m_dispatchSince.addSecs(-30);
                const WorkflowRun *found = nullptr;
                for (const WorkflowRun &run : runs.value().items)
                    if (!m_dispatchKnown.contains(run.id) && run.createdAt >= earliest &&
                        run.event == QLatin1String("workflow_dispatch") &&
                        (!found || run.createdAt > found->createdAt))
                        found = &run;
                if (found) {
                    const qint64 id = found->id;
                    m_dispatchTries = 0;
                    Q_EMIT dispatchedRunFound(id);
                    watch(id, 0);
                    return;
                }
            }
        } else if (!response.error.isTransient()) {
            m_dispatchTries = 0;
            fail(m_generation, response.error);
            return;
        }
        if (++m_dispatchTries > MaxDispatchTries) {
            m_dispatchTries = 0;
            ApiError error;
            error.kind = ApiError::Kind::Other;
            error.serverMessage = tr("The dispatched run did not show up in the workflow's runs.");
            Q_EMIT failed(error);
            return;
        }
        // GitHub takes a few seconds to list a dispatched run: look again soon.
        const quint64 current = m_generation;
        m_scheduler->schedule(std::min<qint64>(m_baseInterval, 3000), this, [this, current] {
            if (current == m_generation && m_dispatchTries > 0)
                lookForDispatchedRun(current);
        });
    });
}

// ---- history -------------------------------------------------------------------------------

JobHistoryLoader::JobHistoryLoader(GitHubClient *client, WorkspaceStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{}

void JobHistoryLoader::load(const QString &repository, const QString &workflow, int count,
                            qint64 excludeRunId)
{
    const quint64 generation = ++m_generation;
    m_repository = repository;
    m_todo.clear();
    m_runs.clear();
    m_loading = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("success"));
    query.addQueryItem(QStringLiteral("per_page"), QString::number(std::clamp(count + 1, 1, 100)));
    RestJob *job = m_client->get(
        QStringLiteral("/repos/%1/actions/workflows/%2/runs").arg(repository, workflow), query);
    connect(job, &RestJob::finished, this,
            [this, generation, count, excludeRunId](RestJob *finished) {
                if (generation != m_generation)
                    return;
                const ApiResponse &response = finished->response();
                if (!response.isOk()) {
                    m_loading = false;
                    Q_EMIT failed(response.error);
                    return;
                }
                auto runs = GitHubJson::parseWorkflowRunList(response.body);
                if (!runs) {
                    m_loading = false;
                    Q_EMIT failed(
                        ApiError::malformed(QStringLiteral("workflow runs: ") + runs.error()));
                    return;
                }
                for (const WorkflowRun &run : runs.value().items)
                    if (run.id != excludeRunId && run.isCompleted() &&
                        run.conclusion == RunConclusion::Success && m_todo.size() < count)
                        m_todo.append(run);
                if (m_store && !response.isNotModified())
                    m_store->cache().upsertWorkflowRuns(runs.value().items);
                next(generation);
            });
}

void JobHistoryLoader::next(quint64 generation)
{
    while (!m_todo.isEmpty()) {
        const WorkflowRun run = m_todo.takeFirst();
        if (m_store) {
            const QList<WorkflowJob> stored = m_store->cache().loadJobs(run.id, run.runAttempt);
            if (!stored.isEmpty()) {
                m_runs.append(stored);
                continue;
            }
        }
        auto jobs = std::make_shared<QList<WorkflowJob>>();
        auto broken = std::make_shared<bool>(false);
        PagedJob *pages =
            m_client->getAllPages(QStringLiteral("/repos/%1/actions/runs/%2/attempts/%3/jobs")
                                      .arg(m_repository)
                                      .arg(run.id)
                                      .arg(run.runAttempt));
        connect(pages, &PagedJob::pageReceived, this, [jobs, broken](const ApiResponse &page) {
            auto list = GitHubJson::parseWorkflowJobList(page.body);
            if (list)
                *jobs += list.value().items;
            else
                *broken = true;
        });
        connect(pages, &PagedJob::finished, this,
                [this, generation, run, jobs, broken](PagedJob *job) {
                    if (generation != m_generation)
                        return;
                    // A run whose jobs cannot be read is left out of the history; the others
                    // still count.
                    if (!job->error().isError() && !*broken && !jobs->isEmpty()) {
                        m_runs.append(*jobs);
                        if (m_store)
                            m_store->cache().replaceJobs(run.id, run.runAttempt, *jobs);
                    }
                    next(generation);
                });
        pages->start();
        return;
    }
    done(generation);
}

void JobHistoryLoader::done(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_history = JobHistory::fromRuns(m_runs);
    Q_EMIT loaded(m_history);
}

} // namespace Mainstay
