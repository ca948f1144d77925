// The PR hygiene page with QTest input: the one-click Fix, "Fix selected" (one outbox entry per
// pull request), the merged tab's release label, the pending state, and what reaches GitHub.

#include "pullrequestspage.h"
#include "hygienechecker.h"
#include "hygienecontextfromstore.h"
#include "outboxkind.h"
#include "pendingreleasemodel.h"
#include "prpagesfixture.h"
#include "pullrequesthygienedelegate.h"
#include "pullrequesthygienemodel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Mainstay;
using namespace Mainstay::PagesTest;

namespace {

using Model = PullRequestHygieneModel;

// The entry Outbox::applyLabelChange() stores for a change.
std::pair<QString, QJsonObject> expectedEntry(int number, const LabelChange &change)
{
    if (change.remove.isEmpty())
        return {
            OutboxKind::AddLabels,
            QJsonObject{{"number", number}, {"labels", QJsonArray::fromStringList(change.add)}}};
    if (change.add.isEmpty())
        return {
            OutboxKind::RemoveLabels,
            QJsonObject{{"number", number}, {"labels", QJsonArray::fromStringList(change.remove)}}};
    return {OutboxKind::ChangeLabels,
            QJsonObject{{"number", number},
                        {"add", QJsonArray::fromStringList(change.add)},
                        {"remove", QJsonArray::fromStringList(change.remove)}}};
}

class PullRequestsPageTest : public PagesFixture
{
protected:
    void SetUp() override
    {
        PagesFixture::SetUp();
        if (HasFatalFailure())
            return;
        m_page = std::make_unique<PullRequestsPage>();
        m_page->resize(1280, 800);
        m_page->setWorkspace(m_context);
        m_page->show();
        m_items = hygieneItemsFromStore(*m_store);
        m_hygiene = hygieneContextFromStore(*m_store, Policy::defaultPolicy(), &m_clock);
    }
    void TearDown() override
    {
        m_page.reset();
        PagesFixture::TearDown();
    }

    // The fixes the engine itself proposes for every open PR, by number.
    QHash<int, LabelChange> engineFixes() const
    {
        const HygieneChecker checker(Policy::defaultPolicy());
        QHash<int, LabelChange> fixes;
        for (const PullRequest &pull : m_items.pullRequests)
            if (pull.isOpen())
                if (const LabelChange change =
                        HygieneChecker::combinedFix(checker.check(pull, m_hygiene), pull.number);
                    !change.isEmpty())
                    fixes.insert(pull.number, change);
        return fixes;
    }

    QModelIndex proxyIndexOf(int number, int column) const
    {
        const int row = m_page->model()->rowOfNumber(number);
        return m_page->proxy()->mapFromSource(m_page->model()->index(row, column));
    }

    std::unique_ptr<PullRequestsPage> m_page;
    HygieneItems m_items;
    HygieneContext m_hygiene;
};

} // namespace

TEST_F(PullRequestsPageTest, ListsTheOpenPullRequestsWithTheEnginesVerdicts)
{
    const HygieneChecker checker(Policy::defaultPolicy());
    int open = 0;
    for (const PullRequest &pull : m_items.pullRequests) {
        if (!pull.isOpen())
            continue;
        ++open;
        const int row = m_page->model()->rowOfNumber(pull.number);
        ASSERT_GE(row, 0);
        EXPECT_EQ(m_page->model()->findings(row), checker.check(pull, m_hygiene));
    }
    EXPECT_EQ(m_page->model()->rowCount(), open);
    // The demo plants wrong and missing size labels: they are fixable rows.
    for (const int number : m_backend->dataset().wrongSizeLabelPulls)
        EXPECT_TRUE(engineFixes().contains(number)) << number;
    // The selected PR's summary is in the detail pane.
    ASSERT_TRUE(m_page->openView()->currentIndex().isValid());
    const int row = m_page->proxy()->mapToSource(m_page->openView()->currentIndex()).row();
    for (const HygieneFinding &finding : m_page->model()->findings(row))
        EXPECT_TRUE(m_page->detail()->toPlainText().contains(finding.rule));
}

