#include "pullrequestdetailsquery.h"
#include "pullrequestfilesquery.h"

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

// What GraphQLJob would make of a 200 answer with this body.
GraphQLResponse answer(const QByteArray &body)
{
    ApiResponse http;
    http.status = 200;
    http.body = body;
    http.error.context = u"POST /graphql"_s;
    return GraphQLResponse::fromHttp(http, QDateTime::currentDateTimeUtc());
}

// Hand-written like GitHub's answers: p5 open with everything, p8 merged with null review and no
// checks, p13 without commits (force-pushed away), p21 deleted.
const QByteArray kAnswer = R"({
  "data": {
    "repository": {
      "p5": {
        "number": 5, "additions": 120, "deletions": 30, "changedFiles": 4, "isDraft": true,
        "reviewDecision": "CHANGES_REQUESTED", "mergedAt": null,
        "baseRefName": "develop", "headRefName": "feat/logger-5",
        "headRefOid": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "mergeCommit": null,
        "closingIssuesReferences": { "nodes": [ { "number": 2 }, null, { "number": 3 } ] },
        "commits": { "nodes": [ { "commit": { "statusCheckRollup": { "state": "FAILURE" } } } ] }
      },
      "p8": {
        "number": 8, "additions": 0, "deletions": 7, "changedFiles": 1, "isDraft": false,
        "reviewDecision": null, "mergedAt": "2026-05-01T10:00:00Z",
        "baseRefName": "develop", "headRefName": "fix/tracer-8",
        "headRefOid": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        "mergeCommit": { "oid": "cccccccccccccccccccccccccccccccccccccccc" },
        "closingIssuesReferences": { "nodes": [] },
        "commits": { "nodes": [ { "commit": { "statusCheckRollup": null } } ] }
      },
      "p13": {
        "number": 13, "additions": 1, "deletions": 1, "changedFiles": 1, "isDraft": false,
        "reviewDecision": "APPROVED", "mergedAt": null,
        "baseRefName": "main", "headRefName": "docs/x",
        "headRefOid": "dddddddddddddddddddddddddddddddddddddddd", "mergeCommit": null,
        "closingIssuesReferences": { "nodes": [] },
        "commits": { "nodes": [] }
      },
      "p21": null
    },
    "rateLimit": { "cost": 1, "remaining": 4998, "resetAt": "2026-05-28T21:00:00Z",
                   "limit": 5000, "used": 2 }
  },
  "errors": [ { "type": "NOT_FOUND", "path": [ "repository", "p21" ],
                "locations": [ { "line": 5, "column": 5 } ],
                "message": "Could not resolve to a PullRequest with the number of 21." } ]
})";

const QList<int> kNumbers{5, 8, 13, 21};

} // namespace

