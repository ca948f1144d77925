#include "mainwindow.h"

#include "boardpage.h"
#include "helpoverlay.h"
#include "insightspage.h"
#include "issuelistmodel.h"
#include "issuelistview.h"
#include "labelspage.h"
#include "notespage.h"
#include "pullrequestspage.h"
#include "ratelimitmeter.h"
#include "releasepage.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mainstay {

namespace {
const QString AddWorkspaceItem = QStringLiteral("\x01add");
}

MainWindow::MainWindow(IssueListModel *issues, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_workspaceCombo(new QComboBox(this))
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_banner(new MessageBanner(this))
    , m_issuesView(new IssueListView(issues, this))
    , m_syncLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelSync(new QToolButton(this))
    , m_rateLimitMeter(new RateLimitMeter(this))
    , m_help(nullptr)
{
    setWindowTitle(QStringLiteral("Mainstay"));
    setWindowIcon(QIcon(QStringLiteral(":/mainstay/icons/mainstay.svg")));
    setObjectName(QStringLiteral("mainWindow"));

    // Views in sidebar order: the pages of the workspace, then the plain list of everything.
    const struct
    {
        QString name;
        QString title;
        QWidget *page;
    } pages[] = {
        {QStringLiteral("board"), tr("Triage board"), new BoardPage(this)},
        {QStringLiteral("prs"), tr("Pull requests"), new PullRequestsPage(this)},
        {QStringLiteral("labels"), tr("Labels"), new LabelsPage(this)},
        {QStringLiteral("notes"), tr("Release notes"), new NotesPage(this)},
        {QStringLiteral("release"), tr("Release monitor"), new ReleasePage(this)},
        {QStringLiteral("insights"), tr("Insights"), new InsightsPage(this)},
        {QStringLiteral("list"), tr("All items"), m_issuesView},
    };
    for (const auto &page : pages) {
        m_viewNames.append(page.name);
        auto *item = new QListWidgetItem(page.title, m_sidebar);
        item->setData(Qt::UserRole, page.name);
        m_stack->addWidget(page.page);
        auto *workspacePage = qobject_cast<WorkspacePage *>(page.page);
        m_pages.append(workspacePage);
        if (!workspacePage)
            continue;
        connect(workspacePage, &WorkspacePage::message, this, &MainWindow::showMessage);
        connect(workspacePage, &WorkspacePage::statusMessage, this, &MainWindow::setSyncStatus);
        connect(workspacePage, &WorkspacePage::navigationRequested, this,
                [this](const QString &view, const QVariantMap &arguments) {
                    showView(view, arguments);
                });
    }
    m_pageHasWorkspace.fill(false, m_pages.size());
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(170);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSpacing(2);
    m_sidebar->setStyleSheet(QStringLiteral(
        "QListWidget#sidebar { background: palette(window); padding: 6px; outline: 0; }"
        "QListWidget#sidebar::item { padding: 7px 10px; border-radius: 6px; }"
        "QListWidget#sidebar::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"));
    m_sidebar->setCurrentRow(0);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        deliverWorkspace(row);
        if (WorkspacePage *page = m_pages.value(row))
            page->activated();
    });

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(4);
    auto *bannerBox = new QHBoxLayout;
    bannerBox->setContentsMargins(8, 6, 8, 0);
    bannerBox->addWidget(m_banner);
    contentLayout->addLayout(bannerBox);
    contentLayout->addWidget(m_stack, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(content, 1);
    setCentralWidget(central);

    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(14);
    m_progress->setTextVisible(false);
    m_progress->hide();
    statusBar()->addWidget(m_syncLabel, 1);
    m_cancelSync->setText(tr("Cancel"));
    m_cancelSync->setAutoRaise(true);
    m_cancelSync->setToolTip(tr("Stop syncing; the next sync resumes where this one stopped"));
    m_cancelSync->hide();
    connect(m_cancelSync, &QToolButton::clicked, this, &MainWindow::cancelSyncRequested);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelSync);
    statusBar()->addPermanentWidget(m_rateLimitMeter);

    m_help = new HelpOverlay(this);
    createActions();

    connect(m_issuesView, &IssueListView::issueActivated, this, &MainWindow::issueActivated);
    connect(m_workspaceCombo, &QComboBox::activated, this, [this](int index) {
        if (m_updatingWorkspaces)
            return;
        const QString value = m_workspaceCombo->itemData(index).toString();
        if (value == AddWorkspaceItem)
            Q_EMIT addWorkspaceRequested();
        else
            Q_EMIT workspaceRequested(value);
    });

    resize(1280, 800);
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr(" Workspace: "), toolbar));
    m_workspaceCombo->setMinimumWidth(260);
    m_workspaceCombo->setToolTip(tr("Switch workspace (Ctrl+K)"));
    toolbar->addWidget(m_workspaceCombo);
    toolbar->addSeparator();

    auto *sync = toolbar->addAction(tr("Sync"));
    sync->setShortcut(QKeySequence::Refresh);
    sync->setToolTip(tr("Sync with GitHub now (F5)"));
    connect(sync, &QAction::triggered, this, &MainWindow::syncRequested);

    auto *settings = toolbar->addAction(tr("Settings"));
    settings->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
    connect(settings, &QAction::triggered, this, &MainWindow::settingsRequested);

    auto *help = toolbar->addAction(tr("Shortcuts"));
    help->setShortcuts({QKeySequence(Qt::Key_F1)});
    connect(help, &QAction::triggered, m_help, &HelpOverlay::toggle);
    // "?" opens the overlay too, unless the user is typing into a text field.
    auto *question = new QShortcut(QKeySequence(QStringLiteral("?")), this);
    question->setContext(Qt::WindowShortcut);
    connect(question, &QShortcut::activated, this, [this] {
        if (!qobject_cast<QLineEdit *>(focusWidget()))
            m_help->toggle();
    });

    auto *filter = new QAction(this);
    filter->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    connect(filter, &QAction::triggered, this, [this] {
        if (auto *view = qobject_cast<IssueListView *>(m_stack->currentWidget()))
            view->focusFilter();
        else if (auto *page = qobject_cast<WorkspacePage *>(m_stack->currentWidget()))
            page->focusFilter();
    });
    addAction(filter);

    auto *switcher = new QAction(this);
    switcher->setShortcut(QKeySequence(QStringLiteral("Ctrl+K")));
    connect(switcher, &QAction::triggered, m_workspaceCombo, [this] {
        m_workspaceCombo->setFocus();
        m_workspaceCombo->showPopup();
    });
    addAction(switcher);

    QList<HelpOverlay::Entry> entries = {
        {QStringLiteral("F5"), tr("Sync the workspace now"), tr("General")},
        {QStringLiteral("Ctrl+K"), tr("Switch workspace"), tr("General")},
        {QStringLiteral("Ctrl+,"), tr("Settings"), tr("General")},
        {QStringLiteral("F1  or  ?"), tr("Show or hide this overview"), tr("General")},
        {QStringLiteral("Ctrl+F  or  /"), tr("Filter the list"), tr("Lists")},
        {QStringLiteral("Enter"), tr("Open the selected item on GitHub"), tr("Lists")},
        {QStringLiteral("↑ ↓ PgUp PgDn"), tr("Move the selection"), tr("Lists")},
    };
    for (WorkspacePage *page : std::as_const(m_pages))
        if (page)
            entries += page->helpEntries();
    for (int i = 0; i < m_viewNames.size() && i < 9; ++i) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        connect(go, &QAction::triggered, this, [this, i] { m_sidebar->setCurrentRow(i); });
        addAction(go);
        entries.append({QStringLiteral("Ctrl+%1").arg(i + 1),
                        tr("Go to %1").arg(m_sidebar->item(i)->text()), tr("Views")});
    }
    m_help->setEntries(entries);
}

