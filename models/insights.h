#pragma once

#include "boardcolumn.h"
#include "comment.h"
#include "issue.h"
#include "issueevent.h"
#include "issuequery.h"
#include "sizethreshold.h"
#include "waitingonus.h"
#include "workflow.h"
#include "workflowrun.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <vector>

namespace Mainstay {

class CacheDatabase;
struct Policy;

// The Insights view's charts as plain data: a snapshot copied out of the cache (InsightsData),
// a request (range, filter, now), and one pure function per chart returning its series. The
// views only draw what these return.
//
// Time: every period is a UTC day, a week starting Monday 00:00 UTC, a UTC calendar month or
// quarter; timestamps with any offset (+02:00, Z) are compared as instants. A series starts at
// the later of the range's first period and the period of its first data point: periods before
// the data starts are absent, never zeros. Counts per period (throughput, sizes) cover whole
// periods: the first week of "the last 30 days" counts all of that week, not the days of it that
// fall inside the range, so it is not misleadingly low.

enum class InsightsRange
{
    Last30Days,
    Last90Days,
    Last365Days,
    All
};
// "30", "90", "365", "all"
QString toString(InsightsRange range);
std::optional<InsightsRange> insightsRangeFromString(QStringView text);
// Days the range covers; 0 for All.
int insightsRangeDays(InsightsRange range);

enum class InsightsPeriod
{
    Day,
    Week,
    Month,
    Quarter
};
// The first day of the period containing `date`, and of the next one.
QDate insightsPeriodStart(InsightsPeriod period, QDate date);
QDate insightsNextPeriod(InsightsPeriod period, QDate start);
QString insightsPeriodLabel(InsightsPeriod period,
                            QDate start); // "2026-03-02", "Mar 2026", "2026 Q1"

// Everything the five charts read, copied out of the store once. Events of other kinds than
// labeled / unlabeled / closed / reopened are ignored.
struct InsightsData
{
    QList<Issue> items;       // issues and pull requests (the filter matches against these)
    QList<IssueEvent> events; // any order; the aggregations order each item's events by time
    // Item number -> when a maintainer other than its author first commented.
    QHash<int, QDateTime> firstResponses;
    // Items opened by a maintainer: nobody owes them an answer, so response times skip them.
    QSet<int> maintainerAuthored;
    QHash<int, int> changedLines;   // pull request number -> additions + deletions (known only)
    QList<WorkflowRun> releaseRuns; // runs of the release workflow, any order
    QString releaseWorkflow;        // its name, for titles ("Release")
    BoardColumn triageColumn;       // the board's first column (`triage`)
    QList<SizeThreshold> sizes;     // the policy's size classes (XS…XXL)

    // Reads the snapshot from `cache` (on the thread that owns it). Maintainers are the
    // policy's list plus the cached collaborators, judged by WaitingOnUs as on the board.
    static InsightsData load(const CacheDatabase &cache, const Policy &policy);
    // Opens `cacheFile` read-only on the calling thread and loads from it; empty with `error`
    // set when the file cannot be read.
    static InsightsData loadFromFile(const QString &cacheFile, const Policy &policy,
                                     QString *error);

    // The first comment of someone other than the author who is a maintainer, per item, from
    // the first comment of each author on each item (CacheDatabase::firstCommentsByAuthor()).
    static QHash<int, QDateTime> firstMaintainerResponses(const QList<Issue> &items,
                                                          const QList<Comment> &firstComments,
                                                          const WaitingOnUs &maintainers);
    // The sync engine's rule: the name (case-insensitive) or the file name of the workflow.
    static bool isReleaseWorkflow(const Workflow &workflow, const QString &name);
};

struct InsightsRequest
{
    InsightsRange range = InsightsRange::Last90Days;
    IssueQuery filter; // restricts the items of every chart (not the workflow runs)
    QDateTime now;
};

// What a request selects of the data, computed once and shared by the five aggregations.
class InsightsScope
{
public:
    InsightsScope(const InsightsData &data, const InsightsRequest &request);

    const InsightsData &data() const { return *m_data; }
    qint64 nowMs() const { return m_nowMs; }
    // The range's first instant (a UTC midnight); nullopt for All.
    std::optional<qint64> fromMs() const { return m_fromMs; }
    QDate fromDate() const { return m_fromDate; } // invalid for All
    QDate today() const { return m_today; }
    bool contains(qint64 ms) const { return (!m_fromMs || ms >= *m_fromMs) && ms <= m_nowMs; }

    // Indices into data().items the filter selects.
    const QList<qsizetype> &selected() const { return m_selected; }
    // The item's label / state events in time order (indices into data().events).
    std::span<const qsizetype> eventsOf(qsizetype itemIndex) const;

