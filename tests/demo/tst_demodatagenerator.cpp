#include "demodatagenerator.h"
#include "policy.h"

#include <gtest/gtest.h>

#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Mainstay;

namespace {

const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);

const DemoDataset &dataset()
{
    static const DemoDataset data =
        DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, kNow);
    return data;
}

// The policy owns the size thresholds; the demo's size labels must agree with it.
QString expectedSizeLabel(int lines)
{
    return Policy::defaultPolicy().sizeLabelFor(lines);
}

QStringList sizeLabels(const Issue &item)
{
    QStringList out;
    for (const Label &label : item.labels)
        if (label.name.startsWith(QLatin1String("size/")))
            out.append(label.name);
    return out;
}

} // namespace

TEST(DemoDataGenerator, IsDeterministic)
{
    const DemoDataset again = DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, kNow);
    EXPECT_TRUE(again == dataset());
    EXPECT_EQ(again.issues, dataset().issues);
    EXPECT_EQ(again.jobs, dataset().jobs);
}

TEST(DemoDataGenerator, DifferentSeedsGiveDifferentData)
{
    const DemoDataset other = DemoDataGenerator::generate(7, kNow);
    EXPECT_FALSE(other == dataset());
    EXPECT_NE(other.issues, dataset().issues);
}

TEST(DemoDataGenerator, TimesAreRelativeToNow)
{
    const DemoDataset later =
        DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, kNow.addDays(10));
    ASSERT_EQ(later.issues.size(), dataset().issues.size());
    EXPECT_EQ(dataset().issues[5].createdAt.addDays(10), later.issues[5].createdAt);
    EXPECT_EQ(dataset().issues[5].title, later.issues[5].title);
}

TEST(DemoDataGenerator, HasRealisticCounts)
{
    const DemoDataset &d = dataset();
    EXPECT_EQ(d.fullName(), QStringLiteral("demo/lambda-powertools"));
    EXPECT_GE(d.issues.size(), 350);
    EXPECT_LE(d.issues.size(), 450);
    EXPECT_GE(d.pullRequests.size(), 250);
    EXPECT_LE(d.pullRequests.size(), 350);
    EXPECT_GE(d.releases.size(), 20);
    EXPECT_LE(d.releases.size(), 30);
    EXPECT_GE(d.comments.size(), 500);
    EXPECT_GE(d.maintainers.size(), 3);
    EXPECT_GE(d.workflows.size(), 3);

    int openIssues = 0;
    for (const Issue &issue : d.issues)
        openIssues += issue.isOpen();
    EXPECT_GT(openIssues, 40);
    EXPECT_LT(openIssues, 250);
    int openPulls = 0;
    for (const PullRequest &pull : d.pullRequests)
        openPulls += pull.isOpen();
    EXPECT_GT(openPulls, 10);
    EXPECT_LT(openPulls, 100);
}

TEST(DemoDataGenerator, NumbersInterleaveInOneSequence)
{
    const DemoDataset &d = dataset();
    QList<int> numbers;
    for (const Issue &issue : d.issues) {
        EXPECT_FALSE(issue.isPullRequest);
        numbers.append(issue.number);
    }
    for (const PullRequest &pull : d.pullRequests) {
        EXPECT_TRUE(pull.isPullRequest);
        numbers.append(pull.number);
    }
    std::sort(numbers.begin(), numbers.end());
    for (qsizetype i = 1; i < numbers.size(); ++i)
        ASSERT_EQ(numbers[i], numbers[i - 1] + 1);
    // Creation order follows the numbers.
    QMap<int, QDateTime> created;
    for (const Issue &issue : d.issues)
        created.insert(issue.number, issue.createdAt);
    for (const PullRequest &pull : d.pullRequests)
        created.insert(pull.number, pull.createdAt);
    QDateTime previous;
    for (const QDateTime &time : std::as_const(created)) {
        EXPECT_TRUE(!previous.isValid() || previous <= time);
        EXPECT_LE(time, kNow);
        EXPECT_GE(time, kNow.addDays(-740));
        previous = time;
    }
}

