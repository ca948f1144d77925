#pragma once

#include "comment.h"
#include "demoissueevent.h"
#include "issue.h"
#include "label.h"
#include "milestone.h"
#include "pullrequest.h"
#include "release.h"
#include "user.h"
#include "workflow.h"
#include "workflowjob.h"
#include "workflowrun.h"

#include <QList>

namespace Mainstay {

// A deployment environment with required reviewers, as GET .../pending_deployments names it.
struct DemoEnvironment
{
    qint64 id = 0;
    QString nodeId;
    QString name;
    QString jobName; // the Release workflow's job that deploys to it

    bool operator==(const DemoEnvironment &) const = default;
};

// A whole generated repository: what DemoGitHubBackend serves. Plain data, copyable and
// comparable, so that determinism is one operator== away.
struct DemoDataset
{
    quint64 seed = 0;
    QDateTime now; // every time in the dataset is relative to this

    QString owner;
    QString name;
    qint64 repositoryId = 0;
    QString description;
    QString defaultBranch;

    User viewer;             // who GET /user says the token belongs to (a maintainer)
    QList<User> maintainers; // collaborators with write access
    QList<Label> labels;
    QList<Milestone> milestones;
    QList<Issue> issues;             // issues only, by number
    QList<PullRequest> pullRequests; // pull requests, by number; numbers interleave with issues
    QList<Comment> comments;         // issue and pull request comments, by creation time
    QList<DemoIssueEvent> events;    // by creation time
    QList<Release> releases;         // newest first; the first is a draft for the next version
    QList<Workflow> workflows;
    QList<WorkflowRun> runs;            // latest attempt of every run, newest first
    QList<WorkflowRun> earlierAttempts; // the attempts before the latest, of re-run runs
    QList<WorkflowJob> jobs;            // every job of every attempt of every run

    // The Release run that is in progress at `now`. Its jobs in `jobs` show their state at `now`;
    // liveRunPlan holds every job of that run as it will have run once finished (success), from
    // which DemoGitHubBackend computes the state at any later time.
    qint64 liveRunId = 0;
    QList<WorkflowJob> liveRunPlan;
    // The environment the Release workflow publishes to. Its job waits for a maintainer's review
    // in every Release run the backend replays: the live run has been waiting at it since a
    // little before `now` (the plan shows it as if approved at once; see DemoLiveRun).
    DemoEnvironment releaseEnvironment;

    // Pull requests whose size label deliberately disagrees with their size, or is missing,
    // so that the hygiene view has problems to show.
    QList<int> wrongSizeLabelPulls;
    QList<int> missingSizeLabelPulls;
    // Closed issues fixed by a PR merged after the last release that lack `pending-release`.
    QList<int> missingPendingReleaseIssues;

    QString fullName() const { return owner + QLatin1Char('/') + name; }

    bool operator==(const DemoDataset &) const = default;
};

} // namespace Mainstay
