#pragma once

#include <QStyledItemDelegate>

namespace Mainstay {

class Clock;

// Paints one triage card from BoardModel's card roles: number and kind, the title as plain text
// in at most two lines, author (first-time contributors marked), age, last activity, comments,
// label chips in their own colours, a "waiting on us" accent, and a "sending" mark while the
// outbox still holds writes for it. Every card has the same size, so views can use uniform item
// sizes and paint only what is on screen.
class BoardCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit BoardCardDelegate(QObject *parent = nullptr);

    // Ages are measured against this clock (the demo's); the system clock by default.
    void setClock(const Clock *clock);

    // The card's height for the view's font (every card is this tall), gap included.
    static int cardHeight(const QFont &font);
    static constexpr int CardGap = 6;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "3 d", "5 h", "just now": the short relative form the cards use.
    static QString shortAge(qint64 seconds);

private:
    const Clock *m_clock;
};

} // namespace Mainstay
