#include "rfcreviewpanel.h"
#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "manualscheduler.h"
#include "outbox.h"
#include "outboxkind.h"
#include "policy.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

class RfcReviewPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_backend = std::make_shared<DemoGitHubBackend>(
            DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, m_clock.now()), &m_clock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler(
            [backend](const HttpRequest &request) { return backend.lock()->handle(request); });
        ASSERT_TRUE(m_server.start());
        m_client.setApiUrl(m_server.baseUrl());
        m_repository = m_backend->dataset().fullName();
        ASSERT_TRUE(m_store.open(m_dir.path(), m_repository).ok);
        // Not started: entries only queue, which is what the panel is responsible for.
        m_outbox =
            std::make_unique<Outbox>(&m_store.userData(), &m_client, m_repository, &m_scheduler);
        for (const Issue &issue : m_backend->dataset().issues)
            if (RfcReview::isRfc(issue) && issue.isOpen()) {
                m_rfc = issue;
                if (issue.body.contains(u"### Summary"_s) &&
                    !issue.body.contains(u"### Acknowledgment"_s))
                    break; // one the template check has something to say about
            }
        ASSERT_GT(m_rfc.number, 0);
        ASSERT_TRUE(m_store.cache().upsertIssues({m_rfc}));
    }

    WorkspaceContext context()
    {
        WorkspaceContext c;
        c.store = &m_store;
        c.client = &m_client;
        c.outbox = m_outbox.get();
        c.policy = &Policy::defaultPolicy();
        c.clock = &m_clock;
        c.repository = m_repository;
        c.webUrl = QUrl(u"https://github.com/"_s + m_repository);
        return c;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC)};
    ManualScheduler m_scheduler{&m_clock};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    QString m_repository;
    WorkspaceStore m_store;
    std::unique_ptr<Outbox> m_outbox;
    Issue m_rfc;
};

} // namespace

