#pragma once

#include "comment.h"
#include "issue.h"
#include "issueevent.h"
#include "label.h"
#include "milestone.h"
#include "pullrequest.h"
#include "release.h"
#include "workflow.h"
#include "workflowjob.h"
#include "workflowrun.h"

// Sample values with every field set (and the awkward cases: unicode, nulls, empty lists).
namespace Mainstay::StoreTestData {

QDateTime at(const char *iso);
User user(const QString &login, qint64 id);
Label label(const QString &name, qint64 id);
Milestone milestone();
// Every field set, closed as not planned, two labels, two assignees, a milestone.
Issue fullIssue(int number);
// Nothing but the number and title: no author, no times, no labels.
Issue minimalIssue(int number);
// Titles and body in several scripts, emoji, quotes and newlines.
Issue unicodeIssue(int number);
PullRequest pullRequest(int number);
Comment comment(qint64 id, int issueNumber, const char *createdAt, const QString &login);
IssueEvent issueEvent(qint64 id, int issueNumber, const char *createdAt);
Release release(qint64 id, const char *createdAt, bool draft);
WorkflowRun workflowRun(qint64 id, qint64 workflowId, const char *createdAt);
WorkflowJob workflowJob(qint64 id, qint64 runId, int attempt, const QString &name);

} // namespace Mainstay::StoreTestData
