#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "githubjson.h"
#include "isodatetime.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>

#include <memory>

using namespace Mainstay;

namespace {

const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);
const QString kRepoPath = QStringLiteral("/repos/demo/lambda-powertools");

const DemoDataset &generated()
{
    static const DemoDataset data =
        DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, kNow);
    return data;
}

HttpRequest makeRequest(const QByteArray &method, const QString &target,
                        const QByteArray &body = {})
{
    HttpRequest request;
    request.method = method;
    request.target = target.toUtf8();
    const qsizetype question = target.indexOf(QLatin1Char('?'));
    request.path = QUrl::fromPercentEncoding(target.left(question).toUtf8());
    if (question >= 0)
        request.query = QUrlQuery(target.mid(question + 1));
    request.headers = {{"Host", "127.0.0.1:4321"}, {"User-Agent", "mainstay-tests"}};
    request.body = body;
    return request;
}

QJsonValue json(const HttpResponse &response)
{
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

// The URL of a rel in a Link header, or an empty string.
QString linkUrl(const QByteArray &link, const QString &rel)
{
    const QRegularExpression pattern(QStringLiteral("<([^>]+)>; rel=\"%1\"").arg(rel));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(link));
    return match.hasMatch() ? match.captured(1) : QString();
}

class DemoGitHubBackendTest : public ::testing::Test
{
protected:
    HttpResponse get(const QString &target) { return m_backend.handle(makeRequest("GET", target)); }
    HttpResponse send(const QByteArray &method, const QString &target, const QJsonValue &body)
    {
        const QByteArray bytes = body.isArray() ? QJsonDocument(body.toArray()).toJson()
                                                : QJsonDocument(body.toObject()).toJson();
        return m_backend.handle(makeRequest(method, target, bytes));
    }
    int firstOpenIssue() const
    {
        for (const Issue &issue : generated().issues)
            if (issue.isOpen() && !issue.hasLabel(u"help wanted"))
                return issue.number;
        return 0;
    }

    // Approves (or rejects) the deployment `runId` waits for, as the release page does.
    HttpResponse review(qint64 runId, const QString &state, DemoGitHubBackend *backend = nullptr)
    {
        const QByteArray body = QJsonDocument(QJsonObject{
                                                  {QStringLiteral("environment_ids"),
                                                   QJsonArray{generated().releaseEnvironment.id}},
                                                  {QStringLiteral("state"), state},
                                                  {QStringLiteral("comment"), QStringLiteral("ok")},
                                              })
                                    .toJson();
        return (backend ? backend : &m_backend)
            ->handle(makeRequest(
                "POST",
                kRepoPath + QStringLiteral("/actions/runs/%1/pending_deployments").arg(runId),
                body));
    }

    ManualClock m_clock{kNow};
    DemoGitHubBackend m_backend{generated(), &m_clock};
};

} // namespace

TEST_F(DemoGitHubBackendTest, UnknownRepositoryIsNotFound)
{
    const HttpResponse response = get(QStringLiteral("/repos/demo/other-repo/issues"));
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(json(response).toObject(),
              (QJsonObject{{QStringLiteral("message"), QStringLiteral("Not Found")},
                           {QStringLiteral("documentation_url"),
                            QStringLiteral("https://docs.github.com/rest")}}));
    EXPECT_EQ(get(QStringLiteral("/repos/demo/lambda-powertools/nonsense")).status, 404);
    EXPECT_EQ(get(QStringLiteral("/repos/DEMO/Lambda-Powertools")).status, 200);
}

TEST_F(DemoGitHubBackendTest, ServesTheRepositoryUserAndRateLimit)
{
    const HttpResponse repo = get(kRepoPath);
    ASSERT_EQ(repo.status, 200);
    EXPECT_EQ(json(repo)[QStringLiteral("full_name")].toString(),
              QStringLiteral("demo/lambda-powertools"));
    EXPECT_EQ(json(repo)[QStringLiteral("default_branch")].toString(), QStringLiteral("develop"));
    EXPECT_EQ(repo.header("Content-Type"), "application/json; charset=utf-8");

    const HttpResponse user = get(QStringLiteral("/user"));
    EXPECT_EQ(json(user)[QStringLiteral("login")].toString(), generated().viewer.login);

    const HttpResponse limits = get(QStringLiteral("/rate_limit"));
    const auto parsed = GitHubJson::parseRateLimits(json(limits));
    ASSERT_TRUE(parsed.isOk()) << parsed.error().toStdString();
    EXPECT_EQ(parsed.value().first().limit, 5000);
}

TEST_F(DemoGitHubBackendTest, EveryResponseCarriesRateLimitHeaders)
{
    const HttpResponse first = get(kRepoPath + QStringLiteral("/labels"));
    EXPECT_EQ(first.header("x-ratelimit-limit"), "5000");
    EXPECT_EQ(first.header("x-ratelimit-remaining"), "4999");
    EXPECT_EQ(first.header("x-ratelimit-used"), "1");
    EXPECT_EQ(first.header("x-ratelimit-resource"), "core");
    EXPECT_EQ(first.header("x-ratelimit-reset").toLongLong(), kNow.toSecsSinceEpoch() + 3600);
    const HttpResponse missing = get(QStringLiteral("/repos/demo/nope"));
    EXPECT_EQ(missing.header("x-ratelimit-remaining"), "4998"); // errors count too
    const HttpResponse free = get(QStringLiteral("/rate_limit"));
    EXPECT_EQ(free.header("x-ratelimit-remaining"), "4998");
    EXPECT_EQ(get(kRepoPath).header("x-ratelimit-remaining"), "4997");

    // The window resets an hour later.
    m_clock.advance(3601 * 1000);
    EXPECT_EQ(get(kRepoPath).header("x-ratelimit-remaining"), "4999");
}

TEST_F(DemoGitHubBackendTest, ConditionalRequestsGet304AndCostNothing)
{
    const QString target = kRepoPath + QStringLiteral("/issues?state=all&sort=updated&per_page=50");
    const HttpResponse first = get(target);
    ASSERT_EQ(first.status, 200);
    const QByteArray etag = first.header("ETag");
    ASSERT_TRUE(etag.startsWith('"') && etag.endsWith('"'));
    EXPECT_EQ(get(target).header("ETag"), etag); // same content, same tag

    HttpRequest conditional = makeRequest("GET", target);
    conditional.headers.append({"If-None-Match", etag});
    const HttpResponse second = m_backend.handle(conditional);
    EXPECT_EQ(second.status, 304);
    EXPECT_TRUE(second.body.isEmpty());
    EXPECT_EQ(second.header("ETag"), etag);
    EXPECT_EQ(second.header("x-ratelimit-remaining"), "4998"); // not decremented

    HttpRequest weak = makeRequest("GET", target);
    weak.headers.append({"if-none-match", "W/" + etag});
    EXPECT_EQ(m_backend.handle(weak).status, 304);

    // A change on the server makes the old tag stale.
    ASSERT_EQ(send("POST", kRepoPath + QStringLiteral("/issues/%1/comments").arg(firstOpenIssue()),
                   QJsonObject{{QStringLiteral("body"), QStringLiteral("ping")}})
                  .status,
              201);
    m_clock.advance(1000);
    EXPECT_EQ(m_backend.handle(conditional).status, 200);
}

