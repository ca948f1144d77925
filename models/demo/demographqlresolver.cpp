#include "demographqlresolver.h"

#include "democorpus.h"
#include "demographqldocument.h"
#include "isodatetime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Mainstay {

namespace {

using Document = DemoGraphQLDocument;
using Selection = DemoGraphQLDocument::Selection;
using Value = DemoGraphQLDocument::Value;

constexpr int Cost = 1;
constexpr int MaxPageSize = 100;

// ---- the answer's envelope

HttpResponse jsonResponse(int status, const QJsonObject &body, const QDateTime &resetAt)
{
    HttpResponse response =
        HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.setHeader("X-GitHub-Media-Type", "github.v4; format=json");
    const int remaining = DemoGraphQLResolver::PointsPerHour - Cost;
    response.setHeader("x-ratelimit-limit", QByteArray::number(DemoGraphQLResolver::PointsPerHour));
    response.setHeader("x-ratelimit-remaining", QByteArray::number(remaining));
    response.setHeader("x-ratelimit-used", QByteArray::number(Cost));
    response.setHeader("x-ratelimit-reset", QByteArray::number(resetAt.toSecsSinceEpoch()));
    response.setHeader("x-ratelimit-resource", "graphql");
    return response;
}

QJsonObject errorsOnly(const QString &message)
{
    return QJsonObject{{u"errors"_s, QJsonArray{QJsonObject{{u"message"_s, message}}}}};
}

QString cursorFor(qsizetype position)
{
    return QString::fromLatin1(("cursor:" + QByteArray::number(position)).toBase64());
}

// The position a cursor stands for, or -1 when it is not one of ours.
qsizetype positionOf(const QString &cursor)
{
    const QByteArray text = QByteArray::fromBase64(cursor.toLatin1());
    if (!text.startsWith("cursor:"))
        return -1;
    bool ok = false;
    const qsizetype position = text.mid(7).toLongLong(&ok);
    return ok && position >= 0 ? position : -1;
}

// ---- execution

class Executor
{
public:
    Executor(const DemoDataset &data, const Document &document, QJsonObject variables,
             const QDateTime &resetAt)
        : m_data(data)
        , m_document(document)
        , m_variables(std::move(variables))
        , m_resetAt(resetAt)
    {}

    QJsonObject run(const Document::Operation &operation)
    {
        m_nodeCount = nodeCount(operation.selections, 1, 0);
        if (m_nodeCount > DemoGraphQLResolver::MaxNodes)
            return QJsonObject{
                {u"errors"_s,
                 QJsonArray{
                     QJsonObject{{u"type"_s, u"MAX_NODE_LIMIT_EXCEEDED"_s},
                                 {u"message"_s,
                                  u"This query requests up to %1 possible nodes, which exceeds the "
                                  "maximum limit of 500,000."_s.arg(m_nodeCount)}}}}};
        const QJsonObject data = selectObject(
            u"Query"_s, operation.selections, {},
            [this](const Selection &s, const QJsonArray &path) { return queryField(s, path); });
        if (!m_fatal.isEmpty())
            return QJsonObject{{u"errors"_s, m_fatal}};
        QJsonObject body{{u"data"_s, data}};
        if (!m_errors.isEmpty())
            body.insert(u"errors"_s, m_errors);
        return body;
    }

private:
    using Resolve = std::function<std::optional<QJsonValue>(const Selection &, const QJsonArray &)>;

    // A problem with the document itself: the whole request fails, without data.
    void fatal(const QString &message, const Selection *at = nullptr)
    {
        QJsonObject error{{u"message"_s, message}};
        if (at)
            error.insert(u"locations"_s,
                         QJsonArray{QJsonObject{{u"line"_s, at->line}, {u"column"_s, at->column}}});
        m_fatal.append(error);
    }

    // A field that cannot be resolved: it becomes null and the rest of the answer stands.
    void fieldError(const QString &type, const QString &message, const Selection &at,
                    const QJsonArray &path)
    {
        m_errors.append(
            QJsonObject{{u"type"_s, type},
                        {u"path"_s, path},
                        {u"locations"_s,
                         QJsonArray{QJsonObject{{u"line"_s, at.line}, {u"column"_s, at.column}}}},
                        {u"message"_s, message}});
    }

    // GitHub's node limit: every connection's first/last, times the connections above it.
    qint64 nodeCount(const QList<Selection> &selections, qint64 multiplier, int depth) const
    {
        if (depth > 64)
            return 0; // fragment cycles are someone else's problem; do not recurse forever
        qint64 total = 0;
        for (const Selection &selection : selections) {
            qint64 childMultiplier = multiplier;
            if (selection.kind == Selection::Kind::FragmentSpread) {
                const auto fragment = m_document.fragments.constFind(selection.name);
                if (fragment != m_document.fragments.cend())
                    total += nodeCount(fragment->selections, multiplier, depth + 1);
                continue;
            }
            for (const char *name : {"first", "last"})
                if (const Value *value = selection.argument(QString::fromLatin1(name))) {
                    const QJsonValue size = resolve(*value);
                    if (size.isDouble()) {
                        total += multiplier * size.toInteger();
                        childMultiplier = multiplier * size.toInteger();
                    }
                }
            total += nodeCount(selection.selections, childMultiplier, depth + 1);
        }
        return total;
    }

