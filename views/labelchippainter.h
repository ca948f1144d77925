#pragma once

#include <QColor>
#include <QFont>
#include <QRect>
#include <QVariantList>

class QPainter;

namespace Mainstay {

// Draws GitHub-style label chips (rounded, in the label's own colour, text in black or white for
// contrast). Shared by the list, the board cards and the detail pane so labels look the same
// everywhere. Label names are drawn as plain text, never interpreted as markup.
class LabelChipPainter
{
public:
    // `labels`: QVariantMaps with "name" and "color" (six hex digits), as IssueListModel's
    // LabelsRole gives them. Chips that do not fit are summarised as "+N".
    // `textColor` is for the "+N" summary, drawn on the view's own background.
    static void paint(QPainter *painter, const QRect &rect, const QVariantList &labels,
                      const QFont &font, const QColor &textColor);
    static int preferredWidth(const QVariantList &labels, const QFont &font);
    static QColor chipColor(const QString &hex);
    static QColor textColorOn(const QColor &background);
};

} // namespace Mainstay