TEST(PullRequestDetailsQuery, DocumentAliasesEveryNumberThroughOneFragment)
{
    const QString one = PullRequestDetailsQuery::document({42});
    EXPECT_TRUE(one.contains(u"p42: pullRequest(number: 42) { ...PullRequestDetails }"_s))
        << one.toStdString();
    EXPECT_TRUE(one.contains(u"repository(owner: $owner, name: $name)"_s));
    EXPECT_TRUE(one.contains(u"rateLimit { cost remaining resetAt limit used }"_s));
    EXPECT_TRUE(one.contains(u"closingIssuesReferences(first: 10)"_s));
    EXPECT_TRUE(one.contains(u"commits(last: 1)"_s));
    EXPECT_EQ(one.count(u"fragment PullRequestDetails on PullRequest"_s), 1);

    QList<int> hundred;
    for (int n = 1; n <= 100; ++n)
        hundred.append(n * 3);
    const QString many = PullRequestDetailsQuery::document(hundred + QList<int>{3, 6});
    static const QRegularExpression alias(u"p(\\d+): pullRequest\\(number: (\\d+)\\)"_s);
    QList<int> aliased;
    for (const QRegularExpressionMatch &match : alias.globalMatch(many)) {
        EXPECT_EQ(match.captured(1), match.captured(2));
        aliased.append(match.captured(1).toInt());
    }
    EXPECT_EQ(aliased, hundred); // duplicates asked once, order kept
    // About 60 bytes per pull request: the fields are written once, in the fragment.
    EXPECT_LT(many.size(), 7'000);

    const GraphQLRequest request = PullRequestDetailsQuery::request(u"o"_s, u"r\"x"_s, {1});
    EXPECT_EQ(request.variables, (QJsonObject{{u"owner"_s, u"o"_s}, {u"name"_s, u"r\"x"_s}}));
    EXPECT_FALSE(request.query.contains(u"r\"x"_s)); // values never end up in the text
}

TEST(PullRequestDetailsQuery, FilesComeOnlyForThePullRequestsAskedWithFiles)
{
    const QString plain = PullRequestDetailsQuery::document({4, 9});
    EXPECT_FALSE(plain.contains(u"PullRequestFiles"_s)) << "an unused fragment is an error";
    const QString mixed = PullRequestDetailsQuery::document({4, 9}, {9, 77});
    EXPECT_TRUE(mixed.contains(u"p4: pullRequest(number: 4) { ...PullRequestDetails }"_s));
    EXPECT_TRUE(mixed.contains(
        u"p9: pullRequest(number: 9) { ...PullRequestDetails ...PullRequestFiles }"_s));
    EXPECT_FALSE(mixed.contains(u"p77"_s)) << "withFiles only marks numbers that are asked";
    EXPECT_EQ(mixed.count(u"fragment PullRequestFiles on PullRequest"_s), 1);
    EXPECT_TRUE(mixed.contains(u"files(first: 100) { nodes { path } pageInfo"_s));
    EXPECT_EQ(PullRequestDetailsQuery::nodeCount(100, 100), 100 * (10 + 1) + 100 * 100);
    EXPECT_LT(PullRequestDetailsQuery::nodeCount(100, 100),
              PullRequestDetailsQuery::GitHubNodeLimit);

    QByteArray body = kAnswer;
    body.replace(R"("commits": { "nodes": [] })",
                 R"("commits": { "nodes": [] },
        "files": { "nodes": [ { "path": "docs/a.md" }, { "path": "tests/b.py" } ],
                   "pageInfo": { "hasNextPage": true, "endCursor": "Y3Vyc29yOjI=" } })");
    const auto result = PullRequestDetailsQuery::parse(answer(body), kNumbers);
    ASSERT_TRUE(result.isOk()) << result.error.message().toStdString();
    ASSERT_EQ(result.files.size(), 1);
    const PullRequestDetailsQuery::Files files = result.files.value(13);
    EXPECT_EQ(files.paths, (QStringList{u"docs/a.md"_s, u"tests/b.py"_s}));
    EXPECT_TRUE(files.hasNextPage);
    EXPECT_EQ(files.endCursor, u"Y3Vyc29yOjI="_s);

    body.replace(R"("endCursor": "Y3Vyc29yOjI=")", R"("endCursor": null)");
    EXPECT_FALSE(PullRequestDetailsQuery::parse(answer(body), kNumbers).isOk());
}

TEST(PullRequestDetailsQuery, StaysFarBelowGitHubsNodeLimit)
{
    const int nodes = PullRequestDetailsQuery::nodeCount(PullRequestDetailsQuery::MaxPullsPerQuery);
    EXPECT_EQ(nodes, 100 * (10 + 1));
    EXPECT_LT(nodes, PullRequestDetailsQuery::GitHubNodeLimit / 100);
    EXPECT_EQ(PullRequestFilesQuery::nodeCount(), 100);
}

TEST(PullRequestDetailsQuery, BatchesHoldAtMostAHundredNumbers)
{
    QList<int> numbers;
    for (int n = 1; n <= 250; ++n)
        numbers.append(n);
    numbers.append(7); // a duplicate
    const QList<QList<int>> batches = PullRequestDetailsQuery::batches(numbers);
    ASSERT_EQ(batches.size(), 3);
    EXPECT_EQ(batches[0].size(), 100);
    EXPECT_EQ(batches[1].size(), 100);
    EXPECT_EQ(batches[2].size(), 50);
    EXPECT_EQ(batches[0].first(), 1);
    EXPECT_EQ(batches[2].last(), 250);
    EXPECT_TRUE(PullRequestDetailsQuery::batches({}).isEmpty());
}

TEST(PullRequestDetailsQuery, ParsesAHandWrittenAnswerWithNulls)
{
    const PullRequestDetailsQuery::Result result =
        PullRequestDetailsQuery::parse(answer(kAnswer), kNumbers);
    ASSERT_TRUE(result.isOk()) << result.error.message().toStdString();
    EXPECT_EQ(result.missing, QList<int>{21});
    EXPECT_EQ(result.cost, 1);
    EXPECT_EQ(result.rateLimit.remaining, 4998);
    EXPECT_EQ(result.rateLimit.limit, 5000);
    EXPECT_EQ(result.rateLimit.reset, QDateTime(QDate(2026, 5, 28), QTime(21, 0), Qt::UTC));
    ASSERT_EQ(result.pulls.size(), 3);

    const PullRequest &open = result.pulls[0];
    EXPECT_EQ(open.number, 5);
    EXPECT_EQ(open.additions, 120);
    EXPECT_EQ(open.deletions, 30);
    EXPECT_EQ(open.changedFiles, 4);
    EXPECT_EQ(open.changedLines(), 150);
    EXPECT_TRUE(open.draft);
    EXPECT_EQ(open.reviewDecision, PullRequest::ReviewDecision::ChangesRequested);
    EXPECT_FALSE(open.mergedAt.isValid());
    EXPECT_EQ(open.baseRef, u"develop"_s);
    EXPECT_EQ(open.headRef, u"feat/logger-5"_s);
    EXPECT_EQ(open.headSha, QString(40, u'a'));
    EXPECT_TRUE(open.mergeCommitSha.isEmpty());
    EXPECT_EQ(open.linkedIssues, (QList<int>{2, 3})); // the null node is an invisible issue
    EXPECT_EQ(open.checkState, PullRequest::CheckState::Failure);

    const PullRequest &merged = result.pulls[1];
    EXPECT_EQ(merged.number, 8);
    EXPECT_EQ(merged.additions, 0);
    EXPECT_EQ(merged.reviewDecision, PullRequest::ReviewDecision::None);
    EXPECT_EQ(merged.mergedAt, QDateTime(QDate(2026, 5, 1), QTime(10, 0), Qt::UTC));
    EXPECT_EQ(merged.mergeCommitSha, QString(40, u'c'));
    EXPECT_TRUE(merged.linkedIssues.isEmpty());
    EXPECT_EQ(merged.checkState, PullRequest::CheckState::Unknown); // rollup null

    const PullRequest &noCommits = result.pulls[2];
    EXPECT_EQ(noCommits.reviewDecision, PullRequest::ReviewDecision::Approved);
    EXPECT_EQ(noCommits.checkState, PullRequest::CheckState::Unknown);
}

TEST(PullRequestDetailsQuery, MapsEveryReviewDecisionAndRollupState)
{
    using R = PullRequest::ReviewDecision;
    using C = PullRequest::CheckState;
    EXPECT_EQ(PullRequestDetailsQuery::reviewDecisionFromString(u"APPROVED"), R::Approved);
    EXPECT_EQ(PullRequestDetailsQuery::reviewDecisionFromString(u"CHANGES_REQUESTED"),
              R::ChangesRequested);
    EXPECT_EQ(PullRequestDetailsQuery::reviewDecisionFromString(u"REVIEW_REQUIRED"),
              R::ReviewRequired);
    EXPECT_EQ(PullRequestDetailsQuery::reviewDecisionFromString(u""), R::None);
    EXPECT_EQ(PullRequestDetailsQuery::reviewDecisionFromString(u"SOMETHING_NEW"), R::None);
    EXPECT_EQ(PullRequestDetailsQuery::checkStateFromString(u"SUCCESS"), C::Success);
    EXPECT_EQ(PullRequestDetailsQuery::checkStateFromString(u"FAILURE"), C::Failure);
    EXPECT_EQ(PullRequestDetailsQuery::checkStateFromString(u"ERROR"), C::Error);
    EXPECT_EQ(PullRequestDetailsQuery::checkStateFromString(u"PENDING"), C::Pending);
    EXPECT_EQ(PullRequestDetailsQuery::checkStateFromString(u"EXPECTED"), C::Pending);
    EXPECT_EQ(PullRequestDetailsQuery::checkStateFromString(u"SOMETHING_NEW"), C::Unknown);
}

TEST(PullRequestDetailsQuery, OtherErrorsFailTheBatch)
{
    const PullRequestDetailsQuery::Result forbidden = PullRequestDetailsQuery::parse(
        answer(R"({"data":{"repository":null},"errors":[{"type":"FORBIDDEN",
                  "path":["repository"],"message":"Resource protected by organization SAML"}]})"),
        {1});
    EXPECT_EQ(forbidden.error.kind, ApiError::Kind::GraphQL);
    EXPECT_EQ(forbidden.error.details, QStringList{u"Resource protected by organization SAML"_s});
    EXPECT_TRUE(forbidden.pulls.isEmpty());

    // NOT_FOUND for a number that was not asked for is not ours to excuse.
    const PullRequestDetailsQuery::Result stray = PullRequestDetailsQuery::parse(
        answer(R"({"data":{"repository":{"p1":null}},"errors":[{"type":"NOT_FOUND",
                  "path":["repository","p2"],"message":"gone"}]})"),
        {1});
    EXPECT_EQ(stray.error.kind, ApiError::Kind::GraphQL);

    const PullRequestDetailsQuery::Result limited = PullRequestDetailsQuery::parse(
        answer(R"({"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded"}]})"), {1});
    EXPECT_EQ(limited.error.kind, ApiError::Kind::RateLimited);
}