    QJsonValue resolve(const Value &value) const
    {
        switch (value.kind) {
        case Value::Kind::Null:
            return QJsonValue::Null;
        case Value::Kind::Int:
            return value.text.toLongLong();
        case Value::Kind::Float:
            return value.text.toDouble();
        case Value::Kind::String:
        case Value::Kind::Enum:
            return value.text;
        case Value::Kind::Boolean:
            return value.boolean;
        case Value::Kind::Variable:
            return m_variables.value(value.text);
        case Value::Kind::List: {
            QJsonArray list;
            for (const Value &item : value.list)
                list.append(resolve(item));
            return list;
        }
        case Value::Kind::Object: {
            QJsonObject object;
            for (const auto &[name, item] : value.fields)
                object.insert(name, resolve(item));
            return object;
        }
        }
        return QJsonValue::Null;
    }

    // Fails the request when `selection` has an argument not in `allowed`.
    bool checkArguments(const Selection &selection, const QString &type,
                        std::initializer_list<const char *> allowed)
    {
        for (const auto &[name, value] : selection.arguments) {
            bool known = false;
            for (const char *candidate : allowed)
                known = known || name == QLatin1StringView(candidate);
            if (!known) {
                fatal(u"Field '%1' doesn't accept argument '%2'"_s.arg(selection.name, name),
                      &selection);
                return false;
            }
            if (value.kind == Value::Kind::Variable && !m_variables.contains(value.text)) {
                fatal(u"Variable $%1 is used by %2 but not declared"_s.arg(value.text, type),
                      &selection);
                return false;
            }
        }
        return true;
    }

    std::optional<QJsonValue> argument(const Selection &selection, const char *name) const
    {
        const Value *value = selection.argument(QString::fromLatin1(name));
        if (!value)
            return std::nullopt;
        return resolve(*value);
    }

    QJsonValue scalar(const Selection &selection, const QJsonValue &value)
    {
        if (!selection.selections.isEmpty())
            fatal(u"Selections can't be made on scalars (field '%1' has selections)"_s.arg(
                      selection.name),
                  &selection);
        return value;
    }

    QJsonObject selectObject(const QString &type, const QList<Selection> &selections,
                             const QJsonArray &path, const Resolve &field)
    {
        QJsonObject out;
        collect(type, selections, path, field, out, 0);
        return out;
    }

    // A field whose type is an object: it needs a selection set.
    QJsonValue object(const Selection &selection, const QString &type, const QJsonArray &path,
                      const Resolve &field)
    {
        if (selection.selections.isEmpty()) {
            fatal(u"Field must have selections (field '%1' returns %2 but has no selections. "
                  "Did you mean '%1 { ... }'?)"_s.arg(selection.name, type),
                  &selection);
            return QJsonValue::Null;
        }
        return selectObject(type, selection.selections, path, field);
    }

    static void merge(QJsonObject &into, const QString &key, const QJsonValue &value)
    {
        const QJsonValue existing = into.value(key);
        if (existing.isObject() && value.isObject()) {
            QJsonObject merged = existing.toObject();
            const QJsonObject add = value.toObject();
            for (auto it = add.constBegin(); it != add.constEnd(); ++it)
                merge(merged, it.key(), it.value());
            into.insert(key, merged);
        } else {
            into.insert(key, value);
        }
    }

    void collect(const QString &type, const QList<Selection> &selections, const QJsonArray &path,
                 const Resolve &field, QJsonObject &out, int depth)
    {
        if (depth > 32) {
            fatal(u"Fragments nest too deeply (a cycle?)"_s);
            return;
        }
        for (const Selection &selection : selections) {
            if (!m_fatal.isEmpty())
                return;
            if (!selection.directives.isEmpty()) {
                fatal(u"Directive '@%1' is not supported by the demo backend"_s.arg(
                          selection.directives.first()),
                      &selection);
                return;
            }
            switch (selection.kind) {
            case Selection::Kind::FragmentSpread: {
                const auto fragment = m_document.fragments.constFind(selection.name);
                if (fragment == m_document.fragments.cend()) {
                    fatal(u"Fragment %1 was used, but not defined"_s.arg(selection.name),
                          &selection);
                    return;
                }
                if (fragment->typeCondition == type)
                    collect(type, fragment->selections, path, field, out, depth + 1);
                continue;
            }
            case Selection::Kind::InlineFragment:
                if (selection.typeCondition.isEmpty() || selection.typeCondition == type)
                    collect(type, selection.selections, path, field, out, depth + 1);
                continue;
            case Selection::Kind::Field:
                break;
            }
            const QString key = selection.responseKey();
            QJsonArray childPath = path;
            childPath.append(key);
            if (selection.name == "__typename"_L1) {
                merge(out, key, scalar(selection, type));
                continue;
            }
            const std::optional<QJsonValue> value = field(selection, childPath);
            if (!value) {
                if (m_fatal.isEmpty())
                    fatal(u"Field '%1' doesn't exist on type '%2'"_s.arg(selection.name, type),
                          &selection);
                return;
            }
            merge(out, key, *value);
        }
    }

