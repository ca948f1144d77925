#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Mainstay;

namespace {

const QByteArray Token = "ghp_TokenScanCanary0123456789abcdefXYZ";

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

// A loopback GitHub with the demo repository; the mainstay executable talks to it.
class HeadlessTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // The backend's clock stands still: its live release run must not change between two syncs
        // that expect "nothing changed".
        m_backend = std::make_shared<DemoGitHubBackend>(
            DemoDataGenerator::generate(11, m_serverClock.now()), &m_serverClock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler(
            [backend](const HttpRequest &request) { return backend.lock()->handle(request); });
        ASSERT_TRUE(m_server.start());
        m_repository = m_backend->dataset().fullName();
    }

    Outcome run(QStringList arguments, bool withToken = false)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GH_TOKEN"));
        env.remove(QStringLiteral("GITHUB_TOKEN"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("HOME"),
                   m_dir.filePath(QStringLiteral("home"))); // no user config
        env.insert(QStringLiteral("XDG_CONFIG_HOME"),
                   m_dir.filePath(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin")); // and no gh
        if (withToken)
            env.insert(QStringLiteral("GH_TOKEN"), QString::fromLatin1(Token));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(Mainstay::Test::mainstayExecutable(), arguments);
        Outcome outcome;
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
            return outcome;
        }
        outcome.exitCode = process.exitCode();
        outcome.out = QString::fromUtf8(process.readAllStandardOutput());
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

    Outcome sync(bool withToken = false)
    {
        return run({QStringLiteral("sync"), m_repository, QStringLiteral("--api-url"),
                    m_server.baseUrl().toString(), QStringLiteral("--data-dir"),
                    m_dir.filePath(QStringLiteral("data"))},
                   withToken);
    }

    Outcome query(const QString &text, bool json = true)
    {
        QStringList arguments = {QStringLiteral("query"), m_repository, text,
                                 QStringLiteral("--data-dir"),
                                 m_dir.filePath(QStringLiteral("data"))};
        if (json)
            arguments.append(QStringLiteral("--json"));
        return run(arguments);
    }

    bool tokenReachedServer() const
    {
        for (const HttpRequest &request : m_server.requestLog())
            if (request.header("Authorization") == "Bearer " + Token)
                return true;
        return false;
    }

    // Checks the process output and every file under the test's folder; returns the file count.
    int expectNoTokenAnywhere(const Outcome &result) const
    {
        EXPECT_FALSE(result.out.toUtf8().contains(Token));
        EXPECT_FALSE(result.err.toUtf8().contains(Token));
        int scanned = 0;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
            const QByteArray bytes = file.readAll();
            EXPECT_FALSE(bytes.contains(Token)) << file.fileName().toStdString();
            EXPECT_FALSE(bytes.contains(Token.toBase64())) << file.fileName().toStdString();
            ++scanned;
        }
        return scanned;
    }

    QTemporaryDir m_dir;
    ManualClock m_serverClock{QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC)};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    LoopbackHttpServer m_server;
    QString m_repository;
};

} // namespace

TEST_F(HeadlessTest, SyncReportsWhatItDidAndASecondSyncIsAll304)
{
    const Outcome first = sync();
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const int items =
        int(m_backend->dataset().issues.size() + m_backend->dataset().pullRequests.size());
    EXPECT_TRUE(first.out.contains(QStringLiteral("%1 new, 0 updated").arg(items)))
        << first.out.toStdString();
    EXPECT_TRUE(first.out.contains(QLatin1String("rate limit"))) << first.out.toStdString();

    const Outcome second = sync();
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_TRUE(second.out.contains(QLatin1String("0 new, 0 updated"))) << second.out.toStdString();
    // "N requests (N answered 304)"
    const QRegularExpression counts(QStringLiteral("(\\d+) requests \\((\\d+) answered 304\\)"));
    const auto match = counts.match(second.out);
    ASSERT_TRUE(match.hasMatch()) << second.out.toStdString();
    EXPECT_EQ(match.captured(1), match.captured(2));
}

