// The insights aggregations on hand-made data: empty ranges, one data point, time zones,
// reopened items, label history, range boundaries, the filter and the CSV exports.

#include "insights.h"
#include "policy.h"

#include <gtest/gtest.h>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(const char *iso)
{
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    EXPECT_TRUE(time.isValid()) << iso;
    return time;
}

QDate day(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Issue item(int number, const char *created, QStringList labels = {}, bool pullRequest = false)
{
    Issue issue;
    issue.id = number;
    issue.number = number;
    issue.title = u"Item %1"_s.arg(number);
    issue.createdAt = at(created);
    issue.author.login = u"reporter"_s;
    issue.isPullRequest = pullRequest;
    for (const QString &name : labels)
        issue.labels.append(Label{0, name, u"ededed"_s, {}, false});
    return issue;
}

void close(Issue &issue, const char *when)
{
    issue.state = Issue::State::Closed;
    issue.closedAt = at(when);
}

IssueEvent event(qint64 id, int number, const char *kind, const char *when,
                 const QString &label = {})
{
    IssueEvent e;
    e.id = id;
    e.issueNumber = number;
    e.event = QString::fromLatin1(kind);
    e.createdAt = at(when);
    e.labelName = label;
    return e;
}

InsightsData baseData()
{
    InsightsData data;
    data.triageColumn = Policy::defaultPolicy().boardColumns.first();
    data.sizes = Policy::defaultPolicy().sizes;
    data.releaseWorkflow = u"Release"_s;
    return data;
}

InsightsRequest request(InsightsRange range, const char *now, const QString &filter = {})
{
    InsightsRequest r;
    r.range = range;
    r.now = at(now);
    if (!filter.isEmpty()) {
        auto parsed = IssueQuery::parse(filter);
        EXPECT_TRUE(parsed.isOk());
        r.filter = parsed.query();
    }
    return r;
}

QList<int> openSeries(const TriageBacklog &backlog)
{
    QList<int> values;
    for (const auto &point : backlog.points)
        values.append(point.open);
    return values;
}

QList<int> triageSeries(const TriageBacklog &backlog)
{
    QList<int> values;
    for (const auto &point : backlog.points)
        values.append(point.triage);
    return values;
}

} // namespace

TEST(Insights, PeriodsStartOnUtcDaysMondaysMonthsAndQuarters)
{
    EXPECT_EQ(insightsPeriodStart(InsightsPeriod::Week, day("2026-03-01")), day("2026-02-23"));
    EXPECT_EQ(insightsPeriodStart(InsightsPeriod::Week, day("2026-03-02")), day("2026-03-02"));
    EXPECT_EQ(insightsPeriodStart(InsightsPeriod::Month, day("2026-03-31")), day("2026-03-01"));
    EXPECT_EQ(insightsPeriodStart(InsightsPeriod::Quarter, day("2026-06-30")), day("2026-04-01"));
    EXPECT_EQ(insightsPeriodLabel(InsightsPeriod::Quarter, day("2026-04-01")), u"2026 Q2"_s);
    EXPECT_EQ(insightsPeriodLabel(InsightsPeriod::Month, day("2026-04-01")), u"Apr 2026"_s);
    EXPECT_EQ(insightsRangeFromString(u"365"), InsightsRange::Last365Days);
    EXPECT_EQ(insightsRangeFromString(u"ALL"), InsightsRange::All);
    EXPECT_FALSE(insightsRangeFromString(u"7").has_value());
}

TEST(Insights, EmptyDataGivesEmptySeriesNotZeros)
{
    const InsightsData data = baseData();
    for (InsightsRange range : {InsightsRange::Last30Days, InsightsRange::All}) {
        const InsightsResult result = computeInsights(data, request(range, "2026-03-10T12:00:00Z"));
        EXPECT_TRUE(result.backlog.points.isEmpty());
        EXPECT_TRUE(result.throughput.weeks.isEmpty());
        EXPECT_TRUE(result.sizes.periods.isEmpty());
        EXPECT_TRUE(result.releases.runs.isEmpty());
        EXPECT_FALSE(result.releases.medianSeconds.has_value());
        EXPECT_TRUE(result.responses.issueMonths.isEmpty());
        EXPECT_EQ(result.responses.issues.responded, 0);
        EXPECT_EQ(result.responses.issues.counts.size(), ResponseTimes::bucketLabels().size());
        EXPECT_EQ(result.selectedItems, 0);
    }
}

