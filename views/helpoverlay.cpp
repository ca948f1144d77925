#include "helpoverlay.h"

#include <QEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>

namespace Mainstay {

HelpOverlay::HelpOverlay(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Keyboard shortcuts"));
    hide();
    parent->installEventFilter(this);
}

void HelpOverlay::toggle()
{
    if (isVisible()) {
        hide();
        return;
    }
    setGeometry(parentWidget()->rect());
    raise();
    show();
    setFocus();
}

bool HelpOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void HelpOverlay::mousePressEvent(QMouseEvent *)
{
    hide();
}

void HelpOverlay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1 ||
        event->key() == Qt::Key_Question) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void HelpOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), QColor(0, 0, 0, 140));

    QFont titleFont = font();
    titleFont.setPointSizeF(font().pointSizeF() * 1.4);
    titleFont.setBold(true);
    QFont keyFont = font();
    keyFont.setFamily(QStringLiteral("monospace"));
    keyFont.setStyleHint(QFont::Monospace);
    const QFontMetrics metrics(font());
    const int lineHeight = metrics.height() + 8;

    QStringList groups;
    for (const Entry &entry : m_entries)
        if (!groups.contains(entry.group))
            groups.append(entry.group);
    // Title, then per group a heading, its entries and half a line of space; margins of 20.
    const int content = int(lineHeight * 1.8) + int(groups.size()) * (lineHeight + lineHeight / 2) +
                        int(m_entries.size()) * lineHeight;
    const int sheetWidth = std::min(width() - 40, 620);
    const int sheetHeight = std::min(height() - 40, content + 40);
    const QRect sheet((width() - sheetWidth) / 2, (height() - sheetHeight) / 2, sheetWidth,
                      sheetHeight);
    QPainterPath path;
    path.addRoundedRect(sheet, 10, 10);
    painter.fillPath(path, palette().window());

    painter.setPen(palette().windowText().color());
    painter.setFont(titleFont);
    int y = sheet.top() + 20;
    painter.drawText(QRect(sheet.left() + 24, y, sheet.width() - 48, lineHeight * 1.5),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("Keyboard shortcuts"));
    y += int(lineHeight * 1.8);
    const int keyColumn = sheet.left() + 24;
    const int textColumn = sheet.left() + 210;
    for (const QString &group : std::as_const(groups)) {
        QFont groupFont = font();
        groupFont.setBold(true);
        painter.setFont(groupFont);
        painter.setPen(palette().placeholderText().color());
        painter.drawText(QRect(keyColumn, y, sheet.width() - 48, lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, group);
        y += lineHeight;
        for (const Entry &entry : m_entries) {
            if (entry.group != group)
                continue;
            if (y + lineHeight > sheet.bottom() - 10)
                break;
            painter.setFont(keyFont);
            painter.setPen(palette().link().color());
            painter.drawText(QRect(keyColumn, y, textColumn - keyColumn - 8, lineHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, entry.keys);
            painter.setFont(font());
            painter.setPen(palette().windowText().color());
            painter.drawText(QRect(textColumn, y, sheet.right() - textColumn - 24, lineHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, entry.description);
            y += lineHeight;
        }
        y += lineHeight / 2;
    }
}

} // namespace Mainstay
