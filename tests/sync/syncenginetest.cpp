#include "syncengine.h"
#include "cachedatabase.h"
#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "storeresponsecache.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QAtomicInt>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Mainstay;

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);

// A loopback GitHub holding the demo repository, a store in a temporary folder, and the real
// client and sync engine between them.
class SyncEngineTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // The backend's clock stands still: its live release run must not change between two
        // syncs that expect "nothing changed".
        m_backend = std::make_shared<DemoGitHubBackend>(DemoDataGenerator::generate(7, Now),
                                                        &m_serverClock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler(
            [backend](const HttpRequest &request) { return backend.lock()->handle(request); });
        ASSERT_TRUE(m_server.start());
        m_repository = m_backend->dataset().fullName();
        openStore();
        m_client.setApiUrl(m_server.baseUrl());
        GitHubClient::RetryPolicy quick;
        quick.maxRetries = 0;
        m_client.setRetryPolicy(quick);
    }

    void openStore()
    {
        m_sync.setStore(nullptr);
        m_client.setResponseCache(nullptr);
        m_cache.reset();
        m_store = std::make_unique<WorkspaceStore>();
        const StoreOpenResult opened = m_store->open(m_dir.path(), m_repository);
        ASSERT_TRUE(opened.ok) << opened.error.toStdString();
        m_cache = std::make_unique<StoreResponseCache>(&m_store->cache());
        m_client.setResponseCache(m_cache.get());
        m_sync.setStore(m_store.get());
    }

    ApiError runSync(SyncEngine::Mode mode = SyncEngine::Mode::Incremental)
    {
        QSignalSpy finished(&m_sync, &SyncEngine::finished);
        m_sync.start(m_repository, mode);
        EXPECT_TRUE(finished.wait(60'000));
        return finished.isEmpty() ? ApiError() : finished.first().first().value<ApiError>();
    }

    // The issues list holds issues and pull requests alike.
    int itemCount() const
    {
        const DemoDataset data = m_backend->dataset();
        return int(data.issues.size() + data.pullRequests.size());
    }
    int commentCount() const { return int(m_backend->dataset().comments.size()); }

    QTemporaryDir m_dir;
    ManualClock m_serverClock{Now};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    LoopbackHttpServer m_server;
    QString m_repository;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    SyncEngine m_sync{&m_client};
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<StoreResponseCache> m_cache;
};

int ceilDiv(int a, int b)
{
    return (a + b - 1) / b;
}

} // namespace

TEST_F(SyncEngineTest, FullSyncStoresEverythingWithinTheRequestBudget)
{
    const ApiError error = runSync();
    ASSERT_FALSE(error.isError()) << error.message().toStdString();
    const QList<Issue> stored = m_store->cache().loadIssues();
    EXPECT_EQ(stored.size(), itemCount());
    EXPECT_EQ(m_sync.summary().newItems, itemCount());
    EXPECT_FALSE(m_store->cache().loadLabels().isEmpty());
    EXPECT_FALSE(m_store->cache().loadReleases().isEmpty());
    EXPECT_FALSE(m_store->cache().lastComments().isEmpty());
    // The release workflow's recent runs.
    const QList<Workflow> workflows = m_store->cache().loadWorkflows();
    const auto release = std::find_if(workflows.cbegin(), workflows.cend(), [](const Workflow &w) {
        return w.name == QLatin1String("Release");
    });
    ASSERT_NE(release, workflows.cend());
    const QList<WorkflowRun> runs = m_store->cache().loadWorkflowRuns(release->id);
    EXPECT_FALSE(runs.isEmpty());
    EXPECT_LE(runs.size(), SyncEngine::RecentRuns);
    EXPECT_TRUE(std::any_of(runs.cbegin(), runs.cend(), [](const WorkflowRun &run) {
        return !run.isCompleted();
    })) << "the demo's live run is among them";
    // Pull-request details came through GraphQL, 100 a request.
    const QHash<int, PullRequest> details = m_store->cache().loadPullRequestDetails();
    EXPECT_EQ(details.size(), m_backend->dataset().pullRequests.size());
    for (const PullRequest &pull : m_backend->dataset().pullRequests) {
        ASSERT_TRUE(details.contains(pull.number));
        EXPECT_EQ(details.value(pull.number).additions, pull.additions);
        EXPECT_EQ(details.value(pull.number).reviewDecision, pull.reviewDecision);
        EXPECT_EQ(details.value(pull.number).linkedIssues, pull.linkedIssues);
    }
    // DESIGN.md: ceil(N/100) + ceil(C/100) + ceil(PRs/100) + 20 requests at most.
    const int pulls = int(m_backend->dataset().pullRequests.size());
    const int budget =
        ceilDiv(itemCount(), 100) + ceilDiv(commentCount(), 100) + ceilDiv(pulls, 100) + 20;
    EXPECT_LE(m_sync.summary().requests, budget);
    EXPECT_EQ(m_sync.summary().requests, int(m_server.requestLog().size()));
}

