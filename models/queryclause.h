#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <limits>

namespace Mainstay {

// One condition of a compiled IssueQuery: a qualifier or a free-text term, with its values
// prepared for matching (names folded once, dates as ms since the epoch), so that matching
// 100,000 items does no parsing, folding or date conversion of the query itself.
struct QueryClause
{
    enum class Kind
    {
        IsIssue,
        IsPullRequest,
        IsOpen,
        IsClosed,
        IsMerged,
        IsUnmerged,
        IsDraft,
        Label, // any of `foldedValues`
        NoLabel,
        Author,
        Assignee,
        NoAssignee,
        Created, // [low, high] in ms since the epoch, both inclusive
        Updated,
        Closed,
        Merged,
        Comments, // [low, high] counts, both inclusive
        Reactions,
        Number,
        Text, // `term` occurs in the title or the body
    };

    static constexpr qint64 unboundedLow = std::numeric_limits<qint64>::min();
    static constexpr qint64 unboundedHigh = std::numeric_limits<qint64>::max();

    Kind kind = Kind::Text;
    bool negated = false;
    qint64 low = unboundedLow;
    qint64 high = unboundedHigh;
    QStringList values;       // label names or a login, as written
    QStringList foldedValues; // the same, case-folded
    QString term;             // free text, case-folded
    QByteArray termUtf8;      // `term` in IssueSearchIndex's form
    QString display;          // the clause as IssueQuery::toString() writes it

    bool operator==(const QueryClause &) const = default;
};

} // namespace Mainstay
