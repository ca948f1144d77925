// The triage board built from 100,000 cached items, and what a keystroke or a sort costs it
// (DESIGN.md budgets: cold start to a painted board <= 500 ms, refilter <= 25 ms):
//   ./build/bench/bench_board
// Items carry the default policy's state labels in a busy repository's proportions, plus an area
// label, so every column fills and the column rules do real work.

#include "benchrandom.h"
#include "boardmodel.h"

#include <benchmark/benchmark.h>

#include <QStringList>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

constexpr int itemCount = 100'000;

QList<Issue> generateItems()
{
    const QList<QStringList> states = {
        {u"triage"_s},
        {u"bug"_s},
        {u"bug"_s, u"need-more-information"_s},
        {u"feature-request"_s},
        {u"RFC"_s},
        {u"help wanted"_s, u"good first issue"_s},
        {u"revisit-in-3-months"_s},
        {u"pending-release"_s, u"bug"_s},
        {u"documentation"_s},
    };
    const QStringList areas = {u"logger"_s, u"tracer"_s,    u"metrics"_s, u"parser"_s,
                               u"batch"_s,  u"streaming"_s, u"cli"_s,     u"docs"_s};
    Bench::Random random(88172645u);
    const QDateTime start = QDateTime::fromSecsSinceEpoch(1'600'000'000, Qt::UTC);
    QList<Issue> items;
    items.reserve(itemCount);
    for (int number = 1; number <= itemCount; ++number) {
        Issue issue;
        issue.id = number;
        issue.number = number;
        issue.title = u"Item %1 in the %2 area"_s.arg(number).arg(areas[number % areas.size()]);
        issue.state = random.below(4) == 0 ? Issue::State::Closed : Issue::State::Open;
        issue.author.login = u"user%1"_s.arg(random.below(2000));
        issue.isPullRequest = random.below(3) == 0;
        issue.commentCount = random.below(30);
        issue.reactionCount = random.below(10);
        issue.createdAt = start.addSecs(qint64(number) * 600);
        issue.updatedAt = issue.createdAt.addSecs(random.below(5'000'000));
        for (const QString &name : states[random.below(int(states.size()))])
            issue.labels.append(Label{0, name, u"ededed"_s, {}, false});
        issue.labels.append(
            Label{0, areas[random.below(int(areas.size()))], u"c5def5"_s, {}, false});
        items.append(issue);
    }
    return items;
}

const QList<Issue> &items()
{
    static const QList<Issue> generated = generateItems();
    return generated;
}

IssueQuery query(const QString &text)
{
    return IssueQuery::parse(text).query();
}

// setItems() from the loaded list: bucketing, the per-column sort and the one reset.
void BM_BuildBoard(benchmark::State &state)
{
    const QList<Issue> &source = items();
    BoardModel model;
    for (auto _ : state) {
        model.setItems(source);
        benchmark::DoNotOptimize(model.cardCount(0));
    }
    state.SetItemsProcessed(state.iterations() * itemCount);
}
BENCHMARK(BM_BuildBoard)->Unit(benchmark::kMillisecond);

// A keystroke in the filter bar: a label qualifier, then the same with a word.
void BM_RefilterBoard(benchmark::State &state)
{
    BoardModel model;
    model.setItems(items());
    const IssueQuery queries[] = {query(u"label:logger"_s), query(u"label:logger tracer"_s)};
    int i = 0;
    for (auto _ : state) {
        model.setFilter(queries[i++ % 2]);
        benchmark::DoNotOptimize(model.cardCount(0));
    }
}
BENCHMARK(BM_RefilterBoard)->Unit(benchmark::kMillisecond);

// Switching a full column's sort back and forth.
void BM_SortColumn(benchmark::State &state)
{
    BoardModel model;
    model.setItems(items());
    const int column = model.policy().columnIndex(u"confirmed-bugs");
    int i = 0;
    for (auto _ : state) {
        model.setColumnSort(column, i++ % 2 ? BoardModel::CardSort::OldestFirst
                                            : BoardModel::CardSort::LastActivity);
        benchmark::DoNotOptimize(model.cardCount(column));
    }
    state.counters["cards"] = model.cardCount(column);
}
BENCHMARK(BM_SortColumn)->Unit(benchmark::kMillisecond);

// One sync page of 100 items, a tenth of them moving column.
void BM_UpsertPage(benchmark::State &state)
{
    BoardModel model;
    model.setItems(items());
    QList<Issue> page = items().mid(50'000, 100);
    for (qsizetype i = 0; i < page.size(); i += 10)
        page[i].labels = {Label{0, u"triage"_s, u"ededed"_s, {}, false}};
    const QList<Issue> original = items().mid(50'000, 100);
    int i = 0;
    for (auto _ : state) {
        model.upsert(i++ % 2 ? original : page);
        benchmark::DoNotOptimize(model.cardCount(0));
    }
}
BENCHMARK(BM_UpsertPage)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
