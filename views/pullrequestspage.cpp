#include "pullrequestspage.h"

#include "cachedatabase.h"
#include "hygienecontextfromstore.h"

#include "issuelistmodel.h"
#include "outbox.h"
#include "outboxoverlay.h"
#include "pendingreleasemodel.h"
#include "policy.h"
#include "pullrequesthygienedelegate.h"
#include "pullrequesthygienemodel.h"
#include "workspacestore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

using Model = PullRequestHygieneModel;

// "1 label", "3 labels": English plurals without a translation catalogue.
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

// The merged list's rows as tall as the open list's, so the two tabs look alike.
class RowDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), QFontMetrics(option.font).height() + 12));
        return size;
    }
};

QTreeView *makeView(QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAllColumnsShowFocus(true);
    view->setSortingEnabled(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->setAlternatingRowColors(true);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionsMovable(false);
    return view;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// `code` spans of the rules' messages, shown as code; everything else stays plain text.
QString messageHtml(const QString &message)
{
    const QStringList parts = message.split(QLatin1Char('`'));
    QString html;
    for (qsizetype i = 0; i < parts.size(); ++i)
        html +=
            i % 2 ? QStringLiteral("<code>%1</code>").arg(escaped(parts[i])) : escaped(parts[i]);
    return html;
}

} // namespace

PullRequestsPage::PullRequestsPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_model(new PullRequestHygieneModel(this))
    , m_proxy(new PullRequestHygieneFilterModel(this))
    , m_merged(new PendingReleaseModel(this))
    , m_mergedProxy(new QSortFilterProxyModel(this))
    , m_delegate(new PullRequestHygieneDelegate(this))
    , m_tabs(new QTabWidget(this))
    , m_filter(new QLineEdit(this))
    , m_onlyProblems(new QCheckBox(tr("Only &problems"), this))
    , m_counts(new QLabel(this))
    , m_fixSelected(new QPushButton(tr("Fix selected"), this))
    , m_openView(makeView(this))
    , m_mergedView(makeView(this))
    , m_detailTitle(new QLabel(this))
    , m_detail(new QTextBrowser(this))
    , m_detailFix(new QPushButton(tr("Fix"), this))
    , m_detailOpen(new QPushButton(tr("Open on GitHub"), this))
    , m_mergedNote(new QLabel(this))
    , m_empty(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_mergedProxy->setSourceModel(m_merged);
    m_mergedProxy->setSortRole(PendingReleaseModel::SortRole);

    m_filter->setPlaceholderText(tr("Filter by number, title, author or label  (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter pull requests"));
    m_onlyProblems->setToolTip(tr("Show only pull requests with something to fix (Alt+P)"));
    m_fixSelected->setToolTip(
        tr("Queue the label fixes of the selected rows, one change per item (F)"));
    m_counts->setTextFormat(Qt::PlainText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_onlyProblems);
    bar->addSpacing(12);
    bar->addWidget(m_counts);
    bar->addSpacing(12);
    bar->addWidget(m_fixSelected);

    // The open list with the selected PR's summary under it.
    m_openView->setModel(m_proxy);
    m_openView->setItemDelegate(m_delegate);
    m_openView->sortByColumn(Model::NumberColumn, Qt::DescendingOrder);
    m_openView->setAccessibleName(tr("Open pull requests"));

    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 6, 0, 0);
    auto *detailHeader = new QHBoxLayout;
    m_detailTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    detailHeader->addWidget(m_detailTitle, 1);
    detailHeader->addWidget(m_detailOpen);
    detailHeader->addWidget(m_detailFix);
    detailLayout->addLayout(detailHeader);
    m_detail->setOpenLinks(false);
    m_detail->setAccessibleName(tr("Hygiene summary"));
    detailLayout->addWidget(m_detail, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_openView);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({520, 190});

    auto *mergedPage = new QWidget(this);
    auto *mergedLayout = new QVBoxLayout(mergedPage);
    mergedLayout->setContentsMargins(0, 6, 0, 0);
    m_mergedNote->setWordWrap(true);
    m_mergedNote->setTextFormat(Qt::PlainText);
    mergedLayout->addWidget(m_mergedNote);
    m_mergedView->setModel(m_mergedProxy);
    m_mergedView->setItemDelegate(new RowDelegate(m_mergedView));
    m_mergedView->sortByColumn(PendingReleaseModel::MergedColumn, Qt::DescendingOrder);
    m_mergedView->setAccessibleName(tr("Merged pull requests awaiting a release label"));
    mergedLayout->addWidget(m_mergedView, 1);

    m_tabs->addTab(splitter, tr("Open"));
    m_tabs->addTab(mergedPage, tr("Merged, missing pending-release"));
    m_tabs->setDocumentMode(true);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_empty, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &PullRequestHygieneFilterModel::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &PullRequestsPage::updateActions);
    connect(m_onlyProblems, &QCheckBox::toggled, this, [this](bool only) {
        m_proxy->setOnlyProblems(only);
        updateActions();
    });
    connect(m_fixSelected, &QPushButton::clicked, this, &PullRequestsPage::fixSelected);
    connect(
        m_delegate, &PullRequestHygieneDelegate::fixClicked, this,
        [this](const QModelIndex &index) { fixPullRequests({m_proxy->mapToSource(index).row()}); });
    connect(m_detailFix, &QPushButton::clicked, this, [this] {
        const int row = currentSourceRow();
        if (row >= 0)
            fixPullRequests({row});
    });
    connect(m_detailOpen, &QPushButton::clicked, this, [this] { openOnGitHub(m_openView); });
    connect(m_openView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PullRequestsPage::updateActions);
    connect(m_openView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PullRequestsPage::updateDetail);
    connect(m_mergedView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PullRequestsPage::updateActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PullRequestsPage::updateActions);
    connect(m_openView, &QTreeView::activated, this, [this] { openOnGitHub(m_openView); });
    connect(m_mergedView, &QTreeView::activated, this, [this] { openOnGitHub(m_mergedView); });
    connect(m_openView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &position) { showContextMenu(m_openView, position); });
    connect(m_mergedView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &position) { showContextMenu(m_mergedView, position); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PullRequestsPage::updateDetail);

    // F fixes the selection of either list (typed into the filter, it is just a letter).
    m_openView->installEventFilter(this);
    m_mergedView->installEventFilter(this);

    updateDetail();
    updateActions();
}

