#pragma once

namespace Mainstay {

class SqliteDatabase;

// Groups several writes to one database file into one atomic transaction, e.g. a page of issues
// and the watermark that says it was stored:
//
//     StoreTransaction transaction(store.cache());
//     store.cache().upsertIssues(page);
//     store.cache().setSyncValue(u"issues.next"_s, nextUrl);
//     if (!transaction.commit()) ...   // nothing of the above was stored
//
// Destroying it without commit() rolls everything back. If any write inside failed, commit()
// rolls back and returns false. Same thread as the database; transactions nest (inner ones
// join the outermost).
class StoreTransaction
{
public:
    explicit StoreTransaction(SqliteDatabase &database);
    ~StoreTransaction();
    StoreTransaction(const StoreTransaction &) = delete;
    StoreTransaction &operator=(const StoreTransaction &) = delete;

    // False when the transaction could not be started (the database is closed or locked).
    bool isActive() const { return m_active; }
    bool commit();
    void rollback();

private:
    SqliteDatabase *m_database;
    bool m_active = false;
};

} // namespace Mainstay
