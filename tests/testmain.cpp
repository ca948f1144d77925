#include <gtest/gtest.h>

#include <QApplication>
#include <QtGlobal>

#include <cstdlib>
#include <cstring>

namespace {

// Qt warnings raised while a test runs fail that test: QAbstractItemModelTester (in Warning mode)
// and our own code report problems through qWarning, which would otherwise scroll by unseen.
QtMessageHandler g_previousHandler = nullptr;

void failOnWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_previousHandler)
        g_previousHandler(type, context, message);
    if (type != QtWarningMsg && type != QtCriticalMsg && type != QtFatalMsg)
        return;
    // The offscreen platform and fontconfig complain about the test machine, not about us.
    static const char *const ignored[] = {"QFont::", "propagateSizeHints", "fontconfig",
                                          "This plugin does not support", "QStandardPaths"};
    for (const char *prefix : ignored)
        if (message.contains(QLatin1String(prefix)))
            return;
    if (qEnvironmentVariableIsSet("MAINSTAY_TEST_ALLOW_WARNINGS"))
        return;
    ADD_FAILURE() << "Qt " << (type == QtWarningMsg ? "warning" : "critical") << ": "
                  << message.toStdString();
}

} // namespace

int main(int argc, char **argv)
{
    // gtest_discover_tests runs this binary without the test environment: default to offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("mainstay-tests"));
    app.setApplicationName(QStringLiteral("mainstay-tests"));
    g_previousHandler = qInstallMessageHandler(failOnWarnings);
    return RUN_ALL_TESTS();
}
