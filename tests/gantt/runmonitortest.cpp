#include "runmonitor.h"
#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "ganttfixtures.h"
#include "githubclient.h"
#include "githubjsonwriter.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "manualscheduler.h"
#include "responsecache.h"
#include "workflowinputs.h"

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Mainstay;
using namespace Mainstay::GanttFixtures;

namespace {

class MemoryCache final : public ResponseCache
{
public:
    std::optional<Entry> lookup(const QUrl &url) const override
    {
        const auto it = m_entries.constFind(url);
        return it == m_entries.cend() ? std::nullopt : std::optional<Entry>(*it);
    }
    void store(const QUrl &url, const Entry &entry) override { m_entries.insert(url, entry); }
    void remove(const QUrl &url) override { m_entries.remove(url); }
    QHash<QUrl, Entry> m_entries;
};

// A scripted GitHub for one run: the test sets the run and its jobs; the server pages the jobs
// (per_page from the request, Link headers), answers ETag/If-None-Match with 304, and logs what
// it answered.
class ScriptedGitHub
{
public:
    void set(const WorkflowRun &run, const QList<WorkflowJob> &jobs)
    {
        QMutexLocker lock(&m_mutex);
        m_run = run;
        m_jobs = jobs;
    }
    QList<std::pair<QString, int>> answers() const
    {
        QMutexLocker lock(&m_mutex);
        return m_answers;
    }
    void clearAnswers()
    {
        QMutexLocker lock(&m_mutex);
        m_answers.clear();
    }

    HttpResponse handle(const HttpRequest &request, const QString &base)
    {
        QMutexLocker lock(&m_mutex);
        const QString runPath = QStringLiteral("/repos/o/r/actions/runs/%1").arg(m_run.id);
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (request.path == runPath ||
            request.path == runPath + QStringLiteral("/attempts/%1").arg(m_run.runAttempt)) {
            body = QJsonDocument(GitHubJsonWriter::toJson(m_run, base, QStringLiteral("o/r")))
                       .toJson(QJsonDocument::Compact);
        } else if (request.path == runPath + QStringLiteral("/jobs") ||
                   request.path ==
                       runPath + QStringLiteral("/attempts/%1/jobs").arg(m_run.runAttempt)) {
            const int perPage = std::max(1, request.queryValue(QStringLiteral("per_page")).toInt());
            const int page = std::max(1, request.queryValue(QStringLiteral("page")).toInt());
            QJsonArray jobs;
            for (int i = (page - 1) * perPage;
                 i < std::min<int>(page * perPage, int(m_jobs.size())); ++i)
                jobs.append(GitHubJsonWriter::toJson(m_jobs.at(i), base, QStringLiteral("o/r")));
            body = QJsonDocument(QJsonObject{{QStringLiteral("total_count"), int(m_jobs.size())},
                                             {QStringLiteral("jobs"), jobs}})
                       .toJson(QJsonDocument::Compact);
            const int pages = std::max(1, int((m_jobs.size() + perPage - 1) / perPage));
            if (page < pages) {
                QUrlQuery query = request.query;
                query.removeAllQueryItems(QStringLiteral("page"));
                query.addQueryItem(QStringLiteral("page"), QString::number(page + 1));
                QUrl next(base + request.path);
                next.setQuery(query);
                QUrlQuery last = query;
                last.removeAllQueryItems(QStringLiteral("page"));
                last.addQueryItem(QStringLiteral("page"), QString::number(pages));
                QUrl lastUrl(base + request.path);
                lastUrl.setQuery(last);
                headers.append({"Link", "<" + next.toEncoded() + ">; rel=\"next\", <" +
                                            lastUrl.toEncoded() + ">; rel=\"last\""});
            }
        } else {
            m_answers.append({request.path, 404});
            return HttpResponse::json(404, R"({"message":"Not Found"})");
        }
        const QByteArray etag =
            '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex() + '"';
        if (request.header("If-None-Match") == etag) {
            m_answers.append({request.path, 304});
            HttpResponse response;
            response.status = 304;
            response.headers = {{"ETag", etag}};
            return response;
        }
        m_answers.append({request.path, 200});
        HttpResponse response = HttpResponse::json(200, body);
        response.headers.append({"ETag", etag});
        for (const auto &header : headers)
            response.headers.append(header);
        return response;
    }

private:
    mutable QMutex m_mutex;
    WorkflowRun m_run;
    QList<WorkflowJob> m_jobs;
    QList<std::pair<QString, int>> m_answers;
};

class RunMonitorTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server.setHandler(
            [this](const HttpRequest &request) { return m_github.handle(request, m_base); });
        ASSERT_TRUE(m_server.start());
        m_base = m_server.baseUrl().toString();
        m_client.setApiUrl(m_server.baseUrl());
        m_client.setClock(&m_clock);
        m_client.setScheduler(&m_scheduler);
        m_client.setResponseCache(&m_cache);
        m_monitor.setRepository(QStringLiteral("o/r"));
        m_monitor.setScheduler(&m_scheduler);
        m_monitor.setClock(&m_clock);
        m_monitor.setPollInterval(10'000);
    }

