#include "schema.h"

#include "scopedconnection.h"
#include "sqlvalues.h"

#include <QSqlQuery>
#include <QStringList>

namespace Mainstay {

Schema::Schema(QString name, QList<SchemaMigration> migrations)
    : m_name(std::move(name))
    , m_migrations(std::move(migrations))
{
    for (qsizetype i = 0; i < m_migrations.size(); ++i)
        Q_ASSERT(m_migrations[i].version == i + 1);
}

int Schema::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.last().version;
}

int Schema::userVersion(const QSqlDatabase &database, QString *error)
{
    const QVariant value =
        SqlValues::scalar(database, QStringLiteral("PRAGMA user_version"), error);
    return value.isValid() ? value.toInt() : -1;
}

bool Schema::migrate(const QSqlDatabase &database, QString *error) const
{
    return migrate(database, latestVersion(), error);
}

bool Schema::migrate(const QSqlDatabase &database, int version, QString *error) const
{
    const int from = userVersion(database, error);
    if (from < 0)
        return false;
    for (const SchemaMigration &step : m_migrations) {
        if (step.version <= from)
            continue;
        if (step.version > version)
            break;
        // IMMEDIATE: take the write lock up front so two processes opening the same old file
        // cannot both start the same upgrade.
        if (!SqlValues::exec(database, QStringLiteral("BEGIN IMMEDIATE"), error))
            return false;
        // Re-read under the lock: another process may have upgraded the file meanwhile.
        const int current = userVersion(database, error);
        if (current >= step.version) {
            SqlValues::exec(database, QStringLiteral("ROLLBACK"), nullptr);
            continue;
        }
        bool ok = current >= 0;
        for (const QString &statement : step.statements) {
            if (!ok)
                break;
            ok = SqlValues::exec(database, statement, error);
        }
        ok = ok &&
             SqlValues::exec(database, QStringLiteral("PRAGMA user_version = %1").arg(step.version),
                             error);
        if (!ok) {
            SqlValues::exec(database, QStringLiteral("ROLLBACK"), nullptr);
            if (error)
                *error = QStringLiteral("upgrade to version %1 failed: %2")
                             .arg(step.version)
                             .arg(*error);
            return false;
        }
        if (!SqlValues::exec(database, QStringLiteral("COMMIT"), error))
            return false;
    }
    return true;
}

QString Schema::fingerprint(const QSqlDatabase &database, QString *error)
{
    QStringList lines;
    QStringList tables;
    {
        QSqlQuery objects(database);
        objects.setForwardOnly(true);
        if (!objects.exec(QStringLiteral(
                "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' "
                "ESCAPE '\\' ORDER BY type, name"))) {
            if (error)
                *error = SqlValues::errorText(objects);
            return {};
        }
        while (objects.next()) {
            const QString type = objects.value(0).toString();
            const QString name = objects.value(1).toString();
            lines << QStringLiteral("%1 %2 on %3").arg(type, name, objects.value(2).toString());
            if (type == QLatin1String("table"))
                tables << name;
        }
    }
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery columns(database);
        columns.setForwardOnly(true);
        // Table names come from sqlite_master, not from outside; quote them anyway.
        QString quoted = table;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        if (!columns.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(quoted))) {
            if (error)
                *error = SqlValues::errorText(columns);
            return {};
        }
        // cid, name, type, notnull, dflt_value, pk
        while (columns.next())
            lines << QStringLiteral("  %1.%2 %3 notnull=%4 pk=%5")
                         .arg(table, columns.value(1).toString(),
                              columns.value(2).toString().toUpper(), columns.value(3).toString(),
                              columns.value(5).toString());
    }
    return lines.join(QLatin1Char('\n'));
}

QString Schema::expectedFingerprint(int version) const
{
    if (version < 0)
        version = latestVersion();
    QMutexLocker locker(&m_mutex);
    auto found = m_expectedFingerprints.constFind(version);
    if (found == m_expectedFingerprints.cend()) {
        ScopedConnection memory(QStringLiteral(":memory:"), u"fingerprint");
        QString error;
        QString fingerprint;
        if (memory.open(&error) && migrate(memory.database(), version, &error))
            fingerprint = Schema::fingerprint(memory.database(), &error);
        Q_ASSERT_X(error.isEmpty(), "Schema::expectedFingerprint", qPrintable(error));
        found = m_expectedFingerprints.insert(version, fingerprint);
    }
    return *found;
}

} // namespace Mainstay