    // A connection over `count` items; node(index, selection, path) renders one.
    QJsonValue connection(
        const Selection &selection, const QString &type, const QJsonArray &path, qsizetype count,
        const std::function<QJsonValue(qsizetype, const Selection &, const QJsonArray &)> &node)
    {
        if (!checkArguments(selection, type, {"first", "last", "after", "before"}))
            return QJsonValue::Null;
        const std::optional<QJsonValue> first = argument(selection, "first");
        const std::optional<QJsonValue> last = argument(selection, "last");
        const bool hasFirst = first && !first->isNull();
        const bool hasLast = last && !last->isNull();
        if (!hasFirst && !hasLast) {
            fatal(u"You must provide a `first` or `last` value to properly paginate the `%1` "
                  "connection."_s.arg(selection.name),
                  &selection);
            return QJsonValue::Null;
        }
        for (const auto &[name, size] : {std::pair{"first", first}, std::pair{"last", last}}) {
            if (!size || size->isNull())
                continue;
            const qint64 n = size->isDouble() ? size->toInteger(-1) : -1;
            if (n < 1 || n > MaxPageSize) {
                fatal(
                    u"Requesting %1 records on the `%2` connection exceeds the `%3` limit of "
                    "%4 records."_s
                        .arg(size->toVariant().toString(), selection.name, QLatin1StringView(name))
                        .arg(MaxPageSize),
                    &selection);
                return QJsonValue::Null;
            }
        }
        qsizetype begin = 0;
        qsizetype end = count;
        for (const char *name : {"after", "before"}) {
            const std::optional<QJsonValue> cursor = argument(selection, name);
            if (!cursor || cursor->isNull())
                continue;
            const qsizetype position = positionOf(cursor->toString());
            if (position < 0) {
                fatal(u"`%1` does not appear to be a valid cursor."_s.arg(cursor->toString()),
                      &selection);
                return QJsonValue::Null;
            }
            if (qstrcmp(name, "after") == 0)
                begin = qMin(position, count);
            else
                end = qMin(position - 1, count);
        }
        end = qMax(begin, end);
        const qsizetype window = end;
        if (hasFirst)
            end = qMin(end, begin + qsizetype(first->toInteger()));
        if (hasLast)
            begin = qMax(begin, end - qsizetype(last->toInteger()));

        return object(selection, type, path, [&](const Selection &s, const QJsonArray &p) {
            const QString &name = s.name;
            if (name == "totalCount"_L1)
                return std::optional<QJsonValue>(scalar(s, qint64(count)));
            if (name == "nodes"_L1) {
                QJsonArray nodes;
                for (qsizetype i = begin; i < end; ++i) {
                    QJsonArray nodePath = p;
                    nodePath.append(qint64(i - begin));
                    nodes.append(node(i, s, nodePath));
                }
                return std::optional<QJsonValue>(nodes);
            }
            if (name == "edges"_L1) {
                QJsonArray edges;
                for (qsizetype i = begin; i < end; ++i) {
                    QJsonArray edgePath = p;
                    edgePath.append(qint64(i - begin));
                    edges.append(object(s, type.chopped(10) + u"Edge"_s, edgePath,
                                        [&](const Selection &e, const QJsonArray &ep) {
                                            if (e.name == "cursor"_L1)
                                                return std::optional<QJsonValue>(
                                                    scalar(e, cursorFor(i + 1)));
                                            if (e.name == "node"_L1)
                                                return std::optional<QJsonValue>(node(i, e, ep));
                                            return std::optional<QJsonValue>();
                                        }));
                }
                return std::optional<QJsonValue>(edges);
            }
            if (name == "pageInfo"_L1)
                return std::optional<QJsonValue>(
                    object(s, u"PageInfo"_s, p, [&](const Selection &i, const QJsonArray &) {
                        const bool empty = begin >= end;
                        if (i.name == "hasNextPage"_L1)
                            return std::optional<QJsonValue>(scalar(i, end < window));
                        if (i.name == "hasPreviousPage"_L1)
                            return std::optional<QJsonValue>(scalar(i, begin > 0));
                        if (i.name == "startCursor"_L1)
                            return std::optional<QJsonValue>(scalar(
                                i, empty ? QJsonValue(QJsonValue::Null) : cursorFor(begin + 1)));
                        if (i.name == "endCursor"_L1)
                            return std::optional<QJsonValue>(
                                scalar(i, empty ? QJsonValue(QJsonValue::Null) : cursorFor(end)));
                        return std::optional<QJsonValue>();
                    }));
            return std::optional<QJsonValue>();
        });
    }