PullRequestsPage::~PullRequestsPage() = default;

bool PullRequestsPage::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_openView || watched == m_mergedView) && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F && !(key->modifiers() & ~Qt::KeypadModifier)) {
            fixSelected();
            return true;
        }
    }
    return WorkspacePage::eventFilter(watched, event);
}

void PullRequestsPage::setWorkspace(const WorkspaceContext &context)
{
    WorkspacePage::setWorkspace(context);
    for (const QMetaObject::Connection &connection : std::as_const(m_outboxConnections))
        disconnect(connection);
    m_outboxConnections.clear();
    if (context.policy) {
        m_model->setPolicy(*context.policy);
        m_merged->setPolicy(*context.policy);
    }
    m_model->setClock(context.clock);
    m_model->setRepositoryWebUrl(context.webUrl.toString());
    connectOutbox();
    m_dirty = true;
    reload();
}

void PullRequestsPage::clearWorkspace()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_outboxConnections))
        disconnect(connection);
    m_outboxConnections.clear();
    WorkspacePage::clearWorkspace();
    m_model->clear();
    m_merged->clear();
    updateDetail();
    updateActions();
}

void PullRequestsPage::connectOutbox()
{
    Outbox *outbox = context().outbox;
    if (!outbox)
        return;
    m_outboxConnections.append(
        connect(outbox, &Outbox::entryQueued, this, &PullRequestsPage::onOutboxChanged));
    m_outboxConnections.append(connect(
        outbox, &Outbox::entryFailed, this,
        [this](const OutboxEntry &entry, const QString &, bool) { onOutboxChanged(entry); }));
    m_outboxConnections.append(
        connect(outbox, &Outbox::entrySent, this, &PullRequestsPage::refreshPending));
}

void PullRequestsPage::onOutboxChanged(const OutboxEntry &)
{
    // The overlay changes the labels the rules see: run them again (or when shown next). While
    // this page queues a batch, it reloads once at the end.
    if (isVisible() && !m_queueing)
        reload();
    else
        m_dirty = true;
}

