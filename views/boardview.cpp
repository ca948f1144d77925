#include "boardview.h"

#include "boardcarddelegate.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace Mainstay {

namespace {

constexpr int ColumnWidth = 300;

QString sortName(BoardModel::CardSort sort)
{
    switch (sort) {
    case BoardModel::CardSort::OldestFirst:
        return BoardView::tr("Oldest first");
    case BoardModel::CardSort::LastActivity:
        return BoardView::tr("Last activity");
    case BoardModel::CardSort::MostComments:
        return BoardView::tr("Most comments");
    case BoardModel::CardSort::MostReactions:
        return BoardView::tr("Most reactions");
    }
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------

BoardCardList::BoardCardList(BoardView *board, int column, QWidget *parent)
    : QListView(parent)
    , m_board(board)
    , m_column(column)
{
    setObjectName(QStringLiteral("boardColumn%1").arg(column));
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(false);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setSpacing(0);
    viewport()->setAutoFillBackground(false);
    setAutoFillBackground(false);
    verticalScrollBar()->setSingleStep(24);
}

QList<int> BoardCardList::selectedNumbers() const
{
    QList<std::pair<int, int>> rows;
    for (const QModelIndex &index : selectionModel()->selectedIndexes())
        if (index.parent() == rootIndex())
            rows.append({index.row(), index.data(BoardModel::NumberRole).toInt()});
    std::sort(rows.begin(), rows.end());
    QList<int> numbers;
    for (const auto &row : std::as_const(rows))
        numbers.append(row.second);
    return numbers;
}

int BoardCardList::currentNumber() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() && index.parent() == rootIndex()
               ? index.data(BoardModel::NumberRole).toInt()
               : 0;
}

QMimeData *BoardCardList::mimeDataFor(const QList<int> &numbers, int fromColumn)
{
    QStringList parts{QString::number(fromColumn)};
    for (int number : numbers)
        parts.append(QString::number(number));
    auto *data = new QMimeData;
    data->setData(MimeType, parts.join(u',').toLatin1());
    QStringList text;
    for (int number : numbers)
        text.append(QStringLiteral("#%1").arg(number));
    data->setText(text.join(u' '));
    return data;
}

QList<int> BoardCardList::numbersFrom(const QMimeData *data, int *fromColumn)
{
    QList<int> numbers;
    if (!data || !data->hasFormat(MimeType))
        return numbers;
    const QList<QByteArray> parts = data->data(MimeType).split(',');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const int value = parts[i].toInt(&ok);
        if (!ok)
            return {};
        if (i == 0) {
            if (fromColumn)
                *fromColumn = value;
        } else if (value > 0) {
            numbers.append(value);
        }
    }
    return numbers;
}

void BoardCardList::keyPressEvent(QKeyEvent *event)
{
    if (m_board->handleKey(this, event))
        return;
    const bool navigation = event->key() == Qt::Key_Up || event->key() == Qt::Key_Down ||
                            event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown ||
                            event->key() == Qt::Key_Home || event->key() == Qt::Key_End;
    if (navigation) {
        QListView::keyPressEvent(event);
        return;
    }
    // Everything else (letters, Enter, Escape) is the page's: no type-ahead search here.
    event->ignore();
}

void BoardCardList::mousePressEvent(QMouseEvent *event)
{
    if (!(event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)))
        m_board->clearOtherSelections(this);
    QListView::mousePressEvent(event);
}

void BoardCardList::startDrag(Qt::DropActions)
{
    const QList<int> numbers = selectedNumbers();
    if (numbers.isEmpty())
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(mimeDataFor(numbers, m_column));
    const QModelIndex first = currentIndex();
    if (first.isValid()) {
        const QRect rect = visualRect(first);
        QPixmap pixmap(rect.size() * devicePixelRatioF());
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setOpacity(0.85);
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        option.rect = QRect(QPoint(0, 0), rect.size());
        option.state |= QStyle::State_Selected;
        itemDelegate()->paint(&painter, option, first);
        painter.end();
        drag->setPixmap(pixmap);
        drag->setHotSpot(QPoint(24, 16));
    }
    drag->exec(Qt::MoveAction);
}