TEST(DemoDataGenerator, EveryUsedLabelExists)
{
    const DemoDataset &d = dataset();
    QHash<QString, Label> byName;
    for (const Label &label : d.labels) {
        EXPECT_FALSE(byName.contains(label.name)) << label.name.toStdString();
        EXPECT_TRUE(
            QRegularExpression(QStringLiteral("^[0-9a-f]{6}$")).match(label.color).hasMatch());
        EXPECT_FALSE(label.description.isEmpty());
        byName.insert(label.name, label);
    }
    for (const char *name : {"triage", "bug", "pending-release", "size/XXL", "good first issue",
                             "logger", "event_handler", "typing", "community-content"})
        EXPECT_TRUE(byName.contains(QString::fromUtf8(name))) << name;
    auto check = [&](const Issue &item) {
        for (const Label &label : item.labels) {
            ASSERT_TRUE(byName.contains(label.name)) << label.name.toStdString();
            EXPECT_EQ(byName.value(label.name), label);
        }
    };
    for (const Issue &issue : d.issues)
        check(issue);
    for (const PullRequest &pull : d.pullRequests)
        check(pull);
}

TEST(DemoDataGenerator, SizeLabelsMatchExceptTheKnownFew)
{
    const DemoDataset &d = dataset();
    EXPECT_GE(d.wrongSizeLabelPulls.size(), 2);
    EXPECT_GE(d.missingSizeLabelPulls.size(), 2);
    for (const PullRequest &pull : d.pullRequests) {
        ASSERT_TRUE(pull.hasSize());
        const QStringList sizes = sizeLabels(pull);
        if (d.missingSizeLabelPulls.contains(pull.number)) {
            EXPECT_TRUE(sizes.isEmpty());
            EXPECT_TRUE(pull.isOpen());
        } else if (d.wrongSizeLabelPulls.contains(pull.number)) {
            ASSERT_EQ(sizes.size(), 1);
            EXPECT_NE(sizes[0], expectedSizeLabel(pull.changedLines()));
        } else {
            ASSERT_EQ(sizes.size(), 1) << pull.number;
            EXPECT_EQ(sizes[0], expectedSizeLabel(pull.changedLines())) << pull.number;
        }
    }
}

TEST(DemoDataGenerator, PullRequestsLookLikeThePolicyWants)
{
    const DemoDataset &d = dataset();
    const QRegularExpression semantic(
        QStringLiteral("^(feat|fix|docs|chore|refactor|test|perf)(\\([a-z_-]+\\))?: .+"));
    int semanticCount = 0;
    int dependabot = 0;
    int linked = 0;
    int firstTime = 0;
    int drafts = 0;
    for (const PullRequest &pull : d.pullRequests) {
        semanticCount += semantic.match(pull.title).hasMatch();
        dependabot += pull.author.login == QLatin1String("dependabot[bot]");
        linked += !pull.linkedIssues.isEmpty();
        firstTime += pull.authorAssociation == AuthorAssociation::FirstTimeContributor;
        drafts += pull.draft;
        EXPECT_EQ(pull.baseRef, QStringLiteral("develop"));
        EXPECT_EQ(pull.headSha.size(), 40);
        if (pull.isMerged()) {
            EXPECT_FALSE(pull.isOpen());
            EXPECT_EQ(pull.closedAt, pull.mergedAt);
            EXPECT_EQ(pull.mergeCommitSha.size(), 40);
        }
        for (int number : pull.linkedIssues)
            EXPECT_TRUE(pull.body.contains(QStringLiteral("**Issue number:** #%1").arg(number)));
        EXPECT_GE(pull.updatedAt, pull.createdAt);
    }
    EXPECT_GT(semanticCount, d.pullRequests.size() * 9 / 10);
    EXPECT_LT(semanticCount, d.pullRequests.size()); // a few titles break the convention
    EXPECT_GT(dependabot, 20);
    EXPECT_GT(linked, 50);
    EXPECT_GT(firstTime, 5);
    EXPECT_GT(drafts, 0);
}

