// ReleaseNotesFetchJob and ReleaseTagStateJob against the demo backend on loopback, and the
// backend's git-data endpoints they use.

#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "githubclient.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "releasenotesfetchjob.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Mainstay;

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);

class NotesFetchTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_backend = std::make_shared<DemoGitHubBackend>(
            DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, Now), &m_clock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler([this, backend](const HttpRequest &request) {
            {
                QMutexLocker lock(&m_faultMutex);
                if (m_fault)
                    if (std::optional<HttpResponse> r = m_fault(request))
                        return *r;
            }
            return backend.lock()->handle(request);
        });
        ASSERT_TRUE(m_server.start());
        m_client.setApiUrl(m_server.baseUrl());
        m_client.setRetryPolicy({0, 1, 1, 0, 1, 1});
        m_data = m_backend->dataset();
        m_policy.branch = m_data.defaultBranch;
        m_policy.tagTemplate = QStringLiteral("v$RESOLVED_VERSION");
        m_policy.nameTemplate = QStringLiteral("v$RESOLVED_VERSION");
        m_policy.bodyTemplate = QStringLiteral("$CHANGES\n");
        m_policy.versionResolver.minor = {QStringLiteral("feature")};
    }
    void TearDown() override { m_server.stop(); }

    ReleaseNotesFetchJob::Options options() const
    {
        ReleaseNotesFetchJob::Options o;
        o.repository = m_data.fullName();
        o.policy = m_policy;
        return o;
    }

    bool run(ReleaseNotesFetchJob &job)
    {
        job.start();
        return QTest::qWaitFor([&] { return job.isFinished(); }, 20'000);
    }

    // The newest published, non-prerelease release of the dataset, by version.
    Release latestRelease() const
    {
        std::optional<Release> best;
        for (const Release &r : m_data.releases) {
            if (r.draft || r.prerelease)
                continue;
            const auto v = NotesVersion::parse(r.tagName);
            if (!best || (v && std::tuple(v->major, v->minor, v->patch) > [&] {
                    const auto b = NotesVersion::parse(best->tagName);
                    return std::tuple(b->major, b->minor, b->patch);
                }()))
                best = r;
        }
        return *best;
    }

    // What the range holds, from the dataset itself: the pull requests merged into the default
    // branch after the commit the tag points at.
    QSet<int> expectedNumbers(const QString &tag) const
    {
        QDateTime tagDate;
        for (const Release &r : m_data.releases)
            if (r.tagName == tag)
                for (const DemoGitHubBackend::Commit &c : m_backend->branchCommits())
                    if (c.date <= r.publishedAt)
                        tagDate = c.date;
        QSet<int> numbers;
        for (const PullRequest &pull : m_data.pullRequests)
            if (pull.isMerged() && pull.baseRef == m_data.defaultBranch &&
                pull.mergedAt > tagDate && !pull.mergeCommitSha.isEmpty())
                numbers.insert(pull.number);
        return numbers;
    }

    ManualClock m_clock{Now};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    QMutex m_faultMutex;
    std::function<std::optional<HttpResponse>(const HttpRequest &)> m_fault;
    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    DemoDataset m_data;
    ReleasePolicy m_policy;
};

} // namespace

TEST_F(NotesFetchTest, FetchesTheRangeSinceTheLatestReleaseWithThePolicyConfig)
{
    ReleaseNotesFetchJob job(&m_client, options());
    ASSERT_TRUE(run(job));
    ASSERT_TRUE(job.error().isEmpty()) << job.error().toStdString();
    const Release latest = latestRelease();
    const NotesInput &input = job.input();
    EXPECT_EQ(input.previousTag, latest.tagName);
    EXPECT_EQ(input.previousName, latest.name);
    EXPECT_EQ(input.targetBranch, m_data.defaultBranch);
    EXPECT_EQ(input.owner, m_data.owner);
    EXPECT_EQ(job.config().source, NotesConfig::Source::Policy);

    QSet<int> got;
    for (const NotesPullRequest &pr : input.pullRequests) {
        got.insert(pr.number);
        EXPECT_FALSE(pr.url.isEmpty());
        EXPECT_TRUE(pr.mergedAt.isValid());
        EXPECT_EQ(pr.baseRefName, m_data.defaultBranch);
    }
    const QSet<int> expected = expectedNumbers(latest.tagName);
    ASSERT_FALSE(expected.isEmpty()) << "the demo should have changes since its last release";
    EXPECT_EQ(got, expected);
    EXPECT_EQ(input.commits.size(), expected.size());
    for (int i = 1; i < input.pullRequests.size(); ++i)
        EXPECT_GE(input.pullRequests.at(i - 1).mergedAt, input.pullRequests.at(i).mergedAt);

    // Labels and authors came along; the generated notes list every one of them.
    const GeneratedNotes notes = generateNotes(input, job.config());
    for (int number : expected)
        EXPECT_TRUE(notes.body.contains(QStringLiteral("(#%1)").arg(number))) << number;
    EXPECT_TRUE(notes.tag.startsWith(u'v'));
}

