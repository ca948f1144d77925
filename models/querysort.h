#pragma once

#include "issue.h"

#include <QString>
#include <optional>

namespace Mainstay {

// The order a `sort:` qualifier asks for. Ties are always broken by number, highest first, so a
// listing never shuffles between runs when many items share a key (e.g. zero comments).
struct QuerySort
{
    enum class Field
    {
        None, // no sort: qualifier; the caller's own order applies
        Created,
        Updated,
        Comments,
        Reactions
    };

    Field field = Field::None;
    Qt::SortOrder order = Qt::DescendingOrder;

    bool isSet() const { return field != Field::None; }
    // The value the field sorts by: ms since the epoch for dates (invalid dates sort as the
    // smallest), counts for the others.
    qint64 key(const Issue &issue) const;
    // True when `a` is listed before `b`.
    bool lessThan(const Issue &a, const Issue &b) const;
    // Compares keys only, ascending, for callers that apply the order themselves (e.g. a
    // QSortFilterProxyModel): -1, 0 or 1.
    int compareKeys(const Issue &a, const Issue &b) const;

    // "updated-desc"; empty when not set.
    QString toString() const;
    // "updated", "updated-asc", "comments-desc" (case-insensitive); plain names sort descending.
    static std::optional<QuerySort> fromString(QStringView text);
    // GitHub's default listing order, newest first.
    static QuerySort newestFirst() { return {Field::Created, Qt::DescendingOrder}; }

    bool operator==(const QuerySort &) const = default;
};

} // namespace Mainstay
