#include "appcontroller.h"
#include "commandline.h"
#include "headlesscommands.h"
#include "startuptrace.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>

#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    Mainstay::StartupTrace::begin();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const Mainstay::CommandLineResult parsed = Mainstay::parseCommandLine(arguments);
    if (parsed.action != Mainstay::CommandLineResult::Action::Run) {
        std::fputs(parsed.output.toLocal8Bit().constData(),
                   parsed.action == Mainstay::CommandLineResult::Action::Fail ? stderr : stdout);
        return parsed.exitCode;
    }

    if (parsed.options.command != Mainstay::CommandLineOptions::Command::Gui) {
        // Drawing a chart (gantt --export svg|png) needs fonts and a paint engine: a
        // QGuiApplication on the offscreen platform, so no display is needed.
        const bool draws = parsed.options.command == Mainstay::CommandLineOptions::Command::Gantt &&
                           (parsed.options.exportFormat == QLatin1String("svg") ||
                            parsed.options.exportFormat == QLatin1String("png"));
        if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        std::unique_ptr<QCoreApplication> application =
            draws ? std::make_unique<QGuiApplication>(argc, argv)
                  : std::make_unique<QCoreApplication>(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("mainstay"));
        QCoreApplication::setOrganizationName(QStringLiteral("mainstay"));
        QCoreApplication::setApplicationVersion(QStringLiteral(MAINSTAY_VERSION));
        return Mainstay::HeadlessCommands::run(parsed.options);
    }

    const bool hasDisplay = !qEnvironmentVariableIsEmpty("DISPLAY") ||
                            !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
                            !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!hasDisplay) {
        if (parsed.options.screenshot.isEmpty()) {
            std::fputs("mainstay: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                       "Run it in a desktop session, or headless under Xvfb:\n"
                       "  xvfb-run -a mainstay --demo\n"
                       "--screenshot FILE works without a display.\n",
                       stderr);
            return 1;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mainstay"));
    QApplication::setOrganizationName(QStringLiteral("mainstay"));
    QApplication::setApplicationDisplayName(QStringLiteral("Mainstay"));
    QApplication::setApplicationVersion(QStringLiteral(MAINSTAY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.mainstayapp.Mainstay"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/mainstay/icons/mainstay.svg")));

    Mainstay::AppController controller(parsed.options);
    controller.start();
    const int code = app.exec();
    return code != 0 ? code : controller.exitCode();
}