TEST_F(SyncEngineTest, OpenPullRequestsChangedFilesComeWithTheirDetails)
{
    ASSERT_FALSE(runSync().isError());
    const QHash<int, PullRequestFiles> files = m_store->cache().loadPullRequestFiles();
    int open = 0;
    for (const PullRequest &pull : m_backend->dataset().pullRequests) {
        if (!pull.isOpen()) {
            EXPECT_FALSE(files.contains(pull.number)) << pull.number;
            continue;
        }
        ++open;
        ASSERT_TRUE(files.contains(pull.number)) << pull.number;
        const PullRequestFiles &stored = files.value(pull.number);
        EXPECT_EQ(stored.headSha, pull.headSha) << pull.number;
        EXPECT_TRUE(stored.complete) << pull.number;
        EXPECT_EQ(stored.paths.size(), pull.changedFiles) << pull.number;
    }
    EXPECT_GT(open, 0);
    // No request of their own: every GraphQL request is a details batch.
    int graphql = 0;
    for (const HttpRequest &request : m_server.requestLog())
        graphql += request.target.endsWith("/graphql");
    EXPECT_EQ(graphql, (int(m_backend->dataset().pullRequests.size()) + 99) / 100);
}

TEST_F(SyncEngineTest, AServerWithoutChangedFilesStillGetsTheDetails)
{
    m_backend->setFault([](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (request.path.endsWith(QLatin1String("/graphql")) &&
            request.body.contains("PullRequestFiles"))
            return HttpResponse::json(
                200, R"({"errors":[{"message":"Field 'files' doesn't exist on type 'PullRequest'",
                        "locations":[{"line":1,"column":1}]}]})");
        return std::nullopt;
    });
    const ApiError error = runSync();
    ASSERT_FALSE(error.isError()) << error.message().toStdString();
    EXPECT_EQ(m_store->cache().loadPullRequestDetails().size(),
              m_backend->dataset().pullRequests.size());
    EXPECT_TRUE(m_store->cache().loadPullRequestFiles().isEmpty());
}

TEST_F(SyncEngineTest, SyncWithNothingChangedIsAnswered304Throughout)
{
    ASSERT_FALSE(runSync().isError());
    m_server.clearRequestLog();
    ASSERT_FALSE(runSync().isError());
    const SyncSummary summary = m_sync.summary();
    EXPECT_GT(summary.requests, 0);
    EXPECT_EQ(summary.notModified, summary.requests) << summary.toString().toStdString();
    EXPECT_EQ(summary.newItems + summary.updatedItems, 0);
    for (const HttpRequest &request : m_server.requestLog())
        EXPECT_TRUE(request.hasHeader("If-None-Match")) << request.target.toStdString();
}

