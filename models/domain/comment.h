#pragma once

#include "authorassociation.h"
#include "user.h"

#include <QDateTime>

namespace Mainstay {

struct Comment
{
    qint64 id = 0;
    int issueNumber = 0; // from issue_url; 0 when the payload does not say
    User author;
    AuthorAssociation authorAssociation = AuthorAssociation::None;
    QString body;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString htmlUrl;

    bool operator==(const Comment &) const = default;
};

} // namespace Mainstay
