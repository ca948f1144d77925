#include "boardmodel.h"

#include "issuesearchindex.h"

#include <algorithm>
#include <limits>

namespace Mainstay {

namespace {

// Past this many items in one upsert, one replacement per column is cheaper for the views than
// a signal per card.
constexpr qsizetype BatchThreshold = 500;

QVariantList labelList(const QList<Label> &labels)
{
    QVariantList list;
    list.reserve(labels.size());
    for (const Label &label : labels)
        list.append(QVariantMap{{QStringLiteral("name"), label.name},
                                {QStringLiteral("color"), label.color}});
    return list;
}

} // namespace

BoardModel::BoardModel(const Policy &policy, QObject *parent)
    : QAbstractItemModel(parent)
    , m_policy(policy)
    , m_columns(policy.boardColumns.size())
{
    m_waiting.setMaintainers(m_policy.maintainers);
}

void BoardModel::setPolicy(const Policy &policy)
{
    beginResetModel();
    QList<CardSort> sorts;
    for (const ColumnState &state : std::as_const(m_columns))
        sorts.append(state.sort);
    m_policy = policy;
    // Columns keep their order by position: a policy that only retitles keeps the user's sorts.
    m_columns = QList<ColumnState>(m_policy.boardColumns.size());
    for (qsizetype i = 0; i < m_columns.size() && i < sorts.size(); ++i)
        m_columns[i].sort = sorts[i];
    for (Entry &entry : m_entries)
        entry.column = m_policy.columnFor(entry.issue.labels);
    m_waiting.setMaintainers(m_policy.maintainers + m_extraMaintainers);
    const QList<QList<Card>> cards = bucket();
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_columns[i].cards = cards[i];
    endResetModel();
}

void BoardModel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : Clock::system();
    notifyAllCards({AgeSecondsRole, WaitingSecondsRole});
}

void BoardModel::setItems(QList<Issue> items)
{
    beginResetModel();
    m_entries.clear();
    m_entries.reserve(items.size());
    for (Issue &issue : items) {
        if (!issue.isOpen())
            continue;
        const int column = m_policy.columnFor(issue.labels);
        const int number = issue.number;
        m_entries.insert(number, Entry{std::move(issue), column, {}});
    }
    QList<QList<Card>> cards = bucket();
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_columns[i].cards = std::move(cards[i]);
    endResetModel();
}

void BoardModel::clear()
{
    setItems({});
}

void BoardModel::upsert(const QList<Issue> &items)
{
    if (items.size() <= BatchThreshold) {
        for (const Issue &issue : items)
            upsertOne(issue);
        return;
    }
    for (const Issue &issue : items) {
        if (!issue.isOpen()) {
            m_entries.remove(issue.number);
            continue;
        }
        m_entries.insert(issue.number, Entry{issue, m_policy.columnFor(issue.labels), {}});
    }
    replaceAllCards();
}

void BoardModel::setLastComments(QHash<int, Comment> lastComments)
{
    m_lastComments = std::move(lastComments);
    notifyAllCards({WaitingOnUsRole, WaitingSecondsRole, NoResponseYetRole});
}

void BoardModel::setMaintainers(const QStringList &logins)
{
    m_extraMaintainers = logins;
    m_waiting.setMaintainers(m_policy.maintainers + m_extraMaintainers);
    notifyAllCards({WaitingOnUsRole, WaitingSecondsRole});
}

void BoardModel::setFilter(const IssueQuery &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    replaceAllCards();
}

