#include "workspacestore.h"

#include "cacheschema.h"
#include "databasefile.h"
#include "userdataschema.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace Mainstay {

namespace {

const QLatin1StringView cacheFileName("cache.sqlite");
const QLatin1StringView userDataFileName("userdata.sqlite");

bool makePrivateDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner);
}

} // namespace

WorkspaceStore::WorkspaceStore(const Clock *clock)
    : m_clock(clock ? clock : Clock::system())
    , m_cache(m_clock)
    , m_userData(m_clock)
{}

WorkspaceStore::~WorkspaceStore() = default;

bool WorkspaceStore::isValidRepository(const QString &repository)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$"));
    if (!pattern.match(repository).hasMatch())
        return false;
    for (QStringView part : QStringView(repository).split(u'/'))
        if (part == u"." || part == u"..")
            return false;
    return true;
}

QString WorkspaceStore::workspacePath(const QString &dataDir, const QString &repository)
{
    if (!isValidRepository(repository))
        return {};
    return QDir(dataDir).filePath(QStringLiteral("workspaces/") + repository.toLower());
}

QString WorkspaceStore::cacheFilePath() const
{
    return m_workspaceDir.isEmpty() ? QString() : QDir(m_workspaceDir).filePath(cacheFileName);
}

QString WorkspaceStore::userDataFilePath() const
{
    return m_workspaceDir.isEmpty() ? QString() : QDir(m_workspaceDir).filePath(userDataFileName);
}

bool WorkspaceStore::isOpen() const
{
    return m_cache.isOpen() && m_userData.isOpen();
}

void WorkspaceStore::close()
{
    m_cache.close();
    m_userData.close();
    m_repository.clear();
    m_workspaceDir.clear();
}

QString WorkspaceStore::verifyCacheFile(const QString &cacheFile)
{
    return DatabaseFile::verify(cacheFile);
}

QString WorkspaceStore::cacheResetNotice(const QString &problem, const QString &movedTo) const
{
    return QStringLiteral("The local cache %1 could not be read: %2. It was moved to %3 and a "
                          "fresh cache was created; a full sync will rebuild it. Drafts and the "
                          "outbox are not affected.")
        .arg(cacheFilePath(), problem, movedTo);
}

StoreOpenResult WorkspaceStore::rebuildCache(const QString &reason)
{
    StoreOpenResult result;
    if (!isOpen()) {
        result.error = QStringLiteral("The store is not open");
        return result;
    }
    m_cache.close();
    QString movedTo;
    QString error;
    if (!DatabaseFile::replace(cacheFilePath(), cacheSchema(), m_clock->now(), &movedTo, &error) ||
        !m_cache.open(cacheFilePath(), &error)) {
        result.error = QStringLiteral("Cannot rebuild %1: %2").arg(cacheFilePath(), error);
        return result;
    }
    DatabaseFile::restrictPermissions(cacheFilePath());
    result.ok = true;
    result.cacheReset = true;
    result.movedAside << movedTo;
    result.notice = cacheResetNotice(reason, movedTo);
    return result;
}

StoreOpenResult WorkspaceStore::open(const QString &dataDir, const QString &repository,
                                     CacheCheck cacheCheck)
{
    close();
    StoreOpenResult result;
    if (!isValidRepository(repository)) {
        result.error = QStringLiteral("\"%1\" is not a repository name of the form OWNER/NAME")
                           .arg(repository);
        return result;
    }
    const QString dir = workspacePath(dataDir, repository);
    // Every folder the store creates is private; the data directory itself is the user's.
    const QDir data(dataDir);
    const QString workspaces = data.filePath(QStringLiteral("workspaces"));
    const QString owner = QDir(workspaces).filePath(repository.section(u'/', 0, 0).toLower());
    if (!makePrivateDir(workspaces) || !makePrivateDir(owner) || !makePrivateDir(dir)) {
        result.error = QStringLiteral("Cannot create the folder %1").arg(dir);
        return result;
    }
    m_repository = repository;
    m_workspaceDir = dir;
    const QDateTime now = m_clock->now();

    // User data first: if it cannot be opened there is no point touching the cache.
    const DatabaseFile::Result userData =
        DatabaseFile::prepare(userDataFilePath(), userDataSchema(), now, false);
    QStringList notices;
    switch (userData.outcome) {
    case DatabaseFile::Outcome::Ready:
    case DatabaseFile::Outcome::Created:
        break;
    case DatabaseFile::Outcome::Recreated:
        result.userDataReset = true;
        result.movedAside << userData.movedTo;
        notices << QStringLiteral(
                       "Your drafts and outbox file %1 could not be read: %2. It was moved to %3 "
                       "(nothing was deleted) and a new, empty one was created. Unsent changes "
                       "and drafts in the old file are not available until it is repaired.")
                       .arg(userDataFilePath(), userData.problem, userData.movedTo);
        break;
    case DatabaseFile::Outcome::TooNew:
    case DatabaseFile::Outcome::Failed:
        result.error =
            QStringLiteral("Cannot open %1: %2").arg(userDataFilePath(), userData.problem);
        close();
        return result;
    }

    const DatabaseFile::Result cache =
        DatabaseFile::prepare(cacheFilePath(), cacheSchema(), now, true,
                              cacheCheck == CacheCheck::Full ? DatabaseFile::Check::Full
                                                             : DatabaseFile::Check::Structure);
    switch (cache.outcome) {
    case DatabaseFile::Outcome::Ready:
    case DatabaseFile::Outcome::Created:
        break;
    case DatabaseFile::Outcome::Recreated:
    case DatabaseFile::Outcome::TooNew: // not reached: a newer cache is replaced
        result.cacheReset = true;
        result.movedAside << cache.movedTo;
        notices << cacheResetNotice(cache.problem, cache.movedTo);
        break;
    case DatabaseFile::Outcome::Failed:
        result.error = QStringLiteral("Cannot open %1: %2").arg(cacheFilePath(), cache.problem);
        close();
        return result;
    }

    QString error;
    if (!m_userData.open(userDataFilePath(), &error)) {
        result.error = QStringLiteral("Cannot open %1: %2").arg(userDataFilePath(), error);
        close();
        return result;
    }
    if (!m_cache.open(cacheFilePath(), &error)) {
        result.error = QStringLiteral("Cannot open %1: %2").arg(cacheFilePath(), error);
        close();
        return result;
    }
    // The WAL and shared-memory files now exist; they hold the same data as the files.
    DatabaseFile::restrictPermissions(userDataFilePath());
    DatabaseFile::restrictPermissions(cacheFilePath());
    result.ok = true;
    result.notice = notices.join(QLatin1Char('\n'));
    return result;
}

} // namespace Mainstay
