// The local store at 100,000 items: loading the issue list at start-up (DESIGN.md: cold start to
// a painted board <= 500 ms, of which the QtSql read loop alone is ~240 ms) and the memory the
// loaded list adds (<= 600 B an item), plus opening the workspace and storing a sync page.
//   ./build/bench/bench_store
//
// The data set is written once (a few seconds): realistic titles (~60 characters), 1-4 labels
// from a vocabulary of 40 (a few common ones, a long tail), authors among 2,000 logins, bodies of
// ~1 KB stored apart from the list.

#include "benchworkspace.h"
#include "cachedatabase.h"
#include "isodatetime.h"
#include "scopedconnection.h"
#include "workspacestore.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <malloc.h>
#include <random>
#include <unistd.h>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

constexpr int itemCount = Bench::ItemCount;
const QString repository = Bench::repository();

struct Dataset
{
    QTemporaryDir dir;
    QString cacheFile;
    qsizetype distinctLabelSets = 0;
};

// Written once per process (a few seconds).
Dataset &dataset()
{
    static Dataset *data = [] {
        auto *d = new Dataset;
        d->distinctLabelSets = Bench::writeWorkspace(d->dir.path(), itemCount);
        d->cacheFile =
            WorkspaceStore::workspacePath(d->dir.path(), repository) + u"/cache.sqlite"_s;
        return d;
    }();
    return *data;
}

WorkspaceStore &openStore()
{
    static WorkspaceStore *store = [] {
        auto *s = new WorkspaceStore;
        dataset();
        if (!s->open(dataset().dir.path(), repository).ok)
            qFatal("cannot reopen the benchmark store");
        return s;
    }();
    return *store;
}

// Bytes the allocator has handed out and not taken back (small blocks plus mmapped ones).
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

// The start-up load through the store's own connection (the GUI-thread case).
void loadIssues(benchmark::State &state)
{
    CacheDatabase &cache = openStore().cache();
    for (auto _ : state) {
        QList<Issue> issues = cache.loadIssues();
        if (issues.size() != itemCount)
            state.SkipWithError("wrong item count");
        benchmark::DoNotOptimize(issues.data());
    }
    state.SetItemsProcessed(state.iterations() * itemCount);
    state.counters["distinct_label_sets"] = double(dataset().distinctLabelSets);
}
BENCHMARK(loadIssues)
    ->Name("loadIssues (100k, store connection)")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(qEnvironmentVariableIntValue("BENCH_STORE_ITERATIONS") > 0
                     ? qEnvironmentVariableIntValue("BENCH_STORE_ITERATIONS")
                     : 5);

// The background load: a connection of its own, opened and closed each time.
void loadIssuesFromFile(benchmark::State &state)
{
    const QString file = dataset().cacheFile;
    openStore();
    for (auto _ : state) {
        QList<Issue> issues = CacheDatabase::loadIssuesFromFile(file);
        if (issues.size() != itemCount)
            state.SkipWithError("wrong item count");
        benchmark::DoNotOptimize(issues.data());
    }
    state.SetItemsProcessed(state.iterations() * itemCount);
}
BENCHMARK(loadIssuesFromFile)
    ->Name("loadIssuesFromFile (100k, own connection)")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(qEnvironmentVariableIntValue("BENCH_STORE_ITERATIONS") > 0
                     ? qEnvironmentVariableIntValue("BENCH_STORE_ITERATIONS")
                     : 5);

// The floor: the same rows and columns through QtSql into QVariants, building nothing.
void qtSqlReadLoop(benchmark::State &state)
{
    const QString file = dataset().cacheFile;
    ScopedConnection connection(file, u"bench", ScopedConnection::Mode::ReadOnly);
    QString error;
    if (!connection.open(&error))
        state.SkipWithError(qPrintable(error));
    for (auto _ : state) {
        QSqlQuery query(connection.database());
        query.setForwardOnly(true);
        query.exec(u"SELECT number, id, title, flags, author, labels, assignees, milestone, "
                   "comments, reactions, created_at, updated_at, closed_at, merged_at, html_url "
                   "FROM issues ORDER BY number"_s);
        qint64 rows = 0;
        while (query.next()) {
            for (int column = 0; column < 15; ++column)
                benchmark::DoNotOptimize(query.value(column));
            ++rows;
        }
        if (rows != itemCount)
            state.SkipWithError("wrong item count");
    }
    state.SetItemsProcessed(state.iterations() * itemCount);
}
BENCHMARK(qtSqlReadLoop)
    ->Name("QtSql read loop floor (100k, 15 columns)")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(qEnvironmentVariableIntValue("BENCH_STORE_ITERATIONS") > 0
                     ? qEnvironmentVariableIntValue("BENCH_STORE_ITERATIONS")
                     : 5);

