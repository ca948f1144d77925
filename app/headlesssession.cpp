#include "headlesssession.h"

#include "appcontroller.h"
#include "githubclient.h"
#include "keychaintokenstore.h"
#include "outbox.h"
#include "policyloader.h"
#include "storeresponsecache.h"
#include "syncengine.h"
#include "tokenprovider.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cstdio>
#include <unistd.h>

namespace Mainstay {

void HeadlessSession::printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

void HeadlessSession::printOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void HeadlessSession::waitUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

HeadlessSession::HeadlessSession(const CommandLineOptions &options)
    : m_options(options)
    , m_dataDir(options.dataDir.isEmpty() ? AppController::defaultDataDir() : options.dataDir)
{
    // The settings the GUI saved (API URL, token source), read the same way the GUI reads them.
    if (options.dataDir.isEmpty())
        m_settings = AppSettings::load(QSettings());
    else
        m_settings = AppSettings::load(QSettings(
            QDir(m_dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    QString policyFile;
    for (const char *name : {"policy.yaml", "policy.yml", "policy.json"})
        if (QFileInfo::exists(QDir(m_dataDir).filePath(QLatin1String(name)))) {
            policyFile = QDir(m_dataDir).filePath(QLatin1String(name));
            break;
        }
    QString policyMessage;
    m_policy = PolicyLoader::loadOrDefault(policyFile, &policyMessage);
    if (!policyMessage.isEmpty())
        printErr(QStringLiteral("mainstay: %1\n").arg(policyMessage));
}

HeadlessSession::~HeadlessSession()
{
    m_outbox.reset(); // before the store it writes to
    if (m_client)
        m_client->setResponseCache(nullptr);
}

QUrl HeadlessSession::apiUrl() const
{
    return QUrl(m_options.apiUrl.isEmpty() ? m_settings.apiUrl : m_options.apiUrl);
}

QString HeadlessSession::webUrl() const
{
    return GitHubClient::webUrl(apiUrl(), m_options.repo);
}

bool HeadlessSession::openStore(bool mustExist)
{
    if (mustExist && !QFileInfo::exists(WorkspaceStore::workspacePath(m_dataDir, m_options.repo))) {
        printErr(QStringLiteral("mainstay: nothing is cached for %1 in %2; run `mainstay sync %1` "
                                "first\n")
                     .arg(m_options.repo, QDir::toNativeSeparators(m_dataDir)));
        return false;
    }
    auto store = std::make_unique<WorkspaceStore>();
    const StoreOpenResult opened = store->open(m_dataDir, m_options.repo);
    if (!opened.ok) {
        printErr(QStringLiteral("mainstay: cannot open the local cache of %1: %2\n")
                     .arg(m_options.repo, opened.error));
        return false;
    }
    if (!opened.notice.isEmpty())
        printErr(QStringLiteral("mainstay: %1\n").arg(opened.notice));
    m_store = std::move(store);
    if (m_client) {
        m_cache = std::make_unique<StoreResponseCache>(&m_store->cache());
        m_client->setResponseCache(m_cache.get());
    }
    return true;
}

void HeadlessSession::connectClient()
{
    if (m_client)
        return;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<GitHubClient>(m_nam.get());
    m_client->setApiUrl(apiUrl());
    if (m_store) {
        m_cache = std::make_unique<StoreResponseCache>(&m_store->cache());
        m_client->setResponseCache(m_cache.get());
    }
    QObject::connect(m_client.get(), &GitHubClient::waiting,
                     [](const QDateTime &, const QString &reason) { printErr(reason + '\n'); });

    // The token: environment, gh, then the keychain, as in the GUI. The environment and gh
    // answer at once, the keychain later.
    KeychainTokenStore keychain;
    TokenProvider provider(&keychain);
    TokenProvider::Result token;
    bool known = false;
    QObject::connect(&provider, &TokenProvider::found, [&](const TokenProvider::Result &result) {
        token = result;
        known = true;
    });
    provider.find(m_settings.tokenSource, TokenProvider::hostForApiUrl(apiUrl()));
    waitUntil([&] { return known; });
    m_client->setToken(token.token);
    m_hasToken = token.isFound();
    if (!m_hasToken)
        printErr(QStringLiteral("mainstay: no token found (GH_TOKEN, GITHUB_TOKEN, gh, keychain); "
                                "reading public data only.\n"));
}

ApiError HeadlessSession::sync(bool full)
{
    connectClient();
    SyncEngine engine(m_client.get());
    engine.setStore(m_store.get());
    engine.setReleaseWorkflow(m_policy.release.workflow);
    const bool tty = isatty(fileno(stderr));
    QObject::connect(&engine, &SyncEngine::progress, [tty](int done, int total) {
        if (tty)
            printErr(QStringLiteral("\rSyncing… page %1 of ~%2   ").arg(done).arg(total));
    });
    ApiError result;
    bool finished = false;
    QObject::connect(&engine, &SyncEngine::finished, [&](const ApiError &error) {
        result = error;
        finished = true;
    });
    engine.start(m_options.repo, full ? SyncEngine::Mode::Full : SyncEngine::Mode::Incremental);
    waitUntil([&] { return finished; });
    if (tty)
        printErr(QStringLiteral("\r%1\r").arg(QString(40, QLatin1Char(' '))));
    if (result.isError())
        printErr(QStringLiteral("mainstay: sync of %1 failed: %2\n")
                     .arg(m_options.repo, result.message()));
    else
        m_lastSummary = engine.summary().toString();
    return result;
}

Outbox *HeadlessSession::outbox()
{
    if (!m_outbox && m_store) {
        connectClient();
        m_outbox = std::make_unique<Outbox>(&m_store->userData(), m_client.get(), m_options.repo);
    }
    return m_outbox.get();
}

int HeadlessSession::flushOutbox()
{
    Outbox *box = outbox();
    if (!box)
        return 0;
    int failed = 0;
    bool stalled = false;
    QObject::connect(box, &Outbox::entryFailed,
                     [&](const OutboxEntry &, const QString &message, bool permanent) {
                         printErr(QStringLiteral("mainstay: %1\n").arg(message));
                         if (permanent)
                             ++failed;
                         else
                             stalled = true; // a headless run does not wait out backoffs
                     });
    box->start();
    waitUntil([&] { return stalled || box->pending().isEmpty(); });
    if (stalled) {
        const int left = int(box->pending().size());
        printErr(QStringLiteral("mainstay: %1 change(s) left queued; they go out with the next "
                                "sync or lint --sync\n")
                     .arg(left));
        failed += left;
    }
    return failed;
}

} // namespace Mainstay
