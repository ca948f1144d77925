#include "ganttview.h"
#include "attemptcomparisondialog.h"
#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "dispatchdialog.h"
#include "ganttfixtures.h"
#include "githubclient.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "manualscheduler.h"
#include "outbox.h"
#include "policyloader.h"
#include "releasepage.h"
#include "runmonitor.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <optional>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

using namespace Mainstay;
using namespace Mainstay::GanttFixtures;

TEST(GanttView, KeyboardExpandsSelectsZoomsAndActivatesJobs)
{
    GanttView view;
    view.resize(1200, 600);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setChart(GanttChart::build(run(), guideJobs(), {}, at("11:00:00")));
    // Ten sections, 24 jobs.
    ASSERT_EQ(view.rows().size(), 34);
    EXPECT_EQ(view.rows().at(0).label, QStringLiteral("Seal"));

    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Down);
    QTest::keyClick(&view, Qt::Key_Down);
    ASSERT_EQ(view.selectedRow(), 1);
    EXPECT_EQ(view.rows().at(1).label, QStringLiteral("Bump release version"));
    QTest::keyClick(&view, Qt::Key_Right); // show its steps
    ASSERT_EQ(view.rows().size(), 36);
    EXPECT_EQ(view.rows().at(2).kind, GanttRow::Kind::Step);
    QTest::keyClick(&view, Qt::Key_Left);
    EXPECT_EQ(view.rows().size(), 34);

    const double scale = view.geometry().pixelsPerSecond();
    QTest::keyClick(&view, Qt::Key_Plus);
    EXPECT_NEAR(view.geometry().pixelsPerSecond(), scale * 1.5, 1e-9);
    EXPECT_FALSE(view.isFollowing());
    QTest::keyClick(&view, Qt::Key_0);
    EXPECT_NEAR(view.geometry().pixelsPerSecond(), scale, 1e-9);
    EXPECT_TRUE(view.isFollowing());

    QSignalSpy activated(&view, &GanttView::jobActivated);
    QTest::keyClick(&view, Qt::Key_Return);
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.first().first().value<WorkflowJob>().htmlUrl,
              QStringLiteral("https://github.com/o/r/actions/runs/500/job/1"));

    const QString tip = view.toolTipFor(1);
    EXPECT_TRUE(tip.contains(QLatin1String("Seal / Bump release version")));
    EXPECT_TRUE(tip.contains(QLatin1String("8s")));
    EXPECT_TRUE(tip.contains(QLatin1String("GitHub Actions 1")));
    EXPECT_TRUE(tip.contains(QLatin1String("success")));

    // A newer state of the same run keeps what was unfolded.
    QTest::keyClick(&view, Qt::Key_Right);
    view.setChart(GanttChart::build(run(), guideJobs(), {}, at("11:00:01")));
    EXPECT_EQ(view.rows().size(), 36);
    // Collapsing a section by clicking its arrow.
    const int arrowX = 6 + 4;
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(arrowX, 5));
    EXPECT_EQ(view.rows().size(), 34 + 2 - 4); // Seal's two jobs and two steps hidden

    const QImage image = view.grab().toImage();
    EXPECT_FALSE(image.isNull());
}

TEST(GanttView, TheCriticalPathAndARunningJobArePainted)
{
    QList<WorkflowJob> jobs = guideJobs();
    WorkflowJob &last = jobs.last();
    last.status = RunStatus::InProgress;
    last.conclusion = RunConclusion::None;
    last.completedAt = QDateTime();
    GanttView view;
    view.resize(1000, 900);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setChart(GanttChart::build(run(RunStatus::InProgress, RunConclusion::None), jobs, {},
                                    at("10:29:30")));
    EXPECT_FALSE(view.criticalPath().isEmpty());
    const GanttRow &row = view.rows().last();
    EXPECT_EQ(row.state, GanttState::Running);
    EXPECT_TRUE(row.span.open);
    EXPECT_EQ(row.span.finished, at("10:29:30"));
    // The running bar is drawn in the running colour somewhere on its row.
    const QImage image = view.viewport()->grab().toImage();
    const int y =
        (int(view.rows().size()) - 1) * view.layout().rowHeight + view.layout().rowHeight / 2;
    const QColor running = GanttPainter::Colors::fromPalette(view.palette()).running;
    bool found = false;
    for (int x = view.layout().labelWidth; x < image.width() && !found; ++x)
        found = image.pixelColor(x, y) == running;
    EXPECT_TRUE(found);
}

