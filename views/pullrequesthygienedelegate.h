#pragma once

#include <QStyledItemDelegate>

namespace Mainstay {

// Paints the PR hygiene table (PullRequestHygieneModel through any proxy): ✓/✗ badges before
// the check columns, the type and size labels as chips (a dashed "+label" chip for the one that
// is missing), a "pending" pill on rows with writes in the outbox, and a Fix button in the fix
// column. A click on that button emits fixClicked(); nothing else is editable.
class PullRequestHygieneDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    // The Fix button's rectangle in a fix-column cell of `cellRect`.
    static QRect fixButtonRect(const QRect &cellRect, const QFont &font);

Q_SIGNALS:
    void fixClicked(const QModelIndex &index);
};

} // namespace Mainstay
