#pragma once

#include "comment.h"
#include "issue.h"
#include "issueevent.h"
#include "label.h"
#include "milestone.h"
#include "parseresult.h"
#include "pullrequest.h"
#include "ratelimit.h"
#include "release.h"
#include "user.h"
#include "workflow.h"
#include "workflowjob.h"
#include "workflowrun.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

// JSON -> value parsing for GitHub REST payloads. Free functions that never crash: a missing
// required field, a null where GitHub's OpenAPI description does not allow one, a wrong type or a
// truncated document gives an error naming the field path (e.g. "[3].user.login: expected a
// string, got null"). Fields the OpenAPI description marks nullable are optional.
namespace Mainstay::GitHubJson {

ParseResult<User> parseUser(const QJsonValue &value);
ParseResult<Label> parseLabel(const QJsonValue &value);
ParseResult<Milestone> parseMilestone(const QJsonValue &value);
// An item of GET /repos/{o}/{r}/issues; an item with `pull_request` gets isPullRequest = true.
ParseResult<Issue> parseIssue(const QJsonValue &value);
// An item of GET /repos/{o}/{r}/pulls or GET /pulls/{n}.
ParseResult<PullRequest> parsePullRequest(const QJsonValue &value);
ParseResult<Comment> parseComment(const QJsonValue &value);
// An item of GET /repos/{o}/{r}/issues/events (or /issues/{n}/events, without the issue number).
ParseResult<IssueEvent> parseIssueEvent(const QJsonValue &value);
ParseResult<Release> parseRelease(const QJsonValue &value);
ParseResult<Workflow> parseWorkflow(const QJsonValue &value);
ParseResult<WorkflowRun> parseWorkflowRun(const QJsonValue &value);
ParseResult<WorkflowJob> parseWorkflowJob(const QJsonValue &value);
// The body of GET /rate_limit: every bucket under `resources`, named by its key.
ParseResult<QList<RateLimit>> parseRateLimits(const QJsonValue &value);

// Whole response bodies. Lists are JSON arrays; runs, jobs and workflows come wrapped in an
// object with `total_count` (the wrapper's array key is read, total_count is reported).
ParseResult<QList<Issue>> parseIssueList(const QByteArray &json);
ParseResult<QList<PullRequest>> parsePullRequestList(const QByteArray &json);
ParseResult<QList<Label>> parseLabelList(const QByteArray &json);
ParseResult<QList<Milestone>> parseMilestoneList(const QByteArray &json);
ParseResult<QList<Comment>> parseCommentList(const QByteArray &json);
ParseResult<QList<IssueEvent>> parseIssueEventList(const QByteArray &json);
ParseResult<QList<Release>> parseReleaseList(const QByteArray &json);

template<class T>
struct CountedList
{
    QList<T> items;
    int totalCount = 0;
};
ParseResult<CountedList<Workflow>> parseWorkflowList(const QByteArray &json);
ParseResult<CountedList<WorkflowRun>> parseWorkflowRunList(const QByteArray &json);
ParseResult<CountedList<WorkflowJob>> parseWorkflowJobList(const QByteArray &json);

// Parses a response body into a JSON value; a truncated or malformed document gives an error
// with the line and column where parsing stopped.
ParseResult<QJsonValue> parseDocument(const QByteArray &json);

} // namespace Mainstay::GitHubJson
