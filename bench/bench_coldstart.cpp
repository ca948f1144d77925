// Cold start to a painted board with 100,000 cached items (DESIGN.md: <= 500 ms): runs the real
// `mainstay` executable on a workspace whose cache holds them, with MAINSTAY_STARTUP_TRACE set,
// and reads when the board's first column was first painted with cards. GitHub is a loopback server
// that refuses the (absent) token at once, so the sync ends quickly and --screenshot exits.
//
//   build/bench/bench_coldstart [RUNS]      (default 5)

#include "benchworkspace.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Mainstay;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const QString executable =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../bin/mainstay"));

    QTemporaryDir dir;
    std::printf("writing %d items into a workspace cache…\n", Bench::ItemCount);
    std::fflush(stdout);
    Bench::writeWorkspace(dir.path());

    LoopbackHttpServer server;
    server.setHandler([](const HttpRequest &) {
        return HttpResponse::json(401, R"({"message":"Requires authentication"})");
    });
    if (!server.start()) {
        std::fprintf(stderr, "cannot listen on loopback\n");
        return 1;
    }

    QList<qint64> times;
    const QRegularExpression trace(
        QStringLiteral("first paint of (\\d+) rows (\\d+) ms after start"));
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MAINSTAY_STARTUP_TRACE"), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("GH_TOKEN"));
        env.remove(QStringLiteral("GITHUB_TOKEN"));
        process.setProcessEnvironment(env);
        process.start(executable,
                      {QStringLiteral("--repo"), Bench::repository(), QStringLiteral("--data-dir"),
                       dir.path(), QStringLiteral("--api-url"), server.baseUrl().toString(),
                       QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("shot.png"))});
        if (!process.waitForFinished(120'000)) {
            std::fprintf(stderr, "mainstay did not finish\n");
            return 1;
        }
        const QString err = QString::fromUtf8(process.readAllStandardError());
        const auto match = trace.match(err);
        if (!match.hasMatch()) {
            std::fprintf(stderr, "no startup trace in:\n%s\n", qPrintable(err));
            return 1;
        }
        times.append(match.captured(2).toLongLong());
        for (const QString &line : err.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("mainstay: cache load")))
                std::printf("       %s\n", qPrintable(line.mid(10)));
        std::printf("run %d: %s rows painted after %lld ms\n", run + 1,
                    qPrintable(match.captured(1)), times.last());
    }
    std::sort(times.begin(), times.end());
    const qint64 median = times.at(times.size() / 2);
    std::printf("median cold start to the first painted view (the board) of %d items: %lld ms "
                "(budget 500 ms)\n",
                Bench::ItemCount, median);
    return 0;
}
