#include "issuequery.h"

#include "issuesearchindex.h"
#include "queryparser.h"

#include <algorithm>
#include <cstring>

namespace Mainstay {

namespace {

// How much a clause costs to test, so the cheap ones reject most items before any text search.
int cost(QueryClause::Kind kind)
{
    using Kind = QueryClause::Kind;
    switch (kind) {
    case Kind::Label:
        return 2;
    case Kind::Author:
    case Kind::Assignee:
        return 1;
    case Kind::Text:
        return 3;
    default:
        return 0;
    }
}

bool inRange(const QueryClause &clause, qint64 value)
{
    return value >= clause.low && value <= clause.high;
}

bool inRange(const QueryClause &clause, const QDateTime &dateTime)
{
    return dateTime.isValid() && inRange(clause, dateTime.toMSecsSinceEpoch());
}

// Folded values compare with a length check first: most label names differ in length from the
// one asked for, and Qt's simple case folding keeps UTF-16 lengths.
bool equalsFolded(const QString &name, const QString &folded)
{
    return name.size() == folded.size() &&
           QStringView(name).compare(folded, Qt::CaseInsensitive) == 0;
}

bool anyEquals(const QString &name, const QStringList &foldedValues)
{
    for (const QString &value : foldedValues)
        if (equalsFolded(name, value))
            return true;
    return false;
}

bool containsBytes(QByteArrayView haystack, QByteArrayView needle)
{
#ifdef __GLIBC__
    // glibc's memmem is vectorised; it is several times faster than a generic search here.
    return memmem(haystack.data(), size_t(haystack.size()), needle.data(), size_t(needle.size())) !=
           nullptr;
#else
    return haystack.indexOf(needle) >= 0;
#endif
}

bool holds(const QueryClause &clause, const Issue &issue, const QByteArrayView *searchText)
{
    using Kind = QueryClause::Kind;
    switch (clause.kind) {
    case Kind::IsIssue:
        return !issue.isPullRequest;
    case Kind::IsPullRequest:
        return issue.isPullRequest;
    case Kind::IsOpen:
        return issue.isOpen();
    case Kind::IsClosed:
        return !issue.isOpen();
    case Kind::IsMerged:
        return issue.isPullRequest && issue.isMerged();
    case Kind::IsUnmerged:
        return issue.isPullRequest && !issue.isMerged();
    case Kind::IsDraft:
        return issue.isPullRequest && issue.draft;
    case Kind::Label:
        for (const Label &label : issue.labels)
            if (anyEquals(label.name, clause.foldedValues))
                return true;
        return false;
    case Kind::NoLabel:
        return issue.labels.isEmpty();
    case Kind::Author:
        return anyEquals(issue.author.login, clause.foldedValues);
    case Kind::Assignee:
        for (const User &assignee : issue.assignees)
            if (anyEquals(assignee.login, clause.foldedValues))
                return true;
        return false;
    case Kind::NoAssignee:
        return issue.assignees.isEmpty();
    case Kind::Created:
        return inRange(clause, issue.createdAt);
    case Kind::Updated:
        return inRange(clause, issue.updatedAt);
    case Kind::Closed:
        return inRange(clause, issue.closedAt);
    case Kind::Merged:
        return inRange(clause, issue.mergedAt);
    case Kind::Comments:
        return inRange(clause, issue.commentCount);
    case Kind::Reactions:
        return inRange(clause, issue.reactionCount);
    case Kind::Number:
        return inRange(clause, issue.number);
    case Kind::Text:
        if (searchText)
            return containsBytes(*searchText, clause.termUtf8);
        return issue.title.contains(clause.term, Qt::CaseInsensitive) ||
               issue.body.contains(clause.term, Qt::CaseInsensitive);
    }
    return false;
}

} // namespace

IssueQuery::IssueQuery(QList<QueryClause> clauses, QuerySort sort)
    : m_clauses(std::move(clauses))
    , m_sort(sort)
{
    prepare();
}

QueryParseResult IssueQuery::parse(const QString &text)
{
    return QueryParser(text).parse();
}

void IssueQuery::prepare()
{
    m_evaluation = m_clauses;
    std::stable_sort(
        m_evaluation.begin(), m_evaluation.end(),
        [](const QueryClause &a, const QueryClause &b) { return cost(a.kind) < cost(b.kind); });
    m_hasText = std::any_of(m_clauses.cbegin(), m_clauses.cend(), [](const QueryClause &clause) {
        return clause.kind == QueryClause::Kind::Text;
    });
}

bool IssueQuery::matches(const Issue &issue, const QByteArrayView *searchText) const
{
    for (const QueryClause &clause : m_evaluation)
        if (holds(clause, issue, searchText) == clause.negated)
            return false;
    return true;
}

bool IssueQuery::matches(const Issue &issue) const
{
    return matches(issue, nullptr);
}

bool IssueQuery::matches(const Issue &issue, QByteArrayView searchText) const
{
    return matches(issue, &searchText);
}

QList<qsizetype> IssueQuery::selectRows(const QList<Issue> &issues,
                                        const IssueSearchIndex *index) const
{
    const bool useIndex = index && m_hasText && index->size() == issues.size();
    QList<qsizetype> rows;
    for (qsizetype row = 0; row < issues.size(); ++row) {
        const bool match =
            useIndex ? matches(issues.at(row), index->text(row)) : matches(issues.at(row));
        if (match)
            rows.append(row);
    }
    const QuerySort order = effectiveSort();
    std::sort(rows.begin(), rows.end(),
              [&](qsizetype a, qsizetype b) { return order.lessThan(issues.at(a), issues.at(b)); });
    return rows;
}

QList<Issue> IssueQuery::select(const QList<Issue> &issues, const IssueSearchIndex *index) const
{
    QList<Issue> selected;
    for (const qsizetype row : selectRows(issues, index))
        selected.append(issues.at(row));
    return selected;
}

IssueQuery IssueQuery::combined(const IssueQuery &other) const
{
    return IssueQuery(m_clauses + other.m_clauses, other.m_sort.isSet() ? other.m_sort : m_sort);
}

QString IssueQuery::toString() const
{
    QStringList parts;
    for (const QueryClause &clause : m_clauses)
        parts.append(clause.display);
    if (m_sort.isSet())
        parts.append(QLatin1String("sort:") + m_sort.toString());
    return parts.join(QLatin1Char(' '));
}

} // namespace Mainstay