TEST_F(HeadlessTest, QueryMatchesTheServersData)
{
    ASSERT_EQ(sync().exitCode, 0);
    const Outcome result = query(QStringLiteral("is:open is:issue label:bug sort:created-asc"));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray array = QJsonDocument::fromJson(result.out.toUtf8()).array();

    QList<int> expected;
    QList<Issue> issues = m_backend->dataset().issues;
    std::sort(issues.begin(), issues.end(), [](const Issue &a, const Issue &b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.number > b.number;
    });
    for (const Issue &issue : issues)
        if (issue.isOpen() && issue.hasLabel(u"bug"))
            expected.append(issue.number);
    QList<int> got;
    for (const QJsonValue &value : array)
        got.append(value.toObject().value(QLatin1String("number")).toInt());
    EXPECT_FALSE(expected.isEmpty());
    EXPECT_EQ(got, expected);
    for (const QJsonValue &value : array) {
        EXPECT_EQ(value.toObject().value(QLatin1String("state")).toString(),
                  QStringLiteral("open"));
        EXPECT_TRUE(value.toObject()
                        .value(QLatin1String("labels"))
                        .toArray()
                        .contains(QStringLiteral("bug")));
    }
}

TEST_F(HeadlessTest, QueryErrorsPointAtTheProblem)
{
    ASSERT_EQ(sync().exitCode, 0);
    const Outcome result = query(QStringLiteral("is:open lable:bug"), false);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QLatin1String("lable"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QLatin1String("        ^"))) << result.err.toStdString();
}

TEST_F(HeadlessTest, QueryWithoutACacheSaysToSyncFirst)
{
    const Outcome result = query(QStringLiteral("is:open"));
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(QLatin1String("mainstay sync"))) << result.err.toStdString();
}

TEST_F(HeadlessTest, AWrongRepositoryFailsWithAClearMessage)
{
    const Outcome result =
        run({QStringLiteral("sync"), QStringLiteral("nobody/nothing"), QStringLiteral("--api-url"),
             m_server.baseUrl().toString(), QStringLiteral("--data-dir"),
             m_dir.filePath(QStringLiteral("data"))});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.err.contains(QLatin1String("check the repository name")))
        << result.err.toStdString();
}

TEST_F(HeadlessTest, TheTokenIsSentButNeverWrittenAnywhere)
{
    const Outcome result = sync(true);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    // It did reach the server (loopback may carry it), and nothing written or printed holds it.
    EXPECT_TRUE(tokenReachedServer());
    const int scanned = expectNoTokenAnywhere(result);
    EXPECT_GE(scanned, 2) << "the cache and user data files exist";
}

TEST_F(HeadlessTest, AGuiSessionWithATokenLeavesItNowhere)
{
    // The GUI on a real-repository workspace (the loopback GitHub), rendered to a screenshot.
    const QString shot = m_dir.filePath(QStringLiteral("shot.png"));
    const Outcome result =
        run({QStringLiteral("--repo"), m_repository, QStringLiteral("--api-url"),
             m_server.baseUrl().toString(), QStringLiteral("--data-dir"),
             m_dir.filePath(QStringLiteral("gui")), QStringLiteral("--screenshot"), shot},
            true);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(tokenReachedServer());
    const int scanned = expectNoTokenAnywhere(result);
    EXPECT_GE(scanned, 3) << "the screenshot, the cache, the user data and the settings";
}

// ---- mainstay gantt ------------------------------------------------------------------------

namespace {

QStringList ganttArguments(const QString &repository, const QString &apiUrl, const QString &dataDir,
                           const QStringList &more)
{
    return QStringList{QStringLiteral("gantt"),      repository,
                       QStringLiteral("--api-url"),  apiUrl,
                       QStringLiteral("--data-dir"), dataDir} +
           more;
}

} // namespace