void BoardCardList::dragEnterEvent(QDragEnterEvent *event)
{
    int from = -1;
    if (!numbersFrom(event->mimeData(), &from).isEmpty() && from != m_column) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
        m_dropTarget = true;
        viewport()->update();
        return;
    }
    event->ignore();
}

void BoardCardList::dragMoveEvent(QDragMoveEvent *event)
{
    int from = -1;
    if (!numbersFrom(event->mimeData(), &from).isEmpty() && from != m_column) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
        return;
    }
    event->ignore();
}

void BoardCardList::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropTarget = false;
    viewport()->update();
    event->accept();
}

void BoardCardList::dropEvent(QDropEvent *event)
{
    m_dropTarget = false;
    viewport()->update();
    int from = -1;
    const QList<int> numbers = numbersFrom(event->mimeData(), &from);
    if (numbers.isEmpty() || from == m_column) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction); // the source must not delete anything itself
    event->accept();
    m_board->emitDropped(numbers, m_column);
}

void BoardCardList::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_dropTarget || model()->rowCount(rootIndex()) == 0) {
        QPainter painter(viewport());
        const QColor highlight = palette().color(QPalette::Highlight);
        if (m_dropTarget) {
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(highlight, 2, Qt::DashLine));
            painter.drawRoundedRect(QRectF(viewport()->rect()).adjusted(2, 2, -2, -2), 6, 6);
        } else {
            QColor muted = palette().color(QPalette::PlaceholderText);
            painter.setPen(muted);
            painter.drawText(viewport()->rect().adjusted(8, 16, -8, -8),
                             Qt::AlignHCenter | Qt::AlignTop, tr("No cards"));
        }
    }
}

// ---------------------------------------------------------------------------------------------

BoardView::BoardView(BoardModel *model, QWidget *parent)
    : QScrollArea(parent)
    , m_model(model)
    , m_delegate(new BoardCardDelegate(this))
    , m_strip(new QWidget(this))
{
    setObjectName(QStringLiteral("boardView"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_strip->setObjectName(QStringLiteral("boardStrip"));
    setWidget(m_strip);
    rebuild();
    // A reset (a workspace reload) keeps the card the keyboard was on, when it is still shown.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const int column = currentColumn();
        m_restoreNumber = column >= 0 && m_lists[column]->hasFocus() ? currentNumber() : 0;
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_lists.size() != m_model->boardColumnCount())
            rebuild();
        else
            rootAll();
        if (m_restoreNumber > 0)
            selectCard(std::exchange(m_restoreNumber, 0));
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &top, const QModelIndex &bottom) {
                if (top.parent().isValid())
                    return;
                for (int row = top.row(); row <= bottom.row(); ++row)
                    updateHeader(row);
            });
    connect(m_model, &QAbstractItemModel::layoutChanged, this, [this] {
        for (int column = 0; column < m_lists.size(); ++column)
            updateHeader(column);
    });
}

