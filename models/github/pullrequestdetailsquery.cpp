#include "pullrequestdetailsquery.h"

#include "jsonarrayreader.h"
#include "jsonreader.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Mainstay {

namespace {

using GitHubJson::JsonArrayReader;
using GitHubJson::JsonPath;
using GitHubJson::JsonReader;

constexpr int CommitsPerPull = 1; // commits(last: 1): the head commit

QList<int> normalized(const QList<int> &numbers)
{
    QList<int> out;
    QSet<int> seen;
    for (int number : numbers)
        if (number > 0 && !seen.contains(number)) {
            seen.insert(number);
            out.append(number);
        }
    return out;
}

QByteArray aliasFor(int number)
{
    return 'p' + QByteArray::number(number);
}

void readDetails(const JsonReader &r, PullRequest &out)
{
    out.number = r.requiredInt("number"_L1);
    out.additions = r.requiredInt("additions"_L1);
    out.deletions = r.requiredInt("deletions"_L1);
    out.changedFiles = r.requiredInt("changedFiles"_L1);
    out.draft = r.requiredBool("isDraft"_L1);
    out.reviewDecision =
        PullRequestDetailsQuery::reviewDecisionFromString(r.optionalString("reviewDecision"_L1));
    out.mergedAt = r.optionalDateTime("mergedAt"_L1);
    out.baseRef = r.requiredString("baseRefName"_L1);
    out.headRef = r.requiredString("headRefName"_L1);
    out.headSha = r.requiredString("headRefOid"_L1);
    if (const std::optional<JsonReader> merge = r.optionalObject("mergeCommit"_L1))
        out.mergeCommitSha = merge->requiredString("oid"_L1);

    if (const std::optional<JsonReader> closing = r.requiredObject("closingIssuesReferences"_L1)) {
        const JsonArrayReader nodes = closing->requiredArray("nodes"_L1);
        for (qsizetype i = 0; i < nodes.size() && r.ok(); ++i) {
            if (nodes.at(i).isNull())
                continue; // an issue the token cannot see
            if (const std::optional<JsonReader> issue = nodes.objectAt(i))
                out.linkedIssues.append(issue->requiredInt("number"_L1));
        }
    }

    // No commit, no rollup (no checks ever reported) or a state this build does not know: all
    // mean "nothing to say about CI", which is what Unknown stands for.
    out.checkState = PullRequest::CheckState::Unknown;
    if (const std::optional<JsonReader> commits = r.requiredObject("commits"_L1)) {
        const JsonArrayReader nodes = commits->requiredArray("nodes"_L1);
        if (nodes.size() > 0 && !nodes.at(nodes.size() - 1).isNull()) {
            if (const std::optional<JsonReader> node = nodes.objectAt(nodes.size() - 1))
                if (const std::optional<JsonReader> commit = node->requiredObject("commit"_L1))
                    if (const std::optional<JsonReader> rollup =
                            commit->optionalObject("statusCheckRollup"_L1))
                        out.checkState = PullRequestDetailsQuery::checkStateFromString(
                            rollup->requiredString("state"_L1));
        }
    }
}

} // namespace

QString PullRequestDetailsQuery::document(const QList<int> &numbers, const QList<int> &withFiles)
{
    const QList<int> asked = normalized(numbers);
    bool anyFiles = false;
    Q_ASSERT(!asked.isEmpty() && asked.size() <= MaxPullsPerQuery);
    QString text;
    text.reserve(640 + 48 * asked.size());
    text += u"query PullRequestDetails($owner: String!, $name: String!) {\n"
            "  repository(owner: $owner, name: $name) {\n"_s;
    for (int number : asked) {
        // Unused fragments are an error in GraphQL, so the files fragment only comes with a user.
        const bool files = withFiles.contains(number);
        anyFiles = anyFiles || files;
        text += (files ? u"    p%1: pullRequest(number: %1) { ...PullRequestDetails "
                         "...PullRequestFiles }\n"_s
                       : u"    p%1: pullRequest(number: %1) { ...PullRequestDetails }\n"_s)
                    .arg(number);
    }
    text += u"  }\n"
            "  rateLimit { cost remaining resetAt limit used }\n"
            "}\n"
            "\n"
            "fragment PullRequestDetails on PullRequest {\n"
            "  number additions deletions changedFiles isDraft reviewDecision mergedAt\n"
            "  baseRefName headRefName headRefOid\n"
            "  mergeCommit { oid }\n"
            "  closingIssuesReferences(first: %1) { nodes { number } }\n"
            "  commits(last: %2) { nodes { commit { statusCheckRollup { state } } } }\n"
            "}\n"_s.arg(ClosingIssuesPerPull)
                .arg(CommitsPerPull);
    if (anyFiles)
        text += u"\n"
                "fragment PullRequestFiles on PullRequest {\n"
                "  files(first: %1) { nodes { path } pageInfo { hasNextPage endCursor } }\n"
                "}\n"_s.arg(FilesPerPull);
    return text;
}

GraphQLRequest PullRequestDetailsQuery::request(const QString &owner, const QString &name,
                                                const QList<int> &numbers,
                                                const QList<int> &withFiles)
{
    return GraphQLRequest{document(numbers, withFiles),
                          QJsonObject{{u"owner"_s, owner}, {u"name"_s, name}}};
}

QList<QList<int>> PullRequestDetailsQuery::batches(const QList<int> &numbers)
{
    const QList<int> all = normalized(numbers);
    QList<QList<int>> out;
    for (qsizetype i = 0; i < all.size(); i += MaxPullsPerQuery)
        out.append(all.mid(i, MaxPullsPerQuery));
    return out;
}