TEST(Insights, DataOutsideTheRangeGivesEmptyCountsButTheBacklogCarriesOver)
{
    InsightsData data = baseData();
    data.items = {item(1, "2025-01-10T10:00:00Z", {u"triage"_s})};
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-10T12:00:00Z"));
    // Still open and in triage: every day of the range shows it.
    ASSERT_EQ(result.backlog.points.size(), 30);
    EXPECT_EQ(result.backlog.points.first().period, day("2026-02-09"));
    EXPECT_EQ(result.backlog.points.first().triage, 1);
    EXPECT_EQ(result.backlog.points.last().period, day("2026-03-10"));
    // Nothing opened in the range: real zeros, since the data started long before.
    ASSERT_FALSE(result.throughput.weeks.isEmpty());
    EXPECT_EQ(result.throughput.weeks.first().week, day("2026-02-09"));
    for (const auto &week : result.throughput.weeks)
        EXPECT_EQ(week.opened + week.closed + week.merged, 0);
}

TEST(Insights, OneDataPointStartsEverySeriesAtItsPeriod)
{
    InsightsData data = baseData();
    data.items = {item(1, "2026-03-10T12:00:00Z", {u"triage"_s})};
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-12T08:00:00Z"));
    ASSERT_EQ(result.backlog.points.size(), 3);
    EXPECT_EQ(result.backlog.period, InsightsPeriod::Day);
    EXPECT_EQ(result.backlog.points.first(), (TriageBacklog::Point{day("2026-03-10"), 1, 1}));
    EXPECT_EQ(result.backlog.points.last(), (TriageBacklog::Point{day("2026-03-12"), 1, 1}));
    ASSERT_EQ(result.throughput.weeks.size(), 1);
    EXPECT_EQ(result.throughput.weeks.first(), (Throughput::Week{day("2026-03-09"), 1, 0, 0}));
    ASSERT_EQ(result.responses.issueMonths.size(), 1);
    EXPECT_FALSE(result.responses.issueMonths.first().medianHours.has_value());
    EXPECT_EQ(result.responses.issues.waiting, 1);
    EXPECT_TRUE(result.responses.pullRequestMonths.isEmpty());
}

TEST(Insights, OffsetsAreInstantsBucketedInUtc)
{
    InsightsData data = baseData();
    // 01:30 on Monday at +02:00 is 23:30 on Sunday in UTC: the week before.
    data.items = {item(1, "2026-03-02T01:30:00+02:00"), item(2, "2026-03-02T00:30:00Z")};
    close(data.items[1], "2026-03-03T01:00:00+02:00"); // 2026-03-02T23:00Z
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::All, "2026-03-04T12:00:00Z"));
    ASSERT_EQ(result.throughput.weeks.size(), 2);
    EXPECT_EQ(result.throughput.weeks[0], (Throughput::Week{day("2026-02-23"), 1, 0, 0}));
    EXPECT_EQ(result.throughput.weeks[1], (Throughput::Week{day("2026-03-02"), 1, 1, 0}));
    EXPECT_EQ(result.backlog.period, InsightsPeriod::Week);
    ASSERT_EQ(result.backlog.points.size(), 2);
    EXPECT_EQ(result.backlog.points[0].open, 1);
    EXPECT_EQ(result.backlog.points[1].open, 1); // #2 opened and closed within the week

    const InsightsResult daily =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-04T12:00:00Z"));
    EXPECT_EQ(openSeries(daily.backlog), (QList<int>{1, 1, 1, 1}));
    EXPECT_EQ(daily.backlog.points.first().period, day("2026-03-01"));
}

TEST(Insights, ReopenedAndClosedAgain)
{
    InsightsData data = baseData();
    Issue issue = item(1, "2026-03-02T10:00:00Z");
    close(issue, "2026-03-07T10:00:00Z");
    data.items = {issue};
    data.events = {event(1, 1, "closed", "2026-03-03T10:00:00Z"),
                   event(2, 1, "reopened", "2026-03-05T10:00:00Z"),
                   event(3, 1, "closed", "2026-03-07T10:00:00Z")};
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-08T12:00:00Z"));
    EXPECT_EQ(openSeries(result.backlog), (QList<int>{1, 0, 0, 1, 1, 0, 0}));
    // Counted closed once, in the week it was last closed.
    ASSERT_EQ(result.throughput.weeks.size(), 1);
    EXPECT_EQ(result.throughput.weeks[0], (Throughput::Week{day("2026-03-02"), 1, 1, 0}));

    // Reopened into the next week: the closing counts there, not in the first week.
    data.items[0].closedAt = at("2026-03-10T10:00:00Z");
    data.events[2].createdAt = at("2026-03-10T10:00:00Z");
    const InsightsResult later =
        computeInsights(data, request(InsightsRange::All, "2026-03-11T12:00:00Z"));
    ASSERT_EQ(later.throughput.weeks.size(), 2);
    EXPECT_EQ(later.throughput.weeks[0].closed, 0);
    EXPECT_EQ(later.throughput.weeks[1].closed, 1);
}

