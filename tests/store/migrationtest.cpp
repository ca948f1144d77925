// Forward migrations: a file of every earlier format (tests/store/fixtures) opens, is upgraded to
// the latest format and keeps its data. When a format changes, add the fixture of the old one.

#include "cacheschema.h"
#include "scopedconnection.h"
#include "storetestsupport.h"
#include "userdataschema.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace Mainstay;
using namespace Mainstay::StoreTest;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &kind, int version)
{
    return QStringLiteral(MAINSTAY_STORE_FIXTURES "/%1-v%2.sql").arg(kind).arg(version);
}

QString fixtureSql(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return QString::fromUtf8(file.readAll());
}

using StoreMigrations = StoreFixture;

TEST_F(StoreMigrations, ThereIsAFixtureForEveryFormatUpToTheLatest)
{
    for (int version = 0; version <= cacheSchema().latestVersion(); ++version)
        EXPECT_TRUE(QFile::exists(fixture(u"cache"_s, version))) << version;
    for (int version = 0; version <= userDataSchema().latestVersion(); ++version)
        EXPECT_TRUE(QFile::exists(fixture(u"userdata"_s, version))) << version;
}

TEST_F(StoreMigrations, CacheFilesOfEveryEarlierFormatAreUpgradedWithTheirData)
{
    for (int version = 0; version <= cacheSchema().latestVersion(); ++version) {
        SCOPED_TRACE("cache format " + std::to_string(version));
        close();
        ASSERT_TRUE(QDir(workspaceDir()).removeRecursively() || !QDir(workspaceDir()).exists());
        ASSERT_TRUE(QDir().mkpath(workspaceDir()));
        QString error;
        ASSERT_TRUE(runSql(cachePath(), fixtureSql(fixture(u"cache"_s, version)), &error))
            << error.toStdString();

        const StoreOpenResult result = open();
        EXPECT_TRUE(result.notice.isEmpty()) << result.notice.toStdString();
        EXPECT_FALSE(result.cacheReset);
        EXPECT_TRUE(filesStartingWith(workspaceDir(), u"cache.sqlite.corrupt"_s).isEmpty());
        CacheDatabase &cache = m_store->cache();
        EXPECT_EQ(cache.schemaVersion(), cacheSchema().latestVersion());
        EXPECT_EQ(cache.journalMode(), u"wal"_s);
        if (version == 0) {
            EXPECT_EQ(cache.issueCount(), 0);
            continue;
        }
        // What every fixture from format 1 on holds.
        const QList<Issue> issues = cache.loadIssues();
        ASSERT_EQ(issues.size(), 1);
        EXPECT_EQ(issues[0].number, 7);
        EXPECT_EQ(issues[0].title, u"Fixture issue 7"_s);
        EXPECT_EQ(issues[0].author.login, u"octocat"_s);
        ASSERT_EQ(issues[0].labels.size(), 1);
        EXPECT_EQ(issues[0].labels[0].name, u"bug"_s);
        EXPECT_EQ(issues[0].labels[0].description, u"Something isn't working"_s);
        EXPECT_EQ(issues[0].assignees.value(0).login, u"octocat"_s);
        EXPECT_EQ(issues[0].createdAt, QDateTime::fromMSecsSinceEpoch(1767225600000, Qt::UTC));
        EXPECT_FALSE(issues[0].closedAt.isValid());
        EXPECT_EQ(cache.issueBody(7), u"Fixture body"_s);
        EXPECT_EQ(cache.loadComments(7).value(0).body, u"Fixture comment"_s);
        EXPECT_EQ(cache.loadComments(7).value(0).authorAssociation, AuthorAssociation::Contributor);
        EXPECT_EQ(cache.loadLabels().size(), 1);
        EXPECT_EQ(cache.syncValue(u"issues.since"_s), u"2026-01-01T00:00:00Z"_s);
        const auto http = cache.httpCacheEntry(QUrl(u"https://api.github.com/repos/o/r/labels"_s));
        ASSERT_TRUE(http.has_value());
        EXPECT_EQ(http->etag, QByteArray("W/\"abc\"\n"));
        EXPECT_EQ(http->body, QByteArray("[]"));
        const QHash<int, PullRequestFiles> files = cache.loadPullRequestFiles();
        if (version < 3) {
            EXPECT_TRUE(files.isEmpty());
            continue;
        }
        ASSERT_TRUE(files.contains(8));
        EXPECT_EQ(files[8].headSha, u"c0ffee"_s);
        EXPECT_TRUE(files[8].complete);
        EXPECT_EQ(files[8].paths,
                  (QStringList{u"docs/index.md"_s, u"aws_lambda_powertools/logging/logger.py"_s}));
    }
}

