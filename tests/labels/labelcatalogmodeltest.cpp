#include "labelcatalogmodel.h"
#include "policy.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

using M = LabelCatalogModel;
using Action = LabelCatalogFix::Action;

Label repoLabel(const QString &name, const QString &color, const QString &description = {})
{
    Label label;
    label.name = name;
    label.color = color;
    label.description = description;
    return label;
}

Issue item(int number, const QStringList &labels, bool open = true, bool pullRequest = false)
{
    Issue issue;
    issue.number = number;
    issue.state = open ? Issue::State::Open : Issue::State::Closed;
    issue.isPullRequest = pullRequest;
    for (const QString &name : labels)
        issue.labels.append(repoLabel(name, QStringLiteral("ffffff")));
    return issue;
}

// Rows (policy order, then extras by name):
//   0 triage  missing
//   1 bug     colour differs (repo ededed, policy d73a4a); 2 open issues, 1 open PR
//   2 docs    ok
//   3 wontfix extra; 1 open issue
Policy smallPolicy()
{
    Policy policy;
    policy.labels = {
        LabelSpec{QStringLiteral("triage"), QStringLiteral("New"), QStringLiteral("fbca04"),
                  QStringLiteral("triage")},
        LabelSpec{QStringLiteral("bug"), QStringLiteral("Broken"), QStringLiteral("d73a4a"),
                  QStringLiteral("type")},
        LabelSpec{QStringLiteral("docs"), QStringLiteral("Docs"), QStringLiteral("0075ca"),
                  QStringLiteral("type")},
    };
    return policy;
}

QList<Label> smallRepository()
{
    return {repoLabel(QStringLiteral("bug"), QStringLiteral("ededed"), QStringLiteral("Broken")),
            repoLabel(QStringLiteral("docs"), QStringLiteral("0075CA"), QStringLiteral("Docs")),
            repoLabel(QStringLiteral("wontfix"), QStringLiteral("ffffff"))};
}

QList<Issue> smallIssues()
{
    return {item(1, {QStringLiteral("bug")}),
            item(2, {QStringLiteral("bug"), QStringLiteral("wontfix")}),
            item(3, {QStringLiteral("bug")}, true, true), item(4, {QStringLiteral("bug")}, false)};
}

class LabelCatalogModelTest : public ::testing::Test
{
protected:
    LabelCatalogModel model;
    QAbstractItemModelTester tester{&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning};

    QVariant at(int row, int column, int role = Qt::DisplayRole) const
    {
        return model.data(model.index(row, column), role);
    }
};

TEST_F(LabelCatalogModelTest, ShowsEveryColumn)
{
    model.setData(smallRepository(), smallPolicy(), smallIssues());
    ASSERT_EQ(model.rowCount(), 4);
    ASSERT_EQ(model.columnCount(), int(M::ColumnCount));

    EXPECT_EQ(at(0, M::NameColumn).toString(), QStringLiteral("triage"));
    EXPECT_EQ(at(0, M::StatusColumn).toString(), QStringLiteral("Missing"));
    EXPECT_EQ(at(0, M::ColourColumn).toString(), QStringLiteral("#fbca04"));
    EXPECT_EQ(at(0, M::DescriptionColumn).toString(), QStringLiteral("New"));

    EXPECT_EQ(at(1, M::StatusColumn).toString(), QStringLiteral("Colour differs"));
    EXPECT_EQ(at(1, M::ColourColumn).toString(), QStringLiteral("#ededed → #d73a4a"));
    EXPECT_EQ(at(1, M::OpenIssuesColumn).toInt(), 2);
    EXPECT_EQ(at(1, M::OpenPullRequestsColumn).toInt(), 1);
    EXPECT_EQ(at(1, 0, M::UsageRole).toInt(), 3);
    EXPECT_EQ(at(1, 0, M::ColorRole).value<QColor>(), QColor(QStringLiteral("#ededed")));
    EXPECT_EQ(at(1, 0, M::PolicyColorRole).value<QColor>(), QColor(QStringLiteral("#d73a4a")));

    EXPECT_EQ(at(2, M::StatusColumn).toString(), QStringLiteral("OK"));
    EXPECT_EQ(at(2, M::ColourColumn).toString(), QStringLiteral("#0075ca"));
    EXPECT_EQ(at(2, 0, M::StatusRole).toInt(), 0);
    EXPECT_TRUE(at(2, 0, M::FixRole).value<LabelCatalogFix>().isNull());

    EXPECT_EQ(at(3, M::NameColumn).toString(), QStringLiteral("wontfix"));
    EXPECT_EQ(at(3, M::StatusColumn).toString(), QStringLiteral("Extra"));
    EXPECT_EQ(at(3, 0, M::StatusRole).toInt(), int(LabelCatalogRow::Extra));
    EXPECT_EQ(at(3, 0, M::UsageRole).toInt(), 1);
    EXPECT_FALSE(at(3, 0, M::PolicyColorRole).isValid());
    EXPECT_TRUE(at(3, M::StatusColumn, Qt::ToolTipRole).toString().contains(u"used by 1 open"));

    // A missing label shows the colour it will get.
    EXPECT_EQ(at(0, 0, M::ColorRole).value<QColor>(), QColor(QStringLiteral("#fbca04")));
    EXPECT_EQ(at(0, M::ColourColumn, Qt::DecorationRole).value<QColor>(),
              QColor(QStringLiteral("#fbca04")));

    const auto fix = at(0, M::StatusColumn, M::FixRole).value<LabelCatalogFix>();
    EXPECT_EQ(fix.action, Action::Create);
    EXPECT_EQ(fix.label.name, QStringLiteral("triage"));

    EXPECT_EQ(model.headerData(M::OpenPullRequestsColumn, Qt::Horizontal).toString(),
              QStringLiteral("Open PRs"));
    EXPECT_TRUE(model.roleNames().contains(M::UsageRole));
}

