#include "storetransaction.h"

#include "sqlitedatabase.h"

namespace Mainstay {

StoreTransaction::StoreTransaction(SqliteDatabase &database)
    : m_database(&database)
    , m_active(database.beginWrite())
{}

StoreTransaction::~StoreTransaction()
{
    rollback();
}

bool StoreTransaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    return m_database->endWrite(true);
}

void StoreTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_database->endWrite(false);
}

} // namespace Mainstay
