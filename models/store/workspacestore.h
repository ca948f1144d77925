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
// open() checks both files: an unreadable cache (not SQLite, truncated, empty, another schema, a
// newer format; damaged pages too with CacheCheck::Full) is renamed to
// cache.sqlite.corrupt-<timestamp>, a fresh one created and a notice returned (cacheReset: run a
// full sync). Damage found later (verifyCacheFile(), cache().isCorrupt()) goes through
// rebuildCache(), with the same result. An unreadable user data file is also renamed,
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

    enum class CacheCheck
    {
        // At open, check the cache's structure only (header, length, schema, version: a few
        // milliseconds at any size), then run verifyCacheFile() in the background. The user data
        // file is small and always fully checked.
        Structure,
        // Also read every page of the cache at open (PRAGMA quick_check): about 100 ms for a 100k
        // item cache with a warm page cache, and a full read of the file on a cold one.
        Full,
    };

    // `repository` is "owner/name". Closes whatever was open before.
    StoreOpenResult open(const QString &dataDir, const QString &repository,
                         CacheCheck cacheCheck = CacheCheck::Structure);
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
    // Replaces a damaged cache while the store is open: closes the cache connection, moves the
    // file aside as open() would, creates a fresh one and reopens it. For when
    // verifyCacheFile() reports a problem, or cache().isCorrupt() turns true during use; the
    // result says so in the same words as open() (cacheReset, notice, movedAside).
    StoreOpenResult rebuildCache(const QString &reason);
    // PRAGMA quick_check of a cache file through a connection of its own: an empty string when
    // sound, else what is wrong. Any thread; it reads the whole file, so run it in the background
    // after open() and call rebuildCache() (on the store's thread) when it finds damage.
    static QString verifyCacheFile(const QString &cacheFile);

    // "owner/name" with GitHub's allowed characters (letters, digits, '-', '_', '.'; not "." or
    // ".."), so it can never name a path outside the data directory.
    static bool isValidRepository(const QString &repository);
    // <dataDir>/workspaces/<owner>/<name>, lower-cased (GitHub names are case-insensitive);
    // empty for an invalid repository.
    static QString workspacePath(const QString &dataDir, const QString &repository);

private:
    QString cacheResetNotice(const QString &problem, const QString &movedTo) const;

    const Clock *m_clock;
    QString m_repository;
    QString m_workspaceDir;
    CacheDatabase m_cache;
    UserDataDatabase m_userData;
};

} // namespace Mainstay