TEST(DemoDataGenerator, IssuesHaveConversationsAndWaitingSignals)
{
    const DemoDataset &d = dataset();
    QHash<int, QList<Comment>> byIssue;
    for (const Comment &comment : d.comments)
        byIssue[comment.issueNumber].append(comment);
    QSet<QString> maintainers;
    for (const User &user : d.maintainers)
        maintainers.insert(user.login);

    int waitingOnUs = 0;
    int unanswered = 0;
    int pendingRelease = 0;
    const QRegularExpression prefix(
        QStringLiteral("^(Bug|Feature request|RFC|Docs|Maintenance|Static typing): "));
    for (const Issue &issue : d.issues) {
        EXPECT_TRUE(prefix.match(issue.title).hasMatch()) << issue.title.toStdString();
        EXPECT_TRUE(issue.body.contains(QLatin1String("### ")));
        const QList<Comment> comments = byIssue.value(issue.number);
        EXPECT_EQ(issue.commentCount, comments.size());
        for (const Comment &comment : comments) {
            EXPECT_GE(comment.createdAt, issue.createdAt);
            EXPECT_LE(comment.createdAt, issue.updatedAt);
        }
        if (issue.isOpen() && !comments.isEmpty() &&
            !maintainers.contains(comments.last().author.login))
            ++waitingOnUs;
        if (issue.isOpen() && comments.isEmpty())
            ++unanswered;
        if (issue.hasLabel(u"pending-release")) {
            ++pendingRelease;
            EXPECT_FALSE(issue.isOpen());
        }
        if (!issue.isOpen()) {
            EXPECT_TRUE(issue.closedAt.isValid());
            EXPECT_NE(issue.stateReason, Issue::StateReason::None);
        }
    }
    EXPECT_GT(waitingOnUs, 5);
    EXPECT_GT(unanswered, 3);
    EXPECT_GT(pendingRelease, 0);
}

TEST(DemoDataGenerator, EventsAgreeWithLabelsAndClosing)
{
    const DemoDataset &d = dataset();
    // Replaying the label events of an issue gives its current labels.
    QHash<int, QSet<QString>> labels;
    QHash<int, int> closedEvents;
    for (const DemoIssueEvent &event : d.events) {
        if (event.event == QLatin1String("labeled"))
            labels[event.issueNumber].insert(event.labelName);
        else if (event.event == QLatin1String("unlabeled"))
            labels[event.issueNumber].remove(event.labelName);
        else if (event.event == QLatin1String("closed"))
            closedEvents[event.issueNumber] += 1;
    }
    for (const Issue &issue : d.issues) {
        QSet<QString> current;
        for (const Label &label : issue.labels)
            current.insert(label.name);
        EXPECT_EQ(labels.value(issue.number), current) << issue.number;
        EXPECT_EQ(closedEvents.value(issue.number), issue.isOpen() ? 0 : 1);
    }
    for (const PullRequest &pull : d.pullRequests) {
        QSet<QString> current;
        for (const Label &label : pull.labels)
            current.insert(label.name);
        EXPECT_EQ(labels.value(pull.number), current) << pull.number;
    }
}

TEST(DemoDataGenerator, ReleasesFollowTheGuide)
{
    const DemoDataset &d = dataset();
    ASSERT_FALSE(d.releases.isEmpty());
    EXPECT_TRUE(d.releases.first().draft);
    EXPECT_TRUE(
        d.releases.first().body.contains(QLatin1String("[Human readable summary of changes]")));
    const QRegularExpression semver(QStringLiteral("^v2\\.\\d+\\.\\d+$"));
    QSet<QString> tags;
    for (const Release &release : d.releases) {
        EXPECT_TRUE(semver.match(release.tagName).hasMatch()) << release.tagName.toStdString();
        EXPECT_EQ(release.name, release.tagName);
        EXPECT_EQ(release.targetCommitish, QStringLiteral("develop"));
        EXPECT_FALSE(tags.contains(release.tagName));
        tags.insert(release.tagName);
        EXPECT_TRUE(release.body.startsWith(QLatin1String("## Summary\n\n")));
        EXPECT_TRUE(release.body.contains(QLatin1String("\n## Changes\n")));
        EXPECT_TRUE(release.body.contains(
            QLatin1String("## This release was made possible by the following contributors:")));
        EXPECT_EQ(release.draft, !release.publishedAt.isValid());
    }
    int withFeatures = 0;
    for (const Release &release : d.releases)
        withFeatures +=
            release.body.contains(QStringLiteral("## 🌟New features and non-breaking changes"));
    EXPECT_GT(withFeatures, 5);
}

