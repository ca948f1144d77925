#pragma once

#include "user.h"

#include <QDateTime>
#include <QString>

namespace Mainstay {

// One entry of the repository-wide GET /repos/{o}/{r}/issues/events: the label history and the
// closing times the board's history and the charts rebuild from.
struct IssueEvent
{
    qint64 id = 0;
    int issueNumber = 0; // from the embedded `issue`; 0 when the payload has none
    QString event;       // "labeled", "unlabeled", "closed", "reopened", "assigned", ...
    User actor;
    QDateTime createdAt;
    QString labelName;   // labeled / unlabeled
    QString stateReason; // closed: "completed", "not_planned"; may be empty

    bool operator==(const IssueEvent &) const = default;
};

} // namespace Mainstay
