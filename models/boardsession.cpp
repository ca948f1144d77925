#include "boardsession.h"

#include "clock.h"
#include "issuelistmodel.h"
#include "outbox.h"
#include "outboxoverlay.h"
#include "workspacestore.h"

#include <QJsonObject>

#include <algorithm>

namespace Mainstay {

namespace {

QString timestamp(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODate);
    return at.isValid() ? at.toUTC() : QDateTime();
}

bool containsLabel(const QStringList &labels, const QString &name)
{
    return labels.contains(name, Qt::CaseInsensitive);
}

QStringList labelNames(const Issue &issue)
{
    QStringList names;
    for (const Label &label : issue.labels)
        names.append(label.name);
    return names;
}

QString itemsText(int count)
{
    return count == 1 ? BoardSession::tr("1 item") : BoardSession::tr("%1 items").arg(count);
}

} // namespace

bool BoardSession::Snooze::isActive(const Issue &issue, const QDateTime &now) const
{
    if (!until.isValid() || now >= until)
        return false;
    // New activity wakes the card up: anything GitHub saw after the snooze.
    const QDateTime since = std::max(snoozedAt, itemUpdatedAt);
    return !(issue.updatedAt.isValid() && since.isValid() && issue.updatedAt > since);
}

BoardSession::BoardSession(QObject *parent)
    : QObject(parent)
{}

BoardSession::~BoardSession()
{
    clearSources();
}

void BoardSession::setSources(IssueListModel *issues, Outbox *outbox, WorkspaceStore *store,
                              const Clock *clock, const Policy &policy)
{
    clearSources();
    m_issues = issues;
    m_outbox = outbox;
    m_store = store;
    m_clock = clock;
    m_model.setClock(clock);
    if (!(m_model.policy() == policy))
        m_model.setPolicy(policy);
    if (issues) {
        m_connections.append(
            connect(issues, &QAbstractItemModel::modelReset, this, &BoardSession::onReset));
        m_connections.append(
            connect(issues, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &, int first, int last) { onRows(first, last); }));
        m_connections.append(connect(issues, &QAbstractItemModel::dataChanged, this,
                                     [this](const QModelIndex &top, const QModelIndex &bottom) {
                                         onRows(top.row(), bottom.row());
                                     }));
        m_connections.append(
            connect(issues, &QAbstractItemModel::rowsRemoved, this, &BoardSession::onReset));
    }
    if (outbox) {
        for (auto signal : {&Outbox::entryQueued, &Outbox::entrySending, &Outbox::entrySent})
            m_connections.append(connect(outbox, signal, this, &BoardSession::refreshPending));
        m_connections.append(
            connect(outbox, &Outbox::entryFailed, this, &BoardSession::refreshPending));
        m_connections.append(
            connect(outbox, &Outbox::pendingCountChanged, this, &BoardSession::refreshPending));
    }
    m_snoozes.clear();
    if (m_store) {
        const QHash<QString, QJsonValue> stored = m_store->userData().localValues(SnoozeScope);
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            bool ok = false;
            const int number = it.key().toInt(&ok);
            const QJsonObject object = it.value().toObject();
            Snooze snooze{parseTimestamp(object.value(QStringLiteral("until"))),
                          parseTimestamp(object.value(QStringLiteral("snoozedAt"))),
                          parseTimestamp(object.value(QStringLiteral("itemUpdatedAt")))};
            if (ok && number > 0 && snooze.until.isValid())
                m_snoozes.insert(number, snooze);
        }
    }
    m_undo.clear();
    Q_EMIT undoChanged(false, {});
    reloadFromStore();
    onReset();
    refreshPending();
}

void BoardSession::clearSources()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_issues = nullptr;
    m_outbox = nullptr;
    m_store = nullptr;
    m_clock = nullptr;
    m_labels.clear();
    m_snoozes.clear();
    if (!m_undo.isEmpty()) {
        m_undo.clear();
        Q_EMIT undoChanged(false, {});
    }
    m_model.setPendingNumbers({});
    m_model.setSnoozedNumbers({});
    m_model.clear();
}

