#pragma once

#include "apierror.h"
#include "graphqlrequest.h"
#include "graphqlresponse.h"
#include "pullrequest.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace Mainstay {

// What REST cannot give for many pull requests at once, fetched for up to MaxPullsPerQuery pull
// requests of one repository in a single GraphQL request: size (additions, deletions,
// changedFiles), isDraft, reviewDecision, mergedAt, base and head refs, head and merge commits,
// the issues the pull request closes, and the state of the head commit's checks.
//
//     for (const QList<int> &batch : PullRequestDetailsQuery::batches(numbers)) {
//         GraphQLJob *job = client->graphql(PullRequestDetailsQuery::request(owner, name, batch));
//         connect(job, &GraphQLJob::finished, this, [batch](GraphQLJob *job) {
//             const auto result = PullRequestDetailsQuery::parse(job->response(), batch);
//             if (!result.isOk()) { /* result.error: retry later, or show it */ return; }
//             for (const PullRequest &details : result.pulls)
//                 PullRequestDetailsQuery::apply(details, storedPullWithNumber(details.number));
//             // result.missing: deleted, or moved to another repository
//         });
//     }
//
// Each pull request is selected under an alias "p<number>" through one fragment, so the document
// grows by a few dozen bytes per pull request. Its cost is 2 points for 100 pull requests.
class PullRequestDetailsQuery
{
public:
    static constexpr int MaxPullsPerQuery = 100;
    static constexpr int ClosingIssuesPerPull = 10;
    // The first page of changed files, for pull requests asked for `withFiles`: the area labels
    // come at no extra request; PullRequestFilesJob reads the rest when there are more.
    static constexpr int FilesPerPull = 100;
    // GitHub refuses a query that could return more nodes than this.
    static constexpr int GitHubNodeLimit = 500'000;

    // The first page of one pull request's changed files.
    struct Files
    {
        QStringList paths;
        bool hasNextPage = false;
        QString endCursor;
        bool operator==(const Files &) const = default;
    };

    struct Result
    {
        // One per number GitHub knew, in the order asked, with only the fields the query reads
        // set (see apply()); the rest keep PullRequest's defaults.
        QList<PullRequest> pulls;
        // Numbers answered null: deleted, transferred, or never a pull request.
        QList<int> missing;
        // The first page of files, by number, for the pull requests asked `withFiles`.
        QHash<int, Files> files;
        RateLimit rateLimit;
        int cost = -1;
        // Set when the answer cannot be used at all; pulls and missing are empty then.
        ApiError error;

        bool isOk() const { return !error.isError(); }
    };

    // `numbers`: 1 to MaxPullsPerQuery pull request numbers (duplicates are asked for once).
    // Owner and name travel as the variables $owner and $name. The numbers also in `withFiles`
    // get the first FilesPerPull changed files too (through a second fragment).
    static GraphQLRequest request(const QString &owner, const QString &name,
                                  const QList<int> &numbers, const QList<int> &withFiles = {});
    static QString document(const QList<int> &numbers, const QList<int> &withFiles = {});
    // Splits any list of numbers into batches for request(), duplicates dropped, order kept.
    static QList<QList<int>> batches(const QList<int> &numbers);
    // The most nodes a request for `pullCount` pull requests can return, counted as GitHub does
    // (each connection's first/last times the connections above it).
    static int nodeCount(int pullCount, int withFilesCount = 0);

    // Reads the answer to request(...numbers). A NOT_FOUND error on one pull request's alias
    // reports that number in `missing` and the others still count; any other error, or an
    // answer that is not shaped as the schema says, fails the whole batch.
    static Result parse(const GraphQLResponse &response, const QList<int> &numbers);

    // Copies what the query fetched onto `pull` (the same pull request as stored from REST),
    // leaving the fields REST supplies alone.
    static void apply(const PullRequest &details, PullRequest &pull);

    static PullRequest::ReviewDecision reviewDecisionFromString(QStringView text);
    static PullRequest::CheckState checkStateFromString(QStringView text);
};

} // namespace Mainstay