TEST_F(LabelCatalogModelTest, FixesForASelection)
{
    model.setData(smallRepository(), smallPolicy(), smallIssues());

    const QList<LabelCatalogFix> fixes = model.fixesFor(QList<int>{3, 2, 1, 1, 0, 42, -1});
    ASSERT_EQ(fixes.size(), 3); // row order, each once, the fine row and bad rows give nothing
    EXPECT_EQ(fixes.at(0).action, Action::Create);
    EXPECT_EQ(fixes.at(1).action, Action::Update);
    EXPECT_EQ(fixes.at(1).oldName, QStringLiteral("bug"));
    EXPECT_EQ(fixes.at(1).label.color, QStringLiteral("d73a4a"));
    EXPECT_EQ(fixes.at(2).action, Action::Delete);
    EXPECT_TRUE(fixes.at(2).needsConfirmation());
    EXPECT_EQ(fixes.at(2).usageCount, 1);

    // A row selected in several columns counts once.
    const QModelIndexList selection{model.index(1, M::NameColumn), model.index(1, M::StatusColumn),
                                    model.index(3, M::ColourColumn)};
    const QList<LabelCatalogFix> selected = model.fixesFor(selection);
    ASSERT_EQ(selected.size(), 2);
    EXPECT_EQ(selected.at(0).action, Action::Update);
    EXPECT_EQ(selected.at(1).action, Action::Delete);
}

TEST_F(LabelCatalogModelTest, ResetsOnEverySetData)
{
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setData(smallRepository(), smallPolicy(), smallIssues());
    EXPECT_EQ(model.rowCount(), 4);

    // The label gets created: one row fewer with a problem, same row count.
    QList<Label> repository = smallRepository();
    repository.append(
        repoLabel(QStringLiteral("triage"), QStringLiteral("fbca04"), QStringLiteral("New")));
    model.setData(repository, smallPolicy(), smallIssues());
    EXPECT_EQ(model.rowCount(), 4);
    EXPECT_EQ(at(0, M::StatusColumn).toString(), QStringLiteral("OK"));

    model.setData(repository, Policy::defaultPolicy(), {});
    EXPECT_GT(model.rowCount(), 10);

    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(model.fixesFor(QList<int>{0}).isEmpty());
    EXPECT_EQ(resets.count(), 4);
}

TEST_F(LabelCatalogModelTest, SortsThroughAProxy)
{
    model.setData(smallRepository(), smallPolicy(), smallIssues());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(M::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Warning);

    proxy.sort(M::NameColumn);
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names.append(proxy.index(row, M::NameColumn).data().toString());
    EXPECT_EQ(names, (QStringList{QStringLiteral("bug"), QStringLiteral("docs"),
                                  QStringLiteral("triage"), QStringLiteral("wontfix")}));

    proxy.sort(M::StatusColumn);
    EXPECT_EQ(proxy.index(0, M::NameColumn).data().toString(), QStringLiteral("triage"));
    EXPECT_EQ(proxy.index(3, M::NameColumn).data().toString(), QStringLiteral("docs"));

    proxy.sort(M::OpenIssuesColumn, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, M::NameColumn).data().toString(), QStringLiteral("bug"));

    model.setData(smallRepository(), Policy::defaultPolicy(), smallIssues());
    EXPECT_EQ(proxy.rowCount(), model.rowCount());
}

TEST_F(LabelCatalogModelTest, NameCaseDifferenceShowsGitHubsSpelling)
{
    Policy policy;
    policy.labels = {LabelSpec{QStringLiteral("RFC"), QStringLiteral("Proposal"),
                               QStringLiteral("5319e7"), QStringLiteral("type")}};
    model.setData(
        {repoLabel(QStringLiteral("rfc"), QStringLiteral("5319E7"), QStringLiteral("Proposal"))},
        policy, {item(1, {QStringLiteral("Rfc")})});
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(at(0, M::NameColumn).toString(), QStringLiteral("rfc"));
    EXPECT_EQ(at(0, M::StatusColumn).toString(), QStringLiteral("Name case differs"));
    EXPECT_TRUE(at(0, M::NameColumn, Qt::ToolTipRole).toString().contains(u"RFC"));
    EXPECT_EQ(at(0, M::OpenIssuesColumn).toInt(), 1);
    const auto fix = at(0, 0, M::FixRole).value<LabelCatalogFix>();
    EXPECT_EQ(fix.action, Action::Update);
    EXPECT_EQ(fix.oldName, QStringLiteral("rfc"));
    EXPECT_EQ(fix.label.name, QStringLiteral("RFC"));
    EXPECT_EQ(fix.label.color, QStringLiteral("5319e7"));
}

} // namespace
