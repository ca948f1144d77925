#include "githubjson.h"

#include "jsonarrayreader.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

// Which fields are required follows GitHub's OpenAPI description (components/schemas in
// @octokit/openapi): a field that is required there and not nullable fails the parse when it is
// missing or null; a nullable or not-required one falls back to the value type's default. A wrong
// JSON type fails either way. The few deliberate departures are noted where they happen.

namespace Mainstay::GitHubJson {

namespace {

// ---- value readers: fill `out` in place so that list parsers build each element where it will
// stay. On an error they may leave `out` half filled; callers drop it.

void readUser(const JsonReader &r, User &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.login = r.requiredString("login"_L1);
    out.type = r.requiredString("type"_L1);
    out.avatarUrl = r.requiredString("avatar_url"_L1);
    out.htmlUrl = r.requiredString("html_url"_L1);
}

// A nullable user (nullable-simple-user): null or missing leaves `out` empty.
void readOptionalUser(const JsonReader &r, QLatin1StringView key, User &out)
{
    if (const std::optional<JsonReader> user = r.optionalObject(key))
        readUser(*user, out);
}

void readRequiredUser(const JsonReader &r, QLatin1StringView key, User &out)
{
    if (const std::optional<JsonReader> user = r.requiredObject(key))
        readUser(*user, out);
}

// The `label` schema (labels endpoint, pull requests): everything but the description required.
void readLabel(const JsonReader &r, Label &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.name = r.requiredString("name"_L1);
    out.color = r.requiredString("color"_L1);
    out.description = r.optionalString("description"_L1);
    out.isDefault = r.requiredBool("default"_L1);
}

void readIssueLabel(const JsonReader &r, Label &out)
{
    out.id = r.optionalInt64("id"_L1, 0);
    out.name = r.requiredString("name"_L1);
    out.color = r.optionalString("color"_L1);
    out.description = r.optionalString("description"_L1);
    out.isDefault = r.optionalBool("default"_L1, false);
}

// An issue's labels are strings or objects whose fields the schema leaves all optional. The name
// is still required here: a label without one cannot be shown, filtered on or written back.
void readIssueLabels(const JsonReader &r, QList<Label> &out)
{
    const JsonArrayReader labels = r.requiredArray("labels"_L1);
    out.reserve(labels.size());
    for (qsizetype i = 0; i < labels.size() && r.ok(); ++i) {
        const QJsonValue value = labels.at(i);
        if (value.isString()) {
            Label &label = out.emplace_back();
            label.name = value.toString();
        } else if (value.isObject()) {
            if (const std::optional<JsonReader> label = labels.objectAt(i))
                readIssueLabel(*label, out.emplace_back());
        } else {
            labels.fail(i, "expected an object or a string, got "_L1 + jsonTypeName(value));
        }
    }
}

void readMilestone(const JsonReader &r, Milestone &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.number = r.requiredInt("number"_L1);
    out.title = r.requiredString("title"_L1);
    out.description = r.optionalString("description"_L1);
    out.open = r.requiredChoice("state"_L1, {"open"_L1, "closed"_L1}) != 1;
    out.openIssues = r.requiredInt("open_issues"_L1);
    out.closedIssues = r.requiredInt("closed_issues"_L1);
    out.dueOn = r.optionalDateTime("due_on"_L1);
}

void readAssignees(const JsonReader &r, QList<User> &out)
{
    const JsonArrayReader assignees = r.optionalArray("assignees"_L1);
    out.reserve(assignees.size());
    for (qsizetype i = 0; i < assignees.size() && r.ok(); ++i)
        if (const std::optional<JsonReader> user = assignees.objectAt(i))
            readUser(*user, out.emplace_back());
}

// The fields the issues and the pulls payloads share, with the same meaning.
void readIssueShape(const JsonReader &r, Issue &out)
{
    out.number = r.requiredInt("number"_L1);
    out.title = r.requiredString("title"_L1);
    out.body = r.optionalString("body"_L1);
    out.state = r.requiredChoice("state"_L1, {"open"_L1, "closed"_L1}) == 1 ? Issue::State::Closed
                                                                            : Issue::State::Open;
    readOptionalUser(r, "user"_L1, out.author);
    readAssignees(r, out.assignees);
    if (const std::optional<JsonReader> milestone = r.optionalObject("milestone"_L1))
        readMilestone(*milestone, out.milestone.emplace());
    out.createdAt = r.requiredDateTime("created_at"_L1);
    out.updatedAt = r.requiredDateTime("updated_at"_L1);
    out.closedAt = r.optionalDateTime("closed_at"_L1);
    out.locked = r.requiredBool("locked"_L1);
    out.htmlUrl = r.requiredString("html_url"_L1);
}

Issue::StateReason stateReasonFromString(QStringView text)
{
    if (text == "completed"_L1)
        return Issue::StateReason::Completed;
    // GitHub closes duplicates as a kind of "not planned"; the board treats them alike.
    if (text == "not_planned"_L1 || text == "duplicate"_L1)
        return Issue::StateReason::NotPlanned;
    if (text == "reopened"_L1)
        return Issue::StateReason::Reopened;
    return Issue::StateReason::None;
}

void readIssue(const JsonReader &r, Issue &out)
{
    out.id = r.requiredInt64("id"_L1);
    readIssueShape(r, out);
    readIssueLabels(r, out.labels);
    out.stateReason = stateReasonFromString(r.optionalString("state_reason"_L1));
    out.authorAssociation = authorAssociationFromString(r.optionalString("author_association"_L1));
    out.commentCount = r.requiredInt("comments"_L1);
    if (const std::optional<JsonReader> reactions = r.optionalObject("reactions"_L1))
        out.reactionCount = reactions->optionalInt("total_count"_L1, 0);
    const std::optional<JsonReader> pull = r.optionalObject("pull_request"_L1);
    out.isPullRequest = pull.has_value();
    if (pull) {
        out.mergedAt = pull->optionalDateTime("merged_at"_L1);
        out.draft = r.optionalBool("draft"_L1, false); // pull-request items carry it
    }
}

// Both pull-request (GET /pulls/{n}) and pull-request-simple (the list): what only the former
// has (counts, `merged`) is optional.
void readPullRequest(const JsonReader &r, PullRequest &out)
{
    out.pullId = r.requiredInt64("id"_L1);
    readIssueShape(r, out);
    {
        const JsonArrayReader labels = r.requiredArray("labels"_L1);
        out.labels.reserve(labels.size());
        for (qsizetype i = 0; i < labels.size() && r.ok(); ++i)
            if (const std::optional<JsonReader> label = labels.objectAt(i))
                readLabel(*label, out.labels.emplace_back());
    }
    out.authorAssociation = authorAssociationFromString(r.requiredString("author_association"_L1));
    out.commentCount = r.optionalInt("comments"_L1, 0);
    out.mergedAt = r.optionalDateTime("merged_at"_L1);
    // Only checked for its type: merged_at carries the same fact with its time.
    r.optionalBool("merged"_L1, false);
    out.draft = r.optionalBool("draft"_L1, false);
    out.mergeCommitSha = r.optionalString("merge_commit_sha"_L1);
    if (const std::optional<JsonReader> head = r.requiredObject("head"_L1)) {
        out.headRef = head->requiredString("ref"_L1);
        out.headSha = head->requiredString("sha"_L1);
    }
    if (const std::optional<JsonReader> base = r.requiredObject("base"_L1))
        out.baseRef = base->requiredString("ref"_L1);
    out.additions = r.optionalInt("additions"_L1, -1);
    out.deletions = r.optionalInt("deletions"_L1, -1);
    out.changedFiles = r.optionalInt("changed_files"_L1, -1);
}

// ".../issues/1347" -> 1347; 0 when the url does not end in a number.
int issueNumberFromUrl(const QString &url)
{
    const qsizetype slash = url.lastIndexOf(u'/');
    bool ok = false;
    const int number = QStringView(url).mid(slash + 1).toInt(&ok);
    return ok && number > 0 ? number : 0;
}

void readComment(const JsonReader &r, Comment &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.issueNumber = issueNumberFromUrl(r.requiredString("issue_url"_L1));
    readOptionalUser(r, "user"_L1, out.author);
    out.authorAssociation = authorAssociationFromString(r.optionalString("author_association"_L1));
    out.body = r.optionalString("body"_L1);
    out.createdAt = r.requiredDateTime("created_at"_L1);
    out.updatedAt = r.requiredDateTime("updated_at"_L1);
    out.htmlUrl = r.requiredString("html_url"_L1);
}

void readIssueEvent(const JsonReader &r, IssueEvent &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.event = r.requiredString("event"_L1);
    readOptionalUser(r, "actor"_L1, out.actor);
    out.createdAt = r.requiredDateTime("created_at"_L1);
    if (const std::optional<JsonReader> label = r.optionalObject("label"_L1))
        out.labelName = label->requiredString("name"_L1);
    out.stateReason = r.optionalString("state_reason"_L1);
    // The repository-wide listing embeds the issue; the per-issue one does not.
    if (const std::optional<JsonReader> issue = r.optionalObject("issue"_L1))
        out.issueNumber = issue->requiredInt("number"_L1);
}

void readRelease(const JsonReader &r, Release &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.tagName = r.requiredString("tag_name"_L1);
    out.name = r.optionalString("name"_L1);
    out.body = r.optionalString("body"_L1);
    out.targetCommitish = r.requiredString("target_commitish"_L1);
    out.draft = r.requiredBool("draft"_L1);
    out.prerelease = r.requiredBool("prerelease"_L1);
    readRequiredUser(r, "author"_L1, out.author);
    out.createdAt = r.requiredDateTime("created_at"_L1);
    out.publishedAt = r.optionalDateTime("published_at"_L1);
    out.htmlUrl = r.requiredString("html_url"_L1);
}

void readWorkflow(const JsonReader &r, Workflow &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.name = r.requiredString("name"_L1);
    out.path = r.requiredString("path"_L1);
    out.state = r.requiredString("state"_L1);
    out.htmlUrl = r.requiredString("html_url"_L1);
}

void readWorkflowRun(const JsonReader &r, WorkflowRun &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.workflowId = r.requiredInt64("workflow_id"_L1);
    out.name = r.optionalString("name"_L1);
    out.displayTitle = r.requiredString("display_title"_L1);
    out.path = r.requiredString("path"_L1);
    out.headBranch = r.optionalString("head_branch"_L1);
    out.headSha = r.requiredString("head_sha"_L1);
    out.event = r.requiredString("event"_L1);
    out.runNumber = r.requiredInt("run_number"_L1);
    out.runAttempt = r.optionalInt("run_attempt"_L1, 1);
    out.status = runStatusFromString(r.optionalString("status"_L1));
    out.conclusion = runConclusionFromString(r.optionalString("conclusion"_L1));
    out.createdAt = r.requiredDateTime("created_at"_L1);
    out.updatedAt = r.requiredDateTime("updated_at"_L1);
    out.runStartedAt = r.optionalDateTime("run_started_at"_L1);
    out.htmlUrl = r.requiredString("html_url"_L1);
    readOptionalUser(r, "actor"_L1, out.actor);
}

void readWorkflowStep(const JsonReader &r, WorkflowStep &out)
{
    out.name = r.requiredString("name"_L1);
    out.number = r.requiredInt("number"_L1);
    out.status = runStatusFromString(r.requiredString("status"_L1));
    out.conclusion = runConclusionFromString(r.optionalString("conclusion"_L1));
    out.startedAt = r.optionalDateTime("started_at"_L1);
    out.completedAt = r.optionalDateTime("completed_at"_L1);
}

void readWorkflowJob(const JsonReader &r, WorkflowJob &out)
{
    out.id = r.requiredInt64("id"_L1);
    out.runId = r.requiredInt64("run_id"_L1);
    out.runAttempt = r.optionalInt("run_attempt"_L1, 1);
    out.name = r.requiredString("name"_L1);
    out.workflowName = r.optionalString("workflow_name"_L1);
    out.headBranch = r.optionalString("head_branch"_L1);
    out.headSha = r.requiredString("head_sha"_L1);
    out.status = runStatusFromString(r.requiredString("status"_L1));
    out.conclusion = runConclusionFromString(r.optionalString("conclusion"_L1));
    // Required by the schema, yet GitHub's own job example has no created_at, and started_at
    // is documented as "may be invalid" by WorkflowJob: a job list must not fail on either.
    out.createdAt = r.optionalDateTime("created_at"_L1);
    out.startedAt = r.optionalDateTime("started_at"_L1);
    out.completedAt = r.optionalDateTime("completed_at"_L1);
    out.htmlUrl = r.optionalString("html_url"_L1);
    out.runnerName = r.optionalString("runner_name"_L1);
    const JsonArrayReader labels = r.requiredArray("labels"_L1);
    out.labels.reserve(labels.size());
    for (qsizetype i = 0; i < labels.size() && r.ok(); ++i)
        out.labels.append(labels.stringAt(i));
    const JsonArrayReader steps = r.optionalArray("steps"_L1);
    out.steps.reserve(steps.size());
    for (qsizetype i = 0; i < steps.size() && r.ok(); ++i)
        if (const std::optional<JsonReader> step = steps.objectAt(i))
            readWorkflowStep(*step, out.steps.emplace_back());
}

void readRateLimits(const JsonReader &r, QList<RateLimit> &out)
{
    const std::optional<JsonReader> resources = r.requiredObject("resources"_L1);
    if (!resources)
        return;
    out.reserve(resources->object().size());
    resources->forEachObjectMember([&](const QString &name, const JsonReader &bucket) {
        RateLimit &limit = out.emplace_back();
        limit.resource = name;
        limit.limit = bucket.requiredInt("limit"_L1);
        limit.remaining = bucket.requiredInt("remaining"_L1);
        limit.used = bucket.requiredInt("used"_L1);
        limit.reset = QDateTime::fromSecsSinceEpoch(bucket.requiredInt64("reset"_L1), Qt::UTC);
    });
}

// ---- top-level plumbing

template<class T>
using Reader = void (*)(const JsonReader &, T &);

template<class T>
ParseResult<T> parseObject(const QJsonValue &value, Reader<T> read)
{
    if (!value.isObject())
        return ParseResult<T>::failure("top level: expected an object, got "_L1 +
                                       jsonTypeName(value));
    QString error;
    const JsonReader reader(value.toObject(), JsonPath(), &error);
    T out;
    read(reader, out);
    if (!error.isEmpty())
        return ParseResult<T>::failure(std::move(error));
    return ParseResult<T>(std::move(out));
}

template<class T>
void readElements(const JsonArrayReader &items, QList<T> &out, Reader<T> read, const QString &error)
{
    out.reserve(items.size());
    for (qsizetype i = 0; i < items.size() && error.isEmpty(); ++i)
        if (const std::optional<JsonReader> item = items.objectAt(i))
            read(*item, out.emplace_back());
}

template<class T>
ParseResult<QList<T>> parseArrayDocument(const QByteArray &json, Reader<T> read)
{
    ParseResult<QJsonValue> document = parseDocument(json);
    if (!document)
        return ParseResult<QList<T>>::failure(document.error());
    const QJsonValue &value = document.value();
    if (!value.isArray())
        return ParseResult<QList<T>>::failure("top level: expected an array, got "_L1 +
                                              jsonTypeName(value));
    QString error;
    const JsonArrayReader items(value.toArray(), JsonPath(), &error);
    QList<T> out;
    readElements(items, out, read, error);
    if (!error.isEmpty())
        return ParseResult<QList<T>>::failure(std::move(error));
    return ParseResult<QList<T>>(std::move(out));
}

template<class T>
ParseResult<CountedList<T>> parseCountedDocument(const QByteArray &json, QLatin1StringView arrayKey,
                                                 Reader<T> read)
{
    ParseResult<QJsonValue> document = parseDocument(json);
    if (!document)
        return ParseResult<CountedList<T>>::failure(document.error());
    const QJsonValue &value = document.value();
    if (!value.isObject())
        return ParseResult<CountedList<T>>::failure("top level: expected an object, got "_L1 +
                                                    jsonTypeName(value));
    QString error;
    const JsonReader reader(value.toObject(), JsonPath(), &error);
    CountedList<T> out;
    out.totalCount = reader.requiredInt("total_count"_L1);
    const JsonArrayReader items = reader.requiredArray(arrayKey);
    readElements(items, out.items, read, error);
    if (!error.isEmpty())
        return ParseResult<CountedList<T>>::failure(std::move(error));
    return ParseResult<CountedList<T>>(std::move(out));
}

// 1-based line and column (in characters, not bytes) of a byte offset into UTF-8 text.
std::pair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, text.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const char c = text.at(i);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            // UTF-8 continuation bytes belong to the character already counted.
            ++column;
        }
    }
    return {line, column};
}

} // namespace