void BoardView::rebuild()
{
    qDeleteAll(m_columns);
    m_columns.clear();
    m_lists.clear();
    m_titles.clear();
    m_counts.clear();
    m_sortButtons.clear();
    delete m_strip->layout();
    auto *layout = new QHBoxLayout(m_strip);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(10);
    for (int column = 0; column < m_model->boardColumnCount(); ++column) {
        auto *box = new QFrame(m_strip);
        box->setObjectName(QStringLiteral("boardColumnBox"));
        box->setFixedWidth(ColumnWidth);
        box->setFrameShape(QFrame::NoFrame);
        box->setAutoFillBackground(true);
        QPalette boxPalette = box->palette();
        const QColor window = boxPalette.color(QPalette::Window);
        const QColor base = boxPalette.color(QPalette::Base);
        const bool dark = base.lightness() < 128;
        boxPalette.setColor(QPalette::Window, dark ? window.darker(115) : window.darker(103));
        box->setPalette(boxPalette);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(6, 6, 6, 0);
        boxLayout->setSpacing(4);

        auto *header = new QHBoxLayout;
        header->setContentsMargins(4, 0, 0, 0);
        auto *title = new QLabel(box);
        QFont titleFont = title->font();
        titleFont.setBold(true);
        title->setFont(titleFont);
        title->setTextFormat(Qt::PlainText);
        auto *count = new QLabel(box);
        count->setObjectName(QStringLiteral("boardColumnCount"));
        count->setTextFormat(Qt::PlainText);
        QPalette countPalette = count->palette();
        countPalette.setColor(QPalette::WindowText, countPalette.color(QPalette::PlaceholderText));
        count->setPalette(countPalette);
        auto *sort = new QToolButton(box);
        sort->setAutoRaise(true);
        sort->setToolButtonStyle(Qt::ToolButtonTextOnly);
        sort->setPopupMode(QToolButton::InstantPopup);
        sort->setAccessibleName(tr("Sort %1").arg(m_model->policy().boardColumns[column].title));
        auto *menu = new QMenu(sort);
        connect(menu, &QMenu::aboutToShow, this, [this, menu, column] {
            menu->clear();
            for (BoardModel::CardSort order :
                 {BoardModel::CardSort::OldestFirst, BoardModel::CardSort::LastActivity,
                  BoardModel::CardSort::MostComments, BoardModel::CardSort::MostReactions}) {
                QAction *action = menu->addAction(sortName(order));
                action->setCheckable(true);
                action->setChecked(m_model->columnSort(column) == order);
                connect(action, &QAction::triggered, this, [this, column, order] {
                    m_model->setColumnSort(column, order);
                    updateHeader(column);
                });
            }
        });
        sort->setMenu(menu);
        header->addWidget(title);
        header->addWidget(count);
        header->addStretch(1);
        header->addWidget(sort);
        boxLayout->addLayout(header);

        auto *list = new BoardCardList(this, column, box);
        list->setModel(m_model);
        list->setItemDelegate(m_delegate);
        list->setRootIndex(m_model->index(column, 0));
        QPalette listPalette = list->palette();
        listPalette.setColor(QPalette::Base, boxPalette.color(QPalette::Window));
        list->viewport()->setPalette(listPalette);
        connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, list](const QModelIndex &current) {
                    if (list->hasFocus() && current.isValid())
                        Q_EMIT currentCardChanged(current.data(BoardModel::NumberRole).toInt());
                });
        connect(list, &QListView::activated, this, [this](const QModelIndex &index) {
            Q_EMIT cardActivated(index.data(BoardModel::NumberRole).toInt());
        });
        boxLayout->addWidget(list, 1);

        layout->addWidget(box);
        m_columns.append(box);
        m_lists.append(list);
        m_titles.append(title);
        m_counts.append(count);
        m_sortButtons.append(sort);
        updateHeader(column);
    }
    layout->addStretch(1);
}

void BoardView::rootAll()
{
    for (int column = 0; column < m_lists.size(); ++column) {
        m_lists[column]->setRootIndex(m_model->index(column, 0));
        updateHeader(column);
    }
}

void BoardView::updateHeader(int column)
{
    if (column < 0 || column >= m_lists.size())
        return;
    const QModelIndex index = m_model->index(column, 0);
    m_titles[column]->setText(index.data(BoardModel::ColumnTitleRole).toString());
    const int shown = m_model->cardCount(column);
    const int total = m_model->totalCount(column);
    m_counts[column]->setText(shown == total ? QString::number(shown)
                                             : tr("%1 of %2").arg(shown).arg(total));
    m_sortButtons[column]->setText(sortName(m_model->columnSort(column)) + QStringLiteral("  "));
}

QList<int> BoardView::selectedNumbers() const
{
    QList<int> numbers;
    for (BoardCardList *list : m_lists)
        numbers += list->selectedNumbers();
    if (numbers.isEmpty())
        if (const int current = currentNumber())
            numbers.append(current);
    return numbers;
}

