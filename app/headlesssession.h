#pragma once

#include "apierror.h"
#include "appsettings.h"
#include "commandline.h"
#include "policy.h"

#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Mainstay {

class GitHubClient;
class Outbox;
class StoreResponseCache;
class SyncEngine;
class WorkspaceStore;

// What every headless verb needs: the workspace's store, a client with the token (environment,
// gh, keychain — as in the GUI), the saved settings and the policy, set up the same way for
// `sync`, `lint`, `notes` and `gantt`. Problems are printed on stderr as they are met.
class HeadlessSession
{
public:
    explicit HeadlessSession(const CommandLineOptions &options);
    ~HeadlessSession();

    // Opens the store (creating it when `mustExist` is false) and prints why when it cannot.
    bool openStore(bool mustExist = false);
    // Sets up the client (API URL from --api-url or the settings, the response cache when the
    // store is open) and looks the token up; prints a note when there is none.
    void connectClient();
    // Runs an incremental (or full) sync to the end; prints progress on a terminal. Returns the
    // error, if any, after printing it.
    ApiError sync(bool full = false);
    // The workspace's outbox (needs openStore() and connectClient()); created on first use.
    Outbox *outbox();
    // Sends every queued outbox entry and waits until none is left; returns the number that
    // failed (each printed).
    int flushOutbox();

    const CommandLineOptions &options() const { return m_options; }
    QString dataDir() const { return m_dataDir; }
    const AppSettings &settings() const { return m_settings; }
    const Policy &policy() const { return m_policy; }
    QUrl apiUrl() const;
    QString webUrl() const; // https://github.com/OWNER/REPO or the GHES equivalent
    WorkspaceStore *store() const { return m_store.get(); }
    GitHubClient *client() const { return m_client.get(); }
    bool hasToken() const { return m_hasToken; }
    // The one-line summary of the last successful sync().
    QString lastSyncSummary() const { return m_lastSummary; }

    // Waits in a local event loop until `done` returns true (checked after every event).
    static void waitUntil(const std::function<bool()> &done);
    static void printErr(const QString &text);
    static void printOut(const QString &text);

private:
    CommandLineOptions m_options;
    QString m_dataDir;
    AppSettings m_settings;
    Policy m_policy;
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<GitHubClient> m_client;
    std::unique_ptr<StoreResponseCache> m_cache;
    std::unique_ptr<Outbox> m_outbox;
    bool m_hasToken = false;
    QString m_lastSummary;
};

} // namespace Mainstay
