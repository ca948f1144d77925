#include "issuefilter.h"

namespace Mainstay {

void IssueFilter::setKind(Kind kind)
{
    m_kind = kind;
    update();
}

void IssueFilter::setState(State state)
{
    m_state = state;
    update();
}

void IssueFilter::setText(const QString &text)
{
    m_text = text;
    update();
}

void IssueFilter::update()
{
    // The selectors go through the same language as the text, so there is one matcher and
    // query().toString() shows what the list is really filtered by.
    QString selectors;
    if (m_kind == Kind::Issues)
        selectors += QLatin1String("is:issue ");
    else if (m_kind == Kind::PullRequests)
        selectors += QLatin1String("is:pr ");
    if (m_state == State::Open)
        selectors += QLatin1String("is:open");
    else if (m_state == State::Closed)
        selectors += QLatin1String("is:closed");
    const IssueQuery base = IssueQuery::parse(selectors).query();

    const QueryParseResult parsed = IssueQuery::parse(m_text);
    if (parsed) {
        m_query = base.combined(parsed.query());
        m_error.reset();
    } else {
        m_query = base;
        m_error = parsed.error();
    }
}

} // namespace Mainstay