TEST(DemoDataGenerator, ReleaseRunsFollowTheGanttChart)
{
    const DemoDataset &d = dataset();
    const Workflow release = d.workflows.value(0);
    EXPECT_EQ(release.name, QStringLiteral("Release"));
    EXPECT_EQ(release.path, QStringLiteral(".github/workflows/release.yml"));

    int completed = 0;
    int failures = 0;
    int inProgress = 0;
    int secondAttempts = 0;
    for (const WorkflowRun &run : d.runs) {
        if (run.workflowId != release.id)
            continue;
        if (run.status == RunStatus::Completed) {
            ++completed;
            failures += run.conclusion == RunConclusion::Failure;
        } else {
            ++inProgress;
            EXPECT_EQ(run.id, d.liveRunId);
        }
        secondAttempts += run.runAttempt == 2;
    }
    EXPECT_GE(completed, 18);
    EXPECT_LE(completed, 24);
    EXPECT_GE(failures, 2);
    EXPECT_LE(failures, 3);
    EXPECT_EQ(inProgress, 1);
    EXPECT_EQ(secondAttempts, 1);
    EXPECT_EQ(d.earlierAttempts.size(), 1);

    // A completed successful run of the first attempt: >100 jobs, durations near the chart's.
    const WorkflowRun *sample = nullptr;
    for (const WorkflowRun &run : d.runs)
        if (run.workflowId == release.id && run.conclusion == RunConclusion::Success &&
            run.runAttempt == 1) {
            sample = &run;
            break;
        }
    ASSERT_NE(sample, nullptr);
    QList<WorkflowJob> jobs;
    for (const WorkflowJob &job : d.jobs)
        if (job.runId == sample->id)
            jobs.append(job);
    EXPECT_GT(jobs.size(), 100);
    QDateTime first;
    QDateTime last;
    QSet<QString> sections;
    for (const WorkflowJob &job : jobs) {
        EXPECT_TRUE(job.name.contains(QLatin1String(" / "))) << job.name.toStdString();
        sections.insert(job.name.section(QLatin1String(" / "), 0, 0));
        EXPECT_GE(job.steps.size(), 3);
        EXPECT_LE(job.steps.size(), 8);
        EXPECT_LT(job.createdAt, job.startedAt);
        EXPECT_LE(job.startedAt, job.completedAt);
        EXPECT_EQ(job.steps.first().name, QStringLiteral("Set up job"));
        EXPECT_EQ(job.steps.last().name, QStringLiteral("Complete job"));
        for (const WorkflowStep &step : job.steps) {
            EXPECT_GE(step.startedAt, job.startedAt);
            EXPECT_LE(step.completedAt, job.completedAt);
        }
        if (!first.isValid() || job.createdAt < first)
            first = job.createdAt;
        if (!last.isValid() || job.completedAt > last)
            last = job.completedAt;
    }
    for (const char *section :
         {"Seal", "Quality checks", "Build", "Provenance", "Release", "Git release",
          "Layer release", "SAR release", "Docs", "Post-release"})
        EXPECT_TRUE(sections.contains(QString::fromUtf8(section))) << section;
    const qint64 minutes = first.secsTo(last) / 60;
    EXPECT_GE(minutes, 22);
    EXPECT_LE(minutes, 36);
}

TEST(DemoDataGenerator, LiveRunWaitsForTheReviewOfItsPublishingJobAtNow)
{
    const DemoDataset &d = dataset();
    ASSERT_NE(d.liveRunId, 0);
    EXPECT_GT(d.liveRunPlan.size(), 100);
    EXPECT_EQ(d.releaseEnvironment.name, QStringLiteral("release"));
    EXPECT_NE(d.releaseEnvironment.id, 0);
    int done = 0;
    int listed = 0;
    int waiting = 0;
    for (const WorkflowJob &job : d.jobs) {
        if (job.runId != d.liveRunId)
            continue;
        ++listed;
        done += job.status == RunStatus::Completed;
        if (job.status == RunStatus::Waiting) {
            ++waiting;
            EXPECT_EQ(job.name, d.releaseEnvironment.jobName);
            // It has been waiting for a little while, not since the dawn of time.
            EXPECT_GT(job.createdAt.secsTo(d.now), 30);
            EXPECT_LT(job.createdAt.secsTo(d.now), 300);
        }
    }
    EXPECT_EQ(waiting, 1);
    EXPECT_EQ(done, listed - 1);
    EXPECT_GT(done, 5);
    EXPECT_LT(listed, d.liveRunPlan.size());
    for (const WorkflowRun &run : d.runs) {
        if (run.id == d.liveRunId) {
            EXPECT_EQ(run.status, RunStatus::Waiting);
        }
    }
    for (const WorkflowJob &job : d.liveRunPlan)
        EXPECT_EQ(job.conclusion, RunConclusion::Success);
}

