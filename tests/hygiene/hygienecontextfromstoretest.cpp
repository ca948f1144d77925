// The hygiene input built from a workspace store (the one function the PR list and `mainstay
// lint` share): which items are checked, and the context's lookups (labels, last release,
// changed files, maintainers) as the cache and the outbox hold them.

#include "hygienecontextfromstore.h"
#include "hygienechecker.h"
#include "hygienerules.h"
#include "lintrunner.h"
#include "manualclock.h"
#include "outboxkind.h"
#include "policy.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QTemporaryDir>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

QList<Label> labels(const QStringList &names)
{
    QList<Label> result;
    for (const QString &name : names)
        result.append(Label{0, name, QString(), QString(), false});
    return result;
}

PullRequest pull(int number, const QStringList &names = {u"feature"_s, u"size/XS"_s})
{
    PullRequest pr;
    pr.id = 1000 + number;
    pr.number = number;
    pr.title = u"feat(logger): add a correlation id"_s;
    pr.labels = labels(names);
    pr.additions = 3;
    pr.deletions = 2;
    pr.linkedIssues = {7};
    pr.headSha = u"head%1"_s.arg(number);
    pr.createdAt = t0;
    pr.updatedAt = t0;
    pr.htmlUrl = u"https://github.com/o/r/pull/%1"_s.arg(number);
    return pr;
}

Issue issue(int number, const QStringList &names = {}, bool open = true)
{
    Issue item;
    item.id = 2000 + number;
    item.number = number;
    item.title = u"Bug: something"_s;
    item.labels = labels(names);
    item.state = open ? Issue::State::Open : Issue::State::Closed;
    item.createdAt = t0;
    item.updatedAt = t0;
    item.htmlUrl = u"https://github.com/o/r/issues/%1"_s.arg(number);
    return item;
}

class HygieneFromStore : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_store.open(m_dir.path(), u"o/r"_s).ok);
        PullRequest areaKnown = pull(10);
        PullRequest staleFiles = pull(11);
        PullRequest partialFiles = pull(12);
        PullRequest merged = pull(13);
        merged.state = Issue::State::Closed;
        merged.mergedAt = t0.addDays(3);
        merged.closedAt = merged.mergedAt;
        PullRequest closed = pull(14);
        closed.state = Issue::State::Closed;
        closed.closedAt = t0;
        PullRequest templateLine = pull(15);
        templateLine.linkedIssues.clear();
        templateLine.body = u"Some text\n\n**Issue number:** #7\n"_s;
        const QList<PullRequest> pulls{areaKnown, staleFiles, partialFiles,
                                       merged,    closed,     templateLine};
        QList<Issue> items;
        for (const PullRequest &pr : pulls)
            items.append(pr);
        items += {issue(7, {u"bug"_s}, false), issue(20), issue(21, {}, false)};
        ASSERT_TRUE(m_store.cache().upsertIssues(items));
        ASSERT_TRUE(m_store.cache().upsertPullRequestDetails(pulls));

        const QStringList logging{u"aws_lambda_powertools/logging/logger.py"_s};
        ASSERT_TRUE(m_store.cache().upsertPullRequestFiles({
            {10, u"head10"_s, logging, true},
            {11, u"before-a-push"_s, logging, true},
            {12, u"head12"_s, logging, false},
        }));
        Release release;
        release.id = 1;
        release.tagName = u"v1.0.0"_s;
        release.publishedAt = t0.addDays(1);
        release.createdAt = release.publishedAt;
        Release draft = release;
        draft.id = 2;
        draft.draft = true;
        draft.publishedAt = QDateTime();
        draft.createdAt = t0.addDays(5);
        ASSERT_TRUE(m_store.cache().replaceReleases({draft, release}));
    }

    QList<HygieneFinding> findings(const QStringList &only = {})
    {
        return LintRunner(m_store, Policy::defaultPolicy(), &m_clock).run(only);
    }

    QTemporaryDir m_dir;
    ManualClock m_clock{t0.addDays(2)};
    WorkspaceStore m_store;
};

QList<int> numbersOf(const QList<HygieneFinding> &findings)
{
    QList<int> numbers;
    for (const HygieneFinding &finding : findings)
        numbers.append(finding.number);
    return numbers;
}

} // namespace

TEST_F(HygieneFromStore, ChecksOpenAndMergedPullRequestsAndOpenIssues)
{
    const HygieneItems items = hygieneItemsFromStore(m_store);
    QList<int> pulls;
    for (const PullRequest &pr : items.pullRequests) {
        pulls.append(pr.number);
        EXPECT_TRUE(pr.hasSize()) << pr.number;
        EXPECT_EQ(pr.headSha, u"head%1"_s.arg(pr.number));
    }
    EXPECT_EQ(pulls, (QList<int>{10, 11, 12, 13, 15}));
    ASSERT_EQ(items.issues.size(), 1);
    EXPECT_EQ(items.issues[0].number, 20);
    // The body is loaded: the template's issue line counts as a link.
    EXPECT_TRUE(findings({HygieneRules::linkedIssue.toString()}).isEmpty());
}

