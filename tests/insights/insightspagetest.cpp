// The Insights page with QTest: the range buttons recompute, a bad filter is reported inline,
// exports write what the charts show, and a click on a release run asks for the release monitor.

#include "insightspage.h"
#include "manualclock.h"
#include "policy.h"
#include "releasedurationchart.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QBarSet>
#include <QChartView>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

InsightsComputer::DataPtr sampleData()
{
    auto data = std::make_shared<InsightsData>();
    data->triageColumn = Policy::defaultPolicy().boardColumns.first();
    data->sizes = Policy::defaultPolicy().sizes;
    data->releaseWorkflow = u"Release"_s;
    const auto add = [&](int number, const char *created, const QString &label, bool pr) {
        Issue issue;
        issue.id = number;
        issue.number = number;
        issue.title = u"Item %1"_s.arg(number);
        issue.author.login = u"reporter"_s;
        issue.createdAt = at(created);
        issue.isPullRequest = pr;
        issue.labels.append(Label{0, label, u"ededed"_s, {}, false});
        data->items.append(issue);
        return &data->items.last();
    };
    add(1, "2025-06-02T10:00:00Z", u"triage"_s, false);
    add(2, "2026-02-23T10:00:00Z", u"bug"_s, false);
    Issue *closed = add(3, "2026-03-02T10:00:00Z", u"bug"_s, false);
    closed->state = Issue::State::Closed;
    closed->closedAt = at("2026-03-03T10:00:00Z");
    Issue *merged = add(4, "2026-03-03T10:00:00Z", u"feature"_s, true);
    merged->state = Issue::State::Closed;
    merged->mergedAt = at("2026-03-04T10:00:00Z");
    merged->closedAt = merged->mergedAt;
    data->changedLines.insert(4, 120);
    data->firstResponses.insert(2, at("2026-02-23T12:00:00Z"));
    const auto run = [](qint64 id, const char *started, int minutes, RunConclusion conclusion) {
        WorkflowRun r;
        r.id = id;
        r.runNumber = int(id - 900);
        r.status = RunStatus::Completed;
        r.conclusion = conclusion;
        r.createdAt = at(started);
        r.runStartedAt = r.createdAt;
        r.updatedAt = r.createdAt.addSecs(minutes * 60);
        return r;
    };
    data->releaseRuns = {run(901, "2026-02-20T10:00:00Z", 30, RunConclusion::Success),
                         run(902, "2026-03-01T10:00:00Z", 12, RunConclusion::Failure),
                         run(903, "2026-03-05T10:00:00Z", 33, RunConclusion::Success)};
    return data;
}

class InsightsPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        clock.setNow(at("2026-03-08T12:00:00Z"));
        WorkspaceContext context;
        context.clock = &clock;
        context.policy = &Policy::defaultPolicy();
        page.setWorkspace(context);
        page.resize(1280, 1400);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    }

    // Sets the data and waits for the first result.
    void load()
    {
        QSignalSpy spy(page.computer(), &InsightsComputer::resultReady);
        page.setData(sampleData());
        ASSERT_TRUE(spy.wait(10000));
    }

    ManualClock clock;
    InsightsPage page;
};

} // namespace

TEST_F(InsightsPageTest, ShowsEveryChartAndChangesRangeOnAClick)
{
    load();
    ASSERT_EQ(page.cards().size(), 6);
    EXPECT_EQ(page.result().range, InsightsRange::Last90Days);
    EXPECT_EQ(page.result().backlog.period, InsightsPeriod::Day);
    EXPECT_EQ(page.result().backlog.points.size(), 90);
    for (const char *id :
         {"backlog", "throughput", "response-histogram", "response-median", "sizes"}) {
        InsightsChartCard *card = page.card(QString::fromLatin1(id));
        ASSERT_NE(card, nullptr) << id;
        EXPECT_FALSE(card->chartView()->chart()->series().isEmpty()) << id;
        EXPECT_FALSE(card->chartView()->chart()->axes().isEmpty()) << id;
        EXPECT_FALSE(card->subtitle().isEmpty()) << id;
    }
    EXPECT_EQ(page.releaseChart()->durations().runs.size(), 3);

    QSignalSpy spy(page.computer(), &InsightsComputer::resultReady);
    QTest::mouseClick(page.rangeButton(InsightsRange::Last30Days), Qt::LeftButton);
    ASSERT_TRUE(spy.wait(10000));
    EXPECT_EQ(page.range(), InsightsRange::Last30Days);
    EXPECT_EQ(page.result().range, InsightsRange::Last30Days);
    EXPECT_EQ(page.result().backlog.points.size(), 30);
    EXPECT_TRUE(page.rangeButton(InsightsRange::Last30Days)->isChecked());
    EXPECT_FALSE(page.rangeButton(InsightsRange::Last90Days)->isChecked());
    // #1 was opened long before the range and is still open in triage on every day.
    EXPECT_EQ(page.result().backlog.points.first().triage, 1);

    QTest::mouseClick(page.rangeButton(InsightsRange::All), Qt::LeftButton);
    ASSERT_TRUE(spy.wait(10000));
    EXPECT_EQ(page.result().backlog.period, InsightsPeriod::Week);
    EXPECT_EQ(page.result().backlog.points.first().period, QDate(2025, 6, 2));
}

