// The local store at 100,000 items: loading the issue list at start-up (DESIGN.md: cold start to
// a painted board <= 500 ms, of which the QtSql read loop alone is ~240 ms) and the memory the
// loaded list adds (<= 600 B an item), plus opening the workspace and storing a sync page.
//   ./build/bench/bench_store
//
// The data set is written once (a few seconds): realistic titles (~60 characters), 1-4 labels
// from a vocabulary of 40 (a few common ones, a long tail), authors among 2,000 logins, bodies of
// ~1 KB stored apart from the list.

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

constexpr int itemCount = 100'000;
const QString repository = u"aws-powertools/powertools-lambda-python"_s;

const QStringList &labelNames()
{
    static const QStringList names = {u"bug"_s,
                                      u"triage"_s,
                                      u"feature-request"_s,
                                      u"documentation"_s,
                                      u"need-more-information"_s,
                                      u"pending-release"_s,
                                      u"help wanted"_s,
                                      u"good first issue"_s,
                                      u"RFC"_s,
                                      u"revisit-in-3-months"_s,
                                      u"need-customer-feedback"_s,
                                      u"internal"_s,
                                      u"tech-debt"_s,
                                      u"dependencies"_s,
                                      u"github-actions"_s,
                                      u"python"_s,
                                      u"size/XS"_s,
                                      u"size/S"_s,
                                      u"size/M"_s,
                                      u"size/L"_s,
                                      u"size/XL"_s,
                                      u"size/XXL"_s,
                                      u"do-not-merge"_s,
                                      u"breaking-change"_s,
                                      u"logger"_s,
                                      u"tracer"_s,
                                      u"metrics"_s,
                                      u"event_handler"_s,
                                      u"parser"_s,
                                      u"idempotency"_s,
                                      u"batch"_s,
                                      u"parameters"_s,
                                      u"validation"_s,
                                      u"feature_flags"_s,
                                      u"data_masking"_s,
                                      u"typing"_s,
                                      u"tests"_s,
                                      u"performance"_s,
                                      u"security"_s,
                                      u"duplicate"_s};
    return names;
}

const QStringList &words()
{
    static const QStringList list = {u"logger"_s,      u"drops"_s,
                                     u"structured"_s,  u"keys"_s,
                                     u"when"_s,        u"sampling"_s,
                                     u"is"_s,          u"enabled"_s,
                                     u"tracer"_s,      u"fails"_s,
                                     u"to"_s,          u"capture"_s,
                                     u"async"_s,       u"responses"_s,
                                     u"metrics"_s,     u"flush"_s,
                                     u"raises"_s,      u"on"_s,
                                     u"empty"_s,       u"namespace"_s,
                                     u"support"_s,     u"for"_s,
                                     u"the"_s,         u"new"_s,
                                     u"event"_s,       u"source"_s,
                                     u"idempotency"_s, u"record"_s,
                                     u"expires"_s,     u"too"_s,
                                     u"early"_s,       u"docs:"_s,
                                     u"clarify"_s,     u"batch"_s,
                                     u"processing"_s,  u"partial"_s,
                                     u"failures"_s,    u"feat(parser):"_s,
                                     u"add"_s,         u"model"_s,
                                     u"Kafka"_s,       u"fix(logger):"_s,
                                     u"keep"_s,        u"correlation"_s,
                                     u"id"_s,          u"across"_s,
                                     u"threads"_s};
    return list;
}

struct Dataset
{
    QTemporaryDir dir;
    QString cacheFile;
    qsizetype distinctLabelSets = 0;
};