TEST_F(DemoGitHubBackendTest, SinceReturnsItemsUpdatedAtOrAfter)
{
    QList<QDateTime> updated;
    for (const Issue &issue : generated().issues)
        updated.append(issue.updatedAt);
    for (const PullRequest &pull : generated().pullRequests)
        updated.append(pull.updatedAt);
    std::sort(updated.begin(), updated.end());
    const QDateTime since = updated[updated.size() * 3 / 4];
    const qsizetype expected = std::count_if(updated.begin(), updated.end(),
                                             [&](const QDateTime &t) { return t >= since; });

    QString target = kRepoPath +
                     QStringLiteral("/issues?state=all&sort=updated&direction=asc&since=") +
                     toIsoString(since) + QStringLiteral("&per_page=100");
    QList<int> seen;
    QDateTime previous;
    while (!target.isEmpty()) {
        const HttpResponse response = get(target);
        ASSERT_EQ(response.status, 200);
        const auto page = GitHubJson::parseIssueList(response.body);
        ASSERT_TRUE(page.isOk()) << page.error().toStdString();
        for (const Issue &issue : page.value()) {
            EXPECT_GE(issue.updatedAt, since);
            EXPECT_TRUE(!previous.isValid() || previous <= issue.updatedAt);
            previous = issue.updatedAt;
            seen.append(issue.number);
        }
        target = QUrl(linkUrl(response.header("Link"), QStringLiteral("next")))
                     .toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    }
    EXPECT_EQ(seen.size(), expected);
    EXPECT_EQ(QSet<int>(seen.begin(), seen.end()).size(), expected);
}

TEST_F(DemoGitHubBackendTest, FiltersIssuesByStateAndLabels)
{
    const HttpResponse response =
        get(kRepoPath + QStringLiteral("/issues?state=all&labels=bug,logger&per_page=100"));
    const auto items = GitHubJson::parseIssueList(response.body);
    ASSERT_TRUE(items.isOk());
    int expected = 0;
    for (const Issue &issue : generated().issues)
        expected += issue.hasLabel(u"bug") && issue.hasLabel(u"logger");
    for (const PullRequest &pull : generated().pullRequests)
        expected += pull.hasLabel(u"bug") && pull.hasLabel(u"logger");
    EXPECT_EQ(items.value().size(), qMin(expected, 100));
    for (const Issue &issue : items.value())
        EXPECT_TRUE(issue.hasLabel(u"bug") && issue.hasLabel(u"logger"));

    const auto open = GitHubJson::parseIssueList(get(kRepoPath + QStringLiteral("/issues")).body);
    ASSERT_TRUE(open.isOk());
    EXPECT_EQ(open.value().size(), 30); // default page size
    for (const Issue &issue : open.value())
        EXPECT_TRUE(issue.isOpen());
    EXPECT_EQ(get(kRepoPath + QStringLiteral("/issues?state=bogus")).status, 422);
}

TEST_F(DemoGitHubBackendTest, ServesPullRequestsWithSizes)
{
    const PullRequest &sample = generated().pullRequests.first();
    const HttpResponse one = get(kRepoPath + QStringLiteral("/pulls/%1").arg(sample.number));
    const auto pull = GitHubJson::parsePullRequest(json(one));
    ASSERT_TRUE(pull.isOk()) << pull.error().toStdString();
    EXPECT_EQ(pull.value().additions, sample.additions);
    EXPECT_EQ(pull.value().changedFiles, sample.changedFiles);
    EXPECT_EQ(
        get(kRepoPath + QStringLiteral("/pulls/%1").arg(generated().issues.first().number)).status,
        404);

    const auto list = GitHubJson::parsePullRequestList(
        get(kRepoPath + QStringLiteral("/pulls?state=all&per_page=100")).body);
    ASSERT_TRUE(list.isOk()) << list.error().toStdString();
    EXPECT_EQ(list.value().size(), 100);
    EXPECT_FALSE(list.value().first().hasSize()); // the list omits the counts, like GitHub
}

