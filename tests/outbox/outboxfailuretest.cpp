// Transient failures are retried after a growing backoff, permanent ones are reported with
// GitHub's words and leave the overlay, and offline entries wait for the connection.

#include "outboxoperation.h"
#include "outboxoverlay.h"
#include "outboxtestfixture.h"

#include <QAtomicInt>
#include <QJsonObject>
#include <QSignalSpy>

using namespace Mainstay;
using namespace Mainstay::OutboxTest;

namespace {

HttpResponse badGateway()
{
    return HttpResponse::json(502, R"({"message":"Server Error"})");
}

bool isCommentPost(const HttpRequest &request)
{
    return request.method == "POST" && request.path.endsWith(QLatin1String("/comments"));
}

} // namespace

TEST_F(OutboxFixture, TransientFailureIsRetriedAfterBackoffAndWritesOnce)
{
    auto failures = std::make_shared<QAtomicInt>(3);
    setWrap([failures](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (isCommentPost(request) && failures->fetchAndAddOrdered(-1) > 0)
            return badGateway();
        return answer();
    });
    QSignalSpy failed(m_outbox.get(), &Outbox::entryFailed);
    m_outbox->start();
    const Issue issue = openIssue();
    const qint64 id = m_outbox->comment(issue.number, QStringLiteral("Retried, once."));

    // 1 s, 2 s, 4 s: each wait is scheduled, and nothing is sent before it is over.
    for (qint64 expectedDelay : {1000, 2000, 4000}) {
        SCOPED_TRACE(expectedDelay);
        const qsizetype before = failed.size();
        ASSERT_TRUE(runUntil([&] { return failed.size() > before; }, 0));
        EXPECT_FALSE(failed.last().at(2).toBool()) << "reported as permanent";
        EXPECT_TRUE(m_outbox->isBackingOff());
        EXPECT_TRUE(m_scheduler.pendingDelays().contains(expectedDelay));
        EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Queued);
        const qsizetype requestsBefore = requests().size();
        m_scheduler.advance(expectedDelay - 1);
        EXPECT_TRUE(m_outbox->isBackingOff());
        EXPECT_EQ(requests().size(), requestsBefore);
        m_scheduler.advance(1);
        EXPECT_FALSE(m_outbox->isBackingOff());
    }
    ASSERT_TRUE(drain());
    const std::optional<OutboxEntry> entry = m_store->userData().entry(id);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->state, OutboxEntry::State::Sent);
    EXPECT_EQ(entry->attempts, 4);
    EXPECT_EQ(commentsContaining(OutboxOperation::marker(id)), 1);
    // Every repeat looked for the marker before posting again.
    QList<QByteArray> methods;
    for (const HttpRequest &request : requests())
        methods.append(request.method);
    EXPECT_EQ(methods, QList<QByteArray>({"POST", "GET", "POST", "GET", "POST", "GET", "POST"}));
}

TEST_F(OutboxFixture, BackoffIsCappedAtFiveMinutes)
{
    setWrap([](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        return isCommentPost(request) ? badGateway() : answer();
    });
    QSignalSpy failed(m_outbox.get(), &Outbox::entryFailed);
    m_outbox->start();
    m_outbox->comment(openIssue().number, QStringLiteral("never arrives"));
    qint64 delay = Outbox::InitialBackoffMs;
    for (int attempt = 1; attempt <= 11; ++attempt) {
        const qsizetype before = failed.size();
        ASSERT_TRUE(runUntil([&] { return failed.size() > before; }, 0));
        EXPECT_EQ(m_outbox->consecutiveFailures(), attempt);
        ASSERT_TRUE(m_scheduler.pendingDelays().contains(delay)) << "attempt " << attempt;
        m_scheduler.advance(delay);
        delay = std::min(delay * 2, Outbox::MaxBackoffMs);
    }
    EXPECT_EQ(delay, Outbox::MaxBackoffMs);
    EXPECT_EQ(commentsContaining(QStringLiteral("never arrives")), 0);
}

