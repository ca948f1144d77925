#pragma once

#include "comment.h"
#include "issue.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Mainstay {

// Decides whether an open item waits on the maintainers: nobody has answered yet, or the last
// word is not a maintainer's. Only the last comment is needed (the store keeps exactly that), so
// the board can ask for every card without loading threads.
//
// Maintainers are the given logins (the repository's collaborators with write access, or the
// policy's list), compared case-insensitively as GitHub does. Because that list is often not
// readable with the user's token, an OWNER/MEMBER/COLLABORATOR author association counts too.
class WaitingOnUs
{
public:
    WaitingOnUs() = default;
    explicit WaitingOnUs(const QStringList &maintainers) { setMaintainers(maintainers); }

    void setMaintainers(const QStringList &logins);
    QStringList maintainers() const;

    bool isMaintainer(const QString &login, AuthorAssociation association) const;

    // Open, and either nobody answered (no comment, author not a maintainer) or the last comment
    // is not a maintainer's. `lastComment` is null when the item has no known comment.
    bool isWaiting(const Issue &issue, const Comment *lastComment) const;
    // No comment at all yet: the reporter has heard nothing back from anyone.
    static bool hasNoResponse(const Issue &issue, const Comment *lastComment);
    // Since when the item has been waiting: the last comment's time, else the item's creation;
    // invalid when it is not waiting.
    QDateTime waitingSince(const Issue &issue, const Comment *lastComment) const;
    // Seconds waited until `now`; -1 when not waiting.
    qint64 waitingSeconds(const Issue &issue, const Comment *lastComment,
                          const QDateTime &now) const;
    // The item's age: seconds from creation to `now` (0 for an item without a creation date).
    static qint64 ageSeconds(const Issue &issue, const QDateTime &now);

private:
    QSet<QString> m_maintainers; // case-folded logins, without a leading '@'
};

} // namespace Mainstay