void BoardModel::setColumnSort(int column, CardSort sort)
{
    if (column < 0 || column >= m_columns.size() || m_columns[column].sort == sort)
        return;
    const QModelIndex parent = index(column, 0);
    emit layoutAboutToBeChanged({QPersistentModelIndex(parent)},
                                QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (selection, current card) follow their card to its new row.
    const QModelIndexList persistent = persistentIndexList();
    QModelIndexList from;
    QList<int> numbers;
    for (const QModelIndex &index : persistent) {
        if (index.internalId() == quintptr(column) + 1) {
            from.append(index);
            numbers.append(m_columns[column].cards.value(index.row()).number);
        }
    }
    ColumnState &state = m_columns[column];
    state.sort = sort;
    for (Card &card : state.cards)
        card.key = sortKey(m_entries.constFind(card.number)->issue, sort);
    std::sort(state.cards.begin(), state.cards.end());
    QModelIndexList to;
    if (!from.isEmpty()) {
        QHash<int, int> rowByNumber;
        rowByNumber.reserve(state.cards.size());
        for (qsizetype row = 0; row < state.cards.size(); ++row)
            rowByNumber.insert(state.cards[row].number, int(row));
        for (qsizetype i = 0; i < from.size(); ++i)
            to.append(
                createIndex(rowByNumber.value(numbers[i]), from[i].column(), quintptr(column) + 1));
        changePersistentIndexList(from, to);
    }
    emit layoutChanged({QPersistentModelIndex(parent)}, QAbstractItemModel::VerticalSortHint);
    emit dataChanged(parent, parent, {SortRole});
}

void BoardModel::setPendingNumbers(const QSet<int> &numbers)
{
    if (numbers == m_pending)
        return;
    const QSet<int> changed = (numbers - m_pending) + (m_pending - numbers);
    m_pending = numbers;
    for (int number : changed)
        notifyCard(number, {PendingRole});
}

void BoardModel::setSnoozedNumbers(const QSet<int> &numbers)
{
    if (numbers == m_snoozed)
        return;
    const QSet<int> changed = (numbers - m_snoozed) + (m_snoozed - numbers);
    if (m_showSnoozed) {
        m_snoozed = numbers;
        for (int number : changed)
            notifyCard(number, {SnoozedRole});
        return;
    }
    updateVisibility(changed, [this, &numbers] { m_snoozed = numbers; });
}

void BoardModel::setShowSnoozed(bool show)
{
    if (show == m_showSnoozed)
        return;
    updateVisibility(m_snoozed, [this, show] { m_showSnoozed = show; });
}

void BoardModel::updateVisibility(const QSet<int> &numbers, const std::function<void()> &change)
{
    if (numbers.size() > BatchThreshold) {
        change();
        replaceAllCards();
        return;
    }
    QHash<int, bool> wasShown;
    for (int number : numbers) {
        const auto it = m_entries.constFind(number);
        if (it != m_entries.cend())
            wasShown.insert(number, isShown(*it));
    }
    change();
    QSet<int> touched;
    for (auto shown = wasShown.cbegin(); shown != wasShown.cend(); ++shown) {
        const Entry &entry = *m_entries.constFind(shown.key());
        const bool now = isShown(entry);
        if (now == shown.value())
            continue;
        const Card card = cardFor(entry);
        QList<Card> &cards = m_columns[entry.column].cards;
        const QModelIndex parent = index(entry.column, 0);
        if (now) {
            const int row =
                int(std::lower_bound(cards.cbegin(), cards.cend(), card) - cards.cbegin());
            beginInsertRows(parent, row, row);
            cards.insert(row, card);
            endInsertRows();
        } else {
            const int row = rowOf(entry.column, card);
            if (row < 0)
                continue;
            beginRemoveRows(parent, row, row);
            cards.removeAt(row);
            endRemoveRows();
        }
        touched.insert(entry.column);
    }
    for (int column : std::as_const(touched))
        notifyCounts(column);
}

void BoardModel::notifyCard(int number, const QList<int> &roles)
{
    const QModelIndex card = indexOfCard(number);
    if (card.isValid())
        emit dataChanged(card, card, roles);
}

BoardModel::CardSort BoardModel::columnSort(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns[column].sort
                                                    : CardSort::OldestFirst;
}

LabelChange BoardModel::moveCard(int number, int toColumn) const
{
    const auto it = m_entries.constFind(number);
    if (it == m_entries.cend())
        return {};
    return m_policy.labelChangeForMove(it->issue.labels, toColumn);
}

int BoardModel::cardCount(int column) const
{
    return column >= 0 && column < m_columns.size() ? int(m_columns[column].cards.size()) : 0;
}

int BoardModel::totalCount(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns[column].total : 0;
}

QList<int> BoardModel::cardNumbers(int column) const
{
    QList<int> numbers;
    if (column < 0 || column >= m_columns.size())
        return numbers;
    numbers.reserve(m_columns[column].cards.size());
    for (const Card &card : m_columns[column].cards)
        numbers.append(card.number);
    return numbers;
}

const Issue *BoardModel::item(int number) const
{
    const auto it = m_entries.constFind(number);
    return it == m_entries.cend() ? nullptr : &it->issue;
}

QModelIndex BoardModel::indexOfCard(int number) const
{
    const auto it = m_entries.constFind(number);
    if (it == m_entries.cend() || !isShown(*it))
        return {};
    const int row = rowOf(it->column, cardFor(*it));
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(it->column) + 1);
}