    // ---- the types

    std::optional<QJsonValue> queryField(const Selection &s, const QJsonArray &path)
    {
        if (s.name == "repository"_L1) {
            if (!checkArguments(s, u"Query"_s, {"owner", "name", "followRenames"}))
                return QJsonValue::Null;
            const QJsonValue owner = argument(s, "owner").value_or(QJsonValue());
            const QJsonValue name = argument(s, "name").value_or(QJsonValue());
            if (!owner.isString() || !name.isString()) {
                fatal(u"Field 'repository' is missing required arguments: owner, name"_s, &s);
                return QJsonValue::Null;
            }
            if (owner.toString().compare(m_data.owner, Qt::CaseInsensitive) != 0 ||
                name.toString().compare(m_data.name, Qt::CaseInsensitive) != 0) {
                fieldError(u"NOT_FOUND"_s,
                           u"Could not resolve to a Repository with the name '%1/%2'."_s.arg(
                               owner.toString(), name.toString()),
                           s, path);
                return QJsonValue::Null;
            }
            return object(
                s, u"Repository"_s, path,
                [this](const Selection &f, const QJsonArray &p) { return repositoryField(f, p); });
        }
        if (s.name == "rateLimit"_L1) {
            if (!checkArguments(s, u"Query"_s, {"dryRun"}))
                return QJsonValue::Null;
            return object(s, u"RateLimit"_s, path, [this](const Selection &f, const QJsonArray &) {
                const QString &n = f.name;
                if (n == "cost"_L1)
                    return std::optional<QJsonValue>(scalar(f, Cost));
                if (n == "limit"_L1)
                    return std::optional<QJsonValue>(scalar(f, DemoGraphQLResolver::PointsPerHour));
                if (n == "remaining"_L1)
                    return std::optional<QJsonValue>(
                        scalar(f, DemoGraphQLResolver::PointsPerHour - Cost));
                if (n == "used"_L1)
                    return std::optional<QJsonValue>(scalar(f, Cost));
                if (n == "resetAt"_L1)
                    return std::optional<QJsonValue>(scalar(f, toIsoString(m_resetAt)));
                if (n == "nodeCount"_L1)
                    return std::optional<QJsonValue>(scalar(f, m_nodeCount));
                return std::optional<QJsonValue>();
            });
        }
        return std::nullopt;
    }

    std::optional<QJsonValue> repositoryField(const Selection &s, const QJsonArray &path)
    {
        if (s.name == "name"_L1)
            return scalar(s, m_data.name);
        if (s.name == "nameWithOwner"_L1)
            return scalar(s, m_data.fullName());
        if (s.name != "pullRequest"_L1)
            return std::nullopt;
        if (!checkArguments(s, u"Repository"_s, {"number"}))
            return QJsonValue::Null;
        const QJsonValue number = argument(s, "number").value_or(QJsonValue());
        if (!number.isDouble()) {
            fatal(u"Field 'pullRequest' is missing required arguments: number"_s, &s);
            return QJsonValue::Null;
        }
        const int wanted = number.toInt();
        for (const PullRequest &pull : m_data.pullRequests)
            if (pull.number == wanted)
                return object(s, u"PullRequest"_s, path,
                              [this, &pull](const Selection &f, const QJsonArray &p) {
                                  return pullRequestField(pull, f, p);
                              });
        fieldError(u"NOT_FOUND"_s,
                   u"Could not resolve to a PullRequest with the number of %1."_s.arg(wanted), s,
                   path);
        return QJsonValue::Null;
    }

    static QJsonValue isoOrNull(const QDateTime &time)
    {
        return time.isValid() ? QJsonValue(toIsoString(time)) : QJsonValue(QJsonValue::Null);
    }

    static QJsonValue reviewDecision(PullRequest::ReviewDecision decision)
    {
        switch (decision) {
        case PullRequest::ReviewDecision::Approved:
            return u"APPROVED"_s;
        case PullRequest::ReviewDecision::ChangesRequested:
            return u"CHANGES_REQUESTED"_s;
        case PullRequest::ReviewDecision::ReviewRequired:
            return u"REVIEW_REQUIRED"_s;
        case PullRequest::ReviewDecision::None:
            break;
        }
        return QJsonValue::Null;
    }

