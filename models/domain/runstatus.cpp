#include "runstatus.h"

namespace Mainstay {

namespace {

struct StatusName
{
    RunStatus status;
    QLatin1StringView name;
};

constexpr StatusName statusNames[] = {
    {RunStatus::Queued, QLatin1StringView("queued")},
    {RunStatus::InProgress, QLatin1StringView("in_progress")},
    {RunStatus::Completed, QLatin1StringView("completed")},
    {RunStatus::Waiting, QLatin1StringView("waiting")},
    {RunStatus::Requested, QLatin1StringView("requested")},
    {RunStatus::Pending, QLatin1StringView("pending")},
};

struct ConclusionName
{
    RunConclusion conclusion;
    QLatin1StringView name;
};

constexpr ConclusionName conclusionNames[] = {
    {RunConclusion::Success, QLatin1StringView("success")},
    {RunConclusion::Failure, QLatin1StringView("failure")},
    {RunConclusion::Neutral, QLatin1StringView("neutral")},
    {RunConclusion::Cancelled, QLatin1StringView("cancelled")},
    {RunConclusion::Skipped, QLatin1StringView("skipped")},
    {RunConclusion::TimedOut, QLatin1StringView("timed_out")},
    {RunConclusion::ActionRequired, QLatin1StringView("action_required")},
    {RunConclusion::Stale, QLatin1StringView("stale")},
    {RunConclusion::StartupFailure, QLatin1StringView("startup_failure")},
};

} // namespace

RunStatus runStatusFromString(QStringView text)
{
    for (const StatusName &entry : statusNames)
        if (text == entry.name)
            return entry.status;
    return RunStatus::Unknown;
}

RunConclusion runConclusionFromString(QStringView text)
{
    if (text.isEmpty())
        return RunConclusion::None;
    for (const ConclusionName &entry : conclusionNames)
        if (text == entry.name)
            return entry.conclusion;
    return RunConclusion::Unknown;
}

QString toString(RunStatus status)
{
    for (const StatusName &entry : statusNames)
        if (entry.status == status)
            return entry.name;
    // Unknown has no wire name of its own; an empty string keeps it from being mistaken for one.
    return QString();
}

QString toString(RunConclusion conclusion)
{
    for (const ConclusionName &entry : conclusionNames)
        if (entry.conclusion == conclusion)
            return entry.name;
    return QString();
}

bool isFailing(RunConclusion conclusion)
{
    return conclusion == RunConclusion::Failure || conclusion == RunConclusion::TimedOut ||
           conclusion == RunConclusion::StartupFailure;
}

} // namespace Mainstay
