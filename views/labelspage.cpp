#include "labelspage.h"

#include "cachedatabase.h"
#include "checkbadgepainter.h"
#include "issuelistmodel.h"
#include "labelcatalogdelegate.h"
#include "labelcatalogmodel.h"
#include "outbox.h"
#include "outboxoverlay.h"
#include "policy.h"
#include "workspacestore.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

using Model = LabelCatalogModel;

// "1 label", "3 labels": English plurals without a translation catalogue.
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QString colourCell(const QString &hex)
{
    if (hex.isEmpty())
        return QStringLiteral("—");
    return QStringLiteral("<span style=\"background-color:#%1\">&nbsp;&nbsp;&nbsp;&nbsp;</span> "
                          "#%1")
        .arg(hex.toHtmlEscaped());
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("<i>none</i>") : text.toHtmlEscaped();
}

} // namespace

LabelsPage::LabelsPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_model(new LabelCatalogModel(this))
    , m_proxy(new LabelCatalogFilterModel(this))
    , m_delegate(new LabelCatalogDelegate(this))
    , m_filter(new QLineEdit(this))
    , m_onlyDifferences(new QCheckBox(tr("Only &differences"), this))
    , m_counts(new QLabel(this))
    , m_applySelected(new QPushButton(tr("Apply selected"), this))
    , m_applyAll(new QPushButton(tr("Apply all fixes"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_view(new QTreeView(this))
    , m_detail(new QLabel(this))
    , m_empty(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter by name or description  (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter labels"));
    m_counts->setTextFormat(Qt::PlainText);
    m_applyAll->setToolTip(tr("Create the missing labels and bring colours and descriptions in "
                              "line with the policy. Extra labels are left alone."));
    m_applySelected->setToolTip(tr("Queue the fixes of the selected labels (Ctrl+Enter)"));
    m_delete->setToolTip(tr("Delete the selected extra labels from the repository (Delete)"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_onlyDifferences);
    bar->addSpacing(12);
    bar->addWidget(m_counts);
    bar->addSpacing(12);
    bar->addWidget(m_delete);
    bar->addWidget(m_applySelected);
    bar->addWidget(m_applyAll);

    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Labels"));
    m_view->sortByColumn(Model::StatusColumn, Qt::AscendingOrder);

    m_detail->setTextFormat(Qt::RichText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(m_detail->fontMetrics().height() * 5);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_empty, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LabelCatalogFilterModel::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &LabelsPage::updateActions);
    connect(m_onlyDifferences, &QCheckBox::toggled, this, [this](bool only) {
        m_proxy->setOnlyDifferences(only);
        updateActions();
    });
    connect(m_applyAll, &QPushButton::clicked, this, &LabelsPage::applyAll);
    connect(m_applySelected, &QPushButton::clicked, this, &LabelsPage::applySelected);
    connect(m_delete, &QPushButton::clicked, this, &LabelsPage::deleteSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LabelsPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LabelsPage::updateDetail);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_settingCurrent)
            m_autoCurrent = false;
    });

    // Ctrl+Enter applies the selection's fixes, Delete deletes its extra labels (asking first).
    m_view->installEventFilter(this);

    updateActions();
    updateDetail();
}

LabelsPage::~LabelsPage() = default;

bool LabelsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            modifiers == Qt::ControlModifier) {
            applySelected();
            return true;
        }
        if (key->key() == Qt::Key_Delete && modifiers == Qt::NoModifier) {
            deleteSelected();
            return true;
        }
    }
    return WorkspacePage::eventFilter(watched, event);
}

void LabelsPage::setWorkspace(const WorkspaceContext &context)
{
    WorkspacePage::setWorkspace(context);
    for (const QMetaObject::Connection &connection : std::as_const(m_outboxConnections))
        disconnect(connection);
    m_outboxConnections.clear();
    if (Outbox *outbox = context.outbox) {
        m_outboxConnections.append(
            connect(outbox, &Outbox::entryQueued, this, &LabelsPage::onOutboxChanged));
        m_outboxConnections.append(
            connect(outbox, &Outbox::entryFailed, this, &LabelsPage::onOutboxChanged));
        m_outboxConnections.append(
            connect(outbox, &Outbox::entrySent, this, &LabelsPage::onOutboxChanged));
    }
    m_dirty = true;
    reload();
}