TEST_F(SyncEngineTest, ChangesBetweenSyncsArriveAndNothingElseIsRead)
{
    ASSERT_FALSE(runSync().isError());
    // A maintainer labels an issue on github.com.
    const int number = m_backend->dataset().issues.first().number;
    RestJob *label = m_client.send(
        "POST", QStringLiteral("/repos/%1/issues/%2/labels").arg(m_repository).arg(number),
        QJsonDocument::fromJson(R"({"labels":["help wanted"]})"));
    label->setAutoDelete(false);
    QSignalSpy labelled(label, &RestJob::finished);
    ASSERT_TRUE(labelled.wait(10'000));
    ASSERT_TRUE(label->response().isOk()) << label->error().message().toStdString();
    delete label;

    ASSERT_FALSE(runSync().isError());
    EXPECT_EQ(m_sync.summary().updatedItems, 1) << m_sync.summary().toString().toStdString();
    const std::optional<Issue> stored = m_store->cache().issue(number);
    ASSERT_TRUE(stored.has_value());
    EXPECT_TRUE(stored->hasLabel(u"help wanted"));
}

TEST_F(SyncEngineTest, AnInterruptedSyncResumesWithoutRefetchingPages)
{
    // The fourth issues page fails; nothing after it is read.
    QAtomicInt issuePages = 0;
    m_backend->setFault([&](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (request.path.endsWith(QLatin1String("/issues")) && ++issuePages == 4)
            return HttpResponse::json(500, R"({"message":"Server Error"})");
        return std::nullopt;
    });
    const ApiError first = runSync();
    EXPECT_EQ(first.kind, ApiError::Kind::Server);
    const int storedAfterFailure = int(m_store->cache().loadIssues().size());
    // Three pages, each after the first re-reading the one item at its boundary.
    EXPECT_GE(storedAfterFailure, 290);
    EXPECT_LE(storedAfterFailure, 300);

    // Restart (as after a crash): a new store object on the same files, then sync again.
    m_backend->setFault({});
    openStore();
    m_server.clearRequestLog();
    ASSERT_FALSE(runSync().isError());
    EXPECT_EQ(m_store->cache().loadIssues().size(), itemCount());
    // The resumed walk starts at the stored watermark: it never asks for the start of the list.
    int issueRequests = 0;
    for (const HttpRequest &request : m_server.requestLog()) {
        if (!request.path.endsWith(QLatin1String("/issues")))
            continue;
        ++issueRequests;
        EXPECT_FALSE(request.queryValue(QStringLiteral("since")).isEmpty())
            << request.target.toStdString();
    }
    EXPECT_LE(issueRequests, ceilDiv(itemCount() - storedAfterFailure, 100) + 2);
}

TEST_F(SyncEngineTest, AnItemUpdatedDuringTheWalkSkipsNothing)
{
    // While the walk is on its second page, an item of the first page is updated: it moves to
    // the end of the sort=updated order and every later item shifts one place earlier.
    QAtomicInt issuePages = 0;
    const int early = m_backend->dataset().issues.size() > 0 ? 0 : 0;
    Q_UNUSED(early)
    std::weak_ptr<DemoGitHubBackend> weak = m_backend;
    const QByteArray host = m_server.baseUrl().authority().toUtf8();
    const QString repository = m_repository;
    m_backend->setFault([&, weak, host,
                         repository](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (!request.path.endsWith(QLatin1String("/issues")) || ++issuePages != 2)
            return std::nullopt;
        auto backend = weak.lock();
        QList<Issue> items = backend->dataset().issues;
        for (const PullRequest &pull : backend->dataset().pullRequests)
            items.append(pull);
        std::sort(items.begin(), items.end(),
                  [](const Issue &a, const Issue &b) { return a.updatedAt < b.updatedAt; });
        HttpRequest edit;
        edit.method = "PATCH";
        edit.path = QStringLiteral("/repos/%1/issues/%2").arg(repository).arg(items.at(5).number);
        edit.body = R"({"title":"Edited while syncing"})";
        edit.headers = {{"Host", host}};
        backend->handle(edit);
        return std::nullopt;
    });
    ASSERT_FALSE(runSync().isError());
    QSet<int> stored;
    for (const Issue &issue : m_store->cache().loadIssues())
        stored.insert(issue.number);
    for (const Issue &issue : m_backend->dataset().issues)
        EXPECT_TRUE(stored.contains(issue.number)) << "skipped #" << issue.number;
    for (const PullRequest &pull : m_backend->dataset().pullRequests)
        EXPECT_TRUE(stored.contains(pull.number)) << "skipped #" << pull.number;
}

TEST_F(SyncEngineTest, MalformedJsonFailsClearlyAndLeavesTheCacheAlone)
{
    ASSERT_FALSE(runSync().isError());
    const QList<Issue> before = m_store->cache().loadIssues();
    // Something changed, so the next request is answered with a body, but the body is broken.
    m_backend->setFault([](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (request.path.endsWith(QLatin1String("/labels")))
            return HttpResponse::json(200, R"([{"id": 1, "name": "bug", "col)");
        return std::nullopt;
    });
    const ApiError error = runSync();
    EXPECT_EQ(error.kind, ApiError::Kind::MalformedResponse);
    EXPECT_TRUE(error.message().contains(QLatin1String("labels"))) << error.message().toStdString();
    EXPECT_EQ(m_store->cache().loadIssues().size(), before.size());
    EXPECT_FALSE(m_store->cache().loadLabels().isEmpty());
}

TEST_F(SyncEngineTest, AWrongRepositoryIsReportedAsNotFound)
{
    QSignalSpy finished(&m_sync, &SyncEngine::finished);
    m_sync.setStore(nullptr);
    m_sync.start(QStringLiteral("nobody/nothing"));
    ASSERT_TRUE(finished.wait(10'000));
    const ApiError error = finished.first().first().value<ApiError>();
    EXPECT_EQ(error.kind, ApiError::Kind::NotFound);
}
