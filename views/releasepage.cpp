#include "releasepage.h"

#include "attemptcomparisondialog.h"

#include "cachedatabase.h"

#include "releasedurationchart.h"

#include "insights.h"

#include "appsettings.h"
#include "clock.h"
#include "dispatchdialog.h"
#include "ganttchart.h"
#include "ganttgeometry.h"
#include "ganttmermaid.h"
#include "ganttpainter.h"
#include "ganttview.h"
#include "githubclient.h"
#include "githubjson.h"
#include "outbox.h"
#include "outboxkind.h"
#include "policy.h"
#include "restjob.h"
#include "runmonitor.h"
#include "workspacestore.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolButton>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

QString runLabel(const WorkflowRun &run)
{
    QString state = run.isCompleted() ? toString(run.conclusion) : toString(run.status);
    state.replace(QLatin1Char('_'), QLatin1Char(' '));
    const QString title = run.displayTitle.isEmpty() ? run.name : run.displayTitle;
    return QStringLiteral("#%1  %2  —  %3 · %4 · %5 · %6")
        .arg(run.runNumber)
        .arg(title, state, run.headBranch, run.event,
             run.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString stateDot(GanttState state)
{
    switch (state) {
    case GanttState::Success:
        return QStringLiteral("<span style='color:#1f883d'>●</span>");
    case GanttState::Failure:
        return QStringLiteral("<span style='color:#cf222e'>●</span>");
    case GanttState::Running:
        return QStringLiteral("<span style='color:#0969da'>●</span>");
    case GanttState::Waiting:
        return QStringLiteral("<span style='color:#bf8700'>●</span>");
    default:
        return QStringLiteral("<span style='color:#8c959f'>●</span>");
    }
}

} // namespace

ReleasePage::ReleasePage(QWidget *parent)
    : WorkspacePage(parent)
    , m_workflowCombo(new QComboBox(this))
    , m_runCombo(new QComboBox(this))
    , m_attemptCombo(new QComboBox(this))
    , m_branchFilter(new QLineEdit(this))
    , m_eventFilter(new QComboBox(this))
    , m_statusFilter(new QComboBox(this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_estimateLabel(new QLabel(this))
    , m_dispatchButton(toolButton(
          tr("Run workflow…"), tr("Start the workflow (workflow_dispatch) with its inputs"), this))
    , m_rerunButton(toolButton(tr("Re-run failed"), tr("Re-run the failed jobs of this run"), this))
    , m_cancelButton(toolButton(tr("Cancel run"), tr("Cancel this run"), this))
    , m_compareButton(toolButton(tr("Compare attempts…"),
                                 tr("This attempt beside another one, job by job"), this))
    , m_approveButton(
          toolButton(tr("Review…"), tr("Approve or reject a deployment waiting for review"), this))
    , m_exportButton(toolButton(tr("Export"), tr("Save the chart as PNG, SVG or Mermaid"), this))
    , m_refreshButton(toolButton(tr("Refresh"), tr("Fetch the run now (F5)"), this))
    , m_fitButton(toolButton(tr("Fit"), tr("Show the whole run (0)"), this))
    , m_expandButton(toolButton(tr("Expand groups"), tr("Unfold every matrix group"), this))
    , m_criticalBox(new QCheckBox(tr("Critical path"), this))
    , m_view(new GanttView(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_side(new QWidget(this))
    , m_sideLayout(new QVBoxLayout(m_side))
    , m_durations(new ReleaseDurationChart(this))
    , m_tick(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(8);

    // Row 1: which run.
    auto *pick = new QHBoxLayout;
    pick->setSpacing(6);
    auto *workflowLabel = new QLabel(tr("&Workflow"), this);
    workflowLabel->setBuddy(m_workflowCombo);
    m_workflowCombo->setMinimumContentsLength(12);
    m_workflowCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *runLabelWidget = new QLabel(tr("&Run"), this);
    runLabelWidget->setBuddy(m_runCombo);
    m_runCombo->setMinimumContentsLength(24);
    m_runCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runCombo->setAccessibleName(tr("Run"));
    m_attemptCombo->setAccessibleName(tr("Attempt"));
    m_attemptCombo->setMinimumContentsLength(12);
    m_attemptCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_branchFilter->setPlaceholderText(tr("any branch"));
    m_branchFilter->setClearButtonEnabled(true);
    m_branchFilter->setMaximumWidth(120);
    m_branchFilter->setAccessibleName(tr("Branch filter"));
    m_eventFilter->addItem(tr("any event"), QString());
    for (const char *event : {"workflow_dispatch", "push", "release", "schedule", "pull_request"})
        m_eventFilter->addItem(QLatin1String(event), QLatin1String(event));
    m_statusFilter->addItem(tr("any status"), QString());
    for (const char *status :
         {"in_progress", "queued", "waiting", "completed", "success", "failure", "cancelled"})
        m_statusFilter->addItem(
            QString::fromLatin1(status).replace(QLatin1Char('_'), QLatin1Char(' ')),
            QLatin1String(status));
    pick->addWidget(workflowLabel);
    pick->addWidget(m_workflowCombo);
    pick->addSpacing(6);
    pick->addWidget(runLabelWidget);
    pick->addWidget(m_runCombo, 1);
    pick->addWidget(m_attemptCombo);
    pick->addWidget(m_refreshButton);
    layout->addLayout(pick);

    // Row 2: narrowing the runs list, and what can be done to the run.
    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_branchFilter);
    filters->addWidget(m_eventFilter);
    filters->addWidget(m_statusFilter);
    filters->addStretch(1);
    filters->addWidget(m_compareButton);
    for (QToolButton *button : {m_dispatchButton, m_rerunButton, m_cancelButton, m_approveButton})
        filters->addWidget(button);
    layout->addLayout(filters);

    // Row 3: what the run is doing; how the chart shows it.
    auto *status = new QHBoxLayout;
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::RichText);
    m_estimateLabel->setTextFormat(Qt::RichText);
    m_estimateLabel->setForegroundRole(QPalette::PlaceholderText);
    // Wrapping labels: long summaries never widen the window.
    for (QLabel *label : {m_title, m_summary, m_estimateLabel}) {
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    texts->addWidget(m_title);
    texts->addWidget(m_summary);
    texts->addWidget(m_estimateLabel);
    status->addLayout(texts, 1);
    auto *actions = new QHBoxLayout;
    actions->setSpacing(4);
    actions->addWidget(m_criticalBox, 0, Qt::AlignBottom);
    for (QToolButton *button : {m_expandButton, m_fitButton, m_exportButton})
        actions->addWidget(button, 0, Qt::AlignBottom);
    status->addLayout(actions);
    layout->addLayout(status);

    m_sideLayout->setContentsMargins(8, 0, 0, 0);
    m_side->hide();
    // How long earlier releases took, small, beside the chart; a click opens that run.
    m_durations->setCompact(true);
    m_durations->setObjectName(QStringLiteral("releaseDurationTrend"));
    m_durations->setMaximumWidth(300);
    m_durations->setMinimumWidth(240);
    m_durations->setMinimumHeight(260);
    auto *trendTitle = new QLabel(tr("<b>Earlier releases</b> — duration of each run"), this);
    trendTitle->setWordWrap(true);
    addSideWidget(trendTitle);
    addSideWidget(m_durations);
    m_sideLayout->addStretch(1);
    connect(m_durations, &ReleaseDurationChart::runClicked, this, [this](qint64 runId) {
        navigate({{QStringLiteral("run"), runId}});
    });
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    m_criticalBox->setChecked(true);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("PNG image…"), this, [this] { exportChart(QStringLiteral("png")); });
    exportMenu->addAction(tr("SVG image…"), this, [this] { exportChart(QStringLiteral("svg")); });
    exportMenu->addAction(tr("Mermaid gantt…"), this,
                          [this] { exportChart(QStringLiteral("mermaid")); });
    exportMenu->addAction(tr("Copy Mermaid gantt"), this,
                          [this] { exportChart(QStringLiteral("clipboard")); });
    exportMenu->addAction(tr("Mermaid gantt with steps…"), this,
                          [this] { exportChart(QStringLiteral("mermaid-steps")); });
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);

    connect(m_workflowCombo, &QComboBox::activated, this, [this] {
        m_userPickedRun = false;
        workflowChosen();
    });
    connect(m_runCombo, &QComboBox::activated, this, [this] {
        m_userPickedRun = true;
        runChosen();
    });
    connect(m_attemptCombo, &QComboBox::activated, this, &ReleasePage::attemptChosen);
    connect(m_branchFilter, &QLineEdit::editingFinished, this, &ReleasePage::loadRuns);
    connect(m_eventFilter, &QComboBox::activated, this, &ReleasePage::loadRuns);
    connect(m_statusFilter, &QComboBox::activated, this, &ReleasePage::loadRuns);
    connect(m_refreshButton, &QToolButton::clicked, this, [this] {
        if (m_monitor)
            m_monitor->refresh();
        loadRuns();
    });
    connect(m_fitButton, &QToolButton::clicked, m_view, &GanttView::fitToRun);
    connect(m_expandButton, &QToolButton::clicked, this, [this] {
        const bool expand = m_expandButton->text() == tr("Expand groups");
        m_view->expandAll(expand);
        m_expandButton->setText(expand ? tr("Fold groups") : tr("Expand groups"));
    });
    connect(m_criticalBox, &QCheckBox::toggled, m_view, &GanttView::setShowCriticalPath);
    connect(m_dispatchButton, &QToolButton::clicked, this, &ReleasePage::startDispatch);
    connect(m_rerunButton, &QToolButton::clicked, this, &ReleasePage::rerunFailed);
    connect(m_cancelButton, &QToolButton::clicked, this, &ReleasePage::cancelRun);
    connect(m_compareButton, &QToolButton::clicked, this, &ReleasePage::compareAttempts);
    connect(m_approveButton, &QToolButton::clicked, this, &ReleasePage::reviewDeployments);
    connect(m_view, &GanttView::jobActivated, this, [this](const WorkflowJob &job) {
        if (!job.htmlUrl.isEmpty())
            QDesktopServices::openUrl(QUrl(job.htmlUrl));
    });
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ReleasePage::tick);
    updateSummary();
    updateActions();
}

ReleasePage::~ReleasePage() = default;

QDateTime ReleasePage::now() const
{
    return context().clock ? context().clock->now() : QDateTime::currentDateTimeUtc();
}

void ReleasePage::setWorkspace(const WorkspaceContext &context)
{
    clearWorkspace();
    WorkspacePage::setWorkspace(context);
    if (!context.client)
        return;
    m_monitor = new RunMonitor(context.client, this);
    m_monitor->setRepository(context.repository);
    if (context.settings)
        m_monitor->setPollInterval(qint64(AppSettings::load(*context.settings).runPollSeconds) *
                                   1000);
    if (context.clock)
        m_monitor->setClock(context.clock);
    connect(m_monitor, &RunMonitor::updated, this, &ReleasePage::monitorUpdated);
    connect(m_monitor, &RunMonitor::runCompleted, this, &ReleasePage::runCompleted);
    connect(m_monitor, &RunMonitor::failed, this, [this](const ApiError &error) {
        if (error.kind != ApiError::Kind::Cancelled)
            Q_EMIT message(MessageBanner::Level::Warning,
                           tr("Release monitor: %1").arg(error.message()));
        updateSummary();
    });
    connect(m_monitor, &RunMonitor::fetchingChanged, this, [this] { updateSummary(); });
    connect(m_monitor, &RunMonitor::dispatchedRunFound, this, [this](qint64 runId) {
        m_pendingRunId = runId;
        m_userPickedRun = true;
        Q_EMIT statusMessage(tr("Following the new run %1").arg(runId));
        loadRuns();
    });
    m_history = new JobHistoryLoader(context.client, context.store, this);
    connect(m_history, &JobHistoryLoader::loaded, this, [this](const JobHistory &history) {
        m_jobHistory = history;
        monitorUpdated();
    });
    if (context.outbox)
        connect(context.outbox, &Outbox::entrySent, this, &ReleasePage::outboxEntrySent);
    refreshDurationTrend();
    loadWorkflows();
}

void ReleasePage::clearWorkspace()
{
    if (context().outbox)
        disconnect(context().outbox, nullptr, this, nullptr);
    delete m_monitor;
    m_monitor = nullptr;
    delete m_history;
    m_history = nullptr;
    m_tick->stop();
    m_workflows.clear();
    m_runs.clear();
    m_jobHistory = {};
    m_estimate = {};
    m_historyWorkflow = 0;
    m_workflowCombo->clear();
    m_runCombo->clear();
    m_attemptCombo->clear();
    m_view->setChart({});
    WorkspacePage::clearWorkspace();
    updateSummary();
    updateActions();
}

void ReleasePage::refreshDurationTrend()
{
    // The insights' release-duration trend, small: every cached run of the release workflow.
    if (!context().store || !context().policy) {
        m_durations->hide();
        return;
    }
    InsightsData data;
    const CacheDatabase &cache = context().store->cache();
    for (const Workflow &workflow : cache.loadWorkflows())
        if (InsightsData::isReleaseWorkflow(workflow, context().policy->release.workflow)) {
            data.releaseWorkflow = workflow.name;
            data.releaseRuns += cache.loadWorkflowRuns(workflow.id);
        }
    InsightsRequest request;
    request.range = InsightsRange::All;
    request.now = now();
    m_durations->setDurations(releaseDurations(InsightsScope(data, request)));

    m_durations->setVisible(!data.releaseRuns.isEmpty());
}

void ReleasePage::syncFinished(bool ok)
{
    Q_UNUSED(ok)
    refreshDurationTrend();
    if (m_workflows.isEmpty())
        loadWorkflows();
    else
        loadRuns();
}

void ReleasePage::activated()
{
    m_view->setFocus();
}

qint64 ReleasePage::currentRunId() const
{
    return m_monitor ? m_monitor->runId() : 0;
}

void ReleasePage::addSideWidget(QWidget *widget)
{
    widget->setParent(m_side);
    m_sideLayout->addWidget(widget);
    m_side->show();
}

QList<HelpOverlay::Entry> ReleasePage::helpEntries() const
{
    const QString group = tr("Release monitor");
    return {{QStringLiteral("↑ ↓"), tr("Select a row"), group},
            {QStringLiteral("← →  Space"), tr("Fold or unfold a section, group or job"), group},
            {QStringLiteral("Enter"), tr("Open the job's log in the browser"), group},
            {QStringLiteral("Ctrl+wheel  + −"), tr("Zoom the time axis"), group},
            {QStringLiteral("Shift+wheel  Ctrl+← →"), tr("Pan the time axis"), group},
            {QStringLiteral("0"), tr("Fit the whole run"), group}};
}

Workflow ReleasePage::currentWorkflow() const
{
    const qint64 id = m_workflowCombo->currentData().toLongLong();
    for (const Workflow &workflow : m_workflows)
        if (workflow.id == id)
            return workflow;
    return {};
}

void ReleasePage::loadWorkflows()
{
    if (!context().client)
        return;
    // The store's copy first (offline, instantly), then GitHub's.
    auto fill = [this](const QList<Workflow> &workflows) {
        if (workflows.isEmpty())
            return;
        const qint64 previous = m_workflowCombo->currentData().toLongLong();
        m_workflows = workflows;
        m_workflowCombo->clear();
        const QString wanted = context().policy ? context().policy->release.workflow : QString();
        int select = -1;
        for (const Workflow &workflow : workflows) {
            m_workflowCombo->addItem(workflow.name, workflow.id);
            if (workflow.id == previous)
                select = m_workflowCombo->count() - 1;
        }
        if (select < 0)
            for (int i = 0; i < int(workflows.size()); ++i)
                if (workflows.at(i).name.compare(wanted, Qt::CaseInsensitive) == 0 ||
                    workflows.at(i).path.section(QLatin1Char('/'), -1) == wanted)
                    select = i;
        m_workflowCombo->setCurrentIndex(std::max(0, select));
        workflowChosen();
    };
    if (context().store)
        fill(context().store->cache().loadWorkflows());
    RestJob *job = context().client->get(
        QStringLiteral("/repos/%1/actions/workflows").arg(context().repository),
        QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("100")}});
    connect(job, &RestJob::finished, this, [this, fill](RestJob *finished) {
        if (!finished->response().isOk()) {
            if (m_workflows.isEmpty())
                Q_EMIT message(
                    MessageBanner::Level::Warning,
                    tr("Cannot list the workflows: %1").arg(finished->error().message()));
            return;
        }
        auto list = GitHubJson::parseWorkflowList(finished->response().body);
        if (!list) {
            Q_EMIT message(MessageBanner::Level::Warning,
                           tr("GitHub's list of workflows is malformed: %1").arg(list.error()));
            return;
        }
        if (finished->response().isNotModified() && !m_workflows.isEmpty())
            return;
        fill(list.value().items);
    });
}