TEST_F(DemoGitHubBackendTest, LabelWritesShowUpInLaterReads)
{
    const int number = firstOpenIssue();
    const QString issuePath = kRepoPath + QStringLiteral("/issues/%1").arg(number);
    m_clock.advance(60'000);

    const HttpResponse added =
        send("POST", issuePath + QStringLiteral("/labels"),
             QJsonObject{{QStringLiteral("labels"), QJsonArray{QStringLiteral("help wanted")}}});
    ASSERT_EQ(added.status, 200);
    const auto issue = GitHubJson::parseIssue(json(get(issuePath)));
    ASSERT_TRUE(issue.isOk());
    EXPECT_TRUE(issue.value().hasLabel(u"help wanted"));
    EXPECT_EQ(issue.value().updatedAt, m_clock.now());

    // The repository-wide events list it first (newest first).
    const QJsonArray events = json(get(kRepoPath + QStringLiteral("/issues/events"))).toArray();
    const QJsonObject newest = events.first().toObject();
    EXPECT_EQ(newest[QStringLiteral("event")].toString(), QStringLiteral("labeled"));
    EXPECT_EQ(newest[QStringLiteral("label")][QStringLiteral("name")].toString(),
              QStringLiteral("help wanted"));
    EXPECT_EQ(newest[QStringLiteral("issue")][QStringLiteral("number")].toInt(), number);

    const HttpResponse removed = m_backend.handle(
        makeRequest("DELETE", issuePath + QStringLiteral("/labels/help%20wanted")));
    EXPECT_EQ(removed.status, 200);
    EXPECT_FALSE(GitHubJson::parseIssue(json(get(issuePath))).value().hasLabel(u"help wanted"));
    EXPECT_EQ(
        m_backend.handle(makeRequest("DELETE", issuePath + QStringLiteral("/labels/help%20wanted")))
            .status,
        404);

    const HttpResponse replaced = send("PUT", issuePath + QStringLiteral("/labels"),
                                       QJsonArray{QStringLiteral("bug"), QStringLiteral("tracer")});
    ASSERT_EQ(replaced.status, 200);
    EXPECT_EQ(json(replaced).toArray().size(), 2);
}

TEST_F(DemoGitHubBackendTest, IssueEditsAndCommentsShowUpInLaterReads)
{
    const int number = firstOpenIssue();
    const QString issuePath = kRepoPath + QStringLiteral("/issues/%1").arg(number);
    m_clock.advance(120'000);
    const HttpResponse closed =
        send("PATCH", issuePath,
             QJsonObject{{QStringLiteral("state"), QStringLiteral("closed")},
                         {QStringLiteral("state_reason"), QStringLiteral("not_planned")}});
    ASSERT_EQ(closed.status, 200);
    const auto issue = GitHubJson::parseIssue(json(get(issuePath)));
    ASSERT_TRUE(issue.isOk());
    EXPECT_FALSE(issue.value().isOpen());
    EXPECT_EQ(issue.value().stateReason, Issue::StateReason::NotPlanned);
    EXPECT_EQ(issue.value().closedAt, m_clock.now());

    const int before = issue.value().commentCount;
    const HttpResponse comment =
        send("POST", issuePath + QStringLiteral("/comments"),
             QJsonObject{{QStringLiteral("body"), QStringLiteral("Released in v2.99.0")}});
    ASSERT_EQ(comment.status, 201);
    const auto comments = GitHubJson::parseCommentList(
        get(issuePath + QStringLiteral("/comments?per_page=100")).body);
    ASSERT_TRUE(comments.isOk());
    EXPECT_EQ(comments.value().last().body, QStringLiteral("Released in v2.99.0"));
    EXPECT_EQ(comments.value().last().author, generated().viewer);
    EXPECT_EQ(GitHubJson::parseIssue(json(get(issuePath))).value().commentCount, before + 1);

    // Repository-wide comments since a moment ago: exactly the new one.
    const HttpResponse recent =
        get(kRepoPath + QStringLiteral("/issues/comments?since=") + toIsoString(m_clock.now()));
    EXPECT_EQ(json(recent).toArray().size(), 1);

    const HttpResponse reopened =
        send("PATCH", issuePath, QJsonObject{{QStringLiteral("state"), QStringLiteral("open")}});
    EXPECT_EQ(json(reopened)[QStringLiteral("state_reason")].toString(),
              QStringLiteral("reopened"));
}

TEST_F(DemoGitHubBackendTest, LabelAndReleaseWritesShowUpInLaterReads)
{
    const HttpResponse created =
        send("POST", kRepoPath + QStringLiteral("/labels"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("area/streaming")},
                         {QStringLiteral("color"), QStringLiteral("#AABBCC")}});
    ASSERT_EQ(created.status, 201);
    EXPECT_EQ(json(created)[QStringLiteral("color")].toString(), QStringLiteral("aabbcc"));
    EXPECT_EQ(get(kRepoPath + QStringLiteral("/labels/area%2Fstreaming")).status, 200);

    const HttpResponse renamed =
        send("PATCH", kRepoPath + QStringLiteral("/labels/bug"),
             QJsonObject{{QStringLiteral("new_name"), QStringLiteral("type/bug")}});
    ASSERT_EQ(renamed.status, 200);
    const auto issues = GitHubJson::parseIssueList(
        get(kRepoPath + QStringLiteral("/issues?state=all&labels=type/bug")).body);
    ASSERT_TRUE(issues.isOk());
    EXPECT_FALSE(issues.value().isEmpty());

    const HttpResponse release =
        send("POST", kRepoPath + QStringLiteral("/releases"),
             QJsonObject{{QStringLiteral("tag_name"), QStringLiteral("v2.99.0")},
                         {QStringLiteral("name"), QStringLiteral("v2.99.0")},
                         {QStringLiteral("body"), QStringLiteral("## Summary\n\nBig one.")},
                         {QStringLiteral("draft"), true}});
    ASSERT_EQ(release.status, 201);
    const qint64 id = json(release)[QStringLiteral("id")].toInteger();
    const auto releases =
        GitHubJson::parseReleaseList(get(kRepoPath + QStringLiteral("/releases")).body);
    ASSERT_TRUE(releases.isOk());
    EXPECT_EQ(releases.value().first().id, id);
    EXPECT_TRUE(releases.value().first().draft);

    m_clock.advance(5000);
    const HttpResponse published = send("PATCH", kRepoPath + QStringLiteral("/releases/%1").arg(id),
                                        QJsonObject{{QStringLiteral("draft"), false}});
    ASSERT_EQ(published.status, 200);
    const auto latest =
        GitHubJson::parseRelease(json(get(kRepoPath + QStringLiteral("/releases/latest"))));
    ASSERT_TRUE(latest.isOk());
    EXPECT_EQ(latest.value().tagName, QStringLiteral("v2.99.0"));
    EXPECT_EQ(latest.value().publishedAt, m_clock.now());
}

TEST_F(DemoGitHubBackendTest, RejectsInvalidInputLikeGitHub)
{
    const QString issuePath = kRepoPath + QStringLiteral("/issues/%1").arg(firstOpenIssue());
    const HttpResponse badState =
        send("PATCH", issuePath, QJsonObject{{QStringLiteral("state"), QStringLiteral("done")}});
    EXPECT_EQ(badState.status, 422);
    const QJsonObject body = json(badState).toObject();
    EXPECT_EQ(body[QStringLiteral("message")].toString(), QStringLiteral("Validation Failed"));
    const QJsonObject error = body[QStringLiteral("errors")].toArray().first().toObject();
    EXPECT_EQ(error[QStringLiteral("resource")].toString(), QStringLiteral("Issue"));
    EXPECT_EQ(error[QStringLiteral("field")].toString(), QStringLiteral("state"));
    EXPECT_EQ(error[QStringLiteral("code")].toString(), QStringLiteral("invalid"));
    EXPECT_TRUE(body.contains(QStringLiteral("documentation_url")));

    EXPECT_EQ(send("POST", issuePath + QStringLiteral("/comments"),
                   QJsonObject{{QStringLiteral("body"), QString()}})
                  .status,
              422);
    const HttpResponse duplicate =
        send("POST", kRepoPath + QStringLiteral("/labels"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("BUG")}});
    EXPECT_EQ(duplicate.status, 422);
    EXPECT_EQ(json(duplicate)[QStringLiteral("errors")][0][QStringLiteral("code")].toString(),
              QStringLiteral("already_exists"));
    EXPECT_EQ(send("POST", kRepoPath + QStringLiteral("/labels"),
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                               {QStringLiteral("color"), QStringLiteral("red")}})
                  .status,
              422);
    EXPECT_EQ(send("POST", kRepoPath + QStringLiteral("/releases"),
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("no tag")}})
                  .status,
              422);
    const QString published = generated().releases[1].tagName;
    EXPECT_EQ(send("POST", kRepoPath + QStringLiteral("/releases"),
                   QJsonObject{{QStringLiteral("tag_name"), published}})
                  .status,
              422);

    const HttpResponse malformed = m_backend.handle(
        makeRequest("POST", issuePath + QStringLiteral("/comments"), "{\"body\": "));
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(json(malformed)[QStringLiteral("message")].toString(),
              QStringLiteral("Problems parsing JSON"));
    // Nothing changed.
    EXPECT_TRUE(GitHubJson::parseIssue(json(get(issuePath))).value().isOpen());
}