TEST(Insights, ClosingWithoutAnEventUsesTheClosingTime)
{
    InsightsData data = baseData();
    Issue issue = item(1, "2026-03-02T10:00:00Z", {u"triage"_s});
    close(issue, "2026-03-04T10:00:00Z");
    data.items = {issue};
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-05T12:00:00Z"));
    EXPECT_EQ(openSeries(result.backlog), (QList<int>{1, 1, 0, 0}));
    EXPECT_EQ(triageSeries(result.backlog), (QList<int>{1, 1, 0, 0}));
}

TEST(Insights, TriageLabelRemovedAndAddedAgain)
{
    InsightsData data = baseData();
    // #1 got `triage` on creation, lost it on day 2, got it back on day 4: it carries it now.
    // #2 was created with `triage` (no event for it) and lost it on day 3.
    // #3 never had it; #4 is a pull request with `triage` (not an issue).
    data.items = {item(1, "2026-03-02T10:00:00Z", {u"triage"_s, u"bug"_s}),
                  item(2, "2026-03-02T11:00:00Z", {u"feature-request"_s}),
                  item(3, "2026-03-02T12:00:00Z", {u"bug"_s}),
                  item(4, "2026-03-02T12:00:00Z", {u"triage"_s}, true)};
    data.events = {event(1, 1, "labeled", "2026-03-02T10:00:00Z", u"triage"_s),
                   event(2, 1, "labeled", "2026-03-02T10:00:00Z", u"bug"_s),
                   event(3, 1, "unlabeled", "2026-03-03T09:00:00Z", u"Triage"_s),
                   event(4, 2, "unlabeled", "2026-03-04T09:00:00Z", u"triage"_s),
                   event(5, 2, "labeled", "2026-03-04T09:00:00Z", u"feature-request"_s),
                   event(6, 1, "labeled", "2026-03-05T09:00:00Z", u"triage"_s)};
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-06T12:00:00Z"));
    EXPECT_EQ(triageSeries(result.backlog), (QList<int>{2, 1, 0, 1, 1}));
    EXPECT_EQ(openSeries(result.backlog), (QList<int>{3, 3, 3, 3, 3}));

    // A closed issue leaves the triage backlog even though it keeps the label.
    close(data.items[0], "2026-03-06T08:00:00Z");
    data.events.append(event(7, 1, "closed", "2026-03-06T08:00:00Z"));
    const InsightsResult closed =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-06T12:00:00Z"));
    EXPECT_EQ(triageSeries(closed.backlog), (QList<int>{2, 1, 0, 1, 0}));
}

TEST(Insights, RangeBoundariesAreWholeUtcDays)
{
    InsightsData data = baseData();
    // Now is 2026-04-01: the last 30 days start on 2026-03-03 at 00:00 UTC.
    data.items = {item(1, "2026-03-02T23:59:59Z"), item(2, "2026-03-03T00:00:00Z"),
                  item(3, "2026-04-01T12:00:00Z"), item(4, "2026-04-01T12:00:01Z")};
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-04-01T12:00:00Z"));
    int opened = 0;
    for (const auto &week : result.throughput.weeks)
        opened += week.opened;
    // #1 falls on the Monday before the range, in the first week, which counts whole; #4 is
    // after now.
    EXPECT_EQ(opened, 3);
    EXPECT_EQ(result.throughput.weeks.first().opened, 2);
    ASSERT_EQ(result.backlog.points.size(), 30);
    EXPECT_EQ(result.backlog.points.first().period, day("2026-03-03"));
    EXPECT_EQ(result.backlog.points.first().open, 2); // #1 carried over, #2 opened that day
    EXPECT_EQ(result.backlog.points.last().open, 3);
    EXPECT_EQ(result.throughput.weeks.first().week, day("2026-03-02"));

    const InsightsResult year =
        computeInsights(data, request(InsightsRange::Last365Days, "2026-04-01T12:00:00Z"));
    EXPECT_EQ(year.backlog.period, InsightsPeriod::Week);
    EXPECT_EQ(year.backlog.points.first().period, day("2026-03-02")); // the data starts there
}

