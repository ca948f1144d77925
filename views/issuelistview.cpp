#include "issuelistview.h"

#include "issuefilterproxymodel.h"
#include "issuelistmodel.h"
#include "issuetabledelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mainstay {

IssueListView::IssueListView(IssueListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new IssueFilterProxyModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_kindCombo(new QComboBox(this))
    , m_stateCombo(new QComboBox(this))
    , m_countLabel(new QLabel(this))
    , m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(model);

    m_filterEdit->setPlaceholderText(
        tr("Filter: words, #number, label:bug -label:triage author:login updated:<2026-01-31 "
           "sort:updated-asc"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter"));
    m_kindCombo->addItems({tr("Issues and pull requests"), tr("Issues"), tr("Pull requests")});
    m_stateCombo->addItems({tr("Open"), tr("Closed"), tr("All")});
    m_countLabel->setObjectName(QStringLiteral("issueCount"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_kindCombo);
    bar->addWidget(m_stateCombo);
    bar->addWidget(m_countLabel);

    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(new IssueTableDelegate(m_tree));
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true); // lets the view skip measuring 100k rows
    m_tree->setSortingEnabled(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->sortByColumn(IssueListModel::UpdatedColumn, Qt::DescendingOrder);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(IssueListModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(IssueListModel::NumberColumn, 84);
    header->resizeSection(IssueListModel::LabelsColumn, 260);
    header->resizeSection(IssueListModel::AuthorColumn, 130);
    header->resizeSection(IssueListModel::CommentsColumn, 80);
    header->resizeSection(IssueListModel::UpdatedColumn, 90);
    header->resizeSection(IssueListModel::CreatedColumn, 90);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &IssueListView::applyFilter);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &IssueListView::applyFilter);
    connect(m_stateCombo, &QComboBox::currentIndexChanged, this, &IssueListView::applyFilter);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &IssueListView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &IssueListView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &IssueListView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &IssueListView::updateCount);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT issueActivated(index.data(IssueListModel::NumberRole).toInt(),
                              index.data(IssueListModel::HtmlUrlRole).toString());
    });
    applyFilter();
}

void IssueListView::setKindFilter(int kind)
{
    m_kindCombo->setCurrentIndex(kind);
}

void IssueListView::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void IssueListView::applyFilter()
{
    IssueFilter filter;
    filter.setText(m_filterEdit->text());
    filter.setKind(static_cast<IssueFilter::Kind>(m_kindCombo->currentIndex()));
    static constexpr IssueFilter::State states[] = {
        IssueFilter::State::Open, IssueFilter::State::Closed, IssueFilter::State::Any};
    filter.setState(states[std::max(0, m_stateCombo->currentIndex())]);
    if (filter.hasError()) {
        // Half-typed queries ("label:", an open quote) are errors for a moment: keep the last
        // good filter on screen instead of flashing the whole list.
        m_filterEdit->setToolTip(filter.error()->message());
        m_countLabel->setText(tr("Query error"));
        m_countLabel->setToolTip(filter.error()->message());
        return;
    }
    m_filterEdit->setToolTip({});
    m_countLabel->setToolTip({});
    m_proxy->setFilter(filter);
    if (m_proxy->activeQuerySort().isSet())
        m_tree->header()->setSortIndicator(m_proxy->sortColumn(), m_proxy->sortOrder());
    updateCount();
}

void IssueListView::updateCount()
{
    m_countLabel->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace Mainstay