void ReleasePage::workflowChosen()
{
    m_historyWorkflow = 0;
    m_jobHistory = {};
    loadRuns();
}

void ReleasePage::loadRuns()
{
    const Workflow workflow = currentWorkflow();
    if (!workflow.id || !context().client)
        return;
    const quint64 generation = ++m_runsGeneration;
    if (context().store && m_runs.isEmpty()) {
        const QList<WorkflowRun> stored = context().store->cache().loadWorkflowRuns(workflow.id);
        if (!stored.isEmpty() && m_branchFilter->text().isEmpty() &&
            m_eventFilter->currentIndex() == 0 && m_statusFilter->currentIndex() == 0)
            runsArrived(stored);
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("50"));
    if (!m_branchFilter->text().trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("branch"), m_branchFilter->text().trimmed());
    if (!m_eventFilter->currentData().toString().isEmpty())
        query.addQueryItem(QStringLiteral("event"), m_eventFilter->currentData().toString());
    if (!m_statusFilter->currentData().toString().isEmpty())
        query.addQueryItem(QStringLiteral("status"), m_statusFilter->currentData().toString());
    RestJob *job = context().client->get(QStringLiteral("/repos/%1/actions/workflows/%2/runs")
                                             .arg(context().repository)
                                             .arg(workflow.id),
                                         query);
    connect(job, &RestJob::finished, this, [this, generation](RestJob *finished) {
        if (generation != m_runsGeneration)
            return;
        if (!finished->response().isOk()) {
            Q_EMIT message(MessageBanner::Level::Warning,
                           tr("Cannot list the runs: %1").arg(finished->error().message()));
            return;
        }
        auto runs = GitHubJson::parseWorkflowRunList(finished->response().body);
        if (!runs) {
            Q_EMIT message(MessageBanner::Level::Warning,
                           tr("GitHub's list of runs is malformed: %1").arg(runs.error()));
            return;
        }
        runsArrived(runs.value().items);
    });
}

