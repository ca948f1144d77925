#pragma once

#include <QString>

// The `kind` strings of outbox entries: the stored form, so they never change once released.
namespace Mainstay::OutboxKind {

inline const QString AddLabels = QStringLiteral("add-labels");       // {number, labels}
inline const QString RemoveLabels = QStringLiteral("remove-labels"); // {number, labels}
inline const QString SetLabels = QStringLiteral("set-labels");       // {number, labels}
// {number, add, remove}: one reviewable label change (a hygiene fix), sent as one POST of the
// added labels, then one DELETE per removed label.
inline const QString ChangeLabels = QStringLiteral("change-labels");
inline const QString Comment = QStringLiteral("comment"); // {number, body}
// {number, reason: completed|not_planned, comment?}
inline const QString CloseIssue = QStringLiteral("close-issue");
inline const QString ReopenIssue = QStringLiteral("reopen-issue"); // {number}
inline const QString Assign = QStringLiteral("assign");            // {number, assignees}
inline const QString CreateLabel = QStringLiteral("create-label"); // {name, color, description}
inline const QString UpdateLabel = QStringLiteral("update-label"); // {name, fields}
// Deletes the repository's label (and so takes it off every item): {name}.
inline const QString DeleteLabel = QStringLiteral("delete-label");
inline const QString CreateRelease = QStringLiteral("create-release"); // {fields}
inline const QString UpdateRelease = QStringLiteral("update-release"); // {id, fields}
inline const QString Dispatch = QStringLiteral("dispatch");            // {workflow, ref, inputs}
inline const QString RerunFailedJobs = QStringLiteral("rerun-failed-jobs"); // {run_id}
inline const QString CancelRun = QStringLiteral("cancel-run");              // {run_id}
// {run_id, environment_ids, state: approved|rejected, comment}
inline const QString ReviewDeployments = QStringLiteral("review-deployments");

} // namespace Mainstay::OutboxKind
