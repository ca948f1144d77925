// The post-release batch against the demo backend on loopback, through the real outbox: every
// page listed, issues already told or closed left alone, a 500 in the middle, a permanent
// failure, and a restart in the middle — and never a second comment.

#include "postreleasebatch.h"
#include "outboxtestfixture.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace Mainstay;
using namespace Mainstay::OutboxTest;

namespace {

const QString Label = QStringLiteral("pending-release");
const QString Tag = QStringLiteral("v9.1.0");
const QString ReleaseUrl = QStringLiteral("https://github.com/o/r/releases/tag/v9.1.0");

class PostReleaseTest : public OutboxFixture
{
protected:
    void SetUp() override
    {
        OutboxFixture::SetUp();
        // Earlier pending-release issues of the demo are closed: they must be skipped.
        for (const Issue &issue : m_backend->dataset().issues)
            if (issue.hasLabel(Label))
                m_closedLabelled << issue.number;
    }

    void post(const QString &path, const QJsonObject &body)
    {
        HttpRequest request;
        request.method = "POST";
        request.path = repoPath(path);
        request.target = request.path.toUtf8();
        request.body = QJsonDocument(body).toJson();
        request.headers.append(std::pair<QByteArray, QByteArray>("Host", "127.0.0.1"));
        ASSERT_LT(m_backend->handle(request).status, 300) << path.toStdString();
    }

    // Labels `count` open issues pending-release; returns their numbers.
    QList<int> labelOpenIssues(int count)
    {
        QList<int> numbers;
        for (const Issue &issue : m_backend->dataset().issues) {
            if (numbers.size() == count)
                break;
            if (!issue.isOpen() || issue.hasLabel(Label))
                continue;
            post(QStringLiteral("/issues/%1/labels").arg(issue.number),
                 QJsonObject{{QStringLiteral("labels"), QJsonArray{Label}}});
            numbers << issue.number;
        }
        EXPECT_EQ(numbers.size(), count);
        return numbers;
    }

    std::unique_ptr<PostReleaseBatch> makeBatch()
    {
        return std::make_unique<PostReleaseBatch>(&m_client, m_outbox.get(), m_repository, Label,
                                                  Tag, ReleaseUrl);
    }

    bool load(PostReleaseBatch &batch)
    {
        QSignalSpy loaded(&batch, &PostReleaseBatch::loaded);
        batch.load();
        return runUntil([&] { return loaded.size() == 1; });
    }

    int releaseComments(int number) const
    {
        int count = 0;
        for (const Comment &comment : m_backend->dataset().comments)
            if (comment.issueNumber == number && comment.body.contains(Tag))
                ++count;
        return count;
    }

    void expectAnnounced(const QList<int> &numbers)
    {
        for (int number : numbers) {
            SCOPED_TRACE(number);
            const Issue issue = serverIssue(number);
            EXPECT_FALSE(issue.isOpen());
            EXPECT_EQ(issue.stateReason, Issue::StateReason::Completed);
            EXPECT_FALSE(issue.hasLabel(Label));
            EXPECT_EQ(releaseComments(number), 1);
        }
    }

    QList<int> m_closedLabelled;
};

} // namespace

TEST_F(PostReleaseTest, ListsEveryPageAndSkipsClosedIssues)
{
    const QList<int> open = labelOpenIssues(104);
    auto batch = makeBatch();
    ASSERT_TRUE(load(*batch));
    EXPECT_EQ(batch->items().size(), open.size() + m_closedLabelled.size());
    int skipped = 0, pending = 0;
    for (const PostReleaseBatch::Item &item : batch->items()) {
        if (m_closedLabelled.contains(item.number)) {
            EXPECT_EQ(item.step, PostReleaseBatch::Step::Skipped);
            ++skipped;
        } else {
            EXPECT_EQ(item.step, PostReleaseBatch::Step::Pending);
            EXPECT_TRUE(open.contains(item.number));
            ++pending;
        }
    }
    EXPECT_EQ(pending, 104);
    EXPECT_EQ(skipped, m_closedLabelled.size());
    int listPages = 0;
    for (const HttpRequest &r : requests())
        if (r.path == repoPath(QStringLiteral("/issues")))
            ++listPages;
    EXPECT_GE(listPages, 2);
    EXPECT_TRUE(writes().isEmpty()) << "loading writes nothing";
    EXPECT_EQ(PostReleaseBatch::defaultComment(Tag, ReleaseUrl),
              QStringLiteral("This is now released under "
                             "[v9.1.0](https://github.com/o/r/releases/tag/v9.1.0) version!"));
}

