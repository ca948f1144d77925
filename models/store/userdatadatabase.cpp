#include "userdatadatabase.h"

#include "sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Mainstay {

using SqlValues::fromTime;
using SqlValues::toTime;

namespace {

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &value)
{
    return value.isNull() ? QJsonObject()
                          : QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace

UserDataDatabase::UserDataDatabase(const Clock *clock)
    : m_clock(clock ? clock : Clock::system())
{}

UserDataDatabase::~UserDataDatabase() = default;

bool UserDataDatabase::open(const QString &path, QString *error)
{
    return openFile(path, Durability::Full, error);
}

// --- drafts -----------------------------------------------------------------------------------

bool UserDataDatabase::saveDraft(const QString &key, const QString &draftText)
{
    if (!beginWrite())
        return false;
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO drafts(key, text, updated_at) VALUES(?, ?, ?) ON CONFLICT(key) DO UPDATE "
        "SET text = excluded.text, updated_at = excluded.updated_at"));
    query.bindValue(0, key);
    query.bindValue(1, text(draftText));
    query.bindValue(2, m_clock->now().toMSecsSinceEpoch());
    const bool ok = query.exec() || fail(SqlValues::errorText(query));
    return endWrite(ok);
}

namespace {

QString encodeLocal(const QJsonValue &value)
{
    // Wrapped in an array so that scalars round-trip through QJsonDocument too.
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonValue decodeLocal(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    return document.isArray() && !document.array().isEmpty() ? document.array().first()
                                                             : QJsonValue(QJsonValue::Undefined);
}

} // namespace

bool UserDataDatabase::setLocalValue(const QString &scope, const QString &key,
                                     const QJsonValue &value)
{
    if (!beginWrite())
        return false;
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("INSERT INTO local_values(scope, key, value, updated_at) VALUES(?, ?, ?, ?) "
                       "ON CONFLICT(scope, key) DO UPDATE SET value = excluded.value, "
                       "updated_at = excluded.updated_at"));
    query.bindValue(0, scope);
    query.bindValue(1, key);
    query.bindValue(2, encodeLocal(value));
    query.bindValue(3, m_clock->now().toMSecsSinceEpoch());
    const bool ok = query.exec() || fail(SqlValues::errorText(query));
    return endWrite(ok);
}

QJsonValue UserDataDatabase::localValue(const QString &scope, const QString &key) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT value FROM local_values WHERE scope = ? AND key = ?"));
    query.bindValue(0, scope);
    query.bindValue(1, key);
    if (!query.exec()) {
        fail(SqlValues::errorText(query));
        return QJsonValue(QJsonValue::Undefined);
    }
    return query.next() ? decodeLocal(query.value(0).toString())
                        : QJsonValue(QJsonValue::Undefined);
}

QHash<QString, QJsonValue> UserDataDatabase::localValues(const QString &scope) const
{
    QHash<QString, QJsonValue> values;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT key, value FROM local_values WHERE scope = ?"));
    query.bindValue(0, scope);
    if (!query.exec()) {
        fail(SqlValues::errorText(query));
        return values;
    }
    while (query.next())
        values.insert(query.value(0).toString(), decodeLocal(query.value(1).toString()));
    return values;
}

bool UserDataDatabase::removeLocalValue(const QString &scope, const QString &key)
{
    if (!beginWrite())
        return false;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM local_values WHERE scope = ? AND key = ?"));
    query.bindValue(0, scope);
    query.bindValue(1, key);
    const bool ok = query.exec() || fail(SqlValues::errorText(query));
    return endWrite(ok);
}

QString UserDataDatabase::draft(const QString &key) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT text FROM drafts WHERE key = ?"));
    query.bindValue(0, key);
    if (!query.exec()) {
        fail(SqlValues::errorText(query));
        return {};
    }
    if (!query.next())
        return {};
    QString value = query.value(0).toString();
    return value.isNull() ? QStringLiteral("") : value;
}

QDateTime UserDataDatabase::draftSavedAt(const QString &key) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT updated_at FROM drafts WHERE key = ?"));
    query.bindValue(0, key);
    if (!query.exec()) {
        fail(SqlValues::errorText(query));
        return {};
    }
    return query.next() ? toTime(query.value(0)) : QDateTime();
}

QStringList UserDataDatabase::draftKeys() const
{
    QStringList keys;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT key FROM drafts ORDER BY key"))) {
        fail(SqlValues::errorText(query));
        return keys;
    }
    while (query.next())
        keys.append(query.value(0).toString());
    return keys;
}

qint64 UserDataDatabase::saveDraftVersion(const QString &key, const QString &versionText,
                                          const QString &label)
{
    if (!beginWrite())
        return 0;
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO draft_versions(key, text, label, created_at) VALUES(?, ?, ?, ?)"));
    query.bindValue(0, key);
    query.bindValue(1, text(versionText));
    query.bindValue(2, text(label));
    query.bindValue(3, m_clock->now().toMSecsSinceEpoch());
    const bool ok = query.exec() || fail(SqlValues::errorText(query));
    const qint64 id = ok ? query.lastInsertId().toLongLong() : 0;
    return endWrite(ok) ? id : 0;
}

QList<DraftVersion> UserDataDatabase::draftVersions(const QString &key) const
{
    QList<DraftVersion> versions;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, key, text, label, created_at FROM draft_versions "
                                 "WHERE key = ? ORDER BY id DESC"));
    query.bindValue(0, key);
    if (!query.exec()) {
        fail(SqlValues::errorText(query));
        return versions;
    }
    while (query.next()) {
        DraftVersion &version = versions.emplace_back();
        version.id = query.value(0).toLongLong();
        version.key = query.value(1).toString();
        version.text = query.value(2).toString();
        version.label = query.value(3).toString();
        version.createdAt = toTime(query.value(4));
    }
    return versions;
}

