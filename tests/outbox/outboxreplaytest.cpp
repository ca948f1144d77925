// Entries interrupted mid-request (left `sending` by a crash) are checked before being sent
// again: a comment whose marker is already on GitHub is never posted twice.

#include "outboxkind.h"
#include "outboxoperation.h"
#include "outboxtestfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

using namespace Mainstay;
using namespace Mainstay::OutboxTest;

namespace {

class OutboxReplayTest : public OutboxFixture
{
protected:
    // What a crashed run leaves: the entry stored and marked `sending`, the outbox gone.
    qint64 interruptedEntry(const QString &kind, const QJsonObject &payload)
    {
        const qint64 id = m_store->userData().enqueue(kind, payload);
        EXPECT_GT(id, 0);
        EXPECT_TRUE(m_store->userData().markSending(id));
        return id;
    }
    // The request the interrupted run had sent, straight to the server.
    void deliver(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        HttpRequest request;
        request.method = method;
        request.target = path.toUtf8();
        request.path = path;
        request.headers = {{"Host", "127.0.0.1"}, {"Content-Type", "application/json"}};
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        const HttpResponse response = m_backend->handle(request);
        ASSERT_LT(response.status, 300) << response.body.toStdString();
    }
    int postsTo(const QString &suffix) const
    {
        int count = 0;
        for (const HttpRequest &request : writes())
            if (request.method == "POST" && request.path.endsWith(suffix))
                ++count;
        return count;
    }
};

} // namespace

TEST_F(OutboxReplayTest, CommentAlreadyPostedIsFoundByItsMarker)
{
    const int number = openIssue().number;
    const QString text = QStringLiteral("Released in v3.1.0 🎉");
    const qint64 id = interruptedEntry(OutboxKind::Comment, {{"number", number}, {"body", text}});
    deliver("POST", repoPath(QStringLiteral("/issues/%1/comments").arg(number)),
            {{"body", OutboxOperation::markedBody(text, id)}});
    ASSERT_EQ(commentsContaining(OutboxOperation::marker(id)), 1);

    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    const std::optional<OutboxEntry> entry = m_store->userData().entry(id);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->state, OutboxEntry::State::Sent);
    EXPECT_EQ(entry->result.value("body").toString(), OutboxOperation::markedBody(text, id));
    EXPECT_TRUE(writes().isEmpty()) << "posted again";
    EXPECT_FALSE(requests().isEmpty());
    EXPECT_EQ(requests().first().path, repoPath(QStringLiteral("/issues/%1/comments").arg(number)));
    EXPECT_EQ(commentsContaining(OutboxOperation::marker(id)), 1);
}

TEST_F(OutboxReplayTest, CommentFoundOnALaterPage)
{
    const int number = openIssue().number;
    const qint64 id = interruptedEntry(OutboxKind::Comment, {{"number", number}, {"body", "late"}});
    deliver("POST", repoPath(QStringLiteral("/issues/%1/comments").arg(number)),
            {{"body", OutboxOperation::markedBody(QStringLiteral("late"), id)}});
    // More than a page of newer comments pushes it back.
    for (int i = 0; i < 120; ++i)
        deliver("POST", repoPath(QStringLiteral("/issues/%1/comments").arg(number)),
                {{"body", QStringLiteral("noise %1").arg(i)}});
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Sent);
    EXPECT_TRUE(writes().isEmpty());
    EXPECT_GE(requests().size(), 2) << "read every page";
    EXPECT_EQ(commentsContaining(OutboxOperation::marker(id)), 1);
}

TEST_F(OutboxReplayTest, CommentThatNeverArrivedIsPostedOnce)
{
    const int number = openIssue().number;
    const qint64 id =
        interruptedEntry(OutboxKind::Comment, {{"number", number}, {"body", "lost on the way"}});
    // Same marker, other text: another installation's entry with the same id.
    deliver("POST", repoPath(QStringLiteral("/issues/%1/comments").arg(number)),
            {{"body", OutboxOperation::markedBody(QStringLiteral("someone else"), id)}});
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Sent);
    EXPECT_EQ(postsTo(QStringLiteral("/comments")), 1);
    EXPECT_EQ(
        commentsContaining(OutboxOperation::markedBody(QStringLiteral("lost on the way"), id)), 1);
    ASSERT_GE(requests().size(), 2);
    EXPECT_EQ(requests().first().method, "GET") << "checked before posting";
}

TEST_F(OutboxReplayTest, CloseWhoseCommentWasPostedOnlyClosesTheIssue)
{
    const int number = openIssue().number;
    const qint64 id =
        interruptedEntry(OutboxKind::CloseIssue,
                         {{"number", number}, {"reason", "completed"}, {"comment", "Done in #1."}});
    deliver("POST", repoPath(QStringLiteral("/issues/%1/comments").arg(number)),
            {{"body", OutboxOperation::markedBody(QStringLiteral("Done in #1."), id)}});
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Sent);
    EXPECT_EQ(postsTo(QStringLiteral("/comments")), 0);
    ASSERT_EQ(writes().size(), 1);
    EXPECT_EQ(writes().first().method, "PATCH");
    EXPECT_FALSE(serverIssue(number).isOpen());
    EXPECT_EQ(commentsContaining(OutboxOperation::marker(id)), 1);
}