    // Network events and due tasks until the monitor is idle again.
    bool settle()
    {
        return QTest::qWaitFor(
            [&] {
                m_scheduler.advance(0);
                return !m_monitor.isFetching();
            },
            10'000);
    }
    // Moves time by `ms` (a poll falls due) and waits for the fetch it started.
    bool advance(qint64 ms)
    {
        m_scheduler.advance(ms);
        return settle();
    }

    static WorkflowJob liveJob(qint64 id, const QString &name, RunStatus status,
                               RunConclusion conclusion = RunConclusion::None, int attempt = 1)
    {
        WorkflowJob j = job(id, name, at("10:00:10"), 30, conclusion);
        j.status = status;
        j.runAttempt = attempt;
        if (status != RunStatus::Completed) {
            j.completedAt = QDateTime();
            j.steps.clear();
        }
        if (status == RunStatus::Queued)
            j.startedAt = j.createdAt;
        return j;
    }

    ManualClock m_clock;
    ManualScheduler m_scheduler{&m_clock};
    MemoryCache m_cache;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    ScriptedGitHub m_github;
    LoopbackHttpServer m_server;
    QString m_base;
    RunMonitor m_monitor{&m_client};
};

} // namespace

TEST_F(RunMonitorTest, ReadsEveryPageOfARunWith350Jobs)
{
    QList<WorkflowJob> jobs;
    for (int i = 0; i < 350; ++i)
        jobs.append(
            job(1000 + i,
                QStringLiteral("Layer release / Deploy (region-%1, 3.%2)").arg(i / 10).arg(i % 10),
                at("10:00:00").addSecs(i), 60));
    m_github.set(run(), jobs);
    QSignalSpy updated(&m_monitor, &RunMonitor::updated);
    m_monitor.watch(500);
    ASSERT_TRUE(settle());
    ASSERT_FALSE(m_monitor.lastError().isError()) << m_monitor.lastError().message().toStdString();
    EXPECT_EQ(updated.count(), 1);
    ASSERT_EQ(m_monitor.jobs().size(), 350);
    EXPECT_EQ(m_monitor.jobs().last().id, 1349);
    int jobPages = 0;
    for (const auto &[path, status] : m_github.answers())
        jobPages += path.endsWith(QLatin1String("/jobs")) && status == 200;
    EXPECT_EQ(jobPages, 4);
    // A completed run is not polled.
    EXPECT_FALSE(m_monitor.isPolling());
    EXPECT_EQ(m_scheduler.pendingCount(), 0);
}