void BoardSession::reloadFromStore()
{
    if (!m_store || !m_store->isOpen())
        return;
    m_model.setLastComments(m_store->cache().lastComments());
    m_model.setMaintainers(m_store->cache().loadMaintainers());
    m_labels = m_store->cache().loadLabels();
}

QDateTime BoardSession::now() const
{
    return (m_clock ? m_clock : Clock::system())->now();
}

QList<Label> BoardSession::knownLabels() const
{
    if (!m_labels.isEmpty())
        return m_labels;
    QList<Label> labels;
    for (const LabelSpec &spec : policy().labels)
        labels.append(Label{0, spec.name, spec.color, spec.description, false});
    return labels;
}

QStringList BoardSession::knownUsers() const
{
    QStringList users = policy().maintainers;
    if (m_store && m_store->isOpen())
        users += m_store->cache().loadMaintainers();
    if (m_issues) {
        QSet<QString> seen;
        for (const Issue &issue : m_issues->issues()) {
            if (!issue.isOpen())
                continue;
            for (const User &user : issue.assignees)
                seen.insert(user.login);
        }
        users += QStringList(seen.cbegin(), seen.cend());
    }
    users.removeAll(QString());
    std::sort(users.begin(), users.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    users.erase(std::unique(users.begin(), users.end(),
                            [](const QString &a, const QString &b) {
                                return a.compare(b, Qt::CaseInsensitive) == 0;
                            }),
                users.end());
    return users;
}

const Issue *BoardSession::item(int number) const
{
    if (const Issue *issue = m_model.item(number))
        return issue;
    return m_issues ? m_issues->issueByNumber(number) : nullptr;
}

void BoardSession::onReset()
{
    m_model.setItems(m_issues ? m_issues->issues() : QList<Issue>());
    refreshSnoozes();
}

void BoardSession::onRows(int first, int last)
{
    if (!m_issues)
        return;
    const QList<Issue> &all = m_issues->issues();
    QList<Issue> changed;
    for (int row = std::max(0, first); row <= last && row < all.size(); ++row)
        changed.append(all[row]);
    m_model.upsert(changed);
    bool woke = false;
    for (const Issue &issue : std::as_const(changed)) {
        const auto it = m_snoozes.constFind(issue.number);
        if (it != m_snoozes.cend() && !it->isActive(issue, now()))
            woke = true;
    }
    if (woke)
        refreshSnoozes();
}

void BoardSession::refreshPending()
{
    m_model.setPendingNumbers(m_outbox ? OutboxOverlay::pendingIssueNumbers(m_outbox->pending())
                                       : QSet<int>());
}

void BoardSession::refreshItem(int number)
{
    if (!m_issues || !m_outbox)
        return;
    const QList<OutboxEntry> pending = m_outbox->pending();
    std::optional<Issue> base;
    if (m_store && m_store->isOpen())
        base = m_store->cache().issue(number);
    Issue issue;
    if (base) {
        issue = OutboxOverlay::apply(*base, pending, knownLabels());
        issue.body.clear(); // the list keeps bodies out, like the cache load does
    } else if (const Issue *current = m_issues->issueByNumber(number)) {
        // Not cached (yet): the last entry is all that can be added to what is shown.
        QList<OutboxEntry> last;
        if (!pending.isEmpty() && OutboxOverlay::issueNumberOf(pending.last()) == number)
            last.append(pending.last());
        issue = OutboxOverlay::apply(*current, last, knownLabels());
    } else {
        return;
    }
    m_issues->upsert({issue});
    refreshPending();
}

qint64 BoardSession::queueLabels(int number, const QStringList &current, const LabelChange &change)
{
    LabelChange effective;
    for (const QString &name : change.add)
        if (!containsLabel(current, name) && !containsLabel(effective.add, name))
            effective.add.append(name);
    for (const QString &name : change.remove)
        if (containsLabel(current, name) && !containsLabel(effective.remove, name))
            effective.remove.append(name);
    if (effective.isEmpty())
        return 0;
    if (!effective.add.isEmpty() && !effective.remove.isEmpty()) {
        // Both ways at once: one replacement keeps it a single write.
        QStringList labels;
        for (const QString &name : current)
            if (!containsLabel(effective.remove, name))
                labels.append(name);
        labels += effective.add;
        return m_outbox->setLabels(number, labels);
    }
    if (!effective.add.isEmpty())
        return m_outbox->addLabels(number, effective.add);
    return m_outbox->removeLabels(number, effective.remove);
}

int BoardSession::moveCards(const QList<int> &numbers, int toColumn)
{
    if (!m_outbox || toColumn < 0 || toColumn >= policy().boardColumns.size())
        return 0;
    return queueLabelChanges(
        numbers,
        [&](const QStringList &current) { return policy().labelChangeForMove(current, toColumn); },
        [&](const UndoGroup &group) {
            return tr("Moved %1 to %2")
                .arg(group.steps.size() == 1 ? QStringLiteral("#%1").arg(group.steps.first().number)
                                             : itemsText(int(group.steps.size())),
                     policy().boardColumns[toColumn].title);
        });
}

int BoardSession::queueLabelChanges(
    const QList<int> &numbers, const std::function<LabelChange(const QStringList &)> &changeFor,
    const std::function<QString(const UndoGroup &)> &describe)
{
    // One outbox entry per item, one undo step for them all.
    UndoGroup group;
    for (int number : numbers) {
        const Issue *issue = item(number);
        if (!issue)
            continue;
        const QStringList current = labelNames(*issue);
        const qint64 id = queueLabels(number, current, changeFor(current));
        if (id <= 0)
            continue;
        group.steps.append(UndoStep{StepKind::Labels, number, id, current});
        refreshItem(number);
    }
    if (group.steps.isEmpty())
        return 0;
    group.description = describe(group);
    const int count = int(group.steps.size());
    pushUndo(std::move(group));
    return count;
}

int BoardSession::changeLabels(const QList<int> &numbers, const LabelChange &change)
{
    if (!m_outbox)
        return 0;
    return queueLabelChanges(
        numbers, [&](const QStringList &) { return change; },
        [](const UndoGroup &group) {
            return tr("Changed the labels of %1").arg(itemsText(int(group.steps.size())));
        });
}

int BoardSession::closeItems(const QList<int> &numbers, const QString &reason,
                             const QString &comment)
{
    if (!m_outbox)
        return 0;
    UndoGroup group;
    for (int number : numbers) {
        const Issue *issue = item(number);
        if (!issue || !issue->isOpen())
            continue;
        const QString body = comment.trimmed().isEmpty() ? QString() : replyFor(number, comment);
        const qint64 id = m_outbox->closeIssue(number, reason, body);
        if (id <= 0)
            continue;
        group.steps.append(UndoStep{StepKind::Close, number, id, {}});
        refreshItem(number);
    }
    if (group.steps.isEmpty())
        return 0;
    group.description =
        tr("Closed %1 as %2")
            .arg(itemsText(int(group.steps.size())),
                 reason == QLatin1String("not_planned") ? tr("not planned") : tr("completed"));
    const int count = int(group.steps.size());
    pushUndo(std::move(group));
    return count;
}

QString BoardSession::replyFor(int number, const QString &body) const
{
    const Issue *issue = item(number);
    CannedReply reply{{}, {}, body};
    QHash<QString, QString> values;
    values.insert(QStringLiteral("number"), QString::number(number));
    if (issue) {
        // The policy writes `@{author}`: the login without its @.
        values.insert(QStringLiteral("author"), issue->author.login);
        values.insert(QStringLiteral("title"), issue->title);
    }
    return reply.render(values);
}

int BoardSession::replyToItems(const QList<int> &numbers, const QString &body)
{
    if (!m_outbox || body.trimmed().isEmpty())
        return 0;
    UndoGroup group;
    for (int number : numbers) {
        if (!item(number))
            continue;
        const qint64 id = m_outbox->comment(number, replyFor(number, body));
        if (id <= 0)
            continue;
        group.steps.append(UndoStep{StepKind::Comment, number, id, {}});
        refreshItem(number);
    }
    if (group.steps.isEmpty())
        return 0;
    group.description = tr("Replied to %1").arg(itemsText(int(group.steps.size())));
    const int count = int(group.steps.size());
    pushUndo(std::move(group));
    return count;
}

int BoardSession::assignItems(const QList<int> &numbers, const QStringList &logins)
{
    if (!m_outbox || logins.isEmpty())
        return 0;
    UndoGroup group;
    for (int number : numbers) {
        if (!item(number))
            continue;
        const qint64 id = m_outbox->assign(number, logins);
        if (id <= 0)
            continue;
        group.steps.append(UndoStep{StepKind::Assign, number, id, {}});
        refreshItem(number);
    }
    if (group.steps.isEmpty())
        return 0;
    group.description =
        tr("Assigned %1 to %2").arg(itemsText(int(group.steps.size())), logins.join(u", "));
    const int count = int(group.steps.size());
    pushUndo(std::move(group));
    return count;
}

void BoardSession::pushUndo(UndoGroup group)
{
    const QString description = group.description;
    m_undo.append(std::move(group));
    while (m_undo.size() > 50)
        m_undo.removeFirst();
    Q_EMIT undoChanged(true, description);
    Q_EMIT actionQueued(description);
}

QString BoardSession::undoDescription() const
{
    return m_undo.isEmpty() ? QString() : m_undo.last().description;
}

bool BoardSession::undo()
{
    if (m_undo.isEmpty() || !m_outbox || !m_store)
        return false;
    const UndoGroup group = m_undo.takeLast();
    QStringList unreachable;
    // Latest first, so several steps on one item unwind in order.
    for (auto step = group.steps.crbegin(); step != group.steps.crend(); ++step) {
        const std::optional<OutboxEntry> entry = m_store->userData().entry(step->entryId);
        if (entry && entry->state == OutboxEntry::State::Queued && m_outbox->cancel(entry->id)) {
            refreshItem(step->number);
            continue;
        }
        if (entry && (entry->state == OutboxEntry::State::Failed ||
                      entry->state == OutboxEntry::State::Cancelled))
            continue; // it never happened
        switch (step->kind) {
        case StepKind::Labels:
            m_outbox->setLabels(step->number, step->previousLabels);
            break;
        case StepKind::Close:
            m_outbox->reopenIssue(step->number);
            break;
        case StepKind::Comment:
        case StepKind::Assign:
            unreachable.append(QStringLiteral("#%1").arg(step->number));
            continue;
        }
        refreshItem(step->number);
    }
    if (!unreachable.isEmpty())
        Q_EMIT message(tr("Already sent to GitHub and not undone: %1 (edit them on GitHub).")
                           .arg(unreachable.join(u", ")));
    Q_EMIT undoChanged(!m_undo.isEmpty(), undoDescription());
    return true;
}

void BoardSession::snooze(const QList<int> &numbers, int days)
{
    const QDateTime at = now();
    for (int number : numbers) {
        const Issue *issue = item(number);
        m_snoozes.insert(number, Snooze{at.addDays(std::max(1, days)), at,
                                        issue ? issue->updatedAt.toUTC() : QDateTime()});
    }
    saveSnoozes(numbers);
    refreshSnoozes();
}

void BoardSession::unsnooze(const QList<int> &numbers)
{
    for (int number : numbers)
        m_snoozes.remove(number);
    saveSnoozes(numbers);
    refreshSnoozes();
}

void BoardSession::saveSnoozes(const QList<int> &numbers)
{
    if (!m_store || !m_store->isOpen())
        return;
    for (int number : numbers) {
        const QString key = QString::number(number);
        const auto it = m_snoozes.constFind(number);
        if (it == m_snoozes.cend()) {
            m_store->userData().removeLocalValue(SnoozeScope, key);
            continue;
        }
        m_store->userData().setLocalValue(
            SnoozeScope, key,
            QJsonObject{{QStringLiteral("until"), timestamp(it->until)},
                        {QStringLiteral("snoozedAt"), timestamp(it->snoozedAt)},
                        {QStringLiteral("itemUpdatedAt"),
                         it->itemUpdatedAt.isValid() ? timestamp(it->itemUpdatedAt) : QString()}});
    }
}

void BoardSession::refreshSnoozes()
{
    const QDateTime at = now();
    QSet<int> active;
    QList<int> over;
    for (auto it = m_snoozes.cbegin(); it != m_snoozes.cend(); ++it) {
        const Issue *issue = item(it.key());
        if (!issue) {
            active.insert(it.key()); // not loaded: keep it for when it comes back
            continue;
        }
        if (it->isActive(*issue, at))
            active.insert(it.key());
        else
            over.append(it.key());
    }
    for (int number : std::as_const(over))
        m_snoozes.remove(number);
    saveSnoozes(over);
    m_model.setSnoozedNumbers(active);
}

QList<BoardSession::SavedFilter> BoardSession::savedFilters() const
{
    QList<std::pair<int, SavedFilter>> ordered;
    if (!m_store || !m_store->isOpen())
        return {};
    const QHash<QString, QJsonValue> stored = m_store->userData().localValues(SavedFiltersScope);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QJsonObject object = it.value().toObject();
        ordered.append({object.value(QStringLiteral("order")).toInt(),
                        SavedFilter{it.key(), object.value(QStringLiteral("query")).toString()}});
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second.name < b.second.name;
    });
    QList<SavedFilter> filters;
    for (const auto &entry : std::as_const(ordered))
        filters.append(entry.second);
    return filters;
}

