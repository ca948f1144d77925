#include "waitingonus.h"

namespace Mainstay {

namespace {

QString foldLogin(QStringView login)
{
    // Policies write maintainers as "@login" as often as "login".
    if (login.startsWith(u'@'))
        login = login.mid(1);
    return login.trimmed().toString().toCaseFolded();
}

} // namespace

void WaitingOnUs::setMaintainers(const QStringList &logins)
{
    m_maintainers.clear();
    for (const QString &login : logins) {
        QString folded = foldLogin(login);
        if (!folded.isEmpty())
            m_maintainers.insert(std::move(folded));
    }
}

QStringList WaitingOnUs::maintainers() const
{
    QStringList logins(m_maintainers.begin(), m_maintainers.end());
    logins.sort();
    return logins;
}

bool WaitingOnUs::isMaintainer(const QString &login, AuthorAssociation association) const
{
    if (isMaintainerAssociation(association))
        return true;
    return !m_maintainers.isEmpty() && !login.isEmpty() && m_maintainers.contains(foldLogin(login));
}

bool WaitingOnUs::isWaiting(const Issue &issue, const Comment *lastComment) const
{
    if (!issue.isOpen())
        return false;
    if (!lastComment)
        return !isMaintainer(issue.author.login, issue.authorAssociation);
    return !isMaintainer(lastComment->author.login, lastComment->authorAssociation);
}

bool WaitingOnUs::hasNoResponse(const Issue &issue, const Comment *lastComment)
{
    // The comment count comes with the item; the last comment may not be synced yet, so either
    // one showing a comment means somebody has said something.
    return !lastComment && issue.commentCount == 0;
}

QDateTime WaitingOnUs::waitingSince(const Issue &issue, const Comment *lastComment) const
{
    if (!isWaiting(issue, lastComment))
        return {};
    return lastComment ? lastComment->createdAt : issue.createdAt;
}

qint64 WaitingOnUs::waitingSeconds(const Issue &issue, const Comment *lastComment,
                                   const QDateTime &now) const
{
    const QDateTime since = waitingSince(issue, lastComment);
    if (!isWaiting(issue, lastComment))
        return -1;
    return since.isValid() ? qMax<qint64>(0, since.secsTo(now)) : 0;
}

qint64 WaitingOnUs::ageSeconds(const Issue &issue, const QDateTime &now)
{
    return issue.createdAt.isValid() ? qMax<qint64>(0, issue.createdAt.secsTo(now)) : 0;
}

} // namespace Mainstay