TEST_F(InsightsPageTest, HoveringAPointOrABarShowsItsValues)
{
    load();
    // The last week of throughput, and the sizes' first period, as a hover reports them.
    QChart *throughput = page.card(u"throughput"_s)->chartView()->chart();
    auto *opened = qobject_cast<QLineSeries *>(throughput->series().value(0));
    ASSERT_NE(opened, nullptr);
    const Throughput::Week &week = page.result().throughput.weeks.last();
    Q_EMIT opened->hovered(opened->points().last(), true);
    EXPECT_TRUE(QToolTip::isVisible());
    EXPECT_EQ(QToolTip::text(), u"Week of %1\n%2 issues opened\n%3 issues closed\n%4 PRs merged"_s
                                    .arg(week.week.toString(Qt::ISODate))
                                    .arg(week.opened)
                                    .arg(week.closed)
                                    .arg(week.merged));
    Q_EMIT opened->hovered(opened->points().last(), false);
    EXPECT_TRUE(QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 5000));

    QChart *sizes = page.card(u"sizes"_s)->chartView()->chart();
    auto *bars = qobject_cast<QStackedBarSeries *>(sizes->series().value(0));
    ASSERT_NE(bars, nullptr);
    ASSERT_FALSE(bars->barSets().isEmpty());
    Q_EMIT bars->barSets().first()->hovered(true, 0);
    EXPECT_TRUE(QToolTip::text().contains(u"merged PRs of size"_s))
        << QToolTip::text().toStdString();
    // Past the last period: nothing to say, no tip.
    Q_EMIT bars->barSets().first()->hovered(false, 0);
    ASSERT_TRUE(QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 5000));
    Q_EMIT bars->barSets().first()->hovered(true, 10'000);
    EXPECT_FALSE(QToolTip::isVisible());
}

TEST_F(InsightsPageTest, AFilterErrorIsShownInlineAndNothingIsRecomputed)
{
    load();
    const quint64 generation = page.computer()->generation();
    QTest::keyClicks(page.filterEdit(), u"lable:bug"_s);
    QTest::keyClick(page.filterEdit(), Qt::Key_Return);
    EXPECT_TRUE(page.filterError()->isVisible());
    EXPECT_TRUE(page.filterError()->text().contains(u"unknown qualifier"_s))
        << page.filterError()->text().toStdString();
    EXPECT_EQ(page.computer()->generation(), generation);
    EXPECT_EQ(page.result().selectedItems, 4);

    QSignalSpy spy(page.computer(), &InsightsComputer::resultReady);
    page.filterEdit()->clear();
    QTest::keyClicks(page.filterEdit(), u"label:bug"_s);
    QTest::keyClick(page.filterEdit(), Qt::Key_Return);
    ASSERT_TRUE(spy.wait(10000));
    EXPECT_FALSE(page.filterError()->isVisible());
    EXPECT_EQ(page.result().selectedItems, 2);
    EXPECT_TRUE(page.result().sizes.periods.isEmpty()); // the PR is not a bug
    // The sizes chart says why it is empty instead of drawing zeros.
    auto *stack = page.card(u"sizes"_s)->findChild<QStackedWidget *>();
    ASSERT_NE(stack, nullptr);
    EXPECT_EQ(stack->currentIndex(), 1);
}

