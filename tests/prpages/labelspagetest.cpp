// The label catalogue page with QTest input: "Apply all fixes" queues the creates and updates the
// catalogue proposes, deleting an extra label asks first (showing its usage) and queues nothing
// when cancelled, and the queued writes reach GitHub as the exact requests.

#include "labelspage.h"
#include "labelcatalog.h"
#include "labelcatalogmodel.h"
#include "outboxkind.h"
#include "prpagesfixture.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace Mainstay;
using namespace Mainstay::PagesTest;

namespace {

class LabelsPageTest : public PagesFixture
{
protected:
    void SetUp() override
    {
        PagesFixture::SetUp();
        if (HasFatalFailure())
            return;
        m_page = std::make_unique<LabelsPage>();
        m_page->resize(1280, 800);
        m_page->setWorkspace(m_context);
        m_page->show();
    }
    void TearDown() override
    {
        m_page.reset();
        PagesFixture::TearDown();
    }

    // Selects the row of `name` in the view (by keyboard focus and a click).
    void select(const QString &name)
    {
        QTreeView *view = m_page->view();
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        const int row = m_page->model()->catalog().indexOf(name);
        ASSERT_GE(row, 0) << name.toStdString();
        const QModelIndex index = proxy->mapFromSource(m_page->model()->index(row, 0));
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        ASSERT_EQ(view->selectionModel()->selectedRows().size(), 1);
    }

    std::unique_ptr<LabelsPage> m_page;
};

} // namespace

TEST_F(LabelsPageTest, ApplyAllQueuesTheCreatesAndUpdates)
{
    const QList<LabelCatalogFix> fixes =
        m_page->model()->catalog().fixes(LabelCatalog::Deletes::Leave);
    // The demo repository lacks three policy labels and differs on three others.
    int creates = 0;
    int updates = 0;
    for (const LabelCatalogFix &fix : fixes) {
        creates += fix.action == LabelCatalogFix::Action::Create;
        updates += fix.action == LabelCatalogFix::Action::Update;
    }
    EXPECT_EQ(creates, 3);
    EXPECT_EQ(updates, 3);
    EXPECT_EQ(creates + updates, fixes.size());

    ASSERT_TRUE(m_page->applyAllButton()->isEnabled());
    QTest::mouseClick(m_page->applyAllButton(), Qt::LeftButton);
    const QList<OutboxEntry> pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), fixes.size());
    for (qsizetype i = 0; i < fixes.size(); ++i) {
        const LabelCatalogFix &fix = fixes[i];
        const OutboxEntry &entry = pending[i];
        if (fix.action == LabelCatalogFix::Action::Create) {
            EXPECT_EQ(entry.kind, OutboxKind::CreateLabel);
            EXPECT_EQ(entry.payload, QJsonObject({{"name", fix.label.name},
                                                  {"color", fix.label.color},
                                                  {"description", fix.label.description}}));
        } else {
            EXPECT_EQ(entry.kind, OutboxKind::UpdateLabel);
            QJsonObject fields{{"color", fix.label.color}, {"description", fix.label.description}};
            if (fix.label.name != fix.oldName)
                fields.insert("new_name", fix.label.name);
            EXPECT_EQ(entry.payload, QJsonObject({{"name", fix.oldName}, {"fields", fields}}));
        }
    }
    // The catalogue shows the result at once, marked pending; only the extra label is left.
    EXPECT_EQ(m_page->model()->catalog().problemCount(), 1);
    const int row = m_page->model()->catalog().indexOf(u"not-a-bug");
    EXPECT_TRUE(m_page->model()->index(row, 0).data(LabelCatalogModel::PendingRole).toBool());
    EXPECT_FALSE(m_page->applyAllButton()->isEnabled());

    // Sent: exactly one request per fix, and the repository matches the policy.
    m_server.clearRequestLog();
    m_outbox->start();
    ASSERT_TRUE(drain());
    const QList<HttpRequest> sent = writes();
    ASSERT_EQ(sent.size(), fixes.size());
    for (qsizetype i = 0; i < fixes.size(); ++i) {
        const bool create = fixes[i].action == LabelCatalogFix::Action::Create;
        EXPECT_EQ(sent[i].method, create ? "POST" : "PATCH");
        EXPECT_EQ(sent[i].path, repoPath(create ? QStringLiteral("/labels")
                                                : QStringLiteral("/labels/") + fixes[i].oldName));
    }
    QList<Issue> items = m_backend->dataset().issues;
    EXPECT_EQ(LabelCatalog(m_backend->dataset().labels, Policy::defaultPolicy(), items)
                  .fixes(LabelCatalog::Deletes::Leave)
                  .size(),
              0);
}

TEST_F(LabelsPageTest, DeletingAskedFirstAndCancelQueuesNothing)
{
    const LabelCatalogRow *extra = m_page->model()->catalog().row(u"event_sources");
    ASSERT_NE(extra, nullptr);
    ASSERT_TRUE(extra->has(LabelCatalogRow::Extra));
    const int usage = extra->usageCount();
    ASSERT_GT(usage, 0);

    select(QStringLiteral("event_sources"));
    ASSERT_TRUE(m_page->deleteButton()->isEnabled());
    QString shown;
    answerMessageBox(QStringLiteral("Cancel"), [&](QMessageBox *box) {
        shown = box->text() + QLatin1Char('\n') + box->informativeText();
    });
    QTest::mouseClick(m_page->deleteButton(), Qt::LeftButton);
    EXPECT_TRUE(m_answered);
    EXPECT_TRUE(shown.contains(QStringLiteral("event_sources")));
    EXPECT_TRUE(shown.contains(QString::number(usage))) << shown.toStdString();
    EXPECT_EQ(m_outbox->pendingCount(), 0);

    // "Apply selected" on the same row asks the same question.
    answerMessageBox(QStringLiteral("Cancel"));
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(m_answered);
    EXPECT_EQ(m_outbox->pendingCount(), 0);
    EXPECT_NE(m_page->model()->catalog().row(u"event_sources"), nullptr);
}

TEST_F(LabelsPageTest, ConfirmedDeleteIsQueuedShownAndSent)
{
    select(QStringLiteral("event_sources"));
    answerMessageBox(QStringLiteral("Delete"));
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    EXPECT_TRUE(m_answered);
    const QList<OutboxEntry> pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending[0].kind, OutboxKind::DeleteLabel);
    EXPECT_EQ(pending[0].payload, QJsonObject({{"name", "event_sources"}}));
    // The label list reflects it before it is sent.
    EXPECT_EQ(m_page->model()->catalog().row(u"event_sources"), nullptr);

    m_server.clearRequestLog();
    m_outbox->start();
    ASSERT_TRUE(drain());
    const QList<HttpRequest> sent = writes();
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "DELETE");
    EXPECT_EQ(sent[0].target, repoPath(QStringLiteral("/labels/event_sources")).toUtf8());
    for (const Label &label : m_backend->dataset().labels)
        EXPECT_NE(label.name, QStringLiteral("event_sources"));
}

TEST_F(LabelsPageTest, OnlyExtraLabelsCanBeDeleted)
{
    select(QStringLiteral("not-a-bug"));
    EXPECT_FALSE(m_page->deleteButton()->isEnabled());
    EXPECT_EQ(m_page->deleteSelected(), 0);
    // Its fix is an update, queued without a question.
    EXPECT_EQ(m_page->applySelected(), 1);
    ASSERT_EQ(m_outbox->pendingCount(), 1);
    EXPECT_EQ(m_outbox->pending()[0].kind, OutboxKind::UpdateLabel);
}