void ReleasePage::runsArrived(const QList<WorkflowRun> &runs)
{
    const qint64 current = m_runCombo->currentData().toLongLong();
    m_runs = runs;
    if (m_pendingRunId != 0 &&
        std::none_of(runs.cbegin(), runs.cend(),
                     [this](const WorkflowRun &run) { return run.id == m_pendingRunId; })) {
        // A run from elsewhere (navigate, a dispatch not listed yet): list it too.
        WorkflowRun placeholder;
        placeholder.id = m_pendingRunId;
        placeholder.name = tr("Run %1").arg(m_pendingRunId);
        m_runs.prepend(placeholder);
    }
    m_runCombo->clear();
    for (const WorkflowRun &run : std::as_const(m_runs))
        m_runCombo->addItem(run.runNumber ? runLabel(run) : run.name, run.id);
    qint64 select = 0;
    if (m_pendingRunId) {
        select = m_pendingRunId;
    } else if (m_userPickedRun && current) {
        select = current;
    } else {
        // The run in progress when there is one, else the newest.
        for (const WorkflowRun &run : std::as_const(m_runs))
            if (!run.isCompleted()) {
                select = run.id;
                break;
            }
        if (!select && !m_runs.isEmpty())
            select = m_runs.first().id;
    }
    const int index = m_runCombo->findData(select);
    m_runCombo->setCurrentIndex(std::max(0, index));
    if (m_runCombo->count() == 0) {
        updateSummary();
        updateActions();
        return;
    }
    const qint64 chosen = m_runCombo->currentData().toLongLong();
    if (!m_monitor || m_monitor->runId() != chosen || m_pendingRunId)
        runChosen();
}

