#pragma once

#include "authorassociation.h"
#include "issue.h"
#include "pullrequest.h"
#include "runstatus.h"

namespace Mainstay {

// The integers the store writes for the domain's enums. They are part of the file format: a code
// never changes meaning once written, whatever happens to the enums' order in the domain headers,
// so reordering or extending an enum cannot silently reinterpret an existing cache. A code the
// app does not know (written by a newer version) reads as the enum's neutral value.
class StoreCodes
{
public:
    static int code(Issue::State state);
    static int code(Issue::StateReason reason);
    static int code(AuthorAssociation association);
    static int code(RunStatus status);
    static int code(RunConclusion conclusion);
    static int code(PullRequest::ReviewDecision decision);
    static int code(PullRequest::CheckState state);

    static Issue::State issueState(qint64 code);
    static Issue::StateReason stateReason(qint64 code);
    static AuthorAssociation authorAssociation(qint64 code);
    static RunStatus runStatus(qint64 code);
    static RunConclusion runConclusion(qint64 code);
    static PullRequest::ReviewDecision reviewDecision(qint64 code);
    static PullRequest::CheckState checkState(qint64 code);
};

} // namespace Mainstay
