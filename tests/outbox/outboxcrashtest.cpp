// A sender process killed with SIGKILL between "queued" and "sent" loses no entry and repeats
// no comment: a fresh outbox over the same database finishes the job, checking GitHub for the
// comment that was in flight.

#include "outboxoperation.h"
#include "outboxtestfixture.h"

#include <QAtomicInt>
#include <QProcess>
#include <QTest>

using namespace Mainstay;
using namespace Mainstay::OutboxTest;

namespace {

constexpr int Count = 5;

bool isCommentPost(const HttpRequest &request)
{
    return request.method == "POST" && request.path.endsWith(QLatin1String("/comments"));
}

class OutboxCrashTest : public OutboxFixture
{
protected:
    void startSender(QProcess &sender, int number)
    {
        sender.start(QStringLiteral(MAINSTAY_OUTBOX_CRASH_SENDER),
                     {m_dir.path(), m_repository, m_server.baseUrl().toString(),
                      QString::number(number), QString::number(Count)});
        ASSERT_TRUE(sender.waitForStarted());
        ASSERT_TRUE(readUntil(sender, "ready\n")) << sender.readAllStandardError().toStdString();
    }
    bool readUntil(QProcess &sender, const QByteArray &line)
    {
        while (!m_output.contains(line)) {
            if (!sender.waitForReadyRead(15'000))
                return false;
            m_output += sender.readAllStandardOutput();
        }
        return true;
    }
    void kill(QProcess &sender)
    {
        ASSERT_EQ(sender.state(), QProcess::Running)
            << "the sender stopped by itself: " << sender.readAllStandardError().toStdString();
        sender.kill(); // SIGKILL: no destructors, no flush
        ASSERT_TRUE(sender.waitForFinished());
        EXPECT_EQ(sender.exitStatus(), QProcess::CrashExit);
    }
    // A fresh outbox over the same database replays; then every entry is sent exactly once.
    // `alreadyPosted`: comments the killed sender got onto the server.
    void replayAndVerify(int number, int alreadyPosted)
    {
        const QList<OutboxEntry> before = m_store->userData().entries();
        ASSERT_EQ(before.size(), Count) << "an entry was lost";
        makeOutbox();
        m_outbox->start();
        ASSERT_TRUE(drain());
        const QList<OutboxEntry> after = m_store->userData().entries();
        ASSERT_EQ(after.size(), Count);
        int posts = 0;
        for (const HttpRequest &request : requests())
            posts += isCommentPost(request);
        EXPECT_EQ(alreadyPosted + posts, Count) << "a comment was posted twice (or never)";
        for (const OutboxEntry &entry : after) {
            EXPECT_EQ(entry.state, OutboxEntry::State::Sent) << entry.id;
            EXPECT_EQ(commentsContaining(OutboxOperation::marker(entry.id)), 1) << entry.id;
            EXPECT_EQ(entry.payload.value(QLatin1String("number")).toInt(), number);
        }
    }

    QByteArray m_output;
};

} // namespace

TEST_F(OutboxCrashTest, KilledWhileWaitingForGitHubsAnswer)
{
    // The third comment's answer is held back: the sender is killed after GitHub stored the
    // comment and before the sender could mark the entry sent.
    auto posts = std::make_shared<QAtomicInt>(0);
    setWrap([posts](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        HttpResponse response = answer();
        if (isCommentPost(request) && posts->fetchAndAddOrdered(1) == 2)
            response.delayMs = 20'000;
        return response;
    });
    const int number = openIssue().number;
    QProcess sender;
    startSender(sender, number);
    const QList<OutboxEntry> queued = m_store->userData().entries();
    ASSERT_EQ(queued.size(), Count);
    const QString inFlight = OutboxOperation::marker(queued.at(2).id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return commentsContaining(inFlight) == 1; }, 15'000))
        << sender.readAllStandardError().toStdString();
    kill(sender);
    EXPECT_EQ(m_store->userData().entry(queued.at(1).id)->state, OutboxEntry::State::Sent);
    EXPECT_EQ(m_store->userData().entry(queued.at(2).id)->state, OutboxEntry::State::Sending);
    EXPECT_EQ(m_store->userData().entry(queued.at(3).id)->state, OutboxEntry::State::Queued);

    const int alreadyPosted = commentsContaining(QStringLiteral("<!-- mainstay:"));
    EXPECT_EQ(alreadyPosted, 3);
    m_server.clearRequestLog();
    posts->storeRelaxed(-1'000); // the replay is answered at once
    replayAndVerify(number, alreadyPosted);
    // The replay looked for the in-flight comment first and did not post it again.
    ASSERT_FALSE(requests().isEmpty());
    EXPECT_EQ(requests().first().method, "GET");
    for (const HttpRequest &request : writes())
        EXPECT_FALSE(request.body.contains(inFlight.toUtf8()));
}

TEST_F(OutboxCrashTest, KilledBetweenEntries)
{
    const int number = openIssue().number;
    QProcess sender;
    startSender(sender, number);
    // Right after the first entry: the second is queued, or marked sending and not yet out.
    ASSERT_TRUE(readUntil(sender, "sent ")) << sender.readAllStandardError().toStdString();
    kill(sender);
    m_server.clearRequestLog();
    // What reached GitHub before the kill counts towards "exactly once" as well.
    const int alreadyPosted = commentsContaining(QStringLiteral("<!-- mainstay:"));
    ASSERT_GE(alreadyPosted, 1);
    replayAndVerify(number, alreadyPosted);
}