TEST_F(PostReleaseTest, CommentsRemovesTheLabelAndClosesThroughAFaultWithoutRepeating)
{
    const QList<int> numbers = labelOpenIssues(3);
    // The repository's own job already told the second one.
    post(QStringLiteral("/issues/%1/comments").arg(numbers.at(1)),
         QJsonObject{{QStringLiteral("body"), QStringLiteral("Released in v9.1.0 🎉")}});
    // A 500 after GitHub stored the third one's comment: the retry must not post it again.
    auto failedOnce = std::make_shared<QAtomicInt>(0);
    const QString thirdComments =
        repoPath(QStringLiteral("/issues/%1/comments").arg(numbers.at(2)));
    setWrap([=](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.method == "POST" && request.path == thirdComments &&
            failedOnce->testAndSetOrdered(0, 1)) {
            answer();
            return HttpResponse::json(500, R"({"message":"Server Error"})");
        }
        return answer();
    });
    auto batch = makeBatch();
    ASSERT_TRUE(load(*batch));
    QSignalSpy finished(batch.get(), &PostReleaseBatch::finished);
    batch->run();
    ASSERT_TRUE(runUntil([&] { return finished.size() == 1; }));
    EXPECT_EQ(batch->doneCount(), batch->items().size());
    expectAnnounced(numbers);
    EXPECT_EQ(failedOnce->loadAcquire(), 1);

    // Exactly: two comments (not the already-told one), three label removals, three closes.
    int posts = 0, deletes = 0, patches = 0;
    for (const HttpRequest &r : writes()) {
        posts += r.method == "POST";
        deletes += r.method == "DELETE";
        patches += r.method == "PATCH";
    }
    // The first and the third (posted once: the retry after the 500 found it by its marker).
    EXPECT_EQ(posts, 2);
    EXPECT_EQ(deletes, 3);
    EXPECT_EQ(patches, 3);
    // Running again changes nothing.
    const qsizetype before = writes().size();
    batch->run();
    ASSERT_TRUE(runUntil([&] { return finished.size() == 2; }));
    EXPECT_EQ(writes().size(), before);
}

TEST_F(PostReleaseTest, APermanentFailureStopsAndRunResumes)
{
    const QList<int> numbers = labelOpenIssues(3);
    auto forbid = std::make_shared<QAtomicInt>(1);
    const QString secondIssue = repoPath(QStringLiteral("/issues/%1").arg(numbers.at(1)));
    setWrap([=](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.method == "PATCH" && request.path == secondIssue && forbid->loadAcquire())
            return HttpResponse::json(403,
                                      R"({"message":"Must have admin rights to Repository."})");
        return answer();
    });
    auto batch = makeBatch();
    ASSERT_TRUE(load(*batch));
    QSignalSpy failed(batch.get(), &PostReleaseBatch::failed);
    QSignalSpy finished(batch.get(), &PostReleaseBatch::finished);
    batch->run();
    ASSERT_TRUE(runUntil([&] { return failed.size() == 1; }));
    EXPECT_TRUE(failed.first().first().toString().contains(QStringLiteral("admin rights")));
    EXPECT_EQ(batch->items().at(0).step, PostReleaseBatch::Step::Closed);
    EXPECT_EQ(batch->items().at(1).step, PostReleaseBatch::Step::LabelRemoved);
    EXPECT_FALSE(batch->items().at(1).error.isEmpty());
    EXPECT_EQ(releaseComments(numbers.at(2)), 0) << "stopped before the third";

    forbid->storeRelease(0);
    batch->run();
    ASSERT_TRUE(runUntil([&] { return finished.size() == 1; }));
    expectAnnounced(numbers);
}