void LabelsPage::clearWorkspace()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_outboxConnections))
        disconnect(connection);
    m_outboxConnections.clear();
    WorkspacePage::clearWorkspace();
    m_model->clear();
    updateActions();
    updateDetail();
}

void LabelsPage::onOutboxChanged()
{
    if (isVisible() && !m_queueing)
        reload();
    else
        m_dirty = true;
}

void LabelsPage::syncFinished(bool)
{
    onOutboxChanged();
}

void LabelsPage::activated()
{
    if (m_dirty)
        reload();
}

void LabelsPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

QList<HelpOverlay::Entry> LabelsPage::helpEntries() const
{
    const QString group = tr("Labels");
    return {
        {QStringLiteral("Ctrl+Enter"), tr("Apply the selected labels' fixes"), group},
        {QStringLiteral("Delete"), tr("Delete the selected extra labels (asks first)"), group},
        {QStringLiteral("Alt+D"), tr("Show only labels that differ from the policy"), group},
    };
}

void LabelsPage::reload()
{
    m_dirty = false;
    const WorkspaceContext &ctx = context();
    if (!ctx.isValid() || !ctx.store) {
        m_model->clear();
        m_empty->setText(tr("Open a workspace to compare its labels with the policy."));
        m_view->hide();
        m_detail->hide();
        m_empty->show();
        updateActions();
        return;
    }
    // A row the page picked itself follows the sort; what the user picked stays.
    QStringList selected;
    if (!m_autoCurrent)
        for (const int row : selectedSourceRows())
            selected.append(m_model->catalog().rows().at(row).name);
    const QModelIndex currentIndex = m_view->currentIndex();
    const QString current =
        currentIndex.isValid() && !m_autoCurrent
            ? m_model->catalog().rows().at(m_proxy->mapToSource(currentIndex).row()).name
            : QString();

    const CacheDatabase &cache = ctx.store->cache();
    QList<Label> labels = cache.loadLabels();
    QList<Issue> items = ctx.issues ? ctx.issues->issues() : cache.loadIssues();
    QList<OutboxEntry> pending;
    if (ctx.outbox) {
        pending = ctx.outbox->pending();
        labels = OutboxOverlay::applyToLabels(labels, pending);
        if (!pending.isEmpty())
            items = OutboxOverlay::applyAll(items, pending, labels);
    }
    m_model->setData(labels, *ctx.policy, items);
    m_model->setPendingNames(OutboxOverlay::pendingLabelNames(pending));

    const bool empty = m_model->rowCount() == 0;
    m_empty->setText(tr("Neither the repository (after a sync) nor the policy has labels."));
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
    m_detail->setVisible(!empty);

    if (!m_columnsSized && !empty) {
        m_columnsSized = true;
        QHeaderView *header = m_view->header();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setSectionResizeMode(Model::DescriptionColumn, QHeaderView::Stretch);
        QFont chipFont = m_view->font();
        chipFont.setPointSizeF(std::max(7.0, chipFont.pointSizeF() * 0.85));
        chipFont.setWeight(QFont::DemiBold);
        const QFontMetrics chips(chipFont);
        int nameWidth = 0;
        for (const LabelCatalogRow &row : m_model->catalog().rows())
            nameWidth = std::max(nameWidth, chips.horizontalAdvance(QLatin1Char('+') + row.name));
        const QFontMetrics metrics(m_view->font());
        header->resizeSection(Model::NameColumn, std::min(nameWidth + 32, 260));
        header->resizeSection(Model::StatusColumn, metrics.horizontalAdvance(QStringLiteral(
                                                       "Colour differs, description differs")) +
                                                       CheckBadgePainter::Size + 20);
        header->resizeSection(Model::ColourColumn,
                              2 * chips.horizontalAdvance(QStringLiteral("#d73a4a")) + 56);
        header->resizeSection(Model::OpenIssuesColumn,
                              metrics.horizontalAdvance(QStringLiteral("Open issues")) + 24);
        header->resizeSection(Model::OpenPullRequestsColumn,
                              metrics.horizontalAdvance(QStringLiteral("Open PRs")) + 24);
    }

    QItemSelection selection;
    for (const QString &name : std::as_const(selected)) {
        const int row = m_model->catalog().indexOf(name);
        const QModelIndex index =
            row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(Model::ColumnCount - 1));
    }
    if (!current.isEmpty()) {
        const int row = m_model->catalog().indexOf(current);
        const QModelIndex index =
            row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
        if (index.isValid())
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    }
    if (!selection.isEmpty())
        m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if ((m_autoCurrent || !m_view->currentIndex().isValid()) && selected.isEmpty() &&
        current.isEmpty() && m_proxy->rowCount() > 0) {
        m_settingCurrent = true;
        m_view->selectionModel()->setCurrentIndex(
            m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_settingCurrent = false;
        m_autoCurrent = true;
    }
    updateActions();
    updateDetail();
}

