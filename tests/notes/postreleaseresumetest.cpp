// The post-release dialog across a restart of the app, against the demo backend on loopback and
// the real outbox: the dialog records the batch in the workspace's user data, a new dialog over
// the same store (a new batch, a new outbox: what a restart makes) shows where it stopped and
// resumes — and, counting the requests GitHub received, every issue gets exactly one comment,
// one label removal and one close. A saved state that cannot be read is said so, kept aside, and
// the issues are listed afresh without telling any of them twice.

#include "outboxtestfixture.h"
#include "postreleasebatch.h"
#include "postreleasedialog.h"
#include "postreleasejournal.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Mainstay;
using namespace Mainstay::OutboxTest;

namespace {

const QString PendingLabel = QStringLiteral("pending-release");
const QString Tag = QStringLiteral("v9.1.0");
const QString ReleaseUrl = QStringLiteral("https://github.com/o/r/releases/tag/v9.1.0");

struct Writes
{
    int comments = 0;
    int labelRemovals = 0;
    int closes = 0;
};

class PostReleaseResumeTest : public OutboxFixture
{
protected:
    // A write straight into the backend (not through the server: not in the request log), as
    // another client of GitHub would have made it.
    void send(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        HttpRequest request;
        request.method = method;
        request.path = repoPath(path);
        request.target = request.path.toUtf8();
        if (!body.isEmpty())
            request.body = QJsonDocument(body).toJson();
        request.headers.append(std::pair<QByteArray, QByteArray>("Host", "127.0.0.1"));
        ASSERT_LT(m_backend->handle(request).status, 300)
            << method.constData() << ' ' << path.toStdString();
    }

    // Labels `count` open issues pending-release; returns their numbers.
    QList<int> labelOpenIssues(int count)
    {
        QList<int> numbers;
        for (const Issue &issue : m_backend->dataset().issues) {
            if (numbers.size() == count)
                break;
            if (!issue.isOpen() || issue.isPullRequest || issue.hasLabel(PendingLabel))
                continue;
            send("POST", QStringLiteral("/issues/%1/labels").arg(issue.number),
                 QJsonObject{{QStringLiteral("labels"), QJsonArray{PendingLabel}}});
            numbers << issue.number;
        }
        EXPECT_EQ(numbers.size(), count);
        return numbers;
    }

    std::unique_ptr<PostReleaseBatch> makeBatch()
    {
        return std::make_unique<PostReleaseBatch>(&m_client, m_outbox.get(), m_repository,
                                                  PendingLabel, Tag, ReleaseUrl);
    }

    std::unique_ptr<PostReleaseDialog> makeDialog(PostReleaseBatch *batch)
    {
        auto dialog = std::make_unique<PostReleaseDialog>(
            batch, m_repository, QUrl(GitHubClient::webUrl(QUrl(), m_repository)),
            &m_store->userData());
        dialog->show();
        return dialog;
    }

    QJsonValue saved() const
    {
        return m_store->userData().localValue(PostReleaseJournal::scope(), Tag);
    }

    // What the server received for issue `number` since the request log began.
    Writes writesTo(int number) const
    {
        Writes w;
        const QString issue = repoPath(QStringLiteral("/issues/%1").arg(number));
        for (const HttpRequest &r : writes()) {
            w.comments += r.method == "POST" && r.path == issue + QStringLiteral("/comments");
            w.labelRemovals +=
                r.method == "DELETE" && r.path == issue + QStringLiteral("/labels/") + PendingLabel;
            w.closes += r.method == "PATCH" && r.path == issue &&
                        QJsonDocument::fromJson(r.body).object().value(QLatin1String("state")) ==
                            QLatin1String("closed");
        }
        return w;
    }

    void expectWrites(int number, int comments, int labelRemovals, int closes) const
    {
        SCOPED_TRACE(number);
        const Writes w = writesTo(number);
        EXPECT_EQ(w.comments, comments);
        EXPECT_EQ(w.labelRemovals, labelRemovals);
        EXPECT_EQ(w.closes, closes);
    }

    int releaseComments(int number) const
    {
        int count = 0;
        for (const Comment &comment : m_backend->dataset().comments)
            if (comment.issueNumber == number && comment.body.contains(Tag))
                ++count;
        return count;
    }

    // Shipped: closed as completed, unlabelled, told exactly once.
    void expectAnnounced(const QList<int> &numbers)
    {
        for (int number : numbers) {
            SCOPED_TRACE(number);
            const Issue issue = serverIssue(number);
            EXPECT_FALSE(issue.isOpen());
            EXPECT_FALSE(issue.hasLabel(PendingLabel));
            EXPECT_EQ(releaseComments(number), 1);
        }
    }

