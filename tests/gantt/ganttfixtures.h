#pragma once

#include "workflowjob.h"
#include "workflowrun.h"

#include <QList>

namespace Mainstay::GanttFixtures {

inline QDateTime at(const char *hhmmss)
{
    return QDateTime(QDate(2026, 11, 20),
                     QTime::fromString(QLatin1String(hhmmss), QStringLiteral("HH:mm:ss")), Qt::UTC);
}

inline WorkflowJob job(qint64 id, const QString &name, const QDateTime &started, qint64 seconds,
                       RunConclusion conclusion = RunConclusion::Success)
{
    WorkflowJob j;
    j.id = id;
    j.runId = 500;
    j.name = name;
    j.createdAt = started.addSecs(-2);
    j.startedAt = started;
    j.completedAt = started.addSecs(seconds);
    j.status = RunStatus::Completed;
    j.conclusion = conclusion;
    j.htmlUrl = QStringLiteral("https://github.com/o/r/actions/runs/500/job/%1").arg(id);
    j.runnerName = QStringLiteral("GitHub Actions %1").arg(id);
    WorkflowStep setup{QStringLiteral("Set up job"), 1,       RunStatus::Completed,
                       RunConclusion::Success,       started, started.addSecs(1)};
    WorkflowStep main{QStringLiteral("Run"), 2,
                      RunStatus::Completed,  conclusion,
                      started.addSecs(1),    started.addSecs(seconds)};
    j.steps = {setup, main};
    return j;
}

inline WorkflowRun run(RunStatus status = RunStatus::Completed,
                       RunConclusion conclusion = RunConclusion::Success)
{
    WorkflowRun r;
    r.id = 500;
    r.workflowId = 77;
    r.name = QStringLiteral("Release");
    r.displayTitle = QStringLiteral("Release v3.3.0");
    r.runNumber = 42;
    r.status = status;
    r.conclusion = conclusion;
    r.createdAt = at("09:59:58");
    r.runStartedAt = r.createdAt;
    r.updatedAt = at("10:29:04");
    r.headBranch = QStringLiteral("develop");
    r.event = QStringLiteral("workflow_dispatch");
    return r;
}

// The release of the maintainers' guide chart: every task with the guide's duration (2.2m =
// 132 s, 6.3m = 378 s, 6m = 360 s), starting where the guide's chart starts it.
inline QList<WorkflowJob> guideJobs()
{
    qint64 id = 1;
    QList<WorkflowJob> jobs;
    auto add = [&](const QString &name, const char *start, qint64 seconds) {
        jobs.append(job(id++, name, at(start), seconds));
    };
    add(QStringLiteral("Seal / Bump release version"), "10:00:00", 8);
    add(QStringLiteral("Seal / Prevent source tampering"), "10:00:08", 43);
    add(QStringLiteral("QA / Quality checks"), "10:00:51", 132);
    add(QStringLiteral("Build / Checksum"), "10:03:03", 8);
    add(QStringLiteral("Build / Build release artifact"), "10:03:11", 39);
    add(QStringLiteral("Build / Seal"), "10:03:50", 8);
    add(QStringLiteral("Provenance / Attest build"), "10:03:58", 8);
    add(QStringLiteral("Provenance / Sign attestation"), "10:06:00", 8);
    add(QStringLiteral("Release / Checksum"), "10:06:08", 8);
    add(QStringLiteral("Release / PyPi temp credentials"), "10:06:16", 8);
    add(QStringLiteral("Release / Publish PyPi"), "10:07:00", 29);
    add(QStringLiteral("Git release / Checksum"), "10:07:29", 8);
    add(QStringLiteral("Git release / Git Tag"), "10:07:37", 8);
    add(QStringLiteral("Git release / Bump package version"), "10:07:45", 8);
    add(QStringLiteral("Git release / Create PR"), "10:07:53", 8);
    add(QStringLiteral("Git release / Upload attestation"), "10:08:01", 8);
    add(QStringLiteral("Layer release / Build (x86_64+ARM)"), "10:08:00", 360);
    add(QStringLiteral("Layer release / Deploy Beta"), "10:14:00", 378);
    add(QStringLiteral("Layer release / Deploy Prod"), "10:20:18", 378);
    add(QStringLiteral("SAR release / Deploy Beta"), "10:20:18", 132);
    add(QStringLiteral("SAR release / Deploy Prod"), "10:22:30", 132);
    add(QStringLiteral("Docs / Create PR (Layer ARN)"), "10:26:36", 8);
    add(QStringLiteral("Docs / Release versioned docs"), "10:26:44", 132);
    add(QStringLiteral("Post-release / Close pending issues"), "10:28:56", 8);
    return jobs;
}

} // namespace Mainstay::GanttFixtures
