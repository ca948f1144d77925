// Each kind of write goes out as the documented REST call, and the fake GitHub shows it after.

#include "outboxkind.h"
#include "outboxoperation.h"
#include "outboxtestfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

using namespace Mainstay;
using namespace Mainstay::OutboxTest;

namespace {

QJsonObject bodyOf(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

class OutboxSendTest : public OutboxFixture
{
protected:
    void SetUp() override
    {
        OutboxFixture::SetUp();
        m_outbox->start();
    }

    // Enqueues through `write`, sends everything and returns the writes that reached the server.
    QList<HttpRequest> send(const std::function<qint64()> &write)
    {
        m_server.clearRequestLog();
        const qint64 id = write();
        EXPECT_GT(id, 0);
        EXPECT_TRUE(drain());
        const std::optional<OutboxEntry> entry = m_store->userData().entry(id);
        EXPECT_TRUE(entry && entry->state == OutboxEntry::State::Sent)
            << (entry ? entry->lastError.toStdString() : std::string("missing"));
        return writes();
    }
};

} // namespace

TEST_F(OutboxSendTest, LabelsAreSentAsSetOperations)
{
    const Issue issue = openIssue(QStringLiteral("help wanted"));
    const QString labels = repoPath(QStringLiteral("/issues/%1/labels").arg(issue.number));

    QList<HttpRequest> sent = send([&] {
        return m_outbox->addLabels(issue.number,
                                   {QStringLiteral("help wanted"), QStringLiteral("a/b")});
    });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, labels);
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"labels", QJsonArray{"help wanted", "a/b"}}}));
    auto serverIssue = [&] { return this->serverIssue(issue.number); };
    EXPECT_TRUE(serverIssue().hasLabel(u"help wanted"));
    EXPECT_TRUE(serverIssue().hasLabel(u"a/b"));

    // One removal per label; a label that is not there counts as removed.
    sent = send([&] {
        return m_outbox->removeLabels(issue.number,
                                      {QStringLiteral("a/b"), QStringLiteral("never-there")});
    });
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent[0].method, "DELETE");
    EXPECT_EQ(sent[0].target, (labels + QStringLiteral("/a%2Fb")).toUtf8());
    EXPECT_EQ(sent[1].target, (labels + QStringLiteral("/never-there")).toUtf8());
    EXPECT_FALSE(serverIssue().hasLabel(u"a/b"));
    EXPECT_TRUE(serverIssue().hasLabel(u"help wanted"));

    sent = send([&] { return m_outbox->setLabels(issue.number, {QStringLiteral("bug")}); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "PUT");
    EXPECT_EQ(sent[0].path, labels);
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"labels", QJsonArray{"bug"}}}));
    ASSERT_EQ(serverIssue().labels.size(), 1);
    EXPECT_EQ(serverIssue().labels.first().name, QStringLiteral("bug"));
}

TEST_F(OutboxSendTest, ALabelChangeIsOneEntryAddingThenRemoving)
{
    const Issue issue = openIssue(QStringLiteral("size/XL"));
    const QString labels = repoPath(QStringLiteral("/issues/%1/labels").arg(issue.number));
    const QList<HttpRequest> sent = send([&] {
        return m_outbox->changeLabels(issue.number, {QStringLiteral("size/S")},
                                      {QStringLiteral("size/XL")});
    });
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, labels);
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"labels", QJsonArray{"size/S"}}}));
    EXPECT_EQ(sent[1].method, "DELETE");
    EXPECT_EQ(sent[1].target, (labels + QStringLiteral("/size%2FXL")).toUtf8());
    const Issue after = serverIssue(issue.number);
    EXPECT_TRUE(after.hasLabel(u"size/S"));
    EXPECT_FALSE(after.hasLabel(u"size/XL"));

    // One side empty: the plain kinds; nothing at all: no entry.
    EXPECT_EQ(m_outbox->changeLabels(issue.number, {}, {}), 0);
    const qint64 add = m_outbox->changeLabels(issue.number, {QStringLiteral("bug")}, {});
    EXPECT_EQ(m_store->userData().entry(add)->kind, OutboxKind::AddLabels);
    const qint64 remove = m_outbox->changeLabels(issue.number, {}, {QStringLiteral("bug")});
    EXPECT_EQ(m_store->userData().entry(remove)->kind, OutboxKind::RemoveLabels);
    EXPECT_TRUE(drain());
}

TEST_F(OutboxSendTest, CommentCarriesItsHiddenMarker)
{
    const Issue issue = openIssue();
    qint64 id = 0;
    const QList<HttpRequest> sent = send([&] {
        id = m_outbox->comment(issue.number, QStringLiteral("Thanks, fixed in v1.2.0."));
        return id;
    });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/issues/%1/comments").arg(issue.number)));
    const QString expected =
        QStringLiteral("Thanks, fixed in v1.2.0.\n\n<!-- mainstay:%1 -->").arg(id);
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"body", expected}}));
    EXPECT_EQ(commentsContaining(expected), 1);
    // GitHub's answer is kept with the entry.
    EXPECT_EQ(m_store->userData().entry(id)->result.value("body").toString(), expected);
}