TEST(Insights, FirstMaintainerResponseSkipsTheAuthorAndOutsiders)
{
    Issue issue = item(1, "2026-03-02T10:00:00Z");
    issue.author.login = u"Alice"_s;
    const auto comment = [](int number, const QString &login, AuthorAssociation association,
                            const char *when) {
        Comment c;
        c.issueNumber = number;
        c.author.login = login;
        c.authorAssociation = association;
        c.createdAt = at(when);
        return c;
    };
    const QList<Comment> first = {
        comment(1, u"alice"_s, AuthorAssociation::Member, "2026-03-02T10:05:00Z"), // the author
        comment(1, u"bob"_s, AuthorAssociation::Contributor, "2026-03-02T11:00:00Z"),
        comment(1, u"Carol"_s, AuthorAssociation::None, "2026-03-02T14:00:00Z"), // listed
        comment(1, u"dave"_s, AuthorAssociation::Owner, "2026-03-02T13:00:00Z"),
        comment(2, u"dave"_s, AuthorAssociation::Owner, "2026-03-02T13:00:00Z"), // unknown item
    };
    const auto responses =
        InsightsData::firstMaintainerResponses({issue}, first, WaitingOnUs({u"@carol"_s}));
    ASSERT_EQ(responses.size(), 1);
    EXPECT_EQ(responses.value(1), at("2026-03-02T13:00:00Z"));

    const auto withoutDave =
        InsightsData::firstMaintainerResponses({issue}, first.mid(0, 3), WaitingOnUs({u"carol"_s}));
    EXPECT_EQ(withoutDave.value(1), at("2026-03-02T14:00:00Z"));
}

TEST(Insights, ResponseTimesHistogramAndMonthlyMedians)
{
    InsightsData data = baseData();
    Issue quick = item(1, "2026-02-10T10:00:00Z");
    Issue slow = item(2, "2026-02-11T10:00:00Z");
    Issue waiting = item(3, "2026-03-01T10:00:00Z");
    Issue closedUnanswered = item(4, "2026-03-01T10:00:00Z");
    close(closedUnanswered, "2026-03-02T10:00:00Z");
    Issue byMaintainer = item(5, "2026-03-01T10:00:00Z");
    Issue pull = item(6, "2026-03-03T10:00:00+02:00", {}, true);
    Issue fast = item(7, "2026-02-12T10:00:00Z");
    data.items = {quick, slow, waiting, closedUnanswered, byMaintainer, pull, fast};
    data.maintainerAuthored = {5};
    data.firstResponses = {{1, at("2026-02-10T12:30:00Z")},       // 2.5 h
                           {2, at("2026-02-16T10:00:00Z")},       // 5 d
                           {5, at("2026-03-01T10:01:00Z")},       // skipped: a maintainer's item
                           {6, at("2026-03-05T08:00:00Z")},       // 2 d
                           {7, at("2026-02-12T10:10:00+01:00")}}; // before creation: 0 s
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::All, "2026-03-10T12:00:00Z"));
    const ResponseTimes &r = result.responses;
    EXPECT_EQ(r.issues.counts, (QList<int>{1, 1, 0, 0, 1, 0, 0, 1}));
    EXPECT_EQ(r.issues.responded, 3);
    EXPECT_EQ(r.issues.waiting, 1);
    EXPECT_EQ(r.pullRequests.counts, (QList<int>{0, 0, 0, 1, 0, 0, 0, 0}));
    ASSERT_EQ(r.issueMonths.size(), 2);
    EXPECT_EQ(r.issueMonths[0].month, day("2026-02-01"));
    EXPECT_EQ(r.issueMonths[0].responded, 3);
    EXPECT_DOUBLE_EQ(*r.issueMonths[0].medianHours, 2.5);
    EXPECT_EQ(r.issueMonths[1].month, day("2026-03-01"));
    EXPECT_FALSE(r.issueMonths[1].medianHours.has_value()); // only a waiting issue
    ASSERT_EQ(r.pullRequestMonths.size(), 1);               // PRs start in March: no empty February
    EXPECT_DOUBLE_EQ(*r.pullRequestMonths[0].medianHours, 48.0);

    // An even count takes the mean of the middle two.
    data.firstResponses.insert(3, at("2026-03-01T11:00:00Z"));
    data.items[2].createdAt = at("2026-02-20T10:00:00Z");
    const ResponseTimes even =
        computeInsights(data, request(InsightsRange::All, "2026-03-10T12:00:00Z")).responses;
    EXPECT_DOUBLE_EQ(*even.issueMonths[0].medianHours, (2.5 + 120.0) / 2.0); // 0, 2.5, 120, 217 h
}

