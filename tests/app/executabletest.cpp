#include "testsupport.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome runMainstay(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(Mainstay::Test::mainstayExecutable(), arguments);
    Outcome outcome;
    if (!process.waitForFinished(90'000)) {
        process.kill();
        process.waitForFinished();
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

QProcessEnvironment environmentWithoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("MAINSTAY_DATA_DIR"));
    return env;
}

} // namespace

TEST(Executable, HelpAndVersion)
{
    const Outcome help = runMainstay({QStringLiteral("--help")}, environmentWithoutDisplay());
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QLatin1String("Usage: mainstay")));
    const Outcome version = runMainstay({QStringLiteral("--version")}, environmentWithoutDisplay());
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QLatin1String("mainstay ")));
}

TEST(Executable, BadArgumentsExitTwoWithAMessage)
{
    const Outcome outcome = runMainstay({QStringLiteral("--view"), QStringLiteral("nope")},
                                        environmentWithoutDisplay());
    EXPECT_EQ(outcome.exitCode, 2);
    EXPECT_TRUE(outcome.err.contains(QLatin1String("unknown view 'nope'")));
}

TEST(Executable, WithoutADisplayTheGuiSuggestsXvfb)
{
    const Outcome outcome = runMainstay({QStringLiteral("--demo")}, environmentWithoutDisplay());
    EXPECT_EQ(outcome.exitCode, 1);
    EXPECT_TRUE(outcome.err.contains(QLatin1String("xvfb-run"))) << outcome.err.toStdString();
}

TEST(Executable, ScreenshotWritesANonBlankPngOfTheRequestedSize)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("shot.png"));
    // No display at all: --screenshot must fall back to the offscreen platform by itself.
    const Outcome outcome =
        runMainstay({QStringLiteral("--demo"), QStringLiteral("--data-dir"),
                     dir.filePath(QStringLiteral("data")), QStringLiteral("--screenshot"), file,
                     QStringLiteral("--size"), QStringLiteral("1000x700")},
                    environmentWithoutDisplay());
    ASSERT_EQ(outcome.exitCode, 0) << outcome.err.toStdString();
    QImage image(file);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1000, 700));
    // A real window has many colours; a blank or single-colour image has a handful.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 20);
}
