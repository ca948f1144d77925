// Request counts and times of a full and a no-change sync against a loopback GitHub holding at
// least 10,000 issues and pull requests (DESIGN.md budgets: full sync of N items with C comments
// costs at most ceil(N/100) + ceil(C/100) + ceil(PRs/100) + 20 requests; a sync with nothing
// changed is answered 304 throughout).
//
//   build/bench/bench_sync [ITEMS]      (default 10000)

#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "storeresponsecache.h"
#include "syncengine.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <cstdio>

using namespace Mainstay;

namespace {

// The demo repository copied until it holds `target` items; each copy renumbered and moved a
// few seconds so timestamps stay as spread out as in a real repository.
DemoDataset scaledDataset(int target)
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);
    const DemoDataset base = DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, now);
    DemoDataset data = base;
    const int perCopy = int(base.issues.size() + base.pullRequests.size());
    int maxNumber = 0;
    for (const Issue &issue : base.issues)
        maxNumber = std::max(maxNumber, issue.number);
    for (const PullRequest &pull : base.pullRequests)
        maxNumber = std::max(maxNumber, pull.number);
    for (int copy = 1; perCopy * (copy + 1) <= target + perCopy - 1; ++copy) {
        const int offset = copy * (maxNumber + 1);
        const qint64 shift = -copy * 7;
        for (Issue issue : base.issues) {
            issue.number += offset;
            issue.id += qint64(offset) * 1000;
            issue.createdAt = issue.createdAt.addSecs(shift);
            issue.updatedAt = issue.updatedAt.addSecs(shift);
            data.issues.append(issue);
        }
        for (PullRequest pull : base.pullRequests) {
            pull.number += offset;
            pull.id += qint64(offset) * 1000;
            pull.pullId += qint64(offset) * 1000;
            pull.createdAt = pull.createdAt.addSecs(shift);
            pull.updatedAt = pull.updatedAt.addSecs(shift);
            data.pullRequests.append(pull);
        }
        for (Comment comment : base.comments) {
            comment.issueNumber += offset;
            comment.id += qint64(offset) * 1000;
            comment.createdAt = comment.createdAt.addSecs(shift);
            comment.updatedAt = comment.updatedAt.addSecs(shift);
            data.comments.append(comment);
        }
    }
    auto byNumber = [](const auto &a, const auto &b) { return a.number < b.number; };
    std::sort(data.issues.begin(), data.issues.end(), byNumber);
    std::sort(data.pullRequests.begin(), data.pullRequests.end(), byNumber);
    return data;
}

struct Run
{
    SyncSummary summary;
    qint64 ms = 0;
    bool ok = false;
    QString error;
};

Run sync(SyncEngine &engine, const QString &repository)
{
    QEventLoop loop;
    Run run;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const ApiError &error) {
        run.ok = !error.isError();
        run.error = error.message();
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    engine.start(repository);
    loop.exec();
    run.ms = timer.elapsed();
    run.summary = engine.summary();
    QObject::disconnect(&engine, &SyncEngine::finished, &loop, nullptr);
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int target = argc > 1 ? std::max(100, std::atoi(argv[1])) : 10'000;
    const DemoDataset data = scaledDataset(target);
    const int items = int(data.issues.size() + data.pullRequests.size());
    const int pulls = int(data.pullRequests.size());
    const int comments = int(data.comments.size());
    const QString repository = data.fullName();

    // Time stands still on the server, so its live release run cannot change between the syncs.
    ManualClock serverClock(data.now);
    auto backend = std::make_shared<DemoGitHubBackend>(data, &serverClock);
    backend->setRateLimitRemaining(1'000'000); // the benchmark counts requests, it is not rationed
    LoopbackHttpServer server;
    server.setHandler([backend](const HttpRequest &request) { return backend->handle(request); });
    if (!server.start()) {
        std::fprintf(stderr, "cannot listen on loopback: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QTemporaryDir dir;
    WorkspaceStore store;
    const StoreOpenResult opened = store.open(dir.path(), repository);
    if (!opened.ok) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(opened.error));
        return 1;
    }
    QNetworkAccessManager nam;
    GitHubClient client(&nam);
    client.setApiUrl(server.baseUrl());
    StoreResponseCache cache(&store.cache());
    client.setResponseCache(&cache);
    SyncEngine engine(&client);
    engine.setStore(&store);

    const auto ceilDiv = [](int a, int b) { return (a + b - 1) / b; };
    const int budget = ceilDiv(items, 100) + ceilDiv(comments, 100) + ceilDiv(pulls, 100) + 20;
    std::printf("repository: %d issues and pull requests (%d PRs), %d comments\n", items, pulls,
                comments);

    const Run full = sync(engine, repository);
    if (!full.ok) {
        std::fprintf(stderr, "full sync failed: %s\n", qPrintable(full.error));
        return 1;
    }
    std::printf("full sync:       %5d requests (budget %d), %lld ms, %d items stored\n",
                full.summary.requests, budget, full.ms, store.cache().issueCount());

    const Run again = sync(engine, repository);
    if (!again.ok) {
        std::fprintf(stderr, "second sync failed: %s\n", qPrintable(again.error));
        return 1;
    }
    std::printf("no-change sync:  %5d requests, %d answered 304, %lld ms\n", again.summary.requests,
                again.summary.notModified, again.ms);
    const bool withinBudget = full.summary.requests <= budget &&
                              again.summary.notModified == again.summary.requests &&
                              store.cache().issueCount() == items;
    std::printf("%s\n", withinBudget ? "within budget" : "OVER BUDGET");
    return withinBudget ? 0 : 1;
}