TEST_F(DemoGitHubBackendTest, ServesWorkflowsRunsAndPaginatedJobs)
{
    const auto workflows =
        GitHubJson::parseWorkflowList(get(kRepoPath + QStringLiteral("/actions/workflows")).body);
    ASSERT_TRUE(workflows.isOk());
    EXPECT_EQ(workflows.value().totalCount, 3);

    const auto runs = GitHubJson::parseWorkflowRunList(
        get(kRepoPath +
            QStringLiteral("/actions/workflows/release.yml/runs?status=completed&per_page=100"))
            .body);
    ASSERT_TRUE(runs.isOk()) << runs.error().toStdString();
    EXPECT_GE(runs.value().totalCount, 18);
    const WorkflowRun *rerun = nullptr;
    for (const WorkflowRun &run : runs.value().items) {
        EXPECT_EQ(run.status, RunStatus::Completed);
        EXPECT_EQ(run.name, QStringLiteral("Release"));
        if (run.runAttempt == 2)
            rerun = &run;
    }
    ASSERT_NE(rerun, nullptr);
    const auto failures = GitHubJson::parseWorkflowRunList(
        get(kRepoPath + QStringLiteral("/actions/runs?status=failure")).body);
    ASSERT_TRUE(failures.isOk());
    EXPECT_GE(failures.value().totalCount, 2);

    // All jobs of the latest attempt, over two pages.
    const QString jobsPath = kRepoPath + QStringLiteral("/actions/runs/%1/jobs").arg(rerun->id);
    const HttpResponse firstPage = get(jobsPath + QStringLiteral("?per_page=100"));
    const auto jobs = GitHubJson::parseWorkflowJobList(firstPage.body);
    ASSERT_TRUE(jobs.isOk());
    EXPECT_GT(jobs.value().totalCount, 100);
    EXPECT_EQ(jobs.value().items.size(), 100);
    EXPECT_FALSE(linkUrl(firstPage.header("Link"), QStringLiteral("next")).isEmpty());

    const auto all =
        GitHubJson::parseWorkflowJobList(get(jobsPath + QStringLiteral("?filter=all")).body);
    const auto firstAttempt = GitHubJson::parseWorkflowJobList(
        get(kRepoPath + QStringLiteral("/actions/runs/%1/attempts/1/jobs").arg(rerun->id)).body);
    ASSERT_TRUE(all.isOk() && firstAttempt.isOk());
    EXPECT_GT(all.value().totalCount, jobs.value().totalCount);
    EXPECT_EQ(firstAttempt.value().totalCount, jobs.value().totalCount);
    const auto attemptRun = GitHubJson::parseWorkflowRun(
        json(get(kRepoPath + QStringLiteral("/actions/runs/%1/attempts/1").arg(rerun->id))));
    ASSERT_TRUE(attemptRun.isOk());
    EXPECT_EQ(attemptRun.value().conclusion, RunConclusion::Failure);
}

