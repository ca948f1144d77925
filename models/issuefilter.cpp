#include "issuefilter.h"

namespace Mainstay {

void IssueFilter::setText(const QString &text)
{
    m_text = text;
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool IssueFilter::matches(const Issue &issue) const
{
    if (m_kind == Kind::Issues && issue.isPullRequest)
        return false;
    if (m_kind == Kind::PullRequests && !issue.isPullRequest)
        return false;
    if (m_state == State::Open && !issue.isOpen())
        return false;
    if (m_state == State::Closed && issue.isOpen())
        return false;
    for (const QString &word : m_words) {
        if (issue.title.contains(word, Qt::CaseInsensitive) ||
            issue.author.login.contains(word, Qt::CaseInsensitive))
            continue;
        if (word.startsWith(QLatin1Char('#')) && QStringView(word).mid(1).toInt() == issue.number)
            continue;
        bool inLabel = false;
        for (const Label &label : issue.labels) {
            if (label.name.contains(word, Qt::CaseInsensitive)) {
                inLabel = true;
                break;
            }
        }
        if (!inLabel)
            return false;
    }
    return true;
}

} // namespace Mainstay
