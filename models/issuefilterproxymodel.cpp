#include "issuefilterproxymodel.h"

#include "issuelistmodel.h"

namespace Mainstay {

IssueFilterProxyModel::IssueFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(IssueListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void IssueFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    dropIndex();
    m_sortKeysSpec = -1;
    m_issues = qobject_cast<const IssueListModel *>(sourceModel);

    // Connected before the base class connects its own handlers, so that the index already
    // describes the new rows when the base class asks filterAcceptsRow() about them.
    if (sourceModel) {
        m_connections << connect(sourceModel, &QAbstractItemModel::modelReset, this, [this] {
            m_sortKeysSpec = -1;
            dropIndex();
            if (m_filter.query().hasText())
                rebuildIndex();
        });
        m_connections << connect(sourceModel, &QAbstractItemModel::rowsInserted, this,
                                 [this](const QModelIndex &parent, int first, int last) {
                                     if (parent.isValid())
                                         return;
                                     if (m_indexValid)
                                         m_index.insert(m_issues->issues(), first, last);
                                     if (m_sortKeysSpec >= 0) {
                                         m_sortKeys.insert(first, last - first + 1, SortKey{});
                                         updateKeys(first, last);
                                     }
                                 });
        m_connections << connect(sourceModel, &QAbstractItemModel::rowsRemoved, this,
                                 [this](const QModelIndex &parent, int first, int last) {
                                     if (parent.isValid())
                                         return;
                                     if (m_indexValid)
                                         m_index.remove(first, last);
                                     if (m_sortKeysSpec >= 0)
                                         m_sortKeys.remove(first, last - first + 1);
                                 });
        m_connections << connect(
            sourceModel, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (!topLeft.isValid() || topLeft.parent().isValid())
                    return;
                if (m_indexValid)
                    m_index.update(m_issues->issues(), topLeft.row(), bottomRight.row());
                if (m_sortKeysSpec >= 0)
                    updateKeys(topLeft.row(), bottomRight.row());
            });
        // Rows that move are rare (IssueListModel never moves them): start over.
        const auto reindex = [this] {
            m_sortKeysSpec = -1;
            if (m_indexValid)
                rebuildIndex();
        };
        m_connections << connect(sourceModel, &QAbstractItemModel::rowsMoved, this, reindex);
        m_connections << connect(sourceModel, &QAbstractItemModel::layoutChanged, this, reindex);
    }
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void IssueFilterProxyModel::setFilter(const IssueFilter &filter)
{
    m_filter = filter;
    if (m_filter.query().hasText() && !m_indexValid)
        rebuildIndex();
    const QuerySort &sort = m_filter.query().sort();
    m_querySort = sort;
    if (sort.isSet()) {
        const int column = columnForSort(sort.field);
        if (column != sortColumn() || sort.order != sortOrder())
            QSortFilterProxyModel::sort(column, sort.order);
    }
    invalidate();
}

void IssueFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (m_querySort.isSet() &&
        (column != columnForSort(m_querySort.field) || order != m_querySort.order))
        m_querySort = {};
    QSortFilterProxyModel::sort(column, order);
}

int IssueFilterProxyModel::columnForSort(QuerySort::Field field)
{
    switch (field) {
    case QuerySort::Field::None:
        return -1;
    case QuerySort::Field::Created:
        return IssueListModel::CreatedColumn;
    case QuerySort::Field::Updated:
        return IssueListModel::UpdatedColumn;
    case QuerySort::Field::Comments:
    case QuerySort::Field::Reactions:
        return IssueListModel::CommentsColumn;
    }
    return -1;
}

bool IssueFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty() || !m_issues || sourceParent.isValid())
        return true;
    const Issue &issue = m_issues->issues().at(sourceRow);
    if (m_indexValid && sourceRow < m_index.size())
        return m_filter.matches(issue, m_index.text(sourceRow));
    return m_filter.matches(issue);
}

namespace {

// keySpec() values: 0 .. ColumnCount-1 for a model column, these for a sort: field.
constexpr int querySortSpec = 1000;

} // namespace

int IssueFilterProxyModel::keySpec() const
{
    if (m_querySort.isSet())
        return querySortSpec + int(m_querySort.field);
    switch (sortColumn()) {
    case IssueListModel::NumberColumn:
    case IssueListModel::CommentsColumn:
    case IssueListModel::UpdatedColumn:
    case IssueListModel::CreatedColumn:
        return sortColumn();
    default:
        return -1;
    }
}

qint64 IssueFilterProxyModel::keyFor(int spec, const Issue &issue)
{
    if (spec >= querySortSpec)
        return QuerySort{QuerySort::Field(spec - querySortSpec), Qt::AscendingOrder}.key(issue);
    switch (spec) {
    case IssueListModel::NumberColumn:
        return issue.number;
    case IssueListModel::CommentsColumn:
        return QuerySort{QuerySort::Field::Comments}.key(issue);
    case IssueListModel::UpdatedColumn:
        return QuerySort{QuerySort::Field::Updated}.key(issue);
    case IssueListModel::CreatedColumn:
        return QuerySort{QuerySort::Field::Created}.key(issue);
    }
    return 0;
}

void IssueFilterProxyModel::ensureKeys(int spec) const
{
    if (spec == m_sortKeysSpec && m_sortKeys.size() == m_issues->issues().size())
        return;
    const QList<Issue> &issues = m_issues->issues();
    m_sortKeys.resize(issues.size());
    for (qsizetype row = 0; row < issues.size(); ++row)
        m_sortKeys[row] = SortKey{keyFor(spec, issues.at(row)), issues.at(row).number};
    m_sortKeysSpec = spec;
}

void IssueFilterProxyModel::updateKeys(qsizetype first, qsizetype last)
{
    const QList<Issue> &issues = m_issues->issues();
    for (qsizetype row = first; row <= last && row < m_sortKeys.size(); ++row)
        m_sortKeys[row] = SortKey{keyFor(m_sortKeysSpec, issues.at(row)), issues.at(row).number};
}

bool IssueFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int spec = keySpec();
    if (!m_issues || spec < 0 || left.parent().isValid())
        return QSortFilterProxyModel::lessThan(left, right);
    ensureKeys(spec);
    const SortKey &a = m_sortKeys.at(left.row());
    const SortKey &b = m_sortKeys.at(right.row());
    if (a.key != b.key)
        return a.key < b.key;
    if (!m_querySort.isSet())
        return false; // the base class keeps ties in source order
    // The base class reverses the arguments for a descending sort; ties must still list the
    // highest number first, so the tie-break flips with the order.
    return sortOrder() == Qt::AscendingOrder ? a.number > b.number : a.number < b.number;
}

void IssueFilterProxyModel::rebuildIndex()
{
    if (!m_issues) {
        dropIndex();
        return;
    }
    m_index.rebuild(m_issues->issues());
    m_indexValid = true;
}

void IssueFilterProxyModel::dropIndex()
{
    m_index.clear();
    m_indexValid = false;
}

} // namespace Mainstay
