#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// Small conversions shared by the store's tables: timestamps are stored as milliseconds since
// the epoch (NULL for an invalid QDateTime), and statements that return nothing interesting are
// run with their error text captured.
namespace Mainstay::SqlValues {

inline QVariant fromTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

inline QDateTime toTime(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    // Setting the time on a copy of a UTC value is about twice as fast as fromMSecsSinceEpoch(),
    // which matters four times a row in a 100k-row load.
    static const QDateTime utc = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QDateTime time = utc;
    time.setMSecsSinceEpoch(value.toLongLong());
    return time;
}

// Runs one statement; on failure sets `error` to "<what>: <SQLite's message>".
bool exec(const QSqlDatabase &database, const QString &sql, QString *error);
// The first column of the first row of a query, or an invalid QVariant (with `error` set).
QVariant scalar(const QSqlDatabase &database, const QString &sql, QString *error);
// "<what>: <SQLite's message>" for a failed query.
QString errorText(const QSqlQuery &query);

} // namespace Mainstay::SqlValues