void MainWindow::setWorkspaces(const QStringList &workspaces, const QString &current,
                               const QString &demoName)
{
    m_updatingWorkspaces = true;
    m_workspaceCombo->clear();
    m_workspaceCombo->addItem(tr("%1 (demo)").arg(demoName), QString());
    for (const QString &workspace : workspaces)
        m_workspaceCombo->addItem(workspace, workspace);
    m_workspaceCombo->insertSeparator(m_workspaceCombo->count());
    m_workspaceCombo->addItem(tr("Add workspace…"), AddWorkspaceItem);
    m_workspaceCombo->setCurrentIndex(std::max(0, m_workspaceCombo->findData(current)));
    m_updatingWorkspaces = false;
    setWindowTitle(QStringLiteral("%1 — Mainstay").arg(current.isEmpty() ? demoName : current));
}

bool MainWindow::showView(const QString &name, const QVariantMap &arguments)
{
    const int index = int(m_viewNames.indexOf(name));
    if (index < 0)
        return false;
    m_sidebar->setCurrentRow(index);
    if (WorkspacePage *page = m_pages.value(index); page && !arguments.isEmpty())
        page->navigate(arguments);
    return true;
}

WorkspacePage *MainWindow::page(const QString &name) const
{
    return m_pages.value(int(m_viewNames.indexOf(name)));
}

