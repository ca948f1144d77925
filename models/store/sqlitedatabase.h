#pragma once

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcMainstayStore)

namespace Mainstay {

class ScopedConnection;

// The long-lived connection to one of the workspace's database files, and the write-transaction
// bookkeeping shared by CacheDatabase and UserDataDatabase.
//
// Threading: an object and its connection belong to the thread that opened it; QtSql
// connections cannot be shared between threads. Other threads open their own connection (see
// CacheDatabase::loadIssuesFromFile). WAL mode lets such readers run while this one writes.
//
// Transactions: every public write method is atomic on its own (one BEGIN IMMEDIATE ... COMMIT).
// Inside a StoreTransaction the methods join the open transaction instead; if any of them fails,
// the whole transaction is rolled back at its end (the failure "poisons" it), so a watermark
// written alongside can never outlive the data it describes.
class SqliteDatabase
{
public:
    enum class Durability
    {
        Normal, // PRAGMA synchronous=NORMAL: a crash of the app loses nothing committed, a power
                // cut may lose the last transactions (fine for a rebuildable cache)
        Full,   // PRAGMA synchronous=FULL: every commit is on disk before it returns
    };

    virtual ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    bool isOpen() const;
    QString filePath() const;
    // The error of the last failed call, for logs and messages (never contains bound values).
    QString lastError() const { return m_lastError; }
    bool inTransaction() const { return m_depth > 0; }
    // True once SQLite reported the file damaged ("database disk image is malformed", "file is
    // not a database") on this connection: the caller should rebuild (see
    // WorkspaceStore::rebuildCache()). Stays true until the connection is reopened.
    bool isCorrupt() const { return m_corrupt; }
    // PRAGMA journal_mode ("wal" once open), for diagnostics and tests.
    QString journalMode() const;
    int schemaVersion() const;
    // The value of a read-only PRAGMA on this connection (e.g. "synchronous"); `name` must be a
    // plain identifier.
    QVariant pragma(const QString &name) const;
    // Closes the connection (rolling back an open transaction).
    void close();

protected:
    SqliteDatabase();

    // Opens the file (which must exist and be at the latest schema version: see DatabaseFile).
    bool openFile(const QString &path, Durability durability, QString *error);
    // Opens the file for reading only, from any thread (the object then belongs to that thread).
    bool openFileForReading(const QString &path, QString *error);
    const QSqlDatabase &database() const;

    // A write scope: beginWrite() then endWrite(ok) around every write method. Nested scopes (a
    // write method inside a StoreTransaction) join the outermost transaction.
    bool beginWrite();
    bool endWrite(bool ok);
    // Records an error (and logs it) and returns false.
    bool fail(const QString &error) const;

private:
    friend class StoreTransaction;

    std::unique_ptr<ScopedConnection> m_connection;
    int m_depth = 0;
    bool m_poisoned = false;
    mutable QString m_lastError;
    mutable bool m_corrupt = false;
};

} // namespace Mainstay
