#include "boardcarddelegate.h"

#include "boardmodel.h"
#include "clock.h"
#include "labelchippainter.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace Mainstay {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// The title in at most `maxLines` lines, the last one elided; plain text, never markup.
void drawTitle(QPainter *painter, const QRect &rect, const QString &title, const QFont &font,
               int maxLines)
{
    const QFontMetrics metrics(font);
    QTextLayout layout(title, font);
    layout.setCacheEnabled(true);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    int y = 0;
    QList<std::pair<int, int>> lines; // start, length
    while (lines.size() < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        line.setPosition(QPointF(0, y));
        y += metrics.lineSpacing();
        lines.append({line.textStart(), line.textLength()});
    }
    layout.endLayout();
    int top = rect.top();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString text = title.mid(lines[i].first, lines[i].second);
        const bool last = i == lines.size() - 1;
        if (last && lines[i].first + lines[i].second < title.size())
            text = metrics.elidedText(title.mid(lines[i].first), Qt::ElideRight, rect.width());
        painter->drawText(QRect(rect.left(), top, rect.width(), metrics.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, text.trimmed());
        top += metrics.lineSpacing();
    }
}

} // namespace

BoardCardDelegate::BoardCardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_clock(Clock::system())
{}

void BoardCardDelegate::setClock(const Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
}

QString BoardCardDelegate::shortAge(qint64 seconds)
{
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h").arg(seconds / 3600);
    if (seconds < 86400 * 60)
        return tr("%1 d").arg(seconds / 86400);
    if (seconds < 86400 * 730)
        return tr("%1 mo").arg(seconds / (86400 * 30));
    return tr("%1 y").arg(seconds / (86400 * 365));
}

int BoardCardDelegate::cardHeight(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.88);
    const int smallLine = QFontMetrics(small).height();
    const int titleLine = QFontMetrics(font).lineSpacing();
    // Paddings, the head row, two title lines, the facts row, the chips row.
    return 8 + smallLine + 4 + 2 * titleLine + 4 + smallLine + 6 + smallLine + 4 + 9 + CardGap;
}

QSize BoardCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(std::max(option.rect.width(), 200), cardHeight(option.font));
}

void BoardCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QPalette &palette = option.palette;
    const bool dark = isDark(palette);
    const bool selected = option.state & QStyle::State_Selected;
    const bool current = option.state & QStyle::State_HasFocus;
    const bool waiting = index.data(BoardModel::WaitingOnUsRole).toBool();
    const bool pending = index.data(BoardModel::PendingRole).toBool();
    const bool snoozed = index.data(BoardModel::SnoozedRole).toBool();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRectF card = QRectF(option.rect.adjusted(1, CardGap / 2, -1, -CardGap / 2))
                            .adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor base = palette.color(QPalette::Base);
    const QColor highlight = palette.color(QPalette::Highlight);
    QColor fill = selected ? mix(base, highlight, dark ? 0.28 : 0.12) : base;
    QColor border =
        selected ? highlight : mix(base, palette.color(QPalette::Text), dark ? 0.22 : 0.16);
    QPainterPath path;
    path.addRoundedRect(card, 6, 6);
    painter->fillPath(path, fill);
    painter->setPen(QPen(border, selected || current ? 1.6 : 1.0));
    painter->drawPath(path);
    if (current && !selected) {
        painter->setPen(QPen(highlight, 1.0, Qt::DotLine));
        painter->drawRoundedRect(card.adjusted(2, 2, -2, -2), 4, 4);
    }
    // The accent on the left: waiting on us.
    const QColor amber = dark ? QColor(0xf0, 0xa0, 0x3c) : QColor(0xc2, 0x6a, 0x00);
    if (waiting) {
        QPainterPath accent;
        accent.addRoundedRect(QRectF(card.left(), card.top(), 4, card.height()), 2, 2);
        painter->fillPath(accent, amber);
    }
    painter->setRenderHint(QPainter::Antialiasing, false);

    const QRect content = card.toRect().adjusted(12, 8, -10, -8);
    QFont font = option.font;
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.88);
    QFont bold = small;
    bold.setBold(true);
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = mix(base, text, dark ? 0.62 : 0.58);
    const QFontMetrics smallMetrics(small);
    const int smallLine = smallMetrics.height();

    // Row 1: #number · kind … marks on the right.
    int y = content.top();
    painter->setFont(bold);
    painter->setPen(muted);
    const bool pr = index.data(BoardModel::IsPullRequestRole).toBool();
    const QString head = QStringLiteral("#%1").arg(index.data(BoardModel::NumberRole).toInt());
    painter->drawText(QRect(content.left(), y, content.width(), smallLine),
                      Qt::AlignLeft | Qt::AlignVCenter, head);
    int x = content.left() + QFontMetrics(bold).horizontalAdvance(head) + 6;
    painter->setFont(small);
    painter->drawText(QRect(x, y, content.width(), smallLine), Qt::AlignLeft | Qt::AlignVCenter,
                      pr ? tr("pull request") : tr("issue"));
    int right = content.right();
    // A rounded pill with its text, right-aligned; `clock` adds a small clock face before it.
    auto pill = [&](const QString &label, const QColor &color, bool clock = false) {
        const int icon = clock ? smallLine - 4 : 0;
        const int width = smallMetrics.horizontalAdvance(label) + 12 + (clock ? icon + 4 : 0);
        const QRect rect(right - width + 1, y, width, smallLine);
        painter->setRenderHint(QPainter::Antialiasing, true);
        QColor background = color;
        background.setAlphaF(dark ? 0.25f : 0.14f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(background);
        painter->drawRoundedRect(rect, smallLine / 2.0, smallLine / 2.0);
        QRect textRect = rect;
        if (clock) {
            const QRectF face(rect.left() + 6.5, rect.top() + 2.5, icon - 1, icon - 1);
            painter->setPen(QPen(color, 1.2));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(face);
            const QPointF centre = face.center();
            painter->drawLine(centre, QPointF(centre.x(), face.top() + 2));
            painter->drawLine(centre, QPointF(face.right() - 2.5, centre.y()));
            textRect.setLeft(rect.left() + icon + 8);
            textRect.setRight(rect.right() - 5);
        }
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(color);
        painter->drawText(textRect, Qt::AlignCenter, label);
        right -= width + 4;
    };
    if (pending)
        pill(tr("sending"), dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x09, 0x69, 0xda), true);
    if (snoozed)
        pill(tr("snoozed"), muted);
    if (waiting)
        pill(tr("waiting on us"), amber);

    // Rows 2–3: the title.
    y += smallLine + 4;
    const QFontMetrics titleMetrics(font);
    painter->setFont(font);
    painter->setPen(text);
    drawTitle(painter, QRect(content.left(), y, content.width(), titleMetrics.lineSpacing() * 2),
              index.data(BoardModel::TitleRole).toString(), font, 2);

    // Row 4: author, age, activity, comments.
    y += titleMetrics.lineSpacing() * 2 + 4;
    painter->setFont(small);
    const QString author = index.data(BoardModel::AuthorRole).toString();
    const bool firstTime = index.data(BoardModel::FirstTimeContributorRole).toBool();
    x = content.left();
    painter->setPen(muted);
    const QString authorText = author.isEmpty() ? tr("unknown") : author;
    const int authorWidth =
        std::min(smallMetrics.horizontalAdvance(authorText) + 4, content.width() / 2);
    painter->drawText(QRect(x, y, authorWidth, smallLine), Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(authorText, Qt::ElideRight, authorWidth));
    x += authorWidth + 4;
    if (firstTime) {
        const QString mark = tr("first-time");
        const int width = smallMetrics.horizontalAdvance(mark) + 10;
        const QColor green = dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
        painter->setPen(green);
        painter->setBrush(Qt::NoBrush);
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->drawRoundedRect(QRectF(x, y + 0.5, width, smallLine - 1), 4, 4);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->drawText(QRect(x, y, width, smallLine), Qt::AlignCenter, mark);
        x += width + 6;
    }
    const QDateTime now = m_clock->now();
    const qint64 age = index.data(BoardModel::AgeSecondsRole).toLongLong();
    const QDateTime activity = index.data(BoardModel::LastActivityRole).toDateTime();
    QString facts = tr("opened %1").arg(shortAge(age));
    if (activity.isValid())
        facts += QStringLiteral(" \u00B7 ") + tr("active %1").arg(shortAge(activity.secsTo(now)));
    // The comment count with a small speech bubble drawn by hand (no emoji font needed).
    const QString comments = QString::number(index.data(BoardModel::CommentCountRole).toInt());
    const int bubble = 11;
    const int commentsWidth = smallMetrics.horizontalAdvance(comments) + bubble + 5;
    painter->setPen(muted);
    painter->drawText(QRect(content.right() - commentsWidth, y, commentsWidth + 1, smallLine),
                      Qt::AlignRight | Qt::AlignVCenter, comments);
    {
        const qreal bx = content.right() - commentsWidth + 0.5;
        const qreal by = y + (smallLine - bubble) / 2.0 + 0.5;
        QPainterPath path;
        path.addRoundedRect(QRectF(bx, by, bubble, bubble - 3), 2, 2);
        path.moveTo(bx + 3, by + bubble - 3);
        path.lineTo(bx + 3, by + bubble);
        path.lineTo(bx + 6, by + bubble - 3);
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(muted, 1.1));
        painter->drawPath(path.simplified());
        painter->setRenderHint(QPainter::Antialiasing, false);
    }
    const int factsWidth = content.right() - commentsWidth - 8 - x;
    if (factsWidth > 20)
        painter->drawText(QRect(x, y, factsWidth, smallLine), Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(facts, Qt::ElideRight, factsWidth));

    // Row 5: labels.
    y += smallLine + 6;
    const QVariantList labels = index.data(BoardModel::LabelsRole).toList();
    if (!labels.isEmpty())
        LabelChipPainter::paint(painter, QRect(content.left(), y, content.width(), smallLine + 4),
                                labels, small, muted);
    painter->restore();
}

} // namespace Mainstay