TEST(PullRequestDetailsQuery, AnswersNotShapedLikeTheSchemaAreMalformed)
{
    QByteArray wrongType = kAnswer;
    wrongType.replace(R"("additions": 120)", R"("additions": "120")");
    const PullRequestDetailsQuery::Result typed =
        PullRequestDetailsQuery::parse(answer(wrongType), kNumbers);
    EXPECT_EQ(typed.error.kind, ApiError::Kind::MalformedResponse);
    EXPECT_TRUE(typed.error.serverMessage.startsWith(u"data.repository.p5.additions"_s))
        << typed.error.serverMessage.toStdString();
    EXPECT_TRUE(typed.pulls.isEmpty());
    EXPECT_TRUE(typed.missing.isEmpty());

    const PullRequestDetailsQuery::Result unanswered =
        PullRequestDetailsQuery::parse(answer(kAnswer), {5, 8, 13, 21, 34});
    EXPECT_EQ(unanswered.error.kind, ApiError::Kind::MalformedResponse);
    EXPECT_TRUE(unanswered.error.serverMessage.contains(u"p34"_s));

    QByteArray otherNumber = kAnswer;
    otherNumber.replace(R"("number": 8,)", R"("number": 9,)");
    EXPECT_EQ(PullRequestDetailsQuery::parse(answer(otherNumber), kNumbers).error.kind,
              ApiError::Kind::MalformedResponse);
}

