#pragma once

#include "runstatus.h"

#include <QDateTime>

namespace Mainstay {

struct WorkflowStep
{
    QString name;
    int number = 0;
    RunStatus status = RunStatus::Unknown;
    RunConclusion conclusion = RunConclusion::None;
    QDateTime startedAt;   // may be invalid (null in the payload)
    QDateTime completedAt; // may be invalid

    bool operator==(const WorkflowStep &) const = default;
};

} // namespace Mainstay
