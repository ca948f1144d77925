#pragma once

#include "schemamigration.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

namespace Mainstay {

// The schema of one kind of database file (the cache, the user data): its forward migrations
// from an empty file (version 0) to the latest version this build knows, and a fingerprint of
// what the latest schema looks like, against which an opened file is checked so a SQLite file
// of some other schema is recognised as "not ours". Thread-safe: the definitions are immutable
// and the fingerprint is computed once under a lock.
class Schema
{
public:
    Schema(QString name, QList<SchemaMigration> migrations);

    // "cache", "user data": for messages.
    const QString &name() const { return m_name; }
    int latestVersion() const;
    const QList<SchemaMigration> &migrations() const { return m_migrations; }

    // PRAGMA user_version; -1 (with `error` set) when it cannot be read.
    static int userVersion(const QSqlDatabase &database, QString *error);
    // Applies the steps after the file's version, each in its own transaction. The file must not
    // be newer than latestVersion().
    bool migrate(const QSqlDatabase &database, QString *error) const;
    // The same, stopping at `version`.
    bool migrate(const QSqlDatabase &database, int version, QString *error) const;
    // Tables (with their columns, types, NOT NULL and key flags) and index names of a database,
    // as one comparable text; SQLite's internal tables are left out.
    static QString fingerprint(const QSqlDatabase &database, QString *error);
    // The fingerprint of a database created by the migrations up to `version` (the latest by
    // default), built once in memory. Checked before an upgrade too, so that a file of some other
    // schema is never modified by our migrations.
    QString expectedFingerprint(int version = -1) const;

private:
    QString m_name;
    QList<SchemaMigration> m_migrations;
    mutable QMutex m_mutex;
    mutable QHash<int, QString> m_expectedFingerprints;
};

} // namespace Mainstay
