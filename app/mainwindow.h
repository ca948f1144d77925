#pragma once

#include "messagebanner.h"

#include <QMainWindow>

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
    // "board", "prs", "labels", ...; returns false for a view this version does not have.
    bool showView(const QString &name);
    QString currentView() const;

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
    IssueListView *m_pullsView;
    QLabel *m_syncLabel;
    QProgressBar *m_progress;
    QToolButton *m_cancelSync;
    RateLimitMeter *m_rateLimitMeter;
    HelpOverlay *m_help;
    QStringList m_viewNames;
    bool m_updatingWorkspaces = false;
};

} // namespace Mainstay
