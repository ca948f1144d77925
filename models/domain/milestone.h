#pragma once

#include <QDateTime>
#include <QString>

namespace Mainstay {

struct Milestone
{
    qint64 id = 0;
    int number = 0;
    QString title;
    QString description;
    bool open = true;
    int openIssues = 0;
    int closedIssues = 0;
    QDateTime dueOn;

    bool operator==(const Milestone &) const = default;
};

} // namespace Mainstay
