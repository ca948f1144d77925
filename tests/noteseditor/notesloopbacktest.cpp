// The notes page against a loopback GitHub (DemoGitHubBackend): Generate fetches and fills the
// notes, Publish sends exactly one request and shows the release's URL, and the post-release
// dialog comments on, unlabels and closes every pending-release issue once.
#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "manualscheduler.h"
#include "markdowneditor.h"
#include "markdownpreviewpipeline.h"
#include "notespage.h"
#include "notespreview.h"
#include "outbox.h"
#include "policy.h"
#include "postreleasebatch.h"
#include "postreleasedialog.h"
#include "postreleasejournal.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QBuffer>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Mainstay;

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);

class NotesLoopbackTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        DemoDataset dataset = DemoDataGenerator::generate(7, Now);
        // Two open issues wait for the release (in the demo, fixes are closed by their pull
        // requests; these were merged without "Fixes #N").
        Label pendingLabel;
        for (const Label &label : dataset.labels)
            if (label.name == QLatin1String("pending-release"))
                pendingLabel = label;
        pendingLabel.name = QStringLiteral("pending-release");
        for (Issue &issue : dataset.issues)
            if (m_reopened.size() < 2 && issue.isOpen() && !issue.isPullRequest &&
                !issue.hasLabel(u"pending-release")) {
                issue.labels.append(pendingLabel);
                m_reopened << issue.number;
            }
        m_backend = std::make_shared<DemoGitHubBackend>(std::move(dataset), &m_serverClock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler(
            [backend](const HttpRequest &request) { return backend.lock()->handle(request); });
        ASSERT_TRUE(m_server.start());
        m_repository = m_backend->dataset().fullName();
        m_store = std::make_unique<WorkspaceStore>(&m_clock);
        ASSERT_TRUE(m_store->open(m_dir.path(), m_repository).ok);
        m_client.setApiUrl(m_server.baseUrl());
        m_client.setClock(&m_clock);
        m_client.setScheduler(&m_scheduler);
        m_outbox =
            std::make_unique<Outbox>(&m_store->userData(), &m_client, m_repository, &m_scheduler);
        m_policy = Policy::defaultPolicy();
        ASSERT_TRUE(m_store->cache().replaceReleases(m_backend->dataset().releases));
    }
    void TearDown() override
    {
        m_page.reset();
        m_outbox.reset();
        m_server.stop();
    }

    void makePage()
    {
        m_page = std::make_unique<NotesPage>();
        m_page->setScheduler(&m_scheduler);
        m_page->setConfirm([](const QString &, const QString &) { return true; });
        m_page->resize(1200, 800);
        m_page->show();
        WorkspaceContext context;
        context.store = m_store.get();
        context.client = &m_client;
        context.outbox = m_outbox.get();
        context.policy = &m_policy;
        context.clock = &m_clock;
        context.repository = m_repository;
        context.webUrl = GitHubClient::webUrl(QUrl(), m_repository);
        m_page->setWorkspace(context);
    }

    bool runUntil(const std::function<bool()> &done)
    {
        return QTest::qWaitFor(
            [&] {
                m_scheduler.advance(100);
                return done();
            },
            30'000);
    }

    QList<HttpRequest> writes() const
    {
        QList<HttpRequest> result;
        for (const HttpRequest &request : m_server.requestLog())
            if (request.method != "GET")
                result.append(request);
        return result;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock{Now};
    ManualClock m_serverClock{Now};
    ManualScheduler m_scheduler{&m_clock};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    LoopbackHttpServer m_server;
    QString m_repository;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    Policy m_policy;
    std::unique_ptr<NotesPage> m_page;
    QList<int> m_reopened;
};

} // namespace