TEST(DispatchDialog, BuildsTheFormFromTheInputsAndValidatesIt)
{
    const WorkflowDispatchSpec spec = parseWorkflowDispatch(
        "on:\n  workflow_dispatch:\n    inputs:\n      version:\n        required: true\n"
        "      dry_run:\n        type: boolean\n      stage:\n        type: choice\n"
        "        options: [beta, prod]\n        default: beta\n");
    DispatchDialog dialog(QStringLiteral("Release"), spec.inputs, QStringLiteral("develop"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_EQ(dialog.ref(), QStringLiteral("develop"));
    dialog.setValue(QStringLiteral("version"), QStringLiteral("v3.4.0"));
    EXPECT_TRUE(ok->isEnabled());
    auto *stage = dialog.findChild<QComboBox *>(QStringLiteral("stage"));
    ASSERT_TRUE(stage);
    stage->setCurrentText(QStringLiteral("prod"));
    EXPECT_EQ(dialog.inputs(),
              (QJsonObject{{"version", "v3.4.0"}, {"dry_run", "false"}, {"stage", "prod"}}));
    dialog.findChild<QLineEdit *>(QStringLiteral("ref"))->clear();
    EXPECT_FALSE(ok->isEnabled());
}

namespace {

// The demo's GitHub on loopback with a store and a client for a ReleasePage.
struct DemoReleaseWorkspace
{
    ManualClock serverClock{QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC)};
    std::shared_ptr<DemoGitHubBackend> backend = std::make_shared<DemoGitHubBackend>(
        DemoDataGenerator::generate(11, serverClock.now()), &serverClock);
    LoopbackHttpServer server;
    QTemporaryDir dir;
    WorkspaceStore store;
    QNetworkAccessManager nam;
    GitHubClient client{&nam};
    Policy policy = PolicyLoader::loadOrDefault(QString());
    WorkspaceContext context;

    bool start()
    {
        server.setHandler([b = backend](const HttpRequest &request) { return b->handle(request); });
        const QString repository = backend->dataset().fullName();
        if (!server.start() || !store.open(dir.path(), repository).ok)
            return false;
        client.setApiUrl(server.baseUrl());
        context.store = &store;
        context.client = &client;
        context.policy = &policy;
        context.clock = &serverClock;
        context.repository = repository;
        return true;
    }
};

} // namespace

TEST(ReleasePage, OpensTheRunInProgressAndNavigatesToAnother)
{
    DemoReleaseWorkspace demo;
    ASSERT_TRUE(demo.start());
    auto &backend = demo.backend;
    const WorkspaceContext &context = demo.context;

    ReleasePage page;
    page.resize(1400, 800);
    page.setWorkspace(context);
    const qint64 live = backend->dataset().liveRunId;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return page.monitor() && page.monitor()->hasRun() && !page.monitor()->isFetching(); },
        20'000));
    EXPECT_EQ(page.currentRunId(), live);
    EXPECT_FALSE(page.monitor()->run().isCompleted());
    EXPECT_FALSE(page.ganttView()->rows().isEmpty());
    EXPECT_TRUE(page.monitor()->isPolling());

    qint64 other = 0;
    for (const WorkflowRun &run : backend->dataset().runs)
        if (run.isCompleted() && run.name == QLatin1String("Release")) {
            other = run.id;
            break;
        }
    ASSERT_NE(other, 0);
    page.navigate({{QStringLiteral("run"), other}});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return page.monitor()->run().id == other && !page.monitor()->isFetching(); },
        20'000));
    EXPECT_TRUE(page.monitor()->run().isCompleted());
    EXPECT_FALSE(page.monitor()->isPolling());

    auto *side = new QLabel(QStringLiteral("trend"));
    page.addSideWidget(side);
    EXPECT_EQ(side->parentWidget()->parentWidget(), page.findChild<QSplitter *>());
    page.clearWorkspace();
    EXPECT_EQ(page.monitor(), nullptr);
}

