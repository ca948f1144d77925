#pragma once

#include "comment.h"
#include "issue.h"
#include "label.h"
#include "pullrequest.h"
#include "release.h"
#include "workflow.h"
#include "workflowjob.h"
#include "workflowrun.h"

#include <QJsonObject>

// Value -> JSON in GitHub's REST shapes, so that parse(write(x)) == x. Used by the demo backend,
// the loopback test servers and the local cache. `apiBase` and `repo` ("owner/name") fill the
// url fields the way api.github.com does.
namespace Mainstay::GitHubJsonWriter {

QJsonObject toJson(const User &user);
QJsonObject toJson(const Label &label);
QJsonObject toJson(const Milestone &milestone);
QJsonObject toJson(const Issue &issue, const QString &apiBase, const QString &repo);
QJsonObject toJson(const PullRequest &pull, const QString &apiBase, const QString &repo);
QJsonObject toJson(const Comment &comment, const QString &apiBase, const QString &repo);
QJsonObject toJson(const Release &release, const QString &apiBase, const QString &repo);
QJsonObject toJson(const Workflow &workflow, const QString &apiBase, const QString &repo);
QJsonObject toJson(const WorkflowRun &run, const QString &apiBase, const QString &repo);
QJsonObject toJson(const WorkflowJob &job, const QString &apiBase, const QString &repo);

} // namespace Mainstay::GitHubJsonWriter
