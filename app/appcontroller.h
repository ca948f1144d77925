#pragma once

#include "appsettings.h"
#include "commandline.h"
#include "policy.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;
class QSettings;
class QTemporaryDir;

namespace Mainstay {

struct ApiError;
class DemoWorkspace;
class GitHubClient;
class IssueListModel;
class MainWindow;
class Outbox;
class StoreResponseCache;
class SyncEngine;
class TokenStore;
class WorkspaceStore;

// Wires the layers together for the GUI: client, sync, models, main window, the demo backend,
// settings and the screenshot mode. Holds no business rules of its own.
class AppController : public QObject
{
    Q_OBJECT
public:
    // `tokenStore` replaces the system keychain (tests); not owned.
    explicit AppController(const CommandLineOptions &options, TokenStore *tokenStore = nullptr,
                           QObject *parent = nullptr);
    ~AppController() override;

    // Shows the window and starts the first sync. In screenshot mode, the application quits on
    // its own once the PNG is written; exitCode() says how it went.
    void start();
    int exitCode() const { return m_exitCode; }

    MainWindow *mainWindow() const { return m_window.get(); }
    IssueListModel *issueModel() const { return m_issues; }
    SyncEngine *syncEngine() const { return m_sync; }
    WorkspaceStore *store() const { return m_store.get(); }
    Outbox *outbox() const { return m_outbox.get(); }
    GitHubClient *client() const { return m_client; }
    QString currentWorkspace() const { return m_workspace; }
    bool isDemo() const { return m_workspace.isEmpty(); }
    QString dataDir() const { return m_dataDir; }
    // The workspace conventions: <data-dir>/policy.yaml (or .json) when present and valid, the
    // built-in default otherwise.
    const Policy &policy() const { return m_policy; }
    QString policyPath() const;

    static QString defaultDataDir();

Q_SIGNALS:
    // After every sync, successful or not.
    void syncFinished(bool ok);

private:
    void openWorkspace(const QString &workspace);
    void openStore(const QString &workspace);
    void publishWorkspace();
    void startSync(const QString &repository);
    void startOutbox();
    void refreshOverlay(int number);
    void addWorkspace();
    void editSettings();
    void onSyncFinished(const ApiError &error);
    void takeScreenshot();
    void applySyncInterval();

    CommandLineOptions m_options;
    QString m_dataDir;
    std::unique_ptr<QSettings> m_settingsStore;
    AppSettings m_settings;
    Policy m_policy;
    QString m_policyMessage;
    QNetworkAccessManager *m_nam;
    GitHubClient *m_client;
    SyncEngine *m_sync;
    IssueListModel *m_issues;
    std::unique_ptr<DemoWorkspace> m_demo;
    std::unique_ptr<QTemporaryDir> m_demoDataDir;
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<StoreResponseCache> m_responseCache;
    std::unique_ptr<Outbox> m_outbox; // writes of the open workspace; before m_store goes
    std::unique_ptr<MainWindow> m_window;
    QString m_workspace; // empty: demo
    TokenStore *m_tokenStore = nullptr;
    std::unique_ptr<TokenStore> m_ownTokenStore;
    QString m_tokenDescription; // where the token in use came from; never the token itself
    quint64 m_openGeneration = 0;
    bool m_fullSyncNext = false;
    QTimer m_syncTimer;
    QTimer m_postWriteSync;
    QTimer m_screenshotDeadline;
    bool m_screenshotTaken = false;
    int m_exitCode = 0;
};

} // namespace Mainstay
