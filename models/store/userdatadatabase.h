#pragma once

#include "draftversion.h"
#include "outboxentry.h"
#include "sqlitedatabase.h"

#include "clock.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <optional>

namespace Mainstay {

// userdata.sqlite of one workspace: drafts and the outbox, the only things the app cannot get
// back from GitHub. Opened with synchronous=FULL: a call that returned true is on disk.
//
// Threading: use an object from the thread that opened it (the GUI thread). Every state change
// is one committed transaction of its own (or joins a StoreTransaction).
//
// Payloads and results are the app's own JSON; they must never carry credentials.
class UserDataDatabase final : public SqliteDatabase
{
public:
    explicit UserDataDatabase(const Clock *clock = Clock::system());
    ~UserDataDatabase() override;

    // Opens a file prepared by DatabaseFile (WorkspaceStore does both).
    bool open(const QString &path, QString *error);

    // --- drafts: the latest text per key ("release-notes/v1.2.0", "comment/123"), saved as the
    // user types. One small transaction a call (an fsync): callers debounce keystrokes.
    bool saveDraft(const QString &key, const QString &text);
    // A null QString when there is no draft for the key.
    QString draft(const QString &key) const;
    QDateTime draftSavedAt(const QString &key) const;
    QStringList draftKeys() const;
    // Explicitly kept versions; returns the new version's id (0 on failure).
    qint64 saveDraftVersion(const QString &key, const QString &text, const QString &label);
    // Newest first.
    QList<DraftVersion> draftVersions(const QString &key) const;
    // The draft and all its versions.
    bool deleteDraft(const QString &key);

    // --- local values: what the user keeps on this machine only, never sent to GitHub
    // (snoozes, RFC review answers, saved filters), as JSON per (scope, key).
    bool setLocalValue(const QString &scope, const QString &key, const QJsonValue &value);
    // Undefined when there is none.
    QJsonValue localValue(const QString &scope, const QString &key) const;
    // Every key of a scope with its value.
    QHash<QString, QJsonValue> localValues(const QString &scope) const;
    bool removeLocalValue(const QString &scope, const QString &key);

    // --- outbox ---------------------------------------------------------------------------
    // A new queued entry; returns its id (0 on failure). Ids only ever increase.
    qint64 enqueue(const QString &kind, const QJsonObject &payload);
    // Queued and sending entries, in id order: what is left to do, oldest first.
    QList<OutboxEntry> pendingEntries() const;
    // Every entry, in id order, for the UI.
    QList<OutboxEntry> entries() const;
    std::optional<OutboxEntry> entry(qint64 id) const;

    // Each transition returns false (and changes nothing) when the entry does not exist or is
    // not in a state the transition starts from.
    // queued or sending -> sending, attempts + 1 (sending again after a crash is allowed).
    bool markSending(qint64 id);
    // queued or sending -> sent, with GitHub's answer.
    bool markSent(qint64 id, const QJsonObject &result);
    // queued or sending -> failed (permanent) or back to queued (transient, to retry later).
    bool markFailed(qint64 id, const QString &error, bool permanent);
    // queued or failed -> cancelled. An entry being sent cannot be cancelled.
    bool cancel(qint64 id);
    // failed -> queued: the user asks to try again.
    bool retry(qint64 id);

private:
    bool transition(qint64 id, std::initializer_list<OutboxEntry::State> from,
                    OutboxEntry::State to, const QString &sets, const QVariantList &values);
    QList<OutboxEntry> readEntries(const QString &where) const;

    const Clock *m_clock;
};

} // namespace Mainstay
