#pragma once

#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>

namespace Mainstay {

// Paints the label catalogue (LabelCatalogModel through any proxy): the name as a chip in the
// repository's colour (dashed when the label is missing), the state with a badge and a "pending"
// pill, and both colours as chips when they differ.
class LabelCatalogDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// Sorting and filtering of the catalogue: "only differences" and a text filter over names and
// descriptions.
class LabelCatalogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LabelCatalogFilterModel(QObject *parent = nullptr);

    void setOnlyDifferences(bool only);
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_onlyDifferences = false;
    QString m_text;
};

} // namespace Mainstay
