// InsightsComputer: results arrive from the thread pool, and only the latest request's.

#include "insightscomputer.h"
#include "policy.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
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
