#pragma once

#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "manualscheduler.h"
#include "outbox.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace Mainstay::OutboxTest {

inline const QDateTime Now = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);

// A loopback GitHub holding the demo repository (DemoGitHubBackend), a workspace store in a
// temporary folder, and the real client and outbox between them, all waiting on a
// ManualScheduler. The handler may be wrapped by a test (slow answers, injected faults).
class OutboxFixture : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    // (Re)creates the outbox over the store, as a fresh start of the app would.
    void makeOutbox();
    // Pumps network events and moves manual time by `stepMs` per round until `done`.
    bool runUntil(const std::function<bool()> &done, qint64 stepMs = 100);
    // Until nothing is pending or in flight.
    bool drain();
    // The requests that changed something (anything but GET), in arrival order.
    QList<HttpRequest> writes() const;
    QList<HttpRequest> requests() const { return m_server.requestLog(); }
    // An open issue of the demo dataset without the label `without`.
    Issue openIssue(const QString &without = QString()) const;
    // The issue as the server has it now.
    Issue serverIssue(int number) const;
    // Comments on the server whose body contains `text`.
    int commentsContaining(const QString &text) const;
    QString repoPath(const QString &rest) const
    {
        return QStringLiteral("/repos/") + m_repository + rest;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock{Now};
    ManualClock m_serverClock{Now}; // the server thread's; never moved, so never raced
    ManualScheduler m_scheduler{&m_clock};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    using Wrap =
        std::function<HttpResponse(const HttpRequest &, const std::function<HttpResponse()> &)>;
    // Consulted before the backend (on the server thread); may answer instead of it or change
    // its answer (slow it down, say).
    void setWrap(Wrap wrap);

    QMutex m_wrapMutex;
    Wrap m_wrap;
    LoopbackHttpServer m_server;
    QString m_repository;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
};

} // namespace Mainstay::OutboxTest
