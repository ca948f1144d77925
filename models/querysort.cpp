#include "querysort.h"

#include <limits>

namespace Mainstay {

namespace {

qint64 dateKey(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

struct FieldName
{
    QuerySort::Field field;
    QLatin1StringView name;
};

constexpr FieldName fieldNames[] = {
    {QuerySort::Field::Created, QLatin1StringView("created")},
    {QuerySort::Field::Updated, QLatin1StringView("updated")},
    {QuerySort::Field::Comments, QLatin1StringView("comments")},
    {QuerySort::Field::Reactions, QLatin1StringView("reactions")},
};

} // namespace

qint64 QuerySort::key(const Issue &issue) const
{
    switch (field) {
    case Field::None:
        return 0;
    case Field::Created:
        return dateKey(issue.createdAt);
    case Field::Updated:
        return dateKey(issue.updatedAt);
    case Field::Comments:
        return issue.commentCount;
    case Field::Reactions:
        return issue.reactionCount;
    }
    return 0;
}

int QuerySort::compareKeys(const Issue &a, const Issue &b) const
{
    const qint64 left = key(a);
    const qint64 right = key(b);
    return left < right ? -1 : (left > right ? 1 : 0);
}

bool QuerySort::lessThan(const Issue &a, const Issue &b) const
{
    const int comparison = compareKeys(a, b);
    if (comparison != 0)
        return order == Qt::AscendingOrder ? comparison < 0 : comparison > 0;
    return a.number > b.number;
}

QString QuerySort::toString() const
{
    for (const FieldName &entry : fieldNames)
        if (entry.field == field)
            return entry.name +
                   (order == Qt::AscendingOrder ? QLatin1String("-asc") : QLatin1String("-desc"));
    return {};
}

std::optional<QuerySort> QuerySort::fromString(QStringView text)
{
    Qt::SortOrder order = Qt::DescendingOrder;
    QStringView name = text;
    if (name.endsWith(QLatin1String("-asc"), Qt::CaseInsensitive)) {
        order = Qt::AscendingOrder;
        name.chop(4);
    } else if (name.endsWith(QLatin1String("-desc"), Qt::CaseInsensitive)) {
        name.chop(5);
    }
    for (const FieldName &entry : fieldNames)
        if (name.compare(entry.name, Qt::CaseInsensitive) == 0)
            return QuerySort{entry.field, order};
    return std::nullopt;
}

} // namespace Mainstay
