#include "draftautosaver.h"

#include "scheduler.h"
#include "userdatadatabase.h"

namespace Mainstay {

DraftAutosaver::DraftAutosaver(UserDataDatabase *database, Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_scheduler(scheduler ? scheduler : Scheduler::system())
{}

DraftAutosaver::~DraftAutosaver()
{
    flush();
}

void DraftAutosaver::setKey(const QString &key, const QString &savedText)
{
    flush();
    m_key = key;
    m_text = savedText;
    m_lastSaved = savedText;
}

void DraftAutosaver::setDatabase(UserDataDatabase *database)
{
    flush();
    m_database = database;
}

void DraftAutosaver::textChanged(const QString &text)
{
    m_text = text;
    if (text == m_lastSaved) {
        m_pending = false;
        ++m_generation;
        return;
    }
    m_pending = true;
    const quint64 generation = ++m_generation;
    m_scheduler->schedule(m_delayMs, this, [this, generation] { timeout(generation); });
}

void DraftAutosaver::timeout(quint64 generation)
{
    if (generation == m_generation)
        flush();
}

bool DraftAutosaver::flush()
{
    if (!m_pending)
        return true;
    m_pending = false;
    ++m_generation;
    if (!m_database || m_key.isEmpty())
        return false;
    if (!m_database->saveDraft(m_key, m_text)) {
        m_pending = true; // try again with the next keystroke or flush
        Q_EMIT saveFailed(m_key);
        return false;
    }
    m_lastSaved = m_text;
    Q_EMIT saved(m_key);
    return true;
}

qint64 DraftAutosaver::saveVersion(const QString &text, const QString &label)
{
    if (!m_database || m_key.isEmpty())
        return 0;
    m_text = text;
    m_pending = text != m_lastSaved;
    flush();
    return m_database->saveDraftVersion(m_key, text, label);
}

} // namespace Mainstay
