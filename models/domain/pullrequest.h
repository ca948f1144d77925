#pragma once

#include "issue.h"

namespace Mainstay {

// A pull request: the issue-shaped fields plus what only the pulls API and GraphQL know.
// Counts the list endpoints omit are -1 until fetched.
struct PullRequest : Issue
{
    enum class ReviewDecision
    {
        None,
        ReviewRequired,
        ChangesRequested,
        Approved
    };
    enum class CheckState
    {
        Unknown,
        Pending,
        Success,
        Failure,
        Error
    };

    PullRequest() { isPullRequest = true; }

    qint64 pullId = 0; // the pull request's own id, distinct from the issue id
    QString baseRef;
    QString headRef;
    QString headSha;
    QString mergeCommitSha;
    int additions = -1;
    int deletions = -1;
    int changedFiles = -1;
    ReviewDecision reviewDecision = ReviewDecision::None;
    CheckState checkState = CheckState::Unknown;
    QList<int> linkedIssues; // closing references, by number

    bool hasSize() const { return additions >= 0 && deletions >= 0; }
    int changedLines() const { return hasSize() ? additions + deletions : -1; }
    bool operator==(const PullRequest &) const = default;
};

} // namespace Mainstay
