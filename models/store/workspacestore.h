#pragma once

#include "cachedatabase.h"
#include "storeopenresult.h"
#include "userdatadatabase.h"

#include "clock.h"

#include <QString>

namespace Mainstay {

// The local store of one workspace (one GitHub repository): the folder
// <dataDir>/workspaces/<owner>/<repo>/ (mode 0700, lower-cased names) with
//   cache.sqlite     everything synced from GitHub (CacheDatabase): rebuildable
//   userdata.sqlite  drafts and the outbox (UserDataDatabase): never dropped with the cache
// Both files are in WAL mode with mode 0600, carry a schema version and are upgraded forward at
// open.
//
// open() checks both files: an unreadable cache (not SQLite, damaged, truncated, empty, another
// schema, a newer format) is renamed to cache.sqlite.corrupt-<timestamp>, a fresh one created and
// a notice returned (cacheReset: run a full sync). An unreadable user data file is also renamed,
// never deleted, with a loud notice (userDataReset); a user data file from a newer app version is
// refused instead (open fails), so downgrading never hides drafts.
//
// Threading: a WorkspaceStore and both databases belong to the thread that opened them (the GUI
// thread; the sync engine runs there). Background loading goes through
// CacheDatabase::loadIssuesFromFile(cacheFilePath()), which opens its own connection. Several
// WorkspaceStore objects may be open at once, in one or several processes: every object uses
// connections of its own, removed in its destructor.
class WorkspaceStore
{
public:
    explicit WorkspaceStore(const Clock *clock = Clock::system());
    ~WorkspaceStore();
    WorkspaceStore(const WorkspaceStore &) = delete;
    WorkspaceStore &operator=(const WorkspaceStore &) = delete;

    // `repository` is "owner/name". Closes whatever was open before.
    StoreOpenResult open(const QString &dataDir, const QString &repository);
    void close();
    bool isOpen() const;

    // The databases; only meaningful while open.
    CacheDatabase &cache() { return m_cache; }
    const CacheDatabase &cache() const { return m_cache; }
    UserDataDatabase &userData() { return m_userData; }
    const UserDataDatabase &userData() const { return m_userData; }

    QString repository() const { return m_repository; }
    QString workspaceDir() const { return m_workspaceDir; }
    QString cacheFilePath() const;
    QString userDataFilePath() const;

    // Empties the cache for a rebuild from scratch; drafts and outbox are untouched.
    bool clearCache() { return m_cache.clear(); }

    // "owner/name" with GitHub's allowed characters (letters, digits, '-', '_', '.'; not "." or
    // ".."), so it can never name a path outside the data directory.
    static bool isValidRepository(const QString &repository);
    // <dataDir>/workspaces/<owner>/<name>, lower-cased (GitHub names are case-insensitive);
    // empty for an invalid repository.
    static QString workspacePath(const QString &dataDir, const QString &repository);

private:
    const Clock *m_clock;
    QString m_repository;
    QString m_workspaceDir;
    CacheDatabase m_cache;
    UserDataDatabase m_userData;
};

} // namespace Mainstay