void MainWindow::setWorkspace(const WorkspaceContext &context)
{
    m_context = context;
    m_hasWorkspace = true;
    m_pageHasWorkspace.fill(false, m_pages.size());
    const int row = m_sidebar->currentRow();
    deliverWorkspace(row);
    // The page on screen takes the keyboard as when it is chosen: the board's keys work at once.
    if (WorkspacePage *page = m_pages.value(row))
        page->activated();
}

void MainWindow::deliverWorkspace(int index)
{
    if (!m_hasWorkspace || index < 0 || index >= m_pages.size() || !m_pages[index] ||
        m_pageHasWorkspace.value(index))
        return;
    m_pageHasWorkspace[index] = true;
    m_pages[index]->setWorkspace(m_context);
}

void MainWindow::clearWorkspace()
{
    for (qsizetype i = 0; i < m_pages.size(); ++i)
        if (m_pages[i] && m_pageHasWorkspace.value(i))
            m_pages[i]->clearWorkspace();
    m_pageHasWorkspace.fill(false, m_pages.size());
    m_context = {};
    m_hasWorkspace = false;
}

void MainWindow::workspaceSynced(bool ok)
{
    // Pages not shown yet read the store fresh when they are.
    for (qsizetype i = 0; i < m_pages.size(); ++i)
        if (m_pages[i] && m_pageHasWorkspace.value(i))
            m_pages[i]->syncFinished(ok);
}

QString MainWindow::currentView() const
{
    return m_viewNames.value(m_sidebar->currentRow());
}

void MainWindow::setSyncRunning(bool running)
{
    m_progress->setVisible(running);
    m_cancelSync->setVisible(running);
    if (running) {
        m_progress->setRange(0, 0); // busy until the first page says how many there are
        m_syncLabel->setText(tr("Syncing…"));
    }
}

void MainWindow::setSyncProgress(int pagesDone, int pagesTotal)
{
    if (pagesTotal > 0) {
        m_progress->setRange(0, pagesTotal);
        m_progress->setValue(pagesDone);
    }
    m_syncLabel->setText(pagesTotal > 0
                             ? tr("Syncing… page %1 of %2").arg(pagesDone).arg(pagesTotal)
                             : tr("Syncing… page %1").arg(pagesDone));
}

void MainWindow::setSyncStatus(const QString &text)
{
    m_syncLabel->setText(text);
}

void MainWindow::showMessage(MessageBanner::Level level, const QString &text)
{
    m_banner->showMessage(level, text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveState()
{
    if (!m_settings)
        return;
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    m_settings->setValue(QStringLiteral("window/view"), currentView());
    m_settings->setValue(QStringLiteral("window/issueColumns"),
                         m_issuesView->treeView()->header()->saveState());
    m_settings->sync();
}

void MainWindow::restoreState()
{
    if (!m_settings)
        return;
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    QMainWindow::restoreState(m_settings->value(QStringLiteral("window/state")).toByteArray());
    showView(m_settings->value(QStringLiteral("window/view")).toString());
    const QByteArray columns =
        m_settings->value(QStringLiteral("window/issueColumns")).toByteArray();
    if (!columns.isEmpty())
        m_issuesView->treeView()->header()->restoreState(columns);
}

} // namespace Mainstay