TEST_F(OutboxSendTest, CloseWithReasonPostsTheCommentFirst)
{
    const Issue issue = openIssue();
    qint64 id = 0;
    QList<HttpRequest> sent = send([&] {
        id = m_outbox->closeIssue(issue.number, QStringLiteral("not_planned"),
                                  QStringLiteral("Out of scope."));
        return id;
    });
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(bodyOf(sent[0]).value("body").toString(),
              OutboxOperation::markedBody(QStringLiteral("Out of scope."), id));
    EXPECT_EQ(sent[1].method, "PATCH");
    EXPECT_EQ(sent[1].path, repoPath(QStringLiteral("/issues/%1").arg(issue.number)));
    EXPECT_EQ(bodyOf(sent[1]), QJsonObject({{"state", "closed"}, {"state_reason", "not_planned"}}));
    auto serverIssue = [&] { return this->serverIssue(issue.number); };
    EXPECT_FALSE(serverIssue().isOpen());
    EXPECT_EQ(serverIssue().stateReason, Issue::StateReason::NotPlanned);

    sent = send([&] { return m_outbox->reopenIssue(issue.number); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "PATCH");
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"state", "open"}}));
    EXPECT_TRUE(serverIssue().isOpen());

    sent = send([&] { return m_outbox->closeIssue(issue.number, QStringLiteral("completed")); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"state", "closed"}, {"state_reason", "completed"}}));
    EXPECT_EQ(serverIssue().stateReason, Issue::StateReason::Completed);
}

TEST_F(OutboxSendTest, LabelsOfTheRepositoryAreCreatedAndUpdated)
{
    Label label;
    label.name = QStringLiteral("area/outbox");
    label.color = QStringLiteral("0e8a16");
    label.description = QStringLiteral("Writes to GitHub");
    QList<HttpRequest> sent = send([&] { return m_outbox->createLabel(label); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/labels")));
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"name", "area/outbox"},
                                            {"color", "0e8a16"},
                                            {"description", "Writes to GitHub"}}));

    // Creating it again updates it: the goal is "exists like this".
    label.color = QStringLiteral("d73a4a");
    sent = send([&] { return m_outbox->createLabel(label); });
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[1].method, "PATCH");
    EXPECT_EQ(sent[1].target, repoPath(QStringLiteral("/labels/area%2Foutbox")).toUtf8());
    EXPECT_EQ(bodyOf(sent[1]),
              QJsonObject({{"color", "d73a4a"}, {"description", "Writes to GitHub"}}));

    Label renamed = label;
    renamed.name = QStringLiteral("area/sending");
    sent = send([&] { return m_outbox->updateLabel(QStringLiteral("area/outbox"), renamed); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "PATCH");
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"new_name", "area/sending"},
                                            {"color", "d73a4a"},
                                            {"description", "Writes to GitHub"}}));
    bool found = false;
    for (const Label &l : m_backend->dataset().labels)
        if (l.name == renamed.name) {
            found = true;
            EXPECT_EQ(l.color, QStringLiteral("d73a4a"));
        }
    EXPECT_TRUE(found);
}

TEST_F(OutboxSendTest, ReleasesAreCreatedUpdatedAndPublished)
{
    Release release;
    release.tagName = QStringLiteral("v9.9.9");
    release.name = QStringLiteral("v9.9.9");
    release.body = QStringLiteral("## Changes\n\n- everything");
    release.targetCommitish = QStringLiteral("develop");
    release.draft = true;
    qint64 id = 0;
    QList<HttpRequest> sent = send([&] {
        id = m_outbox->createRelease(release);
        return id;
    });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/releases")));
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"tag_name", "v9.9.9"},
                                            {"name", "v9.9.9"},
                                            {"body", "## Changes\n\n- everything"},
                                            {"target_commitish", "develop"},
                                            {"draft", true},
                                            {"prerelease", false}}));
    const qint64 releaseId = m_store->userData().entry(id)->result.value("id").toInteger();
    ASSERT_GT(releaseId, 0);

    release.body = QStringLiteral("## Changes\n\n- everything, reviewed");
    sent = send([&] { return m_outbox->updateRelease(releaseId, release); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "PATCH");
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/releases/%1").arg(releaseId)));
    EXPECT_EQ(bodyOf(sent[0]).value("body").toString(), release.body);

    sent = send([&] { return m_outbox->publishRelease(releaseId); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"draft", false}}));
    bool published = false;
    for (const Release &r : m_backend->dataset().releases)
        if (r.id == releaseId)
            published = !r.draft && r.body == release.body;
    EXPECT_TRUE(published);
}