bool BoardSession::saveFilter(const QString &name, const QString &query)
{
    const QString key = name.trimmed();
    if (key.isEmpty() || !m_store || !m_store->isOpen())
        return false;
    int order = 0;
    const QJsonValue existing = m_store->userData().localValue(SavedFiltersScope, key);
    if (existing.isObject()) {
        order = existing.toObject().value(QStringLiteral("order")).toInt();
    } else {
        for (const QJsonValue &value : m_store->userData().localValues(SavedFiltersScope))
            order = std::max(order, value.toObject().value(QStringLiteral("order")).toInt() + 1);
    }
    return m_store->userData().setLocalValue(
        SavedFiltersScope, key,
        QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("order"), order}});
}

bool BoardSession::removeFilter(const QString &name)
{
    return m_store && m_store->isOpen() &&
           m_store->userData().removeLocalValue(SavedFiltersScope, name);
}

QList<int> BoardSession::staleNumbers() const
{
    QList<const Issue *> stale;
    if (!m_issues)
        return {};
    const QDateTime at = now();
    for (const Issue &issue : m_issues->issues()) {
        if (!issue.isOpen())
            continue;
        const int days =
            issue.isPullRequest ? policy().stale.pullRequestDays : policy().stale.issueDays;
        const QDateTime last = issue.updatedAt.isValid() ? issue.updatedAt : issue.createdAt;
        if (last.isValid() && last.addDays(days) <= at)
            stale.append(&issue);
    }
    std::sort(stale.begin(), stale.end(), [](const Issue *a, const Issue *b) {
        const QDateTime &x = a->updatedAt.isValid() ? a->updatedAt : a->createdAt;
        const QDateTime &y = b->updatedAt.isValid() ? b->updatedAt : b->createdAt;
        return x != y ? x < y : a->number < b->number;
    });
    QList<int> numbers;
    numbers.reserve(stale.size());
    for (const Issue *issue : std::as_const(stale))
        numbers.append(issue->number);
    return numbers;
}

} // namespace Mainstay