// Memory the loaded list holds, measured once (not a timing).
void loadedMemory(benchmark::State &state)
{
    CacheDatabase &cache = openStore().cache();
    for (auto _ : state) {
        state.PauseTiming();
        malloc_trim(0);
        const qint64 heapBefore = heapInUse();
        const qint64 rssBefore = residentBytes();
        state.ResumeTiming();
        QList<Issue> issues = cache.loadIssues();
        state.PauseTiming();
        const qint64 heapAfter = heapInUse();
        const qint64 rssAfter = residentBytes();
        state.counters["heap_bytes_per_item"] = double(heapAfter - heapBefore) / issues.size();
        state.counters["rss_bytes_per_item"] = double(rssAfter - rssBefore) / issues.size();
        state.counters["sizeof_Issue"] = double(sizeof(Issue));
        state.counters["heap_MB"] = double(heapAfter - heapBefore) / 1e6;
        issues.clear();
        state.ResumeTiming();
    }
}
BENCHMARK(loadedMemory)
    ->Name("memory added by loadIssues (100k)")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// Opening the 100k workspace: file checks and connections. The default checks the structure;
// CacheCheck::Full also reads every page (what verifyCacheFile() does in the background).
void openWorkspace(benchmark::State &state)
{
    const QString dir = dataset().dir.path();
    openStore();
    const auto check = WorkspaceStore::CacheCheck(state.range(0));
    for (auto _ : state) {
        WorkspaceStore store;
        if (!store.open(dir, repository, check).ok)
            state.SkipWithError("open failed");
    }
}
BENCHMARK(openWorkspace)
    ->Name("WorkspaceStore::open (100k items, ~130 MB), structure check")
    ->Arg(int(WorkspaceStore::CacheCheck::Structure))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK(openWorkspace)
    ->Name("WorkspaceStore::open (100k items, ~130 MB), full check")
    ->Arg(int(WorkspaceStore::CacheCheck::Full))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

// One sync page: 100 changed items with their bodies and the watermark, one transaction.
void upsertPage(benchmark::State &state)
{
    CacheDatabase &cache = openStore().cache();
    QList<Issue> page = cache.loadIssues().mid(5000, 100);
    for (Issue &issue : page)
        issue.body = cache.issueBody(issue.number);
    int round = 0;
    for (auto _ : state) {
        for (Issue &issue : page)
            issue.commentCount = ++round;
        if (!cache.upsertIssues(page, {{u"issues.since"_s, QString::number(round)}}))
            state.SkipWithError("upsert failed");
    }
    state.SetItemsProcessed(state.iterations() * page.size());
}
BENCHMARK(upsertPage)
    ->Name("upsertIssues (page of 100 + watermark)")
    ->Unit(benchmark::kMillisecond);

// User data writes, one committed transaction each with synchronous=FULL (an fsync): what a
// debounced draft save and an outbox enqueue cost.
void saveDraft(benchmark::State &state)
{
    UserDataDatabase &userData = openStore().userData();
    const QString text = u"## Summary\n\nThis release brings "_s.repeated(40).left(1000);
    int round = 0;
    for (auto _ : state) {
        if (!userData.saveDraft(u"release-notes/v3.1.0"_s, text + QString::number(++round)))
            state.SkipWithError("saveDraft failed");
    }
}
BENCHMARK(saveDraft)->Name("saveDraft (1 KB, synchronous=FULL)")->Unit(benchmark::kMillisecond);

void enqueue(benchmark::State &state)
{
    UserDataDatabase &userData = openStore().userData();
    const QJsonObject payload{{u"issue"_s, 1234}, {u"labels"_s, QJsonArray{u"bug"_s, u"triage"_s}}};
    for (auto _ : state) {
        if (userData.enqueue(u"add-labels"_s, payload) == 0)
            state.SkipWithError("enqueue failed");
    }
}
BENCHMARK(enqueue)->Name("outbox enqueue (synchronous=FULL)")->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    // QtSql loads its SQLite driver as a plugin, which needs an application object.
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
