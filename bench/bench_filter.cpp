// Refiltering 100,000 issues on a keystroke (DESIGN.md budgets: label + text <= 25 ms, text only
// <= 40 ms; a plain loop over the items costs 13-20 ms):
//   ./build/bench/bench_filter
// Items are generated like a busy repository's list as the board loads it: ~60-character titles,
// 1-4 labels of 40, 2,000 authors, no bodies (the list never loads them).

#include "benchrandom.h"
#include "issuefilterproxymodel.h"
#include "issuelistmodel.h"
#include "issuequery.h"
#include "issuesearchindex.h"

#include <benchmark/benchmark.h>

#include <QStringList>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

constexpr int itemCount = 100'000;

QList<Issue> generateIssues(bool withBodies)
{
    const QStringList areas = {
        u"logger"_s,   u"tracer"_s,        u"metrics"_s,      u"idempotency"_s,   u"parser"_s,
        u"batch"_s,    u"event-handler"_s, u"validation"_s,   u"feature-flags"_s, u"parameters"_s,
        u"jmespath"_s, u"streaming"_s,     u"data-masking"_s, u"docs"_s,          u"ci"_s,
        u"layers"_s,   u"typing"_s,        u"middleware"_s,   u"cli"_s,           u"examples"_s,
    };
    const QStringList problems = {
        u"drops extra keys when flushing buffered records"_s,
        u"raises a timeout while exporting spans to the collector"_s,
        u"ignores the configured sampling rate for cold starts"_s,
        u"leaks memory across warm invocations in long runs"_s,
        u"fails to serialize nested dataclasses with defaults"_s,
        u"reports the wrong unit for the latency histogram"_s,
        u"should support custom formatters for structured output"_s,
        u"documentation example does not match the current API"_s,
        u"crashes on startup when the environment is incomplete"_s,
        u"double counts retries after a partial batch failure"_s,
        u"needs a clearer error when the schema is missing"_s,
        u"times out on large payloads behind the API gateway"_s,
    };
    QStringList labels = {u"bug"_s,
                          u"feature-request"_s,
                          u"documentation"_s,
                          u"triage"_s,
                          u"help wanted"_s,
                          u"good first issue"_s,
                          u"RFC"_s,
                          u"pending-release"_s,
                          u"need-more-information"_s,
                          u"revisit-in-3-months"_s,
                          u"duplicate"_s,
                          u"dependencies"_s,
                          u"size/XS"_s,
                          u"size/S"_s,
                          u"size/M"_s,
                          u"size/L"_s,
                          u"size/XL"_s,
                          u"do-not-merge"_s,
                          u"breaking-change"_s,
                          u"internal"_s};
    for (int i = 0; labels.size() < 40; ++i)
        labels.append(u"area/"_s + areas.at(i % areas.size()));

    Bench::Random random(2463534242u);
    QList<Issue> issues;
    issues.reserve(itemCount);
    const qint64 start = 1'600'000'000'000;
    for (int n = 1; n <= itemCount; ++n) {
        Issue issue;
        issue.id = 1'000'000 + n;
        issue.number = n;
        issue.isPullRequest = random.below(3) == 0;
        issue.state = random.below(4) == 0 ? Issue::State::Open : Issue::State::Closed;
        issue.title = random.pick(areas) + u": "_s + random.pick(problems);
        if (withBodies)
            issue.body = (random.pick(problems) + u". "_s).repeated(6);
        const int labelCount = 1 + random.below(4);
        for (int l = 0; l < labelCount; ++l)
            issue.labels.append(Label{l, random.pick(labels), u"ededed"_s, {}, false});
        issue.author.login = u"user%1"_s.arg(random.below(2000), 4, 10, QLatin1Char('0'));
        issue.commentCount = random.below(30);
        issue.createdAt = QDateTime::fromMSecsSinceEpoch(start + qint64(n) * 600'000, Qt::UTC);
        issue.updatedAt = issue.createdAt.addSecs(random.below(90 * 86400));
        issues.append(issue);
    }
    return issues;
}

const QList<Issue> &issues()
{
    static const QList<Issue> items = generateIssues(false);
    return items;
}

const QList<Issue> &issuesWithBodies()
{
    static const QList<Issue> items = generateIssues(true);
    return items;
}

const IssueSearchIndex &indexFor(const QList<Issue> &items)
{
    static IssueSearchIndex plain;
    static IssueSearchIndex bodies;
    IssueSearchIndex &index = &items == &issues() ? plain : bodies;
    if (index.size() != items.size())
        index.rebuild(items);
    return index;
}

IssueQuery compile(const char *text)
{
    const QueryParseResult result = IssueQuery::parse(QString::fromUtf8(text));
    if (!result)
        qFatal("%s", qPrintable(result.error().message()));
    return result.query();
}

void setCounters(benchmark::State &state, int matched)
{
    state.counters["matched"] = matched;
    state.SetItemsProcessed(state.iterations() * itemCount);
}

// The floor: a loop that looks at every item's labels and does nothing clever.
void plainLoop(benchmark::State &state)
{
    const QList<Issue> &items = issues();
    const QString bug = u"bug"_s;
    int matched = 0;
    for (auto _ : state) {
        matched = 0;
        for (const Issue &issue : items)
            for (const Label &label : issue.labels)
                if (label.name == bug) {
                    ++matched;
                    break;
                }
        benchmark::DoNotOptimize(matched);
    }
    setCounters(state, matched);
}
BENCHMARK(plainLoop)->Name("floor/plain loop over labels")->Unit(benchmark::kMillisecond);

// The text floor DESIGN.md quotes: a case-sensitive search in titles lower-cased beforehand.
void preLoweredTitles(benchmark::State &state)
{
    QStringList titles;
    for (const Issue &issue : issues())
        titles.append(issue.title.toLower());
    const QString word = u"logger"_s;
    int matched = 0;
    for (auto _ : state) {
        matched = 0;
        for (const QString &title : std::as_const(titles))
            matched += title.contains(word);
        benchmark::DoNotOptimize(matched);
    }
    setCounters(state, matched);
}
BENCHMARK(preLoweredTitles)
    ->Name("floor/pre-lowered titles contains")
    ->Unit(benchmark::kMillisecond);

void matchQuery(benchmark::State &state, const char *text, bool useIndex, bool bodies)
{
    const QList<Issue> &items = bodies ? issuesWithBodies() : issues();
    const IssueQuery query = compile(text);
    const IssueSearchIndex *index = useIndex ? &indexFor(items) : nullptr;
    int matched = 0;
    for (auto _ : state) {
        matched = 0;
        if (index) {
            for (qsizetype row = 0; row < items.size(); ++row)
                matched += query.matches(items.at(row), index->text(row));
        } else {
            for (const Issue &issue : items)
                matched += query.matches(issue);
        }
        benchmark::DoNotOptimize(matched);
    }
    setCounters(state, matched);
}
BENCHMARK_CAPTURE(matchQuery, labelText, "label:bug logger", false, false)
    ->Name("query/label:bug logger")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(matchQuery, labelTextIndex, "label:bug logger", true, false)
    ->Name("query/label:bug logger, index")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(matchQuery, text, "logger timeout", false, false)
    ->Name("query/logger timeout")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(matchQuery, textIndex, "logger timeout", true, false)
    ->Name("query/logger timeout, index")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(matchQuery, bodiesText, "logger timeout", false, true)
    ->Name("query/logger timeout, 330-char bodies")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(matchQuery, bodiesTextIndex, "logger timeout", true, true)
    ->Name("query/logger timeout, 330-char bodies, index")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(matchQuery, qualifiers, "is:open label:bug -label:triage updated:<2021-01-01",
                  false, false)
    ->Name("query/qualifiers only")
    ->Unit(benchmark::kMillisecond);

void buildIndex(benchmark::State &state, bool bodies)
{
    const QList<Issue> &items = bodies ? issuesWithBodies() : issues();
    IssueSearchIndex index;
    for (auto _ : state) {
        index.rebuild(items);
        benchmark::DoNotOptimize(index.size());
    }
    state.counters["bytes/item"] = double(index.byteSize()) / double(items.size());
    state.SetItemsProcessed(state.iterations() * items.size());
}
BENCHMARK_CAPTURE(buildIndex, titles, false)->Name("index/rebuild")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(buildIndex, bodies, true)
    ->Name("index/rebuild, 330-char bodies")
    ->Unit(benchmark::kMillisecond);

void parseQuery(benchmark::State &state)
{
    const QString text = u"is:open label:bug -label:triage author:user0042 updated:<2026-01-01 "
                         u"logger \"drops extra\" sort:updated-asc"_s;
    for (auto _ : state)
        benchmark::DoNotOptimize(IssueQuery::parse(text));
}
BENCHMARK(parseQuery)->Name("query/parse")->Unit(benchmark::kMicrosecond);

// A keystroke as the board sees it: setFilter() on the proxy over a 100k-row model, then the
// row count (which makes the proxy filter every row). `sortColumn` < 0: unsorted.
void proxyRefilter(benchmark::State &state, const char *text, int sortColumn)
{
    IssueListModel model;
    model.setIssues(issues());
    IssueFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    if (sortColumn >= 0)
        proxy.sort(sortColumn, Qt::DescendingOrder);
    IssueFilter filter;
    filter.setText(QString::fromUtf8(text));
    proxy.setFilter(filter); // builds the search index once, as the first keystroke would
    int matched = 0;
    for (auto _ : state) {
        proxy.setFilter(filter);
        matched = proxy.rowCount();
        benchmark::DoNotOptimize(matched);
    }
    setCounters(state, matched);
}
BENCHMARK_CAPTURE(proxyRefilter, labelText, "label:bug logger", -1)
    ->Name("proxy/setFilter label:bug logger")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(proxyRefilter, text, "logger timeout", -1)
    ->Name("proxy/setFilter logger timeout")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(proxyRefilter, labelTextSorted, "label:bug logger",
                  int(IssueListModel::UpdatedColumn))
    ->Name("proxy/setFilter label:bug logger, sorted by updated")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(proxyRefilter, textSorted, "logger timeout", int(IssueListModel::UpdatedColumn))
    ->Name("proxy/setFilter logger timeout, sorted by updated")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(proxyRefilter, wideSorted, "is:closed", int(IssueListModel::UpdatedColumn))
    ->Name("proxy/setFilter is:closed (75k rows), sorted by updated")
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
