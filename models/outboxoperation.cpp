#include "outboxoperation.h"

#include "githubclient.h"
#include "outboxkind.h"
#include "pagedjob.h"
#include "restjob.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

namespace Mainstay {

namespace {

QJsonObject resultOf(const ApiResponse &response)
{
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return QJsonObject{{QStringLiteral("items"), document.array()}};
    return {};
}

bool hasDetail(const ApiError &error, QLatin1String code)
{
    for (const QString &detail : error.details)
        if (detail.contains(code))
            return true;
    return false;
}

} // namespace

OutboxOperation::OutboxOperation(GitHubClient *client, const QString &repository,
                                 const OutboxEntry &entry, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_entry(entry)
{}

OutboxOperation::~OutboxOperation()
{
    // Nobody listens any more: stop the request without reporting to a half-destroyed this.
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
    if (m_pages) {
        m_pages->disconnect(this);
        m_pages->cancel();
    }
}

QString OutboxOperation::marker(qint64 id)
{
    return QStringLiteral("<!-- mainstay:%1 -->").arg(id);
}

QString OutboxOperation::markedBody(const QString &body, qint64 id)
{
    return body + QStringLiteral("\n\n") + marker(id);
}

bool OutboxOperation::isMarkedComment(const QString &githubBody, const QString &body, qint64 id)
{
    // The marker alone could come from another installation whose outbox also has an entry
    // `id`; the text must match too. Whitespace is compared loosely because GitHub may store
    // line ends as \r\n.
    const QString mark = marker(id);
    const qsizetype at = githubBody.lastIndexOf(mark);
    if (at < 0)
        return false;
    QString text = githubBody;
    text.remove(at, mark.size());
    return text.simplified() == body.simplified();
}

QString OutboxOperation::repoPath(const QString &rest) const
{
    return QStringLiteral("/repos/") + m_repository + rest;
}

QString OutboxOperation::issuePath(const QString &rest) const
{
    return repoPath(QStringLiteral("/issues/") + QString::number(number()) + rest);
}

int OutboxOperation::number() const
{
    return m_entry.payload.value(QLatin1String("number")).toInt();
}

void OutboxOperation::abort()
{
    if (m_job)
        m_job->cancel();
    else if (m_pages)
        m_pages->cancel();
}

void OutboxOperation::start()
{
    namespace K = OutboxKind;
    const QJsonObject &p = m_entry.payload;
    const QString &kind = m_entry.kind;
    if (kind == K::AddLabels) {
        sendLabels("POST");
    } else if (kind == K::SetLabels) {
        sendLabels("PUT");
    } else if (kind == K::RemoveLabels) {
        QStringList labels;
        for (const QJsonValue &label : p.value(QLatin1String("labels")).toArray())
            labels.append(label.toString());
        removeLabels(labels);
    } else if (kind == K::ChangeLabels) {
        changeLabels();
    } else if (kind == K::Comment) {
        sendComment(p.value(QLatin1String("body")).toString(),
                    [this](const ApiResponse &response) { succeed(response); });
    } else if (kind == K::CloseIssue) {
        closeIssue();
    } else if (kind == K::ReopenIssue) {
        call("PATCH", issuePath(), QJsonObject{{QStringLiteral("state"), QStringLiteral("open")}},
             [this](const ApiResponse &response) { succeed(response); });
    } else if (kind == K::Assign) {
        call("POST", issuePath(QStringLiteral("/assignees")),
             QJsonObject{{QStringLiteral("assignees"), p.value(QLatin1String("assignees"))}},
             [this](const ApiResponse &response) { succeed(response); });
    } else if (kind == K::CreateLabel) {
        createLabel();
    } else if (kind == K::UpdateLabel) {
        updateLabel();
    } else if (kind == K::DeleteLabel) {
        // Gone already (our interrupted try, or someone else): the goal holds.
        call(
            "DELETE",
            urlOf(repoPath(QStringLiteral("/labels")), p.value(QLatin1String("name")).toString()),
            QJsonValue::Undefined, [this](const ApiResponse &response) { succeed(response); },
            [](const ApiError &error) { return error.kind == ApiError::Kind::NotFound; });
    } else if (kind == K::CreateRelease) {
        createRelease();
    } else if (kind == K::UpdateRelease) {
        call("PATCH",
             repoPath(QStringLiteral("/releases/") +
                      QString::number(p.value(QLatin1String("id")).toInteger())),
             p.value(QLatin1String("fields")).toObject(),
             [this](const ApiResponse &response) { succeed(response); });
    } else if (kind == K::Dispatch) {
        dispatch();
    } else if (kind == K::RerunFailedJobs) {
        rerunFailedJobs();
    } else if (kind == K::CancelRun) {
        // A 409 on a repeat means the first request stopped the run already.
        call(
            "POST",
            repoPath(QStringLiteral("/actions/runs/%1/cancel")
                         .arg(p.value(QLatin1String("run_id")).toInteger())),
            QJsonValue::Undefined, [this](const ApiResponse &response) { succeed(response); },
            [this](const ApiError &error) { return isRetry() && error.httpStatus == 409; });
    } else if (kind == K::ReviewDeployments) {
        // Reviews are idempotent for the state asked: a repeat after the deployment moved on gets
        // a 422 ("no pending deployment"), which means the first request went through.
        call(
            "POST",
            repoPath(QStringLiteral("/actions/runs/%1/pending_deployments")
                         .arg(p.value(QLatin1String("run_id")).toInteger())),
            QJsonObject{
                {QStringLiteral("environment_ids"), p.value(QLatin1String("environment_ids"))},
                {QStringLiteral("state"), p.value(QLatin1String("state"))},
                {QStringLiteral("comment"), p.value(QLatin1String("comment"))}},
            [this](const ApiResponse &response) { succeed(response); },
            [this](const ApiError &error) { return isRetry() && error.httpStatus == 422; });
    } else {
        ApiError error;
        error.kind = ApiError::Kind::Other;
        error.serverMessage =
            QStringLiteral("This version of Mainstay cannot send \"%1\" entries.").arg(kind);
        fail(error);
    }
}

QUrl OutboxOperation::urlOf(const QString &path, const QString &segment, const QString &rest) const
{
    QUrl url = m_client->url(path);
    // Appended encoded: a slash in a label name must not split the segment.
    url.setPath(url.path(QUrl::FullyEncoded) + QLatin1Char('/') +
                    QString::fromLatin1(QUrl::toPercentEncoding(segment)) + rest,
                QUrl::TolerantMode);
    return url;
}

void OutboxOperation::call(const QByteArray &verb, const QString &path, const QJsonValue &body,
                           OnResponse onOk, DonePredicate alreadyDone)
{
    call(verb, m_client->url(path), body, std::move(onOk), std::move(alreadyDone));
}

void OutboxOperation::get(const QString &path, const QUrlQuery &query, OnResponse onOk)
{
    get(m_client->url(path, query), std::move(onOk));
}

void OutboxOperation::call(const QByteArray &verb, const QUrl &url, const QJsonValue &body,
                           OnResponse onOk, DonePredicate alreadyDone)
{
    QJsonDocument document;
    if (body.isObject())
        document = QJsonDocument(body.toObject());
    else if (body.isArray())
        document = QJsonDocument(body.toArray());
    m_job = m_client->send(verb, url, document);
    connect(m_job, &RestJob::finished, this,
            [this, onOk = std::move(onOk), alreadyDone = std::move(alreadyDone)](RestJob *job) {
                m_job = nullptr;
                const ApiResponse response = job->response();
                if (response.isOk() || (alreadyDone && alreadyDone(response.error)))
                    onOk(response);
                else
                    fail(response.error);
            });
}

void OutboxOperation::get(const QUrl &url, OnResponse onOk)
{
    m_job = m_client->get(url);
    connect(m_job, &RestJob::finished, this, [this, onOk = std::move(onOk)](RestJob *job) {
        m_job = nullptr;
        const ApiResponse response = job->response();
        if (response.isOk())
            onOk(response);
        else
            fail(response.error);
    });
}

void OutboxOperation::findMarkedComment(const QString &body,
                                        std::function<void(const QJsonObject &)> found,
                                        std::function<void()> notFound)
{
    m_pages = m_client->getAllPages(issuePath(QStringLiteral("/comments")));
    auto match = std::make_shared<std::optional<QJsonObject>>();
    connect(m_pages, &PagedJob::pageReceived, this, [this, body, match](const ApiResponse &page) {
        if (*match)
            return;
        for (const QJsonValue &value : QJsonDocument::fromJson(page.body).array()) {
            const QJsonObject comment = value.toObject();
            if (isMarkedComment(comment.value(QLatin1String("body")).toString(), body,
                                m_entry.id)) {
                *match = comment;
                return;
            }
        }
    });
    connect(
        m_pages, &PagedJob::finished, this,
        [this, match, found = std::move(found), notFound = std::move(notFound)](PagedJob *pages) {
            m_pages = nullptr;
            if (*match)
                found(**match);
            else if (pages->error().isError())
                fail(pages->error());
            else
                notFound();
        });
    m_pages->start();
}

void OutboxOperation::sendComment(const QString &body, OnResponse then)
{
    auto post = [this, body, then] {
        call("POST", issuePath(QStringLiteral("/comments")),
             QJsonObject{{QStringLiteral("body"), markedBody(body, m_entry.id)}}, then);
    };
    if (!isRetry()) {
        post();
        return;
    }
    // Posted before the interruption: never post it a second time.
    findMarkedComment(
        body,
        [this, then](const QJsonObject &comment) {
            if (m_entry.kind == OutboxKind::Comment) {
                succeedWith(comment, true);
            } else {
                ApiResponse response;
                response.body = QJsonDocument(comment).toJson(QJsonDocument::Compact);
                then(response);
            }
        },
        post);
}

void OutboxOperation::sendLabels(const QByteArray &verb)
{
    call(verb, issuePath(QStringLiteral("/labels")),
         QJsonObject{{QStringLiteral("labels"), m_entry.payload.value(QLatin1String("labels"))}},
         [this](const ApiResponse &response) { succeed(response); });
}

void OutboxOperation::removeLabels(QStringList labels)
{
    if (labels.isEmpty()) {
        succeedWith({}, false);
        return;
    }
    const QString label = labels.takeFirst();
    call(
        "DELETE", urlOf(issuePath(QStringLiteral("/labels")), label), QJsonValue::Undefined,
        [this, labels](const ApiResponse &response) {
            if (labels.isEmpty())
                succeed(response);
            else
                removeLabels(labels);
        },
        [](const ApiError &error) {
            // Not on the issue (any more): the set operation's goal holds.
            return error.kind == ApiError::Kind::NotFound &&
                   error.serverMessage.contains(QLatin1String("Label does not exist"));
        });
}

void OutboxOperation::changeLabels()
{
    QStringList remove;
    for (const QJsonValue &label : m_entry.payload.value(QLatin1String("remove")).toArray())
        remove.append(label.toString());
    const QJsonArray add = m_entry.payload.value(QLatin1String("add")).toArray();
    if (add.isEmpty()) {
        removeLabels(remove);
        return;
    }
    call("POST", issuePath(QStringLiteral("/labels")), QJsonObject{{QStringLiteral("labels"), add}},
         [this, remove](const ApiResponse &response) {
             if (remove.isEmpty())
                 succeed(response);
             else
                 removeLabels(remove);
         });
}

void OutboxOperation::closeIssue()
{
    const QJsonObject &p = m_entry.payload;
    auto patch = [this, p](const ApiResponse &commentResponse) {
        const QJsonObject comment = resultOf(commentResponse);
        call("PATCH", issuePath(),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("closed")},
                         {QStringLiteral("state_reason"), p.value(QLatin1String("reason"))}},
             [this, comment](const ApiResponse &response) {
                 QJsonObject result = resultOf(response);
                 if (!comment.isEmpty())
                     result.insert(QStringLiteral("mainstay_comment"), comment);
                 succeedWith(result, false);
             });
    };
    const QString comment = p.value(QLatin1String("comment")).toString();
    if (comment.isEmpty())
        patch(ApiResponse());
    else
        sendComment(comment, patch);
}