TEST_F(RfcReviewPanelTest, AnswerPreviewAndPostQueueOneComment)
{
    RfcReviewPanel panel;
    panel.resize(560, 760);
    panel.setWorkspace(context());
    Issue listed = m_rfc;
    listed.body.clear(); // the issue list carries no bodies: the panel reads it from the store
    panel.setIssue(listed);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));

    // The form arrives from the loopback GitHub and the body is checked against it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.templateCheck().has_value(); }, 10'000));
    EXPECT_EQ(panel.templateCheck()->missing, QStringList{u"Acknowledgment"_s});
    auto *templateLabel = panel.findChild<QLabel *>(u"rfcTemplateCheck"_s);
    ASSERT_TRUE(templateLabel);
    EXPECT_TRUE(templateLabel->text().contains(u"Acknowledgment"_s))
        << templateLabel->text().toStdString();

    auto *post = panel.findChild<QPushButton *>(u"rfcPostButton"_s);
    ASSERT_TRUE(post);
    EXPECT_FALSE(post->isEnabled()) << "nothing answered yet";

    // Answer two questions with the mouse and write a note.
    QWidget *first = panel.findChild<QWidget *>(u"rfcQuestion0"_s);
    QWidget *third = panel.findChild<QWidget *>(u"rfcQuestion2"_s);
    ASSERT_TRUE(first && third);
    auto *yes = first->findChild<QRadioButton *>(u"yes"_s);
    auto *unsure = third->findChild<QRadioButton *>(u"unsure"_s);
    ASSERT_TRUE(yes && unsure);
    QTest::mouseClick(yes, Qt::LeftButton, {}, QPoint(8, yes->height() / 2));
    QTest::mouseClick(unsure, Qt::LeftButton, {}, QPoint(8, unsure->height() / 2));
    auto *note = third->findChild<QLineEdit *>(u"note"_s);
    ASSERT_TRUE(note);
    QTest::keyClicks(note, u"Needs a usage example"_s);
    QTest::keyClick(note, Qt::Key_Return); // the note is done: now it is written
    EXPECT_EQ(panel.review().answeredCount(), 2);
    EXPECT_EQ(panel.review().items()[0].answer, RfcReview::Answer::Yes);
    EXPECT_EQ(panel.review().items()[2].note, u"Needs a usage example"_s);
    EXPECT_TRUE(post->isEnabled());
    EXPECT_TRUE(panel.findChild<QLabel *>(u"rfcProgress"_s)->text().startsWith(u"2 of 8"_s));

    // Kept locally at once: a new panel shows the same answers.
    {
        RfcReviewPanel again;
        again.setWorkspace(context());
        again.setIssue(listed);
        EXPECT_EQ(again.review(), panel.review());
    }

    // Preview: the rendered comment.
    auto *previewButton = panel.findChild<QPushButton *>(u"rfcPreviewButton"_s);
    auto *preview = panel.findChild<QTextBrowser *>(u"rfcPreview"_s);
    ASSERT_TRUE(previewButton && preview);
    EXPECT_FALSE(preview->isVisible());
    QTest::mouseClick(previewButton, Qt::LeftButton);
    EXPECT_TRUE(preview->isVisible());
    const QString shown = preview->toPlainText();
    EXPECT_TRUE(shown.contains(u"RFC review"_s)) << shown.toStdString();
    EXPECT_TRUE(shown.contains(u"Needs a usage example"_s)) << shown.toStdString();
    EXPECT_TRUE(shown.contains(u"Acknowledgment"_s)) << shown.toStdString();

    if (const QByteArray dir = qgetenv("MAINSTAY_SCREENSHOT_DIR"); !dir.isEmpty())
        panel.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(u"rfc-review-panel.png"_s));

    // Declining the confirmation queues nothing; accepting queues one comment.
    QString asked;
    panel.setConfirmation([&](const QString &markdown) {
        asked = markdown;
        return false;
    });
    QTest::mouseClick(post, Qt::LeftButton);
    EXPECT_EQ(asked, panel.reviewMarkdown());
    EXPECT_TRUE(m_store.userData().entries().isEmpty());

    QSignalSpy posted(&panel, &RfcReviewPanel::reviewPosted);
    panel.setConfirmation([](const QString &) { return true; });
    QTest::mouseClick(post, Qt::LeftButton);
    ASSERT_EQ(posted.size(), 1);
    const QList<OutboxEntry> entries = m_store.userData().entries();
    ASSERT_EQ(entries.size(), 1);
    EXPECT_EQ(entries[0].kind, OutboxKind::Comment);
    EXPECT_EQ(entries[0].payload.value(u"number"_s).toInt(), m_rfc.number);
    EXPECT_EQ(entries[0].payload.value(u"body"_s).toString(), panel.reviewMarkdown());
    EXPECT_EQ(posted[0][1].toLongLong(), entries[0].id);
    EXPECT_TRUE(
        entries[0].payload.value(u"body"_s).toString().contains(u"@%1"_s.arg(m_rfc.author.login)));
}

TEST_F(RfcReviewPanelTest, IssuesThatAreNotRfcsShowANote)
{
    RfcReviewPanel panel;
    panel.setWorkspace(context());
    Issue plain;
    plain.number = 9999;
    plain.title = u"Bug: the logger drops keys"_s;
    panel.setIssue(plain);
    EXPECT_FALSE(RfcReviewPanel::appliesTo(plain));
    EXPECT_FALSE(panel.findChild<QLabel *>(u"rfcNotApplicable"_s)->isHidden());
    EXPECT_EQ(panel.findChild<QWidget *>(u"rfcQuestion0"_s), nullptr);
    EXPECT_EQ(panel.postReview(), 0);
    EXPECT_TRUE(m_store.userData().entries().isEmpty());
}

TEST_F(RfcReviewPanelTest, WithoutTheFormTheCheckSaysWhy)
{
    m_backend->setFault([](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (request.path.contains(u"/contents/"_s))
            return HttpResponse::json(404, R"({"message":"Not Found"})");
        return std::nullopt;
    });
    RfcReviewPanel panel;
    panel.setWorkspace(context());
    panel.setIssue(m_rfc);
    auto *label = panel.findChild<QLabel *>(u"rfcTemplateCheck"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return label->text().contains(u"unavailable"_s); }, 10'000))
        << label->text().toStdString();
    EXPECT_TRUE(label->text().contains(u".github/ISSUE_TEMPLATE"_s));
    EXPECT_FALSE(panel.templateCheck().has_value());
}