void ReleasePage::runChosen()
{
    if (!m_monitor)
        return;
    const qint64 runId = m_runCombo->currentData().toLongLong();
    if (!runId)
        return;
    const int attempt = m_pendingRunId == runId ? m_pendingAttempt : 0;
    m_pendingRunId = 0;
    m_pendingAttempt = 0;
    m_attemptCombo->clear();
    m_expandButton->setText(tr("Expand groups"));
    m_monitor->watch(runId, attempt);
    updateSummary();
}

void ReleasePage::attemptChosen()
{
    if (!m_monitor || !m_monitor->runId())
        return;
    const int attempt = m_attemptCombo->currentData().toInt();
    if (attempt == m_monitor->attempt())
        return;
    m_monitor->watch(m_monitor->runId(), attempt);
}

void ReleasePage::monitorUpdated()
{
    if (!m_monitor || !m_monitor->hasRun()) {
        updateSummary();
        return;
    }
    const WorkflowRun &run = m_monitor->run();
    // Attempts: latest first; "latest" (0) follows a re-run.
    if (m_attemptCombo->count() != run.runAttempt + (run.runAttempt > 1 ? 1 : 0) ||
        m_attemptCombo->count() == 0) {
        m_attemptCombo->clear();
        m_attemptCombo->addItem(tr("Latest attempt (%1)").arg(run.runAttempt), 0);
        if (run.runAttempt > 1)
            for (int n = run.runAttempt; n >= 1; --n)
                m_attemptCombo->addItem(tr("Attempt %1").arg(n), n);
        m_attemptCombo->setCurrentIndex(
            std::max(0, m_attemptCombo->findData(m_monitor->attempt())));
    }
    m_attemptCombo->setEnabled(run.runAttempt > 1);
    // History for the estimate, once per workflow.
    if (m_history && run.workflowId && m_historyWorkflow != run.workflowId) {
        m_historyWorkflow = run.workflowId;
        m_history->load(context().repository, QString::number(run.workflowId),
                        JobHistoryLoader::DefaultRuns, run.id);
    }
    tick();
    if (run.isCompleted())
        m_tick->stop();
    else if (!m_tick->isActive())
        m_tick->start();
    updateActions();
}

