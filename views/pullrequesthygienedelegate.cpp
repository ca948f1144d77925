#include "pullrequesthygienedelegate.h"

#include "checkbadgepainter.h"
#include "labelchippainter.h"
#include "pullrequesthygienemodel.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace Mainstay {

namespace {

using Model = PullRequestHygieneModel;

CheckBadgePainter::Kind kindOf(const QModelIndex &index)
{
    const QVariant check = index.data(Model::CheckRole);
    if (!check.isValid())
        return CheckBadgePainter::Kind::None;
    switch (Model::Check(check.toInt())) {
    case Model::Check::Ok:
        return CheckBadgePainter::Kind::Ok;
    case Model::Check::Problem:
        return CheckBadgePainter::Kind::Problem;
    case Model::Check::Notice:
        return CheckBadgePainter::Kind::Notice;
    case Model::Check::Unknown:
        return CheckBadgePainter::Kind::Unknown;
    case Model::Check::None:
        break;
    }
    return CheckBadgePainter::Kind::None;
}

void drawPill(QPainter *painter, const QRect &rect, const QString &text, const QColor &color,
              const QFont &font)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), rect.height() / 2.0,
                             rect.height() / 2.0);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(std::max(7.0, base.pointSizeF() * 0.85));
    return font;
}

} // namespace

QRect PullRequestHygieneDelegate::fixButtonRect(const QRect &cellRect, const QFont &font)
{
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(QStringLiteral("Fix")) + 20;
    const int height = std::min(cellRect.height() - 4, metrics.height() + 6);
    return QRect(cellRect.left() + 4, cellRect.top() + (cellRect.height() - height) / 2, width,
                 height);
}

void PullRequestHygieneDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int column = index.column();
    const bool custom = column != Model::NumberColumn && column != Model::AgeColumn;
    if (!custom) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background, selection and focus as the style draws them, without the text.
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette &palette = opt.palette;
    const QColor textColor = palette.color(
        opt.state.testFlag(QStyle::State_Active) ? QPalette::Active : QPalette::Inactive,
        selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dimColor = selected ? textColor : palette.color(QPalette::PlaceholderText);
    QRect rect = opt.rect.adjusted(4, 0, -4, 0);
    painter->save();
    painter->setFont(opt.font);
    const QFontMetrics metrics(opt.font);

    if (column == Model::TitleColumn) {
        if (index.data(Model::PendingRole).toBool()) {
            const QFont small = smallFont(opt.font);
            const QString pending = QStringLiteral("pending");
            const int width = QFontMetrics(small).horizontalAdvance(pending) + 14;
            const int height = QFontMetrics(small).height() + 2;
            const QRect pill(rect.right() - width, rect.top() + (rect.height() - height) / 2, width,
                             height);
            drawPill(painter, pill, pending,
                     selected ? textColor
                              : CheckBadgePainter::color(CheckBadgePainter::Kind::Notice, palette),
                     small);
            rect.setRight(pill.left() - 6);
        }
        painter->setPen(textColor);
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(text, Qt::ElideRight, rect.width()));
    } else if (column == Model::FixColumn) {
        if (!text.isEmpty()) {
            const QRect button = fixButtonRect(opt.rect, opt.font);
            const QColor accent = palette.color(QPalette::Highlight);
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(selected ? palette.color(QPalette::Base) : accent);
            painter->drawRoundedRect(QRectF(button), 4, 4);
            painter->setPen(selected ? accent : palette.color(QPalette::HighlightedText));
            painter->drawText(button, Qt::AlignCenter, QStringLiteral("Fix"));
            QRect rest = rect;
            rest.setLeft(button.right() + 8);
            if (rest.width() > 40) {
                painter->setFont(smallFont(opt.font));
                painter->setPen(dimColor);
                painter->drawText(
                    rest, Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(painter->font()).elidedText(text, Qt::ElideRight, rest.width()));
            }
        }
    } else {
        const CheckBadgePainter::Kind kind = kindOf(index);
        if (column == Model::DoNotMergeColumn || column == Model::DraftColumn ||
            column == Model::ChecksColumn) {
            // Badge only, centred; the text is in the tooltip and for screen readers.
            const QRect centred((rect.left() + rect.right() - CheckBadgePainter::Size) / 2 - 1,
                                rect.top(), CheckBadgePainter::Size + 2, rect.height());
            CheckBadgePainter::paint(painter, centred, kind, palette);
            painter->restore();
            return;
        }
        rect.setLeft(rect.left() + CheckBadgePainter::paint(painter, rect, kind, palette));
        const bool labels = column == Model::TypeLabelColumn || column == Model::SizeLabelColumn;
        const QString expected = index.data(Model::ExpectedLabelRole).toString();
        const QVariantList present = index.data(Model::PresentLabelsRole).toList();
        if (labels && (!present.isEmpty() || !expected.isEmpty()) &&
            kind != CheckBadgePainter::Kind::Unknown) {
            bool hasExpected = expected.isEmpty();
            for (const QVariant &label : present)
                hasExpected = hasExpected || label.toMap()
                                                     .value(QStringLiteral("name"))
                                                     .toString()
                                                     .compare(expected, Qt::CaseInsensitive) == 0;
            if (!hasExpected) {
                const QVariant hex = index.data(Model::ExpectedColorRole);
                const QColor color =
                    hex.isValid() ? LabelChipPainter::chipColor(hex.toString()) : QColor();
                QPalette chipPalette = palette; // the chip's text follows the selection
                chipPalette.setColor(QPalette::Text, textColor);
                rect.setLeft(rect.left() +
                             CheckBadgePainter::paintMissingChip(painter, rect, expected, color,
                                                                 opt.font, chipPalette));
            }
            LabelChipPainter::paint(painter, rect, present, opt.font, textColor);
        } else {
            const bool dim =
                kind == CheckBadgePainter::Kind::None || kind == CheckBadgePainter::Kind::Unknown;
            painter->setPen(dim ? dimColor : textColor);
            painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter,
                              metrics.elidedText(text, Qt::ElideRight, rect.width()));
        }
    }
    painter->restore();
}

QSize PullRequestHygieneDelegate::sizeHint(const QStyleOptionViewItem &option,
                                           const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), QFontMetrics(option.font).height() + 12));
    const int column = index.column();
    if (column == Model::TypeLabelColumn || column == Model::SizeLabelColumn) {
        QVariantList chips = index.data(Model::PresentLabelsRole).toList();
        const QString expected = index.data(Model::ExpectedLabelRole).toString();
        if (!expected.isEmpty())
            chips.append(QVariantMap{{QStringLiteral("name"), QStringLiteral("+") + expected}});
        size.setWidth(
            std::max(size.width(), CheckBadgePainter::Size + 14 +
                                       LabelChipPainter::preferredWidth(chips, option.font)));
    } else if (index.data(Model::CheckRole).isValid()) {
        size.setWidth(size.width() + CheckBadgePainter::Size + 6);
    }
    return size;
}

bool PullRequestHygieneDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                             const QStyleOptionViewItem &option,
                                             const QModelIndex &index)
{
    if (index.column() == Model::FixColumn && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton &&
            !index.data(Qt::DisplayRole).toString().isEmpty() &&
            fixButtonRect(option.rect, option.font).contains(mouse->position().toPoint())) {
            Q_EMIT fixClicked(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Mainstay
