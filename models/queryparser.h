#pragma once

#include "queryclause.h"
#include "queryerror.h"
#include "queryparseresult.h"
#include "querysort.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace Mainstay {

// Turns filter text into an IssueQuery (see IssueQuery for the syntax). Stops at the first error
// and reports it with the span it concerns; a person fixes one thing at a time.
class QueryParser
{
public:
    explicit QueryParser(const QString &text)
        : m_text(text)
    {}

    QueryParseResult parse();

private:
    // The first and last millisecond (or count) a single value stands for: a date covers its
    // whole day, a timestamp or a number only itself.
    struct Span
    {
        qint64 first;
        qint64 last;
    };
    using ValueReader = std::function<std::optional<Span>(QStringView value, int position)>;

    void parseToken(int start, int end);
    void parseText(int start, int end, bool negated);
    void parseQualifier(int nameStart, int nameEnd, int end, bool negated);
    void parseNames(const QString &name, int valueStart, int end, QueryClause clause);
    void parseRange(const QString &name, int valueStart, int end, QueryClause clause,
                    const ValueReader &read);
    void parseSort(int nameStart, int valueStart, int end, bool negated);
    std::optional<Span> readDate(const QString &name, QStringView value, int position);
    std::optional<Span> readCount(const QString &name, QStringView value, int position);

    void fail(int position, int length, QString problem, QString hint = {});
    bool failed() const { return m_error.has_value(); }
    void add(QueryClause clause, bool negated);

    const QString &m_text;
    QList<QueryClause> m_clauses;
    QuerySort m_sort;
    std::optional<QueryError> m_error;
};

} // namespace Mainstay
