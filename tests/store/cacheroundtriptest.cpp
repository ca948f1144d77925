// Every cache entity goes in and comes back equal, after a reopen of the files.

#include "storetestdata.h"
#include "storetestsupport.h"

#include <QThread>

#include <thread>

using namespace Mainstay;
using namespace Mainstay::StoreTest;
using namespace Mainstay::StoreTestData;
using namespace Qt::StringLiterals;

namespace {

class StoreCacheRoundTrip : public StoreFixture
{
protected:
    void SetUp() override
    {
        StoreFixture::SetUp();
        open();
    }
    CacheDatabase &cache() { return m_store->cache(); }
    void reopen()
    {
        close();
        const StoreOpenResult result = open();
        EXPECT_TRUE(result.notice.isEmpty()) << result.notice.toStdString();
    }
};

// What loadIssues() gives back: no body, no web URL.
Issue withoutBody(Issue issue)
{
    issue.body.clear();
    issue.htmlUrl.clear();
    return issue;
}

QHash<int, Issue> byNumber(const QList<Issue> &issues)
{
    QHash<int, Issue> map;
    for (const Issue &issue : issues)
        map.insert(issue.number, issue);
    return map;
}

TEST_F(StoreCacheRoundTrip, IssuesComeBackEqualWithBodiesLoadedSeparately)
{
    Issue longBody = fullIssue(4);
    longBody.body = QString(u"0123456789abcdef…"_s).repeated(64 * 1024); // ~1.1 M characters
    PullRequest pull = pullRequest(5);
    pull.draft = true;
    const QList<Issue> issues = {fullIssue(1), minimalIssue(2), unicodeIssue(3), longBody,
                                 static_cast<const Issue &>(pull)};
    ASSERT_TRUE(cache().upsertIssues(issues));
    reopen();

    const QList<Issue> loaded = cache().loadIssues();
    ASSERT_EQ(loaded.size(), issues.size());
    for (qsizetype i = 0; i < issues.size(); ++i) {
        SCOPED_TRACE(issues[i].number);
        EXPECT_EQ(loaded[i], withoutBody(issues[i]));
        EXPECT_TRUE(loaded[i].body.isEmpty());
        EXPECT_EQ(cache().issueBody(issues[i].number), issues[i].body);
        EXPECT_EQ(cache().issue(issues[i].number), issues[i]);
    }
    EXPECT_EQ(cache().issueCount(), issues.size());
    EXPECT_EQ(cache().issue(99), std::nullopt);
    EXPECT_TRUE(cache().issueBody(99).isNull());
}

TEST_F(StoreCacheRoundTrip, NullableTimesAndEmptyListsStayEmpty)
{
    Issue issue = minimalIssue(7);
    ASSERT_TRUE(cache().upsertIssues({issue}));
    reopen();
    const Issue loaded = cache().loadIssues().value(0);
    EXPECT_FALSE(loaded.createdAt.isValid());
    EXPECT_FALSE(loaded.closedAt.isValid());
    EXPECT_FALSE(loaded.mergedAt.isValid());
    EXPECT_TRUE(loaded.labels.isEmpty());
    EXPECT_TRUE(loaded.assignees.isEmpty());
    EXPECT_FALSE(loaded.milestone.has_value());
    EXPECT_TRUE(loaded.author.isEmpty());
    EXPECT_EQ(loaded, issue);
}

TEST_F(StoreCacheRoundTrip, UpsertUpdatesItemsInPlaceByNumber)
{
    ASSERT_TRUE(cache().upsertIssues({fullIssue(1), fullIssue(2)}));
    Issue changed = fullIssue(2);
    changed.title = u"Renamed"_s;
    changed.labels = {label(u"feature-request"_s, 30)};
    changed.milestone.reset();
    changed.state = Issue::State::Open;
    changed.stateReason = Issue::StateReason::Reopened;
    changed.body = u"new body"_s;
    ASSERT_TRUE(cache().upsertIssues({changed, fullIssue(3)}));

    const QList<Issue> loaded = cache().loadIssues();
    ASSERT_EQ(loaded.size(), 3);
    EXPECT_EQ(loaded[0], withoutBody(fullIssue(1)));
    EXPECT_EQ(loaded[1], withoutBody(changed));
    EXPECT_EQ(cache().issueBody(2), u"new body"_s);
    EXPECT_EQ(loaded[2], withoutBody(fullIssue(3)));
}

TEST_F(StoreCacheRoundTrip, RemovedIssuesLoseBodiesAndDetails)
{
    ASSERT_TRUE(cache().upsertIssues({fullIssue(1), static_cast<const Issue &>(pullRequest(2))}));
    ASSERT_TRUE(cache().upsertPullRequestDetails({pullRequest(2)}));
    ASSERT_TRUE(cache().removeIssues({2}));
    EXPECT_EQ(cache().issueCount(), 1);
    EXPECT_TRUE(cache().issueBody(2).isNull());
    EXPECT_TRUE(cache().loadPullRequestDetails().isEmpty());
}

TEST_F(StoreCacheRoundTrip, PullRequestFilesComeBackAndGoWithTheirItem)
{
    ASSERT_TRUE(cache().upsertIssues({static_cast<const Issue &>(pullRequest(2))}));
    const PullRequestFiles first{2, u"abc"_s, {u"docs/a b.md"_s, u"src/x.py"_s}, true};
    const PullRequestFiles partial{3, u"def"_s, {u"tests/t.py"_s}, false};
    const PullRequestFiles none{4, u"123"_s, {}, true};
    ASSERT_TRUE(cache().upsertPullRequestFiles({first, partial, none}));
    QHash<int, PullRequestFiles> loaded = cache().loadPullRequestFiles();
    ASSERT_EQ(loaded.size(), 3);
    EXPECT_EQ(loaded[2], first);
    EXPECT_EQ(loaded[3], partial);
    EXPECT_EQ(loaded[4], none);

    // A newer head replaces the row.
    const PullRequestFiles pushed{2, u"abd"_s, {u"docs/a b.md"_s}, true};
    ASSERT_TRUE(cache().upsertPullRequestFiles({pushed}));
    EXPECT_EQ(cache().loadPullRequestFiles().value(2), pushed);

    ASSERT_TRUE(cache().removeIssues({2}));
    loaded = cache().loadPullRequestFiles();
    EXPECT_FALSE(loaded.contains(2));
    EXPECT_TRUE(loaded.contains(3));
    ASSERT_TRUE(cache().clear());
    EXPECT_TRUE(cache().loadPullRequestFiles().isEmpty());
}

TEST_F(StoreCacheRoundTrip, LoadedItemsShareLabelUserAndMilestoneStrings)
{
    Issue a = fullIssue(1);
    Issue b = fullIssue(2);
    b.labels = {label(u"bug"_s, 11)}; // the same label in another set
    Issue c = fullIssue(3);           // the same set as a
    ASSERT_TRUE(cache().upsertIssues({a, b, c}));
    reopen();
    const QList<Issue> loaded = cache().loadIssues();
    ASSERT_EQ(loaded.size(), 3);
    EXPECT_EQ(loaded[0].labels[0].name, u"bug"_s);
    EXPECT_EQ(loaded[0].labels[0].name.constData(), loaded[1].labels[0].name.constData());
    EXPECT_EQ(loaded[0].author.login.constData(), loaded[1].author.login.constData());
    EXPECT_EQ(loaded[0].assignees[0].login.constData(), loaded[2].assignees[0].login.constData());
    EXPECT_EQ(loaded[0].milestone->title.constData(), loaded[1].milestone->title.constData());
    // Items with the same label set share the list itself.
    EXPECT_EQ(loaded[0].labels.constData(), loaded[2].labels.constData());
}

TEST_F(StoreCacheRoundTrip, ChangedLabelColourKeepsWhatEachItemWasSyncedWith)
{
    Issue before = fullIssue(1);
    Issue after = fullIssue(2);
    after.labels[0].color = u"00ff00"_s;
    ASSERT_TRUE(cache().upsertIssues({before}));
    ASSERT_TRUE(cache().upsertIssues({after}));
    const QList<Issue> loaded = cache().loadIssues();
    ASSERT_EQ(loaded.size(), 2);
    EXPECT_EQ(loaded[0].labels, before.labels);
    EXPECT_EQ(loaded[1].labels, after.labels);
    EXPECT_EQ(loaded[0].labels[0].name.constData(), loaded[1].labels[0].name.constData());
}

TEST_F(StoreCacheRoundTrip, PullRequestDetailsMergeOverTheirIssueRow)
{
    const PullRequest pull = pullRequest(5);
    PullRequest orphan; // details synced before the issue row
    orphan.number = 6;
    orphan.pullId = 77;
    orphan.additions = 0;
    orphan.deletions = 0;
    orphan.changedFiles = 0;
    orphan.draft = true;
    ASSERT_TRUE(cache().upsertIssues({static_cast<const Issue &>(pull)}));
    ASSERT_TRUE(cache().upsertPullRequestDetails({pull, orphan}));
    reopen();

    const QHash<int, PullRequest> details = cache().loadPullRequestDetails();
    ASSERT_EQ(details.size(), 2);
    PullRequest expected = pull;
    expected.body.clear();
    EXPECT_EQ(details.value(5), expected);
    EXPECT_EQ(details.value(6), orphan);

    PullRequest updated = pull;
    updated.checkState = PullRequest::CheckState::Success;
    updated.linkedIssues.clear();
    updated.additions = -1; // not fetched yet
    ASSERT_TRUE(cache().upsertPullRequestDetails({updated}));
    EXPECT_EQ(cache().loadPullRequestDetails().value(5).checkState,
              PullRequest::CheckState::Success);
    EXPECT_TRUE(cache().loadPullRequestDetails().value(5).linkedIssues.isEmpty());
    EXPECT_FALSE(cache().loadPullRequestDetails().value(5).hasSize());
}

TEST_F(StoreCacheRoundTrip, LabelsAreReplacedAsAWhole)
{
    const QList<Label> first = {label(u"bug"_s, 1), label(u"triage"_s, 2), label(u"RFC"_s, 3)};
    const QList<Label> second = {label(u"RFC"_s, 3), label(u"help wanted"_s, 4)};
    ASSERT_TRUE(cache().replaceLabels(first));
    EXPECT_EQ(cache().loadLabels(), first);
    ASSERT_TRUE(cache().replaceLabels(second));
    reopen();
    EXPECT_EQ(cache().loadLabels(), second);
    ASSERT_TRUE(cache().replaceLabels({}));
    EXPECT_TRUE(cache().loadLabels().isEmpty());
}

TEST_F(StoreCacheRoundTrip, MilestonesAreReplacedAsAWhole)
{
    Milestone noDueDate = milestone();
    noDueDate.id = 1;
    noDueDate.dueOn = QDateTime();
    noDueDate.open = false;
    ASSERT_TRUE(cache().replaceMilestones({milestone(), noDueDate}));
    reopen();
    EXPECT_EQ(cache().loadMilestones(), (QList<Milestone>{milestone(), noDueDate}));
    ASSERT_TRUE(cache().replaceMilestones({noDueDate}));
    EXPECT_EQ(cache().loadMilestones(), QList<Milestone>{noDueDate});
}

TEST_F(StoreCacheRoundTrip, CommentsPerIssueOldestFirstAndLastCommentPerIssue)
{
    const Comment first = comment(10, 1, "2026-01-01T10:00:00Z", u"alice"_s);
    const Comment second = comment(11, 1, "2026-01-02T10:00:00Z", u"bob"_s);
    const Comment tieLowerId = comment(20, 2, "2026-01-03T10:00:00Z", u"carol"_s);
    const Comment tieHigherId = comment(21, 2, "2026-01-03T10:00:00Z", u"dave"_s);
    Comment deleted = comment(30, 3, "2026-01-04T10:00:00Z", QString());
    deleted.author = User(); // a ghost account
    ASSERT_TRUE(cache().upsertComments({second, tieHigherId, first, tieLowerId, deleted}));
    reopen();

    EXPECT_EQ(cache().loadComments(1), (QList<Comment>{first, second}));
    EXPECT_EQ(cache().loadComments(3), QList<Comment>{deleted});
    EXPECT_TRUE(cache().loadComments(4).isEmpty());

    const QHash<int, Comment> last = cache().lastComments();
    ASSERT_EQ(last.size(), 3);
    Comment expected = second;
    expected.body.clear();
    EXPECT_EQ(last.value(1), expected);
    EXPECT_EQ(last.value(2).id, 21);
    EXPECT_EQ(last.value(2).author.login, u"dave"_s);
    EXPECT_TRUE(last.value(3).author.isEmpty());

    Comment edited = first;
    edited.body = u"edited"_s;
    ASSERT_TRUE(cache().upsertComments({edited}));
    EXPECT_EQ(cache().loadComments(1), (QList<Comment>{edited, second}));
    ASSERT_TRUE(cache().removeComments({11}));
    EXPECT_EQ(cache().loadComments(1), QList<Comment>{edited});
}

TEST_F(StoreCacheRoundTrip, FirstCommentOfEachAuthorPerIssue)
{
    Comment aliceLater = comment(12, 1, "2026-01-05T10:00:00Z", u"alice"_s);
    Comment aliceFirst = comment(10, 1, "2026-01-01T10:00:00+02:00", u"alice"_s);
    aliceFirst.authorAssociation = AuthorAssociation::Member;
    const Comment bob = comment(11, 1, "2026-01-02T10:00:00Z", u"bob"_s);
    const Comment carol = comment(20, 2, "2026-01-03T10:00:00Z", u"carol"_s);
    ASSERT_TRUE(cache().upsertComments({aliceLater, bob, carol, aliceFirst}));
    reopen();

    const QList<Comment> first = cache().firstCommentsByAuthor();
    ASSERT_EQ(first.size(), 3);
    EXPECT_EQ(first[0].id, 10);
    EXPECT_EQ(first[0].issueNumber, 1);
    EXPECT_EQ(first[0].author.login, u"alice"_s);
    EXPECT_EQ(first[0].authorAssociation, AuthorAssociation::Member);
    EXPECT_EQ(first[0].createdAt, QDateTime::fromString(u"2026-01-01T08:00:00Z"_s, Qt::ISODate));
    EXPECT_TRUE(first[0].body.isEmpty());
    EXPECT_EQ(first[1].id, 11);
    EXPECT_EQ(first[1].author.login, u"bob"_s);
    EXPECT_EQ(first[2].id, 20);
    EXPECT_EQ(first[2].issueNumber, 2);
}

TEST_F(StoreCacheRoundTrip, IssueEventsUpsertById)
{
    IssueEvent labeled = issueEvent(1, 5, "2026-01-01T10:00:00Z");
    IssueEvent closed = issueEvent(2, 5, "2026-01-02T10:00:00Z");
    closed.event = u"closed"_s;
    closed.labelName.clear();
    closed.stateReason = u"not_planned"_s;
    IssueEvent other = issueEvent(3, 6, "2025-12-31T10:00:00Z");
    other.actor = User();
    ASSERT_TRUE(cache().upsertIssueEvents({closed, labeled, other}));
    ASSERT_TRUE(cache().upsertIssueEvents({labeled})); // a re-read page
    reopen();
    EXPECT_EQ(cache().loadIssueEvents(), (QList<IssueEvent>{other, labeled, closed}));
    EXPECT_EQ(cache().loadIssueEvents(5), (QList<IssueEvent>{labeled, closed}));
}

TEST_F(StoreCacheRoundTrip, ReleasesNewestFirstReplacedUpsertedAndRemoved)
{
    const Release old = release(1, "2025-01-01T00:00:00Z", false);
    const Release draft = release(2, "2026-01-01T00:00:00Z", true);
    ASSERT_TRUE(cache().replaceReleases({old, draft}));
    reopen();
    EXPECT_EQ(cache().loadReleases(), (QList<Release>{draft, old}));

    Release published = draft;
    published.draft = false;
    published.publishedAt = at("2026-01-02T00:00:00Z");
    ASSERT_TRUE(cache().upsertReleases({published}));
    EXPECT_EQ(cache().loadReleases(), (QList<Release>{published, old}));
    ASSERT_TRUE(cache().removeRelease(1));
    EXPECT_EQ(cache().loadReleases(), QList<Release>{published});
    ASSERT_TRUE(cache().replaceReleases({old}));
    EXPECT_EQ(cache().loadReleases(), QList<Release>{old});
}

TEST_F(StoreCacheRoundTrip, WorkflowsRunsAndRunLookups)
{
    Workflow release{10, u"Release"_s, u".github/workflows/release.yml"_s, u"active"_s,
                     u"https://github.com/o/r/actions/workflows/release.yml"_s};
    Workflow docs{11, u"Docs"_s, u".github/workflows/docs.yml"_s, u"disabled_manually"_s, {}};
    ASSERT_TRUE(cache().replaceWorkflows({release, docs}));

    const WorkflowRun older = workflowRun(100, 10, "2026-01-01T00:00:00Z");
    WorkflowRun newer = workflowRun(101, 10, "2026-02-01T00:00:00Z");
    newer.status = RunStatus::Queued;
    newer.conclusion = RunConclusion::None;
    newer.runStartedAt = QDateTime();
    const WorkflowRun otherWorkflow = workflowRun(200, 11, "2026-03-01T00:00:00Z");
    ASSERT_TRUE(cache().upsertWorkflowRuns({older, newer, otherWorkflow}));
    reopen();

    EXPECT_EQ(cache().loadWorkflows(), (QList<Workflow>{release, docs}));
    EXPECT_EQ(cache().loadWorkflowRuns(10), (QList<WorkflowRun>{newer, older}));
    EXPECT_EQ(cache().workflowRun(200), otherWorkflow);
    EXPECT_EQ(cache().workflowRun(999), std::nullopt);

    newer.status = RunStatus::Completed;
    newer.conclusion = RunConclusion::Unknown;
    ASSERT_TRUE(cache().upsertWorkflowRuns({newer}));
    EXPECT_EQ(cache().workflowRun(101), newer);
    ASSERT_TRUE(cache().replaceWorkflows({docs}));
    EXPECT_EQ(cache().loadWorkflows(), QList<Workflow>{docs});
}

TEST_F(StoreCacheRoundTrip, JobsOfOneAttemptAreReplacedWithTheirSteps)
{
    const QList<WorkflowJob> attempt1 = {workflowJob(1, 100, 1, u"Build / wheels"_s),
                                         workflowJob(2, 100, 1, u"Build / docs"_s)};
    QList<WorkflowJob> attempt2 = {workflowJob(3, 100, 2, u"Build / wheels"_s)};
    attempt2[0].steps.clear();
    attempt2[0].labels.clear();
    ASSERT_TRUE(cache().replaceJobs(100, 1, attempt1));
    ASSERT_TRUE(cache().replaceJobs(100, 2, attempt2));
    reopen();
    EXPECT_EQ(cache().loadJobs(100, 1), attempt1);
    EXPECT_EQ(cache().loadJobs(100, 2), attempt2);

    WorkflowJob finished = attempt1[1];
    finished.status = RunStatus::Completed;
    finished.conclusion = RunConclusion::Failure;
    finished.completedAt = at("2026-11-27T10:30:00Z");
    ASSERT_TRUE(cache().replaceJobs(100, 1, {finished}));
    EXPECT_EQ(cache().loadJobs(100, 1), QList<WorkflowJob>{finished});
    EXPECT_EQ(cache().loadJobs(100, 2), attempt2);
    EXPECT_TRUE(cache().loadJobs(101, 1).isEmpty());
}

TEST_F(StoreCacheRoundTrip, MaintainersAreReplacedAsAWhole)
{
    ASSERT_TRUE(cache().replaceMaintainers({u"heitorlessa"_s, u"leandrodamascena"_s}));
    reopen();
    EXPECT_EQ(cache().loadMaintainers(), (QStringList{u"heitorlessa"_s, u"leandrodamascena"_s}));
    ASSERT_TRUE(cache().replaceMaintainers({u"sthulb"_s}));
    EXPECT_EQ(cache().loadMaintainers(), QStringList{u"sthulb"_s});
}

TEST_F(StoreCacheRoundTrip, SyncValuesDistinguishUnsetFromEmpty)
{
    EXPECT_TRUE(cache().syncValue(u"issues.since"_s).isNull());
    ASSERT_TRUE(cache().setSyncValue(u"issues.since"_s, u"2026-11-27T10:04:05Z"_s));
    ASSERT_TRUE(cache().setSyncValue(u"issues.next"_s, u""_s));
    reopen();
    EXPECT_EQ(cache().syncValue(u"issues.since"_s), u"2026-11-27T10:04:05Z"_s);
    EXPECT_FALSE(cache().syncValue(u"issues.next"_s).isNull());
    EXPECT_TRUE(cache().syncValue(u"issues.next"_s).isEmpty());
    ASSERT_TRUE(cache().setSyncValues({{u"a"_s, u"1"_s}, {u"issues.since"_s, QString()}}));
    EXPECT_TRUE(cache().syncValue(u"issues.since"_s).isNull());
    EXPECT_EQ(cache().syncValue(u"a"_s), u"1"_s);
    ASSERT_TRUE(cache().removeSyncValue(u"a"_s));
    EXPECT_TRUE(cache().syncValue(u"a"_s).isNull());
}

TEST_F(StoreCacheRoundTrip, HttpCacheEntriesByUrl)
{
    const QUrl url(
        u"https://api.github.com/repos/o/r/issues?state=all&per_page=100&since=2026-01-01T00:00:00Z"_s);
    QByteArray binary(256, '\0');
    for (int i = 0; i < 256; ++i)
        binary[i] = char(i);
    const HttpCacheEntry entry{
        "W/\"abc\"", "Fri, 27 Nov 2026 10:04:05 GMT", binary,
        "<https://api.github.com/repositories/1/labels?page=2>; rel=\"next\""};
    EXPECT_EQ(cache().httpCacheEntry(url), std::nullopt);
    ASSERT_TRUE(cache().storeHttpCacheEntry(url, entry));
    reopen();
    EXPECT_EQ(cache().httpCacheEntry(url), entry);
    const HttpCacheEntry noValidators{{}, {}, "[]", {}};
    ASSERT_TRUE(cache().storeHttpCacheEntry(url, noValidators));
    EXPECT_EQ(cache().httpCacheEntry(url), noValidators);
    EXPECT_EQ(cache().httpCacheEntry(QUrl(u"https://api.github.com/repos/o/r/issues"_s)),
              std::nullopt);
    ASSERT_TRUE(cache().removeHttpCacheEntry(url));
    EXPECT_EQ(cache().httpCacheEntry(url), std::nullopt);
}

TEST_F(StoreCacheRoundTrip, ClearEmptiesTheCacheButNotTheUserData)
{
    ASSERT_TRUE(cache().upsertIssues({fullIssue(1)}));
    ASSERT_TRUE(cache().replaceLabels({label(u"bug"_s, 1)}));
    ASSERT_TRUE(cache().setSyncValue(u"issues.since"_s, u"x"_s));
    ASSERT_TRUE(
        cache().storeHttpCacheEntry(QUrl(u"https://api.github.com/x"_s), {"e", "", "b", {}}));
    ASSERT_TRUE(m_store->userData().saveDraft(u"notes"_s, u"draft"_s));
    ASSERT_NE(m_store->userData().enqueue(u"comment"_s, {{u"body"_s, u"hi"_s}}), 0);

    ASSERT_TRUE(m_store->clearCache());
    EXPECT_EQ(cache().issueCount(), 0);
    EXPECT_TRUE(cache().loadLabels().isEmpty());
    EXPECT_TRUE(cache().syncValue(u"issues.since"_s).isNull());
    EXPECT_EQ(cache().httpCacheEntry(QUrl(u"https://api.github.com/x"_s)), std::nullopt);
    EXPECT_EQ(m_store->userData().draft(u"notes"_s), u"draft"_s);
    EXPECT_EQ(m_store->userData().pendingEntries().size(), 1);

    // Interned rows were cleared too, and new ones work.
    ASSERT_TRUE(cache().upsertIssues({fullIssue(2)}));
    EXPECT_EQ(cache().loadIssues(), QList<Issue>{withoutBody(fullIssue(2))});
}

TEST_F(StoreCacheRoundTrip, IssuesLoadOnAnotherThreadThroughTheirOwnConnection)
{
    QList<Issue> issues;
    for (int number = 1; number <= 50; ++number)
        issues.append(number % 2 ? fullIssue(number) : unicodeIssue(number));
    ASSERT_TRUE(cache().upsertIssues(issues));
    const QString path = m_store->cacheFilePath();

    QList<Issue> loaded;
    QString error;
    std::thread worker([&] { loaded = CacheDatabase::loadIssuesFromFile(path, &error); });
    worker.join();
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(loaded, cache().loadIssues());
    EXPECT_EQ(byNumber(loaded).value(2), withoutBody(unicodeIssue(2)));
}

TEST_F(StoreCacheRoundTrip, LoadingFromAMissingFileSaysSo)
{
    QString error;
    EXPECT_TRUE(CacheDatabase::loadIssuesFromFile(dataDir() + u"/nope.sqlite"_s, &error).isEmpty());
    EXPECT_TRUE(error.contains(u"does not exist"_s)) << error.toStdString();
}

} // namespace