TEST_F(PostReleaseTest, ARestartInTheMiddleResumesFromTheSavedState)
{
    const QList<int> numbers = labelOpenIssues(3);
    QJsonObject saved;
    {
        auto batch = makeBatch();
        ASSERT_TRUE(load(*batch));
        // Go offline as soon as the first issue is done: the second one's comment stays queued.
        QObject::connect(batch.get(), &PostReleaseBatch::itemChanged, batch.get(), [&](int index) {
            saved = batch->saveState();
            if (index == 0 && batch->items().at(0).step == PostReleaseBatch::Step::Closed)
                m_outbox->setOnline(false);
        });
        batch->run();
        ASSERT_TRUE(
            runUntil([&] { return !m_outbox->isOnline() && m_outbox->pendingCount() == 1; }));
        EXPECT_EQ(releaseComments(numbers.at(1)), 0);
    }
    // The app restarts: a new outbox over the same store, a new batch from the saved state.
    makeOutbox();
    m_outbox->start();
    auto batch = makeBatch();
    ASSERT_TRUE(batch->restoreState(saved));
    EXPECT_EQ(batch->items().size(), 3);
    EXPECT_EQ(batch->items().at(0).step, PostReleaseBatch::Step::Closed);
    QSignalSpy finished(batch.get(), &PostReleaseBatch::finished);
    batch->run();
    ASSERT_TRUE(runUntil([&] { return finished.size() == 1; }));
    expectAnnounced(numbers);
    EXPECT_FALSE(
        batch->restoreState(QJsonObject{{QStringLiteral("tag"), QStringLiteral("v0.0.1")}}));
}

TEST_F(PostReleaseTest, RestoringRefusesStatesItCannotReadAndChangesNothing)
{
    const QList<int> numbers = labelOpenIssues(2);
    auto batch = makeBatch();
    ASSERT_TRUE(load(*batch));
    const QJsonObject good = batch->saveState();
    EXPECT_EQ(good.value(QLatin1String("format")).toInt(), PostReleaseBatch::StateFormat);
    ASSERT_TRUE(PostReleaseBatch::itemsInState(good).has_value());

    auto withItems = [&](const QJsonArray &items) {
        QJsonObject state = good;
        state.insert(QStringLiteral("items"), items);
        return state;
    };
    auto item = [](const QJsonValue &number, const QString &step) {
        return QJsonObject{{QStringLiteral("number"), number}, {QStringLiteral("step"), step}};
    };
    QJsonObject newer = good;
    newer.insert(QStringLiteral("format"), PostReleaseBatch::StateFormat + 1);
    QJsonObject noItems = good;
    noItems.remove(QStringLiteral("items"));
    const QList<std::pair<QJsonObject, QString>> broken{
        {newer, QStringLiteral("format")},
        {noItems, QStringLiteral("no list")},
        {withItems({item(numbers.at(0), QStringLiteral("teleported"))}),
         QStringLiteral("unknown step")},
        {withItems({item(-3, QStringLiteral("pending"))}), QStringLiteral("no valid number")},
        {withItems({item(QStringLiteral("12"), QStringLiteral("pending"))}),
         QStringLiteral("no valid number")},
        {withItems({item(numbers.at(0), QStringLiteral("pending")),
                    item(numbers.at(0), QStringLiteral("closed"))}),
         QStringLiteral("twice")},
    };
    auto fresh = makeBatch();
    for (const auto &[state, why] : broken) {
        SCOPED_TRACE(why.toStdString());
        QString error;
        EXPECT_FALSE(fresh->restoreState(state, &error));
        EXPECT_TRUE(error.contains(why)) << error.toStdString();
        EXPECT_TRUE(fresh->items().isEmpty());
    }
    // The numbers still readable are what a fresh listing looks up again.
    EXPECT_EQ(PostReleaseBatch::issueNumbersInState(
                  withItems({item(numbers.at(1), QStringLiteral("teleported")),
                             item(QStringLiteral("x"), QStringLiteral("closed")),
                             item(numbers.at(0), QStringLiteral("pending"))})),
              (QList<int>{numbers.at(1), numbers.at(0)}));
    // A state from before the format was recorded still restores.
    QJsonObject unversioned = good;
    unversioned.remove(QStringLiteral("format"));
    EXPECT_TRUE(fresh->restoreState(unversioned));
    EXPECT_EQ(fresh->items().size(), batch->items().size());
}