TEST(DemoDataGenerator, InvariantsHoldForOtherSeeds)
{
    for (quint64 seed : {1ULL, 2ULL, 3ULL, 12345ULL, 0xdeadbeefULL}) {
        const DemoDataset d = DemoDataGenerator::generate(seed, kNow);
        SCOPED_TRACE(seed);
        EXPECT_GE(d.issues.size(), 350);
        EXPECT_GE(d.pullRequests.size(), 250);
        EXPECT_GE(d.wrongSizeLabelPulls.size(), 2);
        EXPECT_GE(d.missingSizeLabelPulls.size(), 2);
        int inProgress = 0;
        for (const WorkflowRun &run : d.runs)
            inProgress += run.status != RunStatus::Completed;
        EXPECT_EQ(inProgress, 1);
        EXPECT_TRUE(d.releases.first().draft);
        for (const PullRequest &pull : d.pullRequests)
            for (const Label &label : pull.labels)
                EXPECT_TRUE(d.labels.contains(label));
    }
}

TEST(DemoDataGenerator, SomeMergedFixesLackTheReleaseLabel)
{
    // The hygiene list's merged tab needs something to show: closed issues fixed after the last
    // release without `pending-release`, while the others have it.
    const DemoDataset &d = dataset();
    ASSERT_FALSE(d.missingPendingReleaseIssues.isEmpty());
    for (const Issue &issue : d.issues)
        if (d.missingPendingReleaseIssues.contains(issue.number)) {
            EXPECT_FALSE(issue.isOpen()) << issue.number;
            EXPECT_FALSE(issue.hasLabel(u"pending-release")) << issue.number;
        }
}

TEST(DemoDataGenerator, ASecondAttemptStartsWhenRequestedAndTakesItsOwnTime)
{
    const DemoDataset &d = dataset();
    const WorkflowRun *rerun = nullptr;
    for (const WorkflowRun &run : d.runs)
        if (run.runAttempt == 2)
            rerun = &run;
    ASSERT_NE(rerun, nullptr);
    const WorkflowRun *first = nullptr;
    for (const WorkflowRun &run : d.earlierAttempts)
        if (run.id == rerun->id && run.runAttempt == 1)
            first = &run;
    ASSERT_NE(first, nullptr);
    // Requested a while after the first attempt ended.
    EXPECT_GT(rerun->runStartedAt, first->updatedAt);

    QHash<QString, WorkflowJob> before;
    QList<WorkflowJob> again;
    for (const WorkflowJob &job : d.jobs) {
        if (job.runId != rerun->id)
            continue;
        if (job.runAttempt == 1)
            before.insert(job.name, job);
        else
            again.append(job);
    }
    ASSERT_FALSE(again.isEmpty());
    QDateTime earliest;
    int ranTwice = 0;
    for (const WorkflowJob &job : again) {
        SCOPED_TRACE(job.name.toStdString());
        EXPECT_GE(job.createdAt, rerun->runStartedAt);
        if (!earliest.isValid() || job.createdAt < earliest)
            earliest = job.createdAt;
        EXPECT_EQ(job.conclusion, RunConclusion::Success);
        ASSERT_TRUE(before.contains(job.name));
        const WorkflowJob &earlier = before.value(job.name);
        if (earlier.conclusion == RunConclusion::Skipped)
            continue;
        // The job that failed ran in both attempts, for a different but similar time.
        ++ranTwice;
        const qint64 took = job.startedAt.secsTo(job.completedAt);
        const qint64 tookBefore = earlier.startedAt.secsTo(earlier.completedAt);
        EXPECT_NE(took, tookBefore);
        EXPECT_GT(took, tookBefore * 7 / 10);
        EXPECT_LT(took, tookBefore * 14 / 10);
    }
    EXPECT_GE(ranTwice, 1);
    EXPECT_LE(rerun->runStartedAt.secsTo(earliest), 2);
}
