// Damaged files are found at open, set aside (never deleted) and replaced; the cache can be
// rebuilt by a sync, the user data is kept in the moved file and the user is told loudly.

#include "cacheschema.h"
#include "storetestdata.h"
#include "storetestsupport.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <QRandomGenerator>
#include <functional>
#include <thread>

using namespace Mainstay;
using namespace Mainstay::StoreTest;
using namespace Qt::StringLiterals;

namespace {

class StoreCorruption : public StoreFixture
{
protected:
    void SetUp() override
    {
        StoreFixture::SetUp();
        open();
        QList<Issue> issues;
        for (int number = 1; number <= 200; ++number) {
            Issue issue = StoreTestData::fullIssue(number);
            issue.body = u"body %1 "_s.arg(number).repeated(100); // spread over many pages
            issues.append(issue);
        }
        ASSERT_TRUE(m_store->cache().upsertIssues(issues, {{u"issues.since"_s, u"x"_s}}));
        ASSERT_TRUE(m_store->userData().saveDraft(u"notes"_s, u"my draft"_s));
        m_outboxId = m_store->userData().enqueue(u"comment"_s, {{u"body"_s, u"hello"_s}});
        ASSERT_GT(m_outboxId, 0);
        close(); // checkpoints the WAL into the main files
        ASSERT_FALSE(QFileInfo::exists(cachePath() + u"-wal"_s));
        m_clock.setNow(QDateTime(QDate(2026, 11, 27), QTime(10, 4, 5), Qt::UTC));
    }

    // Opens the damaged workspace and checks what must hold whatever the cache damage was.
    void
    expectCacheRebuilt(const QByteArray &damaged, const QString &reason,
                       WorkspaceStore::CacheCheck check = WorkspaceStore::CacheCheck::Structure)
    {
        const StoreOpenResult result = open(check);
        ASSERT_TRUE(result.ok);
        EXPECT_TRUE(result.cacheReset);
        EXPECT_FALSE(result.userDataReset);
        EXPECT_TRUE(result.notice.contains(u"cache"_s)) << result.notice.toStdString();
        EXPECT_TRUE(result.notice.contains(u"full sync"_s)) << result.notice.toStdString();
        EXPECT_TRUE(result.notice.contains(reason)) << result.notice.toStdString();

        const QString moved = cachePath() + u".corrupt-20261127T100405Z"_s;
        EXPECT_EQ(result.movedAside, QStringList{moved});
        EXPECT_TRUE(result.notice.contains(moved)) << result.notice.toStdString();
        // Kept as it was, for inspection (compared without printing megabytes on failure).
        EXPECT_TRUE(readFile(moved) == damaged);
        // The new cache is empty and usable.
        EXPECT_EQ(m_store->cache().issueCount(), 0);
        EXPECT_TRUE(m_store->cache().syncValue(u"issues.since"_s).isNull());
        EXPECT_TRUE(m_store->cache().upsertIssues({StoreTestData::fullIssue(1)}));
        EXPECT_EQ(unixMode(cachePath()), 0600);
        // Drafts and the outbox are untouched.
        EXPECT_EQ(m_store->userData().draft(u"notes"_s), u"my draft"_s);
        ASSERT_EQ(m_store->userData().pendingEntries().size(), 1);
        EXPECT_EQ(m_store->userData().pendingEntries()[0].id, m_outboxId);

        // Reopening is quiet now.
        close();
        EXPECT_TRUE(open().notice.isEmpty());
        EXPECT_EQ(m_store->cache().issueCount(), 1);
    }

    QByteArray damage(const std::function<void(QByteArray &)> &change)
    {
        QByteArray bytes = readFile(cachePath());
        EXPECT_GT(bytes.size(), 64 * 1024);
        change(bytes);
        writeFile(cachePath(), bytes);
        return bytes;
    }