    static int indexOf(const PostReleaseBatch &batch, int number)
    {
        for (qsizetype i = 0; i < batch.items().size(); ++i)
            if (batch.items().at(i).number == number)
                return int(i);
        return -1;
    }

    static QString statusShown(const PostReleaseDialog &dialog, int index)
    {
        const QTreeWidgetItem *row = dialog.issueList()->topLevelItem(index);
        return row ? row->text(2) : QString();
    }

    // Listing requests (the first page of the labelled issues) since `from`.
    int listings(qsizetype from) const
    {
        int count = 0;
        const QList<HttpRequest> all = requests();
        for (qsizetype i = from; i < all.size(); ++i)
            count +=
                all.at(i).method == "GET" && all.at(i).path == repoPath(QStringLiteral("/issues"));
        return count;
    }

    // Runs a first session until the issue `stopAt` has its comment on GitHub, then "crashes":
    // the outbox goes offline with the label removal queued, the dialog, batch and outbox go.
    // Returns the journal's value from before that comment was recorded.
    QJsonValue runAndCrashAfterCommentOn(int stopAt)
    {
        auto batch = makeBatch();
        auto dialog = makeDialog(batch.get());
        EXPECT_TRUE(
            runUntil([&] { return !batch->isLoading() && dialog->runButton()->isEnabled(); }));
        EXPECT_EQ(listings(0), 1);
        // Recorded as soon as it is listed, before anything is sent.
        const std::optional<QList<PostReleaseBatch::Item>> listed =
            PostReleaseBatch::itemsInState(saved());
        EXPECT_TRUE(listed.has_value());
        EXPECT_EQ(listed ? listed->size() : 0, batch->items().size());

        QJsonValue previous = saved();
        QJsonValue beforeStop;
        bool stopped = false;
        QObject::connect(batch.get(), &PostReleaseBatch::itemChanged, batch.get(), [&](int index) {
            // The journal (connected first, by the dialog) has saved this change already.
            const PostReleaseBatch::Item &item = batch->items().at(index);
            if (item.number == stopAt && item.step == PostReleaseBatch::Step::Commented &&
                !stopped) {
                stopped = true;
                beforeStop = previous;
                m_outbox->setOnline(false);
            }
            previous = saved();
        });
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        EXPECT_TRUE(dialog->commentEditor()->isReadOnly());
        EXPECT_TRUE(
            runUntil([&] { return !m_outbox->isOnline() && m_outbox->pendingCount() == 1; }));
        EXPECT_EQ(releaseComments(stopAt), 1);
        EXPECT_EQ(writesTo(stopAt).labelRemovals, 0);
        return beforeStop;
    }
};

} // namespace

