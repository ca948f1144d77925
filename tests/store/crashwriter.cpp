// Writes to a workspace store as fast as it can until it is killed: the victim of the crash tests.
// Each round stores a page of issues with its watermark (one transaction), enqueues one outbox
// entry and saves a draft. It resumes where the previous, killed writer stopped.
//
//   store_crash_writer DATA_DIR OWNER/REPO

#include "crashwriterprotocol.h"
#include "isodatetime.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace Mainstay;
using namespace Mainstay::CrashWriterProtocol;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: store_crash_writer DATA_DIR OWNER/REPO\n");
        return 2;
    }
    WorkspaceStore store;
    const StoreOpenResult opened =
        store.open(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
    if (!opened.ok || !opened.notice.isEmpty()) {
        std::fprintf(stderr, "open: %s%s\n", qPrintable(opened.error), qPrintable(opened.notice));
        return 3;
    }
    int next = store.cache().syncValue(lastNumberKey).toInt() + 1;
    const QList<OutboxEntry> entries = store.userData().entries();
    qint64 sequence =
        entries.isEmpty() ? 1 : entries.last().payload.value(QLatin1String("seq")).toInteger() + 1;

    Label bug;
    bug.id = 1;
    bug.name = QStringLiteral("bug");
    bug.color = QStringLiteral("d73a4a");
    User author;
    author.id = 2;
    author.login = QStringLiteral("octocat");

    std::puts("ready");
    std::fflush(stdout);
    QElapsedTimer alive;
    alive.start();
    // Never outlive a test that failed before killing us.
    while (alive.elapsed() < 30'000) {
        QList<Issue> page;
        for (int number = next; number < next + pageSize; ++number) {
            Issue issue;
            issue.id = number;
            issue.number = number;
            issue.title = titleOf(number);
            issue.body = bodyOf(number);
            issue.author = author;
            issue.labels = {bug};
            issue.updatedAt = updatedAtOf(number);
            page.append(issue);
        }
        const int last = next + pageSize - 1;
        if (!store.cache().upsertIssues(page, {{lastNumberKey, QString::number(last)},
                                               {sinceKey, toIsoString(updatedAtOf(last))}})) {
            std::fprintf(stderr, "upsert: %s\n", qPrintable(store.cache().lastError()));
            return 4;
        }
        next = last + 1;
        const QJsonObject payload{{QStringLiteral("seq"), sequence},
                                  {QStringLiteral("text"), outboxTextOf(sequence)}};
        if (store.userData().enqueue(QStringLiteral("comment"), payload) == 0 ||
            !store.userData().saveDraft(draftKey, outboxTextOf(sequence))) {
            std::fprintf(stderr, "user data: %s\n", qPrintable(store.userData().lastError()));
            return 5;
        }
        ++sequence;
    }
    return 0;
}
