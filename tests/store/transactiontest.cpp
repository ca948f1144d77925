// Sync state is written in the same transaction as the data it describes: no watermark can ever
// be stored past data that was not.

#include "storetestdata.h"
#include "storetestsupport.h"
#include "storetransaction.h"

using namespace Mainstay;
using namespace Mainstay::StoreTest;
using namespace Mainstay::StoreTestData;
using namespace Qt::StringLiterals;

namespace {

class StoreWatermarks : public StoreFixture
{
protected:
    void SetUp() override
    {
        StoreFixture::SetUp();
        open();
    }
    CacheDatabase &cache() { return m_store->cache(); }
    const QString since = u"issues.since"_s;
    const QString next = u"issues.next"_s;
};

Issue invalidIssue()
{
    Issue issue = fullIssue(1);
    issue.number = 0; // rejected by the table's CHECK: a number is always positive
    return issue;
}

TEST_F(StoreWatermarks, AreWrittenTogetherWithTheirPage)
{
    ASSERT_TRUE(cache().upsertIssues(
        {fullIssue(1), fullIssue(2)},
        {{since, u"2026-11-27T10:04:05Z"_s}, {next, u"https://api.github.com/x?page=2"_s}}));
    EXPECT_EQ(cache().issueCount(), 2);
    EXPECT_EQ(cache().syncValue(since), u"2026-11-27T10:04:05Z"_s);
    // The last page clears the resume cursor in the same transaction.
    ASSERT_TRUE(cache().upsertIssues({fullIssue(3)}, {{next, QString()}}));
    EXPECT_TRUE(cache().syncValue(next).isNull());
    EXPECT_EQ(cache().issueCount(), 3);
}

TEST_F(StoreWatermarks, AFailedPageStoresNeitherItemsNorWatermark)
{
    ASSERT_TRUE(cache().setSyncValue(since, u"old"_s));
    {
        ExpectStoreWarnings expected;
        EXPECT_FALSE(cache().upsertIssues({fullIssue(5), invalidIssue()}, {{since, u"new"_s}}));
    }
    EXPECT_FALSE(cache().lastError().isEmpty());
    EXPECT_EQ(cache().issueCount(), 0);
    EXPECT_EQ(cache().syncValue(since), u"old"_s);
    EXPECT_FALSE(cache().inTransaction());
}

TEST_F(StoreWatermarks, TransactionWithoutCommitStoresNothing)
{
    {
        StoreTransaction transaction(cache());
        ASSERT_TRUE(transaction.isActive());
        EXPECT_TRUE(cache().upsertIssues({fullIssue(1)}));
        EXPECT_TRUE(cache().setSyncValue(since, u"new"_s));
        EXPECT_TRUE(cache().inTransaction());
        // The writer sees its own uncommitted writes...
        EXPECT_EQ(cache().issueCount(), 1);
        // ...another connection does not.
        EXPECT_TRUE(CacheDatabase::loadIssuesFromFile(m_store->cacheFilePath()).isEmpty());
    }
    EXPECT_FALSE(cache().inTransaction());
    EXPECT_EQ(cache().issueCount(), 0);
    EXPECT_TRUE(cache().syncValue(since).isNull());
}

TEST_F(StoreWatermarks, CommittedTransactionStoresEverythingAtOnce)
{
    StoreTransaction transaction(cache());
    ASSERT_TRUE(cache().upsertIssues({fullIssue(1)}));
    ASSERT_TRUE(cache().upsertComments({comment(1, 1, "2026-01-01T00:00:00Z", u"a"_s)}));
    ASSERT_TRUE(cache().setSyncValue(since, u"new"_s));
    ASSERT_TRUE(transaction.commit());
    EXPECT_FALSE(transaction.isActive());
    EXPECT_EQ(CacheDatabase::loadIssuesFromFile(m_store->cacheFilePath()).size(), 1);
    EXPECT_EQ(cache().loadComments(1).size(), 1);
    EXPECT_EQ(cache().syncValue(since), u"new"_s);
}

TEST_F(StoreWatermarks, AFailedWriteInsideATransactionRollsBackAllOfIt)
{
    StoreTransaction transaction(cache());
    ASSERT_TRUE(cache().upsertIssues({fullIssue(1)}));
    {
        ExpectStoreWarnings expected;
        EXPECT_FALSE(cache().upsertIssues({invalidIssue()}));
    }
    // A careless caller writes the watermark anyway: it must not survive.
    EXPECT_TRUE(cache().setSyncValue(since, u"new"_s));
    EXPECT_FALSE(transaction.commit());
    EXPECT_EQ(cache().issueCount(), 0);
    EXPECT_TRUE(cache().syncValue(since).isNull());

    // The connection is usable again afterwards.
    EXPECT_TRUE(cache().upsertIssues({fullIssue(2)}, {{since, u"later"_s}}));
    EXPECT_EQ(cache().syncValue(since), u"later"_s);
}

TEST_F(StoreWatermarks, NestedTransactionsJoinTheOutermost)
{
    StoreTransaction outer(cache());
    {
        StoreTransaction inner(cache());
        ASSERT_TRUE(cache().upsertIssues({fullIssue(1)}, {{since, u"a"_s}}));
        ASSERT_TRUE(inner.commit()); // only the outermost commit makes it durable
    }
    EXPECT_TRUE(CacheDatabase::loadIssuesFromFile(m_store->cacheFilePath()).isEmpty());
    outer.rollback();
    EXPECT_EQ(cache().issueCount(), 0);
    EXPECT_TRUE(cache().syncValue(since).isNull());
}

TEST_F(StoreWatermarks, ARebuildDuringATransactionRollsItBack)
{
    StoreTransaction transaction(cache());
    ASSERT_TRUE(cache().upsertIssues({fullIssue(1)}, {{since, u"a"_s}}));
    ASSERT_TRUE(m_store->rebuildCache(u"found damaged"_s).ok);
    EXPECT_FALSE(transaction.commit());
    EXPECT_FALSE(cache().inTransaction());
    EXPECT_EQ(cache().issueCount(), 0);
    EXPECT_TRUE(cache().syncValue(since).isNull());
    EXPECT_TRUE(cache().upsertIssues({fullIssue(2)}, {{since, u"b"_s}}));
}

TEST_F(StoreWatermarks, OutboxTransitionsCanBeGroupedToo)
{
    UserDataDatabase &userData = m_store->userData();
    const qint64 id = userData.enqueue(u"comment"_s, {{u"body"_s, u"x"_s}});
    {
        StoreTransaction transaction(userData);
        ASSERT_TRUE(userData.markSending(id));
        ASSERT_TRUE(userData.markSent(id, {{u"id"_s, 5}}));
    } // rolled back
    EXPECT_EQ(userData.entry(id)->state, OutboxEntry::State::Queued);
    EXPECT_EQ(userData.entry(id)->attempts, 0);
}

} // namespace
