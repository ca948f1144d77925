// InsightsComputer: results arrive from the thread pool, and only the latest request's.

#include "insightscomputer.h"
#include "policy.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const InsightsData> someData()
{
    auto data = std::make_shared<InsightsData>();
    data->triageColumn = Policy::defaultPolicy().boardColumns.first();
    for (int n = 1; n <= 50; ++n) {
        Issue issue;
        issue.number = n;
        issue.createdAt = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC).addDays(n % 20);
        if (n % 2)
            issue.labels.append(Label{0, u"triage"_s, {}, {}, false});
        data->items.append(issue);
    }
    return data;
}

InsightsRequest requestFor(InsightsRange range)
{
    InsightsRequest request;
    request.range = range;
    request.now = QDateTime(QDate(2026, 3, 25), QTime(12, 0), Qt::UTC);
    return request;
}

} // namespace

TEST(InsightsComputer, DeliversTheResultOnTheOwnersThread)
{
    InsightsComputer computer;
    QSignalSpy spy(&computer, &InsightsComputer::resultReady);
    const auto data = someData();
    const quint64 generation = computer.compute(data, requestFor(InsightsRange::Last30Days));
    EXPECT_EQ(generation, 1u);
    ASSERT_TRUE(spy.wait(10000));
    ASSERT_EQ(spy.count(), 1);
    const auto result = spy.at(0).at(0).value<InsightsResult>();
    EXPECT_EQ(result.generation, 1u);
    EXPECT_EQ(result.selectedItems, 50);
    EXPECT_EQ(result.backlog.points.last().open, 50);
    EXPECT_EQ(result.backlog.points.last().triage, 25);
    EXPECT_EQ(spy.at(0).at(1).value<InsightsComputer::DataPtr>(), data);
    EXPECT_FALSE(computer.isBusy());
}

TEST(InsightsComputer, DropsStaleGenerations)
{
    InsightsComputer computer;
    QSignalSpy spy(&computer, &InsightsComputer::resultReady);
    const auto data = someData();
    computer.compute(data, requestFor(InsightsRange::All));
    computer.compute(data, requestFor(InsightsRange::Last90Days));
    const quint64 latest = computer.compute(data, requestFor(InsightsRange::Last30Days));
    ASSERT_TRUE(spy.wait(10000));
    computer.waitForIdle();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    ASSERT_EQ(spy.count(), 1);
    const auto result = spy.at(0).at(0).value<InsightsResult>();
    EXPECT_EQ(result.generation, latest);
    EXPECT_EQ(result.range, InsightsRange::Last30Days);
    EXPECT_EQ(computer.droppedResults(), 2);
}

TEST(InsightsComputer, ReportsAnUnreadableCacheFile)
{
    InsightsComputer computer;
    QSignalSpy results(&computer, &InsightsComputer::resultReady);
    QSignalSpy failures(&computer, &InsightsComputer::loadFailed);
    computer.loadAndCompute(u"/nonexistent/mainstay/cache.sqlite"_s, Policy::defaultPolicy(),
                            requestFor(InsightsRange::All));
    ASSERT_TRUE(failures.wait(10000));
    EXPECT_FALSE(failures.at(0).at(1).toString().isEmpty());
    EXPECT_EQ(results.count(), 0);
}