TEST_F(StoreMigrations, UserDataFilesOfEveryEarlierFormatAreUpgradedWithTheirData)
{
    for (int version = 0; version <= userDataSchema().latestVersion(); ++version) {
        SCOPED_TRACE("user data format " + std::to_string(version));
        close();
        ASSERT_TRUE(QDir(workspaceDir()).removeRecursively() || !QDir(workspaceDir()).exists());
        ASSERT_TRUE(QDir().mkpath(workspaceDir()));
        QString error;
        ASSERT_TRUE(runSql(userDataPath(), fixtureSql(fixture(u"userdata"_s, version)), &error))
            << error.toStdString();

        const StoreOpenResult result = open();
        EXPECT_TRUE(result.notice.isEmpty()) << result.notice.toStdString();
        EXPECT_FALSE(result.userDataReset);
        UserDataDatabase &userData = m_store->userData();
        EXPECT_EQ(userData.schemaVersion(), userDataSchema().latestVersion());
        EXPECT_EQ(userData.journalMode(), u"wal"_s);
        if (version == 0) {
            EXPECT_TRUE(userData.entries().isEmpty());
            EXPECT_GT(userData.enqueue(u"comment"_s, {}), 0);
            continue;
        }
        EXPECT_EQ(userData.draft(u"release-notes/v1.2.0"_s), u"Fixture draft"_s);
        EXPECT_EQ(userData.draftVersions(u"release-notes/v1.2.0"_s).value(0).label, u"first"_s);
        const QList<OutboxEntry> pending = userData.pendingEntries();
        ASSERT_EQ(pending.size(), 1);
        EXPECT_EQ(pending[0].id, 3);
        EXPECT_EQ(pending[0].kind, u"comment"_s);
        EXPECT_EQ(pending[0].payload, (QJsonObject{{u"issue"_s, 7}}));
        const std::optional<OutboxEntry> sent = userData.entry(4);
        ASSERT_TRUE(sent.has_value());
        EXPECT_EQ(sent->state, OutboxEntry::State::Sent);
        EXPECT_EQ(sent->result, (QJsonObject{{u"ok"_s, true}}));
        // New ids continue after the old ones.
        EXPECT_GT(userData.enqueue(u"comment"_s, {}), 4);
    }
}

// The upgrade mechanism itself, on a made-up three-step history: steps run in order, each in a
// transaction of its own with its version number.
TEST_F(StoreMigrations, StepsRunInOrderAndAFailedStepLeavesThePreviousVersion)
{
    const Schema good(u"test"_s, {{1, {u"CREATE TABLE a(x)"_s}},
                                  {2, {u"ALTER TABLE a ADD COLUMN y"_s, u"CREATE TABLE b(z)"_s}},
                                  {3, {u"INSERT INTO b VALUES(3)"_s}}});
    const Schema broken(u"test"_s,
                        {{1, {u"CREATE TABLE a(x)"_s}},
                         {2, {u"ALTER TABLE a ADD COLUMN y"_s, u"CREATE TABLE b(z)"_s}},
                         {3, {u"CREATE TABLE c(q)"_s, u"INSERT INTO nowhere VALUES(1)"_s}}});
    const QString path = dataDir() + u"/steps.sqlite"_s;
    {
        ScopedConnection connection(path, u"test");
        QString error;
        ASSERT_TRUE(connection.open(&error));
        EXPECT_FALSE(broken.migrate(connection.database(), &error));
        EXPECT_TRUE(error.contains(u"version 3"_s)) << error.toStdString();
        EXPECT_EQ(Schema::userVersion(connection.database(), &error), 2);
        EXPECT_EQ(Schema::fingerprint(connection.database(), &error).count(u"table c"_s), 0);

        ASSERT_TRUE(good.migrate(connection.database(), &error)) << error.toStdString();
        EXPECT_EQ(Schema::userVersion(connection.database(), &error), 3);
        EXPECT_EQ(Schema::fingerprint(connection.database(), &error), good.expectedFingerprint());
        // Already at the latest version: nothing runs again.
        ASSERT_TRUE(good.migrate(connection.database(), &error));
    }
    EXPECT_EQ(queryValue(path, u"SELECT count(*) FROM b"_s).toInt(), 1);
}

TEST_F(StoreMigrations, FreshFilesMatchTheSchemaFingerprint)
{
    open();
    close();
    for (const auto &[path, schema] :
         {std::pair{cachePath(), &cacheSchema()}, std::pair{userDataPath(), &userDataSchema()}}) {
        ScopedConnection connection(path, u"test", ScopedConnection::Mode::ReadOnly);
        QString error;
        ASSERT_TRUE(connection.open(&error));
        const QString found = Schema::fingerprint(connection.database(), &error);
        EXPECT_EQ(found, schema->expectedFingerprint());
        EXPECT_TRUE(found.contains(u"table outbox"_s) || found.contains(u"table issues"_s));
    }
}

} // namespace
