#pragma once

#include "issuefilter.h"

#include <QSortFilterProxyModel>

namespace Mainstay {

// Thin proxy over IssueListModel: filtering is IssueFilter's, sorting uses the model's SortRole.
class IssueFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit IssueFilterProxyModel(QObject *parent = nullptr);

    const IssueFilter &filter() const { return m_filter; }
    // Replaces the filter and refilters once (a full invalidate(), which stays linear at 100k
    // rows where invalidateFilter() does not).
    void setFilter(const IssueFilter &filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    IssueFilter m_filter;
};

} // namespace Mainstay
