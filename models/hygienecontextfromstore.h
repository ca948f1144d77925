#pragma once

#include "hygienecontext.h"
#include "issue.h"
#include "pullrequest.h"

#include <QList>

namespace Mainstay {

class Clock;
class WorkspaceStore;
struct Policy;

// What the hygiene rules check, as the store holds it: the items and the context they need. The
// PR hygiene list and `mainstay lint` both build their input here, so for the same store they
// produce the same findings (HygieneChecker being the one engine).
struct HygieneItems
{
    // Open and merged pull requests, with their details (size, linked issues, head) and bodies
    // (the template's `**Issue number:**` line); closed unmerged ones meet no rule.
    QList<PullRequest> pullRequests;
    // Open issues (the stale rule; closed issues meet no rule).
    QList<Issue> issues;
};

// The items of the store, with the outbox's pending label changes applied, as the GUI shows
// them: a fix that is queued but not sent yet is not reported again.
HygieneItems hygieneItemsFromStore(const WorkspaceStore &store);

// The context from the store: every item's labels by number (pending outbox changes applied),
// the last published release, the maintainers (the synced collaborators, else the policy's),
// the changed files of pull requests (only when complete and read at the PR's current head, so
// a rule never judges from a stale or partial list) and `clock` (null: the system clock). The
// context holds copies: it stays valid after the store changes or closes.
HygieneContext hygieneContextFromStore(const WorkspaceStore &store, const Policy &policy,
                                       const Clock *clock = nullptr);

} // namespace Mainstay