int BoardView::currentColumn() const
{
    for (BoardCardList *list : m_lists)
        if (list->hasFocus())
            return list->boardColumn();
    // Focus elsewhere (the detail pane): the last list that had a current card.
    for (BoardCardList *list : m_lists)
        if (list->currentIndex().isValid() && list->selectionModel()->hasSelection())
            return list->boardColumn();
    return -1;
}

int BoardView::currentNumber() const
{
    const int column = currentColumn();
    return column >= 0 ? m_lists[column]->currentNumber() : 0;
}

bool BoardView::selectCard(int number)
{
    const QModelIndex index = m_model->indexOfCard(number);
    if (!index.isValid())
        return false;
    BoardCardList *list = m_lists.value(index.parent().row());
    if (!list)
        return false;
    clearOtherSelections(list);
    list->setFocus(Qt::OtherFocusReason);
    list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    list->scrollTo(index);
    ensureWidgetVisible(m_columns[list->boardColumn()], 0, 0);
    Q_EMIT currentCardChanged(number);
    return true;
}

void BoardView::focusBoard()
{
    const int column = currentColumn();
    if (column >= 0) {
        m_lists[column]->setFocus(Qt::OtherFocusReason);
        return;
    }
    for (int i = 0; i < m_lists.size(); ++i) {
        if (m_model->cardCount(i) > 0) {
            focusColumn(i, 0);
            return;
        }
    }
    if (!m_lists.isEmpty())
        m_lists.first()->setFocus(Qt::OtherFocusReason);
}

void BoardView::selectAllInColumn(int column)
{
    BoardCardList *list = m_lists.value(column);
    if (!list)
        return;
    clearOtherSelections(list);
    list->selectAll();
}

void BoardView::clearOtherSelections(BoardCardList *keep)
{
    for (BoardCardList *list : std::as_const(m_lists))
        if (list != keep)
            list->selectionModel()->clearSelection();
}

void BoardView::focusColumn(int column, int preferredRow)
{
    BoardCardList *list = m_lists.value(column);
    if (!list)
        return;
    clearOtherSelections(list);
    list->setFocus(Qt::OtherFocusReason);
    ensureWidgetVisible(m_columns[column], 0, 0);
    const int rows = m_model->cardCount(column);
    if (rows == 0)
        return;
    const QModelIndex index =
        m_model->index(std::clamp(preferredRow, 0, rows - 1), 0, m_model->index(column, 0));
    list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    list->scrollTo(index);
    Q_EMIT currentCardChanged(index.data(BoardModel::NumberRole).toInt());
}

bool BoardView::handleKey(BoardCardList *list, QKeyEvent *event)
{
    const int key = event->key();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int column = list->boardColumn();
    if (key != Qt::Key_Left && key != Qt::Key_Right) {
        if (key == Qt::Key_A && modifiers == Qt::ControlModifier) {
            selectAllInColumn(column);
            return true;
        }
        return false;
    }
    const int step = key == Qt::Key_Left ? -1 : 1;
    if (modifiers == Qt::ShiftModifier) {
        const QList<int> numbers = selectedNumbers();
        const int target = column + step;
        if (!numbers.isEmpty() && target >= 0 && target < m_lists.size())
            Q_EMIT cardsDropped(numbers, target);
        return true;
    }
    if (modifiers != Qt::NoModifier)
        return false;
    // The card at about the same height in the neighbouring column (skipping empty ones).
    const QModelIndex current = list->currentIndex();
    const int y = current.isValid() ? list->visualRect(current).center().y() : 0;
    for (int target = column + step; target >= 0 && target < m_lists.size(); target += step) {
        if (m_model->cardCount(target) == 0)
            continue;
        BoardCardList *next = m_lists[target];
        QModelIndex at = next->indexAt(QPoint(ColumnWidth / 2, y));
        focusColumn(target, at.isValid() ? at.row()
                                         : next->verticalScrollBar()->value() /
                                               BoardCardDelegate::cardHeight(next->font()));
        return true;
    }
    return true;
}

} // namespace Mainstay
