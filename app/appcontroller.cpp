#include "appcontroller.h"

#include "apppalette.h"
#include "boardpage.h"
#include "boardview.h"
#include "deletedlabel.h"
#include "demoworkspace.h"
#include "githubclient.h"
#include "issuelistmodel.h"
#include "issuelistview.h"
#include "keychaintokenstore.h"
#include "mainwindow.h"
#include "outbox.h"
#include "outboxkind.h"
#include "outboxoverlay.h"
#include "policyloader.h"
#include "ratelimitmeter.h"
#include "settingsdialog.h"
#include "startuptrace.h"
#include "storeresponsecache.h"
#include "syncengine.h"
#include "tokencheck.h"
#include "tokenprovider.h"
#include "tokenstore.h"
#include "workspacestore.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

namespace Mainstay {

QString AppController::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

AppController::AppController(const CommandLineOptions &options, TokenStore *tokenStore,
                             QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_nam(new QNetworkAccessManager(this))
    , m_client(new GitHubClient(m_nam, this))
    , m_sync(new SyncEngine(m_client, this))
    , m_issues(new IssueListModel(this))
{
    if (tokenStore) {
        m_tokenStore = tokenStore;
    } else {
        m_ownTokenStore = std::make_unique<KeychainTokenStore>();
        m_tokenStore = m_ownTokenStore.get();
    }
    // With --data-dir everything, settings included, stays inside it: tests and demos never
    // touch the user's own configuration.
    m_dataDir = options.dataDir.isEmpty() ? defaultDataDir() : options.dataDir;
    QDir().mkpath(m_dataDir);
    QFile::setPermissions(m_dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (options.dataDir.isEmpty())
        m_settingsStore = std::make_unique<QSettings>();
    else
        m_settingsStore = std::make_unique<QSettings>(
            QDir(m_dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_settings = AppSettings::load(*m_settingsStore);
    m_policy = Policy::defaultPolicy();
    if (const QString path = policyPath(); !path.isEmpty())
        m_policy = PolicyLoader::loadOrDefault(path, &m_policyMessage);
    if (!options.palette.isEmpty())
        m_settings.palette = options.palette;
    AppPalette::apply(AppPalette::fromString(m_settings.palette));

    m_window = std::make_unique<MainWindow>(m_issues, m_settingsStore.get());
    MainWindow *window = m_window.get();

    connect(m_client, &GitHubClient::rateLimitChanged, window->rateLimitMeter(),
            &RateLimitMeter::setRateLimit);
    connect(m_client, &GitHubClient::waiting, window,
            [window](const QDateTime &, const QString &reason) { window->setSyncStatus(reason); });
    connect(m_sync, &SyncEngine::started, window, [window] { window->setSyncRunning(true); });
    connect(m_sync, &SyncEngine::progress, window, &MainWindow::setSyncProgress);
    connect(m_sync, &SyncEngine::issuesReceived, m_issues, &IssueListModel::upsert);
    connect(m_sync, &SyncEngine::finished, this, &AppController::onSyncFinished);

    connect(window, &MainWindow::syncRequested, this,
            [this] { startSync(m_workspace.isEmpty() ? m_demo->repository() : m_workspace); });
    connect(window, &MainWindow::cancelSyncRequested, m_sync, &SyncEngine::cancel);
    connect(window, &MainWindow::workspaceRequested, this, &AppController::openWorkspace);
    connect(window, &MainWindow::addWorkspaceRequested, this, &AppController::addWorkspace);
    connect(window, &MainWindow::settingsRequested, this, &AppController::editSettings);
    connect(window, &MainWindow::issueActivated, this, [](int, const QString &url) {
        if (!url.isEmpty())
            QDesktopServices::openUrl(QUrl(url));
    });

    connect(&m_syncTimer, &QTimer::timeout, window, &MainWindow::syncRequested);
    m_postWriteSync.setSingleShot(true);
    m_postWriteSync.setInterval(1500);
    connect(&m_postWriteSync, &QTimer::timeout, this, [this] {
        if (!m_sync->isRunning())
            startSync(m_workspace.isEmpty() ? m_demo->repository() : m_workspace);
        else
            m_postWriteSync.start();
    });
}

AppController::~AppController()
{
    m_sync->cancel();
    if (!m_options.screenshot.isEmpty())
        return; // a screenshot run leaves the user's saved state alone
    m_settings.save(*m_settingsStore);
}

QString AppController::policyPath() const
{
    const QDir dir(m_dataDir);
    for (const char *name : {"policy.yaml", "policy.yml", "policy.json"})
        if (dir.exists(QLatin1String(name)))
            return dir.filePath(QLatin1String(name));
    return {};
}

void AppController::start()
{
    QString workspace = m_options.repo;
    if (workspace.isEmpty() && !m_options.demo)
        workspace = m_settings.currentWorkspace;
    if (!m_options.apiUrl.isEmpty())
        m_settings.apiUrl = m_options.apiUrl;
    if (!workspace.isEmpty() && !m_settings.workspaces.contains(workspace))
        m_settings.workspaces.append(workspace);

    if (!m_options.view.isEmpty())
        m_window->showView(m_options.view);

    if (!m_policyMessage.isEmpty())
        m_window->showMessage(MessageBanner::Level::Warning,
                              tr("Problems in the policy file:\n%1").arg(m_policyMessage));

    if (!m_options.screenshot.isEmpty()) {
        m_window->resize(m_options.size);
        // Capture once the first sync is over, or after a deadline so a hung server cannot
        // keep the process alive.
        connect(this, &AppController::syncFinished, this, &AppController::takeScreenshot);
        m_screenshotDeadline.setSingleShot(true);
        connect(&m_screenshotDeadline, &QTimer::timeout, this, &AppController::takeScreenshot);
        m_screenshotDeadline.start(20'000);
    }
    // The cold-start figure: the first paint of the view the window opens on with items in it
    // (the board's first column, or the list).
    auto *board = qobject_cast<BoardPage *>(m_window->page(m_window->currentView()));
    if (BoardCardList *column = board ? board->boardView()->list(0) : nullptr)
        StartupTrace::watch(column->viewport(), column->model(), column->rootIndex());
    else
        StartupTrace::watch(m_window->issueListView()->treeView()->viewport(),
                            m_window->issueListView()->treeView()->model());
    m_window->show();
    openWorkspace(workspace);
}

void AppController::openWorkspace(const QString &workspace)
{
    m_sync->cancel();
    m_workspace = workspace;
    openStore(workspace);
    m_settings.currentWorkspace = workspace;
    if (workspace.isEmpty()) {
        if (!m_demo) {
            m_demo = std::make_unique<DemoWorkspace>();
            QString error;
            if (!m_demo->start(&error)) {
                m_window->showMessage(MessageBanner::Level::Error,
                                      tr("The demo workspace could not start: %1").arg(error));
                return;
            }
        }
        m_client->setApiUrl(m_demo->apiUrl());
        ++m_openGeneration;     // a pending token lookup for another workspace is now stale
        m_client->setToken({}); // the demo never sees the user's token
        m_issues->setClock(m_demo->clock());
        m_window->setWorkspaces(m_settings.workspaces, workspace, m_demo->repository());
        publishWorkspace();
        startSync(m_demo->repository());
        applySyncInterval();
        return;
    }

    m_client->setApiUrl(QUrl(m_settings.apiUrl));
    m_client->setToken({});
    m_issues->setClock(Clock::system());
    m_window->setWorkspaces(m_settings.workspaces, workspace,
                            m_demo ? m_demo->repository() : DemoWorkspace::defaultRepository());
    publishWorkspace();
    // The keychain answers asynchronously; a newer openWorkspace() makes this answer stale.
    const quint64 generation = ++m_openGeneration;
    auto *provider = new TokenProvider(m_tokenStore, this);
    connect(provider, &TokenProvider::found, this,
            [this, provider, generation, workspace](const TokenProvider::Result &token) {
                provider->deleteLater();
                if (generation != m_openGeneration)
                    return;
                m_tokenDescription = token.isFound() ? token.description : QString();
                m_client->setToken(token.token);
                if (!token.isFound())
                    m_window->showMessage(
                        MessageBanner::Level::Warning,
                        tr("No GitHub token found%1: Mainstay reads public data only, at 60 "
                           "requests an hour. Set GH_TOKEN, run `gh auth login`, or paste a "
                           "token in Settings.")
                            .arg(token.error.isEmpty() ? QString()
                                                       : tr(" (keychain: %1)").arg(token.error)));
                startSync(workspace);
            });
    provider->find(m_settings.tokenSource, TokenProvider::hostForApiUrl(QUrl(m_settings.apiUrl)));
    applySyncInterval();
}

void AppController::publishWorkspace()
{
    WorkspaceContext context;
    context.store = m_store.get();
    context.client = m_client;
    context.outbox = m_outbox.get();
    context.sync = m_sync;
    context.issues = m_issues;
    context.policy = &m_policy;
    context.clock = isDemo() && m_demo ? m_demo->clock() : Clock::system();
    context.settings = m_settingsStore.get();
    context.repository = isDemo()
                             ? (m_demo ? m_demo->repository() : DemoWorkspace::defaultRepository())
                             : m_workspace;
    context.webUrl =
        GitHubClient::webUrl(isDemo() ? QUrl() : QUrl(m_settings.apiUrl), context.repository);
    context.dataDir = m_dataDir;
    context.demo = isDemo();
    m_window->setWorkspace(context);
}

void AppController::openStore(const QString &workspace)
{
    m_window->clearWorkspace(); // the pages let go of the old store before it closes
    m_sync->setStore(nullptr);
    m_client->setResponseCache(nullptr);
    m_responseCache.reset();
    m_outbox.reset();
    m_store.reset();
    m_issues->clear();

    // The demo is generated anew at every start; its cache lives and dies with the process.
    QString dataDir = m_dataDir;
    QString repository = workspace;
    if (workspace.isEmpty()) {
        if (!m_demoDataDir)
            m_demoDataDir = std::make_unique<QTemporaryDir>();
        dataDir = m_demoDataDir->path();
        repository = DemoWorkspace::defaultRepository();
    }
    auto store = std::make_unique<WorkspaceStore>();
    const StoreOpenResult opened = store->open(dataDir, repository);
    if (!opened.ok) {
        m_window->showMessage(MessageBanner::Level::Error,
                              tr("The local cache of %1 could not be opened: %2. Mainstay works "
                                 "online only until this is fixed.")
                                  .arg(repository, opened.error));
        return;
    }
    if (!opened.notice.isEmpty())
        m_window->showMessage(MessageBanner::Level::Warning, opened.notice);
    m_fullSyncNext = opened.cacheReset;
    m_store = std::move(store);
    m_responseCache = std::make_unique<StoreResponseCache>(&m_store->cache());
    m_client->setResponseCache(m_responseCache.get());
    m_sync->setStore(m_store.get());
    m_issues->setRepositoryWebUrl(
        GitHubClient::webUrl(workspace.isEmpty() ? QUrl() : QUrl(m_settings.apiUrl), repository));
    m_sync->setReleaseWorkflow(m_policy.release.workflow);
    m_outbox = std::make_unique<Outbox>(&m_store->userData(), m_client, repository);
    connect(m_outbox.get(), &Outbox::pendingCountChanged, m_window.get(), [this](int count) {
        if (count > 0)
            m_window->setSyncStatus(
                tr("%n change(s) waiting to be sent to GitHub", nullptr, count));
    });
    connect(m_outbox.get(), &Outbox::entryFailed, this,
            [this](const OutboxEntry &entry, const QString &message, bool permanent) {
                if (!permanent)
                    return;
                m_window->showMessage(MessageBanner::Level::Error, message);
                refreshOverlay(OutboxOverlay::issueNumberOf(entry)); // undo the optimistic change
            });
    connect(m_outbox.get(), &Outbox::entryQueued, this, [this](const OutboxEntry &entry) {
        refreshOverlay(OutboxOverlay::issueNumberOf(entry));
        // A label deletion takes the label off every item carrying it.
        if (entry.kind == OutboxKind::DeleteLabel)
            for (const int number : DeletedLabel::itemsCarrying(
                     m_issues->issues(), entry.payload.value(QLatin1String("name")).toString()))
                refreshOverlay(number);
    });
    // GitHub does not mark the items a deleted label came off as updated, so no sync would
    // bring them back: the cache forgets the label itself.
    connect(m_outbox.get(), &Outbox::entrySent, this, [this](const OutboxEntry &entry) {
        if (entry.kind != OutboxKind::DeleteLabel || !m_store)
            return;
        bool ok = false;
        const QList<int> numbers = DeletedLabel::forget(
            m_store->cache(), entry.payload.value(QLatin1String("name")).toString(), &ok);
        if (!ok)
            m_window->showMessage(MessageBanner::Level::Warning,
                                  tr("The local cache could not drop the deleted label: %1")
                                      .arg(m_store->cache().lastError()));
        for (const int number : numbers)
            refreshOverlay(number);
    });
    // Once GitHub has a write, a quick incremental sync brings back the item as GitHub now has
    // it (a burst of writes collapses into one sync).
    connect(m_outbox.get(), &Outbox::entrySent, this, [this] { m_postWriteSync.start(); });
    // The last known state shows at once, offline too, with the writes still waiting applied;
    // the sync then brings it up to date.
    QElapsedTimer phase;
    phase.start();
    QList<Issue> cached = m_store->cache().loadIssues();
    const qint64 loaded = phase.restart();
    const QList<OutboxEntry> pending = m_outbox->pending();
    if (!pending.isEmpty()) // the usual case has nothing waiting: no copy of the list
        cached = OutboxOverlay::applyAll(cached, pending, m_store->cache().loadLabels());
    const qint64 overlaid = phase.restart();
    m_issues->setIssues(std::move(cached));
    if (StartupTrace::isEnabled())
        qInfo("mainstay: cache load %lld ms, overlay %lld ms, model and views %lld ms", loaded,
              overlaid, phase.elapsed());
    if (m_issues->rowCount() > 0)
        m_window->setSyncStatus(tr("%1 cached items").arg(m_issues->rowCount()));
}

void AppController::refreshOverlay(int number)
{
    if (!m_store || !m_outbox || number <= 0)
        return;
    if (const std::optional<Issue> base = m_store->cache().issue(number)) {
        Issue issue =
            OutboxOverlay::apply(*base, m_outbox->pending(), m_store->cache().loadLabels());
        issue.body.clear(); // the list keeps bodies out, like the cache load does
        m_issues->upsert({issue});
    }
}

void AppController::startOutbox()
{
    // Writes left from a previous session (or a crash) go out once the token is known.
    if (m_outbox)
        m_outbox->start();
}

void AppController::startSync(const QString &repository)
{
    startOutbox();
    // A cache rebuilt from scratch (it was unreadable) is filled by a full sync.
    m_sync->start(repository,
                  m_fullSyncNext ? SyncEngine::Mode::Full : SyncEngine::Mode::Incremental);
    m_fullSyncNext = false;
}

void AppController::applySyncInterval()
{
    if (m_settings.syncIntervalMinutes > 0 && m_options.screenshot.isEmpty())
        m_syncTimer.start(m_settings.syncIntervalMinutes * 60'000);
    else
        m_syncTimer.stop();
}

void AppController::onSyncFinished(const ApiError &error)
{
    m_window->setSyncRunning(false);
    if (error.kind == ApiError::Kind::Cancelled) {
        m_window->setSyncStatus(tr("Sync cancelled; the next one resumes where it stopped"));
        return;
    }
    if (error.isError()) {
        m_window->setSyncStatus(tr("Sync failed"));
        m_window->showMessage(MessageBanner::Level::Error, error.message());
    } else {
        m_window->setSyncStatus(
            tr("Synced %1 items · %2")
                .arg(m_issues->rowCount())
                .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        if (m_window->messageBanner()->level() == MessageBanner::Level::Error)
            m_window->messageBanner()->hide();
    }
    m_window->workspaceSynced(!error.isError());
    Q_EMIT syncFinished(!error.isError());
}

void AppController::addWorkspace()
{
    bool ok = false;
    const QString repo =
        QInputDialog::getText(m_window.get(), tr("Add workspace"), tr("Repository (owner/name):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || repo.isEmpty()) {
        m_window->setWorkspaces(m_settings.workspaces, m_workspace,
                                m_demo ? m_demo->repository() : DemoWorkspace::defaultRepository());
        return;
    }
    if (!isValidRepository(repo)) {
        m_window->showMessage(MessageBanner::Level::Error,
                              tr("“%1” is not a repository name; use owner/name, for example "
                                 "aws-powertools/powertools-lambda-python.")
                                  .arg(repo));
        m_window->setWorkspaces(m_settings.workspaces, m_workspace,
                                m_demo ? m_demo->repository() : DemoWorkspace::defaultRepository());
        return;
    }
    if (!m_settings.workspaces.contains(repo))
        m_settings.workspaces.append(repo);
    m_settings.save(*m_settingsStore);
    openWorkspace(repo);
}

void AppController::editSettings()
{
    const QString status = m_workspace.isEmpty() ? tr("The demo workspace needs no token.")
                           : m_tokenDescription.isEmpty()
                               ? tr("No token in use for this workspace.")
                               : tr("In use: a token from %1.").arg(m_tokenDescription);
    SettingsDialog dialog(m_settings, status, m_window.get());
    const QString host = TokenProvider::hostForApiUrl(QUrl(m_settings.apiUrl));
    connect(&dialog, &SettingsDialog::saveTokenRequested, this,
            [this, &dialog, host](const QString &token) {
                QPointer<SettingsDialog> guard(&dialog);
                m_tokenStore->write(host, token, [guard, this](const QString &error) {
                    if (guard)
                        guard->setTokenStatus(error.isEmpty()
                                                  ? tr("Saved in %1.").arg(m_tokenStore->name())
                                                  : tr("Could not save the token: %1").arg(error));
                });
            });
    connect(&dialog, &SettingsDialog::testTokenRequested, this,
            [this, &dialog](const QString &token) {
                // A separate client so that testing a pasted token does not disturb the running
                // sync.
                auto *client = new GitHubClient(m_nam, this);
                client->setApiUrl(m_workspace.isEmpty() ? m_demo->apiUrl()
                                                        : QUrl(dialog.settings().apiUrl));
                client->setToken(token.isEmpty() ? m_client->tokenForTesting() : token);
                auto *check = new TokenCheck(client, client);
                QPointer<SettingsDialog> guard(&dialog);
                connect(check, &TokenCheck::finished, this,
                        [guard, client](const TokenCheck::Result &result) {
                            if (guard)
                                guard->setTokenStatus(result.summary());
                            client->deleteLater();
                        });
                dialog.setTokenStatus(tr("Testing…"));
                check->start();
            });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const AppSettings updated = dialog.settings();
    const bool reconnect = updated.apiUrl != m_settings.apiUrl ||
                           updated.tokenSource != m_settings.tokenSource || dialog.tokenSaved();
    if (updated.palette != m_settings.palette)
        AppPalette::apply(AppPalette::fromString(updated.palette));
    m_settings = updated;
    m_settings.save(*m_settingsStore);
    applySyncInterval();
    if (reconnect && !m_workspace.isEmpty())
        openWorkspace(m_workspace);
}

void AppController::takeScreenshot()
{
    if (m_screenshotTaken)
        return;
    m_screenshotTaken = true;
    m_screenshotDeadline.stop();
    // Let pending layout and paint events settle before grabbing; MAINSTAY_SCREENSHOT_SETTLE_MS
    // waits longer (a page that fetches more after the sync, the release monitor's live run).
    bool ok = false;
    const int settle = qEnvironmentVariableIntValue("MAINSTAY_SCREENSHOT_SETTLE_MS", &ok);
    QTimer::singleShot(ok ? std::clamp(settle, 0, 120'000) : 150, this, [this] {
        const QPixmap pixmap = m_window->grab();
        if (pixmap.isNull() || !pixmap.save(m_options.screenshot, "PNG")) {
            qCritical("mainstay: could not write the screenshot to %s",
                      qPrintable(QDir::toNativeSeparators(m_options.screenshot)));
            m_exitCode = 1;
        }
        QApplication::exit(m_exitCode);
    });
}

} // namespace Mainstay