    // Each event's kind and time, read once (indices as in data().events).
    enum class EventKind : quint8
    {
        Other,
        Labeled,
        Unlabeled,
        Closed,
        Reopened
    };
    EventKind eventKind(qsizetype event) const { return m_eventKinds[size_t(event)]; }
    qint64 eventMs(qsizetype event) const { return m_eventMs[size_t(event)]; }

private:
    const InsightsData *m_data;
    qint64 m_nowMs = 0;
    std::optional<qint64> m_fromMs;
    QDate m_fromDate;
    QDate m_today;
    QList<qsizetype> m_selected;
    QList<qsizetype> m_eventOffsets; // per item index, into m_eventOrder (size items + 1)
    QList<qsizetype> m_eventOrder;
    std::vector<EventKind> m_eventKinds;
    std::vector<qint64> m_eventMs;
};

// 1. Open issues carrying the board's first column (triage) and all open issues, sampled at the
// end of each period (the current one: now). Daily for 30 / 90 days, weekly beyond.
struct TriageBacklog
{
    struct Point
    {
        QDate period;
        int triage = 0;
        int open = 0;
        bool operator==(const Point &) const = default;
    };
    InsightsPeriod period = InsightsPeriod::Day;
    QString column; // the first column's title
    QList<Point> points;
};
TriageBacklog triageBacklog(const InsightsScope &scope);

// 2. Time from an item's creation to the first comment of a maintainer other than its author,
// for items created in the range (not opened by a maintainer); issues and PRs apart. The
// monthly medians cover whole months (the range's first month entirely).
struct ResponseTimes
{
    // Histogram buckets: upper bounds in seconds (the last is open), then "still waiting" (open
    // items nobody has answered). Closed items without an answer count in neither.
    static QList<qint64> bucketLimits();
    static QStringList bucketLabels(); // bucketLimits().size() + 2 labels
    struct Histogram
    {
        QList<int> counts; // bucketLabels().size() entries
        int responded = 0;
        int waiting = 0;
        bool operator==(const Histogram &) const = default;
    };
    struct Month
    {
        QDate month;
        std::optional<double> medianHours; // nullopt: nobody created that month was answered
        int responded = 0;
        bool operator==(const Month &) const = default;
    };
    Histogram issues;
    Histogram pullRequests;
    QList<Month> issueMonths;
    QList<Month> pullRequestMonths;
};
ResponseTimes responseTimes(const InsightsScope &scope);

// 3. Merged pull requests per size class per month (per quarter when the range spans more than
// two years), by merge time.
struct PullRequestSizes
{
    struct Period
    {
        QDate start;
        QList<int> counts; // per class
        int unknown = 0;   // merged without a known size
        bool operator==(const Period &) const = default;
    };
    InsightsPeriod period = InsightsPeriod::Month;
    QStringList classes; // the policy's size labels, smallest first
    QList<Period> periods;
};
PullRequestSizes pullRequestSizes(const InsightsScope &scope);

// 4. Completed runs of the release workflow started in the range, oldest first, each from its
// start (the first attempt's, for a re-run) to its end; the median is that of the successful runs
// (a failed run stops early, so it would pull the median down).
struct ReleaseDurations
{
    struct Run
    {
        qint64 runId = 0;
        int runNumber = 0;
        int attempt = 1;     // a re-run counts from the first attempt's start
        QDateTime startedAt; // UTC
        qint64 seconds = 0;
        RunConclusion conclusion = RunConclusion::None;
        bool failed = false; // isFailing(conclusion)
        bool operator==(const Run &) const = default;
    };
    QString workflow;
    QList<Run> runs;
    std::optional<double> medianSeconds;
};
ReleaseDurations releaseDurations(const InsightsScope &scope);

// 5. Per week: issues opened, issues closed (by their current closing time, so an issue reopened
// and closed again counts once, in the week it was last closed), pull requests merged.
struct Throughput
{
    struct Week
    {
        QDate week;
        int opened = 0;
        int closed = 0;
        int merged = 0;
        bool operator==(const Week &) const = default;
    };
    QList<Week> weeks;
};
Throughput throughput(const InsightsScope &scope);

struct InsightsResult
{
    quint64 generation = 0;
    InsightsRange range = InsightsRange::All;
    QDateTime now;
    int selectedItems = 0;
    TriageBacklog backlog;
    ResponseTimes responses;
    PullRequestSizes sizes;
    ReleaseDurations releases;
    Throughput throughput;
};
// All five at once.
InsightsResult computeInsights(const InsightsData &data, const InsightsRequest &request);

// Each chart's data as CSV (RFC 4180, a header row, ISO dates, UTC).
QString toCsv(const TriageBacklog &backlog);
QString responseHistogramCsv(const ResponseTimes &responses);
QString responseMediansCsv(const ResponseTimes &responses);
QString toCsv(const PullRequestSizes &sizes);
QString toCsv(const ReleaseDurations &releases);
QString toCsv(const Throughput &throughput);

} // namespace Mainstay
