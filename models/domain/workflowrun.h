#pragma once

#include "runstatus.h"
#include "user.h"

#include <QDateTime>

namespace Mainstay {

struct WorkflowRun
{
    qint64 id = 0;
    qint64 workflowId = 0;
    QString name;
    QString displayTitle;
    QString path; // the workflow file, e.g. ".github/workflows/release.yml"
    QString headBranch;
    QString headSha;
    QString event;
    int runNumber = 0;
    int runAttempt = 1;
    RunStatus status = RunStatus::Unknown;
    RunConclusion conclusion = RunConclusion::None;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime runStartedAt; // resets on re-run
    QString htmlUrl;
    User actor;

    bool isCompleted() const { return status == RunStatus::Completed; }
    bool operator==(const WorkflowRun &) const = default;
};

} // namespace Mainstay