TEST_F(PullRequestsPageTest, OneClickFixQueuesOneEntryAndShowsItPending)
{
    const QHash<int, LabelChange> fixes = engineFixes();
    ASSERT_FALSE(fixes.isEmpty());
    // A planted wrong size label: the fix replaces it.
    const int number = m_backend->dataset().wrongSizeLabelPulls.first();
    ASSERT_TRUE(fixes.contains(number));
    const LabelChange change = fixes.value(number);
    EXPECT_FALSE(change.remove.isEmpty());

    QTreeView *view = m_page->openView();
    const QModelIndex cell = proxyIndexOf(number, Model::FixColumn);
    ASSERT_TRUE(cell.isValid());
    view->scrollTo(cell);
    const QRect rect = view->visualRect(cell);
    ASSERT_FALSE(rect.isEmpty());
    const QPoint button = PullRequestHygieneDelegate::fixButtonRect(rect, view->font()).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button);

    const QList<OutboxEntry> pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), 1);
    const auto [kind, payload] = expectedEntry(number, change);
    EXPECT_EQ(pending[0].kind, kind);
    EXPECT_EQ(pending[0].payload, payload);

    // The row shows the change at once (pending, nothing left to fix).
    const int row = m_page->model()->rowOfNumber(number);
    EXPECT_TRUE(m_page->model()->index(row, 0).data(Model::PendingRole).toBool());
    EXPECT_TRUE(m_page->model()->fix(row).isEmpty());
    EXPECT_EQ(m_page->model()->index(row, Model::SizeLabelColumn).data(Model::CheckRole).toInt(),
              int(Model::Check::Ok));

    // A second click on the same row has nothing to queue.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      PullRequestHygieneDelegate::fixButtonRect(
                          view->visualRect(proxyIndexOf(number, Model::FixColumn)), view->font())
                          .center());
    EXPECT_EQ(m_outbox->pendingCount(), 1);

    // Sent, GitHub gets exactly that change.
    m_server.clearRequestLog();
    m_outbox->start();
    ASSERT_TRUE(drain());
    const QList<HttpRequest> sent = writes();
    const QString labels = repoPath(QStringLiteral("/issues/%1/labels").arg(number));
    ASSERT_EQ(sent.size(), (change.add.isEmpty() ? 0 : 1) + change.remove.size());
    int next = 0;
    if (!change.add.isEmpty()) {
        EXPECT_EQ(sent[0].method, "POST");
        EXPECT_EQ(sent[0].path, labels);
        EXPECT_EQ(QJsonDocument::fromJson(sent[0].body).object(),
                  QJsonObject({{"labels", QJsonArray::fromStringList(change.add)}}));
        next = 1;
    }
    for (const QString &name : change.remove) {
        EXPECT_EQ(sent[next].method, "DELETE");
        EXPECT_EQ(sent[next].target,
                  (labels + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(name)))
                      .toUtf8());
        ++next;
    }
    for (const PullRequest &pull : m_backend->dataset().pullRequests)
        if (pull.number == number) {
            for (const QString &name : change.add)
                EXPECT_TRUE(pull.hasLabel(name)) << name.toStdString();
            for (const QString &name : change.remove)
                EXPECT_FALSE(pull.hasLabel(name)) << name.toStdString();
        }
}