ParseResult<QJsonValue> parseDocument(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return ParseResult<QJsonValue>::failure(u"malformed JSON at line %1, column %2: %3"_s.arg(
            QString::number(line), QString::number(column), parseError.errorString()));
    }
    if (document.isArray())
        return ParseResult<QJsonValue>(QJsonValue(document.array()));
    return ParseResult<QJsonValue>(QJsonValue(document.object()));
}

ParseResult<User> parseUser(const QJsonValue &value)
{
    return parseObject<User>(value, readUser);
}

ParseResult<Label> parseLabel(const QJsonValue &value)
{
    return parseObject<Label>(value, readLabel);
}

ParseResult<Milestone> parseMilestone(const QJsonValue &value)
{
    return parseObject<Milestone>(value, readMilestone);
}

ParseResult<Issue> parseIssue(const QJsonValue &value)
{
    return parseObject<Issue>(value, readIssue);
}

ParseResult<PullRequest> parsePullRequest(const QJsonValue &value)
{
    return parseObject<PullRequest>(value, readPullRequest);
}

ParseResult<Comment> parseComment(const QJsonValue &value)
{
    return parseObject<Comment>(value, readComment);
}

ParseResult<Release> parseRelease(const QJsonValue &value)
{
    return parseObject<Release>(value, readRelease);
}