bool UserDataDatabase::deleteDraft(const QString &key)
{
    if (!beginWrite())
        return false;
    bool ok = true;
    for (const QString &table : {QStringLiteral("drafts"), QStringLiteral("draft_versions")}) {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE key = ?").arg(table));
        query.bindValue(0, key);
        if (!query.exec()) {
            ok = fail(SqlValues::errorText(query));
            break;
        }
    }
    return endWrite(ok);
}

// --- outbox -----------------------------------------------------------------------------------

qint64 UserDataDatabase::enqueue(const QString &kind, const QJsonObject &payload)
{
    if (!beginWrite())
        return 0;
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO outbox(created_at, kind, payload, state, attempts, last_error, result, "
        "updated_at) VALUES(?, ?, ?, 'queued', 0, '', NULL, ?)"));
    query.bindValue(0, now);
    query.bindValue(1, text(kind));
    query.bindValue(2, json(payload));
    query.bindValue(3, now);
    const bool ok = query.exec() || fail(SqlValues::errorText(query));
    const qint64 id = ok ? query.lastInsertId().toLongLong() : 0;
    return endWrite(ok) ? id : 0;
}

QList<OutboxEntry> UserDataDatabase::readEntries(const QString &where) const
{
    QList<OutboxEntry> entries;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, created_at, kind, payload, state, attempts, "
                                   "last_error, result, updated_at FROM outbox %1 ORDER BY id")
                        .arg(where))) {
        fail(SqlValues::errorText(query));
        return entries;
    }
    while (query.next()) {
        OutboxEntry &entry = entries.emplace_back();
        entry.id = query.value(0).toLongLong();
        entry.createdAt = toTime(query.value(1));
        entry.kind = query.value(2).toString();
        entry.payload = jsonObject(query.value(3));
        // The CHECK constraint keeps other values out.
        entry.state = OutboxEntry::stateFromString(query.value(4).toString())
                          .value_or(OutboxEntry::State::Failed);
        entry.attempts = query.value(5).toInt();
        entry.lastError = query.value(6).toString();
        entry.result = jsonObject(query.value(7));
        entry.updatedAt = toTime(query.value(8));
    }
    return entries;
}

QList<OutboxEntry> UserDataDatabase::pendingEntries() const
{
    return readEntries(QStringLiteral("WHERE state IN ('queued', 'sending')"));
}

QList<OutboxEntry> UserDataDatabase::entries() const
{
    return readEntries(QString());
}

std::optional<OutboxEntry> UserDataDatabase::entry(qint64 id) const
{
    const QList<OutboxEntry> found = readEntries(QStringLiteral("WHERE id = %1").arg(id));
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

bool UserDataDatabase::transition(qint64 id, std::initializer_list<OutboxEntry::State> from,
                                  OutboxEntry::State to, const QString &sets,
                                  const QVariantList &values)
{
    QStringList states;
    for (OutboxEntry::State state : from)
        states << QLatin1Char('\'') + OutboxEntry::toString(state) + QLatin1Char('\'');
    if (!beginWrite())
        return false;
    QSqlQuery query(database());
    // One conditional UPDATE: the check and the change cannot be separated by anything.
    query.prepare(QStringLiteral("UPDATE outbox SET state = ?, updated_at = ?%1 "
                                 "WHERE id = ? AND state IN (%2)")
                      .arg(sets.isEmpty() ? QString() : QStringLiteral(", ") + sets,
                           states.join(QLatin1Char(','))));
    int index = 0;
    query.bindValue(index++, OutboxEntry::toString(to));
    query.bindValue(index++, m_clock->now().toMSecsSinceEpoch());
    for (const QVariant &value : values)
        query.bindValue(index++, value);
    query.bindValue(index++, id);
    const bool ok = query.exec() || fail(SqlValues::errorText(query));
    const bool changed = ok && query.numRowsAffected() == 1;
    return endWrite(ok) && changed;
}

bool UserDataDatabase::markSending(qint64 id)
{
    return transition(id, {OutboxEntry::State::Queued, OutboxEntry::State::Sending},
                      OutboxEntry::State::Sending, QStringLiteral("attempts = attempts + 1"), {});
}

bool UserDataDatabase::markSent(qint64 id, const QJsonObject &result)
{
    return transition(id, {OutboxEntry::State::Queued, OutboxEntry::State::Sending},
                      OutboxEntry::State::Sent, QStringLiteral("result = ?, last_error = ''"),
                      {json(result)});
}

bool UserDataDatabase::markFailed(qint64 id, const QString &error, bool permanent)
{
    return transition(id, {OutboxEntry::State::Queued, OutboxEntry::State::Sending},
                      permanent ? OutboxEntry::State::Failed : OutboxEntry::State::Queued,
                      QStringLiteral("last_error = ?"), {text(error)});
}

bool UserDataDatabase::cancel(qint64 id)
{
    return transition(id, {OutboxEntry::State::Queued, OutboxEntry::State::Failed},
                      OutboxEntry::State::Cancelled, QString(), {});
}

bool UserDataDatabase::retry(qint64 id)
{
    return transition(id, {OutboxEntry::State::Failed}, OutboxEntry::State::Queued, QString(), {});
}

} // namespace Mainstay