int BoardModel::columnOf(int number) const
{
    const auto it = m_entries.constFind(number);
    return it == m_entries.cend() ? -1 : it->column;
}

bool BoardModel::isWaitingOnUs(int number) const
{
    const Issue *issue = item(number);
    return issue && m_waiting.isWaiting(*issue, lastComment(number));
}

QModelIndex BoardModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != CardColumn || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_columns.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_columns.size())
        return {};
    if (row >= m_columns[parent.row()].cards.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex BoardModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int BoardModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_columns.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return cardCount(parent.row());
}

int BoardModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool BoardModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant BoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0) {
        const int column = index.row();
        const BoardColumn &spec = m_policy.boardColumns[column];
        switch (role) {
        case Qt::DisplayRole:
        case ColumnTitleRole:
            return spec.title;
        case IsCardRole:
            return false;
        case BoardColumnRole:
            return column;
        case ColumnIdRole:
            return spec.id;
        case CountRole:
            return cardCount(column);
        case TotalCountRole:
            return totalCount(column);
        case SortRole:
            return int(m_columns[column].sort);
        default:
            return {};
        }
    }
    const int column = int(index.internalId() - 1);
    const int number = m_columns[column].cards[index.row()].number;
    const auto it = m_entries.constFind(number);
    if (it == m_entries.cend())
        return {};
    const Issue &issue = it->issue;
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("#%1 %2").arg(number).arg(issue.title);
    case IsCardRole:
        return true;
    case BoardColumnRole:
        return column;
    case NumberRole:
        return number;
    case TitleRole:
        return issue.title;
    case AuthorRole:
        return issue.author.login;
    case FirstTimeContributorRole:
        return isFirstTimeAssociation(issue.authorAssociation);
    case CreatedAtRole:
        return issue.createdAt;
    case AgeSecondsRole:
        return WaitingOnUs::ageSeconds(issue, m_clock->now());
    case LastActivityRole:
        return issue.updatedAt.isValid() ? issue.updatedAt : issue.createdAt;
    case CommentCountRole:
        return issue.commentCount;
    case ReactionCountRole:
        return issue.reactionCount;
    case LabelsRole:
        return labelList(issue.labels);
    case IsPullRequestRole:
        return issue.isPullRequest;
    case WaitingOnUsRole:
        return m_waiting.isWaiting(issue, lastComment(number));
    case WaitingSecondsRole:
        return m_waiting.waitingSeconds(issue, lastComment(number), m_clock->now());
    case NoResponseYetRole:
        return WaitingOnUs::hasNoResponse(issue, lastComment(number));
    case PendingRole:
        return m_pending.contains(number);
    case SnoozedRole:
        return m_snoozed.contains(number);
    case AssigneesRole: {
        QStringList logins;
        for (const User &user : issue.assignees)
            logins.append(user.login);
        return logins;
    }
    default:
        return {};
    }
}