void PullRequestsPage::syncFinished(bool)
{
    if (isVisible())
        reload();
    else
        m_dirty = true;
}

void PullRequestsPage::activated()
{
    if (m_dirty)
        reload();
}

void PullRequestsPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void PullRequestsPage::navigate(const QVariantMap &arguments)
{
    if (arguments.contains(QStringLiteral("number"))) {
        const int row = m_model->rowOfNumber(arguments.value(QStringLiteral("number")).toInt());
        if (row >= 0) {
            m_tabs->setCurrentIndex(0);
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            m_openView->setCurrentIndex(index);
            m_openView->scrollTo(index);
        }
    }
}

QList<HelpOverlay::Entry> PullRequestsPage::helpEntries() const
{
    const QString group = tr("Pull requests");
    return {
        {QStringLiteral("F"), tr("Fix the selected pull requests (one outbox entry each)"), group},
        {QStringLiteral("Alt+P"), tr("Show only pull requests with problems"), group},
        {QStringLiteral("Enter"), tr("Open the pull request on GitHub"), group},
        {QStringLiteral("Menu"), tr("Open, copy the link or fix"), group},
    };
}

void PullRequestsPage::setChangedFilesLookup(std::function<std::optional<QStringList>(int)> lookup)
{
    m_changedFiles = std::move(lookup);
    m_dirty = true;
    if (isVisible())
        reload();
}

