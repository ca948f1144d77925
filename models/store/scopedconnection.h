#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Mainstay {

// One uniquely named QSQLITE connection that is closed and removed when this object dies, so
// no two store objects (or threads) ever share a connection and Qt never warns about a removed
// connection still in use. A connection belongs to the thread that opened it.
class ScopedConnection
{
public:
    enum class Mode
    {
        ReadWrite, // creates the file when missing
        ReadOnly,
    };

    ScopedConnection(const QString &filePath, QStringView purpose, Mode mode = Mode::ReadWrite);
    ~ScopedConnection();
    ScopedConnection(const ScopedConnection &) = delete;
    ScopedConnection &operator=(const ScopedConnection &) = delete;

    bool open(QString *error);
    bool isOpen() const { return m_database.isOpen(); }
    const QSqlDatabase &database() const { return m_database; }
    const QString &name() const { return m_name; }
    const QString &filePath() const { return m_filePath; }

private:
    QString m_name;
    QString m_filePath;
    QSqlDatabase m_database;
};

} // namespace Mainstay
