#include "issuetabledelegate.h"

#include "issuelistmodel.h"
#include "labelchippainter.h"

#include <QApplication>
#include <QPainter>

namespace Mainstay {

namespace {

// GitHub's state colours: open green, closed-as-completed purple, merged purple, closed PR red.
QColor stateColor(const QModelIndex &index)
{
    const bool open = index.data(IssueListModel::IsOpenRole).toBool();
    const bool pr = index.data(IssueListModel::IsPullRequestRole).toBool();
    if (open)
        return QColor(0x1a, 0x7f, 0x37);
    const Issue issue = index.data(IssueListModel::IssueRole).value<Issue>();
    if (pr)
        return issue.isMerged() ? QColor(0x82, 0x50, 0xdf) : QColor(0xcf, 0x22, 0x2e);
    return issue.stateReason == Issue::StateReason::NotPlanned ? QColor(0x65, 0x6d, 0x76)
                                                               : QColor(0x82, 0x50, 0xdf);
}

void drawStateGlyph(QPainter *painter, const QRect &rect, const QColor &color, bool pullRequest)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int size = std::min(rect.height() - 6, 14);
    const QRectF box(rect.left() + 4, rect.center().y() - size / 2.0 + 0.5, size, size);
    QPen pen(color, 1.6);
    painter->setPen(pen);
    if (pullRequest) {
        // Two nodes joined by a line: a simplified pull-request glyph.
        const qreal r = size / 6.0;
        const QPointF top(box.left() + r + 1, box.top() + r + 1);
        const QPointF bottom(box.left() + r + 1, box.bottom() - r - 1);
        const QPointF right(box.right() - r - 1, box.bottom() - r - 1);
        painter->drawLine(top, bottom);
        painter->drawLine(QPointF(right.x(), box.top() + size * 0.35), right);
        painter->drawLine(QPointF(right.x(), box.top() + size * 0.35),
                          QPointF(right.x() - size * 0.3, box.top() + r));
        painter->setBrush(color);
        painter->drawEllipse(top, r, r);
        painter->drawEllipse(bottom, r, r);
        painter->drawEllipse(right, r, r);
    } else {
        painter->drawEllipse(box.adjusted(1, 1, -1, -1));
        painter->setBrush(color);
        painter->drawEllipse(box.center(), size / 7.0, size / 7.0);
    }
    painter->restore();
}

} // namespace

void IssueTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    if (index.column() == IssueListModel::LabelsColumn) {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
        LabelChipPainter::paint(painter, option.rect.adjusted(2, 0, -2, 0),
                                index.data(IssueListModel::LabelsRole).toList(), option.font,
                                option.state & QStyle::State_Selected
                                    ? option.palette.highlightedText().color()
                                    : option.palette.text().color());
        return;
    }
    if (index.column() == IssueListModel::NumberColumn) {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, focus
        painter->save();
        painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.highlightedText().color()
                                                           : opt.palette.text().color());
        painter->drawText(option.rect.adjusted(option.rect.height(), 0, -4, 0),
                          Qt::AlignLeft | Qt::AlignVCenter, text);
        painter->restore();
        drawStateGlyph(painter, option.rect, stateColor(index),
                       index.data(IssueListModel::IsPullRequestRole).toBool());
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

QSize IssueTableDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
    if (index.column() == IssueListModel::LabelsColumn)
        size.setWidth(LabelChipPainter::preferredWidth(
                          index.data(IssueListModel::LabelsRole).toList(), option.font) +
                      8);
    if (index.column() == IssueListModel::NumberColumn)
        size.setWidth(size.width() + size.height());
    return size;
}

} // namespace Mainstay