    static QString rollupState(PullRequest::CheckState state)
    {
        switch (state) {
        case PullRequest::CheckState::Pending:
            return u"PENDING"_s;
        case PullRequest::CheckState::Success:
            return u"SUCCESS"_s;
        case PullRequest::CheckState::Failure:
            return u"FAILURE"_s;
        case PullRequest::CheckState::Error:
            return u"ERROR"_s;
        case PullRequest::CheckState::Unknown:
            break;
        }
        return {};
    }

    // A commit; `state` empty: no checks reported, statusCheckRollup is null.
    QJsonValue commit(const Selection &s, const QJsonArray &path, const QString &oid,
                      const QString &state)
    {
        return object(s, u"Commit"_s, path, [&](const Selection &f, const QJsonArray &p) {
            if (f.name == "oid"_L1)
                return std::optional<QJsonValue>(scalar(f, oid));
            if (f.name != "statusCheckRollup"_L1)
                return std::optional<QJsonValue>();
            if (state.isEmpty())
                return std::optional<QJsonValue>(QJsonValue::Null);
            return std::optional<QJsonValue>(
                object(f, u"StatusCheckRollup"_s, p, [&](const Selection &r, const QJsonArray &) {
                    if (r.name == "state"_L1)
                        return std::optional<QJsonValue>(scalar(r, state));
                    return std::optional<QJsonValue>();
                }));
        });
    }

    std::optional<QJsonValue> pullRequestField(const PullRequest &pull, const Selection &s,
                                               const QJsonArray &path)
    {
        const QString &n = s.name;
        if (n == "number"_L1)
            return scalar(s, pull.number);
        if (n == "title"_L1)
            return scalar(s, pull.title);
        if (n == "body"_L1)
            return scalar(s, pull.body);
        if (n == "url"_L1)
            return scalar(s, pull.htmlUrl);
        if (n == "state"_L1)
            return scalar(s, pull.isMerged() ? u"MERGED"_s
                                             : (pull.isOpen() ? u"OPEN"_s : u"CLOSED"_s));
        if (n == "isDraft"_L1)
            return scalar(s, pull.draft);
        if (n == "merged"_L1)
            return scalar(s, pull.isMerged());
        if (n == "mergedAt"_L1)
            return scalar(s, isoOrNull(pull.mergedAt));
        if (n == "createdAt"_L1)
            return scalar(s, isoOrNull(pull.createdAt));
        if (n == "updatedAt"_L1)
            return scalar(s, isoOrNull(pull.updatedAt));
        if (n == "closedAt"_L1)
            return scalar(s, isoOrNull(pull.closedAt));
        if (n == "additions"_L1)
            return scalar(s, qMax(0, pull.additions));
        if (n == "deletions"_L1)
            return scalar(s, qMax(0, pull.deletions));
        if (n == "changedFiles"_L1)
            return scalar(s, qMax(0, pull.changedFiles));
        if (n == "reviewDecision"_L1)
            return scalar(s, reviewDecision(pull.reviewDecision));
        if (n == "baseRefName"_L1)
            return scalar(s, pull.baseRef);
        if (n == "headRefName"_L1)
            return scalar(s, pull.headRef);
        if (n == "headRefOid"_L1)
            return scalar(s, pull.headSha);
        if (n == "mergeCommit"_L1)
            return pull.mergeCommitSha.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                 : commit(s, path, pull.mergeCommitSha, QString());
        if (n == "closingIssuesReferences"_L1)
            return connection(s, u"IssueConnection"_s, path, pull.linkedIssues.size(),
                              [&](qsizetype i, const Selection &f, const QJsonArray &p) {
                                  return issueNode(pull.linkedIssues[i], f, p);
                              });
        if (n == "commits"_L1)
            return connection(s, u"PullRequestCommitConnection"_s, path, 1,
                              [&](qsizetype, const Selection &f, const QJsonArray &p) {
                                  return object(f, u"PullRequestCommit"_s, p,
                                                [&](const Selection &c, const QJsonArray &cp) {
                                                    if (c.name != "commit"_L1)
                                                        return std::optional<QJsonValue>();
                                                    return std::optional<QJsonValue>(
                                                        commit(c, cp, pull.headSha,
                                                               rollupState(pull.checkState)));
                                                });
                              });
        if (n == "files"_L1) {
            const QList<DemoGraphQLResolver::ChangedFile> files =
                DemoGraphQLResolver::changedFiles(pull);
            return connection(
                s, u"PullRequestChangedFileConnection"_s, path, files.size(),
                [&](qsizetype i, const Selection &f, const QJsonArray &p) {
                    const DemoGraphQLResolver::ChangedFile &file = files[i];
                    return object(
                        f, u"PullRequestChangedFile"_s, p,
                        [&](const Selection &c, const QJsonArray &) {
                            if (c.name == "path"_L1)
                                return std::optional<QJsonValue>(scalar(c, file.path));
                            if (c.name == "additions"_L1)
                                return std::optional<QJsonValue>(scalar(c, file.additions));
                            if (c.name == "deletions"_L1)
                                return std::optional<QJsonValue>(scalar(c, file.deletions));
                            if (c.name == "changeType"_L1)
                                return std::optional<QJsonValue>(scalar(c, file.changeType));
                            return std::optional<QJsonValue>();
                        });
                });
        }
        return std::nullopt;
    }

