#include "databasefile.h"

#include "scopedconnection.h"
#include "sqlvalues.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QtEndian>

namespace Mainstay {

namespace {

constexpr QFileDevice::Permissions ownerReadWrite =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner;

const QLatin1StringView walSuffix("-wal");
const QLatin1StringView shmSuffix("-shm");
const QLatin1StringView journalSuffix("-journal");

void removeWithCompanions(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + walSuffix);
    QFile::remove(path + shmSuffix);
    QFile::remove(path + journalSuffix);
}

} // namespace

DatabaseFile::Result DatabaseFile::prepare(const QString &path, const Schema &schema,
                                           const QDateTime &now, bool replaceTooNew, Check check)
{
    Result result;
    // Left over by a crash in the middle of create(): never used by anything.
    removeWithCompanions(path + QLatin1String(".new"));

    if (!QFileInfo::exists(path)) {
        // A -wal or -journal without its database would be replayed onto the fresh file; keep
        // them for inspection instead of deleting what might be someone's data.
        if (QFileInfo::exists(path + walSuffix) || QFileInfo::exists(path + journalSuffix)) {
            if (moveAside(path, now, &result.problem).isEmpty())
                return result;
        }
        QFile::remove(path + shmSuffix);
        if (!create(path, schema, &result.problem))
            return result;
        result.outcome = Outcome::Created;
        return result;
    }

    restrictPermissions(path);
    bool tooNew = false;
    const QString problem = DatabaseFile::check(path, schema, check, &tooNew);
    if (problem.isEmpty()) {
        result.outcome = Outcome::Ready;
        return result;
    }
    result.problem = problem;
    if (tooNew && !replaceTooNew) {
        result.outcome = Outcome::TooNew;
        return result;
    }
    QString error;
    if (!replace(path, schema, now, &result.movedTo, &error)) {
        result.problem = QStringLiteral("%1; %2").arg(problem, error);
        return result;
    }
    result.outcome = Outcome::Recreated;
    return result;
}

bool DatabaseFile::replace(const QString &path, const Schema &schema, const QDateTime &now,
                           QString *movedTo, QString *error)
{
    QString problem;
    *movedTo = moveAside(path, now, &problem);
    if (movedTo->isEmpty()) {
        *error = QStringLiteral("moving it aside failed: %1").arg(problem);
        return false;
    }
    if (!create(path, schema, &problem)) {
        *error = QStringLiteral("creating a new file failed: %1").arg(problem);
        return false;
    }
    return true;
}

QString DatabaseFile::verify(const QString &path)
{
    ScopedConnection connection(path, u"verify", ScopedConnection::Mode::ReadOnly);
    QString error;
    if (!connection.open(&error))
        return QStringLiteral("the file cannot be opened (%1)").arg(error);
    QSqlQuery check(connection.database());
    check.setForwardOnly(true);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")))
        return QStringLiteral("the file is damaged (%1)").arg(SqlValues::errorText(check));
    QStringList problems;
    while (check.next() && problems.size() < 3)
        problems << check.value(0).toString();
    if (problems == QStringList{QStringLiteral("ok")})
        return {};
    if (problems.isEmpty())
        return QStringLiteral("the file is damaged (%1)").arg(SqlValues::errorText(check));
    return QStringLiteral("the file is damaged (%1)").arg(problems.join(QLatin1String("; ")));
}

