#pragma once

#include "issuefilter.h"
#include "issuesearchindex.h"
#include "querysort.h"

#include <QList>
#include <QMetaObject>
#include <QSortFilterProxyModel>

namespace Mainstay {

class IssueListModel;

// Thin proxy over IssueListModel: which rows show is IssueFilter's decision; the order is the
// model's SortRole for the chosen column, or the query's sort: qualifier while one is in force.
//
// It keeps an IssueSearchIndex in step with the source model (built the first time a query has
// free text, then updated row by row as the model inserts, changes or removes rows), so a
// keystroke refilters 100,000 rows without folding their titles again.
class IssueFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit IssueFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    const IssueFilter &filter() const { return m_filter; }
    // Replaces the filter and refilters once (a full invalidate(), which stays linear at 100k
    // rows where invalidateFilter() does not). A sort: qualifier sorts by its column (see
    // columnForSort()) in its order; the view should mirror sortColumn()/sortOrder() in its header.
    void setFilter(const IssueFilter &filter);

    // Sorting by another column or order than a sort: qualifier's ends that qualifier's order
    // until the filter is set again.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The model column a sort: field is shown on (reactions have no column: comments stand in).
    static int columnForSort(QuerySort::Field field);
    // The sort: qualifier in force; not set when the list is sorted by a header click.
    const QuerySort &activeQuerySort() const { return m_querySort; }
    bool hasSearchIndex() const { return m_indexValid; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // What the cached sort keys are for: a sort: field, a numeric column, or nothing cached.
    int keySpec() const;
    static qint64 keyFor(int spec, const Issue &issue);
    void ensureKeys(int spec) const;
    void updateKeys(qsizetype first, qsizetype last);
    void rebuildIndex();
    void dropIndex();

    IssueFilter m_filter;
    const IssueListModel *m_issues = nullptr;
    IssueSearchIndex m_index;
    bool m_indexValid = false;
    QuerySort m_querySort;
    // Sort keys by source row, beside the index and maintained the same way: sorting 75,000
    // matches through the items themselves is dominated by cache misses on 400-byte Issues.
    struct SortKey
    {
        qint64 key;
        int number;
    };
    mutable QList<SortKey> m_sortKeys;
    mutable int m_sortKeysSpec = -1;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Mainstay
