#pragma once

#include "demodataset.h"
#include "httprequest.h"
#include "httpresponse.h"

#include <QDateTime>
#include <QList>

namespace Mainstay {

// The demo backend's GitHub GraphQL endpoint: POST /graphql (and /api/graphql beside GitHub
// Enterprise's /api/v3), answered from a DemoDataset. DemoGitHubBackend routes to it.
//
// It reads any query document (operations, variables with defaults, aliases, fragments, inline
// fragments) over the part of GitHub's schema Mainstay asks for:
//   Query        repository(owner, name), rateLimit
//   Repository   name, nameWithOwner, pullRequest(number)
//   PullRequest  number title state url body isDraft merged mergedAt createdAt updatedAt
//                closedAt additions deletions changedFiles reviewDecision baseRefName
//                headRefName headRefOid mergeCommit closingIssuesReferences commits files
//   Commit { oid statusCheckRollup { state } }, Issue { number title state url },
//   PullRequestChangedFile { path additions deletions changeType }, connections with nodes,
//   edges, pageInfo, totalCount and first/last/after/before (1-100, as on GitHub),
//   RateLimit { cost limit remaining used resetAt nodeCount }.
// Answers as GitHub does: 200 with `data`, plus `errors` entries of type NOT_FOUND (with their
// path, the field nulled) for a repository or pull request that does not exist; 200 with only
// `errors` for anything it cannot run (syntax errors, unknown fields or arguments, missing
// variables, mutations, more than 500,000 possible nodes); 400 for a body that is not JSON.
//
// Every query costs 1 point of a 5,000-point hour. The budget is not tracked between requests
// (remaining always reads 4,999), as the backend's /rate_limit reports an untouched GraphQL
// bucket too.
class DemoGraphQLResolver
{
public:
    static constexpr int PointsPerHour = 5000;
    static constexpr int MaxNodes = 500'000;

    struct ChangedFile
    {
        QString path;
        int additions = 0;
        int deletions = 0;
        QString changeType; // ADDED, MODIFIED (PatchStatus)
        bool operator==(const ChangedFile &) const = default;
    };

    static bool isEndpoint(const QString &path);
    // `resetAt`: when the current rate-limit window ends. Call with `data` not changing.
    static HttpResponse answer(const DemoDataset &data, const HttpRequest &request,
                               const QDateTime &resetAt);

    // The files a pull request of the dataset changes: exactly changedFiles of them, under the
    // package, tests, docs and examples of its area (from its area label, else its title's
    // scope), or the dependency and workflow files of dependency and CI changes; their lines
    // add up to the pull request's additions and deletions. Deterministic.
    static QList<ChangedFile> changedFiles(const PullRequest &pull);
};

} // namespace Mainstay