int PullRequestDetailsQuery::nodeCount(int pullCount, int withFilesCount)
{
    // pullRequest and repository are single objects, not connections: they add nothing.
    return pullCount * (ClosingIssuesPerPull + CommitsPerPull) + withFilesCount * FilesPerPull;
}

PullRequestDetailsQuery::Result PullRequestDetailsQuery::parse(const GraphQLResponse &response,
                                                               const QList<int> &numbers)
{
    const QList<int> asked = normalized(numbers);
    Result result;
    result.rateLimit = response.rateLimit;
    result.cost = response.cost;
    if (response.error.isError() && response.error.kind != ApiError::Kind::GraphQL) {
        result.error = response.error;
        return result;
    }

    // The one error that leaves the rest of the answer usable: NOT_FOUND on a pull request's
    // alias (its value is null, and reported in `missing` below).
    for (const GraphQLError &error : response.errors) {
        bool ok = false;
        const int number = error.path.size() == 2 && error.path[0] == "repository"_L1 &&
                                   error.path[1].startsWith(u'p')
                               ? QStringView(error.path[1]).mid(1).toInt(&ok)
                               : 0;
        if (error.type != "NOT_FOUND"_L1 || !ok || !asked.contains(number)) {
            result.error = response.error;
            return result;
        }
    }

    QString problem;
    const JsonPath root;
    const JsonPath dataPath(&root, "data"_L1);
    const JsonReader data(response.data, dataPath, &problem);
    if (const std::optional<JsonReader> repository = data.requiredObject("repository"_L1)) {
        for (int number : asked) {
            const QByteArray alias = aliasFor(number);
            const QLatin1StringView key(alias);
            if (!repository->object().contains(key)) {
                repository->fail(key, u"missing: pull request %1 was asked for"_s.arg(number));
                break;
            }
            const std::optional<JsonReader> pull = repository->optionalObject(key);
            if (!pull) {
                result.missing.append(number);
                continue;
            }
            PullRequest &details = result.pulls.emplace_back();
            readDetails(*pull, details);
            if (pull->object().contains("files"_L1))
                if (const std::optional<JsonReader> files = pull->requiredObject("files"_L1)) {
                    Files &page = result.files[number];
                    const JsonArrayReader nodes = files->requiredArray("nodes"_L1);
                    for (qsizetype i = 0; i < nodes.size() && data.ok(); ++i)
                        if (const std::optional<JsonReader> node = nodes.objectAt(i))
                            page.paths.append(node->requiredString("path"_L1));
                    if (const std::optional<JsonReader> info =
                            files->requiredObject("pageInfo"_L1)) {
                        page.hasNextPage = info->requiredBool("hasNextPage"_L1);
                        page.endCursor = info->optionalString("endCursor"_L1);
                        if (page.hasNextPage && page.endCursor.isEmpty() && data.ok())
                            info->fail("endCursor"_L1, u"missing although hasNextPage is true"_s);
                    }
                }
            if (data.ok() && details.number != number)
                pull->fail("number"_L1, u"%1 instead of %2"_s.arg(details.number).arg(number));
            if (!data.ok())
                break;
        }
    }
    if (!problem.isEmpty()) {
        result.pulls.clear();
        result.missing.clear();
        result.files.clear();
        result.error = ApiError::malformed(problem);
        result.error.httpStatus = response.http.status;
        result.error.context = response.error.context;
    }
    return result;
}

void PullRequestDetailsQuery::apply(const PullRequest &details, PullRequest &pull)
{
    Q_ASSERT(details.number == pull.number);
    pull.additions = details.additions;
    pull.deletions = details.deletions;
    pull.changedFiles = details.changedFiles;
    pull.draft = details.draft;
    pull.reviewDecision = details.reviewDecision;
    pull.mergedAt = details.mergedAt;
    pull.baseRef = details.baseRef;
    pull.headRef = details.headRef;
    pull.headSha = details.headSha;
    pull.mergeCommitSha = details.mergeCommitSha;
    pull.linkedIssues = details.linkedIssues;
    pull.checkState = details.checkState;
}

PullRequest::ReviewDecision PullRequestDetailsQuery::reviewDecisionFromString(QStringView text)
{
    // null (no review required by branch protection) and values added to the schema later both
    // mean there is no decision this build can show.
    if (text == "APPROVED"_L1)
        return PullRequest::ReviewDecision::Approved;
    if (text == "CHANGES_REQUESTED"_L1)
        return PullRequest::ReviewDecision::ChangesRequested;
    if (text == "REVIEW_REQUIRED"_L1)
        return PullRequest::ReviewDecision::ReviewRequired;
    return PullRequest::ReviewDecision::None;
}

PullRequest::CheckState PullRequestDetailsQuery::checkStateFromString(QStringView text)
{
    if (text == "SUCCESS"_L1)
        return PullRequest::CheckState::Success;
    if (text == "FAILURE"_L1)
        return PullRequest::CheckState::Failure;
    if (text == "ERROR"_L1)
        return PullRequest::CheckState::Error;
    // EXPECTED: a required status has not been reported yet, which is waiting, as PENDING is.
    if (text == "PENDING"_L1 || text == "EXPECTED"_L1)
        return PullRequest::CheckState::Pending;
    return PullRequest::CheckState::Unknown;
}

} // namespace Mainstay