TEST_F(OutboxFixture, PermanentFailureIsReportedAndLeavesTheOverlay)
{
    const Issue issue = openIssue(QStringLiteral("wontfix-by-test"));
    setWrap([](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.method == "POST" && request.path.endsWith(QLatin1String("/labels")))
            return HttpResponse::json(
                422, R"({"message":"Validation Failed","errors":[{"resource":"Label",)"
                     R"("field":"name","code":"custom","message":"name is reserved for bots"}]})");
        return answer();
    });
    QSignalSpy failed(m_outbox.get(), &Outbox::entryFailed);
    const qint64 id = m_outbox->addLabels(issue.number, {QStringLiteral("wontfix-by-test")});
    const qint64 next = m_outbox->comment(issue.number, QStringLiteral("after the failure"));

    // Shown at once, before anything is sent.
    EXPECT_TRUE(OutboxOverlay::apply(issue, m_outbox->pending()).hasLabel(u"wontfix-by-test"));
    EXPECT_TRUE(OutboxOverlay::pendingIssueNumbers(m_outbox->pending()).contains(issue.number));

    m_outbox->start();
    ASSERT_TRUE(drain());
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed.at(0).at(0).value<OutboxEntry>().id, id);
    const QString message = failed.at(0).at(1).toString();
    EXPECT_TRUE(message.contains(QLatin1String("name is reserved for bots")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("#%1").arg(issue.number))) << message.toStdString();
    EXPECT_TRUE(failed.at(0).at(2).toBool());
    const std::optional<OutboxEntry> entry = m_store->userData().entry(id);
    EXPECT_EQ(entry->state, OutboxEntry::State::Failed);
    EXPECT_EQ(entry->lastError, message);
    // Reverted: the overlay no longer shows it; and the queue went on.
    EXPECT_FALSE(OutboxOverlay::apply(issue, m_outbox->pending()).hasLabel(u"wontfix-by-test"));
    EXPECT_FALSE(OutboxOverlay::apply(issue, m_outbox->entries()).hasLabel(u"wontfix-by-test"));
    EXPECT_EQ(m_store->userData().entry(next)->state, OutboxEntry::State::Sent);
    EXPECT_FALSE(serverIssue(issue.number).hasLabel(u"wontfix-by-test"));

    // Retried by hand once GitHub accepts it.
    setWrap({});
    ASSERT_TRUE(m_outbox->retry(id));
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Sent);
    EXPECT_TRUE(serverIssue(issue.number).hasLabel(u"wontfix-by-test"));
}

TEST_F(OutboxFixture, NotFoundIsPermanent)
{
    QSignalSpy failed(m_outbox.get(), &Outbox::entryFailed);
    m_outbox->start();
    const qint64 id = m_outbox->comment(999'999, QStringLiteral("to nowhere"));
    ASSERT_TRUE(drain());
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.at(0).at(2).toBool());
    EXPECT_TRUE(failed.at(0).at(1).toString().contains(QLatin1String("404")));
    EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Failed);
    EXPECT_EQ(writes().size(), 1);
}

TEST_F(OutboxFixture, OfflineEntriesQueueAndGoOutInOrderOnceOnline)
{
    const Issue issue = openIssue();
    m_outbox->setOnline(false);
    m_outbox->start();
    QList<qint64> ids;
    for (int i = 1; i <= 3; ++i)
        ids.append(m_outbox->comment(issue.number, QStringLiteral("offline %1").arg(i)));
    // Plenty of (manual) time passes: nothing leaves.
    m_scheduler.advance(10 * 60 * 1000);
    QCoreApplication::processEvents();
    EXPECT_EQ(requests().size(), 0);
    EXPECT_EQ(m_outbox->pendingCount(), 3);
    for (qint64 id : ids)
        EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Queued);

    m_outbox->setOnline(true);
    ASSERT_TRUE(drain());
    const QList<HttpRequest> sent = writes();
    ASSERT_EQ(sent.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QString body =
            QJsonDocument::fromJson(sent[i].body).object().value("body").toString();
        EXPECT_EQ(body,
                  OutboxOperation::markedBody(QStringLiteral("offline %1").arg(i + 1), ids[i]));
        EXPECT_EQ(m_store->userData().entry(ids[i])->state, OutboxEntry::State::Sent);
    }
}

TEST_F(OutboxFixture, CancelledEntriesAreNeverSent)
{
    const Issue issue = openIssue();
    m_outbox->setOnline(false);
    m_outbox->start();
    const qint64 kept = m_outbox->comment(issue.number, QStringLiteral("kept"));
    const qint64 dropped = m_outbox->comment(issue.number, QStringLiteral("dropped"));
    EXPECT_TRUE(m_outbox->cancel(dropped));
    EXPECT_FALSE(OutboxOverlay::pendingIssueNumbers(m_outbox->pending()).isEmpty());
    m_outbox->setOnline(true);
    ASSERT_TRUE(drain());
    EXPECT_EQ(writes().size(), 1);
    EXPECT_EQ(m_store->userData().entry(kept)->state, OutboxEntry::State::Sent);
    EXPECT_EQ(m_store->userData().entry(dropped)->state, OutboxEntry::State::Cancelled);
    EXPECT_FALSE(m_outbox->cancel(kept)); // sent: too late
}
