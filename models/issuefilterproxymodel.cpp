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

void IssueFilterProxyModel::setFilter(const IssueFilter &filter)
{
    m_filter = filter;
    invalidate();
}

bool IssueFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const auto *model = qobject_cast<const IssueListModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    return m_filter.matches(model->issues().at(sourceRow));
}

} // namespace Mainstay
