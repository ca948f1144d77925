#include "scopedconnection.h"

#include <QSqlError>

#include <atomic>

namespace Mainstay {

namespace {
std::atomic<quint64> g_connectionCounter{0};
}

ScopedConnection::ScopedConnection(const QString &filePath, QStringView purpose, Mode mode)
    : m_name(QStringLiteral("mainstay-store-%1-%2").arg(purpose).arg(++g_connectionCounter))
    , m_filePath(filePath)
{
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_database.setDatabaseName(filePath);
    // Another connection (a background reader, a second process) may hold the write lock for a
    // moment; wait for it instead of failing with "database is locked".
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (mode == Mode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_database.setConnectOptions(options);
}

ScopedConnection::~ScopedConnection()
{
    m_database.close();
    // Drop our handle first: removeDatabase() warns while any QSqlDatabase copy is alive.
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool ScopedConnection::open(QString *error)
{
    if (m_database.open())
        return true;
    if (error)
        *error = m_database.lastError().text();
    return false;
}

} // namespace Mainstay