TEST_F(NotesFetchTest, ReadsTheRepositorysReleaseDrafterFileFirst)
{
    m_backend->setRepositoryFile(
        QStringLiteral(".github/release.yml"),
        "changelog:\n  categories:\n    - title: All\n      labels: ['*']\n");
    m_backend->setRepositoryFile(QStringLiteral(".github/release-drafter.yml"),
                                 "template: |\n  Changes since $PREVIOUS_TAG:\n  "
                                 "$CHANGES\nchange-template: '- $TITLE #$NUMBER'\n");
    ReleaseNotesFetchJob job(&m_client, options());
    ASSERT_TRUE(run(job));
    ASSERT_TRUE(job.error().isEmpty()) << job.error().toStdString();
    EXPECT_EQ(job.config().source, NotesConfig::Source::ReleaseDrafterFile);
    EXPECT_EQ(job.config().changeTemplate, QStringLiteral("- $TITLE #$NUMBER"));
    // The tag comes from the policy when the file has no tag-template.
    EXPECT_EQ(job.config().tagTemplate, QStringLiteral("v$RESOLVED_VERSION"));
    const GeneratedNotes notes = generateNotes(job.input(), job.config());
    EXPECT_TRUE(
        notes.body.startsWith(QStringLiteral("Changes since %1:\n- ").arg(job.input().previousTag)))
        << notes.body.toStdString();
}

TEST_F(NotesFetchTest, FallsBackToGitHubsReleaseYml)
{
    m_backend->setRepositoryFile(
        QStringLiteral(".github/release.yml"),
        "changelog:\n  exclude:\n    labels: [ignore-for-release]\n  categories:\n    - title: "
        "Features\n"
        "      labels: [feature]\n    - title: Everything else\n      labels: ['*']\n");
    ReleaseNotesFetchJob job(&m_client, options());
    ASSERT_TRUE(run(job));
    ASSERT_TRUE(job.error().isEmpty()) << job.error().toStdString();
    EXPECT_EQ(job.config().style, NotesConfig::Style::GitHub);
    const GeneratedNotes notes = generateNotes(job.input(), job.config());
    EXPECT_TRUE(notes.body.startsWith(QStringLiteral("## What's Changed\n")))
        << notes.body.toStdString();
    EXPECT_TRUE(notes.body.contains(QStringLiteral("**Full Changelog**: ")));
}

TEST_F(NotesFetchTest, AnInvalidConfigFileFailsWithItsLineAndKey)
{
    m_backend->setRepositoryFile(QStringLiteral(".github/release-drafter.yml"),
                                 "template: $CHANGES\nsort-by: size\n");
    ReleaseNotesFetchJob job(&m_client, options());
    ASSERT_TRUE(run(job));
    EXPECT_TRUE(job.error().contains(QStringLiteral(".github/release-drafter.yml:2:10: sort-by:")))
        << job.error().toStdString();
}

TEST_F(NotesFetchTest, FromAndToSelectTheRange)
{
    // Between the two newest published releases.
    QList<Release> published;
    for (const Release &r : m_data.releases)
        if (!r.draft)
            published.append(r);
    std::sort(published.begin(), published.end(),
              [](const Release &a, const Release &b) { return a.publishedAt > b.publishedAt; });
    ASSERT_GE(published.size(), 2);
    ReleaseNotesFetchJob::Options o = options();
    o.from = published.at(1).tagName;
    o.to = published.at(0).tagName;
    ReleaseNotesFetchJob job(&m_client, o);
    ASSERT_TRUE(run(job));
    ASSERT_TRUE(job.error().isEmpty()) << job.error().toStdString();
    const QSet<int> after = expectedNumbers(published.at(1).tagName);
    const QSet<int> later = expectedNumbers(published.at(0).tagName);
    QSet<int> got;
    for (const NotesPullRequest &pr : job.input().pullRequests)
        got.insert(pr.number);
    EXPECT_EQ(got, after - later);
    EXPECT_EQ(job.input().previousTag, published.at(1).tagName);
}

