// The workspace folder and its two files: where they are, who may read them, how they are opened.

#include "cacheschema.h"
#include "storetestdata.h"
#include "storetestsupport.h"
#include "userdataschema.h"

#include <QDir>
#include <QFileInfo>

using namespace Mainstay;
using namespace Mainstay::StoreTest;
using namespace Qt::StringLiterals;

namespace {

using StoreWorkspaceFiles = StoreFixture;

TEST_F(StoreWorkspaceFiles, LiveInAPrivateFolderPerRepository)
{
    const StoreOpenResult result = open();
    EXPECT_TRUE(result.notice.isEmpty());
    EXPECT_FALSE(result.cacheReset);
    EXPECT_FALSE(result.userDataReset);
    EXPECT_EQ(m_store->workspaceDir(),
              dataDir() + u"/workspaces/aws-powertools/powertools-lambda-python"_s);
    EXPECT_EQ(m_store->cacheFilePath(), cachePath());
    EXPECT_EQ(m_store->userDataFilePath(), userDataPath());
    EXPECT_EQ(m_store->repository(), repository);

    ASSERT_TRUE(m_store->userData().saveDraft(u"k"_s, u"v"_s));
    ASSERT_TRUE(m_store->cache().upsertIssues({StoreTestData::fullIssue(1)}));
    EXPECT_EQ(unixMode(workspaceDir()), 0700);
    EXPECT_EQ(unixMode(QFileInfo(workspaceDir()).path()), 0700);
    EXPECT_EQ(unixMode(dataDir() + u"/workspaces"_s), 0700);
    for (const QString &file : {cachePath(), userDataPath()}) {
        SCOPED_TRACE(file.toStdString());
        EXPECT_EQ(unixMode(file), 0600);
        EXPECT_EQ(unixMode(file + u"-wal"_s), 0600);
        EXPECT_EQ(unixMode(file + u"-shm"_s), 0600);
    }
    // Nothing else lies around (no temporary files from creation).
    EXPECT_EQ(
        QDir(workspaceDir()).entryList(QDir::Files, QDir::Name),
        (QStringList{u"cache.sqlite"_s, u"cache.sqlite-shm"_s, u"cache.sqlite-wal"_s,
                     u"userdata.sqlite"_s, u"userdata.sqlite-shm"_s, u"userdata.sqlite-wal"_s}));
}

TEST_F(StoreWorkspaceFiles, AreInWalModeAtTheLatestSchemaVersion)
{
    open();
    EXPECT_EQ(m_store->cache().journalMode(), u"wal"_s);
    EXPECT_EQ(m_store->userData().journalMode(), u"wal"_s);
    EXPECT_EQ(m_store->cache().schemaVersion(), cacheSchema().latestVersion());
    EXPECT_EQ(m_store->userData().schemaVersion(), userDataSchema().latestVersion());
    EXPECT_GE(cacheSchema().latestVersion(), 1);
    close();
    // WAL mode is stored in the file itself.
    EXPECT_EQ(queryValue(cachePath(), u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    EXPECT_EQ(queryValue(userDataPath(), u"PRAGMA user_version"_s).toInt(),
              userDataSchema().latestVersion());
}

TEST_F(StoreWorkspaceFiles, CacheIsNormalSyncUserDataIsFullSync)
{
    open();
    // PRAGMA synchronous is per connection: 1 = NORMAL, 2 = FULL. Read through the store's own
    // connection, via a query the databases expose for diagnostics.
    EXPECT_EQ(m_store->cache().schemaVersion(), cacheSchema().latestVersion());
    EXPECT_EQ(m_store->cache().pragma(u"synchronous"_s).toInt(), 1);
    EXPECT_EQ(m_store->userData().pragma(u"synchronous"_s).toInt(), 2);
}

TEST_F(StoreWorkspaceFiles, RepositoryNamesCannotEscapeTheDataDirectory)
{
    for (const QString &bad : {u""_s, u"owner"_s, u"../etc"_s, u"a/b/c"_s, u"a/.."_s, u"./b"_s,
                               u"a\\b/c"_s, u"a /b"_s, u"/abs/path"_s}) {
        SCOPED_TRACE(bad.toStdString());
        EXPECT_FALSE(WorkspaceStore::isValidRepository(bad));
        WorkspaceStore store(&m_clock);
        const StoreOpenResult result = store.open(dataDir(), bad);
        EXPECT_FALSE(result.ok);
        EXPECT_FALSE(result.error.isEmpty());
        EXPECT_FALSE(store.isOpen());
    }
    EXPECT_FALSE(QFileInfo::exists(dataDir() + u"/workspaces"_s));
    EXPECT_TRUE(WorkspaceStore::isValidRepository(u"octo-org/octo.repo_2"_s));
}

TEST_F(StoreWorkspaceFiles, RepositoryNamesAreCaseInsensitive)
{
    open();
    ASSERT_TRUE(m_store->userData().saveDraft(u"k"_s, u"v"_s));
    close();
    WorkspaceStore upper(&m_clock);
    ASSERT_TRUE(upper.open(dataDir(), u"AWS-Powertools/Powertools-Lambda-Python"_s).ok);
    EXPECT_EQ(upper.workspaceDir(), workspaceDir());
    EXPECT_EQ(upper.userData().draft(u"k"_s), u"v"_s);
}

TEST_F(StoreWorkspaceFiles, TwoStoresOnOneWorkspaceUseTheirOwnConnections)
{
    open();
    WorkspaceStore second(&m_clock);
    ASSERT_TRUE(second.open(dataDir(), repository).ok);
    ASSERT_TRUE(m_store->cache().upsertIssues({StoreTestData::fullIssue(1)}));
    EXPECT_EQ(second.cache().issueCount(), 1);
    const qint64 a = m_store->userData().enqueue(u"comment"_s, {});
    const qint64 b = second.userData().enqueue(u"comment"_s, {});
    EXPECT_GT(b, a);
    // Reopening and closing in any order leaves no connection behind (Qt would warn).
    ASSERT_TRUE(second.open(dataDir(), u"other/repo"_s).ok);
    close();
    second.close();
    EXPECT_FALSE(second.isOpen());
}

TEST_F(StoreWorkspaceFiles, AnInterruptedCreationIsCleanedUp)
{
    ASSERT_TRUE(QDir().mkpath(workspaceDir()));
    // What a crash in the middle of creating the cache leaves behind.
    writeFile(cachePath() + u".new"_s, "partial");
    writeFile(cachePath() + u".new-journal"_s, "partial");
    const StoreOpenResult result = open();
    EXPECT_TRUE(result.notice.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(cachePath() + u".new"_s));
    EXPECT_FALSE(QFileInfo::exists(cachePath() + u".new-journal"_s));
}

TEST_F(StoreWorkspaceFiles, AnOrphanedWalIsSetAsideNotReplayedOntoANewFile)
{
    ASSERT_TRUE(QDir().mkpath(workspaceDir()));
    writeFile(cachePath() + u"-wal"_s, QByteArray(4096, 'w'));
    const StoreOpenResult result = open();
    EXPECT_TRUE(result.ok);
    EXPECT_EQ(filesStartingWith(workspaceDir(), u"cache.sqlite.corrupt-"_s).size(), 1);
    EXPECT_EQ(m_store->cache().issueCount(), 0);
}

} // namespace