// A deterministic, realistic workspace of 100k items, written once per process.
Dataset &dataset()
{
    static Dataset *data = [] {
        auto *d = new Dataset;
        WorkspaceStore store;
        const StoreOpenResult opened = store.open(d->dir.path(), repository);
        if (!opened.ok)
            qFatal("cannot open the benchmark store: %s", qPrintable(opened.error));
        d->cacheFile = store.cacheFilePath();

        std::mt19937 random(42);
        // Label popularity falls off like a real tracker's: "bug" and "triage" everywhere,
        // "data_masking" rarely.
        std::vector<double> weights;
        for (int i = 0; i < 40; ++i)
            weights.push_back(1.0 / (1 + i));
        std::discrete_distribution<int> pickLabel(weights.begin(), weights.end());
        std::uniform_int_distribution<int> labelCount(1, 4);
        std::uniform_int_distribution<int> pickAuthor(0, 1999);
        std::uniform_int_distribution<int> pickWord(0, int(words().size()) - 1);
        std::uniform_int_distribution<int> percent(0, 99);

        QList<Label> vocabulary;
        for (int i = 0; i < 40; ++i) {
            Label label;
            label.id = 208'045'900 + i;
            label.name = labelNames()[i];
            label.color = u"%1"_s.arg(0xd73a4a + i * 977, 6, 16, QChar(u'0')).right(6);
            label.description = u"Issues about "_s + label.name;
            vocabulary.append(label);
        }
        QList<User> authors;
        for (int i = 0; i < 2000; ++i) {
            User user;
            user.id = 1'000'000 + i;
            user.login = u"contributor-%1"_s.arg(i, 4, 10, QChar(u'0'));
            user.type = u"User"_s;
            user.avatarUrl = u"https://avatars.githubusercontent.com/u/%1?v=4"_s.arg(user.id);
            user.htmlUrl = u"https://github.com/"_s + user.login;
            authors.append(user);
        }
        Milestone milestone;
        milestone.id = 77;
        milestone.number = 3;
        milestone.title = u"v3.0.0"_s;

        QSet<QString> labelSets;
        QList<Issue> page;
        const QString body = u"## Expected Behaviour\n\nKeys are kept. "_s.repeated(30).left(1000);
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1'600'000'000, Qt::UTC);
        for (int number = 1; number <= itemCount; ++number) {
            Issue issue;
            issue.id = 1'800'000'000 + number;
            issue.number = number;
            QString title;
            while (title.size() < 55)
                title += words()[pickWord(random)] + QLatin1Char(' ');
            issue.title = title.trimmed();
            issue.body = body;
            issue.isPullRequest = percent(random) < 20;
            issue.state = percent(random) < 60 ? Issue::State::Closed : Issue::State::Open;
            if (issue.state == Issue::State::Closed) {
                issue.stateReason = Issue::StateReason::Completed;
                issue.closedAt = start.addSecs(number * 600 + 86'400);
                if (issue.isPullRequest)
                    issue.mergedAt = issue.closedAt;
            }
            issue.author = authors[pickAuthor(random)];
            issue.authorAssociation = AuthorAssociation::Contributor;
            QSet<int> chosen;
            const int count = labelCount(random);
            while (chosen.size() < count)
                chosen.insert(pickLabel(random));
            QList<int> sorted(chosen.begin(), chosen.end());
            std::sort(sorted.begin(), sorted.end());
            QString setKey;
            for (int index : sorted) {
                issue.labels.append(vocabulary[index]);
                setKey += QString::number(index) + QLatin1Char(',');
            }
            labelSets.insert(setKey);
            if (percent(random) < 30)
                issue.assignees = {authors[percent(random)]};
            if (percent(random) < 20)
                issue.milestone = milestone;
            issue.commentCount = percent(random) % 12;
            issue.reactionCount = percent(random) % 5;
            issue.createdAt = start.addSecs(number * 600);
            issue.updatedAt = start.addSecs(number * 600 + 3600);
            issue.htmlUrl = u"https://github.com/%1/%2/%3"_s.arg(
                repository, issue.isPullRequest ? u"pull"_s : u"issues"_s, QString::number(number));
            page.append(issue);
            if (page.size() == 1000) {
                if (!store.cache().upsertIssues(
                        page, {{u"issues.since"_s, toIsoString(issue.updatedAt)}}))
                    qFatal("cannot write: %s", qPrintable(store.cache().lastError()));
                page.clear();
            }
        }
        d->distinctLabelSets = labelSets.size();
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
