#pragma once

#include "workflowstep.h"

#include <QList>
#include <QStringList>

namespace Mainstay {

struct WorkflowJob
{
    qint64 id = 0;
    qint64 runId = 0;
    int runAttempt = 1;
    QString name;
    QString workflowName;
    QString headBranch;
    QString headSha;
    RunStatus status = RunStatus::Unknown;
    RunConclusion conclusion = RunConclusion::None;
    QDateTime createdAt;   // queued since
    QDateTime startedAt;   // may be invalid
    QDateTime completedAt; // may be invalid
    QString htmlUrl;
    QString runnerName;
    QStringList labels;
    QList<WorkflowStep> steps;

    bool operator==(const WorkflowJob &) const = default;
};

} // namespace Mainstay