TEST_F(OutboxSendTest, WorkflowsAreDispatchedRerunAndCancelled)
{
    const qsizetype runsBefore = m_backend->dataset().runs.size();
    QList<HttpRequest> sent = send([&] {
        return m_outbox->dispatchWorkflow(QStringLiteral("release.yml"), QStringLiteral("develop"),
                                          QJsonObject{{"version_to_publish", "v9.9.9"}});
    });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/actions/workflows/release.yml/dispatches")));
    EXPECT_EQ(bodyOf(sent[0]),
              QJsonObject(
                  {{"ref", "develop"}, {"inputs", QJsonObject{{"version_to_publish", "v9.9.9"}}}}));
    // The dispatched run shows in the listing.
    m_server.clearRequestLog();
    RestJob *runs = m_client.get(repoPath(QStringLiteral("/actions/runs")));
    runs->setAutoDelete(false);
    ASSERT_TRUE(runUntil([&] { return runs->isFinished(); }));
    EXPECT_GT(QJsonDocument::fromJson(runs->response().body).object().value("total_count").toInt(),
              int(runsBefore) - 1);
    delete runs;

    // The demo backend does not implement these two; answer as GitHub documents.
    setWrap([](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.method == "POST" && request.path.endsWith(QLatin1String("/rerun-failed-jobs")))
            return HttpResponse::json(201, "{}");
        if (request.method == "POST" && request.path.endsWith(QLatin1String("/cancel")))
            return HttpResponse::json(202, "{}");
        return answer();
    });
    sent = send([&] { return m_outbox->rerunFailedJobs(4242); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/actions/runs/4242/rerun-failed-jobs")));
    EXPECT_TRUE(sent[0].body.isEmpty());
    sent = send([&] { return m_outbox->cancelRun(4242); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/actions/runs/4242/cancel")));
}

TEST_F(OutboxSendTest, WaitingDeploymentsAreApprovedOrRejected)
{
    // The demo has nothing waiting and refuses reviews with GitHub's 422: a permanent failure
    // with GitHub's explanation.
    QSignalSpy failed(m_outbox.get(), &Outbox::entryFailed);
    const qint64 refused = m_outbox->reviewDeployments(m_backend->dataset().liveRunId, {7}, true,
                                                       QStringLiteral("ship it"));
    ASSERT_NE(refused, 0);
    ASSERT_TRUE(drain());
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.first().at(2).toBool());
    EXPECT_TRUE(failed.first().at(1).toString().contains(QLatin1String("approve the deployment")))
        << failed.first().at(1).toString().toStdString();

    setWrap([](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.method == "POST" &&
            request.path.endsWith(QLatin1String("/pending_deployments")))
            return HttpResponse::json(200, "[]");
        return answer();
    });
    QList<HttpRequest> sent = send([&] {
        return m_outbox->reviewDeployments(4242, {7, 8}, false, QStringLiteral("not today"));
    });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/actions/runs/4242/pending_deployments")));
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"environment_ids", QJsonArray{7, 8}},
                                            {"state", "rejected"},
                                            {"comment", "not today"}}));
}

TEST_F(OutboxSendTest, AssigneesAreAdded)
{
    const Issue issue = openIssue();
    const QString login = m_backend->dataset().maintainers.first().login;
    // Not implemented by the demo backend: answer as GitHub documents (201 with the issue).
    setWrap([](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.method == "POST" && request.path.endsWith(QLatin1String("/assignees")))
            return HttpResponse::json(201, R"({"number": 1})");
        return answer();
    });
    const QList<HttpRequest> sent = send([&] { return m_outbox->assign(issue.number, {login}); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, repoPath(QStringLiteral("/issues/%1/assignees").arg(issue.number)));
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"assignees", QJsonArray{login}}}));
}

TEST_F(OutboxSendTest, SignalsTellTheUiWhatHappens)
{
    QSignalSpy queued(m_outbox.get(), &Outbox::entryQueued);
    QSignalSpy sent(m_outbox.get(), &Outbox::entrySent);
    QSignalSpy counts(m_outbox.get(), &Outbox::pendingCountChanged);
    const Issue issue = openIssue();
    const qint64 first = m_outbox->comment(issue.number, QStringLiteral("one"));
    const qint64 second = m_outbox->comment(issue.number, QStringLiteral("two"));
    ASSERT_EQ(queued.size(), 2);
    EXPECT_EQ(queued.at(0).at(0).value<OutboxEntry>().id, first);
    EXPECT_EQ(m_outbox->pending().size(), 2);
    ASSERT_TRUE(drain());
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent.at(0).at(0).value<OutboxEntry>().id, first);
    EXPECT_EQ(sent.at(1).at(0).value<OutboxEntry>().id, second);
    EXPECT_EQ(sent.at(1).at(0).value<OutboxEntry>().state, OutboxEntry::State::Sent);
    QList<int> seen;
    for (const QList<QVariant> &args : counts)
        seen.append(args.at(0).toInt());
    EXPECT_EQ(seen, QList<int>({1, 2, 1, 0}));
}
