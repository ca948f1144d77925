#include "deletedlabel.h"

#include "cachedatabase.h"

namespace Mainstay::DeletedLabel {

namespace {

bool isNamed(const Label &label, const QString &name)
{
    return label.name.compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

QList<int> itemsCarrying(const QList<Issue> &items, const QString &name)
{
    QList<int> numbers;
    for (const Issue &item : items)
        if (std::any_of(item.labels.cbegin(), item.labels.cend(),
                        [&](const Label &label) { return isNamed(label, name); }))
            numbers.append(item.number);
    return numbers;
}

QList<int> forget(CacheDatabase &cache, const QString &name, bool *ok)
{
    QList<Label> labels = cache.loadLabels();
    const bool listed = labels.removeIf([&](const Label &label) { return isNamed(label, name); });
    QList<Issue> changed;
    for (const int number : itemsCarrying(cache.loadIssues(), name)) {
        std::optional<Issue> item = cache.issue(number); // with its body, which upsert keeps
        if (!item)
            continue;
        item->labels.removeIf([&](const Label &label) { return isNamed(label, name); });
        changed.append(*item);
    }
    bool written = true;
    if (listed)
        written = cache.replaceLabels(labels);
    if (written && !changed.isEmpty())
        written = cache.upsertIssues(changed);
    if (ok)
        *ok = written;
    QList<int> numbers;
    for (const Issue &item : std::as_const(changed))
        numbers.append(item.number);
    return written ? numbers : QList<int>();
}

} // namespace Mainstay::DeletedLabel