void OutboxOperation::createLabel()
{
    const QJsonObject &p = m_entry.payload;
    call(
        "POST", repoPath(QStringLiteral("/labels")), p,
        [this, p](const ApiResponse &response) {
            if (response.status != 422) {
                succeed(response);
                return;
            }
            // It exists (made by someone else, or by our own interrupted try): bring it to the
            // colour and description asked for.
            QJsonObject fields = p;
            fields.remove(QLatin1String("name"));
            call("PATCH",
                 urlOf(repoPath(QStringLiteral("/labels")),
                       p.value(QLatin1String("name")).toString()),
                 fields, [this](const ApiResponse &patched) { succeed(patched); });
        },
        [](const ApiError &error) {
            return error.kind == ApiError::Kind::Validation &&
                   hasDetail(error, QLatin1String("already_exists"));
        });
}

void OutboxOperation::updateLabel()
{
    const QJsonObject &p = m_entry.payload;
    const QString name = p.value(QLatin1String("name")).toString();
    const QJsonObject fields = p.value(QLatin1String("fields")).toObject();
    const QString newName = fields.value(QLatin1String("new_name")).toString();
    const bool renames = !newName.isEmpty() && newName != name;
    call(
        "PATCH", urlOf(repoPath(QStringLiteral("/labels")), name), fields,
        [this, newName](const ApiResponse &response) {
            if (response.isOk()) {
                succeed(response);
                return;
            }
            // The old name is gone: renamed by the interrupted try if the new one exists.
            get(urlOf(repoPath(QStringLiteral("/labels")), newName),
                [this](const ApiResponse &label) { succeedWith(resultOf(label), true); });
        },
        [this, renames](const ApiError &error) {
            return isRetry() && renames && error.kind == ApiError::Kind::NotFound;
        });
}

