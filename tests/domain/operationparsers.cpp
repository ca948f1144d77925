#include "operationparsers.h"

#include "githubjson.h"

#include <functional>
#include <map>

using namespace Mainstay::GitHubJson;
using namespace Qt::StringLiterals;

namespace Mainstay::Test {

namespace {

template<class T>
ParseOutcome outcome(const ParseResult<T> &result)
{
    return {result.isOk(), result.error()};
}

// A single object: the document first, then the value parser.
template<class T>
ParseOutcome parseValue(const QByteArray &json, ParseResult<T> (*parse)(const QJsonValue &))
{
    const ParseResult<QJsonValue> document = parseDocument(json);
    if (!document)
        return {false, document.error()};
    return outcome(parse(document.value()));
}

using Parser = std::function<ParseOutcome(const QByteArray &)>;

const std::map<QString, Parser> &parsers()
{
    static const std::map<QString, Parser> table = {
        {u"issues/list-for-repo"_s, [](const QByteArray &j) { return outcome(parseIssueList(j)); }},
        {u"issues/get"_s, [](const QByteArray &j) { return parseValue(j, parseIssue); }},
        {u"pulls/list"_s, [](const QByteArray &j) { return outcome(parsePullRequestList(j)); }},
        {u"pulls/get"_s, [](const QByteArray &j) { return parseValue(j, parsePullRequest); }},
        {u"issues/list-labels-for-repo"_s,
         [](const QByteArray &j) { return outcome(parseLabelList(j)); }},
        {u"issues/list-milestones"_s,
         [](const QByteArray &j) { return outcome(parseMilestoneList(j)); }},
        {u"issues/list-comments-for-repo"_s,
         [](const QByteArray &j) { return outcome(parseCommentList(j)); }},
        {u"issues/list-events-for-repo"_s,
         [](const QByteArray &j) { return outcome(parseIssueEventList(j)); }},
        {u"repos/list-releases"_s,
         [](const QByteArray &j) { return outcome(parseReleaseList(j)); }},
        {u"repos/create-release"_s,
         [](const QByteArray &j) { return parseValue(j, parseRelease); }},
        {u"repos/update-release"_s,
         [](const QByteArray &j) { return parseValue(j, parseRelease); }},
        {u"repos/get-latest-release"_s,
         [](const QByteArray &j) { return parseValue(j, parseRelease); }},
        {u"actions/list-repo-workflows"_s,
         [](const QByteArray &j) { return outcome(parseWorkflowList(j)); }},
        {u"actions/list-workflow-runs"_s,
         [](const QByteArray &j) { return outcome(parseWorkflowRunList(j)); }},
        {u"actions/list-workflow-runs-for-repo"_s,
         [](const QByteArray &j) { return outcome(parseWorkflowRunList(j)); }},
        {u"actions/get-workflow-run"_s,
         [](const QByteArray &j) { return parseValue(j, parseWorkflowRun); }},
        {u"actions/list-jobs-for-workflow-run"_s,
         [](const QByteArray &j) { return outcome(parseWorkflowJobList(j)); }},
        {u"actions/list-jobs-for-workflow-run-attempt"_s,
         [](const QByteArray &j) { return outcome(parseWorkflowJobList(j)); }},
        {u"rate-limit/get"_s, [](const QByteArray &j) { return parseValue(j, parseRateLimits); }},
    };
    return table;
}

} // namespace

ParseOutcome parseForOperation(const QString &operationId, const QByteArray &json)
{
    const auto it = parsers().find(operationId);
    if (it == parsers().end())
        return {false, u"no parser for operation "_s + operationId};
    return it->second(json);
}

QStringList parsedOperations()
{
    QStringList ids;
    for (const auto &[id, parser] : parsers())
        ids.append(id);
    return ids;
}

} // namespace Mainstay::Test