void ReleasePage::tick()
{
    if (!m_monitor || !m_monitor->hasRun())
        return;
    const QList<GanttSectionRule> rules =
        context().policy ? context().policy->ganttSections : QList<GanttSectionRule>();
    const GanttChart chart =
        GanttChart::build(m_monitor->run(), m_monitor->jobs(), rules, now().toUTC());
    m_estimate = estimateRun(chart, m_jobHistory);
    m_view->setChart(chart, m_estimate);
    updateSummary();
}

void ReleasePage::updateSummary()
{
    if (!m_monitor || !m_monitor->hasRun()) {
        m_title->setText(context().isValid() ? tr("Release monitor") : tr("No workspace open"));
        QString text;
        if (m_monitor && m_monitor->isFetching())
            text = tr("Fetching the run and all its jobs…");
        else if (m_monitor && m_monitor->lastError().isError())
            text = m_monitor->lastError().message().toHtmlEscaped();
        else if (context().isValid() && m_workflows.isEmpty())
            text = tr("Looking for the repository's workflows…");
        else if (context().isValid() && m_runCombo->count() == 0)
            text = tr("This workflow has no runs yet. Start one with “Run workflow…”.");
        m_summary->setText(text);
        m_estimateLabel->clear();
        return;
    }
    const GanttChart &chart = m_view->chart();
    const WorkflowRun &run = m_monitor->run();
    QString title = run.displayTitle.isEmpty() ? run.name : run.displayTitle;
    title += QStringLiteral("  #%1").arg(run.runNumber);
    if (run.runAttempt > 1 || m_monitor->attempt() > 0)
        title +=
            tr("  · attempt %1").arg(m_monitor->attempt() ? m_monitor->attempt() : run.runAttempt);
    m_title->setText(title);
    const GanttProgress progress = chart.progress();
    const GanttState runState = ganttState(run.status, run.conclusion);
    QStringList parts;
    QString state = ganttStateName(runState);
    state[0] = state[0].toUpper();
    parts << stateDot(runState) + QStringLiteral(" <b>%1</b>").arg(state);
    parts << tr("%1/%2 jobs done").arg(progress.done).arg(progress.total);
    if (progress.running)
        parts << tr("%1 running").arg(progress.running);
    // The progress counts jobs waiting for approval as queued; they are told apart here.
    int waiting = 0;
    for (const WorkflowJob &job : chart.jobs)
        waiting += ganttState(job) == GanttState::Waiting;
    if (progress.queued > waiting)
        parts << tr("%1 queued").arg(progress.queued - waiting);
    if (waiting)
        parts << QStringLiteral("<span style='color:#bf8700'><b>%1</b></span>")
                     .arg(tr("%n waiting for approval", nullptr, waiting));
    if (progress.failed)
        parts << QStringLiteral("<span style='color:#cf222e'><b>%1</b></span>")
                     .arg(tr("%n failed", nullptr, progress.failed));
    parts << (run.isCompleted() ? tr("took %1") : tr("elapsed %1"))
                 .arg(formatDuration(chart.durationSeconds()));
    parts << QStringLiteral("%1 · %2 · %3")
                 .arg(run.headBranch.toHtmlEscaped(), run.event.toHtmlEscaped(),
                      run.actor.login.toHtmlEscaped());
    if (m_monitor->isFetching())
        parts << tr("updating…");
    m_summary->setText(parts.join(QStringLiteral(" · ")));

    QStringList estimate;
    if (m_estimate.isValid()) {
        const qint64 left = std::max<qint64>(0, chart.now.secsTo(m_estimate.predictedEnd));
        estimate << tr("Predicted end <b>%1</b> (in %2, from the median of %n earlier "
                       "successful run(s))",
                       nullptr, m_jobHistory.runs)
                        .arg(
                            m_estimate.predictedEnd.toLocalTime().toString(QStringLiteral("HH:mm")),
                            formatDuration(left));
        if (std::abs(m_estimate.pace - 1.0) > 0.15)
            estimate << tr("jobs take %1× their usual time in this run")
                            .arg(QString::number(m_estimate.pace, 'g', 2));
    } else if (!run.isCompleted()) {
        estimate << (m_history && m_history->isLoading()
                         ? tr("Estimating from earlier runs…")
                         : tr("No estimate: no earlier successful run to compare with"));
    }
    const int critical = int(m_view->criticalPath().size());
    if (critical)
        estimate << tr("critical path: %n job(s)", nullptr, critical);
    if (!m_estimate.overrunning.isEmpty())
        estimate << QStringLiteral("<span style='color:#bc4c00'>⚠ %1</span>")
                        .arg(tr("%n job(s) running longer than usual", nullptr,
                                int(m_estimate.overrunning.size())));
    if (!run.isCompleted() && m_monitor->isPolling())
        estimate << tr("polling every %1").arg(formatDuration(m_monitor->currentInterval() / 1000));
    m_estimateLabel->setText(estimate.join(QStringLiteral(" · ")));
}