TEST_F(OutboxReplayTest, ReleaseAlreadyCreatedIsNotCreatedTwice)
{
    const QJsonObject fields{{"tag_name", "v8.0.0"},
                             {"name", "v8.0.0"},
                             {"body", "notes"},
                             {"draft", true},
                             {"prerelease", false}};
    const qint64 id = interruptedEntry(OutboxKind::CreateRelease, {{"fields", fields}});
    deliver("POST", repoPath(QStringLiteral("/releases")), fields);
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    const std::optional<OutboxEntry> entry = m_store->userData().entry(id);
    EXPECT_EQ(entry->state, OutboxEntry::State::Sent);
    EXPECT_EQ(entry->result.value("tag_name").toString(), QStringLiteral("v8.0.0"));
    EXPECT_TRUE(writes().isEmpty());
    int copies = 0;
    for (const Release &release : m_backend->dataset().releases)
        copies += release.tagName == QLatin1String("v8.0.0");
    EXPECT_EQ(copies, 1);
}

TEST_F(OutboxReplayTest, LabelChangesAreSimplySentAgain)
{
    const Issue issue = openIssue(QStringLiteral("help wanted"));
    const qint64 id = interruptedEntry(
        OutboxKind::AddLabels, {{"number", issue.number}, {"labels", QJsonArray{"help wanted"}}});
    deliver("POST", repoPath(QStringLiteral("/issues/%1/labels").arg(issue.number)),
            {{"labels", QJsonArray{"help wanted"}}});
    const qsizetype labelsBefore = serverIssue(issue.number).labels.size();
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Sent);
    EXPECT_EQ(writes().size(), 1);
    EXPECT_EQ(serverIssue(issue.number).labels.size(), labelsBefore);
}

TEST_F(OutboxReplayTest, DispatchThatStartedARunIsNotDispatchedAgain)
{
    const QJsonObject payload{{"workflow", "release.yml"},
                              {"ref", "develop"},
                              {"inputs", QJsonObject{{"version_to_publish", "v7.0.0"}}}};
    const qint64 id = interruptedEntry(OutboxKind::Dispatch, payload);
    deliver("POST", repoPath(QStringLiteral("/actions/workflows/release.yml/dispatches")),
            {{"ref", "develop"}, {"inputs", payload.value("inputs")}});
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    const std::optional<OutboxEntry> entry = m_store->userData().entry(id);
    EXPECT_EQ(entry->state, OutboxEntry::State::Sent);
    EXPECT_EQ(entry->result.value("event").toString(), QStringLiteral("workflow_dispatch"));
    EXPECT_TRUE(writes().isEmpty());
}

TEST_F(OutboxReplayTest, DispatchThatNeverArrivedIsSentOnce)
{
    const qint64 id =
        interruptedEntry(OutboxKind::Dispatch, {{"workflow", "release.yml"}, {"ref", "develop"}});
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(id)->state, OutboxEntry::State::Sent);
    EXPECT_EQ(postsTo(QStringLiteral("/dispatches")), 1);
}

TEST_F(OutboxReplayTest, RerunOfARunningRunIsNotRepeated)
{
    auto status = std::make_shared<QByteArray>("in_progress");
    setWrap([status](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.path.endsWith(QLatin1String("/actions/runs/4242")))
            return HttpResponse::json(200, R"({"id":4242,"status":")" + *status + R"("})");
        if (request.path.endsWith(QLatin1String("/rerun-failed-jobs")))
            return HttpResponse::json(201, "{}");
        return answer();
    });
    const qint64 running = interruptedEntry(OutboxKind::RerunFailedJobs, {{"run_id", 4242}});
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(running)->state, OutboxEntry::State::Sent);
    EXPECT_EQ(postsTo(QStringLiteral("/rerun-failed-jobs")), 0);

    *status = "completed"; // the interrupted request never arrived
    const qint64 lost = interruptedEntry(OutboxKind::RerunFailedJobs, {{"run_id", 4242}});
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(lost)->state, OutboxEntry::State::Sent);
    EXPECT_EQ(postsTo(QStringLiteral("/rerun-failed-jobs")), 1);
}

TEST_F(OutboxReplayTest, CancelAnsweredConflictIsDoneOnlyWhenRepeated)
{
    setWrap([](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.path.endsWith(QLatin1String("/cancel")))
            return HttpResponse::json(
                409, R"({"message":"Cannot cancel a workflow run that is completed."})");
        return answer();
    });
    QSignalSpy failed(m_outbox.get(), &Outbox::entryFailed);
    m_outbox->start();
    const qint64 first = m_outbox->cancelRun(4242);
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(first)->state, OutboxEntry::State::Failed);
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.at(0).at(1).toString().contains(QLatin1String("Cannot cancel")))
        << failed.at(0).at(1).toString().toStdString();

    const qint64 repeated = interruptedEntry(OutboxKind::CancelRun, {{"run_id", 4242}});
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    EXPECT_EQ(m_store->userData().entry(repeated)->state, OutboxEntry::State::Sent);
}

TEST_F(OutboxReplayTest, RenameThatHappenedIsNotAnError)
{
    const QString old = m_backend->dataset().labels.first().name;
    const QJsonObject fields{{"new_name", "renamed-by-test"}, {"color", "123456"}};
    const qint64 id =
        interruptedEntry(OutboxKind::UpdateLabel, {{"name", old}, {"fields", fields}});
    HttpRequest rename;
    rename.method = "PATCH";
    rename.path = repoPath(QStringLiteral("/labels/") + old);
    rename.target = QUrl::toPercentEncoding(rename.path, "/");
    rename.headers = {{"Host", "127.0.0.1"}};
    rename.body = QJsonDocument(fields).toJson();
    ASSERT_EQ(m_backend->handle(rename).status, 200);
    makeOutbox();
    m_outbox->start();
    ASSERT_TRUE(drain());
    const std::optional<OutboxEntry> entry = m_store->userData().entry(id);
    EXPECT_EQ(entry->state, OutboxEntry::State::Sent) << entry->lastError.toStdString();
    EXPECT_EQ(entry->result.value("name").toString(), QStringLiteral("renamed-by-test"));
}