TEST_F(InsightsPageTest, ExportsCsvPngAndSvg)
{
    load();
    QTemporaryDir dir;
    InsightsChartCard *throughput = page.card(u"throughput"_s);
    const QString csvPath = dir.filePath(u"throughput.csv"_s);
    ASSERT_TRUE(throughput->exportCsv(csvPath));
    QFile csv(csvPath);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    // 90 days back from 2026-03-08 start on 2025-12-09; the first item (#1) is older, so the
    // weeks start at the range's first week.
    const QByteArray content = csv.readAll();
    EXPECT_TRUE(content.startsWith("week_start,issues_opened,issues_closed,prs_merged\r\n"
                                   "2025-12-08,0,0,0\r\n"));
    EXPECT_TRUE(content.endsWith("2026-02-23,1,0,0\r\n2026-03-02,1,1,1\r\n"))
        << content.toStdString();

    const QString releasesPath = dir.filePath(u"releases.csv"_s);
    ASSERT_TRUE(page.card(u"releases"_s)->exportCsv(releasesPath));
    QFile releases(releasesPath);
    ASSERT_TRUE(releases.open(QIODevice::ReadOnly));
    EXPECT_EQ(releases.readAll(),
              "run_id,run_number,started_at,duration_minutes,conclusion,failed\r\n"
              "901,1,2026-02-20T10:00:00Z,30.00,success,no\r\n"
              "902,2,2026-03-01T10:00:00Z,12.00,failure,yes\r\n"
              "903,3,2026-03-05T10:00:00Z,33.00,success,no\r\n");

    const QString png = dir.filePath(u"backlog.png"_s);
    ASSERT_TRUE(page.card(u"backlog"_s)->exportPng(png));
    const QImage image(png);
    EXPECT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), page.card(u"backlog"_s)->chartView()->size());

    const QString svg = dir.filePath(u"backlog.svg"_s);
    ASSERT_TRUE(page.card(u"backlog"_s)->exportSvg(svg));
    QFile svgFile(svg);
    ASSERT_TRUE(svgFile.open(QIODevice::ReadOnly));
    const QByteArray drawing = svgFile.readAll();
    EXPECT_TRUE(drawing.contains("<svg"));
    EXPECT_TRUE(drawing.contains("<path") || drawing.contains("<polyline"));

    EXPECT_FALSE(page.card(u"backlog"_s)->exportCsv(dir.filePath(u"missing/dir/x.csv"_s)));
}

TEST_F(InsightsPageTest, ClickingAReleaseRunAsksForTheReleaseMonitor)
{
    load();
    ReleaseDurationChart *chart = page.releaseChart();
    ASSERT_EQ(chart->durations().runs.size(), 3);
    QSignalSpy navigation(&page, &WorkspacePage::navigationRequested);
    const QPoint failed = chart->pointPosition(1);
    ASSERT_FALSE(failed.isNull());
    QTest::mouseClick(chart->chartView()->viewport(), Qt::LeftButton, {}, failed);
    ASSERT_EQ(navigation.count(), 1);
    EXPECT_EQ(navigation.at(0).at(0).toString(), u"release"_s);
    EXPECT_EQ(navigation.at(0).at(1).toMap().value(u"run"_s).toLongLong(), 902);

    QTest::mouseClick(chart->chartView()->viewport(), Qt::LeftButton, {}, chart->pointPosition(2));
    ASSERT_EQ(navigation.count(), 2);
    EXPECT_EQ(navigation.at(1).at(1).toMap().value(u"run"_s).toLongLong(), 903);
}

TEST_F(InsightsPageTest, SwitchesToTheDarkPaletteWithoutLosingTheCharts)
{
    load();
    QPalette dark = page.palette();
    dark.setColor(QPalette::Window, QColor(0x16, 0x1b, 0x22));
    dark.setColor(QPalette::Base, QColor(0x0d, 0x11, 0x17));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xed, 0xf3));
    page.setPalette(dark);
    QChart *chart = page.card(u"backlog"_s)->chartView()->chart();
    EXPECT_EQ(chart->theme(), QChart::ChartThemeDark);
    EXPECT_EQ(chart->backgroundBrush().color(), QColor(0x0d, 0x11, 0x17));
    EXPECT_EQ(chart->series().size(), 2);
}

TEST(InsightsPageSettings, RemembersTheChosenRange)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ManualClock clock;
    WorkspaceContext context;
    context.clock = &clock;
    context.settings = &settings;
    {
        InsightsPage page;
        page.setWorkspace(context);
        EXPECT_EQ(page.range(), InsightsRange::Last90Days);
        page.setData(sampleData());
        QTest::mouseClick(page.rangeButton(InsightsRange::Last365Days), Qt::LeftButton);
        EXPECT_EQ(settings.value(u"insights/range"_s).toString(), u"365"_s);
    }
    InsightsPage again;
    again.setWorkspace(context);
    EXPECT_EQ(again.range(), InsightsRange::Last365Days);
    EXPECT_TRUE(again.rangeButton(InsightsRange::Last365Days)->isChecked());
}