TEST_F(NotesFetchTest, CommitAuthorsWithoutAccountsAndFirstTimers)
{
    const DemoGitHubBackend::Commit extra{
        QStringLiteral("abcdef1234567890abcdef1234567890abcdef12"), QStringLiteral("docs: typo"),
        QString(), QStringLiteral("Nameless Person"), Now.addSecs(-60)};
    m_backend->addCommit(extra);
    const DemoGitHubBackend::Commit bot{QStringLiteral("bbbbbb1234567890abcdef1234567890abcdef12"),
                                        QStringLiteral("chore(deps): bump x"),
                                        QStringLiteral("renovate[bot]"),
                                        QStringLiteral("renovate[bot]"), Now.addSecs(-30)};
    m_backend->addCommit(bot);
    ReleaseNotesFetchJob job(&m_client, options());
    ASSERT_TRUE(run(job));
    ASSERT_TRUE(job.error().isEmpty()) << job.error().toStdString();
    bool found = false;
    for (const NotesCommit &c : job.input().commits)
        if (c.sha == extra.sha) {
            found = true;
            EXPECT_TRUE(c.authorLogin.isEmpty());
            EXPECT_EQ(c.authorName, extra.authorName);
        }
    EXPECT_TRUE(found);
    // A bot commit is credited by name, as Release Drafter's GraphQL sees it (no user).
    for (const NotesCommit &c : job.input().commits)
        if (c.sha == bot.sha) {
            EXPECT_TRUE(c.authorLogin.isEmpty());
            EXPECT_EQ(c.authorName, QStringLiteral("renovate[bot]"));
        }
    const GeneratedNotes notes = generateNotes(job.input(), job.config());
    EXPECT_TRUE(notes.contributorList.contains(extra.authorName));

    // A first-timer: an author with no merged pull request before the range.
    const QDateTime since = latestRelease().createdAt;
    for (const QString &login : job.input().firstTimeContributors) {
        for (const PullRequest &pull : m_data.pullRequests) {
            if (pull.author.login == login && pull.isMerged()) {
                EXPECT_GE(pull.mergedAt, since) << login.toStdString();
            }
        }
    }
}

TEST_F(NotesFetchTest, AServerErrorFailsWithWhatWasBeingFetched)
{
    {
        QMutexLocker lock(&m_faultMutex);
        m_fault = [](const HttpRequest &request) -> std::optional<HttpResponse> {
            if (request.path.contains(QLatin1String("/compare/")))
                return HttpResponse::json(500, R"({"message":"Server Error"})");
            return std::nullopt;
        };
    }
    ReleaseNotesFetchJob job(&m_client, options());
    ASSERT_TRUE(run(job));
    EXPECT_TRUE(job.error().startsWith(QStringLiteral("Could not fetch the commits between")))
        << job.error().toStdString();
}

TEST_F(NotesFetchTest, AWrongRepositoryFailsClearly)
{
    ReleaseNotesFetchJob::Options o = options();
    o.repository = QStringLiteral("nobody/nothing");
    ReleaseNotesFetchJob job(&m_client, o);
    ASSERT_TRUE(run(job));
    EXPECT_TRUE(job.error().contains(QStringLiteral("releases"))) << job.error().toStdString();
    o.repository = QStringLiteral("not-a-repo");
    ReleaseNotesFetchJob bad(&m_client, o);
    ASSERT_TRUE(run(bad));
    EXPECT_TRUE(bad.error().contains(QStringLiteral("OWNER/REPO")));
}

TEST_F(NotesFetchTest, TagStateSaysWhetherTheTagExistsAndItsRunSucceeded)
{
    ReleaseTagStateJob missing(&m_client, m_data.fullName(), QStringLiteral("v99.0.0"),
                               QStringLiteral("Release"));
    missing.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return missing.state().known || !missing.error().isEmpty(); },
                                20'000));
    EXPECT_FALSE(missing.state().exists);

    const Release latest = latestRelease();
    ReleaseTagStateJob existing(&m_client, m_data.fullName(), latest.tagName,
                                QStringLiteral("Release"));
    QSignalSpy done(&existing, &ReleaseTagStateJob::finished);
    existing.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.size() == 1; }, 20'000));
    ASSERT_TRUE(existing.error().isEmpty()) << existing.error().toStdString();
    EXPECT_TRUE(existing.state().exists);
    EXPECT_FALSE(existing.state().tagSha.isEmpty());
    // The demo's Release run for it ("Release vX.Y.Z") completed.
    EXPECT_TRUE(existing.state().runFound);
    EXPECT_TRUE(existing.state().runCompleted);
}