    qint64 m_outboxId = 0;
};

void randomize(QByteArray &bytes, qsizetype from, qsizetype to)
{
    QRandomGenerator random(42);
    for (qsizetype i = from; i < to; ++i)
        bytes[i] = char(random.bounded(256));
}

TEST_F(StoreCorruption, GarbageOverTheWholeCache)
{
    expectCacheRebuilt(damage([](QByteArray &bytes) { randomize(bytes, 0, bytes.size()); }),
                       u"not an SQLite database"_s);
}

// The header and the schema page are intact: only reading the pages finds this.
void damageMiddlePages(QByteArray &bytes)
{
    randomize(bytes, bytes.size() / 3, bytes.size() / 3 + 16 * 4096);
}

TEST_F(StoreCorruption, GarbageBehindAValidHeaderIsFoundByAFullCheckAtOpen)
{
    expectCacheRebuilt(damage(damageMiddlePages), u"damaged"_s, WorkspaceStore::CacheCheck::Full);
}

TEST_F(StoreCorruption, GarbageBehindAValidHeaderIsFoundByTheBackgroundCheckAndRebuilt)
{
    const QByteArray damaged = damage(damageMiddlePages);
    // The default open only checks the structure: fast, and quiet about this damage.
    StoreOpenResult result = open();
    EXPECT_TRUE(result.notice.isEmpty());

    QString problem;
    std::thread verifier([&] { problem = WorkspaceStore::verifyCacheFile(cachePath()); });
    verifier.join();
    ASSERT_TRUE(problem.contains(u"damaged"_s)) << problem.toStdString();

    result = m_store->rebuildCache(problem);
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_TRUE(result.cacheReset);
    const QString moved = cachePath() + u".corrupt-20261127T100405Z"_s;
    EXPECT_EQ(result.movedAside, QStringList{moved});
    EXPECT_TRUE(result.notice.contains(problem));
    EXPECT_TRUE(result.notice.contains(u"full sync"_s));
    EXPECT_TRUE(readFile(moved) == damaged);
    EXPECT_EQ(m_store->cache().issueCount(), 0);
    EXPECT_TRUE(m_store->cache().upsertIssues({StoreTestData::fullIssue(1)}));
    EXPECT_EQ(m_store->userData().draft(u"notes"_s), u"my draft"_s);
    EXPECT_EQ(m_store->userData().pendingEntries().size(), 1);
    EXPECT_TRUE(WorkspaceStore::verifyCacheFile(cachePath()).isEmpty());
}

TEST_F(StoreCorruption, ReadingDamagedPagesMarksTheCacheCorrupt)
{
    damage(damageMiddlePages);
    open();
    EXPECT_FALSE(m_store->cache().isCorrupt());
    ExpectStoreWarnings expected;
    // The damage lies in the issues or in their bodies: reading everything meets it.
    bool failed = m_store->cache().loadIssues().size() != 200;
    for (int number = 1; number <= 200; ++number)
        failed |= m_store->cache().issueBody(number).isEmpty();
    EXPECT_TRUE(failed);
    EXPECT_TRUE(m_store->cache().isCorrupt()) << m_store->cache().lastError().toStdString();
    EXPECT_TRUE(m_store->rebuildCache(m_store->cache().lastError()).ok);
    EXPECT_FALSE(m_store->cache().isCorrupt());
}

TEST_F(StoreCorruption, TruncatedCache)
{
    expectCacheRebuilt(damage([](QByteArray &bytes) { bytes.truncate(bytes.size() / 2); }),
                       u"truncated"_s);
}

TEST_F(StoreCorruption, CacheCutToAFewBytes)
{
    expectCacheRebuilt(damage([](QByteArray &bytes) { bytes.truncate(10); }),
                       u"not an SQLite database"_s);
}

TEST_F(StoreCorruption, ZeroLengthCache)
{
    expectCacheRebuilt(damage([](QByteArray &bytes) { bytes.clear(); }), u"empty"_s);
}

TEST_F(StoreCorruption, CacheIsAnSQLiteFileOfAnotherSchema)
{
    ASSERT_TRUE(QFile::remove(cachePath()));
    QString error;
    ASSERT_TRUE(runSql(cachePath(),
                       u"CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT);\n"
                       "INSERT INTO notes(text) VALUES('someone else''s data');"_s,
                       &error))
        << error.toStdString();
    expectCacheRebuilt(readFile(cachePath()), u"not a Mainstay cache file"_s);
}

TEST_F(StoreCorruption, CacheOfOurVersionWithATableMissing)
{
    QString error;
    ASSERT_TRUE(runSql(cachePath(), u"DROP TABLE issue_bodies;"_s, &error)) << error.toStdString();
    expectCacheRebuilt(readFile(cachePath()),
                       u"unexpected tables for format %1"_s.arg(cacheSchema().latestVersion()));
}

TEST_F(StoreCorruption, CacheFromANewerVersionIsTreatedAsUnreadable)
{
    QString error;
    ASSERT_TRUE(runSql(cachePath(), u"PRAGMA user_version = 99;"_s, &error));
    expectCacheRebuilt(readFile(cachePath()), u"newer version of Mainstay (cache format 99"_s);
}

TEST_F(StoreCorruption, DamagedUserDataIsMovedAsideLoudlyAndTheCacheKept)
{
    QByteArray bytes = readFile(userDataPath());
    randomize(bytes, 0, bytes.size());
    writeFile(userDataPath(), bytes);

    const StoreOpenResult result = open();
    ASSERT_TRUE(result.ok);
    EXPECT_TRUE(result.userDataReset);
    EXPECT_FALSE(result.cacheReset);
    const QString moved = userDataPath() + u".corrupt-20261127T100405Z"_s;
    EXPECT_EQ(result.movedAside, QStringList{moved});
    EXPECT_TRUE(result.notice.contains(u"drafts and outbox"_s)) << result.notice.toStdString();
    EXPECT_TRUE(result.notice.contains(moved));
    EXPECT_TRUE(result.notice.contains(u"nothing was deleted"_s));
    EXPECT_TRUE(readFile(moved) == bytes);
    EXPECT_TRUE(m_store->userData().draft(u"notes"_s).isNull());
    EXPECT_GT(m_store->userData().enqueue(u"comment"_s, {}), 0);
    EXPECT_EQ(m_store->cache().issueCount(), 200);
}

TEST_F(StoreCorruption, ZeroLengthUserDataIsMovedAsideToo)
{
    writeFile(userDataPath(), QByteArray());
    const StoreOpenResult result = open();
    ASSERT_TRUE(result.ok);
    EXPECT_TRUE(result.userDataReset);
    EXPECT_TRUE(result.notice.contains(u"empty"_s)) << result.notice.toStdString();
    EXPECT_TRUE(QFileInfo::exists(userDataPath() + u".corrupt-20261127T100405Z"_s));
}

TEST_F(StoreCorruption, UserDataFromANewerVersionIsRefusedAndLeftAlone)
{
    QString error;
    ASSERT_TRUE(runSql(userDataPath(), u"PRAGMA user_version = 99;"_s, &error));
    const QByteArray bytes = readFile(userDataPath());

    WorkspaceStore store(&m_clock);
    const StoreOpenResult result = store.open(dataDir(), repository);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.error.contains(u"newer version"_s)) << result.error.toStdString();
    EXPECT_FALSE(store.isOpen());
    EXPECT_TRUE(readFile(userDataPath()) == bytes);
    EXPECT_TRUE(filesStartingWith(workspaceDir(), u"userdata.sqlite.corrupt"_s).isEmpty());
    // The cache was not touched either.
    EXPECT_TRUE(filesStartingWith(workspaceDir(), u"cache.sqlite.corrupt"_s).isEmpty());
}

TEST_F(StoreCorruption, TwoDamagesInTheSameSecondGetDistinctNames)
{
    writeFile(cachePath(), "not a database at all");
    open();
    close();
    writeFile(cachePath(), "still not a database");
    const StoreOpenResult result = open();
    EXPECT_TRUE(result.cacheReset);
    EXPECT_EQ(filesStartingWith(workspaceDir(), u"cache.sqlite.corrupt-"_s).size(), 2);
    EXPECT_EQ(result.movedAside, QStringList{cachePath() + u".corrupt-20261127T100405Z-2"_s});
}

} // namespace
