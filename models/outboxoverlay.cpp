#include "outboxoverlay.h"

#include "outboxkind.h"

#include <QHash>
#include <QJsonArray>

namespace Mainstay {

namespace {

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    for (const QJsonValue &item : value.toArray())
        strings.append(item.toString());
    return strings;
}

Label labelNamed(const QString &name, const QList<Label> &knownLabels)
{
    for (const Label &label : knownLabels)
        if (label.name.compare(name, Qt::CaseInsensitive) == 0)
            return label;
    Label label;
    label.name = name;
    label.color = QStringLiteral("ededed");
    return label;
}

void addLabels(Issue &issue, const QStringList &names, const QList<Label> &knownLabels)
{
    for (const QString &name : names)
        if (std::none_of(issue.labels.cbegin(), issue.labels.cend(), [&](const Label &label) {
                return label.name.compare(name, Qt::CaseInsensitive) == 0;
            }))
            issue.labels.append(labelNamed(name, knownLabels));
}

} // namespace

int OutboxOverlay::issueNumberOf(const OutboxEntry &entry)
{
    namespace K = OutboxKind;
    static const QStringList issueKinds{K::AddLabels,    K::RemoveLabels, K::SetLabels,
                                        K::ChangeLabels, K::Comment,      K::CloseIssue,
                                        K::ReopenIssue,  K::Assign};
    if (!issueKinds.contains(entry.kind))
        return 0;
    return entry.payload.value(QLatin1String("number")).toInt();
}

Issue OutboxOverlay::apply(const Issue &issue, const QList<OutboxEntry> &entries,
                           const QList<Label> &knownLabels)
{
    namespace K = OutboxKind;
    Issue result = issue;
    QList<const OutboxEntry *> mine;
    for (const OutboxEntry &entry : entries)
        if (entry.isPending() &&
            (issueNumberOf(entry) == issue.number || entry.kind == K::DeleteLabel))
            mine.append(&entry);
    std::sort(mine.begin(), mine.end(),
              [](const OutboxEntry *a, const OutboxEntry *b) { return a->id < b->id; });
    for (const OutboxEntry *entry : std::as_const(mine)) {
        const QJsonObject &p = entry->payload;
        const QString &kind = entry->kind;
        if (kind == K::AddLabels) {
            addLabels(result, stringsOf(p.value(QLatin1String("labels"))), knownLabels);
        } else if (kind == K::RemoveLabels || kind == K::ChangeLabels || kind == K::DeleteLabel) {
            if (kind == K::ChangeLabels)
                addLabels(result, stringsOf(p.value(QLatin1String("add"))), knownLabels);
            const QStringList names =
                kind == K::DeleteLabel
                    ? QStringList{p.value(QLatin1String("name")).toString()}
                    : stringsOf(p.value(kind == K::ChangeLabels ? QLatin1String("remove")
                                                                : QLatin1String("labels")));
            result.labels.removeIf([&](const Label &label) {
                return names.contains(label.name, Qt::CaseInsensitive);
            });
        } else if (kind == K::ChangeLabels) {
            addLabels(result, stringsOf(p.value(QLatin1String("add"))), knownLabels);
            const QStringList names = stringsOf(p.value(QLatin1String("remove")));
            result.labels.removeIf([&](const Label &label) {
                return names.contains(label.name, Qt::CaseInsensitive);
            });
        } else if (kind == K::SetLabels) {
            // Keep the issue's own copies (colour, id) of labels that stay.
            const QList<Label> before = result.labels;
            result.labels.clear();
            for (const QString &name : stringsOf(p.value(QLatin1String("labels"))))
                result.labels.append(labelNamed(name, before + knownLabels));
        } else if (kind == K::Comment) {
            result.commentCount += 1;
        } else if (kind == K::CloseIssue) {
            if (p.contains(QLatin1String("comment")))
                result.commentCount += 1;
            result.state = Issue::State::Closed;
            result.stateReason =
                p.value(QLatin1String("reason")).toString() == QLatin1String("not_planned")
                    ? Issue::StateReason::NotPlanned
                    : Issue::StateReason::Completed;
            if (!result.closedAt.isValid())
                result.closedAt = entry->createdAt;
        } else if (kind == K::ReopenIssue) {
            result.state = Issue::State::Open;
            result.stateReason = Issue::StateReason::Reopened;
            result.closedAt = QDateTime();
        } else if (kind == K::Assign) {
            for (const QString &login : stringsOf(p.value(QLatin1String("assignees")))) {
                if (std::any_of(result.assignees.cbegin(), result.assignees.cend(),
                                [&](const User &user) {
                                    return user.login.compare(login, Qt::CaseInsensitive) == 0;
                                }))
                    continue;
                User user;
                user.login = login;
                result.assignees.append(user);
            }
        }
    }
    return result;
}