TEST_F(PostReleaseResumeTest, ADialogReopenedAfterARestartResumesWhereItStopped)
{
    const QList<int> numbers = labelOpenIssues(4);
    runAndCrashAfterCommentOn(numbers.at(2));

    // The app starts again: a new outbox over the same store (it still holds the label removal),
    // a new batch, and the dialog opened again for the same tag.
    makeOutbox();
    m_outbox->start();
    const qsizetype requestsAtRestart = requests().size();
    auto batch = makeBatch();
    auto dialog = makeDialog(batch.get());
    // Restored, not listed again: the issues done are shown done, the third one commented.
    EXPECT_FALSE(batch->isLoading());
    EXPECT_EQ(listings(requestsAtRestart), 0);
    ASSERT_EQ(dialog->issueList()->topLevelItemCount(), batch->items().size());
    for (int i : {0, 1})
        EXPECT_EQ(statusShown(*dialog, indexOf(*batch, numbers.at(i))), QStringLiteral("Done"));
    EXPECT_EQ(statusShown(*dialog, indexOf(*batch, numbers.at(2))), QStringLiteral("Commented"));
    EXPECT_EQ(statusShown(*dialog, indexOf(*batch, numbers.at(3))), QStringLiteral("Waiting"));
    EXPECT_EQ(dialog->runButton()->text(), QStringLiteral("Resume"));
    EXPECT_TRUE(dialog->runButton()->isEnabled());
    EXPECT_TRUE(dialog->commentEditor()->isReadOnly()) << "the rest gets the comment already sent";
    EXPECT_TRUE(dialog->statusLabel()->text().contains(QStringLiteral("Restored")));
    EXPECT_FALSE(dialog->noticeLabel()->isVisibleTo(dialog.get()));

    QSignalSpy finished(batch.get(), &PostReleaseBatch::finished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(runUntil([&] { return finished.size() == 1; }));
    EXPECT_EQ(batch->doneCount(), batch->items().size());
    EXPECT_TRUE(dialog->statusLabel()->text().contains(QStringLiteral("are done")));
    EXPECT_FALSE(dialog->runButton()->isEnabled());

    // Over both sessions, exactly one comment, one label removal and one close per issue, and
    // nothing else written.
    for (int number : numbers)
        expectWrites(number, 1, 1, 1);
    EXPECT_EQ(writes().size(), 3 * numbers.size());
    expectAnnounced(numbers);

    // The finished batch stays recorded: opened again (another restart), it shows every issue
    // done and sends nothing — not even a listing.
    EXPECT_TRUE(PostReleaseJournal::unfinished(m_store->userData()).isEmpty());
    makeOutbox();
    m_outbox->start();
    const qsizetype requestsAtSecondRestart = requests().size();
    auto again = makeBatch();
    auto reopened = makeDialog(again.get());
    m_scheduler.advance(60'000);
    QCoreApplication::processEvents();
    EXPECT_EQ(again->doneCount(), again->items().size());
    EXPECT_EQ(again->items().size(), batch->items().size());
    EXPECT_FALSE(reopened->runButton()->isEnabled());
    EXPECT_TRUE(reopened->statusLabel()->text().contains(QStringLiteral("are done")));
    EXPECT_EQ(requests().size(), requestsAtSecondRestart);
}

TEST_F(PostReleaseResumeTest, AProgressRecordedBeforeGitHubsLastAnswerIsNotRepeated)
{
    const QList<int> numbers = labelOpenIssues(3);
    // The app dies after GitHub stored the second issue's comment but before that was recorded:
    // the journal still says the issue waits for its comment.
    const QJsonValue stale = runAndCrashAfterCommentOn(numbers.at(1));
    ASSERT_TRUE(stale.isObject());
    ASSERT_TRUE(m_store->userData().setLocalValue(PostReleaseJournal::scope(), Tag, stale));

    makeOutbox();
    m_outbox->start();
    auto batch = makeBatch();
    auto dialog = makeDialog(batch.get());
    ASSERT_EQ(batch->items().size(), dialog->issueList()->topLevelItemCount());
    EXPECT_EQ(batch->items().at(indexOf(*batch, numbers.at(0))).step,
              PostReleaseBatch::Step::Closed);
    EXPECT_EQ(batch->items().at(indexOf(*batch, numbers.at(1))).step,
              PostReleaseBatch::Step::Pending);
    QSignalSpy finished(batch.get(), &PostReleaseBatch::finished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(runUntil([&] { return finished.size() == 1; }));

    // The resume looked the issue up, found the comment naming the version and did not post it
    // again.
    for (int number : numbers)
        expectWrites(number, 1, 1, 1);
    EXPECT_EQ(writes().size(), 3 * numbers.size());
    expectAnnounced(numbers);
}

TEST_F(PostReleaseResumeTest, AnUnreadableSavedStateIsKeptAsideAndNobodyIsToldTwice)
{
    const QList<int> numbers = labelOpenIssues(4);
    const int done = numbers.at(0), unlabelled = numbers.at(1), commented = numbers.at(2),
              untouched = numbers.at(3);
    const QJsonObject told{
        {QStringLiteral("body"), PostReleaseBatch::defaultComment(Tag, ReleaseUrl)}};
    const QJsonObject close{{QStringLiteral("state"), QStringLiteral("closed")},
                            {QStringLiteral("state_reason"), QStringLiteral("completed")}};
    // An earlier run got this far before its record was damaged: one issue finished, one told
    // and unlabelled but still open, one told only.
    send("POST", QStringLiteral("/issues/%1/comments").arg(done), told);
    send("DELETE", QStringLiteral("/issues/%1/labels/%2").arg(done).arg(PendingLabel));
    send("PATCH", QStringLiteral("/issues/%1").arg(done), close);
    send("POST", QStringLiteral("/issues/%1/comments").arg(unlabelled), told);
    send("DELETE", QStringLiteral("/issues/%1/labels/%2").arg(unlabelled).arg(PendingLabel));
    send("POST", QStringLiteral("/issues/%1/comments").arg(commented), told);
    auto item = [](int number, const QString &step) {
        return QJsonObject{{QStringLiteral("number"), number}, {QStringLiteral("step"), step}};
    };
    const QJsonObject damaged{
        {QStringLiteral("format"), PostReleaseBatch::StateFormat},
        {QStringLiteral("tag"), Tag},
        {QStringLiteral("items"), QJsonArray{item(done, QStringLiteral("closed")),
                                             item(unlabelled, QStringLiteral("label-removed")),
                                             item(commented, QStringLiteral("commented")),
                                             item(untouched, QStringLiteral("half-sent"))}}};
    ASSERT_TRUE(m_store->userData().setLocalValue(PostReleaseJournal::scope(), Tag, damaged));
    const QList<PostReleaseJournal::Unfinished> offered =
        PostReleaseJournal::unfinished(m_store->userData());
    ASSERT_EQ(offered.size(), 1);
    EXPECT_EQ(offered.at(0).tag, Tag);
    EXPECT_FALSE(offered.at(0).readable);

    auto batch = makeBatch();
    auto dialog = makeDialog(batch.get());
    // Said plainly, with the reason; the damaged record is kept, not overwritten.
    ASSERT_TRUE(dialog->noticeLabel()->isVisibleTo(dialog.get()));
    EXPECT_TRUE(dialog->noticeLabel()->text().contains(QStringLiteral("could not be read")));
    EXPECT_TRUE(dialog->noticeLabel()->text().contains(QStringLiteral("half-sent")));
    EXPECT_EQ(m_store->userData().localValue(PostReleaseJournal::unreadableScope(), Tag),
              QJsonValue(damaged));
    // Listed afresh from GitHub.
    ASSERT_TRUE(runUntil([&] { return !batch->isLoading() && dialog->runButton()->isEnabled(); }));
    EXPECT_EQ(listings(0), 1);
    ASSERT_GE(indexOf(*batch, done), 0) << "looked up by the number the damaged record held";
    EXPECT_EQ(batch->items().at(indexOf(*batch, done)).step, PostReleaseBatch::Step::Skipped);
    ASSERT_GE(indexOf(*batch, unlabelled), 0) << "no longer labelled, but still to be closed";
    EXPECT_EQ(batch->items().at(indexOf(*batch, unlabelled)).step,
              PostReleaseBatch::Step::LabelRemoved);
    ASSERT_GE(indexOf(*batch, commented), 0);
    EXPECT_TRUE(batch->items().at(indexOf(*batch, commented)).alreadyCommented);
    ASSERT_GE(indexOf(*batch, untouched), 0);
    EXPECT_FALSE(batch->items().at(indexOf(*batch, untouched)).alreadyCommented);
    EXPECT_TRUE(dialog->noticeLabel()->isVisibleTo(dialog.get())) << "still said after listing";
    // The fresh listing is recorded readably; the damaged copy stays aside.
    EXPECT_TRUE(PostReleaseBatch::itemsInState(saved()).has_value());
    EXPECT_EQ(m_store->userData().localValue(PostReleaseJournal::unreadableScope(), Tag),
              QJsonValue(damaged));

    QSignalSpy finished(batch.get(), &PostReleaseBatch::finished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(runUntil([&] { return finished.size() == 1; }));
    expectWrites(done, 0, 0, 0);
    expectWrites(unlabelled, 0, 0, 1);
    expectWrites(commented, 0, 1, 1);
    expectWrites(untouched, 1, 1, 1);
    EXPECT_EQ(writes().size(), 6);
    expectAnnounced(numbers);
    EXPECT_TRUE(PostReleaseJournal::unfinished(m_store->userData()).isEmpty());
}

TEST_F(PostReleaseResumeTest, ASavedStateThatIsNotAnObjectIsListedAfresh)
{
    const QList<int> numbers = labelOpenIssues(2);
    ASSERT_TRUE(m_store->userData().setLocalValue(PostReleaseJournal::scope(), Tag,
                                                  QJsonValue(QStringLiteral("{\"items\": [tru"))));
    auto batch = makeBatch();
    auto dialog = makeDialog(batch.get());
    EXPECT_TRUE(dialog->noticeLabel()->text().contains(QStringLiteral("could not be read")));
    EXPECT_TRUE(dialog->noticeLabel()->text().contains(QStringLiteral("not a JSON object")));
    ASSERT_TRUE(runUntil([&] { return !batch->isLoading() && dialog->runButton()->isEnabled(); }));
    QSignalSpy finished(batch.get(), &PostReleaseBatch::finished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(runUntil([&] { return finished.size() == 1; }));
    for (int number : numbers)
        expectWrites(number, 1, 1, 1);
    EXPECT_EQ(writes().size(), 3 * numbers.size());
    expectAnnounced(numbers);
    EXPECT_EQ(m_store->userData().localValue(PostReleaseJournal::unreadableScope(), Tag),
              QJsonValue(QStringLiteral("{\"items\": [tru")));
}