    QJsonValue issueNode(int number, const Selection &s, const QJsonArray &path)
    {
        const Issue *issue = nullptr;
        for (const Issue &candidate : m_data.issues)
            if (candidate.number == number)
                issue = &candidate;
        if (!issue)
            return QJsonValue::Null; // as GitHub does for an issue the token cannot see
        return object(s, u"Issue"_s, path, [&](const Selection &f, const QJsonArray &) {
            if (f.name == "number"_L1)
                return std::optional<QJsonValue>(scalar(f, issue->number));
            if (f.name == "title"_L1)
                return std::optional<QJsonValue>(scalar(f, issue->title));
            if (f.name == "url"_L1)
                return std::optional<QJsonValue>(scalar(f, issue->htmlUrl));
            if (f.name == "state"_L1)
                return std::optional<QJsonValue>(
                    scalar(f, issue->isOpen() ? u"OPEN"_s : u"CLOSED"_s));
            return std::optional<QJsonValue>();
        });
    }

    const DemoDataset &m_data;
    const Document &m_document;
    QJsonObject m_variables;
    QDateTime m_resetAt;
    qint64 m_nodeCount = 0;
    QJsonArray m_errors;
    QJsonArray m_fatal;
};

// Checks the variables against the operation's definitions and fills in defaults; an error
// message when they do not fit.
QString bindVariables(const Document::Operation &operation, const QJsonObject &given,
                      QJsonObject *bound)
{
    for (const Document::VariableDefinition &definition : operation.variables) {
        QJsonValue value = given.value(definition.name);
        if (value.isUndefined() && definition.hasDefault) {
            const Value &fallback = definition.defaultValue;
            switch (fallback.kind) {
            case Value::Kind::Int:
                value = fallback.text.toLongLong();
                break;
            case Value::Kind::Float:
                value = fallback.text.toDouble();
                break;
            case Value::Kind::Boolean:
                value = fallback.boolean;
                break;
            case Value::Kind::String:
            case Value::Kind::Enum:
                value = fallback.text;
                break;
            default:
                value = QJsonValue::Null;
            }
        }
        const bool nonNull = definition.type.endsWith(u'!');
        const QString base = nonNull ? definition.type.chopped(1) : definition.type;
        bool fits = true;
        if (value.isUndefined() || value.isNull())
            fits = !nonNull;
        else if (base == "String"_L1)
            fits = value.isString();
        else if (base == "Int"_L1)
            fits = value.isDouble() && value.toDouble() == double(value.toInteger());
        else if (base == "Boolean"_L1)
            fits = value.isBool();
        else if (base == "ID"_L1)
            fits = value.isString() || value.isDouble();
        if (!fits)
            return u"Variable $%1 of type %2 was provided invalid value"_s.arg(definition.name,
                                                                               definition.type);
        bound->insert(definition.name, value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
    }
    return {};
}

// ---- changed files

struct AreaFiles
{
    const char *label;
    const char *package; // under aws_lambda_powertools/
    const char *docs;
    const char *tests; // folder name under tests/ and examples/
    QStringList modules;
};

const QList<AreaFiles> &areaFiles()
{
    static const QList<AreaFiles> list = {
        {"logger",
         "logging",
         "docs/core/logger.md",
         "logger",
         {u"logger"_s, u"formatter"_s, u"utils"_s, u"filters"_s, u"exceptions"_s,
          u"buffer/functions"_s}},
        {"tracer",
         "tracing",
         "docs/core/tracer.md",
         "tracer",
         {u"tracer"_s, u"base"_s, u"provider/xray/xray_tracer"_s, u"extensions"_s}},
        {"metrics",
         "metrics",
         "docs/core/metrics.md",
         "metrics",
         {u"metrics"_s, u"base"_s, u"provider/cloudwatch_emf/cloudwatch"_s, u"functions"_s,
          u"exceptions"_s}},
        {"parameters",
         "utilities/parameters",
         "docs/utilities/parameters.md",
         "parameters",
         {u"base"_s, u"ssm"_s, u"secrets"_s, u"appconfig"_s, u"dynamodb"_s, u"exceptions"_s}},
        {"idempotency",
         "utilities/idempotency",
         "docs/utilities/idempotency.md",
         "idempotency",
         {u"idempotency"_s, u"base"_s, u"config"_s, u"persistence/dynamodb"_s,
          u"persistence/redis"_s, u"serialization/pydantic"_s}},
        {"batch",
         "utilities/batch",
         "docs/utilities/batch.md",
         "batch",
         {u"base"_s, u"decorators"_s, u"sqs_fifo_partial_processor"_s, u"types"_s,
          u"exceptions"_s}},
        {"event_handler",
         "event_handler",
         "docs/core/event_handler/api_gateway.md",
         "event_handler",
         {u"api_gateway"_s, u"router"_s, u"middlewares/openapi_validation"_s, u"openapi/models"_s,
          u"openapi/params"_s, u"exceptions"_s}},
        {"parser",
         "utilities/parser",
         "docs/utilities/parser.md",
         "parser",
         {u"parser"_s, u"models/sqs"_s, u"envelopes/sqs"_s, u"models/event_bridge"_s,
          u"envelopes/event_bridge"_s}},
        {"validation",
         "utilities/validation",
         "docs/utilities/validation.md",
         "validation",
         {u"validator"_s, u"base"_s, u"envelopes"_s, u"exceptions"_s}},
        {"feature_flags",
         "utilities/feature_flags",
         "docs/utilities/feature_flags.md",
         "feature_flags",
         {u"feature_flags"_s, u"schema"_s, u"appconfig"_s, u"comparators"_s}},
        {"data_masking",
         "utilities/data_masking",
         "docs/utilities/data_masking.md",
         "data_masking",
         {u"base"_s, u"provider/base"_s, u"provider/kms/aws_encryption_sdk"_s}},
        {"event_sources",
         "utilities/data_classes",
         "docs/utilities/data_classes.md",
         "event_sources",
         {u"common"_s, u"alb_event"_s, u"cloud_watch_logs_event"_s, u"sqs_event"_s,
          u"event_source"_s}},
    };
    return list;
}

// The area a pull request is about: its area label, else its title's scope.
QString areaOf(const PullRequest &pull)
{
    QSet<QString> areaLabels;
    for (const DemoCorpus::Area &area : DemoCorpus::areas())
        areaLabels.insert(area.label);
    for (const Label &label : pull.labels)
        if (areaLabels.contains(label.name))
            return label.name;
    static const QRegularExpression scope(u"^\\w+\\(([\\w-]+)\\)!?:"_s);
    const QRegularExpressionMatch match = scope.match(pull.title);
    if (match.hasMatch() && areaLabels.contains(match.captured(1)))
        return match.captured(1);
    return {};
}

QStringList candidatePaths(const PullRequest &pull)
{
    const QString type = pull.title.section(u'(', 0, 0).section(u':', 0, 0).trimmed();
    if (pull.hasLabel(u"dependencies")) {
        if (pull.hasLabel(u"github-actions"))
            return {u".github/workflows/quality_check.yml"_s, u".github/workflows/release.yml"_s,
                    u".github/workflows/run-e2e-tests.yml"_s,
                    u".github/workflows/on_merged_pr.yml"_s};
        return {u"pyproject.toml"_s, u"poetry.lock"_s};
    }
    const QString area = areaOf(pull);
    if (area.isEmpty()) {
        if (type == "chore"_L1 || pull.hasLabel(u"github-actions"))
            return {u".github/workflows/quality_check.yml"_s,
                    u".github/workflows/reusable_deploy_v2_layer_stack.yml"_s,
                    u".github/scripts/label_pr_based_on_title.js"_s, u"Makefile"_s,
                    u".github/workflows/publish_v2_layer.yml"_s};
        return {u"README.md"_s,       u"docs/index.md"_s,        u"mkdocs.yml"_s,
                u"CONTRIBUTING.md"_s, u"docs/we_made_this.md"_s, u"docs/roadmap.md"_s};
    }
    const AreaFiles *files = nullptr;
    for (const AreaFiles &candidate : areaFiles())
        if (area == QLatin1StringView(candidate.label))
            files = &candidate;
    const QString package = "aws_lambda_powertools/"_L1 +
                            (files ? QLatin1StringView(files->package) : "utilities/"_L1 + area);
    const QString tests = files ? QString::fromLatin1(files->tests) : area;
    const QStringList modules = files ? files->modules : QStringList{u"base"_s};
    const QString docs =
        files ? QString::fromLatin1(files->docs) : "docs/utilities/"_L1 + area + ".md"_L1;

    QStringList source, unit, functional, examples;
    for (const QString &module : modules) {
        const QString leaf = module.section(u'/', -1);
        source.append(package + u'/' + module + ".py"_L1);
        unit.append("tests/unit/"_L1 + tests + "/test_"_L1 + leaf + ".py"_L1);
        functional.append("tests/functional/"_L1 + tests + "/test_"_L1 + leaf + ".py"_L1);
        examples.append("examples/"_L1 + tests + "/src/"_L1 + leaf + "_example.py"_L1);
    }
    if (type == "test"_L1)
        return functional + unit + source;
    if (type == "docs"_L1 || pull.hasLabel(u"documentation"))
        return QStringList{docs} + examples + QStringList{u"mkdocs.yml"_s} + source;
    // Feature work and fixes: the code, its tests, then what documents it.
    QStringList out;
    for (qsizetype i = 0; i < source.size(); ++i)
        out << source[i] << functional[i];
    return out + unit + QStringList{docs} + examples;
}

} // namespace

bool DemoGraphQLResolver::isEndpoint(const QString &path)
{
    return path == "/graphql"_L1 || path == "/api/graphql"_L1;
}

QList<DemoGraphQLResolver::ChangedFile> DemoGraphQLResolver::changedFiles(const PullRequest &pull)
{
    const int count = qMax(0, pull.changedFiles);
    QStringList paths = candidatePaths(pull);
    paths.removeDuplicates();
    const QString padding =
        paths.isEmpty() ? u"docs/snippets/"_s : paths.constLast().section(u'/', 0, -2) + u'/';
    for (int i = 1; paths.size() < count; ++i)
        paths.append(padding + "part_"_L1 + QString::number(i) + ".py"_L1);
    paths.resize(count);

    // Lines go to the first files most, as in real changes, and add up exactly.
    const qint64 weights = qint64(count) * (count + 1) / 2;
    const auto share = [&](int total, int index) {
        return int(qint64(qMax(0, total)) * (count - index) / qMax<qint64>(1, weights));
    };
    QList<ChangedFile> files;
    int addedSoFar = 0;
    int deletedSoFar = 0;
    for (int i = 0; i < count; ++i) {
        ChangedFile &file = files.emplace_back();
        file.path = paths[i];
        file.additions = share(pull.additions, i);
        file.deletions = share(pull.deletions, i);
        addedSoFar += file.additions;
        deletedSoFar += file.deletions;
    }
    if (!files.isEmpty()) {
        files.first().additions += qMax(0, pull.additions) - addedSoFar;
        files.first().deletions += qMax(0, pull.deletions) - deletedSoFar;
    }
    const bool feature = pull.title.startsWith("feat"_L1);
    for (ChangedFile &file : files)
        file.changeType =
            feature && file.deletions == 0 && file.additions > 0 ? u"ADDED"_s : u"MODIFIED"_s;
    return files;
}

HttpResponse DemoGraphQLResolver::answer(const DemoDataset &data, const HttpRequest &request,
                                         const QDateTime &resetAt)
{
    if (request.method != "POST")
        return jsonResponse(404, QJsonObject{{u"message"_s, u"Not Found"_s}}, resetAt);
    QJsonParseError parseError;
    const QJsonDocument body = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !body.isObject())
        return jsonResponse(
            400,
            QJsonObject{{u"message"_s, u"Problems parsing JSON"_s},
                        {u"documentation_url"_s, u"https://docs.github.com/graphql"_s}},
            resetAt);
    const QJsonObject object = body.object();
    const QJsonValue query = object.value("query"_L1);
    if (!query.isString())
        return jsonResponse(
            200, errorsOnly(u"A query attribute must be specified and must be a string."_s),
            resetAt);
    QJsonValue variables = object.value("variables"_L1);
    if (variables.isString()) // some clients send the variables as JSON text
        variables = QJsonDocument::fromJson(variables.toString().toUtf8()).object();
    if (!variables.isUndefined() && !variables.isNull() && !variables.isObject())
        return jsonResponse(200, errorsOnly(u"Variables are invalid JSON."_s), resetAt);

    const Document document = Document::parse(query.toString());
    if (!document.isValid())
        return jsonResponse(200, errorsOnly(document.error), resetAt);

    const QString operationName = object.value("operationName"_L1).toString();
    const Document::Operation *operation = nullptr;
    for (const Document::Operation &candidate : document.operations)
        if (operationName.isEmpty() ? document.operations.size() == 1
                                    : candidate.name == operationName)
            operation = &candidate;
    if (!operation)
        return jsonResponse(200,
                            errorsOnly(operationName.isEmpty()
                                           ? u"An operation name is required"_s
                                           : u"No operation named \"%1\""_s.arg(operationName)),
                            resetAt);
    if (operation->type != "query"_L1)
        return jsonResponse(
            200,
            errorsOnly(u"The demo backend answers queries only, not a %1."_s.arg(operation->type)),
            resetAt);

    QJsonObject bound;
    if (const QString problem = bindVariables(*operation, variables.toObject(), &bound);
        !problem.isEmpty())
        return jsonResponse(200, errorsOnly(problem), resetAt);

    Executor executor(data, document, bound, resetAt);
    return jsonResponse(200, executor.run(*operation), resetAt);
}

} // namespace Mainstay
