#pragma once

#include "issue.h"

#include <QString>

namespace Mainstay {

// Decides whether an issue or pull request is shown. A plain class so the matching rules are
// testable without a model; IssueFilterProxyModel only delegates to it.
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

    void setKind(Kind kind) { m_kind = kind; }
    Kind kind() const { return m_kind; }
    void setState(State state) { m_state = state; }
    State state() const { return m_state; }
    // Case-insensitive words; each must occur in the title, the author, a label or "#number".
    void setText(const QString &text);
    QString text() const { return m_text; }

    bool matches(const Issue &issue) const;
    bool isEmpty() const
    {
        return m_kind == Kind::Any && m_state == State::Any && m_words.isEmpty();
    }

private:
    Kind m_kind = Kind::Any;
    State m_state = State::Any;
    QString m_text;
    QStringList m_words;
};

} // namespace Mainstay