TEST_F(HygieneFromStore, AreaLabelsUseOnlyCompleteFilesOfTheCurrentHead)
{
    const QList<HygieneFinding> area = findings({HygieneRules::areaLabel.toString()});
    ASSERT_EQ(numbersOf(area), QList<int>{10});
    EXPECT_EQ(area[0].fix, (LabelChange{{u"logger"_s}, {}}));

    const HygieneContext context =
        hygieneContextFromStore(m_store, Policy::defaultPolicy(), &m_clock);
    EXPECT_TRUE(context.changedFiles(10).has_value());
    EXPECT_FALSE(context.changedFiles(11).has_value()) << "read before a push";
    EXPECT_FALSE(context.changedFiles(12).has_value()) << "only some pages read";
    EXPECT_FALSE(context.changedFiles(99).has_value());
}

TEST_F(HygieneFromStore, PendingReleaseUsesTheStoredIssueAndTheLastPublishedRelease)
{
    const QList<HygieneFinding> pending = findings({HygieneRules::pendingRelease.toString()});
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending[0].number, 7);
    EXPECT_EQ(pending[0].pullRequest, 13);
    const HygieneContext context =
        hygieneContextFromStore(m_store, Policy::defaultPolicy(), &m_clock);
    EXPECT_EQ(context.lastRelease, t0.addDays(1)) << "the draft does not count";
    EXPECT_EQ(context.issueLabels(7), QStringList{u"bug"_s});
    EXPECT_FALSE(context.issueLabels(404).has_value());
    EXPECT_EQ(context.maintainers, Policy::defaultPolicy().maintainers) << "none synced";
    EXPECT_EQ(context.now(), m_clock.now());

    ASSERT_TRUE(m_store.cache().replaceMaintainers({u"ayla"_s}));
    EXPECT_EQ(hygieneContextFromStore(m_store, Policy::defaultPolicy()).maintainers,
              QStringList{u"ayla"_s});
}

TEST_F(HygieneFromStore, QueuedFixesAreNotReportedAgain)
{
    const QList<LintRunner::Fix> fixes = LintRunner::fixesFor(findings());
    ASSERT_FALSE(fixes.isEmpty());
    for (const LintRunner::Fix &fix : fixes) {
        QJsonObject payload{{u"number"_s, fix.number}};
        payload.insert(u"add"_s, QJsonArray::fromStringList(fix.change.add));
        payload.insert(u"remove"_s, QJsonArray::fromStringList(fix.change.remove));
        ASSERT_GT(m_store.userData().enqueue(OutboxKind::ChangeLabels, payload), 0);
    }
    for (const HygieneFinding &finding : findings())
        EXPECT_FALSE(finding.isFixable()) << finding.number << ' ' << finding.rule.toStdString();
}

TEST(LintRunner, FixesNeverRemoveLabelsOutsideTheirRule)
{
    HygieneFinding size;
    size.rule = HygieneRules::sizeLabel.toString();
    size.number = 5;
    size.fix = {{u"size/S"_s}, {u"size/XL"_s}};
    HygieneFinding area;
    area.rule = HygieneRules::areaLabel.toString();
    area.number = 5;
    area.fix = {{u"logger"_s}, {u"tracer"_s}}; // no rule does this; the runner must not either
    HygieneFinding info;
    info.rule = HygieneRules::stale.toString();
    info.number = 6;
    const QList<LintRunner::Fix> fixes = LintRunner::fixesFor({size, area, info});
    ASSERT_EQ(fixes.size(), 1);
    EXPECT_EQ(fixes[0].number, 5);
    EXPECT_EQ(fixes[0].change, (LabelChange{{u"size/S"_s, u"logger"_s}, {u"size/XL"_s}}));
    EXPECT_EQ(fixes[0].rules, (QStringList{u"size-label"_s, u"area-label"_s}));
    EXPECT_EQ(LintRunner::describe(fixes[0]),
              u"#5: add size/S, logger; remove size/XL (size-label, area-label)"_s);

    EXPECT_EQ(LintRunner::line(size), u"#5 size-label: "_s);
    const QJsonObject json = LintRunner::toJson(size);
    EXPECT_EQ(json.keys(), (QStringList{u"fix"_s, u"message"_s, u"number"_s, u"rule"_s}));
    EXPECT_EQ(json[u"fix"_s][u"remove"_s].toArray(), QJsonArray{u"size/XL"_s});
    EXPECT_TRUE(LintRunner::toJson(info)[u"fix"_s].isNull());
}