ParseResult<Workflow> parseWorkflow(const QJsonValue &value)
{
    return parseObject<Workflow>(value, readWorkflow);
}

ParseResult<WorkflowRun> parseWorkflowRun(const QJsonValue &value)
{
    return parseObject<WorkflowRun>(value, readWorkflowRun);
}

ParseResult<WorkflowJob> parseWorkflowJob(const QJsonValue &value)
{
    return parseObject<WorkflowJob>(value, readWorkflowJob);
}

ParseResult<QList<RateLimit>> parseRateLimits(const QJsonValue &value)
{
    return parseObject<QList<RateLimit>>(value, readRateLimits);
}

ParseResult<QList<Issue>> parseIssueList(const QByteArray &json)
{
    return parseArrayDocument<Issue>(json, readIssue);
}

ParseResult<QList<PullRequest>> parsePullRequestList(const QByteArray &json)
{
    return parseArrayDocument<PullRequest>(json, readPullRequest);
}

ParseResult<QList<Label>> parseLabelList(const QByteArray &json)
{
    return parseArrayDocument<Label>(json, readLabel);
}

ParseResult<QList<Milestone>> parseMilestoneList(const QByteArray &json)
{
    return parseArrayDocument<Milestone>(json, readMilestone);
}

ParseResult<IssueEvent> parseIssueEvent(const QJsonValue &value)
{
    return parseObject<IssueEvent>(value, readIssueEvent);
}

ParseResult<QList<IssueEvent>> parseIssueEventList(const QByteArray &json)
{
    return parseArrayDocument<IssueEvent>(json, readIssueEvent);
}

ParseResult<QList<Comment>> parseCommentList(const QByteArray &json)
{
    return parseArrayDocument<Comment>(json, readComment);
}

ParseResult<QList<Release>> parseReleaseList(const QByteArray &json)
{
    return parseArrayDocument<Release>(json, readRelease);
}

ParseResult<CountedList<Workflow>> parseWorkflowList(const QByteArray &json)
{
    return parseCountedDocument<Workflow>(json, "workflows"_L1, readWorkflow);
}

ParseResult<CountedList<WorkflowRun>> parseWorkflowRunList(const QByteArray &json)
{
    return parseCountedDocument<WorkflowRun>(json, "workflow_runs"_L1, readWorkflowRun);
}

ParseResult<CountedList<WorkflowJob>> parseWorkflowJobList(const QByteArray &json)
{
    return parseCountedDocument<WorkflowJob>(json, "jobs"_L1, readWorkflowJob);
}

} // namespace Mainstay::GitHubJson