TEST_F(DemoGitHubBackendTest, LiveRunAdvancesWithTheClock)
{
    const qint64 runId = generated().liveRunId;
    const QString runPath = kRepoPath + QStringLiteral("/actions/runs/%1").arg(runId);
    auto run = [&] { return GitHubJson::parseWorkflowRun(json(get(runPath))).value(); };
    auto jobs = [&] {
        QList<WorkflowJob> out;
        QString target = runPath + QStringLiteral("/jobs?per_page=100");
        while (!target.isEmpty()) {
            const HttpResponse response = get(target);
            out += GitHubJson::parseWorkflowJobList(response.body).value().items;
            target = QUrl(linkUrl(response.header("Link"), QStringLiteral("next")))
                         .toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        }
        return out;
    };

    // The run opens waiting for the review of its publishing job; once approved it plays on.
    EXPECT_EQ(run().status, RunStatus::Waiting);
    EXPECT_FALSE(m_backend.liveRunFinishesAt().isValid());
    const QList<WorkflowJob> start = jobs();
    ASSERT_FALSE(start.isEmpty());
    EXPECT_LT(start.size(), generated().liveRunPlan.size());

    // Nothing moves while the clock stands still: the same body, so a 304.
    const HttpResponse before = get(runPath + QStringLiteral("/jobs?per_page=100"));
    HttpRequest conditional = makeRequest("GET", runPath + QStringLiteral("/jobs?per_page=100"));
    conditional.headers.append({"If-None-Match", before.header("ETag")});
    EXPECT_EQ(m_backend.handle(conditional).status, 304);

    ASSERT_EQ(review(runId, QStringLiteral("approved")).status, 200);
    EXPECT_EQ(run().status, RunStatus::InProgress);

    // Follow one job that has not started yet through queued -> in_progress -> completed.
    QString watched;
    for (const WorkflowJob &job : start)
        if (job.status == RunStatus::Queued)
            watched = job.name;
    QSet<RunStatus> statesSeen;
    QDateTime previousUpdate = run().updatedAt;
    const QDateTime end = m_backend.liveRunFinishesAt();
    ASSERT_TRUE(end.isValid());
    EXPECT_GT(end, m_clock.now());
    EXPECT_LT(m_clock.now().secsTo(end), 10 * 60); // ~3 minutes at 10x
    while (m_clock.now() <= end) {
        m_clock.advance(2000);
        const WorkflowRun current = run();
        EXPECT_GE(current.updatedAt, previousUpdate);
        previousUpdate = current.updatedAt;
        const QList<WorkflowJob> now = jobs();
        for (const WorkflowJob &job : now) {
            if (job.name == (watched.isEmpty() ? now.last().name : watched))
                statesSeen.insert(job.status);
            if (job.status == RunStatus::InProgress) {
                EXPECT_FALSE(job.completedAt.isValid());
                EXPECT_EQ(job.conclusion, RunConclusion::None);
            }
        }
        if (current.status == RunStatus::Completed)
            break;
    }
    EXPECT_TRUE(statesSeen.contains(RunStatus::InProgress));
    EXPECT_TRUE(statesSeen.contains(RunStatus::Completed));
    m_clock.advance(10'000);
    const WorkflowRun finished = run();
    EXPECT_EQ(finished.status, RunStatus::Completed);
    EXPECT_EQ(finished.conclusion, RunConclusion::Success);
    const QList<WorkflowJob> done = jobs();
    EXPECT_EQ(done.size(), generated().liveRunPlan.size());
    for (const WorkflowJob &job : done)
        EXPECT_EQ(job.conclusion, RunConclusion::Success);
    // The copy of the dataset shows the same state.
    int completedInCopy = 0;
    for (const WorkflowRun &r : m_backend.dataset().runs)
        completedInCopy += r.id == runId && r.status == RunStatus::Completed;
    EXPECT_EQ(completedInCopy, 1);
}

TEST_F(DemoGitHubBackendTest, FaultsAndExhaustedRateLimits)
{
    m_backend.setFault([](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (request.path.endsWith(QLatin1String("/labels")))
            return HttpResponse::json(502, R"({"message":"Server Error"})");
        return std::nullopt;
    });
    EXPECT_EQ(get(kRepoPath + QStringLiteral("/labels")).status, 502);
    EXPECT_EQ(get(kRepoPath + QStringLiteral("/milestones")).status, 200);
    m_backend.setFault({});

    m_backend.setRateLimitRemaining(0);
    const HttpResponse limited = get(kRepoPath + QStringLiteral("/labels"));
    EXPECT_EQ(limited.status, 403);
    EXPECT_EQ(limited.header("x-ratelimit-remaining"), "0");
    EXPECT_TRUE(json(limited)[QStringLiteral("message")].toString().contains(
        QLatin1String("rate limit exceeded")));
    EXPECT_EQ(get(QStringLiteral("/rate_limit")).status, 200);
}

TEST_F(DemoGitHubBackendTest, AnswersUnderTheEnterprisePrefix)
{
    const HttpResponse response = get(QStringLiteral("/api/v3") + kRepoPath +
                                      QStringLiteral("/issues?state=all&per_page=10&page=2"));
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(json(response)[0][QStringLiteral("url")].toString().startsWith(
        QStringLiteral("http://127.0.0.1:4321/api/v3/repos/demo/lambda-powertools/issues/")));
    EXPECT_TRUE(linkUrl(response.header("Link"), QStringLiteral("next"))
                    .startsWith(QStringLiteral("http://127.0.0.1:4321/api/v3/repos/")));
}

// Over real HTTP: 700 items, 100 a page, walked through Link rel="next" only.
TEST(DemoGitHubBackendOverHttp, PaginationWalksEveryItemOnce)
{
    DemoDataset data = generated();
    // Exactly 700 items: trim issues, or repeat some under new numbers.
    int nextNumber = 0;
    for (const Issue &issue : std::as_const(data.issues))
        nextNumber = qMax(nextNumber, issue.number + 1);
    for (const PullRequest &pull : std::as_const(data.pullRequests))
        nextNumber = qMax(nextNumber, pull.number + 1);
    while (data.issues.size() + data.pullRequests.size() > 700)
        data.issues.removeLast();
    for (qsizetype i = 0; data.issues.size() + data.pullRequests.size() < 700; ++i) {
        Issue copy = data.issues[i];
        copy.number = nextNumber++;
        copy.id += 1'000'000;
        data.issues.append(copy);
    }
    ManualClock clock(kNow);
    auto backend = std::make_shared<DemoGitHubBackend>(data, &clock);
    LoopbackHttpServer server;
    server.setHandler([backend](const HttpRequest &request) { return backend->handle(request); });
    ASSERT_TRUE(server.start());

    QNetworkAccessManager nam;
    QUrl url(server.baseUrl().toString() + kRepoPath +
             QStringLiteral("/issues?state=all&per_page=100"));
    QList<int> numbers;
    int requests = 0;
    QString lastLink;
    while (url.isValid() && !url.isEmpty() && requests < 20) {
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/vnd.github+json");
        std::unique_ptr<QNetworkReply> reply(nam.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        ASSERT_TRUE(reply->isFinished() || finished.wait(10000));
        ASSERT_EQ(reply->error(), QNetworkReply::NoError) << reply->errorString().toStdString();
        ++requests;
        const QByteArray link = reply->rawHeader("Link");
        if (requests == 1)
            lastLink = linkUrl(link, QStringLiteral("last"));
        const auto page = GitHubJson::parseIssueList(reply->readAll());
        ASSERT_TRUE(page.isOk()) << page.error().toStdString();
        for (const Issue &issue : page.value())
            numbers.append(issue.number);
        url = QUrl(linkUrl(link, QStringLiteral("next")));
    }
    EXPECT_EQ(requests, 7);
    EXPECT_EQ(server.requestCount(), 7);
    EXPECT_EQ(numbers.size(), 700);
    EXPECT_EQ(QSet<int>(numbers.begin(), numbers.end()).size(), 700);
    EXPECT_TRUE(lastLink.endsWith(QLatin1String("page=7"))) << lastLink.toStdString();
    EXPECT_TRUE(lastLink.startsWith(server.baseUrl().toString())) << lastLink.toStdString();
}

TEST_F(DemoGitHubBackendTest, DispatchStartsANewReleaseRun)
{
    const QString dispatch =
        kRepoPath + QStringLiteral("/actions/workflows/release.yml/dispatches");
    EXPECT_EQ(send("POST", dispatch, QJsonObject{}).status, 422); // ref is required
    EXPECT_EQ(send("POST",
                   kRepoPath + QStringLiteral("/actions/workflows/publish-docs.yml/dispatches"),
                   QJsonObject{{QStringLiteral("ref"), QStringLiteral("develop")}})
                  .status,
              422);

    m_clock.advance(30'000);
    const HttpResponse started = send(
        "POST", dispatch,
        QJsonObject{{QStringLiteral("ref"), QStringLiteral("develop")},
                    {QStringLiteral("inputs"), QJsonObject{{QStringLiteral("version_to_publish"),
                                                            QStringLiteral("2.99.0")}}}});
    EXPECT_EQ(started.status, 204);
    EXPECT_TRUE(started.body.isEmpty());

    const QString runsPath =
        kRepoPath +
        QStringLiteral("/actions/workflows/release.yml/runs?event=workflow_dispatch&per_page=5");
    auto newest = [&] {
        return GitHubJson::parseWorkflowRunList(get(runsPath).body).value().items.first();
    };
    const WorkflowRun run = newest();
    EXPECT_EQ(run.displayTitle, QStringLiteral("Release v2.99.0"));
    EXPECT_EQ(run.createdAt,
              QDateTime::fromSecsSinceEpoch(m_clock.now().toSecsSinceEpoch(), Qt::UTC));
    EXPECT_EQ(run.status, RunStatus::Queued);
    EXPECT_EQ(run.actor, generated().viewer);

    // Plays like the live run: its publishing job waits for a review within the first minute at
    // 10x, and once approved it runs to the end in about three minutes.
    m_clock.advance(10'000);
    EXPECT_EQ(newest().status, RunStatus::InProgress);
    m_clock.advance(50'000);
    EXPECT_EQ(newest().status, RunStatus::Waiting);
    m_clock.advance(10 * 60'000);
    EXPECT_EQ(newest().status, RunStatus::Waiting);
    ASSERT_EQ(review(run.id, QStringLiteral("approved")).status, 200);
    m_clock.advance(10 * 60'000);
    const WorkflowRun finished = newest();
    EXPECT_EQ(finished.id, run.id);
    EXPECT_EQ(finished.status, RunStatus::Completed);
    EXPECT_EQ(finished.conclusion, RunConclusion::Success);
    const auto jobs = GitHubJson::parseWorkflowJobList(
        get(kRepoPath + QStringLiteral("/actions/runs/%1/jobs?per_page=1").arg(run.id)).body);
    ASSERT_TRUE(jobs.isOk());
    EXPECT_GT(jobs.value().totalCount, 100);
}

TEST_F(DemoGitHubBackendTest, DeletingALabelRemovesItEverywhere)
{
    const QString target = kRepoPath + QStringLiteral("/labels/event_sources");
    ASSERT_EQ(get(target).status, 200);
    auto carrying = [&] {
        const auto items = GitHubJson::parseIssueList(
            get(kRepoPath + QStringLiteral("/issues?state=all&labels=event_sources&per_page=100"))
                .body);
        EXPECT_TRUE(items.isOk());
        return items.isOk() ? items.value().size() : -1;
    };
    ASSERT_GT(carrying(), 0);

    const HttpResponse deleted = m_backend.handle(makeRequest("DELETE", target));
    EXPECT_EQ(deleted.status, 204);
    EXPECT_TRUE(deleted.body.isEmpty());
    EXPECT_EQ(get(target).status, 404);
    EXPECT_EQ(carrying(), 0);
    const auto labels =
        GitHubJson::parseLabelList(get(kRepoPath + QStringLiteral("/labels?per_page=100")).body);
    ASSERT_TRUE(labels.isOk());
    for (const Label &label : labels.value())
        EXPECT_NE(label.name, QStringLiteral("event_sources"));

    // Gone already: GitHub's 404, which the outbox counts as done.
    EXPECT_EQ(m_backend.handle(makeRequest("DELETE", target)).status, 404);
    // Names are matched without case and decoded as one segment.
    ASSERT_EQ(send("POST", kRepoPath + QStringLiteral("/labels"),
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("area/Some thing")}})
                  .status,
              201);
    EXPECT_EQ(m_backend
                  .handle(makeRequest("DELETE",
                                      kRepoPath + QStringLiteral("/labels/AREA%2Fsome%20thing")))
                  .status,
              204);
}

// ---- the live run's publishing job waits for a deployment review -----------------------------

namespace {

QString pendingPath(qint64 runId)
{
    return kRepoPath + QStringLiteral("/actions/runs/%1/pending_deployments").arg(runId);
}

const WorkflowJob *findJob(const QList<WorkflowJob> &jobs, const QString &name)
{
    for (const WorkflowJob &job : jobs)
        if (job.name == name)
            return &job;
    return nullptr;
}

} // namespace

class DemoDeploymentReviewTest : public DemoGitHubBackendTest
{
protected:
    qint64 live() const { return generated().liveRunId; }
    const QString &gatedName() const { return generated().releaseEnvironment.jobName; }
    WorkflowRun runOf(DemoGitHubBackend &backend)
    {
        return GitHubJson::parseWorkflowRun(
                   json(backend.handle(makeRequest(
                       "GET", kRepoPath + QStringLiteral("/actions/runs/%1").arg(live())))))
            .value();
    }
    QList<WorkflowJob> jobsOf(DemoGitHubBackend &backend)
    {
        QList<WorkflowJob> all;
        for (int page = 1;; ++page) {
            const auto jobs = GitHubJson::parseWorkflowJobList(
                backend
                    .handle(makeRequest(
                        "GET",
                        kRepoPath + QStringLiteral("/actions/runs/%1/jobs?per_page=100&page=%2")
                                        .arg(live())
                                        .arg(page)))
                    .body);
            if (!jobs.isOk() || jobs.value().items.isEmpty())
                return all;
            all += jobs.value().items;
        }
    }
};

TEST_F(DemoDeploymentReviewTest, TheRunWaitsAtThePublishingJobAndListsTheDeployment)
{
    const DemoEnvironment &environment = generated().releaseEnvironment;
    EXPECT_EQ(environment.name, QStringLiteral("release"));
    EXPECT_EQ(environment.jobName, QStringLiteral("Release / Publish PyPi"));
    EXPECT_NE(environment.id, 0);

    // As generated: the jobs the publishing job needs are done; it waits, nothing after it is
    // listed, and the run waits too.
    const QList<WorkflowJob> before = jobsOf(m_backend);
    const WorkflowJob *gated = findJob(before, gatedName());
    ASSERT_NE(gated, nullptr);
    EXPECT_EQ(gated->status, RunStatus::Waiting);
    EXPECT_EQ(gated->conclusion, RunConclusion::None);
    EXPECT_FALSE(gated->completedAt.isValid());
    EXPECT_TRUE(gated->steps.isEmpty());
    EXPECT_LE(gated->createdAt, m_clock.now());
    for (const WorkflowJob &job : before) {
        if (job.name != gatedName()) {
            EXPECT_EQ(job.status, RunStatus::Completed) << job.name.toStdString();
        }
    }
    EXPECT_EQ(findJob(before, QStringLiteral("Git release / Checksum")), nullptr);
    EXPECT_EQ(runOf(m_backend).status, RunStatus::Waiting);

    const HttpResponse listed = get(pendingPath(live()));
    ASSERT_EQ(listed.status, 200);
    const QJsonArray pending = json(listed).toArray();
    ASSERT_EQ(pending.size(), 1);
    const QJsonObject entry = pending.first().toObject();
    const QJsonObject env = entry.value(QLatin1String("environment")).toObject();
    EXPECT_EQ(env.value(QLatin1String("id")).toInteger(), environment.id);
    EXPECT_EQ(env.value(QLatin1String("name")).toString(), QStringLiteral("release"));
    EXPECT_EQ(env.value(QLatin1String("node_id")).toString(), environment.nodeId);
    EXPECT_TRUE(env.value(QLatin1String("url"))
                    .toString()
                    .endsWith(QLatin1String("/repos/demo/lambda-powertools/environments/release")));
    EXPECT_TRUE(env.value(QLatin1String("html_url")).toString().startsWith(QLatin1String("http")));
    EXPECT_TRUE(entry.value(QLatin1String("current_user_can_approve")).toBool());
    EXPECT_EQ(entry.value(QLatin1String("wait_timer")).toInt(-1), 0);
    EXPECT_EQ(parseIsoDateTime(entry.value(QLatin1String("wait_timer_started_at")).toString()),
              gated->createdAt);
    QStringList reviewers;
    for (const QJsonValue &reviewer : entry.value(QLatin1String("reviewers")).toArray()) {
        EXPECT_EQ(reviewer.toObject().value(QLatin1String("type")).toString(),
                  QStringLiteral("User"));
        reviewers << reviewer.toObject()
                         .value(QLatin1String("reviewer"))
                         .toObject()
                         .value(QLatin1String("login"))
                         .toString();
    }
    EXPECT_TRUE(reviewers.contains(generated().viewer.login));

    // Time passes and nothing moves: the same bodies, no end in sight.
    const HttpResponse jobsBefore =
        get(kRepoPath + QStringLiteral("/actions/runs/%1/jobs?per_page=100").arg(live()));
    m_clock.advance(15 * 60'000);
    EXPECT_EQ(get(kRepoPath + QStringLiteral("/actions/runs/%1/jobs?per_page=100").arg(live()))
                  .header("ETag"),
              jobsBefore.header("ETag"));
    EXPECT_EQ(runOf(m_backend).status, RunStatus::Waiting);
    EXPECT_FALSE(m_backend.liveRunFinishesAt().isValid());
    EXPECT_EQ(json(get(pendingPath(live()))).toArray().size(), 1);

    // Other runs have nothing waiting.
    qint64 finished = 0;
    for (const WorkflowRun &run : generated().runs)
        if (run.isCompleted())
            finished = run.id;
    EXPECT_TRUE(json(get(pendingPath(finished))).toArray().isEmpty());
    EXPECT_EQ(review(finished, QStringLiteral("approved")).status, 422);
}

TEST_F(DemoDeploymentReviewTest, BadReviewsAre422AndChangeNothing)
{
    const QString path = pendingPath(live());
    const qint64 id = generated().releaseEnvironment.id;
    auto post = [&](const QJsonObject &body) { return send("POST", path, body).status; };
    EXPECT_EQ(m_backend.handle(makeRequest("POST", path, "{\"state\": ")).status, 400);
    EXPECT_EQ(post({{"state", "approved"}, {"comment", "ok"}}), 422);
    EXPECT_EQ(post({{"environment_ids", id}, {"state", "approved"}, {"comment", "ok"}}), 422);
    EXPECT_EQ(post({{"environment_ids", QJsonArray{id}}, {"state", "maybe"}, {"comment", "ok"}}),
              422);
    EXPECT_EQ(post({{"environment_ids", QJsonArray{id}}, {"comment", "ok"}}), 422);
    EXPECT_EQ(post({{"environment_ids", QJsonArray{id}}, {"state", "approved"}}), 422);
    EXPECT_EQ(post({{"environment_ids", QJsonArray{}}, {"state", "approved"}, {"comment", "ok"}}),
              422);
    const HttpResponse wrong = send("POST", path,
                                    QJsonObject{{"environment_ids", QJsonArray{id + 1}},
                                                {"state", "approved"},
                                                {"comment", "ok"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(json(wrong).toObject().value(QLatin1String("message")).toString(),
              QStringLiteral("Validation Failed"));
    EXPECT_EQ(runOf(m_backend).status, RunStatus::Waiting);
    EXPECT_EQ(json(get(path)).toArray().size(), 1);
}

TEST_F(DemoDeploymentReviewTest, ApprovalResumesTheRunShiftedByTheTimeWaited)
{
    // Two replays of the same dataset: one approved at once, one five minutes later.
    ManualClock laterClock{kNow};
    DemoGitHubBackend later{generated(), &laterClock};
    const QDateTime origin = m_clock.now();

    const HttpResponse approved = review(live(), QStringLiteral("approved"));
    ASSERT_EQ(approved.status, 200);
    const QJsonArray deployments = json(approved).toArray();
    ASSERT_EQ(deployments.size(), 1);
    EXPECT_EQ(deployments.first().toObject().value(QLatin1String("environment")).toString(),
              QStringLiteral("release"));
    EXPECT_TRUE(json(get(pendingPath(live()))).toArray().isEmpty());
    const HttpResponse again = review(live(), QStringLiteral("approved"));
    EXPECT_EQ(again.status, 422);
    EXPECT_EQ(json(again).toObject().value(QLatin1String("message")).toString(),
              QStringLiteral("No pending deployment requests to approve or reject"));
    // The job queues; the run goes on.
    const WorkflowJob *queued = findJob(jobsOf(m_backend), gatedName());
    ASSERT_NE(queued, nullptr);
    EXPECT_EQ(queued->status, RunStatus::Queued);
    EXPECT_NE(runOf(m_backend).status, RunStatus::Waiting);
    const QDateTime end = m_backend.liveRunFinishesAt();
    ASSERT_TRUE(end.isValid());
    EXPECT_GT(end, origin);

    laterClock.advance(5 * 60'000);
    EXPECT_EQ(runOf(later).status, RunStatus::Waiting);
    ASSERT_EQ(review(live(), QStringLiteral("approved"), &later).status, 200);
    const QDateTime laterEnd = later.liveRunFinishesAt();
    ASSERT_TRUE(laterEnd.isValid());
    EXPECT_NEAR(double(end.secsTo(laterEnd)), 300.0, 1.0);

    // Both play to the end; every job that waited is five minutes later in the second replay,
    // every job before it at the same time.
    m_clock.setNow(end.addSecs(1));
    laterClock.setNow(laterEnd.addSecs(1));
    const WorkflowRun done = runOf(m_backend);
    EXPECT_EQ(done.status, RunStatus::Completed);
    EXPECT_EQ(done.conclusion, RunConclusion::Success);
    EXPECT_EQ(runOf(later).conclusion, RunConclusion::Success);
    const QList<WorkflowJob> first = jobsOf(m_backend);
    const QList<WorkflowJob> second = jobsOf(later);
    ASSERT_EQ(first.size(), generated().liveRunPlan.size());
    ASSERT_EQ(second.size(), first.size());
    const WorkflowJob *gateFirst = findJob(first, gatedName());
    ASSERT_NE(gateFirst, nullptr);
    int shifted = 0;
    for (const WorkflowJob &job : first) {
        const WorkflowJob *other = findJob(second, job.name);
        ASSERT_NE(other, nullptr) << job.name.toStdString();
        EXPECT_EQ(job.conclusion, RunConclusion::Success);
        EXPECT_EQ(other->conclusion, RunConclusion::Success);
        const qint64 delta = job.completedAt.secsTo(other->completedAt);
        if (job.startedAt > gateFirst->createdAt) {
            EXPECT_NEAR(double(delta), 300.0, 1.0) << job.name.toStdString();
            ++shifted;
        } else {
            EXPECT_EQ(delta, 0) << job.name.toStdString();
        }
    }
    EXPECT_GT(shifted, 50);
}

TEST_F(DemoDeploymentReviewTest, RejectionFailsTheJobSkipsItsDependentsAndFailsTheRun)
{
    m_clock.advance(20'000);
    const HttpResponse rejected = review(live(), QStringLiteral("rejected"));
    ASSERT_EQ(rejected.status, 200);
    EXPECT_TRUE(json(rejected).toArray().isEmpty());
    EXPECT_TRUE(json(get(pendingPath(live()))).toArray().isEmpty());

    const WorkflowRun run = runOf(m_backend);
    EXPECT_EQ(run.status, RunStatus::Completed);
    EXPECT_EQ(run.conclusion, RunConclusion::Failure);
    const QList<WorkflowJob> jobs = jobsOf(m_backend);
    EXPECT_EQ(jobs.size(), generated().liveRunPlan.size());
    int skipped = 0;
    for (const WorkflowJob &job : jobs) {
        EXPECT_EQ(job.status, RunStatus::Completed);
        if (job.name == gatedName()) {
            EXPECT_EQ(job.conclusion, RunConclusion::Failure);
            EXPECT_EQ(job.completedAt,
                      QDateTime::fromSecsSinceEpoch(m_clock.now().toSecsSinceEpoch(), Qt::UTC));
            EXPECT_TRUE(job.steps.isEmpty());
        } else if (job.conclusion == RunConclusion::Skipped) {
            EXPECT_TRUE(job.steps.isEmpty()) << job.name.toStdString();
            EXPECT_LE(job.completedAt, m_clock.now());
            ++skipped;
        } else {
            EXPECT_EQ(job.conclusion, RunConclusion::Success) << job.name.toStdString();
        }
    }
    EXPECT_GT(skipped, 50);
    EXPECT_EQ(review(live(), QStringLiteral("approved")).status, 422);

    // Nothing runs later; the run can no longer be cancelled, but its failed jobs re-run, and
    // the new attempt of the publishing job waits for a review again.
    m_clock.advance(30 * 60'000);
    EXPECT_EQ(jobsOf(m_backend), jobs);
    const QString runPath = kRepoPath + QStringLiteral("/actions/runs/%1").arg(live());
    EXPECT_EQ(send("POST", runPath + QStringLiteral("/cancel"), QJsonObject()).status, 409);
    ASSERT_EQ(send("POST", runPath + QStringLiteral("/rerun-failed-jobs"), QJsonObject()).status,
              201);
    m_clock.advance(5'000);
    EXPECT_EQ(runOf(m_backend).runAttempt, 2);
    EXPECT_EQ(runOf(m_backend).status, RunStatus::Waiting);
    EXPECT_EQ(json(get(pendingPath(live()))).toArray().size(), 1);
}

TEST_F(DemoDeploymentReviewTest, CancellingWhileWaitingCancelsTheWaitingJob)
{
    const QString runPath = kRepoPath + QStringLiteral("/actions/runs/%1").arg(live());
    ASSERT_EQ(send("POST", runPath + QStringLiteral("/cancel"), QJsonObject()).status, 202);
    EXPECT_TRUE(json(get(pendingPath(live()))).toArray().isEmpty());
    EXPECT_EQ(review(live(), QStringLiteral("approved")).status, 422);
    const WorkflowRun run = runOf(m_backend);
    EXPECT_EQ(run.conclusion, RunConclusion::Cancelled);
    const WorkflowJob *gated = findJob(jobsOf(m_backend), gatedName());
    ASSERT_NE(gated, nullptr);
    EXPECT_EQ(gated->status, RunStatus::Completed);
    EXPECT_EQ(gated->conclusion, RunConclusion::Cancelled);
}

TEST_F(DemoGitHubBackendTest, ARerunStartsWhenRequestedAndTakesItsOwnTime)
{
    // A finished run that failed in its quality checks: re-running replays from there.
    const WorkflowRun *failed = nullptr;
    for (const WorkflowRun &run : generated().runs)
        if (run.isCompleted() && run.conclusion == RunConclusion::Failure && run.runAttempt == 1)
            failed = &run;
    ASSERT_NE(failed, nullptr);
    // Replayed in real time, so that durations compare second for second.
    DemoGitHubBackend backend{generated(), &m_clock, 1.0};
    auto get = [&](const QString &target) { return backend.handle(makeRequest("GET", target)); };
    const QString runPath = kRepoPath + QStringLiteral("/actions/runs/%1").arg(failed->id);
    auto jobsOf = [&](int attempt) {
        QList<WorkflowJob> all;
        for (int page = 1;; ++page) {
            const auto jobs = GitHubJson::parseWorkflowJobList(
                get(runPath +
                    QStringLiteral("/attempts/%1/jobs?per_page=100&page=%2").arg(attempt).arg(page))
                    .body);
            if (!jobs.isOk() || jobs.value().items.isEmpty())
                return all;
            all += jobs.value().items;
        }
    };
    QHash<QString, WorkflowJob> before;
    for (const WorkflowJob &job : jobsOf(1))
        before.insert(job.name, job);

    m_clock.advance(7 * 60'000);
    const QDateTime requested =
        QDateTime::fromSecsSinceEpoch(m_clock.now().toSecsSinceEpoch(), Qt::UTC);
    ASSERT_EQ(
        backend.handle(makeRequest("POST", runPath + QStringLiteral("/rerun-failed-jobs"))).status,
        201);
    const WorkflowRun second = GitHubJson::parseWorkflowRun(json(get(runPath))).value();
    EXPECT_EQ(second.runAttempt, 2);
    EXPECT_EQ(second.runStartedAt, requested);

    // Play it to the end, approving its publishing job on the way.
    for (int i = 0; i < 200; ++i) {
        m_clock.advance(30'000);
        const WorkflowRun now = GitHubJson::parseWorkflowRun(json(get(runPath))).value();
        if (now.status == RunStatus::Waiting) {
            ASSERT_EQ(review(failed->id, QStringLiteral("approved"), &backend).status, 200);
        }
        if (now.isCompleted())
            break;
    }
    const WorkflowRun done = GitHubJson::parseWorkflowRun(json(get(runPath))).value();
    ASSERT_TRUE(done.isCompleted());
    EXPECT_EQ(done.conclusion, RunConclusion::Success);

    QList<WorkflowJob> again;
    for (const WorkflowJob &job : jobsOf(2))
        if (job.runAttempt == 2)
            again.append(job);
    ASSERT_GT(again.size(), 50);
    QDateTime earliest;
    int ranTwice = 0;
    int differ = 0;
    for (const WorkflowJob &job : again) {
        SCOPED_TRACE(job.name.toStdString());
        EXPECT_GE(job.createdAt, requested);
        if (!earliest.isValid() || job.createdAt < earliest)
            earliest = job.createdAt;
        ASSERT_TRUE(before.contains(job.name));
        const WorkflowJob &earlier = before.value(job.name);
        if (earlier.conclusion == RunConclusion::Skipped)
            continue;
        // The job that failed ran in both attempts, for a different but similar time.
        ++ranTwice;
        const qint64 took = job.startedAt.secsTo(job.completedAt);
        const qint64 tookBefore = earlier.startedAt.secsTo(earlier.completedAt);
        differ += took != tookBefore;
        EXPECT_GT(took, tookBefore * 6 / 10);
        EXPECT_LT(took, tookBefore * 15 / 10);
    }
    EXPECT_GE(ranTwice, 1);
    EXPECT_GE(differ, 1);
    EXPECT_LE(requested.secsTo(earliest), 2);
}
