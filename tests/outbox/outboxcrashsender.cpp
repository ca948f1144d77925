// The victim of the outbox crash test: enqueues comments (unless a previous run did) and sends
// them to the given API URL with the real outbox, until the test kills it with SIGKILL.
// Prints "ready" once the entries are stored and "sent <id>" after each accepted entry.
//
//   outbox_crash_sender DATA_DIR OWNER/REPO API_URL ISSUE COUNT

#include "githubclient.h"
#include "outbox.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>

using namespace Mainstay;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 6) {
        std::fprintf(stderr,
                     "usage: outbox_crash_sender DATA_DIR OWNER/REPO API_URL ISSUE COUNT\n");
        return 2;
    }
    const QString repository = QString::fromLocal8Bit(argv[2]);
    WorkspaceStore store;
    const StoreOpenResult opened = store.open(QString::fromLocal8Bit(argv[1]), repository);
    if (!opened.ok) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.error));
        return 3;
    }
    QNetworkAccessManager nam;
    GitHubClient client(&nam);
    client.setApiUrl(QUrl(QString::fromLocal8Bit(argv[3])));
    Outbox outbox(&store.userData(), &client, repository);
    QObject::connect(&outbox, &Outbox::entrySent, [](const OutboxEntry &entry) {
        std::printf("sent %lld\n", static_cast<long long>(entry.id));
        std::fflush(stdout);
    });
    QObject::connect(&outbox, &Outbox::entryFailed,
                     [](const OutboxEntry &entry, const QString &message, bool) {
                         std::fprintf(stderr, "failed %lld: %s\n", static_cast<long long>(entry.id),
                                      qPrintable(message));
                     });
    if (store.userData().entries().isEmpty()) {
        const int number = QByteArray(argv[4]).toInt();
        const int count = QByteArray(argv[5]).toInt();
        for (int i = 1; i <= count; ++i)
            if (outbox.comment(number, QStringLiteral("Crash test comment %1").arg(i)) == 0)
                return 4;
    }
    std::puts("ready");
    std::fflush(stdout);
    outbox.start();
    // Never outlive a test that failed before killing us.
    QTimer::singleShot(30'000, &app, [] { QCoreApplication::exit(5); });
    return app.exec();
}