TEST(ReleasePage, ComparesTwoAttemptsOfARerunRunJobByJob)
{
    DemoReleaseWorkspace demo;
    ASSERT_TRUE(demo.start());
    auto &backend = demo.backend;
    // A completed run that failed gets a second attempt.
    qint64 failed = 0;
    for (const WorkflowRun &run : backend->dataset().runs)
        if (run.isCompleted() && run.conclusion == RunConclusion::Failure) {
            failed = run.id;
            break;
        }
    ASSERT_NE(failed, 0);
    HttpRequest rerun;
    rerun.method = "POST";
    rerun.path = QStringLiteral("/repos/%1/actions/runs/%2/rerun-failed-jobs")
                     .arg(backend->dataset().fullName())
                     .arg(failed);
    rerun.target = rerun.path.toUtf8();
    ASSERT_EQ(backend->handle(rerun).status, 201);

    const WorkspaceContext &context = demo.context;
    ReleasePage page;
    page.resize(1400, 800);
    page.setWorkspace(context);
    page.navigate({{QStringLiteral("run"), failed}});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return page.monitor() && page.monitor()->run().id == failed &&
                   !page.monitor()->isFetching();
        },
        20'000));
    ASSERT_EQ(page.monitor()->run().runAttempt, 2);

    page.compareWithAttempt(1);
    AttemptComparisonDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = page.findChild<AttemptComparisonDialog *>()) != nullptr; }, 20'000));
    // Attempt 1 ended with failures; every job of it is in the table, with its outcome.
    QTreeWidget *table = dialog->table();
    ASSERT_GT(table->topLevelItemCount(), 0);
    bool sawFailure = false;
    for (int i = 0; i < table->topLevelItemCount(); ++i)
        sawFailure = sawFailure || table->topLevelItem(i)->text(1) == QLatin1String("failure");
    EXPECT_TRUE(sawFailure);
    EXPECT_EQ(table->headerItem()->text(1), QStringLiteral("Attempt 1"));
    EXPECT_EQ(table->headerItem()->text(3), QStringLiteral("Attempt 2"));
    if (const QString shots = qEnvironmentVariable("MAINSTAY_SCREENSHOT_DIR"); !shots.isEmpty())
        dialog->grab().save(QDir(shots).filePath(QStringLiteral("attempt-comparison.png")));
    dialog->close();
    page.clearWorkspace();
}