void ReleasePage::updateActions()
{
    const bool has = m_monitor && m_monitor->hasRun();
    const bool writable = context().outbox != nullptr;
    const WorkflowRun run = has ? m_monitor->run() : WorkflowRun();
    m_dispatchButton->setEnabled(writable && currentWorkflow().id != 0);
    const bool failedJobs = has && m_view->chart().failedJobs() > 0;
    m_rerunButton->setEnabled(
        writable && has && run.isCompleted() &&
        (failedJobs || isFailing(run.conclusion) || run.conclusion == RunConclusion::Cancelled));
    m_cancelButton->setEnabled(writable && has && !run.isCompleted());
    m_compareButton->setEnabled(has && run.runAttempt > 1 && !m_compareMonitor);
    // Only a run with a job waiting for a review has anything to approve.
    bool waiting = has && run.status == RunStatus::Waiting;
    for (const WorkflowJob &job : has ? m_view->chart().jobs : QList<WorkflowJob>())
        waiting = waiting || ganttState(job) == GanttState::Waiting;
    m_approveButton->setEnabled(writable && has && !run.isCompleted() && waiting);
    m_exportButton->setEnabled(has);
    m_fitButton->setEnabled(has);
    m_expandButton->setEnabled(has);
    if (!writable)
        m_dispatchButton->setToolTip(tr("Needs the workspace's store (the outbox) to send writes"));
}

void ReleasePage::compareAttempts()
{
    if (!m_monitor || !m_monitor->hasRun() || !context().client || m_compareMonitor)
        return;
    const WorkflowRun run = m_monitor->run();
    const int shown = m_monitor->attempt() > 0 ? m_monitor->attempt() : run.runAttempt;
    QStringList others;
    for (int n = run.runAttempt; n >= 1; --n)
        if (n != shown)
            others.append(tr("Attempt %1").arg(n));
    if (others.isEmpty())
        return;
    bool ok = false;
    const QString picked =
        QInputDialog::getItem(this, tr("Compare attempts"),
                              tr("Compare attempt %1 with:").arg(shown), others, 0, false, &ok);
    if (ok)
        compareWithAttempt(picked.section(QLatin1Char(' '), -1).toInt());
}

void ReleasePage::compareWithAttempt(int other)
{
    if (!m_monitor || !m_monitor->hasRun() || !context().client || m_compareMonitor)
        return;
    const WorkflowRun run = m_monitor->run();
    const int shown = m_monitor->attempt() > 0 ? m_monitor->attempt() : run.runAttempt;
    if (other < 1 || other > run.runAttempt || other == shown)
        return;
    const QList<WorkflowJob> shownJobs = m_monitor->jobs();
    // The other attempt's jobs, every page, once (no polling).
    m_compareMonitor = new RunMonitor(context().client, this);
    m_compareMonitor->setRepository(context().repository);
    m_compareMonitor->setPolling(false);
    if (context().clock)
        m_compareMonitor->setClock(context().clock);
    updateActions();
    auto finish = [this] {
        m_compareMonitor->deleteLater();
        m_compareMonitor = nullptr;
        updateActions();
    };
    connect(m_compareMonitor, &RunMonitor::updated, this, [=, this] {
        if (!m_compareMonitor || m_compareMonitor->isFetching())
            return;
        const QList<WorkflowJob> otherJobs = m_compareMonitor->jobs();
        finish();
        const int first = std::min(shown, other);
        const int second = std::max(shown, other);
        const QList<AttemptComparisonRow> rows = Mainstay::compareAttempts(
            first == shown ? shownJobs : otherJobs, first == shown ? otherJobs : shownJobs, now());
        auto *dialog = new AttemptComparisonDialog(first, second, rows, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setObjectName(QStringLiteral("attemptComparison"));
        dialog->open();
    });
    connect(m_compareMonitor, &RunMonitor::failed, this, [=, this](const ApiError &error) {
        finish();
        Q_EMIT message(MessageBanner::Level::Warning,
                       tr("Could not read attempt %1: %2").arg(other).arg(error.message()));
    });
    m_compareMonitor->watch(run.id, other);
}

void ReleasePage::runCompleted(const WorkflowRun &run)
{
    const GanttChart &chart = m_view->chart();
    const bool failed = run.conclusion != RunConclusion::Success;
    const QString title =
        tr("%1 #%2 %3").arg(run.name).arg(run.runNumber).arg(toString(run.conclusion));
    const QString text = tr("%1 jobs, %2 failed, took %3")
                             .arg(chart.jobs.size())
                             .arg(chart.failedJobs())
                             .arg(formatDuration(chart.durationSeconds()));
    notify(title, text, failed);
    updateActions();
}

void ReleasePage::notify(const QString &title, const QString &text, bool failure)
{
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(QStringLiteral("Mainstay"));
        }
        m_tray->show();
        m_tray->showMessage(title, text,
                            failure ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information,
                            15'000);
    }
    // The page's banner too: the tray message fades, the banner stays until dismissed.
    Q_EMIT message(failure ? MessageBanner::Level::Error : MessageBanner::Level::Information,
                   title + QStringLiteral(" — ") + text);
}

