#pragma once

#include <QStyledItemDelegate>

namespace Mainstay {

// Paints the issue table's special columns: the state glyph beside the number (open, closed,
// merged, issue or pull request) and the label chips. Other columns draw as usual.
class IssueTableDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Mainstay
