#pragma once

#include <QString>
#include <optional>

namespace Mainstay {

// One row of the pull-request size table: the label a PR gets when its changed lines
// (additions + deletions) fall inside [min, max]. The last row usually has no upper bound.
struct SizeThreshold
{
    QString label;
    int min = 0;
    std::optional<int> max;

    bool contains(int changedLines) const
    {
        return changedLines >= min && (!max || changedLines <= *max);
    }
    bool operator==(const SizeThreshold &) const = default;
};

} // namespace Mainstay