TEST_F(RunMonitorTest, FollowsARunFromQueuedToCompletedAndIntoItsSecondAttempt)
{
    WorkflowRun r = run(RunStatus::Queued, RunConclusion::None);
    m_github.set(r, {liveJob(1, QStringLiteral("Build / Compile"), RunStatus::Queued),
                     liveJob(2, QStringLiteral("Test / Unit"), RunStatus::Queued)});
    QSignalSpy completed(&m_monitor, &RunMonitor::runCompleted);
    m_monitor.watch(500);
    ASSERT_TRUE(settle());
    ASSERT_EQ(m_monitor.jobs().size(), 2);
    EXPECT_EQ(m_monitor.jobs().at(0).status, RunStatus::Queued);
    EXPECT_TRUE(m_monitor.isPolling());
    EXPECT_EQ(m_scheduler.pendingDelays(), QList<qint64>{10'000});

    r.status = RunStatus::InProgress;
    m_github.set(r, {liveJob(1, QStringLiteral("Build / Compile"), RunStatus::InProgress),
                     liveJob(2, QStringLiteral("Test / Unit"), RunStatus::InProgress)});
    ASSERT_TRUE(advance(10'000));
    EXPECT_EQ(m_monitor.run().status, RunStatus::InProgress);
    EXPECT_EQ(m_monitor.jobs().at(1).status, RunStatus::InProgress);
    EXPECT_EQ(m_monitor.currentInterval(), 10'000);

    r.status = RunStatus::Completed;
    r.conclusion = RunConclusion::Failure;
    m_github.set(r, {liveJob(1, QStringLiteral("Build / Compile"), RunStatus::Completed,
                             RunConclusion::Success),
                     liveJob(2, QStringLiteral("Test / Unit"), RunStatus::Completed,
                             RunConclusion::Failure)});
    ASSERT_TRUE(advance(10'000));
    ASSERT_EQ(completed.count(), 1);
    EXPECT_EQ(completed.first().first().value<WorkflowRun>().conclusion, RunConclusion::Failure);
    EXPECT_EQ(m_monitor.jobs().at(1).conclusion, RunConclusion::Failure);
    EXPECT_FALSE(m_monitor.isPolling());

    // Attempt 2 re-runs the failed job; the latest-attempt watch sees it once asked again (the
    // page does so when the outbox sent the re-run).
    r.runAttempt = 2;
    r.status = RunStatus::Queued;
    r.conclusion = RunConclusion::None;
    m_github.set(
        r, {liveJob(1, QStringLiteral("Build / Compile"), RunStatus::Completed,
                    RunConclusion::Success),
            liveJob(3, QStringLiteral("Test / Unit"), RunStatus::Queued, RunConclusion::None, 2)});
    m_monitor.refresh();
    ASSERT_TRUE(settle());
    EXPECT_EQ(m_monitor.run().runAttempt, 2);
    EXPECT_EQ(m_monitor.jobs().at(1).runAttempt, 2);
    EXPECT_TRUE(m_monitor.isPolling());

    r.status = RunStatus::Completed;
    r.conclusion = RunConclusion::Success;
    m_github.set(r, {liveJob(1, QStringLiteral("Build / Compile"), RunStatus::Completed,
                             RunConclusion::Success),
                     liveJob(3, QStringLiteral("Test / Unit"), RunStatus::Completed,
                             RunConclusion::Success, 2)});
    ASSERT_TRUE(advance(10'000));
    ASSERT_EQ(completed.count(), 2);
    EXPECT_EQ(completed.last().first().value<WorkflowRun>().conclusion, RunConclusion::Success);

    // The first attempt stays readable.
    m_github.set(
        run(RunStatus::Completed, RunConclusion::Failure),
        {liveJob(2, QStringLiteral("Test / Unit"), RunStatus::Completed, RunConclusion::Failure)});
    m_monitor.watch(500, 1);
    ASSERT_TRUE(settle());
    EXPECT_EQ(m_monitor.attempt(), 1);
    EXPECT_EQ(m_monitor.jobs().size(), 1);
    EXPECT_EQ(m_github.answers().last().first,
              QStringLiteral("/repos/o/r/actions/runs/500/attempts/1/jobs"));
}

TEST_F(RunMonitorTest, AnIdleRunCostsOnly304sAndIsPolledLessOften)
{
    const WorkflowRun r = run(RunStatus::InProgress, RunConclusion::None);
    const QList<WorkflowJob> jobs = {
        liveJob(1, QStringLiteral("Build / Compile"), RunStatus::InProgress)};
    m_github.set(r, jobs);
    QSignalSpy updated(&m_monitor, &RunMonitor::updated);
    m_monitor.watch(500);
    ASSERT_TRUE(settle());
    EXPECT_EQ(updated.count(), 1);
    m_github.clearAnswers();

    const QList<qint64> expected = {20'000, 40'000, 60'000, 60'000};
    qint64 wait = 10'000;
    for (qint64 next : expected) {
        ASSERT_TRUE(advance(wait));
        EXPECT_EQ(m_scheduler.pendingDelays(), QList<qint64>{next});
        wait = next;
    }
    // Four polls, each the run and its one page of jobs, every answer a 304.
    const auto answers = m_github.answers();
    ASSERT_EQ(answers.size(), 8);
    for (const auto &[path, status] : answers)
        EXPECT_EQ(status, 304) << path.toStdString();
    EXPECT_EQ(updated.count(), 1);

    // A change brings the interval back.
    m_github.set(r, {liveJob(1, QStringLiteral("Build / Compile"), RunStatus::Completed,
                             RunConclusion::Success)});
    ASSERT_TRUE(advance(60'000));
    EXPECT_EQ(updated.count(), 2);
    EXPECT_EQ(m_scheduler.pendingDelays(), QList<qint64>{10'000});
}

TEST_F(RunMonitorTest, AMissingRunFailsWithoutPolling)
{
    m_github.set(run(), {});
    QSignalSpy failed(&m_monitor, &RunMonitor::failed);
    m_monitor.watch(404404);
    ASSERT_TRUE(settle());
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(m_monitor.lastError().kind, ApiError::Kind::NotFound);
    EXPECT_FALSE(m_monitor.hasRun());
    EXPECT_EQ(m_scheduler.pendingCount(), 0);
}

// ---- the demo backend's Actions endpoints and dispatch following ---------------------------

class DemoActionsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_backend = std::make_shared<DemoGitHubBackend>(
            DemoDataGenerator::generate(11, m_serverClock.now()), &m_serverClock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler(
            [backend](const HttpRequest &request) { return backend.lock()->handle(request); });
        ASSERT_TRUE(m_server.start());
        m_repo = m_backend->dataset().fullName();
        m_client.setApiUrl(m_server.baseUrl());
        GitHubClient::RetryPolicy quick;
        quick.maxRetries = 0;
        m_client.setRetryPolicy(quick);
        m_client.setScheduler(&m_scheduler);
        m_client.setClock(&m_clock);
    }

    ApiResponse call(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        RestJob *job =
            verb == "GET"
                ? m_client.get(path)
                : m_client.send(verb, path, body.isEmpty() ? QJsonDocument() : QJsonDocument(body));
        job->setAutoDelete(false);
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                m_scheduler.advance(1000);
                return job->isFinished();
            },
            10'000));
        const ApiResponse response = job->response();
        delete job;
        return response;
    }

    ManualClock m_serverClock{QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC)};
    ManualClock m_clock;
    ManualScheduler m_scheduler{&m_clock};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    QString m_repo;
};

TEST_F(DemoActionsTest, CancelStopsTheLiveRunAndASecondCancelIs409)
{
    const qint64 live = m_backend->dataset().liveRunId;
    const QString run = QStringLiteral("/repos/%1/actions/runs/%2").arg(m_repo).arg(live);
    EXPECT_EQ(call("POST", run + QStringLiteral("/rerun-failed-jobs")).status, 403);
    EXPECT_EQ(call("POST", run + QStringLiteral("/cancel")).status, 202);
    const QJsonObject after = QJsonDocument::fromJson(call("GET", run).body).object();
    EXPECT_EQ(after.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    EXPECT_EQ(after.value(QLatin1String("conclusion")).toString(), QStringLiteral("cancelled"));
    const QJsonArray jobs = QJsonDocument::fromJson(call("GET", run + QStringLiteral("/jobs")).body)
                                .object()
                                .value(QLatin1String("jobs"))
                                .toArray();
    int cancelled = 0;
    for (const QJsonValue &job : jobs) {
        EXPECT_EQ(job.toObject().value(QLatin1String("status")).toString(),
                  QStringLiteral("completed"));
        cancelled += job.toObject().value(QLatin1String("conclusion")).toString() ==
                     QLatin1String("cancelled");
    }
    EXPECT_GT(cancelled, 0) << QJsonDocument(jobs).toJson().left(3000).toStdString();
    EXPECT_EQ(call("POST", run + QStringLiteral("/cancel")).status, 409);

    // Now the run can be re-run: a second attempt of the cancelled jobs starts.
    EXPECT_EQ(call("POST", run + QStringLiteral("/rerun-failed-jobs")).status, 201);
    const QJsonObject again = QJsonDocument::fromJson(call("GET", run).body).object();
    EXPECT_EQ(again.value(QLatin1String("run_attempt")).toInt(), 2);
    EXPECT_NE(again.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    EXPECT_EQ(call("GET", run + QStringLiteral("/attempts/1")).status, 200);
}

TEST_F(DemoActionsTest, WorkflowFileDeclaresDispatchInputsAndTheLiveRunWaitsForAReview)
{
    const ApiResponse file =
        call("GET", QStringLiteral("/repos/%1/contents/.github/workflows/release.yml").arg(m_repo));
    ASSERT_EQ(file.status, 200);
    const QByteArray yaml = QByteArray::fromBase64(QJsonDocument::fromJson(file.body)
                                                       .object()
                                                       .value(QLatin1String("content"))
                                                       .toString()
                                                       .toLatin1());
    const WorkflowDispatchSpec spec = parseWorkflowDispatch(yaml);
    EXPECT_TRUE(spec.dispatchable);
    ASSERT_EQ(spec.inputs.size(), 4);
    EXPECT_EQ(spec.inputs.at(versionInputIndex(spec.inputs)).name,
              QStringLiteral("version_to_publish"));
    EXPECT_EQ(call("GET", QStringLiteral("/repos/%1/contents/nope.yml").arg(m_repo)).status, 404);

    // The live run waits for a review of its publishing job: one environment is listed, a
    // review naming another is refused, approving it empties the list, and a second review finds
    // nothing waiting.
    const qint64 live = m_backend->dataset().liveRunId;
    const QString pending =
        QStringLiteral("/repos/%1/actions/runs/%2/pending_deployments").arg(m_repo).arg(live);
    const ApiResponse list = call("GET", pending);
    EXPECT_EQ(list.status, 200);
    const QJsonArray waiting = QJsonDocument::fromJson(list.body).array();
    ASSERT_EQ(waiting.size(), 1);
    const qint64 environment = waiting.first()
                                   .toObject()
                                   .value(QLatin1String("environment"))
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toInteger();
    EXPECT_EQ(environment, m_backend->dataset().releaseEnvironment.id);
    auto review = [&](qint64 id) {
        return call("POST", pending,
                    QJsonObject{{QStringLiteral("environment_ids"), QJsonArray{id}},
                                {QStringLiteral("state"), QStringLiteral("approved")},
                                {QStringLiteral("comment"), QStringLiteral("ok")}})
            .status;
    };
    EXPECT_EQ(review(environment + 1), 422);
    EXPECT_EQ(review(environment), 200);
    EXPECT_TRUE(QJsonDocument::fromJson(call("GET", pending).body).array().isEmpty());
    EXPECT_EQ(review(environment), 422);
}

TEST_F(DemoActionsTest, FollowDispatchFindsTheNewRunAndWatchesIt)
{
    QSet<qint64> known;
    for (const WorkflowRun &run : m_backend->dataset().runs)
        known.insert(run.id);
    const ApiResponse dispatched = call(
        "POST", QStringLiteral("/repos/%1/actions/workflows/release.yml/dispatches").arg(m_repo),
        QJsonObject{{QStringLiteral("ref"), QStringLiteral("develop")},
                    {QStringLiteral("inputs"), QJsonObject{{QStringLiteral("version_to_publish"),
                                                            QStringLiteral("v9.9.9")}}}});
    ASSERT_EQ(dispatched.status, 204);
    RunMonitor monitor(&m_client);
    monitor.setRepository(m_repo);
    monitor.setScheduler(&m_scheduler);
    monitor.setClock(&m_clock);
    QSignalSpy found(&monitor, &RunMonitor::dispatchedRunFound);
    monitor.followDispatch(QStringLiteral("release.yml"), QStringLiteral("develop"),
                           m_serverClock.now(), known);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            m_scheduler.advance(0);
            return monitor.hasRun() && !monitor.isFetching();
        },
        10'000));
    ASSERT_EQ(found.count(), 1);
    EXPECT_FALSE(known.contains(monitor.runId()));
    EXPECT_EQ(monitor.run().event, QStringLiteral("workflow_dispatch"));
    EXPECT_TRUE(monitor.run().displayTitle.contains(QLatin1String("v9.9.9")));
}
