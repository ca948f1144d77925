#pragma once

#include "user.h"

#include <QDateTime>
#include <QString>

namespace Mainstay {

// One entry of GET /repos/{o}/{r}/issues/events as the demo backend keeps it: label changes,
// closing and reopening. The domain layer has no such type because the client reads events into
// its own history records; the demo only needs to serve them.
struct DemoIssueEvent
{
    qint64 id = 0;
    int issueNumber = 0;
    QString event; // "labeled", "unlabeled", "closed", "reopened"
    User actor;
    QDateTime createdAt;
    QString labelName; // labeled / unlabeled only
    QString labelColor;
    QString stateReason; // closed only: "completed" or "not_planned"

    bool operator==(const DemoIssueEvent &) const = default;
};

} // namespace Mainstay