TEST(Insights, MergedPullRequestSizesPerMonthFromThePolicy)
{
    InsightsData data = baseData();
    Issue xs = item(1, "2026-01-02T10:00:00Z", {}, true);
    xs.mergedAt = at("2026-01-05T10:00:00Z");
    Issue large = item(2, "2026-03-02T10:00:00Z", {}, true);
    large.mergedAt = at("2026-03-05T10:00:00Z");
    Issue huge = item(3, "2026-03-02T10:00:00Z", {}, true);
    huge.mergedAt = at("2026-03-06T10:00:00Z");
    Issue unknown = item(4, "2026-03-02T10:00:00Z", {}, true);
    unknown.mergedAt = at("2026-03-07T10:00:00Z");
    Issue unmerged = item(5, "2026-03-02T10:00:00Z", {}, true);
    close(unmerged, "2026-03-03T10:00:00Z");
    data.items = {xs, large, huge, unknown, unmerged};
    data.changedLines = {{1, 9}, {2, 100}, {3, 5000}, {5, 10}};
    const PullRequestSizes sizes =
        computeInsights(data, request(InsightsRange::All, "2026-03-10T12:00:00Z")).sizes;
    EXPECT_EQ(sizes.classes, (QStringList{u"size/XS"_s, u"size/S"_s, u"size/M"_s, u"size/L"_s,
                                          u"size/XL"_s, u"size/XXL"_s}));
    EXPECT_EQ(sizes.period, InsightsPeriod::Month);
    ASSERT_EQ(sizes.periods.size(), 3);
    EXPECT_EQ(sizes.periods[0],
              (PullRequestSizes::Period{day("2026-01-01"), {1, 0, 0, 0, 0, 0}, 0}));
    EXPECT_EQ(sizes.periods[1],
              (PullRequestSizes::Period{day("2026-02-01"), {0, 0, 0, 0, 0, 0}, 0}));
    EXPECT_EQ(sizes.periods[2],
              (PullRequestSizes::Period{day("2026-03-01"), {0, 0, 0, 1, 0, 1}, 1}));
    const QString csv = toCsv(sizes);
    EXPECT_TRUE(csv.startsWith(
        u"period_start,size/XS,size/S,size/M,size/L,size/XL,size/XXL,unknown\r\n"_s));
    EXPECT_TRUE(csv.contains(u"2026-03-01,0,0,0,1,0,1,1\r\n"_s));
}

TEST(Insights, PullRequestSizesPerQuarterOverLongRanges)
{
    InsightsData data = baseData();
    Issue old = item(1, "2023-01-02T10:00:00Z", {}, true);
    old.mergedAt = at("2023-02-05T10:00:00Z");
    data.items = {old};
    data.changedLines = {{1, 1}};
    const PullRequestSizes sizes =
        computeInsights(data, request(InsightsRange::All, "2026-03-10T12:00:00Z")).sizes;
    EXPECT_EQ(sizes.period, InsightsPeriod::Quarter);
    EXPECT_EQ(sizes.periods.first().start, day("2023-01-01"));
    EXPECT_EQ(sizes.periods.last().start, day("2026-01-01"));
    EXPECT_EQ(sizes.periods.size(), 13);
}

