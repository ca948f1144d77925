#include "issuelistmodel.h"
#include "githubclient.h"
#include "issuefilterproxymodel.h"
#include "manualclock.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace Mainstay;

namespace {

Issue makeIssue(int number, const QString &title, bool pr = false, bool open = true)
{
    Issue issue;
    issue.id = 1000 + number;
    issue.number = number;
    issue.title = title;
    issue.isPullRequest = pr;
    issue.state = open ? Issue::State::Open : Issue::State::Closed;
    issue.author.login = QStringLiteral("user%1").arg(number % 3);
    issue.createdAt = QDateTime::fromSecsSinceEpoch(1'700'000'000 + number * 3600, Qt::UTC);
    issue.updatedAt = issue.createdAt.addDays(1);
    issue.labels = {Label{1, QStringLiteral("bug"), QStringLiteral("d73a4a"), {}, false}};
    return issue;
}

} // namespace

TEST(IssueListModel, PassesTheModelTesterThroughResetsInsertsAndUpdates)
{
    IssueListModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setIssues({makeIssue(1, QStringLiteral("one")), makeIssue(2, QStringLiteral("two"))});
    EXPECT_EQ(model.rowCount(), 2);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Issue updated = makeIssue(2, QStringLiteral("two, renamed"));
    model.upsert(
        {makeIssue(3, QStringLiteral("three")), updated, makeIssue(1, QStringLiteral("one"))});
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(inserted.size(), 1);
    EXPECT_EQ(changed.size(), 1) << "an unchanged item emits nothing";
    EXPECT_EQ(model.issueByNumber(2)->title, QStringLiteral("two, renamed"));
    EXPECT_EQ(model.rowOfNumber(3), 2);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(IssueListModel, KeepsTheLastCopyWhenAPageRepeatsAnItem)
{
    IssueListModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    Issue first = makeIssue(7, QStringLiteral("old"));
    Issue second = makeIssue(7, QStringLiteral("new"));
    model.upsert({first, second});
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.issueByNumber(7)->title, QStringLiteral("new"));
}

TEST(IssueListModel, ServesDisplaySortAndLabelRoles)
{
    IssueListModel model;
    ManualClock clock(QDateTime::fromSecsSinceEpoch(1'700'000'000 + 3 * 86400, Qt::UTC));
    model.setClock(&clock);
    model.setIssues({makeIssue(5, QStringLiteral("<b>not markup</b>"), true)});
    const QModelIndex number = model.index(0, IssueListModel::NumberColumn);
    EXPECT_EQ(number.data().toString(), QStringLiteral("#5"));
    EXPECT_EQ(number.data(IssueListModel::SortRole).toInt(), 5);
    EXPECT_TRUE(number.data(IssueListModel::IsPullRequestRole).toBool());
    EXPECT_EQ(model.index(0, IssueListModel::TitleColumn).data().toString(),
              QStringLiteral("<b>not markup</b>"));
    const QVariantList labels = model.index(0, 0).data(IssueListModel::LabelsRole).toList();
    ASSERT_EQ(labels.size(), 1);
    EXPECT_EQ(labels.first().toMap().value(QStringLiteral("color")).toString(),
              QStringLiteral("d73a4a"));
    // Created 5 h after the epoch base, "now" is 3 days after it: 2 days old.
    EXPECT_EQ(model.index(0, IssueListModel::CreatedColumn).data().toString(),
              QStringLiteral("2 d ago"));
    EXPECT_EQ(model.headerData(IssueListModel::TitleColumn, Qt::Horizontal).toString(),
              QStringLiteral("Title"));
}

TEST(IssueFilterProxyModel, FiltersAndSortsUnderTheModelTester)
{
    IssueListModel model;
    IssueFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setIssues({makeIssue(1, QStringLiteral("crash in logger")),
                     makeIssue(2, QStringLiteral("feat: tracer"), true),
                     makeIssue(3, QStringLiteral("logger docs"), false, false)});
    IssueFilter filter;
    filter.setText(QStringLiteral("logger"));
    proxy.setFilter(filter);
    EXPECT_EQ(proxy.rowCount(), 2);
    filter.setState(IssueFilter::State::Open);
    proxy.setFilter(filter);
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data(IssueListModel::NumberRole).toInt(), 1);

    proxy.setFilter(IssueFilter());
    proxy.sort(IssueListModel::NumberColumn, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, 0).data(IssueListModel::NumberRole).toInt(), 3);
    model.upsert({makeIssue(9, QStringLiteral("new one"))});
    EXPECT_EQ(proxy.index(0, 0).data(IssueListModel::NumberRole).toInt(), 9) << "dynamic sort";
}

TEST(IssueListModel, MakesWebLinksForItemsLoadedWithoutOne)
{
    IssueListModel model;
    model.setRepositoryWebUrl(QStringLiteral("https://github.com/o/r"));
    Issue issue = makeIssue(12, QStringLiteral("no url"));
    Issue pull = makeIssue(13, QStringLiteral("pr"), true);
    Issue linked = makeIssue(14, QStringLiteral("has one"));
    linked.htmlUrl = QStringLiteral("https://ghe.example.com/o/r/issues/14");
    model.setIssues({issue, pull, linked});
    EXPECT_EQ(model.index(0, 0).data(IssueListModel::HtmlUrlRole).toString(),
              QStringLiteral("https://github.com/o/r/issues/12"));
    EXPECT_EQ(model.index(1, 0).data(IssueListModel::HtmlUrlRole).toString(),
              QStringLiteral("https://github.com/o/r/pull/13"));
    EXPECT_EQ(model.index(2, 0).data(IssueListModel::HtmlUrlRole).toString(), linked.htmlUrl);
}

TEST(GitHubWebUrls, FollowTheApiHost)
{
    EXPECT_EQ(
        GitHubClient::webUrl(QUrl(QStringLiteral("https://api.github.com")), QStringLiteral("o/r")),
        QStringLiteral("https://github.com/o/r"));
    EXPECT_EQ(GitHubClient::webUrl(QUrl(QStringLiteral("https://ghe.example.com/api/v3")),
                                   QStringLiteral("o/r")),
              QStringLiteral("https://ghe.example.com/o/r"));
    EXPECT_EQ(
        GitHubClient::webUrl(QUrl(QStringLiteral("http://127.0.0.1:4010")), QStringLiteral("o/r")),
        QStringLiteral("https://github.com/o/r"));
}