TEST_F(HeadlessTest, GanttExportsTheLiveRunAsMermaidWithEveryJobAndAPrediction)
{
    const DemoDataset data = m_backend->dataset();
    ASSERT_NE(data.liveRunId, 0);
    int liveJobs = 0;
    for (const WorkflowJob &job : data.jobs)
        liveJobs += job.runId == data.liveRunId;
    ASSERT_GT(liveJobs, 0);
    const Outcome result = run(ganttArguments(
        m_repository, m_server.baseUrl().toString(), m_dir.filePath(QStringLiteral("data")),
        {QStringLiteral("--run"), QString::number(data.liveRunId)}));
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.startsWith(QLatin1String("gantt\ntitle ")));
    EXPECT_TRUE(result.out.contains(QLatin1String("\nsection Seal\n")));
    EXPECT_TRUE(result.out.contains(QLatin1String("Bump release version")));
    // One task line per job listed, however many pages they took.
    const int tasks =
        int(result.out.count(QRegularExpression(QStringLiteral(" : [^\\n]*job\\d+, "))));
    EXPECT_EQ(tasks, liveJobs) << result.out.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("%1 jobs, 0 failed").arg(liveJobs)))
        << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QLatin1String("predicted end"))) << result.err.toStdString();
    // Every page of the jobs was read.
    int jobPages = 0;
    for (const HttpRequest &request : m_server.requestLog())
        jobPages += request.path.contains(QStringLiteral("/runs/%1/jobs").arg(data.liveRunId));
    EXPECT_EQ(jobPages, (liveJobs + 99) / 100);
}

TEST_F(HeadlessTest, GanttByWorkflowNameWritesSvgAndPngFiles)
{
    const QString svgPath = m_dir.filePath(QStringLiteral("chart.svg"));
    const Outcome svg = run(ganttArguments(
        m_repository, m_server.baseUrl().toString(), m_dir.filePath(QStringLiteral("data")),
        {QStringLiteral("--workflow"), QStringLiteral("Release"), QStringLiteral("--export"),
         QStringLiteral("svg"), QStringLiteral("--out"), svgPath}));
    ASSERT_EQ(svg.exitCode, 0) << svg.err.toStdString();
    QFile svgFile(svgPath);
    ASSERT_TRUE(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    EXPECT_TRUE(svgText.contains("<svg"));
    EXPECT_TRUE(svgText.contains("Seal"));
    // The latest run waits for the review of its publishing job: the chart goes up to it.
    EXPECT_TRUE(svgText.contains("Provenance"));
    EXPECT_TRUE(svgText.contains("Publish PyPi"));

    const QString pngPath = m_dir.filePath(QStringLiteral("chart.png"));
    const Outcome png = run(ganttArguments(
        m_repository, m_server.baseUrl().toString(), m_dir.filePath(QStringLiteral("data")),
        {QStringLiteral("--workflow"), QStringLiteral("release.yml"), QStringLiteral("--export"),
         QStringLiteral("png"), QStringLiteral("--out"), pngPath}));
    ASSERT_EQ(png.exitCode, 0) << png.err.toStdString();
    QImage image(pngPath);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.height(), 300);
}

TEST_F(HeadlessTest, GanttOfAMissingRunOrWorkflowFailsClearly)
{
    const Outcome run404 = run(ganttArguments(m_repository, m_server.baseUrl().toString(),
                                              m_dir.filePath(QStringLiteral("data")),
                                              {QStringLiteral("--run"), QStringLiteral("424242")}));
    EXPECT_EQ(run404.exitCode, 1);
    EXPECT_TRUE(run404.err.contains(QLatin1String("424242"))) << run404.err.toStdString();
    EXPECT_TRUE(run404.out.isEmpty());
    const Outcome noWorkflow = run(ganttArguments(
        m_repository, m_server.baseUrl().toString(), m_dir.filePath(QStringLiteral("data")),
        {QStringLiteral("--workflow"), QStringLiteral("Nope")}));
    EXPECT_EQ(noWorkflow.exitCode, 1);
    EXPECT_TRUE(noWorkflow.err.contains(QLatin1String("no workflow named \"Nope\"")))
        << noWorkflow.err.toStdString();
}
