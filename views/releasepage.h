#pragma once

#include "ganttestimate.h"
#include "workflow.h"
#include "workflowrun.h"
#include "workspacepage.h"

#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QSystemTrayIcon;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace Mainstay {

class GanttView;
class ReleaseDurationChart;
class JobHistoryLoader;
class RunMonitor;
struct OutboxEntry;

// The release monitor (issue 5): the runs of a workflow (the policy's release workflow by
// default, the in-progress run selected when there is one) drawn live as a Gantt chart, with the
// predicted end and critical path, and the actions a release needs (dispatch with the workflow's
// inputs, re-run failed jobs, cancel, review a waiting deployment) through the outbox.
class ReleasePage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit ReleasePage(QWidget *parent = nullptr);
    ~ReleasePage() override;

    void setWorkspace(const WorkspaceContext &context) override;
    void clearWorkspace() override;
    void syncFinished(bool ok) override;
    void activated() override;
    // {"run": id} opens that run (optionally {"attempt": n}); {"workflow": name} picks one.
    void navigate(const QVariantMap &arguments) override;
    QList<HelpOverlay::Entry> helpEntries() const override;

    // A panel beside the chart (e.g. the insights' release duration trend); the page owns it.
    void addSideWidget(QWidget *widget);
    // Opens the comparison of the shown attempt with attempt `other` once its jobs are read
    // (the "Compare attempts…" button asks which one).
    void compareWithAttempt(int other);
    ReleaseDurationChart *durationChart() const { return m_durations; }

    GanttView *ganttView() const { return m_view; }
    RunMonitor *monitor() const { return m_monitor; }
    qint64 currentRunId() const;

private:
    void loadWorkflows();
    void workflowChosen();
    void loadRuns();
    void runsArrived(const QList<WorkflowRun> &runs);
    void runChosen();
    void attemptChosen();
    void monitorUpdated();
    void tick();
    void updateSummary();
    void refreshDurationTrend();
    void updateActions();
    void runCompleted(const WorkflowRun &run);
    void notify(const QString &title, const QString &text, bool failure);
    void startDispatch();
    void showDispatchForm(const QByteArray &workflowFile);
    void rerunFailed();
    void compareAttempts();
    void cancelRun();
    void reviewDeployments();
    void exportChart(const QString &format);
    void outboxEntrySent(const OutboxEntry &entry);
    Workflow currentWorkflow() const;
    QDateTime now() const;
    QString workflowRef(const Workflow &workflow) const;

    RunMonitor *m_monitor = nullptr;
    JobHistoryLoader *m_history = nullptr;
    JobHistory m_jobHistory;
    RunEstimate m_estimate;
    QList<Workflow> m_workflows;
    QList<WorkflowRun> m_runs;
    qint64 m_pendingRunId = 0; // navigate() before the runs arrived
    int m_pendingAttempt = 0;
    qint64 m_historyWorkflow = 0;
    bool m_userPickedRun = false;
    quint64 m_runsGeneration = 0;

    QComboBox *m_workflowCombo;
    QComboBox *m_runCombo;
    QComboBox *m_attemptCombo;
    QLineEdit *m_branchFilter;
    QComboBox *m_eventFilter;
    QComboBox *m_statusFilter;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_estimateLabel;
    QToolButton *m_dispatchButton;
    QToolButton *m_rerunButton;
    QToolButton *m_cancelButton;
    QToolButton *m_compareButton;
    RunMonitor *m_compareMonitor = nullptr;
    QToolButton *m_approveButton;
    QToolButton *m_exportButton;
    QToolButton *m_refreshButton;
    QToolButton *m_fitButton;
    QToolButton *m_expandButton;
    QCheckBox *m_criticalBox;
    GanttView *m_view;
    QSplitter *m_splitter;
    QWidget *m_side;
    QVBoxLayout *m_sideLayout;
    ReleaseDurationChart *m_durations;
    QTimer *m_tick;
    QPointer<QSystemTrayIcon> m_tray;
};

} // namespace Mainstay
