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
        if (entry.isPending() && issueNumberOf(entry) == issue.number)
            mine.append(&entry);
    std::sort(mine.begin(), mine.end(),
              [](const OutboxEntry *a, const OutboxEntry *b) { return a->id < b->id; });
    for (const OutboxEntry *entry : std::as_const(mine)) {
        const QJsonObject &p = entry->payload;
        const QString &kind = entry->kind;
        if (kind == K::AddLabels) {
            addLabels(result, stringsOf(p.value(QLatin1String("labels"))), knownLabels);
        } else if (kind == K::RemoveLabels) {
            const QStringList names = stringsOf(p.value(QLatin1String("labels")));
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
    QList<Issue> result;
    result.reserve(issues.size());
    for (const Issue &issue : issues)
        result.append(numbers.contains(issue.number) ? apply(issue, entries, knownLabels) : issue);
    return result;
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