TEST(Insights, ReleaseDurationsMarkFailuresAndTakeTheMedianOfSuccesses)
{
    InsightsData data = baseData();
    const auto run = [](qint64 id, const char *started, int minutes, RunConclusion conclusion) {
        WorkflowRun r;
        r.id = id;
        r.runNumber = int(id);
        r.status = RunStatus::Completed;
        r.conclusion = conclusion;
        r.createdAt = at(started);
        r.runStartedAt = at(started);
        r.updatedAt = r.runStartedAt.addSecs(minutes * 60);
        return r;
    };
    // First attempt from 10:00, re-run at 10:35 for 5 minutes: 40 minutes from the first start.
    WorkflowRun rerun = run(7, "2026-03-07T10:35:00Z", 5, RunConclusion::Success);
    rerun.createdAt = at("2026-03-07T10:00:00Z");
    rerun.runAttempt = 2;
    WorkflowRun running = run(5, "2026-03-08T10:00:00Z", 0, RunConclusion::None);
    running.status = RunStatus::InProgress;
    data.releaseRuns = {run(3, "2026-03-05T10:00:00+02:00", 34, RunConclusion::Success),
                        run(1, "2026-03-01T10:00:00Z", 30, RunConclusion::Success),
                        run(2, "2026-03-03T10:00:00Z", 12, RunConclusion::Failure),
                        run(4, "2026-03-06T10:00:00Z", 31, RunConclusion::Success),
                        run(6, "2026-01-01T10:00:00Z", 90, RunConclusion::Success),
                        rerun,
                        running};
    const ReleaseDurations releases =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-10T12:00:00Z")).releases;
    ASSERT_EQ(releases.runs.size(), 5); // not the one before the range, not the running one
    EXPECT_EQ(releases.runs[0].runId, 1);
    EXPECT_EQ(releases.runs[1].runId, 2);
    EXPECT_TRUE(releases.runs[1].failed);
    EXPECT_EQ(releases.runs[1].seconds, 12 * 60);
    EXPECT_EQ(releases.runs[2].runId, 3);
    EXPECT_EQ(releases.runs[2].startedAt, at("2026-03-05T08:00:00Z"));
    EXPECT_EQ(releases.runs[2].startedAt.timeSpec(), Qt::UTC);
    ASSERT_TRUE(releases.medianSeconds.has_value());
    EXPECT_EQ(releases.runs[4].runId, 7);
    EXPECT_EQ(releases.runs[4].seconds, 40 * 60);
    EXPECT_EQ(releases.runs[4].attempt, 2);
    EXPECT_EQ(releases.runs[4].startedAt, at("2026-03-07T10:00:00Z"));
    // 30, 31, 34, 40
    EXPECT_DOUBLE_EQ(*releases.medianSeconds, (31 + 34) / 2.0 * 60.0);
    const QString csv = toCsv(releases);
    EXPECT_TRUE(csv.contains(u"2,2,2026-03-03T10:00:00Z,12.00,failure,yes\r\n"_s))
        << csv.toStdString();
}

TEST(Insights, TheFilterRestrictsEveryItemChart)
{
    InsightsData data = baseData();
    Issue bug = item(1, "2026-03-02T10:00:00Z", {u"bug"_s, u"triage"_s});
    Issue feature = item(2, "2026-03-02T10:00:00Z", {u"feature-request"_s, u"triage"_s});
    Issue pull = item(3, "2026-03-02T10:00:00Z", {u"bug"_s}, true);
    pull.mergedAt = at("2026-03-03T10:00:00Z");
    data.items = {bug, feature, pull};
    const InsightsResult all =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-04T12:00:00Z"));
    EXPECT_EQ(all.backlog.points.last().triage, 2);
    EXPECT_EQ(all.selectedItems, 3);
    const InsightsResult bugs = computeInsights(
        data, request(InsightsRange::Last30Days, "2026-03-04T12:00:00Z", u"label:bug"_s));
    EXPECT_EQ(bugs.selectedItems, 2);
    EXPECT_EQ(bugs.backlog.points.last().triage, 1);
    EXPECT_EQ(bugs.throughput.weeks.first(), (Throughput::Week{day("2026-03-02"), 1, 0, 1}));
    const InsightsResult prs = computeInsights(
        data, request(InsightsRange::Last30Days, "2026-03-04T12:00:00Z", u"is:pr"_s));
    EXPECT_TRUE(prs.backlog.points.isEmpty()); // no issues: no backlog at all
}

TEST(Insights, CsvOfBacklogThroughputAndResponses)
{
    InsightsData data = baseData();
    data.items = {item(1, "2026-03-02T10:00:00Z", {u"triage"_s})};
    data.firstResponses = {{1, at("2026-03-02T10:30:00Z")}};
    const InsightsResult result =
        computeInsights(data, request(InsightsRange::Last30Days, "2026-03-03T12:00:00Z"));
    EXPECT_EQ(toCsv(result.backlog), u"period_start,triage_open_issues,open_issues\r\n"
                                     "2026-03-02,1,1\r\n2026-03-03,1,1\r\n"_s);
    EXPECT_EQ(toCsv(result.throughput),
              u"week_start,issues_opened,issues_closed,prs_merged\r\n2026-03-02,1,0,0\r\n"_s);
    EXPECT_TRUE(responseHistogramCsv(result.responses).contains(u"0–1h,1,0\r\n"_s));
    EXPECT_EQ(responseMediansCsv(result.responses),
              u"month,kind,median_hours,answered\r\n2026-03,issue,0.50,1\r\n"_s);
}
