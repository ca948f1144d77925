#include "sqlvalues.h"

#include <QSqlError>

namespace Mainstay::SqlValues {

QString errorText(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    // The statement text names the table; bound values are never part of it.
    QString statement = query.lastQuery().simplified();
    if (statement.size() > 80)
        statement = statement.left(77) + QStringLiteral("...");
    return QStringLiteral("%1 (in \"%2\")").arg(text, statement);
}

bool exec(const QSqlDatabase &database, const QString &sql, QString *error)
{
    QSqlQuery query(database);
    if (query.exec(sql))
        return true;
    if (error)
        *error = errorText(query);
    return false;
}

QVariant scalar(const QSqlDatabase &database, const QString &sql, QString *error)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        if (error)
            *error = errorText(query);
        return {};
    }
    if (!query.next()) {
        if (error)
            *error = query.lastError().isValid() ? errorText(query)
                                                 : QStringLiteral("no result from \"%1\"").arg(sql);
        return {};
    }
    return query.value(0);
}

} // namespace Mainstay::SqlValues
