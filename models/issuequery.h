#pragma once

#include "issue.h"
#include "queryclause.h"
#include "querysort.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Mainstay {

class IssueSearchIndex;
class QueryParseResult;

// The board's filter language, a subset of GitHub's issue search syntax, compiled once and then
// matched against many items:
//
//   is:issue|pr|open|closed|merged|unmerged|draft   type:issue|pr   state:open|closed
//   label:bug  label:"help wanted"  label:a,b (any of)  no:label  no:assignee
//   author:login  assignee:login
//   created: updated: closed: merged:  with >, >=, <, <=, a date (2026-01-31, the whole UTC
//       day) or a timestamp (2026-01-31T12:00:00Z), ranges a..b (inclusive), *..b, a..*
//   comments: reactions: number:  with n, =n, >n, >=n, <n, <=n, n..m, *..m, n..*
//   sort:created|updated|comments|reactions[-asc|-desc]  (descending when not said)
//   words and "quoted phrases": all must occur in the title or body (case-insensitive)
//   #123: the item numbered 123
//   -qualifier:value, -word, -"phrase": negation
//
// Qualifier names, their keyword values and label names compare case-insensitively; an unknown
// qualifier is an error, never silently text.
class IssueQuery
{
public:
    // The empty query: matches everything, imposes no order.
    IssueQuery() = default;
    // Clauses in the order they were written; QueryParser builds these.
    IssueQuery(QList<QueryClause> clauses, QuerySort sort);

    // Parses and compiles `text`; on failure the result carries the first error and where it is.
    static QueryParseResult parse(const QString &text);

    // No conditions and no sort.
    bool isEmpty() const { return m_clauses.isEmpty() && !m_sort.isSet(); }
    // Has conditions, i.e. can reject an item.
    bool hasConditions() const { return !m_clauses.isEmpty(); }
    // Has free-text terms: the ones an IssueSearchIndex speeds up.
    bool hasText() const { return m_hasText; }
    const QList<QueryClause> &clauses() const { return m_clauses; }

    bool matches(const Issue &issue) const;
    // The same answer, reading free text from the item's IssueSearchIndex::text() instead of
    // folding its title and body again.
    bool matches(const Issue &issue, QByteArrayView searchText) const;

    // The sort: qualifier's order (QuerySort::isSet() is false without one).
    const QuerySort &sort() const { return m_sort; }
    // The order select() uses: the sort: qualifier's, else GitHub's newest first.
    QuerySort effectiveSort() const { return m_sort.isSet() ? m_sort : QuerySort::newestFirst(); }
    // True when `a` is listed before `b` under effectiveSort().
    bool lessThan(const Issue &a, const Issue &b) const { return effectiveSort().lessThan(a, b); }

    // The rows of `issues` that match, in effectiveSort() order: what `mainstay query` prints.
    // `index`, when given, must be in step with `issues`.
    QList<qsizetype> selectRows(const QList<Issue> &issues,
                                const IssueSearchIndex *index = nullptr) const;
    QList<Issue> select(const QList<Issue> &issues, const IssueSearchIndex *index = nullptr) const;

    // Both queries' conditions (an item must satisfy all); `other`'s sort wins when it has one.
    IssueQuery combined(const IssueQuery &other) const;

    // The query in its canonical spelling (lower-case qualifiers, `is:` for type:/state:, full
    // sort names), which parses back to an equal query.
    QString toString() const;

    bool operator==(const IssueQuery &other) const
    {
        return m_clauses == other.m_clauses && m_sort == other.m_sort;
    }

private:
    void prepare();
    bool matches(const Issue &issue, const QByteArrayView *searchText) const;

    QList<QueryClause> m_clauses;    // as written
    QList<QueryClause> m_evaluation; // the same, cheapest first, so most items fail fast
    QuerySort m_sort;
    bool m_hasText = false;
};

} // namespace Mainstay

// parse() returns a QueryParseResult, which holds an IssueQuery: included here, after the class,
// so that callers of parse() need only this header.
#include "queryparseresult.h"