QList<int> LabelsPage::selectedSourceRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

int LabelsPage::queue(const QList<LabelCatalogFix> &fixes)
{
    Outbox *outbox = context().outbox;
    if (!outbox) {
        Q_EMIT message(MessageBanner::Level::Error,
                       tr("Label fixes cannot be queued: the workspace's local store is not "
                          "open."));
        return 0;
    }
    int queued = 0;
    int failed = 0;
    m_queueing = true; // one reload after the batch, not one per entry
    for (const LabelCatalogFix &fix : fixes) {
        qint64 id = 0;
        switch (fix.action) {
        case LabelCatalogFix::Action::Create:
            id = outbox->createLabel(fix.label);
            break;
        case LabelCatalogFix::Action::Update:
            id = outbox->updateLabel(fix.oldName, fix.label);
            break;
        case LabelCatalogFix::Action::Delete:
            id = outbox->deleteLabel(fix.oldName);
            break;
        case LabelCatalogFix::Action::None:
            continue;
        }
        (id > 0 ? queued : failed) += 1;
    }
    m_queueing = false;
    if (failed > 0)
        Q_EMIT message(MessageBanner::Level::Error,
                       tr("%1 could not be stored in the outbox.")
                           .arg(counted(failed, "label change", "label changes")));
    if (queued > 0)
        Q_EMIT statusMessage(tr("Queued %1").arg(counted(queued, "label change", "label changes")));
    reload();
    return queued;
}

int LabelsPage::applyAll()
{
    return queue(m_model->catalog().fixes(LabelCatalog::Deletes::Leave));
}

int LabelsPage::applySelected()
{
    const QList<LabelCatalogFix> fixes = m_model->fixesFor(selectedSourceRows());
    QList<LabelCatalogFix> deletes;
    for (const LabelCatalogFix &fix : fixes)
        if (fix.needsConfirmation())
            deletes.append(fix);
    // Nothing of the selection goes out unless its deletes are confirmed.
    if (!deletes.isEmpty() && !confirmDeletes(deletes))
        return 0;
    return queue(fixes);
}

int LabelsPage::deleteSelected()
{
    QList<LabelCatalogFix> deletes;
    for (const LabelCatalogFix &fix : m_model->fixesFor(selectedSourceRows()))
        if (fix.action == LabelCatalogFix::Action::Delete)
            deletes.append(fix);
    if (deletes.isEmpty()) {
        Q_EMIT statusMessage(tr("Only extra labels (not in the policy) can be deleted here"));
        return 0;
    }
    if (!confirmDeletes(deletes))
        return 0;
    return queue(deletes);
}