Qt::ItemFlags BoardModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == 0)
        return Qt::ItemIsEnabled | Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> BoardModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IsCardRole, "isCard");
    names.insert(BoardColumnRole, "boardColumn");
    names.insert(ColumnIdRole, "columnId");
    names.insert(ColumnTitleRole, "columnTitle");
    names.insert(CountRole, "count");
    names.insert(TotalCountRole, "totalCount");
    names.insert(SortRole, "sort");
    names.insert(NumberRole, "number");
    names.insert(TitleRole, "title");
    names.insert(AuthorRole, "author");
    names.insert(FirstTimeContributorRole, "firstTimeContributor");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(AgeSecondsRole, "ageSeconds");
    names.insert(LastActivityRole, "lastActivity");
    names.insert(CommentCountRole, "commentCount");
    names.insert(ReactionCountRole, "reactionCount");
    names.insert(LabelsRole, "labels");
    names.insert(IsPullRequestRole, "isPullRequest");
    names.insert(WaitingOnUsRole, "waitingOnUs");
    names.insert(WaitingSecondsRole, "waitingSeconds");
    names.insert(NoResponseYetRole, "noResponseYet");
    names.insert(PendingRole, "pending");
    names.insert(SnoozedRole, "snoozed");
    names.insert(AssigneesRole, "assignees");
    return names;
}

qint64 BoardModel::sortKey(const Issue &issue, CardSort sort)
{
    constexpr qint64 latest = std::numeric_limits<qint64>::max();
    switch (sort) {
    case CardSort::OldestFirst:
        // Undated items go last: they are the least informative to triage first.
        return issue.createdAt.isValid() ? issue.createdAt.toMSecsSinceEpoch() : latest;
    case CardSort::LastActivity: {
        const QDateTime &at = issue.updatedAt.isValid() ? issue.updatedAt : issue.createdAt;
        return at.isValid() ? -at.toMSecsSinceEpoch() : latest;
    }
    case CardSort::MostComments:
        return -qint64(issue.commentCount);
    case CardSort::MostReactions:
        return -qint64(issue.reactionCount);
    }
    return 0;
}

bool BoardModel::isShown(const Entry &entry) const
{
    return entry.column >= 0 && entry.column < m_columns.size() && entry.issue.isOpen() &&
           (m_showSnoozed || !m_snoozed.contains(entry.issue.number)) && matchesFilter(entry);
}

bool BoardModel::matchesFilter(const Entry &entry) const
{
    if (!m_filter.hasConditions())
        return true;
    if (!m_filter.hasText())
        return m_filter.matches(entry.issue);
    if (entry.searchText.isNull())
        entry.searchText = IssueSearchIndex::searchText(entry.issue);
    return m_filter.matches(entry.issue, QByteArrayView(entry.searchText));
}

BoardModel::Card BoardModel::cardFor(const Entry &entry) const
{
    return Card{sortKey(entry.issue, m_columns[entry.column].sort), entry.issue.number};
}

QList<QList<BoardModel::Card>> BoardModel::bucket()
{
    QList<QList<Card>> cards(m_columns.size());
    for (ColumnState &state : m_columns)
        state.total = 0;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.column < 0 || entry.column >= m_columns.size())
            continue;
        ++m_columns[entry.column].total;
        if (isShown(entry))
            cards[entry.column].append(cardFor(entry));
    }
    for (QList<Card> &column : cards)
        std::sort(column.begin(), column.end());
    return cards;
}

void BoardModel::replaceAllCards()
{
    // Each column's rows are replaced wholesale (two signals a column, none per card) so the
    // column indexes, which the views use as their roots, stay valid — a reset would drop them.
    QList<QList<Card>> cards = bucket();
    for (qsizetype column = 0; column < m_columns.size(); ++column) {
        ColumnState &state = m_columns[column];
        const QModelIndex parent = index(int(column), 0);
        if (!state.cards.isEmpty()) {
            beginRemoveRows(parent, 0, int(state.cards.size()) - 1);
            state.cards.clear();
            endRemoveRows();
        }
        if (!cards[column].isEmpty()) {
            beginInsertRows(parent, 0, int(cards[column].size()) - 1);
            state.cards = std::move(cards[column]);
            endInsertRows();
        }
        notifyCounts(int(column));
    }
}

int BoardModel::rowOf(int column, const Card &card) const
{
    if (column < 0 || column >= m_columns.size())
        return -1;
    const QList<Card> &cards = m_columns[column].cards;
    const auto it = std::lower_bound(cards.cbegin(), cards.cend(), card);
    if (it == cards.cend() || it->number != card.number)
        return -1;
    return int(it - cards.cbegin());
}