TEST(ReleasePage, ApprovesTheWaitingDeploymentThroughTheOutboxAndTheRunGoesOn)
{
    DemoReleaseWorkspace demo;
    ASSERT_TRUE(demo.start());
    auto &backend = demo.backend;
    ManualClock outboxClock;
    ManualScheduler scheduler{&outboxClock};
    Outbox outbox(&demo.store.userData(), &demo.client, demo.context.repository, &scheduler);
    outbox.start();
    demo.context.outbox = &outbox;
    const DemoEnvironment environment = backend->dataset().releaseEnvironment;
    const qint64 live = backend->dataset().liveRunId;

    ReleasePage page;
    page.resize(1400, 800);
    page.setWorkspace(demo.context);
    auto settled = [&] {
        scheduler.advance(0);
        return page.monitor() && page.monitor()->hasRun() && !page.monitor()->isFetching();
    };
    ASSERT_TRUE(QTest::qWaitFor(settled, 20'000));
    ASSERT_EQ(page.currentRunId(), live);
    EXPECT_EQ(page.monitor()->run().status, RunStatus::Waiting);

    // The publishing job is drawn waiting for approval, and the summary says so.
    auto gatedRow = [&]() -> std::optional<GanttRow> {
        for (const GanttRow &row : page.ganttView()->rows())
            if (row.kind == GanttRow::Kind::Job && row.label == QLatin1String("Publish PyPi"))
                return row;
        return std::nullopt;
    };
    ASSERT_TRUE(gatedRow().has_value());
    EXPECT_EQ(gatedRow()->state, GanttState::Waiting);
    auto summaryMentions = [&](const QString &text) {
        for (const QLabel *label : page.findChildren<QLabel *>())
            if (label->text().contains(text))
                return true;
        return false;
    };
    EXPECT_TRUE(summaryMentions(QStringLiteral("1 waiting for approval")));

    QToolButton *review = nullptr;
    for (QToolButton *button : page.findChildren<QToolButton *>())
        if (button->text() == QStringLiteral("Review…"))
            review = button;
    ASSERT_NE(review, nullptr);
    ASSERT_TRUE(review->isEnabled());

    // The dialog lists the environment the demo asks about; approve it with a comment.
    QStringList listed;
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, &answer, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog->windowTitle() != QStringLiteral("Review deployments"))
            return;
        answer.stop();
        auto *list = dialog->findChild<QListWidget *>();
        for (int i = 0; list && i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                listed << list->item(i)->text();
        dialog->findChild<QLineEdit *>()->setText(QStringLiteral("Checks are green, ship it"));
        if (const QString shots = qEnvironmentVariable("MAINSTAY_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog->grab().save(QDir(shots).filePath(QStringLiteral("review-deployments.png")));
        for (QPushButton *button : dialog->findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Approve"))
                button->click();
    });
    answer.start();
    review->click();

    auto reviewPosted = [&]() -> std::optional<HttpRequest> {
        for (const HttpRequest &request : demo.server.requestLog())
            if (request.method == "POST" &&
                request.path.endsWith(QLatin1String("/pending_deployments")))
                return request;
        return std::nullopt;
    };
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            scheduler.advance(0);
            return reviewPosted().has_value() && outbox.pendingCount() == 0 && !outbox.isSending();
        },
        20'000));
    EXPECT_EQ(listed, QStringList{environment.name});
    EXPECT_EQ(QJsonDocument::fromJson(reviewPosted()->body).object(),
              (QJsonObject{{"environment_ids", QJsonArray{environment.id}},
                           {"state", "approved"},
                           {"comment", "Checks are green, ship it"}}));

    // The page refreshes once the outbox has sent the review: the job is queued, the run goes on.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return settled() && page.monitor()->run().status != RunStatus::Waiting && gatedRow() &&
                   gatedRow()->state != GanttState::Waiting;
        },
        20'000));
    EXPECT_FALSE(summaryMentions(QStringLiteral("waiting for approval")));
    EXPECT_FALSE(review->isEnabled()); // nothing left to review

    // And it plays to the end.
    const QDateTime end = backend->liveRunFinishesAt();
    ASSERT_TRUE(end.isValid());
    demo.serverClock.setNow(end.addSecs(5));
    page.monitor()->refresh();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return settled() && page.monitor()->run().isCompleted(); }, 20'000));
    EXPECT_EQ(page.monitor()->run().conclusion, RunConclusion::Success);
    EXPECT_EQ(gatedRow()->state, GanttState::Success);
    bool layers = false;
    for (const GanttRow &row : page.ganttView()->rows())
        layers = layers || row.label == QLatin1String("Layer release");
    EXPECT_TRUE(layers);
    page.clearWorkspace();
}