QList<Issue> OutboxOverlay::applyAll(const QList<Issue> &issues, const QList<OutboxEntry> &entries,
                                     const QList<Label> &knownLabels)
{
    const QSet<int> numbers = pendingIssueNumbers(entries);
    // A pending label deletion touches every item that carries the label.
    QStringList deleted;
    for (const OutboxEntry &entry : entries)
        if (entry.isPending() && entry.kind == OutboxKind::DeleteLabel)
            deleted.append(entry.payload.value(QLatin1String("name")).toString());
    auto carriesDeleted = [&](const Issue &issue) {
        for (const Label &label : issue.labels)
            if (deleted.contains(label.name, Qt::CaseInsensitive))
                return true;
        return false;
    };
    QList<Issue> result;
    result.reserve(issues.size());
    for (const Issue &issue : issues)
        result.append(numbers.contains(issue.number) ||
                              (!deleted.isEmpty() && carriesDeleted(issue))
                          ? apply(issue, entries, knownLabels)
                          : issue);
    return result;
}

QList<Label> OutboxOverlay::applyToLabels(const QList<Label> &labels,
                                          const QList<OutboxEntry> &entries)
{
    namespace K = OutboxKind;
    QList<const OutboxEntry *> mine;
    for (const OutboxEntry &entry : entries)
        if (entry.isPending() && (entry.kind == K::CreateLabel || entry.kind == K::UpdateLabel ||
                                  entry.kind == K::DeleteLabel))
            mine.append(&entry);
    if (mine.isEmpty())
        return labels;
    std::sort(mine.begin(), mine.end(),
              [](const OutboxEntry *a, const OutboxEntry *b) { return a->id < b->id; });
    QList<Label> result = labels;
    auto indexOf = [&](const QString &name) -> qsizetype {
        for (qsizetype i = 0; i < result.size(); ++i)
            if (result[i].name.compare(name, Qt::CaseInsensitive) == 0)
                return i;
        return -1;
    };
    auto setFields = [](Label &label, const QJsonObject &fields) {
        if (fields.contains(QLatin1String("color")))
            label.color = fields.value(QLatin1String("color")).toString().toLower();
        if (fields.contains(QLatin1String("description")))
            label.description = fields.value(QLatin1String("description")).toString();
    };
    for (const OutboxEntry *entry : std::as_const(mine)) {
        const QJsonObject &p = entry->payload;
        const QString name = p.value(QLatin1String("name")).toString();
        const qsizetype index = indexOf(name);
        if (entry->kind == K::CreateLabel) {
            // Creating a label that exists updates it (see OutboxOperation).
            if (index >= 0) {
                setFields(result[index], p);
            } else {
                Label label;
                label.name = name;
                label.color = QStringLiteral("ededed");
                setFields(label, p);
                result.append(label);
            }
        } else if (entry->kind == K::UpdateLabel) {
            if (index < 0)
                continue;
            const QJsonObject fields = p.value(QLatin1String("fields")).toObject();
            setFields(result[index], fields);
            const QString newName = fields.value(QLatin1String("new_name")).toString();
            if (!newName.isEmpty())
                result[index].name = newName;
        } else if (index >= 0) {
            result.removeAt(index);
        }
    }
    return result;
}

QSet<QString> OutboxOverlay::pendingLabelNames(const QList<OutboxEntry> &entries)
{
    namespace K = OutboxKind;
    QSet<QString> names;
    for (const OutboxEntry &entry : entries) {
        if (!entry.isPending() || (entry.kind != K::CreateLabel && entry.kind != K::UpdateLabel &&
                                   entry.kind != K::DeleteLabel))
            continue;
        names.insert(entry.payload.value(QLatin1String("name")).toString().toCaseFolded());
        const QString newName = entry.payload.value(QLatin1String("fields"))
                                    .toObject()
                                    .value(QLatin1String("new_name"))
                                    .toString();
        if (!newName.isEmpty())
            names.insert(newName.toCaseFolded());
    }
    return names;
}

QSet<int> OutboxOverlay::pendingIssueNumbers(const QList<OutboxEntry> &entries)
{
    QSet<int> numbers;
    for (const OutboxEntry &entry : entries)
        if (entry.isPending())
            if (const int number = issueNumberOf(entry))
                numbers.insert(number);
    return numbers;
}

} // namespace Mainstay