TEST(InsightsComputer, LoadsTheSnapshotFromTheCacheOnAWorker)
{
    QTemporaryDir dir;
    WorkspaceStore store;
    ASSERT_TRUE(store.open(dir.path(), u"octo/cat"_s).ok);
    CacheDatabase &cache = store.cache();
    const auto at = [](const char *iso) {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    };
    Issue issue;
    issue.id = 1;
    issue.number = 1;
    issue.title = u"Crash"_s;
    issue.author.login = u"reporter"_s;
    issue.createdAt = at("2026-03-02T10:00:00Z");
    issue.labels.append(Label{1, u"triage"_s, u"fbca04"_s, {}, false});
    Issue byMaintainer = issue;
    byMaintainer.id = 2;
    byMaintainer.number = 2;
    byMaintainer.author.login = u"Keeper"_s;
    PullRequest pull;
    pull.id = 3;
    pull.number = 3;
    pull.title = u"Fix"_s;
    pull.author.login = u"reporter"_s;
    pull.createdAt = at("2026-03-03T10:00:00Z");
    pull.mergedAt = at("2026-03-04T10:00:00Z");
    pull.state = Issue::State::Closed;
    pull.closedAt = pull.mergedAt;
    pull.additions = 40;
    pull.deletions = 2;
    ASSERT_TRUE(cache.upsertIssues({issue, byMaintainer, pull}));
    ASSERT_TRUE(cache.upsertPullRequestDetails({pull}));
    ASSERT_TRUE(cache.replaceMaintainers({u"keeper"_s}));
    IssueEvent labeled;
    labeled.id = 10;
    labeled.issueNumber = 1;
    labeled.event = u"labeled"_s;
    labeled.labelName = u"triage"_s;
    labeled.createdAt = issue.createdAt;
    IssueEvent assigned = labeled;
    assigned.id = 11;
    assigned.event = u"assigned"_s;
    ASSERT_TRUE(cache.upsertIssueEvents({labeled, assigned}));
    Comment reporter;
    reporter.id = 20;
    reporter.issueNumber = 1;
    reporter.author.login = u"reporter"_s;
    reporter.createdAt = at("2026-03-02T10:10:00Z");
    Comment keeper = reporter;
    keeper.id = 21;
    keeper.author.login = u"keeper"_s;
    keeper.createdAt = at("2026-03-02T13:00:00Z");
    ASSERT_TRUE(cache.upsertComments({reporter, keeper}));
    Workflow release{7, u"Release"_s, u".github/workflows/release.yml"_s, u"active"_s, {}};
    Workflow tests{8, u"Tests"_s, u".github/workflows/tests.yml"_s, u"active"_s, {}};
    ASSERT_TRUE(cache.replaceWorkflows({tests, release}));
    WorkflowRun run;
    run.id = 100;
    run.workflowId = 7;
    run.status = RunStatus::Completed;
    run.conclusion = RunConclusion::Success;
    run.createdAt = at("2026-03-05T10:00:00Z");
    run.runStartedAt = run.createdAt;
    run.updatedAt = at("2026-03-05T10:31:00Z");
    WorkflowRun testRun = run;
    testRun.id = 101;
    testRun.workflowId = 8;
    ASSERT_TRUE(cache.upsertWorkflowRuns({run, testRun}));

    const InsightsData data = InsightsData::load(cache, Policy::defaultPolicy());
    EXPECT_EQ(data.items.size(), 3);
    EXPECT_EQ(data.events.size(), 1); // not the assignment
    EXPECT_EQ(data.firstResponses.value(1), at("2026-03-02T13:00:00Z"));
    EXPECT_EQ(data.maintainerAuthored, QSet<int>{2});
    EXPECT_EQ(data.changedLines.value(3), 42);
    ASSERT_EQ(data.releaseRuns.size(), 1);
    EXPECT_EQ(data.releaseRuns.first().id, 100);
    EXPECT_EQ(data.triageColumn.id, u"new"_s);

    InsightsComputer computer;
    QSignalSpy spy(&computer, &InsightsComputer::resultReady);
    computer.loadAndCompute(store.cacheFilePath(), Policy::defaultPolicy(),
                            requestFor(InsightsRange::Last30Days));
    ASSERT_TRUE(spy.wait(10000));
    const auto result = spy.at(0).at(0).value<InsightsResult>();
    EXPECT_EQ(result.selectedItems, 3);
    EXPECT_EQ(result.responses.issues.responded, 1);
    EXPECT_EQ(result.responses.issues.counts.value(1), 1); // 3 h
    ASSERT_EQ(result.releases.runs.size(), 1);
    EXPECT_EQ(result.releases.runs.first().seconds, 31 * 60);
    ASSERT_EQ(result.sizes.periods.size(), 1);
    EXPECT_EQ(result.sizes.periods.first().counts.value(2), 1); // 42 lines: size/M
    EXPECT_EQ(spy.at(0).at(1).value<InsightsComputer::DataPtr>()->items.size(), 3);
}
