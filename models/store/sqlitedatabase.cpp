#include "sqlitedatabase.h"

#include "scopedconnection.h"
#include "sqlvalues.h"

#include <QFileInfo>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcMainstayStore, "mainstay.store")

namespace Mainstay {

SqliteDatabase::SqliteDatabase() = default;

SqliteDatabase::~SqliteDatabase()
{
    close();
}

bool SqliteDatabase::isOpen() const
{
    return m_connection && m_connection->isOpen();
}

QString SqliteDatabase::filePath() const
{
    return m_connection ? m_connection->filePath() : QString();
}

const QSqlDatabase &SqliteDatabase::database() const
{
    static const QSqlDatabase none;
    return m_connection ? m_connection->database() : none;
}

QString SqliteDatabase::journalMode() const
{
    return SqlValues::scalar(database(), QStringLiteral("PRAGMA journal_mode"), nullptr).toString();
}

int SqliteDatabase::schemaVersion() const
{
    return SqlValues::scalar(database(), QStringLiteral("PRAGMA user_version"), nullptr).toInt();
}

QVariant SqliteDatabase::pragma(const QString &name) const
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_]+$"));
    if (!identifier.match(name).hasMatch())
        return {};
    return SqlValues::scalar(database(), QStringLiteral("PRAGMA ") + name, nullptr);
}

bool SqliteDatabase::openFile(const QString &path, Durability durability, QString *error)
{
    close();
    auto connection = std::make_unique<ScopedConnection>(path, u"main");
    const QString synchronous =
        durability == Durability::Full ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    if (!connection->open(error))
        return false;
    const QSqlDatabase &db = connection->database();
    const QString mode =
        SqlValues::scalar(db, QStringLiteral("PRAGMA journal_mode=WAL"), error).toString();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        if (error && error->isEmpty())
            *error = QStringLiteral("cannot switch %1 to WAL mode (got \"%2\")").arg(path, mode);
        return false;
    }
    if (!SqlValues::exec(db, QStringLiteral("PRAGMA synchronous=") + synchronous, error) ||
        !SqlValues::exec(db, QStringLiteral("PRAGMA temp_store=MEMORY"), error))
        return false;
    m_connection = std::move(connection);
    return true;
}

bool SqliteDatabase::openFileForReading(const QString &path, QString *error)
{
    close();
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("%1 does not exist").arg(path);
        return false;
    }
    auto connection =
        std::make_unique<ScopedConnection>(path, u"reader", ScopedConnection::Mode::ReadOnly);
    if (!connection->open(error))
        return false;
    m_connection = std::move(connection);
    return true;
}

void SqliteDatabase::close()
{
    if (m_depth > 0 && m_connection)
        SqlValues::exec(m_connection->database(), QStringLiteral("ROLLBACK"), nullptr);
    m_depth = 0;
    m_poisoned = false;
    m_corrupt = false;
    m_connection.reset();
}

bool SqliteDatabase::beginWrite()
{
    if (!isOpen())
        return fail(QStringLiteral("the database is not open"));
    if (m_depth == 0) {
        QString error;
        // IMMEDIATE takes the write lock now rather than at the first write, so a reader on
        // another connection can never turn this transaction into a "database is locked" later.
        if (!SqlValues::exec(database(), QStringLiteral("BEGIN IMMEDIATE"), &error))
            return fail(error);
        m_poisoned = false;
    }
    ++m_depth;
    return true;
}

bool SqliteDatabase::endWrite(bool ok)
{
    // Not in a transaction any more: the connection was closed (or the cache rebuilt) while a
    // StoreTransaction was alive, which rolled it back.
    if (m_depth <= 0)
        return false;
    if (--m_depth > 0) {
        if (!ok)
            m_poisoned = true;
        return ok;
    }
    QString error;
    if (ok && !m_poisoned) {
        if (SqlValues::exec(database(), QStringLiteral("COMMIT"), &error))
            return true;
        fail(error);
    }
    SqlValues::exec(database(), QStringLiteral("ROLLBACK"), nullptr);
    m_poisoned = false;
    return false;
}

bool SqliteDatabase::fail(const QString &error) const
{
    m_lastError = error;
    // SQLite's fixed wording for SQLITE_CORRUPT and SQLITE_NOTADB, whichever statement met them.
    if (error.contains(QLatin1String("database disk image is malformed")) ||
        error.contains(QLatin1String("file is not a database")))
        m_corrupt = true;
    qCWarning(lcMainstayStore).noquote() << filePath() << error;
    return false;
}

} // namespace Mainstay