bool LabelsPage::confirmDeletes(const QList<LabelCatalogFix> &deletes)
{
    int usage = 0;
    QStringList lines;
    for (const LabelCatalogFix &fix : deletes) {
        usage += fix.usageCount;
        lines.append(
            fix.usageCount == 0
                ? tr("• %1 — not used by any open issue or pull request").arg(fix.oldName)
                : tr("• %1 — used by %2")
                      .arg(fix.oldName, counted(fix.usageCount, "open issue or pull request",
                                                "open issues and pull requests")));
    }
    QMessageBox box(QMessageBox::Warning,
                    tr("Delete %1?").arg(counted(int(deletes.size()), "label", "labels")),
                    usage == 0 ? tr("These labels are not in the policy and no open item uses "
                                    "them:")
                               : tr("These labels are not in the policy. Deleting them takes them "
                                    "off %1 (and off closed "
                                    "ones) on GitHub; this cannot be undone:")
                                     .arg(counted(usage, "open item", "open items")),
                    QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(lines.join(QLatin1Char('\n')));
    QPushButton *confirm =
        box.addButton(tr("Delete %1").arg(counted(int(deletes.size()), "label", "labels")),
                      QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.setObjectName(QStringLiteral("confirmLabelDelete"));
    box.exec();
    return box.clickedButton() == confirm;
}

void LabelsPage::updateActions()
{
    const LabelCatalog &catalog = m_model->catalog();
    const int problems = catalog.problemCount();
    m_counts->setText(
        tr("%1 labels · %2 differ from the policy").arg(catalog.size()).arg(problems));
    const bool writable = context().outbox != nullptr;
    const QList<LabelCatalogFix> all = catalog.fixes(LabelCatalog::Deletes::Leave);
    m_applyAll->setText(tr("Apply all fixes (%1)").arg(all.size()));
    m_applyAll->setEnabled(writable && !all.isEmpty());
    int applicable = 0;
    int deletable = 0;
    for (const LabelCatalogFix &fix : m_model->fixesFor(selectedSourceRows())) {
        ++applicable;
        deletable += fix.action == LabelCatalogFix::Action::Delete;
    }
    m_applySelected->setText(tr("Apply selected (%1)").arg(applicable));
    m_applySelected->setEnabled(writable && applicable > 0);
    m_delete->setEnabled(writable && deletable > 0);
}

void LabelsPage::updateDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->setText(m_model->rowCount()
                              ? tr("Select a label to compare the repository's with the policy's.")
                              : QString());
        return;
    }
    const LabelCatalogRow &row = m_model->catalog().rows().at(m_proxy->mapToSource(current).row());
    const QString name = (row.repository ? row.repository->name : row.name).toHtmlEscaped();
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    html += QStringLiteral("<tr><td></td><td><b>%1</b></td><td><b>%2</b></td></tr>")
                .arg(tr("Repository"), tr("Policy"));
    auto line = [&](const QString &what, const QString &repository, const QString &policy) {
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2&nbsp;&nbsp;&nbsp;</td>"
                               "<td>%3</td></tr>")
                    .arg(what, repository, policy);
    };
    const QString absent = QStringLiteral("<i>%1</i>").arg(tr("not there"));
    line(tr("Name"), row.repository ? row.repository->name.toHtmlEscaped() : absent,
         row.policy ? row.policy->name.toHtmlEscaped() : absent);
    line(tr("Colour"), row.repository ? colourCell(row.repository->color) : absent,
         row.policy ? colourCell(row.policy->color) : absent);
    line(tr("Description"), row.repository ? orDash(row.repository->description) : absent,
         row.policy ? orDash(row.policy->description) : absent);
    html += QStringLiteral("</table>");
    QString fixText;
    const LabelCatalogFix fix = row.fix();
    switch (fix.action) {
    case LabelCatalogFix::Action::Create:
        fixText = tr("Fix: create %1 as the policy describes it.").arg(name);
        break;
    case LabelCatalogFix::Action::Update:
        fixText = tr("Fix: update %1 to the policy's colour and description.").arg(name);
        break;
    case LabelCatalogFix::Action::Delete:
        fixText = tr("Not in the policy. Add it to the policy to keep it, or delete it (asks "
                     "first).");
        break;
    case LabelCatalogFix::Action::None:
        fixText = tr("As the policy wants it.");
        break;
    }
    html += QStringLiteral("<p>%1 %2</p>")
                .arg(tr("Used by %1").arg(counted(row.openIssues, "open issue", "open issues")),
                     tr("and %1.").arg(counted(row.openPullRequests, "open pull request",
                                               "open pull requests"))) +
            QStringLiteral("<p>%1</p>").arg(fixText);
    m_detail->setText(html);
}

} // namespace Mainstay