TEST(PullRequestDetailsQuery, ApplyCopiesOnlyWhatTheQueryFetched)
{
    PullRequest stored;
    stored.number = 5;
    stored.title = u"feat(logger): x"_s;
    stored.labels = {Label{}};
    stored.commentCount = 3;
    const PullRequestDetailsQuery::Result result =
        PullRequestDetailsQuery::parse(answer(kAnswer), kNumbers);
    ASSERT_TRUE(result.isOk());
    PullRequestDetailsQuery::apply(result.pulls[0], stored);
    EXPECT_EQ(stored.title, u"feat(logger): x"_s);
    EXPECT_EQ(stored.labels.size(), 1);
    EXPECT_EQ(stored.commentCount, 3);
    EXPECT_EQ(stored.additions, 120);
    EXPECT_EQ(stored.linkedIssues, (QList<int>{2, 3}));
    EXPECT_EQ(stored.checkState, PullRequest::CheckState::Failure);
    EXPECT_TRUE(stored.draft);
    EXPECT_EQ(stored.headRef, u"feat/logger-5"_s);
}

TEST(PullRequestFilesQuery, RequestCarriesTheCursorAsAVariable)
{
    const GraphQLRequest first = PullRequestFilesQuery::request(u"o"_s, u"r"_s, 7);
    EXPECT_TRUE(first.query.contains(u"files(first: 100, after: $cursor)"_s));
    EXPECT_TRUE(first.query.contains(u"pageInfo { hasNextPage endCursor }"_s));
    EXPECT_TRUE(first.variables.value("cursor"_L1).isNull());
    EXPECT_EQ(first.variables.value("number"_L1).toInt(), 7);
    const GraphQLRequest next = PullRequestFilesQuery::request(u"o"_s, u"r"_s, 7, u"Y3Vy"_s);
    EXPECT_EQ(next.query, first.query);
    EXPECT_EQ(next.variables.value("cursor"_L1).toString(), u"Y3Vy"_s);
}