TEST_F(NotesLoopbackTest, GenerateThenPublishSendsOneRequestAndShowsTheUrl)
{
    makePage();
    const Release draft = m_page->openedRelease();
    ASSERT_TRUE(draft.draft);
    ASSERT_GT(draft.id, 0);

    // The draft Release Drafter left has no generated sections: Generate replaces it (after a
    // confirmation, keeping it as a version).
    QSignalSpy generated(m_page.get(), &NotesPage::generated);
    m_page->generate();
    ASSERT_TRUE(runUntil([&] { return generated.count() == 1; }));
    ASSERT_TRUE(generated.at(0).at(0).toBool());
    // Regenerating keeps a human summary written in place of the placeholder.
    QString text = m_page->editor()->toPlainText();
    const QString placeholder = m_policy.release.summaryPlaceholder;
    ASSERT_TRUE(text.contains(placeholder));
    m_page->editor()->setPlainText(
        text.replace(placeholder, QStringLiteral("A human summary of this release.")));
    m_page->generate();
    ASSERT_TRUE(runUntil([&] { return generated.count() == 2; }));
    ASSERT_TRUE(generated.at(1).at(0).toBool());
    const QString body = m_page->editor()->toPlainText();
    EXPECT_TRUE(body.contains(QStringLiteral("A human summary of this release.")));
    EXPECT_FALSE(body.contains(placeholder));
    EXPECT_TRUE(body.contains(QStringLiteral("mainstay:begin changes")));
    EXPECT_FALSE(m_page->tagEdit()->text().isEmpty());
    // The text before regenerating was kept as a version.
    EXPECT_FALSE(m_store->userData().draftVersions(m_page->draftKey()).isEmpty());

    const int writesBefore = int(writes().size());
    m_outbox->start();
    ASSERT_TRUE(m_page->publish());
    ASSERT_TRUE(runUntil([&] { return m_page->pendingEntry() == 0; }));
    const QList<HttpRequest> sent = writes().mid(writesBefore);
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.at(0).method, QByteArray("PATCH"));
    EXPECT_TRUE(sent.at(0).path.endsWith(QStringLiteral("/releases/%1").arg(draft.id)));
    EXPECT_FALSE(m_page->openedRelease().draft);
    EXPECT_FALSE(m_page->openedRelease().htmlUrl.isEmpty());
    auto *state = m_page->findChild<QLabel *>(QStringLiteral("releaseState"));
    ASSERT_NE(state, nullptr);
    EXPECT_TRUE(state->text().contains(m_page->openedRelease().htmlUrl));
    // The published body has no generation markers.
    bool found = false;
    for (const Release &release : m_backend->dataset().releases)
        if (release.id == draft.id) {
            found = true;
            EXPECT_FALSE(release.draft);
            EXPECT_FALSE(release.body.contains(QStringLiteral("mainstay:")));
            EXPECT_TRUE(release.body.contains(QStringLiteral("A human summary")));
        }
    EXPECT_TRUE(found);
    auto *closeIssues = m_page->findChild<QPushButton *>(QStringLiteral("closePendingIssues"));
    ASSERT_NE(closeIssues, nullptr);
    EXPECT_TRUE(closeIssues->isVisibleTo(m_page.get()));
    EXPECT_TRUE(closeIssues->isEnabled());
}

TEST_F(NotesLoopbackTest, ThePostReleaseDialogClosesEveryPendingIssueOnce)
{
    const QString label = m_policy.release.pendingReleaseLabel;
    ASSERT_EQ(m_reopened.size(), 2);
    m_outbox->start();
    const QString url =
        QStringLiteral("https://github.com/%1/releases/tag/v9.9.9").arg(m_repository);
    PostReleaseBatch batch(&m_client, m_outbox.get(), m_repository, label, QStringLiteral("v9.9.9"),
                           url);
    PostReleaseDialog dialog(&batch, m_repository, GitHubClient::webUrl(QUrl(), m_repository));
    dialog.show();
    ASSERT_TRUE(runUntil([&] { return !batch.isLoading() && dialog.runButton()->isEnabled(); }));
    EXPECT_EQ(dialog.issueList()->topLevelItemCount(), batch.items().size());
    EXPECT_GE(int(batch.items().size()), 2);
    EXPECT_TRUE(dialog.commentEditor()->toPlainText().contains(QStringLiteral("v9.9.9")));

    const int writesBefore = int(writes().size());
    QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
    ASSERT_TRUE(runUntil([&] { return !batch.isRunning(); }));
    EXPECT_EQ(batch.doneCount(), int(batch.items().size()));
    for (const Issue &issue : m_backend->dataset().issues)
        EXPECT_FALSE(issue.isOpen() && issue.hasLabel(label)) << issue.number;
    // One comment on each issue that was still open, naming the version.
    QList<int> commented;
    for (const HttpRequest &request : writes().mid(writesBefore))
        if (request.method == "POST" && request.path.endsWith(QStringLiteral("/comments"))) {
            commented << request.path.section(QLatin1Char('/'), -2, -2).toInt();
            EXPECT_TRUE(request.body.contains("v9.9.9"));
        }
    std::sort(commented.begin(), commented.end());
    QList<int> expected = m_reopened;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(commented, expected);
    // Running again says nothing twice.
    const int writesAfter = int(writes().size());
    EXPECT_FALSE(dialog.runButton()->isEnabled());
    batch.run();
    runUntil([&] { return !batch.isRunning(); });
    int comments = 0;
    for (const HttpRequest &request : writes().mid(writesAfter))
        comments += request.method == "POST" && request.path.endsWith(QStringLiteral("/comments"));
    EXPECT_EQ(comments, 0);
}

