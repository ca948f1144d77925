#pragma once

#include <QString>

namespace Mainstay {

// Why a filter query did not parse, and where: `position` and `length` are 0-based UTF-16
// offsets into the text that was parsed, so the filter bar can underline the span.
struct QueryError
{
    int position = 0;
    int length = 0;
    QString problem; // "unknown qualifier \"lable\""
    QString hint;    // "did you mean \"label\"?"; may be empty

    // The sentence a person reads: problem, position, then the hint in parentheses, e.g.
    // `unknown qualifier "lable" at 0 (did you mean "label"?)`.
    QString message() const;
    // Spaces then carets under the span, to print below the query on a terminal:
    //   lable:bug
    //   ^^^^^
    // At least one caret, so an empty span (a missing value) is still pointed at.
    QString marker() const;
    bool operator==(const QueryError &) const = default;
};

} // namespace Mainstay