QString DatabaseFile::check(const QString &path, const Schema &schema, Check level, bool *tooNew)
{
    *tooNew = false;
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("the file cannot be read (%1)").arg(file.errorString());
        if (file.size() == 0)
            return QStringLiteral("the file is empty");
        // Every SQLite database starts with this; anything else is not one, whatever SQLite
        // would make of it.
        const QByteArray header = file.read(100);
        if (!header.startsWith(QByteArray("SQLite format 3\0", 16)))
            return QStringLiteral("the file is not an SQLite database");
        if (header.size() < 100)
            return QStringLiteral("the file is truncated (%1 bytes)").arg(header.size());
        // The header records the database's length in pages, valid when the "version valid for"
        // number matches the change counter. A shorter file lost its end. (With a WAL that has
        // frames, an interrupted checkpoint may legitimately leave the file short until replay.)
        const auto be32 = [&](int at) { return qFromBigEndian<quint32>(header.constData() + at); };
        const quint32 pageSizeField = qFromBigEndian<quint16>(header.constData() + 16);
        const qint64 pageSize = pageSizeField == 1 ? 65536 : pageSizeField;
        const qint64 pages = be32(28);
        const bool sizeValid = pages > 0 && be32(24) == be32(92);
        if (sizeValid && QFileInfo(path + walSuffix).size() == 0 && file.size() < pages * pageSize)
            return QStringLiteral("the file is truncated (%1 of %2 bytes)")
                .arg(file.size())
                .arg(pages * pageSize);
    }

    ScopedConnection connection(path, u"check");
    QString error;
    if (!connection.open(&error))
        return QStringLiteral("the file cannot be opened (%1)").arg(error);
    const QSqlDatabase &database = connection.database();
    if (level == Check::Full) {
        // quick_check reads every page and checks the b-trees, without the slower index-content
        // comparison of integrity_check.
        QSqlQuery check(database);
        check.setForwardOnly(true);
        if (!check.exec(QStringLiteral("PRAGMA quick_check")))
            return QStringLiteral("the file is damaged (%1)").arg(SqlValues::errorText(check));
        QStringList problems;
        while (check.next() && problems.size() < 3)
            problems << check.value(0).toString();
        if (problems != QStringList{QStringLiteral("ok")}) {
            if (problems.isEmpty())
                return QStringLiteral("the file is damaged (%1)").arg(SqlValues::errorText(check));
            return QStringLiteral("the file is damaged (%1)")
                .arg(problems.join(QLatin1String("; ")));
        }
    }
    const int version = Schema::userVersion(database, &error);
    if (version < 0)
        return QStringLiteral("the file is damaged (%1)").arg(error);
    if (version > schema.latestVersion()) {
        *tooNew = true;
        return QStringLiteral("the file was written by a newer version of Mainstay (%1 format %2; "
                              "this version knows up to %3)")
            .arg(schema.name())
            .arg(version)
            .arg(schema.latestVersion());
    }
    // The tables must be exactly those of the format the file claims before anything changes:
    // a foreign file is moved aside as it was, never half-upgraded.
    QString found = Schema::fingerprint(database, &error);
    if (!error.isEmpty())
        return QStringLiteral("the file is damaged (%1)").arg(error);
    if (found != schema.expectedFingerprint(version))
        return QStringLiteral("the file is an SQLite database but not a Mainstay %1 file "
                              "(unexpected tables for format %2)")
            .arg(schema.name())
            .arg(version);
    if (version == schema.latestVersion())
        return {};
    if (!schema.migrate(database, &error))
        return QStringLiteral("the file could not be upgraded from format %1 (%2)")
            .arg(version)
            .arg(error);
    found = Schema::fingerprint(database, &error);
    if (!error.isEmpty() || found != schema.expectedFingerprint())
        return QStringLiteral("the file could not be upgraded from format %1 (unexpected "
                              "tables afterwards)")
            .arg(version);
    return {};
}

bool DatabaseFile::create(const QString &path, const Schema &schema, QString *error)
{
    const QString temporary = path + QLatin1String(".new");
    removeWithCompanions(temporary);
    {
        // Created empty with 0600 before SQLite sees it: SQLite keeps an existing file's mode and
        // gives its -wal / -shm / -journal files the same one.
        QFile file(temporary);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerReadWrite)) {
            *error = QStringLiteral("cannot create %1: %2").arg(temporary, file.errorString());
            return false;
        }
    }
    {
        // Rollback-journal mode while building: every commit lands in the main file, so the
        // rename below moves everything. The long-lived connection switches to WAL.
        ScopedConnection connection(temporary, u"create");
        if (!connection.open(error) || !schema.migrate(connection.database(), error)) {
            removeWithCompanions(temporary);
            return false;
        }
    }
    if (!QFile::rename(temporary, path)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(temporary, path);
        removeWithCompanions(temporary);
        return false;
    }
    return true;
}

QString DatabaseFile::moveAside(const QString &path, const QDateTime &now, QString *error)
{
    const QString base = path + QLatin1String(".corrupt-") +
                         now.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString target = base;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo::exists(target + walSuffix); ++n)
        target = base + QLatin1Char('-') + QString::number(n);

    if (QFileInfo::exists(path) && !QFile::rename(path, target)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(path, target);
        return {};
    }
    // The companions keep matching names, so opening the moved file later still sees its WAL.
    for (QLatin1StringView suffix : {walSuffix, journalSuffix}) {
        if (QFileInfo::exists(path + suffix) && !QFile::rename(path + suffix, target + suffix)) {
            *error = QStringLiteral("cannot rename %1 to %2").arg(path + suffix, target + suffix);
            return {};
        }
    }
    QFile::remove(path + shmSuffix); // only a shared-memory index, rebuilt from the WAL
    return target;
}

void DatabaseFile::restrictPermissions(const QString &path)
{
    for (const QString &file : {path, path + walSuffix, path + shmSuffix}) {
        if (QFileInfo::exists(file))
            QFile::setPermissions(file, ownerReadWrite);
    }
}

} // namespace Mainstay
