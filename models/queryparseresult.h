#pragma once

#include "issuequery.h"
#include "queryerror.h"

#include <optional>

namespace Mainstay {

// What IssueQuery::parse() gives: the compiled query, or the first error with its position.
class QueryParseResult
{
public:
    QueryParseResult(IssueQuery query)
        : m_query(std::move(query))
    {}
    QueryParseResult(QueryError error)
        : m_error(std::move(error))
    {}

    bool isOk() const { return !m_error.has_value(); }
    explicit operator bool() const { return isOk(); }
    // The compiled query; an empty one (which matches everything) when parsing failed.
    const IssueQuery &query() const { return m_query; }
    // A default QueryError when parsing succeeded.
    const QueryError &error() const
    {
        static const QueryError none;
        return m_error ? *m_error : none;
    }

private:
    IssueQuery m_query;
    std::optional<QueryError> m_error;
};

} // namespace Mainstay