void OutboxOperation::createRelease()
{
    const QJsonObject fields = m_entry.payload.value(QLatin1String("fields")).toObject();
    auto post = [this, fields] {
        call("POST", repoPath(QStringLiteral("/releases")), fields,
             [this](const ApiResponse &response) { succeed(response); });
    };
    if (!isRetry()) {
        post();
        return;
    }
    // Releases are listed newest first: one made by the interrupted try is on the first page.
    get(repoPath(QStringLiteral("/releases")), QUrlQuery(QStringLiteral("per_page=30")),
        [this, fields, post](const ApiResponse &response) {
            for (const QJsonValue &value : QJsonDocument::fromJson(response.body).array()) {
                const QJsonObject release = value.toObject();
                bool same = true;
                for (const char *key : {"tag_name", "name", "body", "draft"})
                    if (fields.contains(QLatin1String(key)) &&
                        release.value(QLatin1String(key)) != fields.value(QLatin1String(key)))
                        same = false;
                if (same) {
                    succeedWith(release, true);
                    return;
                }
            }
            post();
        });
}

void OutboxOperation::dispatch()
{
    const QJsonObject &p = m_entry.payload;
    const QString workflow = p.value(QLatin1String("workflow")).toString();
    const QString ref = p.value(QLatin1String("ref")).toString();
    auto post = [this, workflow, p] {
        QJsonObject body{{QStringLiteral("ref"), p.value(QLatin1String("ref"))}};
        if (!p.value(QLatin1String("inputs")).toObject().isEmpty())
            body.insert(QStringLiteral("inputs"), p.value(QLatin1String("inputs")));
        call("POST",
             urlOf(repoPath(QStringLiteral("/actions/workflows")), workflow,
                   QStringLiteral("/dispatches")),
             body, [this](const ApiResponse &response) { succeed(response); });
    };
    if (!isRetry()) {
        post();
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("event"), QStringLiteral("workflow_dispatch"));
    query.addQueryItem(QStringLiteral("branch"), ref);
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("30"));
    QUrl url =
        urlOf(repoPath(QStringLiteral("/actions/workflows")), workflow, QStringLiteral("/runs"));
    url.setQuery(query);
    const QDateTime since = m_entry.createdAt.addSecs(-30);
    get(url, [this, post, since](const ApiResponse &response) {
        const QJsonArray runs = QJsonDocument::fromJson(response.body)
                                    .object()
                                    .value(QLatin1String("workflow_runs"))
                                    .toArray();
        for (const QJsonValue &value : runs) {
            const QJsonObject run = value.toObject();
            const QDateTime created = QDateTime::fromString(
                run.value(QLatin1String("created_at")).toString(), Qt::ISODate);
            if (created.isValid() && created >= since) {
                succeedWith(run, true);
                return;
            }
        }
        post();
    });
}

void OutboxOperation::rerunFailedJobs()
{
    const QString run =
        repoPath(QStringLiteral("/actions/runs/%1")
                     .arg(m_entry.payload.value(QLatin1String("run_id")).toInteger()));
    auto post = [this, run] {
        call("POST", run + QStringLiteral("/rerun-failed-jobs"), QJsonValue::Undefined,
             [this](const ApiResponse &response) { succeed(response); });
    };
    if (!isRetry()) {
        post();
        return;
    }
    // A run that is not completed any more was started again by the interrupted request.
    get(run, {}, [this, post](const ApiResponse &response) {
        const QJsonObject object = resultOf(response);
        if (object.value(QLatin1String("status")).toString() != QLatin1String("completed"))
            succeedWith(object, true);
        else
            post();
    });
}

void OutboxOperation::succeed(const ApiResponse &response)
{
    succeedWith(resultOf(response), false);
}

void OutboxOperation::succeedWith(const QJsonObject &result, bool foundAlreadyDone)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    m_foundAlreadyDone = foundAlreadyDone;
    Q_EMIT finished(this);
    deleteLater();
}

void OutboxOperation::fail(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished(this);
    deleteLater();
}

} // namespace Mainstay
