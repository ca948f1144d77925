#include "labelcatalogdelegate.h"

#include "checkbadgepainter.h"
#include "labelcatalogmodel.h"
#include "labelchippainter.h"

#include <QApplication>
#include <QPainter>

namespace Mainstay {

namespace {

using Model = LabelCatalogModel;

QString hexOf(const QColor &color)
{
    return color.isValid() ? color.name().mid(1) : QString();
}

QVariantList chipOf(const QString &name, const QColor &color)
{
    return {QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("color"), hexOf(color)}}};
}

} // namespace

void LabelCatalogDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const int column = index.column();
    if (column != Model::NameColumn && column != Model::StatusColumn &&
        column != Model::ColourColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QPalette &palette = opt.palette;
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QColor textColor = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const int problems = index.data(Model::StatusRole).toInt();
    const bool missing = problems & LabelCatalogRow::Missing;
    const bool extra = problems & LabelCatalogRow::Extra;
    QRect rect = opt.rect.adjusted(4, 0, -4, 0);
    painter->save();
    if (column == Model::NameColumn) {
        const QColor colour = index.data(Model::ColorRole).value<QColor>();
        if (missing) {
            const QString name = text;
            QFont font = opt.font;
            // The dashed chip adds a "+": the label is to be created.
            QPalette chipPalette = palette; // the chip's text follows the selection
            chipPalette.setColor(QPalette::Text, textColor);
            CheckBadgePainter::paintMissingChip(painter, rect, name, colour, font, chipPalette);
        } else {
            LabelChipPainter::paint(painter, rect, chipOf(text, colour), opt.font, textColor);
        }
    } else if (column == Model::StatusColumn) {
        using Kind = CheckBadgePainter::Kind;
        const Kind kind = problems == 0 ? Kind::Ok : extra ? Kind::Notice : Kind::Problem;
        rect.setLeft(rect.left() + CheckBadgePainter::paint(painter, rect, kind, palette));
        if (index.data(Model::PendingRole).toBool()) {
            QFont small = opt.font;
            small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
            const QFontMetrics metrics(small);
            const QString pending = QStringLiteral("pending");
            const int width = metrics.horizontalAdvance(pending) + 14;
            const int height = metrics.height() + 2;
            const QRect pill(rect.right() - width, rect.top() + (rect.height() - height) / 2, width,
                             height);
            painter->setRenderHint(QPainter::Antialiasing);
            const QColor colour =
                selected ? textColor : CheckBadgePainter::color(Kind::Notice, palette);
            painter->setPen(colour);
            painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0,
                                     height / 2.0);
            painter->setFont(small);
            painter->drawText(pill, Qt::AlignCenter, pending);
            rect.setRight(pill.left() - 6);
        }
        painter->setFont(opt.font);
        painter->setPen(textColor);
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(text, Qt::ElideRight, rect.width()));
    } else {
        // Colour: the repository's swatch, and the policy's after an arrow when they differ.
        const QColor repository = missing ? QColor() : index.data(Model::ColorRole).value<QColor>();
        const QColor policy = index.data(Model::PolicyColorRole).value<QColor>();
        auto swatch = [&](const QColor &colour) {
            const QString hex = QLatin1Char('#') + hexOf(colour);
            LabelChipPainter::paint(painter, rect, chipOf(hex, colour), opt.font, textColor);
            rect.setLeft(rect.left() +
                         LabelChipPainter::preferredWidth(chipOf(hex, colour), opt.font) + 2);
        };
        if (repository.isValid())
            swatch(repository);
        if (policy.isValid() && (missing || (problems & LabelCatalogRow::ColourDiffers))) {
            if (repository.isValid()) {
                painter->setPen(textColor);
                painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("→"));
                rect.setLeft(rect.left() + opt.fontMetrics.horizontalAdvance(QStringLiteral("→ ")));
            }
            swatch(policy);
        }
    }
    painter->restore();
}

QSize LabelCatalogDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), QFontMetrics(option.font).height() + 12));
    if (index.column() == Model::StatusColumn)
        size.rwidth() += CheckBadgePainter::Size + 70;
    return size;
}

LabelCatalogFilterModel::LabelCatalogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Model::SortRole);
}

void LabelCatalogFilterModel::setOnlyDifferences(bool only)
{
    if (only == m_onlyDifferences)
        return;
    m_onlyDifferences = only;
    invalidateRowsFilter();
}

void LabelCatalogFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool LabelCatalogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return true;
    const QModelIndex name = model->index(sourceRow, Model::NameColumn, sourceParent);
    if (m_onlyDifferences && name.data(Model::StatusRole).toInt() == 0)
        return false;
    if (m_text.isEmpty())
        return true;
    return name.data().toString().contains(m_text, Qt::CaseInsensitive) ||
           model->index(sourceRow, Model::DescriptionColumn, sourceParent)
               .data()
               .toString()
               .contains(m_text, Qt::CaseInsensitive);
}

} // namespace Mainstay
