#include "storecodes.h"

#include <array>

namespace Mainstay {

namespace {

// The position in each table is the stored code. Append only.
constexpr std::array issueStates{Issue::State::Open, Issue::State::Closed};
constexpr std::array stateReasons{Issue::StateReason::None, Issue::StateReason::Completed,
                                  Issue::StateReason::NotPlanned, Issue::StateReason::Reopened};
constexpr std::array associations{
    AuthorAssociation::None,        AuthorAssociation::Owner,
    AuthorAssociation::Member,      AuthorAssociation::Collaborator,
    AuthorAssociation::Contributor, AuthorAssociation::FirstTimeContributor,
    AuthorAssociation::FirstTimer,  AuthorAssociation::Mannequin,
};
constexpr std::array runStatuses{RunStatus::Unknown,   RunStatus::Queued,  RunStatus::InProgress,
                                 RunStatus::Completed, RunStatus::Waiting, RunStatus::Requested,
                                 RunStatus::Pending};
constexpr std::array runConclusions{
    RunConclusion::None,           RunConclusion::Success,        RunConclusion::Failure,
    RunConclusion::Neutral,        RunConclusion::Cancelled,      RunConclusion::Skipped,
    RunConclusion::TimedOut,       RunConclusion::ActionRequired, RunConclusion::Stale,
    RunConclusion::StartupFailure, RunConclusion::Unknown,
};
constexpr std::array reviewDecisions{
    PullRequest::ReviewDecision::None, PullRequest::ReviewDecision::ReviewRequired,
    PullRequest::ReviewDecision::ChangesRequested, PullRequest::ReviewDecision::Approved};
constexpr std::array checkStates{PullRequest::CheckState::Unknown, PullRequest::CheckState::Pending,
                                 PullRequest::CheckState::Success, PullRequest::CheckState::Failure,
                                 PullRequest::CheckState::Error};

template<class Enum, std::size_t N>
int encode(const std::array<Enum, N> &table, Enum value)
{
    for (std::size_t i = 0; i < N; ++i)
        if (table[i] == value)
            return int(i);
    return 0;
}

template<class Enum, std::size_t N>
Enum decode(const std::array<Enum, N> &table, qint64 code)
{
    return code >= 0 && code < qint64(N) ? table[std::size_t(code)] : table[0];
}

} // namespace

int StoreCodes::code(Issue::State state)
{
    return encode(issueStates, state);
}
int StoreCodes::code(Issue::StateReason reason)
{
    return encode(stateReasons, reason);
}
int StoreCodes::code(AuthorAssociation association)
{
    return encode(associations, association);
}
int StoreCodes::code(RunStatus status)
{
    return encode(runStatuses, status);
}
int StoreCodes::code(RunConclusion conclusion)
{
    return encode(runConclusions, conclusion);
}
int StoreCodes::code(PullRequest::ReviewDecision decision)
{
    return encode(reviewDecisions, decision);
}
int StoreCodes::code(PullRequest::CheckState state)
{
    return encode(checkStates, state);
}

Issue::State StoreCodes::issueState(qint64 code)
{
    return decode(issueStates, code);
}
Issue::StateReason StoreCodes::stateReason(qint64 code)
{
    return decode(stateReasons, code);
}
AuthorAssociation StoreCodes::authorAssociation(qint64 code)
{
    return decode(associations, code);
}
RunStatus StoreCodes::runStatus(qint64 code)
{
    return decode(runStatuses, code);
}
RunConclusion StoreCodes::runConclusion(qint64 code)
{
    return decode(runConclusions, code);
}
PullRequest::ReviewDecision StoreCodes::reviewDecision(qint64 code)
{
    return decode(reviewDecisions, code);
}
PullRequest::CheckState StoreCodes::checkState(qint64 code)
{
    return decode(checkStates, code);
}

} // namespace Mainstay