TEST(PullRequestFilesQuery, ParsesPathsAndTheCursor)
{
    const PullRequestFilesQuery::Page page = PullRequestFilesQuery::parse(answer(R"({"data":{
        "repository":{"pullRequest":{"files":{
          "nodes":[{"path":"aws_lambda_powertools/logging/logger.py","additions":10,"deletions":2},
                   {"path":"tests/functional/logger/test_logger.py","additions":30,"deletions":0}],
          "pageInfo":{"hasNextPage":true,"endCursor":"Y3Vyc29yOjI="}}}}}})"));
    ASSERT_TRUE(page.isOk()) << page.error.message().toStdString();
    EXPECT_EQ(page.paths(), (QStringList{u"aws_lambda_powertools/logging/logger.py"_s,
                                         u"tests/functional/logger/test_logger.py"_s}));
    EXPECT_EQ(page.files[0].additions, 10);
    EXPECT_EQ(page.files[0].deletions, 2);
    EXPECT_TRUE(page.hasNextPage);
    EXPECT_EQ(page.endCursor, u"Y3Vyc29yOjI="_s);
    EXPECT_FALSE(page.missing);
}

TEST(PullRequestFilesQuery, AMissingPullRequestIsReportedNotAnError)
{
    const PullRequestFilesQuery::Page page = PullRequestFilesQuery::parse(
        answer(R"({"data":{"repository":{"pullRequest":null}},"errors":[{"type":"NOT_FOUND",
                  "path":["repository","pullRequest"],"message":"Could not resolve"}]})"));
    ASSERT_TRUE(page.isOk()) << page.error.message().toStdString();
    EXPECT_TRUE(page.missing);
    EXPECT_TRUE(page.files.isEmpty());
}

TEST(PullRequestFilesQuery, ANextPageWithoutACursorIsMalformed)
{
    const PullRequestFilesQuery::Page page = PullRequestFilesQuery::parse(answer(R"({"data":{
        "repository":{"pullRequest":{"files":{"nodes":[],
          "pageInfo":{"hasNextPage":true,"endCursor":null}}}}}})"));
    EXPECT_EQ(page.error.kind, ApiError::Kind::MalformedResponse);
    EXPECT_TRUE(page.error.serverMessage.contains(u"endCursor"_s));
}
