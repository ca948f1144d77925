#pragma once

#include "boardmodel.h"
#include "issue.h"
#include "issuelistmodel.h"
#include "labelchange.h"
#include "outbox.h"
#include "outboxentry.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

namespace Mainstay {

class Clock;
class WorkspaceStore;

// The triage board's behaviour, without widgets: keeps a BoardModel in step with the
// workspace's IssueListModel, turns triage actions (move, label, close, reply, assign) into
// outbox entries — one per item — and shows their optimistic result at once, remembers how to
// undo them, and keeps the user's local state (snoozes, saved filters) in the workspace's user
// data. Nothing here is ever sent to GitHub except through the outbox.
class BoardSession : public QObject
{
    Q_OBJECT
public:
    // A local "revisit later": the card is hidden until `until`, or until the item shows
    // activity after it was snoozed.
    struct Snooze
    {
        QDateTime until;
        QDateTime snoozedAt;
        QDateTime itemUpdatedAt; // the item's updated_at when it was snoozed

        // Still hiding `issue` at `now`.
        bool isActive(const Issue &issue, const QDateTime &now) const;
    };
    struct SavedFilter
    {
        QString name;
        QString query;
        bool operator==(const SavedFilter &) const = default;
    };

    static inline const QString SnoozeScope = QStringLiteral("snooze");
    static inline const QString SavedFiltersScope = QStringLiteral("saved-filters");

    explicit BoardSession(QObject *parent = nullptr);
    ~BoardSession() override;

    BoardModel *model() { return &m_model; }
    const BoardModel *model() const { return &m_model; }

    // Follows `issues` (reset, inserted and changed rows) and writes through `outbox`. `store`
    // gives last comments, maintainers, labels, the cached issue under the overlay and the user
    // data. Any may be null (the board is then read-only or empty). Nothing is owned.
    void setSources(IssueListModel *issues, Outbox *outbox, WorkspaceStore *store,
                    const Clock *clock, const Policy &policy);
    void clearSources();
    // Rereads last comments, maintainers and labels from the store (after a sync).
    void reloadFromStore();

    IssueListModel *issues() const { return m_issues; }
    Outbox *outbox() const { return m_outbox; }
    WorkspaceStore *store() const { return m_store; }
    const Policy &policy() const { return m_model.policy(); }
    QDateTime now() const;

    // The repository's labels (cached), else the policy's label table.
    QList<Label> knownLabels() const;
    // Maintainers and everyone who opened or is assigned to an item: candidates for `assign`.
    QStringList knownUsers() const;
    // The item as the board shows it (overlay applied); null when unknown.
    const Issue *item(int number) const;

    // --- triage actions: one outbox entry per item; each returns how many entries were queued
    // and records one undo step for the whole call.
    int moveCards(const QList<int> &numbers, int toColumn);
    // Adds and removes labels (the label picker); per item only what changes is sent.
    int changeLabels(const QList<int> &numbers, const LabelChange &change);
    // `reason` is "completed" or "not_planned".
    int closeItems(const QList<int> &numbers, const QString &reason, const QString &comment);
    // `body` may hold {author} (the item author's login, written `@{author}`), {number} and
    // {title}.
    int replyToItems(const QList<int> &numbers, const QString &body);
    int assignItems(const QList<int> &numbers, const QStringList &logins);
    // The reply body for one item, placeholders filled (also for the preview).
    QString replyFor(int number, const QString &body) const;

    // --- undo
    bool canUndo() const { return !m_undo.isEmpty(); }
    QString undoDescription() const;
    // Cancels the last action's entries that have not been sent yet and queues the inverse of
    // those that have (labels back, reopen). A posted comment cannot be taken back: reported
    // through message(). Returns false when there is nothing to undo.
    bool undo();

    // --- snooze (local only)
    void snooze(const QList<int> &numbers, int days);
    void unsnooze(const QList<int> &numbers);
    QHash<int, Snooze> snoozes() const { return m_snoozes; }
    // Drops snoozes that ran out or whose item moved since, and updates the board's hidden set.
    void refreshSnoozes();

    // --- saved filters (named views), in the order they were saved
    QList<SavedFilter> savedFilters() const;
    bool saveFilter(const QString &name, const QString &query);
    bool removeFilter(const QString &name);

    // --- stale items: open issues and PRs with no activity for the policy's days, oldest first
    QList<int> staleNumbers() const;

Q_SIGNALS:
    void undoChanged(bool available, const QString &description);
    // Something the user should read (an action that could not be done completely).
    void message(const QString &text);
    // An action queued entries (for a toast with Undo).
    void actionQueued(const QString &description);

private:
    enum class StepKind
    {
        Labels,
        Close,
        Comment,
        Assign
    };
    struct UndoStep
    {
        StepKind kind = StepKind::Labels;
        int number = 0;
        qint64 entryId = 0;
        QStringList previousLabels;
    };
    struct UndoGroup
    {
        QString description;
        QList<UndoStep> steps;
    };

    void onReset();
    void onRows(int first, int last);
    void refreshPending();
    // Shows the item as it will be once the outbox's pending entries are done.
    void refreshItem(int number);
    qint64 queueLabels(int number, const QStringList &current, const LabelChange &change);
    // Queues changeFor(current labels) for each item and pushes one undo group for them.
    int queueLabelChanges(const QList<int> &numbers,
                          const std::function<LabelChange(const QStringList &)> &changeFor,
                          const std::function<QString(const UndoGroup &)> &describe);
    void pushUndo(UndoGroup group);
    void saveSnoozes(const QList<int> &numbers);

    BoardModel m_model;
    QPointer<IssueListModel> m_issues;
    QPointer<Outbox> m_outbox;
    WorkspaceStore *m_store = nullptr;
    const Clock *m_clock = nullptr;
    QList<QMetaObject::Connection> m_connections;
    QList<UndoGroup> m_undo;
    QHash<int, Snooze> m_snoozes;
    QList<Label> m_labels;
};

} // namespace Mainstay
