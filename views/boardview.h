#pragma once

#include "boardmodel.h"

#include <QListView>
#include <QScrollArea>

class QLabel;
class QToolButton;

namespace Mainstay {

class BoardCardDelegate;
class BoardView;

// One column's cards: a list view rooted at the column's row of BoardModel. Uniform item sizes,
// so only the cards on screen are measured and painted. Cards are dragged as their numbers.
class BoardCardList : public QListView
{
    Q_OBJECT
public:
    static inline const QString MimeType = QStringLiteral("application/x-mainstay-board-cards");

    BoardCardList(BoardView *board, int column, QWidget *parent = nullptr);
    int boardColumn() const { return m_column; }
    QList<int> selectedNumbers() const;
    int currentNumber() const;

    // The drag payload for these cards (also what a drop reads).
    static QMimeData *mimeDataFor(const QList<int> &numbers, int fromColumn);
    static QList<int> numbersFrom(const QMimeData *data, int *fromColumn = nullptr);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    BoardView *m_board;
    int m_column;
    bool m_dropTarget = false;
};

// The triage board: the policy's columns side by side (scrolling sideways when they do not fit),
// each with its title, card count and sort menu. Arrow keys move between cards and columns,
// Shift+Left/Right moves the selected cards to the neighbouring column, Shift+Up/Down and
// Ctrl/Shift+click select several. Keys the board does not use go to the parent (the page).
class BoardView : public QScrollArea
{
    Q_OBJECT
public:
    explicit BoardView(BoardModel *model, QWidget *parent = nullptr);

    BoardModel *model() const { return m_model; }
    BoardCardDelegate *delegate() const { return m_delegate; }
    int columnCount() const { return int(m_lists.size()); }
    BoardCardList *list(int column) const { return m_lists.value(column); }
    QWidget *columnWidget(int column) const { return m_columns.value(column); }

    // Selected cards in every column; the current card when nothing is selected.
    QList<int> selectedNumbers() const;
    // The card with the keyboard focus (0 when none) and its column (-1).
    int currentNumber() const;
    int currentColumn() const;
    // Selects and focuses a card; false when it is not on the board.
    bool selectCard(int number);
    void focusBoard();
    void selectAllInColumn(int column);

    // Used by the column lists.
    bool handleKey(BoardCardList *list, QKeyEvent *event);
    void clearOtherSelections(BoardCardList *keep);
    void emitDropped(const QList<int> &numbers, int toColumn)
    {
        Q_EMIT cardsDropped(numbers, toColumn);
    }

Q_SIGNALS:
    // Cards dropped onto a column (or moved with Shift+Left/Right).
    void cardsDropped(const QList<int> &numbers, int toColumn);
    void currentCardChanged(int number);
    void cardActivated(int number);

private:
    void rebuild();
    void rootAll();
    void updateHeader(int column);
    void focusColumn(int column, int preferredRow);

    BoardModel *m_model;
    BoardCardDelegate *m_delegate;
    QWidget *m_strip;
    QList<QWidget *> m_columns;
    QList<BoardCardList *> m_lists;
    QList<QLabel *> m_titles;
    QList<QLabel *> m_counts;
    QList<QToolButton *> m_sortButtons;
    int m_restoreNumber = 0;
};

} // namespace Mainstay
