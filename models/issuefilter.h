#pragma once

#include "issue.h"
#include "issuequery.h"
#include "queryerror.h"

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace Mainstay {

// What the issue list shows: the filter bar's query text combined with the kind and state
// selectors (which add is: qualifiers). A plain class so the rules are testable without a model;
// IssueFilterProxyModel only delegates to it.
class IssueFilter
{
public:
    enum class Kind
    {
        Any,
        Issues,
        PullRequests
    };
    enum class State
    {
        Any,
        Open,
        Closed
    };

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    void setState(State state);
    State state() const { return m_state; }
    // Query text in IssueQuery's syntax, e.g. `label:bug -label:triage logger`. Text that does not
    // parse leaves only the selectors in force and is reported by error().
    void setText(const QString &text);
    QString text() const { return m_text; }

    // The selectors' qualifiers and the text's query, combined.
    const IssueQuery &query() const { return m_query; }
    // Why the text did not parse; positions are offsets into text().
    const std::optional<QueryError> &error() const { return m_error; }
    bool hasError() const { return m_error.has_value(); }

    bool matches(const Issue &issue) const { return m_query.matches(issue); }
    // With the item's IssueSearchIndex::text(), for free text without folding.
    bool matches(const Issue &issue, QByteArrayView searchText) const
    {
        return m_query.matches(issue, searchText);
    }
    // Shows every item (a sort: qualifier may still order them).
    bool isEmpty() const { return !m_query.hasConditions(); }

private:
    void update();

    Kind m_kind = Kind::Any;
    State m_state = State::Any;
    QString m_text;
    IssueQuery m_query;
    std::optional<QueryError> m_error;
};

} // namespace Mainstay
