// `mainstay notes` end to end: the executable against the demo backend on loopback.

#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "releasenotes.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Mainstay;

namespace {

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

class NotesCommandTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_backend = std::make_shared<DemoGitHubBackend>(
            DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, m_clock.now()), &m_clock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler(
            [backend](const HttpRequest &request) { return backend.lock()->handle(request); });
        ASSERT_TRUE(m_server.start());
        m_repository = m_backend->dataset().fullName();
    }
    void TearDown() override { m_server.stop(); }

    Outcome run(QStringList arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GH_TOKEN"));
        env.remove(QStringLiteral("GITHUB_TOKEN"));
        env.remove(QStringLiteral("DISPLAY"));
        env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"),
                   m_dir.filePath(QStringLiteral("home/.config")));
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        arguments.prepend(QStringLiteral("notes"));
        arguments << QStringLiteral("--data-dir") << m_dir.filePath(QStringLiteral("data"));
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
        outcome.out = process.readAllStandardOutput();
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

    QStringList api() const { return {QStringLiteral("--api-url"), m_server.baseUrl().toString()}; }

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC)};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    LoopbackHttpServer m_server;
    QString m_repository;
};

} // namespace

TEST_F(NotesCommandTest, PrintsTheBodyOnStdoutAndTheVersionOnStderr)
{
    const Outcome outcome = run(QStringList{m_repository} + api());
    ASSERT_EQ(outcome.exitCode, 0) << outcome.err.toStdString();
    const QString body = QString::fromUtf8(outcome.out);
    // The built-in policy's template.
    EXPECT_TRUE(body.startsWith(QStringLiteral("## Summary\n"))) << body.toStdString();
    EXPECT_TRUE(body.contains(QStringLiteral("[Human readable summary of changes]")));
    EXPECT_FALSE(body.contains(QStringLiteral("mainstay:"))) << "markers leaked into the body";
    static const QRegularExpression version(
        QStringLiteral(R"(resolved version: (\d+\.\d+\.\d+) \(tag v\1)"));
    EXPECT_TRUE(version.match(outcome.err).hasMatch()) << outcome.err.toStdString();
    EXPECT_FALSE(outcome.err.contains(QStringLiteral("## Summary")));
    EXPECT_FALSE(outcome.err.contains(QStringLiteral(" 0 pull requests")))
        << outcome.err.toStdString();
}

TEST_F(NotesCommandTest, ARepositoryConfigAndAnExplicitRange)
{
    m_backend->setRepositoryFile(QStringLiteral(".github/release-drafter.yml"),
                                 "template: |\n  Since $PREVIOUS_TAG\n  $CHANGES\n"
                                 "change-template: '- $TITLE (#$NUMBER)'\n"
                                 "no-changes-template: 'nothing'\n");
    QStringList published;
    for (const Release &r : m_backend->dataset().releases)
        if (!r.draft)
            published << r.tagName;
    ASSERT_GE(published.size(), 1);
    // From a tag to itself: nothing changed.
    const Outcome empty = run(QStringList{m_repository, QStringLiteral("--from"), published.first(),
                                          QStringLiteral("--to"), published.first()} +
                              api());
    ASSERT_EQ(empty.exitCode, 0) << empty.err.toStdString();
    EXPECT_EQ(QString::fromUtf8(empty.out),
              QStringLiteral("Since %1\nnothing\n").arg(published.first()));
}

TEST_F(NotesCommandTest, ALocalConfigFileAndItsErrors)
{
    const QString good = m_dir.filePath(QStringLiteral("good.yml"));
    QFile file(good);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("template: '$CHANGES'\nchange-template: '$NUMBER'\nsort-by: title\n");
    file.close();
    const Outcome ok = run(QStringList{m_repository, QStringLiteral("--config"), good} + api());
    ASSERT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    static const QRegularExpression numbersOnly(QStringLiteral(R"(^(\d+\n)*\d+$)"));
    EXPECT_TRUE(numbersOnly.match(QString::fromUtf8(ok.out)).hasMatch()) << ok.out.toStdString();

    const QString bad = m_dir.filePath(QStringLiteral("bad.yml"));
    QFile badFile(bad);
    ASSERT_TRUE(badFile.open(QIODevice::WriteOnly));
    badFile.write("template: x\ncategories:\n  - labels: [bug]\n");
    badFile.close();
    const Outcome failed = run(QStringList{m_repository, QStringLiteral("--config"), bad} + api());
    EXPECT_EQ(failed.exitCode, 2);
    EXPECT_TRUE(
        failed.err.contains(QStringLiteral("bad.yml:3:5: categories[0].title: is required")))
        << failed.err.toStdString();
    EXPECT_TRUE(failed.out.isEmpty());
}

TEST_F(NotesCommandTest, AnUnknownRepositoryFailsWithAMessage)
{
    const Outcome outcome = run(QStringList{QStringLiteral("nobody/nothing")} + api());
    EXPECT_EQ(outcome.exitCode, 1);
    EXPECT_TRUE(outcome.err.contains(QStringLiteral("Could not fetch the releases")))
        << outcome.err.toStdString();
    EXPECT_TRUE(outcome.out.isEmpty());
}