QString ReleasePage::workflowRef(const Workflow &workflow) const
{
    Q_UNUSED(workflow)
    if (context().policy && !context().policy->release.branch.isEmpty())
        return context().policy->release.branch;
    return QStringLiteral("main");
}

void ReleasePage::startDispatch()
{
    const Workflow workflow = currentWorkflow();
    if (!workflow.id || !context().client)
        return;
    // The inputs come from the workflow file as it is on the branch the run will use.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("ref"), workflowRef(workflow));
    QString path = workflow.path;
    RestJob *job = context().client->get(
        QStringLiteral("/repos/%1/contents/%2").arg(context().repository, path), query);
    m_dispatchButton->setEnabled(false);
    connect(job, &RestJob::finished, this, [this](RestJob *finished) {
        updateActions();
        if (!finished->response().isOk()) {
            Q_EMIT message(MessageBanner::Level::Warning,
                           tr("Cannot read the workflow file, so its inputs are unknown: %1")
                               .arg(finished->error().message()));
            showDispatchForm({});
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(finished->response().body).object();
        const QByteArray content =
            QByteArray::fromBase64(object.value(QLatin1String("content")).toString().toLatin1(),
                                   QByteArray::IgnoreBase64DecodingErrors);
        showDispatchForm(content);
    });
}

void ReleasePage::showDispatchForm(const QByteArray &workflowFile)
{
    const Workflow workflow = currentWorkflow();
    WorkflowDispatchSpec spec;
    if (!workflowFile.isEmpty()) {
        spec = parseWorkflowDispatch(workflowFile);
        if (!spec.error.isEmpty()) {
            Q_EMIT message(MessageBanner::Level::Warning, spec.error);
        } else if (!spec.dispatchable) {
            Q_EMIT message(MessageBanner::Level::Warning,
                           tr("%1 has no workflow_dispatch trigger, so it cannot be started "
                              "from here.")
                               .arg(workflow.path));
            return;
        }
    }
    DispatchDialog dialog(workflow.name, spec.inputs, workflowRef(workflow), {}, this);
    // The version from the newest release-notes draft, when there is one.
    const int versionIndex = versionInputIndex(spec.inputs);
    if (versionIndex >= 0 && context().store) {
        const UserDataDatabase &data = context().store->userData();
        QString newestKey;
        QDateTime newest;
        for (const QString &key : data.draftKeys())
            if (key.startsWith(QLatin1String("release-notes/"))) {
                const QDateTime saved = data.draftSavedAt(key);
                if (!newest.isValid() || saved > newest) {
                    newest = saved;
                    newestKey = key;
                }
            }
        if (!newestKey.isEmpty())
            dialog.setValue(spec.inputs.at(versionIndex).name,
                            newestKey.mid(int(qstrlen("release-notes/"))));
    }
    if (dialog.exec() != QDialog::Accepted || !context().outbox)
        return;
    QSet<qint64> known;
    for (const WorkflowRun &run : std::as_const(m_runs))
        known.insert(run.id);
    const QString file = workflow.path.section(QLatin1Char('/'), -1);
    if (!context().outbox->dispatchWorkflow(file, dialog.ref(), dialog.inputs())) {
        Q_EMIT message(MessageBanner::Level::Error, tr("Could not queue the dispatch."));
        return;
    }
    Q_EMIT statusMessage(tr("Starting %1 on %2…").arg(workflow.name, dialog.ref()));
    m_monitor->followDispatch(QString::number(workflow.id), dialog.ref(), now().toUTC(), known);
    updateSummary();
}

void ReleasePage::rerunFailed()
{
    if (!m_monitor || !m_monitor->hasRun() || !context().outbox)
        return;
    const WorkflowRun &run = m_monitor->run();
    const int failed = m_view->chart().failedJobs();
    if (QMessageBox::question(this, tr("Re-run failed jobs"),
                              tr("Re-run the %n failed job(s) of %1 #%2 (and the jobs that "
                                 "depend on them)?",
                                 nullptr, std::max(1, failed))
                                  .arg(run.name)
                                  .arg(run.runNumber)) != QMessageBox::Yes)
        return;
    context().outbox->rerunFailedJobs(run.id);
    Q_EMIT statusMessage(tr("Re-run of the failed jobs queued"));
}

void ReleasePage::cancelRun()
{
    if (!m_monitor || !m_monitor->hasRun() || !context().outbox)
        return;
    const WorkflowRun &run = m_monitor->run();
    if (QMessageBox::warning(
            this, tr("Cancel run"),
            tr("Cancel %1 #%2? Jobs still running are stopped.").arg(run.name).arg(run.runNumber),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    context().outbox->cancelRun(run.id);
    Q_EMIT statusMessage(tr("Cancel queued"));
}

void ReleasePage::reviewDeployments()
{
    if (!m_monitor || !m_monitor->hasRun() || !context().client)
        return;
    const qint64 runId = m_monitor->run().id;
    RestJob *job =
        context().client->get(QStringLiteral("/repos/%1/actions/runs/%2/pending_deployments")
                                  .arg(context().repository)
                                  .arg(runId));
    connect(job, &RestJob::finished, this, [this, runId](RestJob *finished) {
        if (!finished->response().isOk()) {
            Q_EMIT message(
                MessageBanner::Level::Warning,
                tr("Cannot read the waiting deployments: %1").arg(finished->error().message()));
            return;
        }
        const QJsonArray pending = QJsonDocument::fromJson(finished->response().body).array();
        if (pending.isEmpty()) {
            Q_EMIT message(MessageBanner::Level::Information,
                           tr("No deployment of this run is waiting for review."));
            return;
        }
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Review deployments"));
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(new QLabel(tr("Environments waiting for your review:"), &dialog));
        auto *list = new QListWidget(&dialog);
        for (const QJsonValue &value : pending) {
            const QJsonObject environment =
                value.toObject().value(QLatin1String("environment")).toObject();
            auto *item =
                new QListWidgetItem(environment.value(QLatin1String("name")).toString(), list);
            item->setData(Qt::UserRole, environment.value(QLatin1String("id")).toInteger());
            const bool canApprove =
                value.toObject().value(QLatin1String("current_user_can_approve")).toBool(true);
            item->setFlags(canApprove ? item->flags() | Qt::ItemIsUserCheckable
                                      : item->flags() & ~Qt::ItemIsEnabled);
            item->setCheckState(canApprove ? Qt::Checked : Qt::Unchecked);
        }
        layout->addWidget(list);
        auto *comment = new QLineEdit(&dialog);
        comment->setPlaceholderText(tr("Comment (required by GitHub)"));
        layout->addWidget(comment);
        auto *buttons = new QDialogButtonBox(&dialog);
        QPushButton *approve = buttons->addButton(tr("Approve"), QDialogButtonBox::AcceptRole);
        QPushButton *reject = buttons->addButton(tr("Reject"), QDialogButtonBox::DestructiveRole);
        buttons->addButton(QDialogButtonBox::Cancel);
        bool approved = false;
        connect(approve, &QPushButton::clicked, &dialog, [&] {
            approved = true;
            dialog.accept();
        });
        connect(reject, &QPushButton::clicked, &dialog, [&] {
            approved = false;
            dialog.accept();
        });
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        layout->addWidget(buttons);
        if (dialog.exec() != QDialog::Accepted || !context().outbox)
            return;
        QList<qint64> ids;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                ids.append(list->item(i)->data(Qt::UserRole).toLongLong());
        if (ids.isEmpty())
            return;
        context().outbox->reviewDeployments(
            runId, ids, approved,
            comment->text().trimmed().isEmpty()
                ? (approved ? tr("Approved in Mainstay") : tr("Rejected in Mainstay"))
                : comment->text().trimmed());
    });
}

void ReleasePage::outboxEntrySent(const OutboxEntry &entry)
{
    if (!m_monitor)
        return;
    const qint64 runId = entry.payload.value(QLatin1String("run_id")).toInteger();
    if (entry.kind == OutboxKind::RerunFailedJobs && runId == m_monitor->runId()) {
        // Watch the latest attempt, which the re-run just started.
        m_monitor->watch(runId, 0);
    } else if ((entry.kind == OutboxKind::CancelRun ||
                entry.kind == OutboxKind::ReviewDeployments) &&
               runId == m_monitor->runId()) {
        m_monitor->refresh();
    }
}

void ReleasePage::exportChart(const QString &format)
{
    if (!m_monitor || !m_monitor->hasRun())
        return;
    const GanttChart &chart = m_view->chart();
    if (format == QLatin1String("clipboard")) {
        QApplication::clipboard()->setText(toMermaidGantt(chart));
        Q_EMIT statusMessage(tr("Mermaid gantt copied"));
        return;
    }
    const bool mermaid = format.startsWith(QLatin1String("mermaid"));
    const QString suffix = mermaid ? QStringLiteral("mmd") : format;
    const QString name =
        QStringLiteral("%1-%2.%3")
            .arg(chart.run.name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')))
            .arg(chart.run.runNumber)
            .arg(suffix);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the chart"), name);
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT message(MessageBanner::Level::Error,
                       tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    QString error;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    if (mermaid) {
        MermaidOptions options;
        options.steps = format == QLatin1String("mermaid-steps");
        file.write(toMermaidGantt(chart, options).toUtf8());
    } else if (format == QLatin1String("svg")) {
        error = GanttExport::writeSvg(&file, chart, m_estimate, false, dark);
    } else {
        error = GanttExport::writePng(&file, chart, m_estimate, false, dark);
    }
    if (error.isEmpty() && !file.commit())
        error = file.errorString();
    if (!error.isEmpty())
        Q_EMIT message(MessageBanner::Level::Error, tr("Export failed: %1").arg(error));
    else
        Q_EMIT statusMessage(tr("Chart saved to %1").arg(path));
}

void ReleasePage::navigate(const QVariantMap &arguments)
{
    if (arguments.contains(QStringLiteral("workflow"))) {
        const QString wanted = arguments.value(QStringLiteral("workflow")).toString();
        for (int i = 0; i < int(m_workflows.size()); ++i)
            if (m_workflows.at(i).name.compare(wanted, Qt::CaseInsensitive) == 0 ||
                QString::number(m_workflows.at(i).id) == wanted) {
                m_workflowCombo->setCurrentIndex(i);
                workflowChosen();
            }
    }
    const qint64 runId = arguments.value(QStringLiteral("run")).toLongLong();
    if (!runId)
        return;
    m_pendingRunId = runId;
    m_pendingAttempt = arguments.value(QStringLiteral("attempt")).toInt();
    m_userPickedRun = true;
    const int index = m_runCombo->findData(runId);
    if (index >= 0) {
        m_runCombo->setCurrentIndex(index);
        runChosen();
    } else {
        loadRuns();
    }
}

} // namespace Mainstay
