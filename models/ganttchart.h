#pragma once

#include "ganttsectionrule.h"
#include "workflowjob.h"
#include "workflowrun.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Mainstay {

// What a bar shows: one state for jobs, steps, groups and runs, from GitHub's status and
// conclusion (every value, null included).
enum class GanttState
{
    Queued,  // queued, requested, pending: waiting for a runner (or for its needs)
    Waiting, // waiting for an environment's approval (status waiting, action_required)
    Running, // in_progress
    Success, // completed: success
    Failure, // completed: failure, timed_out, startup_failure
    Cancelled,
    Skipped,
    Neutral, // completed: neutral, stale, unknown or null conclusion
};

GanttState ganttState(RunStatus status, RunConclusion conclusion);
GanttState ganttState(const WorkflowJob &job);
GanttState ganttState(const WorkflowStep &step);
QString ganttStateName(GanttState state); // "queued", "running", "failed", …
bool isFinished(GanttState state);

// When a job waited and ran. GitHub reports a queued job's started_at as its created_at, leaves
// started_at null on some jobs and completed_at null until the end; this sorts it out.
struct GanttSpan
{
    QDateTime queued;   // created_at (or started_at when created_at is missing)
    QDateTime started;  // invalid while the job has not started (or never did, e.g. skipped)
    QDateTime finished; // completed_at, or `now` for a job still queued or running
    bool open = false;  // still going: `finished` is `now` and moves

    qint64 waitSeconds() const;
    qint64 runSeconds() const; // 0 when it never started
    QDateTime barStart() const { return started.isValid() ? started : queued; }
};
GanttSpan ganttSpan(const WorkflowJob &job, const QDateTime &now);
GanttSpan ganttSpan(const WorkflowStep &step, const QDateTime &now);

// "Caller / Callee" → {Caller, Callee}; a policy rule that matches the full name overrides the
// section (the task keeps the callee part, or the whole name without a prefix). Jobs with neither
// go to the section named after the workflow (`fallback`).
struct GanttName
{
    QString section;
    QString task;
};
GanttName splitJobName(const QString &jobName, const QList<GanttSectionRule> &rules,
                       const QString &fallback);
// The base of a matrix job name: "Deploy Beta (eu-west-1, 3.12)" → "Deploy Beta"; an empty string
// when the name carries no matrix values.
QString matrixBase(const QString &task);

// Progress of a folded matrix group, e.g. "87/145 done, 2 failed".
struct GanttProgress
{
    int total = 0;
    int done = 0; // finished in any way
    int failed = 0;
    int running = 0;
    int queued = 0;  // queued or waiting
    int skipped = 0; // included in done
    int cancelled = 0;

    QString text() const;
    GanttState state() const; // of the group as a whole
};

struct GanttItem
{
    QString name;    // the task name (a group: the matrix base)
    QList<int> jobs; // indices into GanttChart::jobs; one for a plain job, ≥2 for a group
    bool group = false;
};

struct GanttSection
{
    QString name;
    QList<GanttItem> items;
};

// A run's jobs arranged for drawing and export: sections in the order their first job was
// queued, items in start order, matrix jobs of one base name folded into a group.
struct GanttChart
{
    WorkflowRun run;
    QList<WorkflowJob> jobs;
    QList<GanttSection> sections;
    QDateTime start; // the earliest queued time (or the run's start)
    QDateTime end;   // the latest finish (or `now` while anything is open)
    QDateTime now;

    static GanttChart build(const WorkflowRun &run, const QList<WorkflowJob> &jobs,
                            const QList<GanttSectionRule> &rules, const QDateTime &now);
    GanttProgress progress(const GanttItem &item) const;
    GanttProgress progress() const; // of the whole run
    // Span of an item: earliest queued to latest finish of its jobs.
    GanttSpan span(const GanttItem &item) const;
    int failedJobs() const;
    qint64 durationSeconds() const; // start → end
};

// The chain of jobs that decided the run's length: from the job that finished last, each step
// back goes to the job whose finish let it be queued (the latest finish at or before its queued
// time, with `slackSeconds` of tolerance). Returns indices into `jobs`, first job first.
QList<int> criticalPath(const QList<WorkflowJob> &jobs, const QDateTime &now, int slackSeconds = 2);

} // namespace Mainstay