TEST_F(PullRequestsPageTest, BulkFixIsOneEntryPerPullRequest)
{
    const QHash<int, LabelChange> fixes = engineFixes();
    ASSERT_GE(fixes.size(), 3);
    QTreeView *view = m_page->openView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    EXPECT_EQ(view->selectionModel()->selectedRows().size(), m_page->proxy()->rowCount());
    EXPECT_TRUE(m_page->fixSelectedButton()->isEnabled());
    EXPECT_TRUE(m_page->fixSelectedButton()->text().contains(QString::number(fixes.size())));
    QTest::keyClick(view, Qt::Key_F);

    const QList<OutboxEntry> pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), fixes.size());
    QSet<int> numbers;
    for (const OutboxEntry &entry : pending) {
        const int number = entry.payload.value("number").toInt();
        EXPECT_FALSE(numbers.contains(number)) << number;
        numbers.insert(number);
        ASSERT_TRUE(fixes.contains(number)) << number;
        const auto [kind, payload] = expectedEntry(number, fixes.value(number));
        EXPECT_EQ(entry.kind, kind) << number;
        EXPECT_EQ(entry.payload, payload) << number;
    }
    // Everything fixable is fixed in the list; only problems labels cannot fix remain.
    for (int row = 0; row < m_page->model()->rowCount(); ++row)
        EXPECT_TRUE(m_page->model()->fix(row).isEmpty()) << row;
    EXPECT_FALSE(m_page->fixSelectedButton()->isEnabled());
}

TEST_F(PullRequestsPageTest, FilterAndOnlyProblemsNarrowTheList)
{
    const int all = m_page->proxy()->rowCount();
    QTest::keyClick(m_page->onlyProblemsBox(), Qt::Key_Space);
    EXPECT_TRUE(m_page->onlyProblemsBox()->isChecked());
    const int problems = m_page->proxy()->rowCount();
    EXPECT_LT(problems, all);
    EXPECT_GT(problems, 0);
    m_page->focusFilter();
    const PullRequest *first = m_page->model()->pullRequest(0);
    ASSERT_NE(first, nullptr);
    QTest::keyClicks(m_page->filterEdit(), QString::number(first->number));
    EXPECT_GE(m_page->proxy()->rowCount(), m_page->model()->hasProblems(0) ? 1 : 0);
    for (int row = 0; row < m_page->proxy()->rowCount(); ++row)
        EXPECT_TRUE(m_page->proxy()
                        ->index(row, 0)
                        .data(Model::NumberRole)
                        .toString()
                        .contains(QString::number(first->number)) ||
                    m_page->proxy()
                        ->index(row, Model::TitleColumn)
                        .data()
                        .toString()
                        .contains(QString::number(first->number)));
}

TEST_F(PullRequestsPageTest, MergedTabAddsTheReleaseLabelToTheIssue)
{
    // Planted by the demo after its last release; without any release cached, every merged
    // fix whose issue lacks the label is listed.
    PendingReleaseModel *merged = m_page->mergedModel();
    QSet<int> listed;
    for (int row = 0; row < merged->rowCount(); ++row)
        listed.insert(merged->finding(row)->number);
    for (const int number : m_backend->dataset().missingPendingReleaseIssues)
        EXPECT_TRUE(listed.contains(number)) << number;
    ASSERT_TRUE(m_store->cache().replaceReleases({}));
    m_page->syncFinished(true);
    listed.clear();
    for (int row = 0; row < merged->rowCount(); ++row)
        listed.insert(merged->finding(row)->number);
    ASSERT_GE(listed.size(), 2);
    EXPECT_GT(merged->rowCount(), 0);

    m_page->tabs()->setCurrentIndex(1);
    QTreeView *view = m_page->mergedView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QTest::mouseClick(m_page->fixSelectedButton(), Qt::LeftButton);

    const QList<OutboxEntry> pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), listed.size());
    for (const OutboxEntry &entry : pending) {
        EXPECT_EQ(entry.kind, OutboxKind::AddLabels);
        EXPECT_TRUE(listed.contains(entry.payload.value("number").toInt()));
        EXPECT_EQ(strings(entry.payload.value("labels")), QStringList{"pending-release"});
    }
    // The overlay puts the label on the issues: the tab empties.
    EXPECT_EQ(merged->rowCount(), 0);
}
