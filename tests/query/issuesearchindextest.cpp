#include "issuesearchindex.h"
#include "queryfixture.h"

#include <gtest/gtest.h>

using namespace Mainstay;

TEST(IssueSearchIndex, HoldsFoldedTitleAndBodyAsUtf8)
{
    Issue issue;
    issue.title = QStringLiteral("Großes ÜBEL");
    issue.body = QStringLiteral("Logger");
    EXPECT_EQ(IssueSearchIndex::searchText(issue), QByteArray("großes übel\nlogger"));
    EXPECT_EQ(IssueSearchIndex::foldTerm(u"ÜBEL"), QByteArray("übel"));
}

TEST(IssueSearchIndex, FollowsInsertsUpdatesAndRemovals)
{
    QList<Issue> issues = Mainstay::Test::queryFixture().mid(0, 3);
    IssueSearchIndex index;
    index.rebuild(issues);
    ASSERT_EQ(index.size(), 3);
    EXPECT_TRUE(index.text(0).startsWith("logger drops extra keys\n"));

    Issue added;
    added.title = QStringLiteral("Appended");
    issues.append(added);
    index.insert(issues, 3, 3);
    Issue inFront;
    inFront.title = QStringLiteral("In Front");
    issues.prepend(inFront);
    index.insert(issues, 0, 0);
    ASSERT_EQ(index.size(), 5);
    EXPECT_EQ(index.text(0).toByteArray(), QByteArray("in front\n"));
    EXPECT_EQ(index.text(4).toByteArray(), QByteArray("appended\n"));

    issues[2].title = QStringLiteral("Renamed");
    index.update(issues, 2, 2);
    EXPECT_EQ(index.text(2).toByteArray(), QByteArray("renamed\ntimes out after 30 s"));

    index.remove(1, 2);
    ASSERT_EQ(index.size(), 3);
    EXPECT_TRUE(index.text(1).startsWith("docs: explain"));
    EXPECT_GT(index.byteSize(), 0);
    index.clear();
    EXPECT_TRUE(index.isEmpty());
}

TEST(IssueSearchIndex, ReclaimsTheTextOfChangedRows)
{
    QList<Issue> issues = Mainstay::Test::queryFixture();
    IssueSearchIndex index;
    index.rebuild(issues);
    const qsizetype initial = index.byteSize();
    for (int round = 0; round < 500; ++round) {
        issues[4].title = QStringLiteral("Round %1 of renaming a rather long title").arg(round);
        index.update(issues, 4, 4);
    }
    EXPECT_EQ(index.text(4).toByteArray(), QByteArray("round 499 of renaming a rather long title\n"
                                                      "adds sampling to the logger."));
    EXPECT_EQ(index.text(5).toByteArray(), IssueSearchIndex::searchText(issues[5]));
    EXPECT_LT(index.byteSize(), initial + 16 * 1024) << "dead text is compacted away";
}
