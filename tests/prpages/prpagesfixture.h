#pragma once

#include "issuelistmodel.h"
#include "outboxtestfixture.h"
#include "policy.h"
#include "workspacecontext.h"

#include <QApplication>
#include <QJsonArray>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace Mainstay::PagesTest {

// The outbox fixture (a loopback GitHub with the demo repository, a store, the real client and
// outbox) with the cache filled from the server's data, as after a sync, and a WorkspaceContext
// for a page. The outbox is not started: entries stay queued until a test sends them.
class PagesFixture : public OutboxTest::OutboxFixture
{
protected:
    void SetUp() override
    {
        OutboxFixture::SetUp();
        if (HasFatalFailure())
            return;
        const DemoDataset &d = m_backend->dataset();
        QList<Issue> items = d.issues;
        for (const PullRequest &pull : d.pullRequests) {
            Issue item = pull;
            item.isPullRequest = true;
            items.append(item);
        }
        CacheDatabase &cache = m_store->cache();
        ASSERT_TRUE(cache.upsertIssues(items));
        ASSERT_TRUE(cache.upsertPullRequestDetails(d.pullRequests));
        ASSERT_TRUE(cache.replaceLabels(d.labels));
        ASSERT_TRUE(cache.replaceReleases(d.releases));
        m_issues.setIssues(cache.loadIssues());
        m_context.store = m_store.get();
        m_context.client = &m_client;
        m_context.outbox = m_outbox.get();
        m_context.issues = &m_issues;
        m_context.policy = &Policy::defaultPolicy();
        m_context.clock = &m_clock;
        m_context.repository = m_repository;
        m_context.webUrl = QUrl(QStringLiteral("https://github.com/") + m_repository);
    }

    // Answers the next modal message box with the button whose text starts with `prefix`
    // (after checking it with `inspect`), from inside its exec().
    void answerMessageBox(const QString &prefix, std::function<void(QMessageBox *)> inspect = {})
    {
        m_answered = false;
        QTimer::singleShot(0, qApp, [this, prefix, inspect] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            ASSERT_NE(box, nullptr) << "no message box is open";
            if (inspect)
                inspect(box);
            for (QAbstractButton *button : box->buttons())
                if (button->text().remove(QLatin1Char('&')).startsWith(prefix)) {
                    m_answered = true;
                    button->click();
                    return;
                }
            ADD_FAILURE() << "no button " << prefix.toStdString();
            box->reject();
        });
    }

    IssueListModel m_issues;
    WorkspaceContext m_context;
    bool m_answered = false;
};

inline QStringList strings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

} // namespace Mainstay::PagesTest