TEST_F(NotesLoopbackTest, AnUnfinishedBatchIsOfferedAgainAfterARestart)
{
    const QString label = m_policy.release.pendingReleaseLabel;
    ASSERT_EQ(m_reopened.size(), 2);
    Release published;
    for (const Release &release : m_backend->dataset().releases)
        if (!release.draft && !release.tagName.isEmpty() && published.id == 0)
            published = release;
    ASSERT_GT(published.id, 0);
    QList<int> reopened = m_reopened;
    std::sort(reopened.begin(), reopened.end());

    // A first session: the batch is recorded, the first issue is done, then the app goes
    // (offline, the second issue's comment still queued).
    m_outbox->start();
    {
        PostReleaseBatch batch(&m_client, m_outbox.get(), m_repository, label, published.tagName,
                               published.htmlUrl);
        ASSERT_NE(PostReleaseJournal::of(&batch, &m_store->userData()), nullptr);
        QSignalSpy loaded(&batch, &PostReleaseBatch::loaded);
        batch.load();
        ASSERT_TRUE(runUntil([&] { return loaded.size() == 1; }));
        QObject::connect(&batch, &PostReleaseBatch::itemChanged, &batch, [&](int index) {
            if (batch.items().at(index).number == reopened.at(0) &&
                batch.items().at(index).step == PostReleaseBatch::Step::Closed)
                m_outbox->setOnline(false);
        });
        batch.run();
        ASSERT_TRUE(
            runUntil([&] { return !m_outbox->isOnline() && m_outbox->pendingCount() == 1; }));
    }
    const QList<PostReleaseJournal::Unfinished> unfinished =
        PostReleaseJournal::unfinished(m_store->userData());
    ASSERT_EQ(unfinished.size(), 1);
    EXPECT_EQ(unfinished.at(0).tag, published.tagName);

    // The app starts again on whatever release was open last; the notes page offers the batch.
    m_outbox =
        std::make_unique<Outbox>(&m_store->userData(), &m_client, m_repository, &m_scheduler);
    m_outbox->start();
    makePage();
    QLabel *notice = m_page->resumeNotice();
    ASSERT_TRUE(notice->isVisibleTo(m_page.get()));
    EXPECT_TRUE(notice->text().contains(published.tagName.toHtmlEscaped()));
    EXPECT_TRUE(notice->text().contains(
        QStringLiteral("%1 of %2").arg(unfinished.at(0).done).arg(unfinished.at(0).total)));
    const QRegularExpressionMatch link =
        QRegularExpression(QStringLiteral("href=\"([^\"]+)\"")).match(notice->text());
    ASSERT_TRUE(link.hasMatch());
    Q_EMIT notice->linkActivated(link.captured(1));

    // The link opened the release and its dialog, where the batch stopped.
    EXPECT_EQ(m_page->openedRelease().id, published.id);
    auto *closeIssues = m_page->findChild<QPushButton *>(QStringLiteral("closePendingIssues"));
    ASSERT_NE(closeIssues, nullptr);
    EXPECT_EQ(closeIssues->text(), QStringLiteral("Resume closing pending-release issues…"));
    PostReleaseDialog *dialog = m_page->postReleaseDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(notice->isVisibleTo(m_page.get())) << "the dialog says it now";
    PostReleaseBatch *batch = dialog->batch();
    EXPECT_EQ(batch->doneCount(), unfinished.at(0).done);
    EXPECT_EQ(dialog->runButton()->text(), QStringLiteral("Resume"));
    QSignalSpy finished(batch, &PostReleaseBatch::finished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(runUntil([&] { return finished.size() == 1; }));
    for (int number : reopened) {
        SCOPED_TRACE(number);
        const QString issue = QStringLiteral("/repos/%1/issues/%2").arg(m_repository).arg(number);
        int comments = 0, removals = 0, closes = 0;
        for (const HttpRequest &request : writes()) {
            comments +=
                request.method == "POST" && request.path == issue + QStringLiteral("/comments");
            removals += request.method == "DELETE" &&
                        request.path.startsWith(issue + QStringLiteral("/labels/"));
            closes += request.method == "PATCH" && request.path == issue;
        }
        EXPECT_EQ(comments, 1);
        EXPECT_EQ(removals, 1);
        EXPECT_EQ(closes, 1);
    }
    EXPECT_EQ(writes().size(), 3 * reopened.size());

    // Done: closing the dialog offers nothing more.
    dialog->close();
    EXPECT_FALSE(notice->isVisibleTo(m_page.get()));
    EXPECT_EQ(closeIssues->text(), QStringLiteral("Close pending-release issues…"));
    EXPECT_TRUE(PostReleaseJournal::unfinished(m_store->userData()).isEmpty());
}

TEST(NotesPreviewImagesTest, RemoteImagesAreFetchedOnlyOnceAllowed)
{
    QImage red(40, 20, QImage::Format_RGB32);
    red.fill(Qt::red);
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        red.save(&buffer, "PNG");
    }
    LoopbackHttpServer server;
    server.setHandler([png](const HttpRequest &) {
        HttpResponse response;
        response.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "image/png"));
        response.body = png;
        return response;
    });
    ASSERT_TRUE(server.start());
    const QString url = server.baseUrl().toString() + QStringLiteral("/logo.png");

    QTemporaryDir dir;
    ManualClock clock{Now};
    ManualScheduler scheduler{&clock};
    WorkspaceStore store(&clock);
    ASSERT_TRUE(store.open(dir.path(), QStringLiteral("acme/widgets")).ok);
    const Policy policy = Policy::defaultPolicy();
    NotesPage page;
    page.setScheduler(&scheduler);
    page.resize(1000, 700);
    page.show();
    WorkspaceContext context;
    context.store = &store;
    context.policy = &policy;
    context.clock = &clock;
    context.repository = QStringLiteral("acme/widgets");
    page.setWorkspace(context);
    page.editor()->setPlainText(QStringLiteral("Look: ![logo](%1)\n").arg(url));
    scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !page.pipeline()->isRendering(); }, 10000));
    QTest::qWait(50);
    EXPECT_TRUE(server.requestLog().isEmpty());
    auto *notice = page.findChild<QLabel *>(QStringLiteral("imagesNotice"));
    ASSERT_NE(notice, nullptr);
    EXPECT_TRUE(notice->isVisibleTo(&page));

    page.setRemoteImagesAllowed(true);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return !server.requestLog().isEmpty() && page.preview()->pendingImageCount() == 0 &&
                   !page.pipeline()->isRendering();
        },
        10000));
    EXPECT_EQ(server.requestLog().size(), 1);
    EXPECT_EQ(server.requestLog().at(0).path, QStringLiteral("/logo.png"));
    const QVariant image = page.preview()->loadResource(QTextDocument::ImageResource, QUrl(url));
    ASSERT_TRUE(image.canConvert<QImage>());
    EXPECT_EQ(image.value<QImage>().size(), QSize(40, 20));
    server.stop();
}
