#pragma once

#include "clock.h"
#include "comment.h"
#include "issue.h"
#include "issuequery.h"
#include "labelchange.h"
#include "policy.h"
#include "waitingonus.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <QStringList>
#include <functional>

namespace Mainstay {

// The triage board's data: one top-level row per policy column, its children the open items
// whose labels put them there (the first matching column, Policy::columnFor). Items that match
// no column, closed items and items the filter rejects are kept but not shown, so a later
// upsert, label change or filter change can bring them back without reloading.
//
// Cards are stored per column as (sort key, number) pairs so building from 100,000 items is one
// bucketing pass plus one sort per column, and an upsert finds a card's place by binary search.
class BoardModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns
    {
        CardColumn,
        ColumnCount
    };
    enum Roles
    {
        IsCardRole = Qt::UserRole + 1, // false for the column rows
        BoardColumnRole,               // the policy column's index, for columns and cards
        // Column rows
        ColumnIdRole,
        ColumnTitleRole,
        CountRole,      // cards shown (after the filter)
        TotalCountRole, // open items in the column, filter or not
        SortRole,       // the column's CardSort as int
        // Cards
        NumberRole,
        TitleRole, // plain text: views must never render it as HTML
        AuthorRole,
        FirstTimeContributorRole,
        CreatedAtRole,
        AgeSecondsRole,
        LastActivityRole, // QDateTime
        CommentCountRole,
        ReactionCountRole,
        LabelsRole, // QVariantList of QVariantMap {name, color}
        IsPullRequestRole,
        WaitingOnUsRole,
        WaitingSecondsRole, // -1 when not waiting
        NoResponseYetRole,
        PendingRole,   // the outbox has writes for it that GitHub has not confirmed yet
        SnoozedRole,   // snoozed locally (only seen with setShowSnoozed(true))
        AssigneesRole, // QStringList of logins
    };
    // Per-column card order. Ties are broken by number, lowest first.
    enum class CardSort
    {
        OldestFirst,
        LastActivity, // most recently active first
        MostComments,
        MostReactions,
    };
    Q_ENUM(CardSort)

    explicit BoardModel(const Policy &policy = Policy::defaultPolicy(), QObject *parent = nullptr);

    void setPolicy(const Policy &policy);
    const Policy &policy() const { return m_policy; }
    // Ages are measured against this clock; the system clock by default. Not owned.
    void setClock(const Clock *clock);

    // Replaces every item: one reset, no per-card signals.
    void setItems(QList<Issue> items);
    // Adds new items and updates known ones (by number); a card whose labels changed moves to its
    // new column, a closed one leaves the board. Large batches reset instead.
    void upsert(const QList<Issue> &items);
    void clear();
    // The last comment of each item, by issue number (the store's lastComments()).
    void setLastComments(QHash<int, Comment> lastComments);
    // Logins counted as maintainers besides the policy's list (and the author association).
    void setMaintainers(const QStringList &logins);
    // Only matching cards are shown and counted; the query's sort: is not used (columns sort
    // on their own, setColumnSort()).
    void setFilter(const IssueQuery &filter);
    const IssueQuery &filter() const { return m_filter; }
    void setColumnSort(int column, CardSort sort);
    // Items with writes waiting in the outbox: their cards carry PendingRole.
    void setPendingNumbers(const QSet<int> &numbers);
    const QSet<int> &pendingNumbers() const { return m_pending; }
    // Items snoozed locally: hidden unless setShowSnoozed(true), which shows them marked.
    void setSnoozedNumbers(const QSet<int> &numbers);
    const QSet<int> &snoozedNumbers() const { return m_snoozed; }
    void setShowSnoozed(bool show);
    bool showSnoozed() const { return m_showSnoozed; }
    CardSort columnSort(int column) const;

    // The labels the policy adds and removes when the card moves to `toColumn`; empty for an
    // unknown card or column. Changes nothing here: the app sends it through the outbox and the
    // synced-back item moves the card.
    LabelChange moveCard(int number, int toColumn) const;

    int boardColumnCount() const { return int(m_columns.size()); }
    // Cards shown in a column, and all open items in it.
    int cardCount(int column) const;
    int totalCount(int column) const;
    // Numbers of the cards shown in a column, in display order.
    QList<int> cardNumbers(int column) const;
    const Issue *item(int number) const;
    // Where a card is shown; invalid when it is not.
    QModelIndex indexOfCard(int number) const;
    // The column an item sits in (ignoring the filter); -1 when none or closed or unknown.
    int columnOf(int number) const;
    bool isWaitingOnUs(int number) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Card
    {
        qint64 key = 0; // ascending: the column's sort turned into one number
        int number = 0;
        bool operator<(const Card &other) const
        {
            return key != other.key ? key < other.key : number < other.number;
        }
    };
    struct ColumnState
    {
        QList<Card> cards; // shown, in order
        int total = 0;
        CardSort sort = CardSort::OldestFirst;
    };
    struct Entry
    {
        Issue issue;
        int column = -1; // policy column, -1 when none or closed
        // The folded text free-text filters match (IssueSearchIndex::searchText), made on the
        // first text filter and dropped with the entry when the item changes.
        mutable QByteArray searchText;
    };

    static qint64 sortKey(const Issue &issue, CardSort sort);
    bool matchesFilter(const Entry &entry) const;
    bool isShown(const Entry &entry) const;
    Card cardFor(const Entry &entry) const; // the entry must have a column
    // Every column's shown cards, sorted, in one pass over the items; updates the totals.
    QList<QList<Card>> bucket();
    void replaceAllCards();
    int rowOf(int column, const Card &card) const;
    const Comment *lastComment(int number) const;
    void upsertOne(const Issue &issue);
    void notifyCounts(int column);
    void notifyAllCards(const QList<int> &roles);
    void notifyCard(int number, const QList<int> &roles);
    // Adds or removes the rows of `numbers` whose visibility `change` alters.
    void updateVisibility(const QSet<int> &numbers, const std::function<void()> &change);

    Policy m_policy;
    const Clock *m_clock = Clock::system();
    QHash<int, Entry> m_entries;
    QList<ColumnState> m_columns;
    QHash<int, Comment> m_lastComments;
    QStringList m_extraMaintainers;
    WaitingOnUs m_waiting;
    IssueQuery m_filter;
    QSet<int> m_pending;
    QSet<int> m_snoozed;
    bool m_showSnoozed = false;
};

} // namespace Mainstay
