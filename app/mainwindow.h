#pragma once

#include "messagebanner.h"
#include "workspacecontext.h"

#include <QMainWindow>
#include <QVariantMap>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QSettings;
class QStackedWidget;
class QToolButton;

namespace Mainstay {

class HelpOverlay;
class IssueListModel;
class IssueListView;
class RateLimitMeter;
class WorkspacePage;

// The shell: a sidebar of views, the workspace switcher, the status bar with sync progress and
// the rate-limit meter, the help overlay. It shows state and emits what the user asked for; the
// AppController does the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(IssueListModel *issues, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // `labels` are shown in the switcher; `current` is selected without emitting.
    void setWorkspaces(const QStringList &workspaces, const QString &current,
                       const QString &demoName);
    // "board", "prs", "labels", "notes", "release", "insights", or "list" (every cached item);
    // returns false for an unknown name. `arguments` go to the page's navigate().
    bool showView(const QString &name, const QVariantMap &arguments = {});
    QString currentView() const;
    WorkspacePage *page(const QString &name) const;

    // Hands the open workspace to the pages; clearWorkspace() before its objects go away. The
    // visible page gets it at once, the others when they are first shown, so that opening a
    // large workspace only pays for what is on screen.
    void setWorkspace(const WorkspaceContext &context);
    void clearWorkspace();
    void workspaceSynced(bool ok);

    void setSyncRunning(bool running);
    void setSyncProgress(int pagesDone, int pagesTotal);
    void setSyncStatus(const QString &text);
    void showMessage(MessageBanner::Level level, const QString &text);

    RateLimitMeter *rateLimitMeter() const { return m_rateLimitMeter; }
    IssueListView *issueListView() const { return m_issuesView; }
    MessageBanner *messageBanner() const { return m_banner; }
    HelpOverlay *helpOverlay() const { return m_help; }

Q_SIGNALS:
    void syncRequested();
    void cancelSyncRequested();
    void workspaceRequested(const QString &workspace); // empty: the demo workspace
    void addWorkspaceRequested();
    void settingsRequested();
    void issueActivated(int number, const QString &htmlUrl);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void saveState();
    void restoreState();

    QSettings *m_settings;
    QComboBox *m_workspaceCombo;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    MessageBanner *m_banner;
    IssueListView *m_issuesView;
    QList<WorkspacePage *> m_pages; // in m_viewNames order, null for the plain list
    QList<bool> m_pageHasWorkspace; // which pages were handed m_context
    WorkspaceContext m_context;
    bool m_hasWorkspace = false;
    void deliverWorkspace(int index);
    QLabel *m_syncLabel;
    QProgressBar *m_progress;
    QToolButton *m_cancelSync;
    RateLimitMeter *m_rateLimitMeter;
    HelpOverlay *m_help;
    QStringList m_viewNames;
    bool m_updatingWorkspaces = false;
};

} // namespace Mainstay
