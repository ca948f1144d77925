// All five insight charts from 100,000 items (DESIGN.md budget: <= 300 ms, off the UI thread):
//   ./build/bench/bench_insights
// The snapshot is what InsightsData::load() reads from a busy repository's cache: 20 % pull
// requests, 60 % of the items closed, every issue labelled `triage` on creation and most of them
// triaged (unlabelled) later, ~3.5 events an item, a maintainer's first answer on 80 % of the
// items, sizes for every pull request and 300 release runs.

#include "benchrandom.h"
#include "insights.h"
#include "policy.h"

#include <benchmark/benchmark.h>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

constexpr int itemCount = 100'000;

InsightsData generate()
{
    InsightsData data;
    const Policy &policy = Policy::defaultPolicy();
    data.triageColumn = policy.boardColumns.first();
    data.sizes = policy.sizes;
    data.releaseWorkflow = u"Release"_s;
    const QStringList kinds = {u"bug"_s, u"feature-request"_s, u"documentation"_s, u"tech-debt"_s,
                               u"RFC"_s};
    const QStringList areas = {u"logger"_s, u"tracer"_s, u"metrics"_s, u"parser"_s, u"batch"_s};
    const QString triage = u"triage"_s, labeled = u"labeled"_s, unlabeled = u"unlabeled"_s,
                  closed = u"closed"_s, reopened = u"reopened"_s;
    Bench::Random random(2463534242u);
    // Six years of history up to now, one item every ~30 minutes.
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    const QDateTime start = now.addSecs(-qint64(itemCount) * 1800);
    qint64 eventId = 1;
    data.items.reserve(itemCount);
    for (int number = 1; number <= itemCount; ++number) {
        Issue issue;
        issue.id = number;
        issue.number = number;
        issue.title = u"Item %1"_s.arg(number);
        issue.author.login = u"user%1"_s.arg(random.below(2000));
        issue.isPullRequest = random.below(5) == 0;
        issue.createdAt = start.addSecs(qint64(number) * 1800);
        const auto addEvent = [&](const QString &kind, const QDateTime &when,
                                  const QString &label = {}) {
            IssueEvent event;
            event.id = eventId++;
            event.issueNumber = number;
            event.event = kind;
            event.createdAt = when;
            event.labelName = label;
            data.events.append(event);
        };
        QDateTime t = issue.createdAt;
        if (!issue.isPullRequest) {
            addEvent(labeled, t, triage);
            const bool triaged = random.below(10) < 8;
            if (triaged) {
                t = t.addSecs(random.below(14 * 86400));
                addEvent(unlabeled, t, triage);
                const QString &kind = kinds[random.below(int(kinds.size()))];
                addEvent(labeled, t, kind);
                issue.labels.append(Label{0, kind, u"ededed"_s, {}, false});
            } else {
                issue.labels.append(Label{0, triage, u"fbca04"_s, {}, false});
            }
        }
        issue.labels.append(Label{0, areas[random.below(int(areas.size()))], {}, {}, false});
        if (random.below(10) < 6) {
            t = t.addSecs(random.below(30 * 86400));
            if (t < now) {
                if (random.below(20) == 0) { // closed, reopened, closed again
                    addEvent(closed, t);
                    t = t.addSecs(86400);
                    addEvent(reopened, t);
                    t = t.addSecs(86400);
                }
                addEvent(closed, t);
                issue.state = Issue::State::Closed;
                issue.closedAt = t;
                if (issue.isPullRequest && random.below(10) < 8)
                    issue.mergedAt = t;
            }
        }
        if (random.below(10) < 8)
            data.firstResponses.insert(number, issue.createdAt.addSecs(random.below(10 * 86400)));
        else if (random.below(10) == 0)
            data.maintainerAuthored.insert(number);
        if (issue.isPullRequest)
            data.changedLines.insert(number, random.below(3000));
        data.items.append(issue);
    }
    for (int i = 0; i < 300; ++i) {
        WorkflowRun run;
        run.id = 1000 + i;
        run.runNumber = i + 1;
        run.status = RunStatus::Completed;
        run.conclusion = random.below(8) == 0 ? RunConclusion::Failure : RunConclusion::Success;
        run.runStartedAt = start.addDays(i * 7);
        run.createdAt = run.runStartedAt;
        run.updatedAt = run.runStartedAt.addSecs(1500 + random.below(900));
        data.releaseRuns.append(run);
    }
    return data;
}

const InsightsData &data()
{
    static const InsightsData generated = generate();
    return generated;
}

InsightsRequest request(InsightsRange range, const QString &filter = {})
{
    InsightsRequest r;
    r.range = range;
    r.now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    if (!filter.isEmpty())
        r.filter = IssueQuery::parse(filter).query();
    return r;
}

void BM_AllFiveCharts(benchmark::State &state, InsightsRange range, QString filter)
{
    const InsightsData &snapshot = data();
    const InsightsRequest r = request(range, filter);
    for (auto _ : state) {
        InsightsResult result = computeInsights(snapshot, r);
        benchmark::DoNotOptimize(result);
    }
    state.counters["items"] = double(snapshot.items.size());
    state.counters["events"] = double(snapshot.events.size());
}

BENCHMARK_CAPTURE(BM_AllFiveCharts, all_time, InsightsRange::All, QString())
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BM_AllFiveCharts, last_90_days, InsightsRange::Last90Days, QString())
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BM_AllFiveCharts, all_time_label_bug, InsightsRange::All, u"label:bug"_s)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

// Where the time goes: the scope (filter, events per item) and each chart on its own.
void BM_Scope(benchmark::State &state)
{
    const InsightsRequest r = request(InsightsRange::All);
    for (auto _ : state) {
        InsightsScope scope(data(), r);
        benchmark::DoNotOptimize(scope);
    }
}
BENCHMARK(BM_Scope)->Unit(benchmark::kMillisecond);

template<auto Chart>
void BM_Chart(benchmark::State &state)
{
    const InsightsScope scope(data(), request(InsightsRange::All));
    for (auto _ : state) {
        auto result = Chart(scope);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_Chart<triageBacklog>)->Name("BM_TriageBacklog")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Chart<responseTimes>)->Name("BM_ResponseTimes")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Chart<pullRequestSizes>)->Name("BM_PullRequestSizes")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Chart<releaseDurations>)->Name("BM_ReleaseDurations")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Chart<throughput>)->Name("BM_Throughput")->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