const Comment *BoardModel::lastComment(int number) const
{
    const auto it = m_lastComments.constFind(number);
    return it == m_lastComments.cend() ? nullptr : &*it;
}

void BoardModel::upsertOne(const Issue &issue)
{
    const int number = issue.number;
    auto it = m_entries.find(number);
    Entry incoming{issue, issue.isOpen() ? m_policy.columnFor(issue.labels) : -1, {}};
    const bool newShown = isShown(incoming);

    int oldColumn = -1;
    int oldRow = -1;
    if (it != m_entries.end()) {
        if (it->issue == issue)
            return;
        oldColumn = it->column;
        if (isShown(*it))
            oldRow = rowOf(oldColumn, cardFor(*it));
    }
    const int newColumn = incoming.column;
    const Card newCard = newShown ? cardFor(incoming) : Card{};

    if (oldRow >= 0 && newShown) {
        QList<Card> &source = m_columns[oldColumn].cards;
        const QModelIndex sourceParent = index(oldColumn, 0);
        const QModelIndex targetParent = index(newColumn, 0);
        // Where the card goes once it has left its old row.
        const Card oldCard = source[oldRow];
        source.removeAt(oldRow);
        QList<Card> &target = m_columns[newColumn].cards;
        const int newRow =
            int(std::lower_bound(target.cbegin(), target.cend(), newCard) - target.cbegin());
        source.insert(oldRow, oldCard);
        if (oldColumn == newColumn && newRow == oldRow) {
            source[oldRow] = newCard;
            *it = std::move(incoming);
        } else {
            const int destination = oldColumn == newColumn && newRow > oldRow ? newRow + 1 : newRow;
            beginMoveRows(sourceParent, oldRow, oldRow, targetParent, destination);
            source.removeAt(oldRow);
            m_columns[newColumn].cards.insert(newRow, newCard);
            *it = std::move(incoming);
            endMoveRows();
        }
        const QModelIndex moved = index(newRow, 0, targetParent);
        emit dataChanged(moved, moved);
    } else if (oldRow >= 0) {
        beginRemoveRows(index(oldColumn, 0), oldRow, oldRow);
        m_columns[oldColumn].cards.removeAt(oldRow);
        endRemoveRows();
        if (issue.isOpen())
            *it = std::move(incoming);
        else
            m_entries.erase(it);
    } else {
        // Not shown before: only the bookkeeping changes, then the card appears if it should.
        if (it != m_entries.end()) {
            if (issue.isOpen())
                *it = std::move(incoming);
            else
                m_entries.erase(it);
        } else if (issue.isOpen()) {
            m_entries.insert(number, std::move(incoming));
        }
        if (newShown) {
            QList<Card> &target = m_columns[newColumn].cards;
            const int newRow =
                int(std::lower_bound(target.cbegin(), target.cend(), newCard) - target.cbegin());
            beginInsertRows(index(newColumn, 0), newRow, newRow);
            target.insert(newRow, newCard);
            endInsertRows();
        }
    }

    if (oldColumn != newColumn) {
        if (oldColumn >= 0)
            --m_columns[oldColumn].total;
        if (newColumn >= 0)
            ++m_columns[newColumn].total;
    }
    if (oldColumn >= 0)
        notifyCounts(oldColumn);
    if (newColumn >= 0 && newColumn != oldColumn)
        notifyCounts(newColumn);
}

void BoardModel::notifyCounts(int column)
{
    const QModelIndex row = index(column, 0);
    emit dataChanged(row, row, {CountRole, TotalCountRole});
}

void BoardModel::notifyAllCards(const QList<int> &roles)
{
    for (qsizetype column = 0; column < m_columns.size(); ++column) {
        const int count = int(m_columns[column].cards.size());
        if (count == 0)
            continue;
        const QModelIndex parent = index(int(column), 0);
        emit dataChanged(index(0, 0, parent), index(count - 1, 0, parent), roles);
    }
}

} // namespace Mainstay
