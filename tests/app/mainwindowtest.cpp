#include "mainwindow.h"
#include "appcontroller.h"
#include "cachedatabase.h"
#include "githubclient.h"
#include "helpoverlay.h"
#include "issuelistmodel.h"
#include "issuelistview.h"
#include "messagebanner.h"
#include "outbox.h"
#include "policy.h"
#include "ratelimitmeter.h"
#include "tokenstore.h"
#include "workspacestore.h"

#include "workspacepage.h"
#include <QAbstractItemView>
#include <QApplication>
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Mainstay;

namespace {

CommandLineOptions demoOptions(const QTemporaryDir &dir)
{
    CommandLineOptions options;
    options.demo = true;
    options.dataDir = dir.path();
    return options;
}

} // namespace

TEST(MainWindow, OpensOnTheDemoWorkspaceAndListsItsIssues)
{
    QTemporaryDir dir;
    AppController controller(demoOptions(dir));
    QSignalSpy synced(&controller, &AppController::syncFinished);
    controller.start();
    ASSERT_TRUE(synced.wait(30'000));
    EXPECT_TRUE(synced.first().first().toBool());

    MainWindow *window = controller.mainWindow();
    ASSERT_TRUE(window->isVisible());
    EXPECT_TRUE(controller.isDemo());
    EXPECT_TRUE(window->windowTitle().contains(QLatin1String("demo/")));

    // The demo holds several hundred issues and pull requests; all arrive in the model.
    IssueListModel *model = controller.issueModel();
    EXPECT_GT(model->rowCount(), 500);
    int pulls = 0;
    for (const Issue &issue : model->issues())
        pulls += issue.isPullRequest ? 1 : 0;
    EXPECT_GT(pulls, 100);
    EXPECT_LT(pulls, model->rowCount());

    // The list view shows them (open ones by default), with the label chips' data.
    QTreeView *tree = window->issueListView()->treeView();
    EXPECT_GT(tree->model()->rowCount(), 50);
    const QModelIndex first = tree->model()->index(0, IssueListModel::TitleColumn);
    EXPECT_FALSE(first.data().toString().isEmpty());

    // The demo backend reports a rate limit like GitHub does.
    EXPECT_TRUE(window->rateLimitMeter()->rateLimit().isKnown());
    EXPECT_FALSE(window->messageBanner()->isVisible())
        << window->messageBanner()->text().toStdString();
}

TEST(MainWindow, FilterNarrowsTheListAndPullRequestViewShowsOnlyPullRequests)
{
    QTemporaryDir dir;
    CommandLineOptions options = demoOptions(dir);
    options.view = QStringLiteral("prs");
    AppController controller(options);
    QSignalSpy synced(&controller, &AppController::syncFinished);
    controller.start();
    ASSERT_TRUE(synced.wait(30'000));
    MainWindow *window = controller.mainWindow();
    EXPECT_EQ(window->currentView(), QStringLiteral("prs"));

    ASSERT_TRUE(window->showView(QStringLiteral("board")));
    IssueListView *view = window->issueListView();
    QTreeView *tree = view->treeView();
    const int before = tree->model()->rowCount();
    auto *filter = view->findChild<QLineEdit *>();
    ASSERT_NE(filter, nullptr);
    QTest::keyClicks(filter, QStringLiteral("logger"));
    const int after = tree->model()->rowCount();
    EXPECT_GT(after, 0);
    EXPECT_LT(after, before);
    for (int row = 0; row < after; ++row) {
        const Issue issue =
            tree->model()->index(row, 0).data(IssueListModel::IssueRole).value<Issue>();
        bool found = issue.title.contains(QLatin1String("logger"), Qt::CaseInsensitive) ||
                     issue.author.login.contains(QLatin1String("logger"), Qt::CaseInsensitive);
        for (const Label &label : issue.labels)
            found = found || label.name.contains(QLatin1String("logger"), Qt::CaseInsensitive);
        EXPECT_TRUE(found) << issue.title.toStdString();
    }
}

TEST(MainWindow, HelpOverlayListsShortcutsAndClosesWithEscape)
{
    QTemporaryDir dir;
    AppController controller(demoOptions(dir));
    controller.start();
    MainWindow *window = controller.mainWindow();
    HelpOverlay *help = window->helpOverlay();
    EXPECT_FALSE(help->isVisible());
    // Window shortcuts only fire in the active window.
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_F1);
    EXPECT_TRUE(help->isVisible());
    bool listsSync = false;
    for (const HelpOverlay::Entry &entry : help->entries())
        listsSync = listsSync || entry.keys == QLatin1String("F5");
    EXPECT_TRUE(listsSync);
    QTest::keyClick(help, Qt::Key_Escape);
    EXPECT_FALSE(help->isVisible());
}

TEST(MainWindow, TheBoardTakesTheKeyboardAtStart)
{
    // A maintainer opens the app and presses a triage key: it reaches a card, not nowhere.
    QTemporaryDir dir;
    AppController controller(demoOptions(dir));
    QSignalSpy synced(&controller, &AppController::syncFinished);
    controller.start();
    ASSERT_TRUE(synced.wait(30'000));
    MainWindow *window = controller.mainWindow();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window));
    WorkspacePage *board = window->page(QStringLiteral("board"));
    ASSERT_NE(board, nullptr);
    ASSERT_TRUE(board->isVisible());
    QWidget *focus = QApplication::focusWidget();
    ASSERT_NE(focus, nullptr);
    EXPECT_TRUE(board->isAncestorOf(focus)) << focus->metaObject()->className();
    EXPECT_NE(qobject_cast<QAbstractItemView *>(focus), nullptr);
}

TEST(MainWindow, RestoresItsViewAndSizeOnRestart)
{
    QTemporaryDir dir;
    {
        AppController controller(demoOptions(dir));
        controller.start();
        controller.mainWindow()->resize(1111, 666);
        controller.mainWindow()->showView(QStringLiteral("prs"));
        controller.mainWindow()->close();
    }
    AppController controller(demoOptions(dir));
    controller.start();
    EXPECT_EQ(controller.mainWindow()->currentView(), QStringLiteral("prs"));
    EXPECT_EQ(controller.mainWindow()->size(), QSize(1111, 666));
}

TEST(MainWindow, WrongRepositoryShowsAClearMessageAndKeepsRunning)
{
    QTemporaryDir dir;
    AppController demo(demoOptions(dir));
    QSignalSpy demoSynced(&demo, &AppController::syncFinished);
    demo.start();
    ASSERT_TRUE(demoSynced.wait(30'000));
    // Point a second window at the demo server but ask for a repository it does not have.
    CommandLineOptions options;
    options.dataDir = dir.filePath(QStringLiteral("other"));
    options.repo = QStringLiteral("nobody/nothing");
    options.apiUrl = demo.client()->apiUrl().toString();
    MemoryTokenStore tokens; // a headless test machine has no keychain
    AppController controller(options, &tokens);
    QSignalSpy synced(&controller, &AppController::syncFinished);
    controller.start();
    ASSERT_TRUE(synced.wait(30'000));
    EXPECT_FALSE(synced.first().first().toBool());
    MessageBanner *banner = controller.mainWindow()->messageBanner();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(banner->level(), MessageBanner::Level::Error);
    EXPECT_TRUE(banner->text().contains(QLatin1String("repository name")))
        << banner->text().toStdString();
}

TEST(MainWindow, AMalformedPolicyFileFallsBackToTheDefaultAndSaysWhere)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("policy.yaml")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("version: 1\nsizes:\n  - label: size/XS\n    min: zero\n");
    file.close();
    AppController controller(demoOptions(dir));
    controller.start();
    MessageBanner *banner = controller.mainWindow()->messageBanner();
    ASSERT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QLatin1String("policy.yaml:4:")))
        << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QLatin1String("built-in policy")));
    EXPECT_EQ(controller.policy().sizeLabelFor(5), Policy::defaultPolicy().sizeLabelFor(5));
}

TEST(MainWindow, ACorruptCacheIsMovedAsideReportedAndRebuilt)
{
    QTemporaryDir dir;
    AppController demo(demoOptions(dir));
    QSignalSpy demoSynced(&demo, &AppController::syncFinished);
    demo.start();
    ASSERT_TRUE(demoSynced.wait(30'000));
    const int items = demo.issueModel()->rowCount();

    // Another data directory whose cache of the same repository is garbage.
    const QString otherDir = dir.filePath(QStringLiteral("other"));
    const QString workspace = WorkspaceStore::workspacePath(
        otherDir, demo.currentWorkspace().isEmpty() ? QStringLiteral("demo/lambda-powertools")
                                                    : demo.currentWorkspace());
    ASSERT_TRUE(QDir().mkpath(workspace));
    QFile garbage(workspace + QStringLiteral("/cache.sqlite"));
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(8192, '\x5a'));
    garbage.close();

    CommandLineOptions options;
    options.dataDir = otherDir;
    options.repo = QStringLiteral("demo/lambda-powertools");
    options.apiUrl = demo.client()->apiUrl().toString();
    MemoryTokenStore tokens;
    AppController controller(options, &tokens);
    QSignalSpy synced(&controller, &AppController::syncFinished);
    controller.start();
    ASSERT_TRUE(synced.wait(30'000));
    EXPECT_TRUE(synced.first().first().toBool());
    MessageBanner *banner = controller.mainWindow()->messageBanner();
    EXPECT_TRUE(banner->text().contains(QLatin1String("could not be read")))
        << banner->text().toStdString();
    EXPECT_EQ(controller.issueModel()->rowCount(), items);
    EXPECT_FALSE(QDir(workspace).entryList({QStringLiteral("cache.sqlite.corrupt-*")}).isEmpty());
}

TEST(MainWindow, AWriteShowsAtOnceAndReachesTheDemoBackend)
{
    QTemporaryDir dir;
    AppController controller(demoOptions(dir));
    QSignalSpy synced(&controller, &AppController::syncFinished);
    controller.start();
    ASSERT_TRUE(synced.wait(30'000));
    IssueListModel *model = controller.issueModel();
    const Issue *target = nullptr;
    for (const Issue &issue : model->issues())
        if (!issue.hasLabel(u"help wanted") && !issue.isPullRequest && issue.isOpen()) {
            target = &issue;
            break;
        }
    ASSERT_NE(target, nullptr);
    const int number = target->number;

    ASSERT_NE(controller.outbox(), nullptr);
    controller.outbox()->addLabels(number, {QStringLiteral("help wanted")});
    // Optimistic: the model shows the label before GitHub has it.
    EXPECT_TRUE(model->issueByNumber(number)->hasLabel(u"help wanted"));

    // Sent, then synced back from the demo backend: the label stays, now as GitHub's.
    QSignalSpy sent(controller.outbox(), &Outbox::entrySent);
    ASSERT_TRUE(sent.wait(15'000));
    ASSERT_TRUE(synced.wait(15'000));
    EXPECT_TRUE(model->issueByNumber(number)->hasLabel(u"help wanted"));
    EXPECT_TRUE(controller.store()->cache().issue(number)->hasLabel(u"help wanted"));
}