TEST(DemoGitData, CompareContentsAndSearchAnswerLikeGitHub)
{
    ManualClock clock{Now};
    auto backend = std::make_shared<DemoGitHubBackend>(DemoDataGenerator::generate(3, Now), &clock);
    const DemoDataset data = backend->dataset();
    auto get = [&](const QByteArray &target) {
        HttpRequest request;
        request.method = "GET";
        request.target = target;
        const qsizetype q = target.indexOf('?');
        request.path = QString::fromUtf8(q < 0 ? target : target.left(q));
        if (q >= 0)
            request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
        return backend->handle(request);
    };
    const QByteArray repo = "/repos/" + data.fullName().toUtf8();
    EXPECT_EQ(get(repo + "/contents/.github/release-drafter.yml").status, 404);
    backend->setRepositoryFile(QStringLiteral(".github/release-drafter.yml"), "template: x\n");
    const HttpResponse file = get(repo + "/contents/.github/release-drafter.yml");
    ASSERT_EQ(file.status, 200);
    const QJsonObject object = QJsonDocument::fromJson(file.body).object();
    EXPECT_EQ(object.value(QLatin1String("encoding")).toString(), QStringLiteral("base64"));
    EXPECT_EQ(QByteArray::fromBase64(object.value(QLatin1String("content")).toString().toLatin1()),
              QByteArray("template: x\n"));

    const QList<DemoGitHubBackend::Commit> commits = backend->branchCommits();
    ASSERT_GE(commits.size(), 3);
    const QByteArray base = commits.at(commits.size() - 3).sha.toLatin1();
    const HttpResponse compare =
        get(repo + "/compare/" + base + "..." + data.defaultBranch.toUtf8() + "?per_page=1");
    ASSERT_EQ(compare.status, 200);
    const QJsonObject c = QJsonDocument::fromJson(compare.body).object();
    EXPECT_EQ(c.value(QLatin1String("total_commits")).toInt(), 2);
    EXPECT_EQ(c.value(QLatin1String("commits")).toArray().size(), 1);
    EXPECT_TRUE(compare.header("Link").contains("rel=\"next\""));
    EXPECT_EQ(get(repo + "/compare/nope...develop").status, 404);

    const HttpResponse search =
        get("/search/issues?q=repo:" + data.fullName().toUtf8() + "%20is:pr%20is:merged");
    ASSERT_EQ(search.status, 200);
    int merged = 0;
    for (const PullRequest &p : data.pullRequests)
        merged += p.isMerged();
    EXPECT_EQ(
        QJsonDocument::fromJson(search.body).object().value(QLatin1String("total_count")).toInt(),
        merged);
}

TEST_F(NotesFetchTest, UsesTheCachedReleasesWhenTheStoreHasThem)
{
    QTemporaryDir dir;
    WorkspaceStore store(&m_clock);
    ASSERT_TRUE(store.open(dir.path(), m_data.fullName()).ok);
    QList<Release> published;
    for (const Release &r : m_data.releases)
        if (!r.draft)
            published.append(r);
    std::sort(published.begin(), published.end(),
              [](const Release &a, const Release &b) { return a.publishedAt > b.publishedAt; });
    ASSERT_GE(published.size(), 2);
    // The cache knows only the older release: it is the one used, and /releases is not asked.
    ASSERT_TRUE(store.cache().replaceReleases({published.at(1)}));
    ReleaseNotesFetchJob::Options o = options();
    o.cache = &store.cache();
    ReleaseNotesFetchJob job(&m_client, o);
    ASSERT_TRUE(run(job));
    ASSERT_TRUE(job.error().isEmpty()) << job.error().toStdString();
    EXPECT_EQ(job.input().previousTag, published.at(1).tagName);
    for (const HttpRequest &request : m_server.requestLog())
        EXPECT_FALSE(request.path.endsWith(QLatin1String("/releases")))
            << request.path.toStdString();
}
