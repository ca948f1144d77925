// A writer process killed with SIGKILL in the middle of writing leaves files that open without
// any repair notice: every outbox entry complete or absent, ids increasing, and no watermark
// ahead of the data it describes.

#include "crashwriterprotocol.h"
#include "isodatetime.h"
#include "scopedconnection.h"
#include "sqlvalues.h"
#include "storetestsupport.h"

#include <QProcess>
#include <QThread>

using namespace Mainstay;
using namespace Mainstay::StoreTest;
using namespace Mainstay::CrashWriterProtocol;
using namespace Qt::StringLiterals;

namespace {

struct Progress
{
    int issues = 0;
    qint64 entries = 0;
};

QString integrityOf(const QString &path)
{
    ScopedConnection connection(path, u"integrity");
    QString error;
    if (!connection.open(&error))
        return error;
    return SqlValues::scalar(connection.database(), u"PRAGMA integrity_check"_s, &error)
               .toString() +
           error;
}

// Checks the workspace after a kill; returns how much it holds.
Progress verifyWorkspace(const QString &dataDir)
{
    Progress progress;
    const QString dir = WorkspaceStore::workspacePath(dataDir, repository);
    EXPECT_EQ(integrityOf(dir + u"/cache.sqlite"_s), u"ok"_s);
    EXPECT_EQ(integrityOf(dir + u"/userdata.sqlite"_s), u"ok"_s);

    WorkspaceStore store;
    const StoreOpenResult result = store.open(dataDir, repository);
    EXPECT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_TRUE(result.notice.isEmpty()) << result.notice.toStdString();
    if (!result.ok)
        return progress;

    // Cache: items 1..N, all with their bodies, and the watermark exactly at N.
    const QList<Issue> issues = store.cache().loadIssues();
    for (qsizetype i = 0; i < issues.size(); ++i) {
        const int number = int(i) + 1;
        if (issues[i].number != number || issues[i].title != titleOf(number) ||
            store.cache().issueBody(number) != bodyOf(number)) {
            ADD_FAILURE() << "item at " << i << " is #" << issues[i].number << " or incomplete";
            break;
        }
    }
    EXPECT_EQ(issues.size() % pageSize, 0) << "a page was stored in part";
    const QString lastNumber = store.cache().syncValue(lastNumberKey);
    if (issues.isEmpty()) {
        EXPECT_TRUE(lastNumber.isNull());
    } else {
        EXPECT_EQ(lastNumber.toInt(), issues.size()) << "watermark and data disagree";
        EXPECT_EQ(store.cache().syncValue(sinceKey), toIsoString(updatedAtOf(int(issues.size()))));
    }
    progress.issues = int(issues.size());

    // Outbox: entries 1..M in order, each complete.
    const QList<OutboxEntry> entries = store.userData().entries();
    qint64 previousId = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const OutboxEntry &entry = entries[i];
        const qint64 sequence = i + 1;
        EXPECT_GT(entry.id, previousId);
        previousId = entry.id;
        if (entry.payload.value(u"seq"_s).toInteger() != sequence ||
            entry.payload.value(u"text"_s).toString() != outboxTextOf(sequence) ||
            entry.kind != u"comment"_s || entry.state != OutboxEntry::State::Queued) {
            ADD_FAILURE() << "outbox entry " << entry.id << " is incomplete or out of order";
            break;
        }
    }
    progress.entries = entries.size();
    // The draft is saved right after each enqueue: it is the last entry's text or the one before.
    const QString draft = store.userData().draft(draftKey);
    if (!entries.isEmpty()) {
        EXPECT_TRUE(draft == outboxTextOf(entries.size()) ||
                    draft == outboxTextOf(entries.size() - 1));
    }
    return progress;
}

bool waitForReady(QProcess &process)
{
    QByteArray output;
    while (!output.contains("ready\n")) {
        if (!process.waitForReadyRead(10'000))
            return false;
        output += process.readAllStandardOutput();
    }
    return true;
}

TEST(StoreCrashRecovery, WritersKilledMidWriteLeaveConsistentFiles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Progress last;
    // Different moments in the write loop; about a second of writing in all. On a busy machine
    // the writers get less done in that time, so more rounds follow (bounded) until they have
    // written enough for the check to mean something.
    QList<int> delays = {150, 20, 260, 70, 5, 190, 110};
    for (int round = 0; round < delays.size(); ++round) {
        const int delayMs = delays.at(round);
        if (round == delays.size() - 1 && delays.size() < 30 &&
            (last.issues <= 10 * pageSize || last.entries <= 10))
            delays.append(300);
        SCOPED_TRACE("killed after " + std::to_string(delayMs) + " ms");
        QProcess writer;
        writer.start(QStringLiteral(MAINSTAY_STORE_CRASH_WRITER), {dir.path(), repository});
        ASSERT_TRUE(writer.waitForStarted());
        ASSERT_TRUE(waitForReady(writer)) << writer.readAllStandardError().toStdString();
        QThread::msleep(delayMs);
        ASSERT_EQ(writer.state(), QProcess::Running)
            << "the writer stopped by itself: " << writer.readAllStandardError().toStdString();
        writer.kill(); // SIGKILL: no destructors, no checkpoint, no flush
        ASSERT_TRUE(writer.waitForFinished());
        EXPECT_EQ(writer.exitStatus(), QProcess::CrashExit)
            << "exit code " << writer.exitCode() << ": "
            << writer.readAllStandardError().toStdString();

        const Progress now = verifyWorkspace(dir.path());
        if (HasFailure())
            return;
        // Committed data is never lost by a kill: the writers only ever add.
        EXPECT_GE(now.issues, last.issues);
        EXPECT_GE(now.entries, last.entries);
        last = now;
    }
    // The test only means something if the writers got far.
    EXPECT_GT(last.issues, 10 * pageSize);
    EXPECT_GT(last.entries, 10);
}

} // namespace
