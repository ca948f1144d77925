#pragma once

#include <QString>

namespace Mainstay {

// Status and conclusion of workflow runs, jobs and steps. Values GitHub adds later parse as
// Unknown rather than failing the whole payload.
enum class RunStatus
{
    Unknown,
    Queued,
    InProgress,
    Completed,
    Waiting,
    Requested,
    Pending
};
enum class RunConclusion
{
    None, // null: not finished yet
    Success,
    Failure,
    Neutral,
    Cancelled,
    Skipped,
    TimedOut,
    ActionRequired,
    Stale,
    StartupFailure,
    Unknown,
};

RunStatus runStatusFromString(QStringView text);
RunConclusion runConclusionFromString(QStringView text); // empty text gives None
QString toString(RunStatus status);
QString toString(RunConclusion conclusion); // None gives an empty string
// Failure, TimedOut, StartupFailure: a conclusion a maintainer must look at.
bool isFailing(RunConclusion conclusion);

} // namespace Mainstay
