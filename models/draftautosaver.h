#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

namespace Mainstay {

class Clock;
class Scheduler;
class UserDataDatabase;

// Keeps the text being edited in the store's drafts as the user types, so a crash or a restart
// loses at most the last debounce interval. Saving is one fsync'd transaction, so keystrokes are
// collapsed: textChanged() restarts a short wait on the injectable Scheduler and the latest text
// is written when it runs out (or at flush()). Saving the same text twice is skipped.
class DraftAutosaver : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultDelayMs = 700;

    // Nothing is owned; the scheduler defaults to real timers.
    DraftAutosaver(UserDataDatabase *database, Scheduler *scheduler = nullptr,
                   QObject *parent = nullptr);
    ~DraftAutosaver() override;

    void setDelayMs(qint64 ms) { m_delayMs = ms; }
    // Writes what is pending under the old key first. `savedText` is what the store already has
    // under the new key (nothing to save until it changes).
    void setKey(const QString &key, const QString &savedText = QString());
    QString key() const { return m_key; }
    // Drops the database (the workspace closes) after writing what is pending.
    void setDatabase(UserDataDatabase *database);

    void textChanged(const QString &text);
    // Writes the pending text now; false when the store refused it.
    bool flush();
    bool isPending() const { return m_pending; }
    // Keeps the current text as a named version (and saves it as the draft too); 0 on failure.
    qint64 saveVersion(const QString &text, const QString &label);

Q_SIGNALS:
    void saved(const QString &key);
    void saveFailed(const QString &key);

private:
    void timeout(quint64 generation);

    UserDataDatabase *m_database;
    Scheduler *m_scheduler;
    QString m_key;
    QString m_text;
    QString m_lastSaved;
    qint64 m_delayMs = DefaultDelayMs;
    quint64 m_generation = 0;
    bool m_pending = false;
};

} // namespace Mainstay