void PullRequestsPage::reload()
{
    m_dirty = false;
    const WorkspaceContext &ctx = context();
    if (!ctx.isValid() || !ctx.store) {
        m_model->clear();
        m_merged->clear();
        m_empty->setText(tr("Open a workspace to check its pull requests."));
        m_tabs->hide();
        m_empty->show();
        updateActions();
        return;
    }
    // Keep the selection and the current row across the rebuild, by number.
    QList<int> selected;
    for (const int row : selectedSourceRows(m_openView))
        if (const PullRequest *pull = m_model->pullRequest(row))
            selected.append(pull->number);
    const PullRequest *currentPull = m_model->pullRequest(currentSourceRow());
    const int current = currentPull ? currentPull->number : 0;

    // The same input `mainstay lint` builds (hygienecontextfromstore.h), so the list and the
    // command line report the same findings for the same store.
    const HygieneItems items = hygieneItemsFromStore(*ctx.store);
    HygieneContext context = hygieneContextFromStore(*ctx.store, *ctx.policy, ctx.clock);
    if (m_changedFiles)
        context.changedFiles = m_changedFiles;
    QHash<int, QString> titles;
    for (const Issue &item : ctx.issues ? ctx.issues->issues() : ctx.store->cache().loadIssues())
        titles.insert(item.number, item.title);
    const QList<OutboxEntry> pending = ctx.outbox ? ctx.outbox->pending() : QList<OutboxEntry>();
    m_model->setData(items.pullRequests, context);
    m_merged->setData(items.pullRequests, context, titles);
    const QSet<int> pendingNumbers = OutboxOverlay::pendingIssueNumbers(pending);
    m_model->setPendingNumbers(pendingNumbers);
    m_merged->setPendingNumbers(pendingNumbers);

    m_mergedNote->setText(
        context.lastRelease.isValid()
            ? tr("Issues fixed by pull requests merged since the last release (%1) should carry "
                 "the release label, so that the release notifies them.")
                  .arg(QLocale().toString(context.lastRelease.toLocalTime().date(),
                                          QLocale::LongFormat))
            : tr("Issues fixed by merged pull requests should carry the release label until a "
                 "release ships them (no release is cached yet)."));
    m_tabs->setTabText(1, tr("Merged, missing pending-release (%1)").arg(m_merged->rowCount()));
    m_tabs->setTabText(0, tr("Open (%1)").arg(m_model->rowCount()));

    const bool empty = m_model->rowCount() == 0 && m_merged->rowCount() == 0;
    m_empty->setText(tr("No pull requests in the cache yet. They appear after the first sync."));
    m_empty->setVisible(empty);
    m_tabs->setVisible(!empty);

    if (!m_columnsSized && m_model->rowCount() > 0) {
        m_columnsSized = true;
        QHeaderView *header = m_openView->header();
        const QFontMetrics metrics(m_openView->font());
        auto width = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 14; };
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setSectionResizeMode(Model::TitleColumn, QHeaderView::Stretch);
        // Badge-only columns (hold, draft, CI) are as wide as their header; the label columns
        // hold a badge and about two chips.
        const int badge = 22;
        const QFont chipFont = [&] {
            QFont font = m_openView->font();
            font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
            font.setWeight(QFont::DemiBold);
            return font;
        }();
        const QFontMetrics chips(chipFont);
        header->setMinimumSectionSize(36);
        header->resizeSection(Model::NumberColumn, width(QStringLiteral("#00000")));
        header->resizeSection(Model::SemanticTitleColumn, width(QStringLiteral("Semantic")));
        header->resizeSection(
            Model::TypeLabelColumn,
            badge + chips.horizontalAdvance(QStringLiteral("+internaldependencies")) + 52);
        header->resizeSection(Model::SizeLabelColumn,
                              badge + chips.horizontalAdvance(QStringLiteral("size/XL+size/XS")) +
                                  36);
        header->resizeSection(Model::LinkedIssueColumn, badge + width(QStringLiteral("#0000")));
        header->resizeSection(Model::DoNotMergeColumn, width(QStringLiteral("Hold")));
        header->resizeSection(Model::DraftColumn, width(QStringLiteral("Draft")));
        header->resizeSection(Model::ReviewColumn, badge + width(QStringLiteral("Approved")));
        header->resizeSection(Model::ChecksColumn, width(QStringLiteral("CI")) + 14);
        header->resizeSection(Model::AgeColumn, width(QStringLiteral("11 mo")));
        header->resizeSection(Model::FixColumn, width(QStringLiteral("Fix")) + 18);
        QHeaderView *merged = m_mergedView->header();
        merged->setSectionResizeMode(QHeaderView::Interactive);
        merged->setSectionResizeMode(PendingReleaseModel::IssueTitleColumn, QHeaderView::Stretch);
        merged->setSectionResizeMode(PendingReleaseModel::PullRequestTitleColumn,
                                     QHeaderView::Stretch);
        merged->resizeSection(PendingReleaseModel::IssueColumn, width(QStringLiteral("Issue 0")));
        merged->resizeSection(PendingReleaseModel::PullRequestColumn,
                              width(QStringLiteral("Fixed by")));
        merged->resizeSection(PendingReleaseModel::MergedColumn,
                              width(QStringLiteral("00/00/0000")));
    }

    // Restore the selection.
    QItemSelection selection;
    for (const int number : std::as_const(selected)) {
        const int row = m_model->rowOfNumber(number);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(Model::ColumnCount - 1));
    }
    if (current > 0) {
        const int row = m_model->rowOfNumber(current);
        const QModelIndex index =
            row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
        if (index.isValid())
            m_openView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    }
    if (!selection.isEmpty())
        m_openView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!m_mergedView->currentIndex().isValid() && m_mergedProxy->rowCount() > 0)
        m_mergedView->selectionModel()->setCurrentIndex(m_mergedProxy->index(0, 0),
                                                        QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
    if (!m_openView->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_openView->selectionModel()->setCurrentIndex(
            m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateDetail();
    updateActions();
}

void PullRequestsPage::refreshPending()
{
    const QList<OutboxEntry> pending =
        context().outbox ? context().outbox->pending() : QList<OutboxEntry>();
    const QSet<int> numbers = OutboxOverlay::pendingIssueNumbers(pending);
    m_model->setPendingNumbers(numbers);
    m_merged->setPendingNumbers(numbers);
    updateDetail();
}

QList<int> PullRequestsPage::selectedSourceRows(QTreeView *view) const
{
    QList<int> rows;
    if (!view->selectionModel())
        return rows;
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    for (const QModelIndex &index : view->selectionModel()->selectedRows())
        rows.append(proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

int PullRequestsPage::currentSourceRow() const
{
    const QModelIndex current = m_openView->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

bool PullRequestsPage::canQueueFixes()
{
    if (context().outbox)
        return true;
    Q_EMIT message(MessageBanner::Level::Error,
                   tr("Fixes cannot be queued: the workspace's local store is not open."));
    return false;
}

int PullRequestsPage::queueLabelChanges(const QList<QPair<int, LabelChange>> &changes)
{
    int queued = 0;
    m_queueing = true;
    for (const auto &[number, change] : changes)
        queued += context().outbox->applyLabelChange(number, change) > 0;
    m_queueing = false;
    if (queued < changes.size())
        Q_EMIT message(MessageBanner::Level::Error,
                       tr("Some fixes could not be stored in the outbox; nothing was sent for "
                          "them."));
    return queued;
}

int PullRequestsPage::fixPullRequests(const QList<int> &sourceRows)
{
    if (!canQueueFixes())
        return 0;
    // Collect first: queuing reloads the model through the outbox's signal.
    QList<QPair<int, LabelChange>> changes;
    for (const int row : sourceRows) {
        const PullRequest *pull = m_model->pullRequest(row);
        const LabelChange change = m_model->fix(row);
        if (pull && !change.isEmpty())
            changes.append({pull->number, change});
    }
    const int queued = queueLabelChanges(changes);
    if (queued > 0)
        Q_EMIT statusMessage(
            tr("Queued label fixes for %1").arg(counted(queued, "pull request", "pull requests")));
    else if (!sourceRows.isEmpty())
        Q_EMIT statusMessage(tr("Nothing to fix in the selection"));
    reload();
    return queued;
}

int PullRequestsPage::fixMergedRows(const QList<int> &sourceRows)
{
    if (!canQueueFixes())
        return 0;
    // One entry per issue, even when several merged PRs point at it.
    QList<QPair<int, LabelChange>> changes;
    QSet<int> seen;
    for (const int row : sourceRows) {
        const HygieneFinding *finding = m_merged->finding(row);
        if (!finding || seen.contains(finding->number))
            continue;
        seen.insert(finding->number);
        const LabelChange change = m_merged->fix(row);
        if (!change.isEmpty())
            changes.append({finding->number, change});
    }
    const int queued = queueLabelChanges(changes);
    if (queued > 0)
        Q_EMIT statusMessage(
            tr("Queued the release label for %1").arg(counted(queued, "issue", "issues")));
    reload();
    return queued;
}

int PullRequestsPage::fixSelected()
{
    if (m_tabs->currentIndex() == 1)
        return fixMergedRows(selectedSourceRows(m_mergedView));
    return fixPullRequests(selectedSourceRows(m_openView));
}

QString PullRequestsPage::pullUrl(int number) const
{
    const QString base = context().webUrl.toString();
    return base.isEmpty() ? QString() : base + QStringLiteral("/issues/") + QString::number(number);
}

void PullRequestsPage::openOnGitHub(QTreeView *view)
{
    const QModelIndex current = view->currentIndex();
    if (!current.isValid())
        return;
    QString url;
    if (view == m_openView)
        url = m_model->htmlUrl(m_proxy->mapToSource(current).row());
    else
        url = pullUrl(current.data(PendingReleaseModel::NumberRole).toInt());
    if (!url.isEmpty())
        QDesktopServices::openUrl(QUrl(url));
}

void PullRequestsPage::showContextMenu(QTreeView *view, const QPoint &position)
{
    const QModelIndex index = view->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const bool open = view == m_openView;
    QAction *openAction =
        menu.addAction(open ? tr("Open pull request on GitHub") : tr("Open issue on GitHub"));
    QAction *openPull = open ? nullptr : menu.addAction(tr("Open merged pull request on GitHub"));
    QAction *copy = menu.addAction(tr("Copy link"));
    menu.addSeparator();
    const QList<int> rows = selectedSourceRows(view);
    QAction *fix =
        menu.addAction(open ? tr("Fix selected (%1)").arg(rows.size())
                            : tr("Add the release label to selected (%1)").arg(rows.size()));
    bool fixable = false;
    for (const int row : rows)
        fixable = fixable || (open ? !m_model->fix(row).isEmpty() : !m_merged->fix(row).isEmpty());
    fix->setEnabled(fixable);
    QAction *chosen = menu.exec(view->viewport()->mapToGlobal(position));
    if (!chosen)
        return;
    const int source =
        qobject_cast<QSortFilterProxyModel *>(view->model())->mapToSource(index).row();
    const QString url = open ? m_model->htmlUrl(source)
                             : pullUrl(index.data(PendingReleaseModel::NumberRole).toInt());
    if (chosen == openAction && !url.isEmpty())
        QDesktopServices::openUrl(QUrl(url));
    else if (openPull && chosen == openPull)
        QDesktopServices::openUrl(
            QUrl(pullUrl(index.data(PendingReleaseModel::PullRequestRole).toInt())));
    else if (chosen == copy)
        QApplication::clipboard()->setText(url);
    else if (chosen == fix)
        open ? fixPullRequests(rows) : fixMergedRows(rows);
}

void PullRequestsPage::updateDetail()
{
    const int row = currentSourceRow();
    const PullRequest *pull = m_model->pullRequest(row);
    if (!pull) {
        m_detailTitle->setText(m_model->rowCount() ? tr("Select a pull request to see its checks.")
                                                   : QString());
        m_detail->clear();
        m_detailFix->setEnabled(false);
        m_detailOpen->setEnabled(false);
        return;
    }
    m_detailTitle->setText(QStringLiteral("#%1  %2").arg(pull->number).arg(pull->title));
    const QList<HygieneFinding> findings = m_model->findings(row);
    const QPalette palette = m_detail->palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const QString ok = dark ? QStringLiteral("#3fb950") : QStringLiteral("#1a7f37");
    const QString bad = dark ? QStringLiteral("#f85149") : QStringLiteral("#cf222e");
    const QString info = dark ? QStringLiteral("#d29922") : QStringLiteral("#9a6700");
    QString html;
    if (findings.isEmpty())
        html += QStringLiteral("<p><span style=\"color:%1\">✓</span> %2</p>")
                    .arg(ok, tr("Follows the guide: title, labels and linked issue are in order."));
    for (const HygieneFinding &finding : findings) {
        const bool isInfo = finding.severity == HygieneFinding::Severity::Info;
        html += QStringLiteral("<p style=\"margin:2px 0\"><span style=\"color:%1\">%2</span> "
                               "<b>%3</b> — %4")
                    .arg(isInfo ? info : bad, isInfo ? QStringLiteral("•") : QStringLiteral("✗"),
                         escaped(finding.rule), messageHtml(finding.message));
        if (finding.isFixable())
            html += QStringLiteral("<br/>&nbsp;&nbsp;&nbsp;&nbsp;%1 %2")
                        .arg(tr("Fix:"),
                             messageHtml(PullRequestHygieneModel::describeFix(finding.fix)));
        html += QStringLiteral("</p>");
    }
    const LabelChange fix = m_model->fix(row);
    if (m_model->index(row, 0).data(Model::PendingRole).toBool())
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Label changes for this pull request wait in the outbox; the checks "
                            "above already count them."));
    m_detail->setHtml(html);
    m_detailFix->setEnabled(!fix.isEmpty() && context().outbox);
    m_detailFix->setText(fix.isEmpty() ? tr("Nothing to fix")
                                       : tr("Fix: %1").arg(PullRequestHygieneModel::shortFix(fix)));
    m_detailOpen->setEnabled(!m_model->htmlUrl(row).isEmpty());
}

void PullRequestsPage::updateActions()
{
    int problems = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        problems += m_model->hasProblems(row);
    m_counts->setText(tr("%1 open · %2 with problems · %3 shown")
                          .arg(m_model->rowCount())
                          .arg(problems)
                          .arg(m_proxy->rowCount()));
    const bool merged = m_tabs->currentIndex() == 1;
    const QList<int> rows = selectedSourceRows(merged ? m_mergedView : m_openView);
    int fixable = 0;
    for (const int row : rows)
        fixable += merged ? !m_merged->fix(row).isEmpty() : !m_model->fix(row).isEmpty();
    m_fixSelected->setText(merged ? tr("Add pending-release (%1)").arg(fixable)
                                  : tr("Fix selected (%1)").arg(fixable));
    m_fixSelected->setEnabled(fixable > 0 && context().outbox);
    m_filter->setEnabled(!merged);
    m_onlyProblems->setEnabled(!merged);
}

} // namespace Mainstay
