#include "demogithubbackend.h"

#include "demodatagenerator.h"
#include "demographqlresolver.h"
#include "demorepositoryfiles.h"
#include "githubjsonwriter.h"
#include "isodatetime.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Mainstay {

namespace W = GitHubJsonWriter;

struct DemoGitHubBackend::Reply
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

namespace {

const QString kDocs = u"https://docs.github.com/rest"_s;

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

DemoGitHubBackend::Reply jsonReply(const QJsonValue &value, int status = 200)
{
    DemoGitHubBackend::Reply reply;
    reply.status = status;
    reply.body = compact(value);
    return reply;
}

DemoGitHubBackend::Reply messageReply(int status, const QString &message,
                                      const QString &documentation = kDocs)
{
    return jsonReply(QJsonObject{{u"message"_s, message}, {u"documentation_url"_s, documentation}},
                     status);
}

DemoGitHubBackend::Reply notFound()
{
    return messageReply(404, u"Not Found"_s);
}

DemoGitHubBackend::Reply validationFailed(const QString &resource, const QString &field,
                                          const QString &code)
{
    return jsonReply(
        QJsonObject{
            {u"message"_s, u"Validation Failed"_s},
            {u"errors"_s, QJsonArray{QJsonObject{
                              {u"resource"_s, resource}, {u"field"_s, field}, {u"code"_s, code}}}},
            {u"documentation_url"_s, kDocs},
        },
        422);
}

DemoGitHubBackend::Reply badJson()
{
    return messageReply(400, u"Problems parsing JSON"_s);
}

// Parses a request body that must be a JSON object; nullopt on anything else.
std::optional<QJsonObject> objectBody(const HttpRequest &request)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

bool matchesEtag(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    auto strip = [](QByteArray tag) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        return tag;
    };
    for (const QByteArray &candidate : ifNoneMatch.split(','))
        if (candidate.trimmed() == "*" || strip(candidate) == strip(etag))
            return true;
    return false;
}

int intParam(const HttpRequest &request, const QString &key, int fallback)
{
    bool ok = false;
    const int value = request.queryValue(key).toInt(&ok);
    return ok ? value : fallback;
}

// One page of a list, and the Link header GitHub would send with it.
struct Page
{
    qsizetype first = 0;
    qsizetype count = 0;
    QByteArray link;
};

Page paginate(const HttpRequest &request, qsizetype total)
{
    const int perPage = std::clamp(intParam(request, u"per_page"_s, 30), 1, 100);
    const int page = qMax(1, intParam(request, u"page"_s, 1));
    const int lastPage = int(qMax<qsizetype>(1, (total + perPage - 1) / perPage));
    Page out;
    out.first = qsizetype(page - 1) * perPage;
    out.count = qBound<qsizetype>(0, total - out.first, qsizetype(perPage));

    QByteArray host = request.header("Host");
    if (host.isEmpty())
        host = "127.0.0.1";
    QByteArray rawPath = request.target;
    if (const qsizetype question = rawPath.indexOf('?'); question >= 0)
        rawPath.truncate(question);
    auto url = [&](int target) {
        QUrlQuery query = request.query;
        query.removeAllQueryItems(u"page"_s);
        query.addQueryItem(u"page"_s, QString::number(target));
        return "<http://" + host + rawPath + '?' + query.query(QUrl::FullyEncoded).toUtf8() + '>';
    };
    QList<QByteArray> links;
    if (page > 1)
        links.append(url(qMin(page - 1, lastPage)) + "; rel=\"prev\"");
    if (page < lastPage) {
        links.append(url(page + 1) + "; rel=\"next\"");
        links.append(url(lastPage) + "; rel=\"last\"");
    }
    if (page > 1)
        links.append(url(1) + "; rel=\"first\"");
    out.link = links.join(", ");
    return out;
}

template<class T, class ToJson>
DemoGitHubBackend::Reply pagedArray(const HttpRequest &request, const QList<T> &items,
                                    ToJson toJson)
{
    const Page page = paginate(request, items.size());
    QJsonArray array;
    for (qsizetype i = page.first; i < page.first + page.count; ++i)
        array.append(toJson(items[i]));
    DemoGitHubBackend::Reply reply = jsonReply(array);
    if (!page.link.isEmpty())
        reply.headers.append({"Link", page.link});
    return reply;
}

// Runs, jobs and workflows come wrapped with their total count.
template<class T, class ToJson>
DemoGitHubBackend::Reply pagedObject(const HttpRequest &request, const QString &key,
                                     const QList<T> &items, ToJson toJson)
{
    const Page page = paginate(request, items.size());
    QJsonArray array;
    for (qsizetype i = page.first; i < page.first + page.count; ++i)
        array.append(toJson(items[i]));
    DemoGitHubBackend::Reply reply =
        jsonReply(QJsonObject{{u"total_count"_s, items.size()}, {key, array}});
    if (!page.link.isEmpty())
        reply.headers.append({"Link", page.link});
    return reply;
}

QString webBaseOf(const QString &apiBase)
{
    return apiBase.endsWith("/api/v3"_L1) ? apiBase.chopped(7) : apiBase;
}

bool isValidColor(const QString &color)
{
    static const QRegularExpression hex(u"^[0-9a-fA-F]{6}$"_s);
    return hex.match(color).hasMatch();
}

} // namespace

DemoGitHubBackend::DemoGitHubBackend(DemoDataset dataset, Clock *clock, double speed)
    : m_data(std::move(dataset))
    , m_clock(clock ? clock : Clock::system())
    , m_speed(speed > 0 ? speed : 1.0)
{
    const QDateTime start = m_clock->now();
    m_rateReset = QDateTime::fromSecsSinceEpoch(start.toSecsSinceEpoch() + 3600, Qt::UTC);
    for (const WorkflowRun &run : std::as_const(m_data.runs))
        if (run.id == m_data.liveRunId) {
            m_live.append(DemoLiveRun(run, m_data.liveRunPlan, m_data.now, start, m_speed));
            m_live.last().requireApproval(m_data.releaseEnvironment.jobName);
        }
    // New objects get ids above everything generated.
    for (const Comment &comment : std::as_const(m_data.comments))
        m_nextId = qMax(m_nextId, comment.id);
    for (const Label &label : std::as_const(m_data.labels))
        m_nextId = qMax(m_nextId, label.id);
    for (const Release &release : std::as_const(m_data.releases))
        m_nextId = qMax(m_nextId, release.id);
    for (const DemoIssueEvent &event : std::as_const(m_data.events))
        m_nextId = qMax(m_nextId, event.id);
    for (const PullRequest &pull : std::as_const(m_data.pullRequests))
        m_generatedPullLabels.insert(pull.number, pull.labels);
}

void DemoGitHubBackend::setFault(Fault fault)
{
    QMutexLocker locker(&m_mutex);
    m_fault = std::move(fault);
}

DemoDataset DemoGitHubBackend::dataset() const
{
    QMutexLocker locker(&m_mutex);
    DemoDataset copy = m_data;
    copy.runs = currentRuns();
    for (const DemoLiveRun &live : m_live) {
        copy.jobs.removeIf([&](const WorkflowJob &job) { return job.runId == live.runId(); });
        copy.jobs.append(live.jobs(m_clock->now()));
    }
    return copy;
}

RateLimit DemoGitHubBackend::rateLimit() const
{
    QMutexLocker locker(&m_mutex);
    RateLimit limit;
    limit.resource = u"core"_s;
    limit.limit = m_rateLimit;
    limit.remaining = m_rateRemaining;
    limit.used = m_rateLimit - m_rateRemaining;
    limit.reset = m_rateReset;
    return limit;
}

void DemoGitHubBackend::setRateLimitRemaining(int remaining)
{
    QMutexLocker locker(&m_mutex);
    m_rateRemaining = qBound(0, remaining, m_rateLimit);
}

QDateTime DemoGitHubBackend::liveRunFinishesAt() const
{
    QMutexLocker locker(&m_mutex);
    return m_live.isEmpty() ? QDateTime() : m_live.first().finishesAt();
}

void DemoGitHubBackend::rollRateLimitWindow()
{
    const QDateTime now = m_clock->now();
    if (now < m_rateReset)
        return;
    while (m_rateReset <= now)
        m_rateReset = m_rateReset.addSecs(3600);
    m_rateRemaining = m_rateLimit;
}

HttpResponse DemoGitHubBackend::handle(const HttpRequest &request)
{
    Fault fault;
    {
        QMutexLocker locker(&m_mutex);
        fault = m_fault;
    }
    if (fault)
        if (std::optional<HttpResponse> injected = fault(request))
            return *injected;

    QMutexLocker locker(&m_mutex);
    rollRateLimitWindow();

    // GraphQL has its own endpoint, answer shape and rate-limit bucket.
    if (DemoGraphQLResolver::isEndpoint(request.path)) {
        // A pull request's files derive from its generated labels (its area); labelling it
        // later must not change what it changes, as on GitHub. GraphQL answers read no labels.
        DemoDataset data = m_data;
        for (PullRequest &pull : data.pullRequests) {
            const auto generated = m_generatedPullLabels.constFind(pull.number);
            if (generated != m_generatedPullLabels.cend() && pull.labels != *generated)
                pull.labels = *generated;
        }
        return DemoGraphQLResolver::answer(data, request, m_rateReset);
    }

    // Enterprise servers put the API under /api/v3; answer there too.
    QStringList segments = request.pathSegments();
    QString prefix;
    if (segments.size() >= 2 && segments[0] == "api"_L1 && segments[1] == "v3"_L1) {
        segments = segments.mid(2);
        prefix = u"/api/v3"_s;
    }
    QByteArray host = request.header("Host");
    if (host.isEmpty())
        host = "127.0.0.1";
    const QString apiBase = "http://"_L1 + QString::fromLatin1(host) + prefix;

    const bool free = segments == QStringList{u"rate_limit"_s};
    Reply reply;
    if (!free && m_rateRemaining <= 0) {
        reply =
            messageReply(403, u"API rate limit exceeded for user ID %1."_s.arg(m_data.viewer.id),
                         u"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"_s);
    } else {
        reply = route(request, apiBase, segments);
    }

    HttpResponse response;
    response.status = reply.status;
    response.body = reply.body;
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.setHeader("X-GitHub-Media-Type", "github.v3; format=json");
    response.setHeader("X-GitHub-Api-Version-Selected", "2022-11-28");
    for (const auto &[name, value] : std::as_const(reply.headers))
        response.setHeader(name, value);

    bool notModified = false;
    if (request.method == "GET" && reply.status == 200) {
        const QByteArray etag =
            '"' + QCryptographicHash::hash(reply.body, QCryptographicHash::Sha256).toHex() + '"';
        response.setHeader("ETag", etag);
        const QByteArray ifNoneMatch = request.header("If-None-Match");
        if (!ifNoneMatch.isEmpty() && matchesEtag(ifNoneMatch, etag)) {
            notModified = true;
            response.status = 304;
            response.body.clear();
            response.headers.removeIf([](const auto &header) {
                return header.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
            });
        }
    }
    // Conditional hits and /rate_limit are free, as on GitHub; everything else counts.
    if (!notModified && !free && reply.status != 403)
        m_rateRemaining = qMax(0, m_rateRemaining - 1);
    response.setHeader("x-ratelimit-limit", QByteArray::number(m_rateLimit));
    response.setHeader("x-ratelimit-remaining", QByteArray::number(m_rateRemaining));
    response.setHeader("x-ratelimit-used", QByteArray::number(m_rateLimit - m_rateRemaining));
    response.setHeader("x-ratelimit-reset", QByteArray::number(m_rateReset.toSecsSinceEpoch()));
    response.setHeader("x-ratelimit-resource", "core");
    return response;
}

// ---- routing

DemoGitHubBackend::Reply DemoGitHubBackend::route(const HttpRequest &request,
                                                  const QString &apiBase,
                                                  const QStringList &segments)
{
    const bool get = request.method == "GET";
    if (segments == QStringList{u"rate_limit"_s} && get) {
        const qint64 reset = m_rateReset.toSecsSinceEpoch();
        auto bucket = [&](int limit, int remaining) {
            return QJsonObject{{u"limit"_s, limit},
                               {u"used"_s, limit - remaining},
                               {u"remaining"_s, remaining},
                               {u"reset"_s, reset}};
        };
        const QJsonObject core = bucket(m_rateLimit, m_rateRemaining);
        return jsonReply(
            QJsonObject{{u"resources"_s, QJsonObject{{u"core"_s, core},
                                                     {u"search"_s, bucket(30, 30)},
                                                     {u"graphql"_s, bucket(5000, 5000)}}},
                        {u"rate"_s, core}});
    }
    if (segments == QStringList{u"user"_s} && get) {
        QJsonObject user = W::toJson(m_data.viewer);
        user.insert(u"name"_s, u"Ayla (demo maintainer)"_s);
        user.insert(u"company"_s, QJsonValue::Null);
        user.insert(u"public_repos"_s, 12);
        return jsonReply(user);
    }
    if (segments == QStringList{u"search"_s, u"issues"_s} && get)
        return searchIssues(request, apiBase);
    if (segments.size() >= 3 && segments[0] == "repos"_L1) {
        if (segments[1].compare(m_data.owner, Qt::CaseInsensitive) != 0 ||
            segments[2].compare(m_data.name, Qt::CaseInsensitive) != 0)
            return notFound();
        return routeRepository(request, apiBase, segments.mid(3));
    }
    return notFound();
}

DemoGitHubBackend::Reply DemoGitHubBackend::routeRepository(const HttpRequest &request,
                                                            const QString &apiBase,
                                                            const QStringList &rest)
{
    const QByteArray method = request.method;
    const bool get = method == "GET";
    const QString repo = m_data.fullName();
    const qsizetype n = rest.size();
    auto is = [&](qsizetype index, const char *text) {
        return index < n && rest[index] == QLatin1String(text);
    };
    auto number = [&](qsizetype index) {
        bool ok = false;
        const int value = index < n ? rest[index].toInt(&ok) : 0;
        return ok ? value : -1;
    };
    auto id64 = [&](qsizetype index) {
        bool ok = false;
        const qint64 value = index < n ? rest[index].toLongLong(&ok) : 0;
        return ok ? value : qint64(-1);
    };

    if (n == 0 && get) {
        int open = 0;
        for (const Issue &issue : std::as_const(m_data.issues))
            open += issue.isOpen();
        for (const PullRequest &pull : std::as_const(m_data.pullRequests))
            open += pull.isOpen();
        const QString web = webBaseOf(apiBase);
        return jsonReply(QJsonObject{
            {u"id"_s, m_data.repositoryId},
            {u"node_id"_s,
             QString::fromLatin1(
                 ("010:Repository" + QByteArray::number(m_data.repositoryId)).toBase64())},
            {u"name"_s, m_data.name},
            {u"full_name"_s, repo},
            {u"private"_s, false},
            {u"owner"_s, QJsonObject{{u"login"_s, m_data.owner},
                                     {u"id"_s, 1},
                                     {u"type"_s, u"Organization"_s},
                                     {u"avatar_url"_s, web + u'/' + m_data.owner + ".png"_L1},
                                     {u"html_url"_s, web + u'/' + m_data.owner},
                                     {u"url"_s, apiBase + "/users/"_L1 + m_data.owner},
                                     {u"site_admin"_s, false}}},
            {u"html_url"_s, web + u'/' + repo},
            {u"description"_s, m_data.description},
            {u"fork"_s, false},
            {u"url"_s, apiBase + "/repos/"_L1 + repo},
            {u"default_branch"_s, m_data.defaultBranch},
            {u"open_issues_count"_s, open},
            {u"has_issues"_s, true},
            {u"visibility"_s, u"public"_s},
            {u"stargazers_count"_s, 2900},
            {u"forks_count"_s, 390},
            {u"created_at"_s, toIsoString(m_data.now.addDays(-1600))},
            {u"updated_at"_s, toIsoString(m_data.now)},
            {u"pushed_at"_s, toIsoString(m_data.now)},
            {u"permissions"_s, QJsonObject{{u"admin"_s, false},
                                           {u"maintain"_s, true},
                                           {u"push"_s, true},
                                           {u"triage"_s, true},
                                           {u"pull"_s, true}}},
        });
    }

    // ---- issues
    if (is(0, "issues")) {
        if (n == 1) {
            if (get)
                return listIssues(request, apiBase);
            return notFound();
        }
        if (is(1, "comments") && n == 2 && get)
            return listComments(request, apiBase, 0);
        if (is(1, "events") && n == 2 && get)
            return listEvents(request, apiBase, 0);
        const int issueNumber = number(1);
        if (issueNumber <= 0)
            return notFound();
        if (!findItem(issueNumber))
            return notFound();
        if (n == 2) {
            if (get)
                return jsonReply(W::toJson(*findItem(issueNumber), apiBase, repo));
            if (method == "PATCH")
                return editIssue(request, apiBase, issueNumber);
            return notFound();
        }
        if (is(2, "comments") && n == 3) {
            if (get)
                return listComments(request, apiBase, issueNumber);
            if (method == "POST")
                return createComment(request, apiBase, issueNumber);
            return notFound();
        }
        if (is(2, "events") && n == 3 && get)
            return listEvents(request, apiBase, issueNumber);
        if (is(2, "labels") && n == 3) {
            if (get) {
                const QList<Label> labels = findItem(issueNumber)->labels;
                return pagedArray(request, labels, [&](const Label &label) {
                    QJsonObject object = W::toJson(label);
                    object.insert(u"url"_s,
                                  apiBase + "/repos/"_L1 + repo + "/labels/"_L1 +
                                      QString::fromLatin1(QUrl::toPercentEncoding(label.name)));
                    return object;
                });
            }
            if (method == "POST" || method == "PUT")
                return addIssueLabels(request, apiBase, issueNumber, method == "PUT");
            if (method == "DELETE") {
                Issue *item = findItem(issueNumber);
                for (const Label &label : std::as_const(item->labels))
                    recordEvent(issueNumber, u"unlabeled"_s, label.name);
                item->labels.clear();
                touch(*item, nowSeconds());
                return Reply{204, {}, {}};
            }
            return notFound();
        }
        if (is(2, "labels") && n == 4 && method == "DELETE")
            return removeIssueLabel(apiBase, issueNumber, rest[3]);
        return notFound();
    }

    // ---- pulls
    if (is(0, "pulls")) {
        if (n == 1 && get)
            return listPulls(request, apiBase);
        const int pullNumber = number(1);
        if (n == 2 && get) {
            for (const PullRequest &pull : std::as_const(m_data.pullRequests))
                if (pull.number == pullNumber)
                    return jsonReply(W::toJson(pull, apiBase, repo));
        }
        return notFound();
    }

    // ---- contents (the workflow files, so a dispatch form can read their inputs)
    if (is(0, "contents") && n >= 2 && get) {
        const QString path = rest.mid(1).join(u'/');
        for (const Workflow &workflow : std::as_const(m_data.workflows))
            if (workflow.path == path) {
                const QByteArray text = workflowFile(workflow);
                return jsonReply(QJsonObject{
                    {u"type"_s, u"file"_s},
                    {u"encoding"_s, u"base64"_s},
                    {u"size"_s, text.size()},
                    {u"name"_s, path.section(u'/', -1)},
                    {u"path"_s, path},
                    {u"sha"_s,
                     QString::fromLatin1(
                         QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex())},
                    {u"content"_s, QString::fromLatin1(text.toBase64(QByteArray::Base64Encoding))},
                });
            }
    }

    // ---- repository contents: files a test placed with setRepositoryFile(), then the demo's
    // own (the issue templates)
    if (is(0, "contents") && get && n >= 2 && m_files.contains(rest.mid(1).join(u'/')))
        return getContents(request, apiBase, rest.mid(1).join(u'/'));
    if (is(0, "contents") && get) {
        const QString path = rest.mid(1).join(u'/');
        const QString web = webBaseOf(apiBase) + u'/' + repo;
        auto entryJson = [&](const QString &filePath, const QByteArray *content) {
            const QByteArray sha = QCryptographicHash::hash(content ? *content : filePath.toUtf8(),
                                                            QCryptographicHash::Sha1)
                                       .toHex();
            const QString name = filePath.section(u'/', -1);
            const QString url = apiBase + "/repos/"_L1 + repo + "/contents/"_L1 + filePath;
            QJsonObject object{
                {u"name"_s, name},
                {u"path"_s, filePath},
                {u"sha"_s, QString::fromLatin1(sha)},
                {u"size"_s, content ? int(content->size()) : 0},
                {u"url"_s, url + "?ref="_L1 + m_data.defaultBranch},
                {u"html_url"_s, web + (content ? "/blob/"_L1 : "/tree/"_L1) + m_data.defaultBranch +
                                    u'/' + filePath},
                {u"download_url"_s,
                 content ? QJsonValue(u"https://raw.githubusercontent.com/"_s + repo + u'/' +
                                      m_data.defaultBranch + u'/' + filePath)
                         : QJsonValue(QJsonValue::Null)},
                {u"type"_s, content ? u"file"_s : u"dir"_s},
            };
            return object;
        };
        const QMap<QString, QByteArray> &files = DemoRepositoryFiles::files();
        const auto file = files.constFind(path);
        if (file != files.cend()) {
            QJsonObject object = entryJson(path, &*file);
            // GitHub wraps the Base64 text at 60 characters.
            const QByteArray base64 = file->toBase64();
            QByteArray wrapped;
            for (qsizetype i = 0; i < base64.size(); i += 60)
                wrapped += base64.mid(i, 60) + '\n';
            object.insert(u"content"_s, QString::fromLatin1(wrapped));
            object.insert(u"encoding"_s, u"base64"_s);
            return jsonReply(object);
        }
        QJsonArray listing;
        QStringList folders;
        const QString prefix = path.isEmpty() ? QString() : path + u'/';
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (!it.key().startsWith(prefix))
                continue;
            const QString rest = it.key().mid(prefix.size());
            if (rest.contains(u'/')) {
                const QString folder = prefix + rest.section(u'/', 0, 0);
                if (!folders.contains(folder)) {
                    folders.append(folder);
                    listing.append(entryJson(folder, nullptr));
                }
                continue;
            }
            listing.append(entryJson(it.key(), &it.value()));
        }
        if (listing.isEmpty())
            return notFound();
        return jsonReply(listing);
    }

    // ---- labels, milestones, collaborators
    auto labelJson = [&](const Label &label) {
        QJsonObject object = W::toJson(label);
        object.insert(u"url"_s, apiBase + "/repos/"_L1 + repo + "/labels/"_L1 +
                                    QString::fromLatin1(QUrl::toPercentEncoding(label.name)));
        return object;
    };
    if (is(0, "labels")) {
        if (n == 1 && get)
            return pagedArray(request, m_data.labels, labelJson);
        if (n == 1 && method == "POST")
            return createLabel(request, apiBase);
        if (n == 2) {
            const int index = labelIndex(rest[1]);
            if (index < 0)
                return notFound();
            if (get)
                return jsonReply(labelJson(m_data.labels[index]));
            if (method == "PATCH")
                return editLabel(request, apiBase, rest[1]);
            if (method == "DELETE")
                return deleteLabel(rest[1]);
        }
        return notFound();
    }
    if (is(0, "milestones") && n == 1 && get) {
        const QString state = request.queryValue(u"state"_s);
        QList<Milestone> milestones;
        for (const Milestone &milestone : std::as_const(m_data.milestones))
            if (state == "all"_L1 || (state == "closed"_L1 ? !milestone.open : milestone.open))
                milestones.append(milestone);
        return pagedArray(request, milestones, [&](const Milestone &milestone) {
            QJsonObject object = W::toJson(milestone);
            const QString url = apiBase + "/repos/"_L1 + repo + "/milestones/"_L1 +
                                QString::number(milestone.number);
            object.insert(u"url"_s, url);
            object.insert(u"labels_url"_s, url + "/labels"_L1);
            object.insert(u"html_url"_s, webBaseOf(apiBase) + u'/' + repo + "/milestone/"_L1 +
                                             QString::number(milestone.number));
            return object;
        });
    }
    if (is(0, "collaborators") && n == 1 && get) {
        return pagedArray(request, m_data.maintainers, [&](const User &user) {
            QJsonObject object = W::toJson(user);
            const bool admin = user.login == m_data.maintainers.first().login;
            object.insert(u"permissions"_s, QJsonObject{{u"pull"_s, true},
                                                        {u"triage"_s, true},
                                                        {u"push"_s, true},
                                                        {u"maintain"_s, true},
                                                        {u"admin"_s, admin}});
            object.insert(u"role_name"_s, admin ? u"admin"_s : u"maintain"_s);
            return object;
        });
    }

    // ---- git data: commits, compare, tags, contents
    if (is(0, "commits") && n == 1 && get)
        return listCommits(request, apiBase);
    if (is(0, "compare") && n >= 2 && get)
        return compareCommits(request, apiBase, rest.mid(1).join(u'/'));
    if (is(0, "git") && is(1, "ref") && is(2, "tags") && n >= 4 && get)
        return getTagRef(apiBase, rest.mid(3).join(u'/'));

    // ---- releases
    if (is(0, "releases")) {
        auto releaseJson = [&](const Release &release) {
            return W::toJson(release, apiBase, repo);
        };
        if (n == 1 && get)
            return listReleases(request, apiBase);
        if (n == 1 && method == "POST")
            return createRelease(request, apiBase);
        if (n == 2 && is(1, "latest") && get) {
            const Release *latest = nullptr;
            for (const Release &release : std::as_const(m_data.releases))
                if (!release.draft && !release.prerelease &&
                    (!latest || release.publishedAt > latest->publishedAt))
                    latest = &release;
            return latest ? jsonReply(releaseJson(*latest)) : notFound();
        }
        if (n == 3 && is(1, "tags") && get) {
            for (const Release &release : std::as_const(m_data.releases))
                if (!release.draft && release.tagName == rest[2])
                    return jsonReply(releaseJson(release));
            return notFound();
        }
        if (n == 2) {
            const qint64 id = id64(1);
            for (const Release &release : std::as_const(m_data.releases)) {
                if (release.id != id)
                    continue;
                if (get)
                    return jsonReply(releaseJson(release));
                if (method == "PATCH")
                    return editRelease(request, apiBase, id);
            }
        }
        return notFound();
    }

    // ---- actions
    if (is(0, "actions")) {
        if (is(1, "workflows")) {
            if (n == 2 && get)
                return pagedObject(request, u"workflows"_s, m_data.workflows,
                                   [&](const Workflow &w) { return W::toJson(w, apiBase, repo); });
            if (n >= 3) {
                // By id or by file name, as GitHub accepts both.
                const Workflow *workflow = nullptr;
                for (const Workflow &candidate : std::as_const(m_data.workflows))
                    if (QString::number(candidate.id) == rest[2] ||
                        candidate.path.section(u'/', -1) == rest[2])
                        workflow = &candidate;
                if (!workflow)
                    return notFound();
                if (n == 3 && get)
                    return jsonReply(W::toJson(*workflow, apiBase, repo));
                if (n == 4 && is(3, "runs") && get)
                    return listRuns(request, apiBase, workflow->id);
                if (n == 4 && is(3, "dispatches") && method == "POST")
                    return dispatchWorkflow(request, *workflow);
            }
            return notFound();
        }
        if (is(1, "runs")) {
            if (n == 2 && get)
                return listRuns(request, apiBase, 0);
            const qint64 runId = id64(2);
            const QList<WorkflowRun> runs = currentRuns();
            const WorkflowRun *run = nullptr;
            for (const WorkflowRun &candidate : runs)
                if (candidate.id == runId)
                    run = &candidate;
            if (!run)
                return notFound();
            if (n == 3 && get)
                return jsonReply(W::toJson(*run, apiBase, repo));
            if (n == 4 && is(3, "jobs") && get)
                return listJobs(request, apiBase, runId, 0);
            if (n == 4 && is(3, "cancel") && method == "POST")
                return cancelRun(*run);
            if (n == 4 && is(3, "rerun-failed-jobs") && method == "POST")
                return rerunFailedJobs(*run);
            if (n == 4 && is(3, "pending_deployments")) {
                if (get)
                    return listPendingDeployments(*run, apiBase);
                if (method == "POST")
                    return reviewPendingDeployments(request, *run, apiBase);
            }
            if (n >= 5 && is(3, "attempts")) {
                const int attempt = number(4);
                if (attempt < 1 || attempt > run->runAttempt)
                    return notFound();
                if (n == 5 && get) {
                    if (attempt == run->runAttempt)
                        return jsonReply(W::toJson(*run, apiBase, repo));
                    for (const WorkflowRun &earlier : std::as_const(m_data.earlierAttempts))
                        if (earlier.id == runId && earlier.runAttempt == attempt)
                            return jsonReply(W::toJson(earlier, apiBase, repo));
                    return notFound();
                }
                if (n == 6 && is(5, "jobs") && get)
                    return listJobs(request, apiBase, runId, attempt);
            }
            return notFound();
        }
        if (is(1, "jobs") && n == 3 && get) {
            const qint64 jobId = id64(2);
            for (const WorkflowJob &job : std::as_const(m_data.jobs))
                if (job.id == jobId && !liveRun(job.runId))
                    return jsonReply(W::toJson(job, apiBase, repo));
            for (const DemoLiveRun &live : std::as_const(m_live))
                for (const WorkflowJob &job : live.jobs(m_clock->now()))
                    if (job.id == jobId)
                        return jsonReply(W::toJson(job, apiBase, repo));
            return notFound();
        }
    }
    return notFound();
}

// ---- reads

DemoGitHubBackend::Reply DemoGitHubBackend::listIssues(const HttpRequest &request,
                                                       const QString &apiBase)
{
    const QString state =
        request.queryValue(u"state"_s).isEmpty() ? u"open"_s : request.queryValue(u"state"_s);
    if (state != "open"_L1 && state != "closed"_L1 && state != "all"_L1)
        return validationFailed(u"Issue"_s, u"state"_s, u"invalid"_s);
    QStringList labels;
    for (const QString &name : request.queryValue(u"labels"_s).split(u','))
        if (!name.trimmed().isEmpty())
            labels.append(name.trimmed());
    QDateTime since;
    if (const QString text = request.queryValue(u"since"_s); !text.isEmpty()) {
        since = parseIsoDateTime(text);
        if (!since.isValid())
            return validationFailed(u"Issue"_s, u"since"_s, u"invalid"_s);
    }
    const QString creator = request.queryValue(u"creator"_s);
    const QString assignee = request.queryValue(u"assignee"_s);
    const QString sort = request.queryValue(u"sort"_s);
    const bool ascending = request.queryValue(u"direction"_s) == "asc"_L1;

    QList<const Issue *> items;
    auto consider = [&](const Issue &item) {
        if (state != "all"_L1 && item.isOpen() != (state == "open"_L1))
            return;
        for (const QString &name : std::as_const(labels))
            if (!item.hasLabel(name))
                return;
        if (since.isValid() && item.updatedAt < since)
            return;
        if (!creator.isEmpty() && item.author.login.compare(creator, Qt::CaseInsensitive) != 0)
            return;
        if (assignee == "none"_L1 && !item.assignees.isEmpty())
            return;
        if (assignee == "*"_L1 && item.assignees.isEmpty())
            return;
        if (!assignee.isEmpty() && assignee != "none"_L1 && assignee != "*"_L1 &&
            std::none_of(item.assignees.begin(), item.assignees.end(),
                         [&](const User &user) { return user.login == assignee; }))
            return;
        items.append(&item);
    };
    for (const Issue &issue : std::as_const(m_data.issues))
        consider(issue);
    for (const PullRequest &pull : std::as_const(m_data.pullRequests))
        consider(pull);

    auto key = [&](const Issue *item) -> qint64 {
        if (sort == "updated"_L1)
            return item->updatedAt.toMSecsSinceEpoch();
        if (sort == "comments"_L1)
            return item->commentCount;
        return item->createdAt.toMSecsSinceEpoch();
    };
    std::sort(items.begin(), items.end(), [&](const Issue *a, const Issue *b) {
        const qint64 ka = key(a);
        const qint64 kb = key(b);
        if (ka != kb)
            return ascending ? ka < kb : ka > kb;
        return ascending ? a->number < b->number : a->number > b->number;
    });

    const QString repo = m_data.fullName();
    QHash<int, bool> drafts;
    for (const PullRequest &pull : std::as_const(m_data.pullRequests))
        drafts.insert(pull.number, pull.draft);
    return pagedArray(request, items, [&](const Issue *item) {
        QJsonObject object = W::toJson(*item, apiBase, repo);
        if (item->isPullRequest)
            object.insert(u"draft"_s, drafts.value(item->number));
        return object;
    });
}

DemoGitHubBackend::Reply DemoGitHubBackend::listComments(const HttpRequest &request,
                                                         const QString &apiBase, int issueNumber)
{
    QDateTime since;
    if (const QString text = request.queryValue(u"since"_s); !text.isEmpty()) {
        since = parseIsoDateTime(text);
        if (!since.isValid())
            return validationFailed(u"IssueComment"_s, u"since"_s, u"invalid"_s);
    }
    QList<const Comment *> comments;
    for (const Comment &comment : std::as_const(m_data.comments)) {
        if (issueNumber > 0 && comment.issueNumber != issueNumber)
            continue;
        if (since.isValid() && comment.updatedAt < since)
            continue;
        comments.append(&comment);
    }
    const bool byUpdated = request.queryValue(u"sort"_s) == "updated"_L1;
    const bool descending = request.queryValue(u"direction"_s) == "desc"_L1;
    std::stable_sort(comments.begin(), comments.end(), [&](const Comment *a, const Comment *b) {
        const QDateTime ka = byUpdated ? a->updatedAt : a->createdAt;
        const QDateTime kb = byUpdated ? b->updatedAt : b->createdAt;
        if (ka != kb)
            return descending ? ka > kb : ka < kb;
        return descending ? a->id > b->id : a->id < b->id;
    });
    const QString repo = m_data.fullName();
    return pagedArray(request, comments,
                      [&](const Comment *comment) { return W::toJson(*comment, apiBase, repo); });
}

DemoGitHubBackend::Reply DemoGitHubBackend::listEvents(const HttpRequest &request,
                                                       const QString &apiBase, int issueNumber)
{
    // Newest first for the repository, oldest first for one issue, as GitHub lists them.
    QList<const DemoIssueEvent *> events;
    for (const DemoIssueEvent &event : std::as_const(m_data.events))
        if (issueNumber == 0 || event.issueNumber == issueNumber)
            events.append(&event);
    if (issueNumber == 0)
        std::reverse(events.begin(), events.end());
    const QString repo = m_data.fullName();
    return pagedArray(request, events, [&](const DemoIssueEvent *event) {
        QJsonObject object{
            {u"id"_s, event->id},
            {u"node_id"_s,
             QString::fromLatin1(("017:IssueEvent" + QByteArray::number(event->id)).toBase64())},
            {u"url"_s,
             apiBase + "/repos/"_L1 + repo + "/issues/events/"_L1 + QString::number(event->id)},
            {u"actor"_s, W::toJson(event->actor)},
            {u"event"_s, event->event},
            {u"commit_id"_s, QJsonValue::Null},
            {u"commit_url"_s, QJsonValue::Null},
            {u"created_at"_s, toIsoString(event->createdAt)},
            {u"performed_via_github_app"_s, QJsonValue::Null},
        };
        if (!event->labelName.isEmpty())
            object.insert(u"label"_s, QJsonObject{{u"name"_s, event->labelName},
                                                  {u"color"_s, event->labelColor}});
        if (event->event == "closed"_L1 || event->event == "reopened"_L1)
            object.insert(u"state_reason"_s, event->stateReason.isEmpty()
                                                 ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(event->stateReason));
        if (issueNumber == 0)
            if (const Issue *item = findItem(event->issueNumber))
                object.insert(u"issue"_s, W::toJson(*item, apiBase, repo));
        return object;
    });
}

DemoGitHubBackend::Reply DemoGitHubBackend::listPulls(const HttpRequest &request,
                                                      const QString &apiBase)
{
    const QString state =
        request.queryValue(u"state"_s).isEmpty() ? u"open"_s : request.queryValue(u"state"_s);
    const QString base = request.queryValue(u"base"_s);
    const bool byUpdated = request.queryValue(u"sort"_s) == "updated"_L1;
    const bool ascending = request.queryValue(u"direction"_s) == "asc"_L1;
    QList<const PullRequest *> pulls;
    for (const PullRequest &pull : std::as_const(m_data.pullRequests)) {
        if (state != "all"_L1 && pull.isOpen() != (state == "open"_L1))
            continue;
        if (!base.isEmpty() && pull.baseRef != base)
            continue;
        pulls.append(&pull);
    }
    std::sort(pulls.begin(), pulls.end(), [&](const PullRequest *a, const PullRequest *b) {
        const QDateTime ka = byUpdated ? a->updatedAt : a->createdAt;
        const QDateTime kb = byUpdated ? b->updatedAt : b->createdAt;
        if (ka != kb)
            return ascending ? ka < kb : ka > kb;
        return ascending ? a->number < b->number : a->number > b->number;
    });
    const QString repo = m_data.fullName();
    return pagedArray(request, pulls, [&](const PullRequest *pull) {
        // The list carries the pull-request-simple shape: no counts, no merge state.
        QJsonObject object = W::toJson(*pull, apiBase, repo);
        for (const char *key : {"additions", "deletions", "changed_files", "commits", "comments",
                                "review_comments", "merged", "mergeable", "rebaseable",
                                "mergeable_state", "merged_by", "maintainer_can_modify"})
            object.remove(QLatin1String(key));
        return object;
    });
}

DemoGitHubBackend::Reply DemoGitHubBackend::listReleases(const HttpRequest &request,
                                                         const QString &apiBase)
{
    QList<Release> releases = m_data.releases;
    std::stable_sort(releases.begin(), releases.end(),
                     [](const Release &a, const Release &b) { return a.createdAt > b.createdAt; });
    const QString repo = m_data.fullName();
    return pagedArray(request, releases,
                      [&](const Release &release) { return W::toJson(release, apiBase, repo); });
}

QList<WorkflowRun> DemoGitHubBackend::currentRuns() const
{
    QList<WorkflowRun> runs = m_data.runs;
    const QDateTime now = m_clock->now();
    for (WorkflowRun &run : runs)
        if (const DemoLiveRun *live = liveRun(run.id))
            run = live->run(now);
    std::stable_sort(runs.begin(), runs.end(), [](const WorkflowRun &a, const WorkflowRun &b) {
        return a.createdAt > b.createdAt;
    });
    return runs;
}

QList<WorkflowJob> DemoGitHubBackend::currentJobs(qint64 runId) const
{
    if (const DemoLiveRun *live = liveRun(runId)) {
        QList<WorkflowJob> jobs;
        const WorkflowRun run = live->run(m_clock->now());
        if (run.runAttempt > 1)
            for (const WorkflowJob &job : std::as_const(m_data.jobs))
                if (job.runId == runId && job.runAttempt < run.runAttempt)
                    jobs.append(job);
        return jobs + live->jobs(m_clock->now());
    }
    QList<WorkflowJob> jobs;
    for (const WorkflowJob &job : std::as_const(m_data.jobs))
        if (job.runId == runId)
            jobs.append(job);
    return jobs;
}

DemoGitHubBackend::Reply DemoGitHubBackend::listRuns(const HttpRequest &request,
                                                     const QString &apiBase, qint64 workflowId)
{
    const QString status = request.queryValue(u"status"_s);
    const QString branch = request.queryValue(u"branch"_s);
    const QString event = request.queryValue(u"event"_s);
    const QString actor = request.queryValue(u"actor"_s);
    QList<WorkflowRun> runs;
    for (const WorkflowRun &run : currentRuns()) {
        if (workflowId != 0 && run.workflowId != workflowId)
            continue;
        // `status` takes a status or a conclusion, as on GitHub.
        if (!status.isEmpty() && toString(run.status) != status &&
            toString(run.conclusion) != status)
            continue;
        if (!branch.isEmpty() && run.headBranch != branch)
            continue;
        if (!event.isEmpty() && run.event != event)
            continue;
        if (!actor.isEmpty() && run.actor.login != actor)
            continue;
        runs.append(run);
    }
    const QString repo = m_data.fullName();
    return pagedObject(request, u"workflow_runs"_s, runs,
                       [&](const WorkflowRun &run) { return W::toJson(run, apiBase, repo); });
}

DemoGitHubBackend::Reply DemoGitHubBackend::listJobs(const HttpRequest &request,
                                                     const QString &apiBase, qint64 runId,
                                                     int attempt)
{
    const QList<WorkflowJob> all = currentJobs(runId);
    QList<WorkflowJob> jobs;
    const QString filter = request.queryValue(u"filter"_s);
    if (attempt == 0 && filter == "all"_L1) {
        jobs = all;
    } else {
        // The latest attempt of every job (as of `attempt` when given): a re-run lists the jobs
        // it ran again next to the ones it kept.
        QHash<QString, qsizetype> byName;
        for (const WorkflowJob &job : all) {
            if (attempt > 0 && job.runAttempt > attempt)
                continue;
            const auto found = byName.constFind(job.name);
            if (found == byName.cend()) {
                byName.insert(job.name, jobs.size());
                jobs.append(job);
            } else if (jobs[*found].runAttempt < job.runAttempt) {
                jobs[*found] = job;
            }
        }
    }
    const QString repo = m_data.fullName();
    return pagedObject(request, u"jobs"_s, jobs,
                       [&](const WorkflowJob &job) { return W::toJson(job, apiBase, repo); });
}

DemoGitHubBackend::Reply DemoGitHubBackend::listPendingDeployments(const WorkflowRun &run,
                                                                   const QString &apiBase)
{
    QJsonArray pending;
    const DemoLiveRun *live = liveRun(run.id);
    if (!live || !live->isWaiting(m_clock->now()))
        return jsonReply(pending);
    const DemoEnvironment &environment = m_data.releaseEnvironment;
    const QString repo = m_data.fullName();
    // The maintainers review releases; the viewer is one of them, so may approve.
    QJsonArray reviewers;
    for (const User &user : std::as_const(m_data.maintainers))
        reviewers.append(QJsonObject{{u"type"_s, u"User"_s}, {u"reviewer"_s, W::toJson(user)}});
    pending.append(QJsonObject{
        {u"environment"_s,
         QJsonObject{
             {u"id"_s, environment.id},
             {u"node_id"_s, environment.nodeId},
             {u"name"_s, environment.name},
             {u"url"_s, apiBase + "/repos/"_L1 + repo + "/environments/"_L1 + environment.name},
             {u"html_url"_s, webBaseOf(apiBase) + u'/' + repo +
                                 "/deployments/activity_log"
                                 "?environments_filter="_L1 +
                                 environment.name},
         }},
        {u"wait_timer"_s, 0},
        {u"wait_timer_started_at"_s, toIsoString(live->waitingSince())},
        {u"current_user_can_approve"_s, true},
        {u"reviewers"_s, reviewers},
    });
    return jsonReply(pending);
}

DemoGitHubBackend::Reply DemoGitHubBackend::reviewPendingDeployments(const HttpRequest &request,
                                                                     const WorkflowRun &run,
                                                                     const QString &apiBase)
{
    const std::optional<QJsonObject> body = objectBody(request);
    if (!body)
        return badJson();
    const QJsonValue ids = body->value(u"environment_ids"_s);
    if (!ids.isArray())
        return validationFailed(u"Deployment"_s, u"environment_ids"_s, u"missing_field"_s);
    const QString state = body->value(u"state"_s).toString();
    if (state != "approved"_L1 && state != "rejected"_L1)
        return validationFailed(u"Deployment"_s, u"state"_s, u"invalid"_s);
    if (!body->value(u"comment"_s).isString())
        return validationFailed(u"Deployment"_s, u"comment"_s, u"missing_field"_s);
    const QDateTime now = m_clock->now();
    DemoLiveRun *live = nullptr;
    for (DemoLiveRun &candidate : m_live)
        if (candidate.runId() == run.id)
            live = &candidate;
    if (!live || !live->isWaiting(now))
        return messageReply(422, u"No pending deployment requests to approve or reject"_s);
    const DemoEnvironment &environment = m_data.releaseEnvironment;
    bool named = false;
    for (const QJsonValue &id : ids.toArray()) {
        if (!id.isDouble() || id.toInteger() != environment.id)
            return validationFailed(u"Deployment"_s, u"environment_ids"_s, u"invalid"_s);
        named = true;
    }
    if (!named)
        return validationFailed(u"Deployment"_s, u"environment_ids"_s, u"missing_field"_s);
    const bool approve = state == "approved"_L1;
    live->review(now, approve);
    // GitHub answers with the deployments the approval created; a rejection creates none.
    QJsonArray deployments;
    if (approve) {
        const QString repo = m_data.fullName();
        const qint64 id = ++m_nextId;
        const QString url =
            apiBase + "/repos/"_L1 + repo + "/deployments/"_L1 + QString::number(id);
        const QString at = toIsoString(nowSeconds());
        deployments.append(QJsonObject{
            {u"url"_s, url},
            {u"id"_s, id},
            {u"node_id"_s, QString::fromLatin1("DE_kwDO" + QByteArray::number(id).toBase64(
                                                               QByteArray::Base64UrlEncoding |
                                                               QByteArray::OmitTrailingEquals))},
            {u"sha"_s, run.headSha},
            {u"ref"_s, run.headBranch},
            {u"task"_s, u"deploy"_s},
            {u"payload"_s, QJsonObject()},
            {u"original_environment"_s, environment.name},
            {u"environment"_s, environment.name},
            {u"description"_s, QJsonValue::Null},
            {u"creator"_s, W::toJson(m_data.viewer)},
            {u"created_at"_s, at},
            {u"updated_at"_s, at},
            {u"statuses_url"_s, url + "/statuses"_L1},
            {u"repository_url"_s, apiBase + "/repos/"_L1 + repo},
        });
    }
    return jsonReply(deployments);
}

const DemoLiveRun *DemoGitHubBackend::liveRun(qint64 runId) const
{
    for (const DemoLiveRun &live : m_live)
        if (live.runId() == runId)
            return &live;
    return nullptr;
}

// ---- writes

Issue *DemoGitHubBackend::findItem(int number)
{
    for (Issue &issue : m_data.issues)
        if (issue.number == number)
            return &issue;
    for (PullRequest &pull : m_data.pullRequests)
        if (pull.number == number)
            return &pull;
    return nullptr;
}

const Issue *DemoGitHubBackend::findItem(int number) const
{
    return const_cast<DemoGitHubBackend *>(this)->findItem(number);
}

int DemoGitHubBackend::labelIndex(const QString &name) const
{
    for (qsizetype i = 0; i < m_data.labels.size(); ++i)
        if (m_data.labels[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    return -1;
}

QDateTime DemoGitHubBackend::nowSeconds() const
{
    return QDateTime::fromSecsSinceEpoch(m_clock->now().toSecsSinceEpoch(), Qt::UTC);
}

void DemoGitHubBackend::touch(Issue &item, const QDateTime &when)
{
    if (when > item.updatedAt)
        item.updatedAt = when;
}

void DemoGitHubBackend::recordEvent(int number, const QString &event, const QString &labelName,
                                    const QString &stateReason)
{
    DemoIssueEvent e;
    e.id = ++m_nextId;
    e.issueNumber = number;
    e.event = event;
    e.actor = m_data.viewer;
    e.createdAt = nowSeconds();
    e.labelName = labelName;
    if (const int index = labelName.isEmpty() ? -1 : labelIndex(labelName); index >= 0)
        e.labelColor = m_data.labels[index].color;
    e.stateReason = stateReason;
    m_data.events.append(e);
}

// Label names from a body: {"labels": [...]} or a bare array, of strings (or {"name": ...}
// objects, which GitHub also accepts). nullopt when the shape is wrong.
static std::optional<QStringList> labelNames(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList names;
    for (const QJsonValue &entry : value.toArray()) {
        QString name;
        if (entry.isString())
            name = entry.toString();
        else if (entry.isObject() && entry.toObject().value(u"name"_s).isString())
            name = entry.toObject().value(u"name"_s).toString();
        if (name.trimmed().isEmpty())
            return std::nullopt;
        names.append(name);
    }
    return names;
}

DemoGitHubBackend::Reply DemoGitHubBackend::addIssueLabels(const HttpRequest &request,
                                                           const QString &apiBase, int number,
                                                           bool replace)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return badJson();
    const QJsonValue value =
        document.isArray() ? QJsonValue(document.array()) : document.object().value(u"labels"_s);
    const std::optional<QStringList> names = labelNames(value);
    if (!names)
        return validationFailed(u"Label"_s, u"name"_s, u"invalid"_s);

    Issue *item = findItem(number);
    const QDateTime now = nowSeconds();
    QList<Label> labels = replace ? QList<Label>() : item->labels;
    for (const QString &name : *names) {
        int index = labelIndex(name);
        if (index < 0) {
            // GitHub creates labels it does not know yet.
            Label created;
            created.id = ++m_nextId;
            created.name = name;
            created.color = u"ededed"_s;
            m_data.labels.append(created);
            index = int(m_data.labels.size()) - 1;
        }
        const Label &label = m_data.labels[index];
        if (std::none_of(labels.begin(), labels.end(),
                         [&](const Label &l) { return l.name == label.name; }))
            labels.append(label);
    }
    for (const Label &old : std::as_const(item->labels))
        if (std::none_of(labels.begin(), labels.end(),
                         [&](const Label &l) { return l.name == old.name; }))
            recordEvent(number, u"unlabeled"_s, old.name);
    for (const Label &label : std::as_const(labels))
        if (!item->hasLabel(label.name))
            recordEvent(number, u"labeled"_s, label.name);
    item->labels = labels;
    touch(*item, now);

    const QString repo = m_data.fullName();
    QJsonArray array;
    for (const Label &label : std::as_const(item->labels)) {
        QJsonObject object = W::toJson(label);
        object.insert(u"url"_s, apiBase + "/repos/"_L1 + repo + "/labels/"_L1 +
                                    QString::fromLatin1(QUrl::toPercentEncoding(label.name)));
        array.append(object);
    }
    return jsonReply(array);
}

DemoGitHubBackend::Reply DemoGitHubBackend::removeIssueLabel(const QString &apiBase, int number,
                                                             const QString &name)
{
    Issue *item = findItem(number);
    const qsizetype before = item->labels.size();
    QString removed;
    item->labels.removeIf([&](const Label &label) {
        if (label.name.compare(name, Qt::CaseInsensitive) != 0)
            return false;
        removed = label.name;
        return true;
    });
    if (item->labels.size() == before)
        return messageReply(404, u"Label does not exist"_s);
    recordEvent(number, u"unlabeled"_s, removed);
    touch(*item, nowSeconds());
    const QString repo = m_data.fullName();
    QJsonArray array;
    for (const Label &label : std::as_const(item->labels)) {
        QJsonObject object = W::toJson(label);
        object.insert(u"url"_s, apiBase + "/repos/"_L1 + repo + "/labels/"_L1 +
                                    QString::fromLatin1(QUrl::toPercentEncoding(label.name)));
        array.append(object);
    }
    return jsonReply(array);
}

DemoGitHubBackend::Reply DemoGitHubBackend::editIssue(const HttpRequest &request,
                                                      const QString &apiBase, int number)
{
    const std::optional<QJsonObject> body = objectBody(request);
    if (!body)
        return badJson();
    const QJsonObject &b = *body;
    const QString resource = u"Issue"_s;

    // Validate everything first: a rejected request changes nothing.
    if (b.contains(u"title"_s)) {
        if (!b.value(u"title"_s).isString())
            return validationFailed(resource, u"title"_s, u"invalid"_s);
        if (b.value(u"title"_s).toString().trimmed().isEmpty())
            return validationFailed(resource, u"title"_s, u"missing_field"_s);
    }
    if (b.contains(u"body"_s) && !b.value(u"body"_s).isString() && !b.value(u"body"_s).isNull())
        return validationFailed(resource, u"body"_s, u"invalid"_s);
    const QString state = b.value(u"state"_s).toString();
    if (b.contains(u"state"_s) && state != "open"_L1 && state != "closed"_L1)
        return validationFailed(resource, u"state"_s, u"invalid"_s);
    const QJsonValue reasonValue = b.value(u"state_reason"_s);
    const QString reason = reasonValue.toString();
    if (b.contains(u"state_reason"_s) && !reasonValue.isNull() && reason != "completed"_L1 &&
        reason != "not_planned"_L1 && reason != "reopened"_L1)
        return validationFailed(resource, u"state_reason"_s, u"invalid"_s);
    std::optional<QStringList> newLabels;
    if (b.contains(u"labels"_s)) {
        newLabels = labelNames(b.value(u"labels"_s));
        if (!newLabels)
            return validationFailed(resource, u"labels"_s, u"invalid"_s);
    }
    std::optional<QList<User>> newAssignees;
    if (b.contains(u"assignees"_s)) {
        if (!b.value(u"assignees"_s).isArray())
            return validationFailed(resource, u"assignees"_s, u"invalid"_s);
        QList<User> users;
        for (const QJsonValue &entry : b.value(u"assignees"_s).toArray()) {
            if (!entry.isString())
                return validationFailed(resource, u"assignees"_s, u"invalid"_s);
            // Only people with access can be assigned; GitHub drops the others silently.
            for (const User &maintainer : std::as_const(m_data.maintainers))
                if (maintainer.login.compare(entry.toString(), Qt::CaseInsensitive) == 0)
                    users.append(maintainer);
        }
        newAssignees = users;
    }
    std::optional<std::optional<Milestone>> newMilestone;
    if (b.contains(u"milestone"_s)) {
        const QJsonValue value = b.value(u"milestone"_s);
        if (value.isNull()) {
            newMilestone = std::optional<Milestone>();
        } else {
            const int wanted = value.isString() ? value.toString().toInt() : value.toInt(-1);
            for (const Milestone &milestone : std::as_const(m_data.milestones))
                if (milestone.number == wanted)
                    newMilestone = std::optional<Milestone>(milestone);
            if (!newMilestone)
                return validationFailed(resource, u"milestone"_s, u"invalid"_s);
        }
    }

    Issue *item = findItem(number);
    const QDateTime now = nowSeconds();
    if (b.contains(u"title"_s))
        item->title = b.value(u"title"_s).toString();
    if (b.contains(u"body"_s))
        item->body = b.value(u"body"_s).toString();
    if (newAssignees)
        item->assignees = *newAssignees;
    if (newMilestone)
        item->milestone = *newMilestone;
    if (newLabels) {
        HttpRequest labelRequest;
        labelRequest.body = QJsonDocument(QJsonArray::fromStringList(*newLabels)).toJson();
        addIssueLabels(labelRequest, apiBase, number, true);
    }
    if (state == "closed"_L1 && item->isOpen()) {
        item->state = Issue::State::Closed;
        item->closedAt = now;
        item->stateReason = reason == "not_planned"_L1 ? Issue::StateReason::NotPlanned
                                                       : Issue::StateReason::Completed;
        recordEvent(number, u"closed"_s, QString(),
                    reason == "not_planned"_L1 ? u"not_planned"_s : u"completed"_s);
    } else if (state == "open"_L1 && !item->isOpen()) {
        item->state = Issue::State::Open;
        item->closedAt = QDateTime();
        item->stateReason = Issue::StateReason::Reopened;
        recordEvent(number, u"reopened"_s, QString(), u"reopened"_s);
    } else if (!item->isOpen() && b.contains(u"state_reason"_s) && !reasonValue.isNull()) {
        item->stateReason = reason == "not_planned"_L1 ? Issue::StateReason::NotPlanned
                                                       : Issue::StateReason::Completed;
    }
    touch(*item, now);
    return jsonReply(W::toJson(*item, apiBase, m_data.fullName()));
}

DemoGitHubBackend::Reply DemoGitHubBackend::createComment(const HttpRequest &request,
                                                          const QString &apiBase, int number)
{
    const std::optional<QJsonObject> body = objectBody(request);
    if (!body)
        return badJson();
    const QJsonValue text = body->value(u"body"_s);
    if (!text.isString() || text.toString().trimmed().isEmpty())
        return validationFailed(u"IssueComment"_s, u"body"_s,
                                text.isString() || text.isUndefined() ? u"missing_field"_s
                                                                      : u"invalid"_s);
    Issue *item = findItem(number);
    Comment comment;
    comment.id = ++m_nextId;
    comment.issueNumber = number;
    comment.author = m_data.viewer;
    comment.authorAssociation = AuthorAssociation::Member;
    comment.body = text.toString();
    comment.createdAt = nowSeconds();
    comment.updatedAt = comment.createdAt;
    comment.htmlUrl = item->htmlUrl + "#issuecomment-"_L1 + QString::number(comment.id);
    m_data.comments.append(comment);
    item->commentCount += 1;
    touch(*item, comment.createdAt);
    return jsonReply(W::toJson(comment, apiBase, m_data.fullName()), 201);
}

DemoGitHubBackend::Reply DemoGitHubBackend::createLabel(const HttpRequest &request,
                                                        const QString &apiBase)
{
    const std::optional<QJsonObject> body = objectBody(request);
    if (!body)
        return badJson();
    const QJsonValue name = body->value(u"name"_s);
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return validationFailed(u"Label"_s, u"name"_s, u"missing_field"_s);
    QString color = body->value(u"color"_s).toString(u"ededed"_s);
    if (color.startsWith(u'#'))
        color = color.mid(1);
    if (!isValidColor(color))
        return validationFailed(u"Label"_s, u"color"_s, u"invalid"_s);
    if (labelIndex(name.toString()) >= 0)
        return validationFailed(u"Label"_s, u"name"_s, u"already_exists"_s);
    Label label;
    label.id = ++m_nextId;
    label.name = name.toString();
    label.color = color.toLower();
    label.description = body->value(u"description"_s).toString();
    m_data.labels.append(label);
    QJsonObject object = W::toJson(label);
    object.insert(u"url"_s, apiBase + "/repos/"_L1 + m_data.fullName() + "/labels/"_L1 +
                                QString::fromLatin1(QUrl::toPercentEncoding(label.name)));
    return jsonReply(object, 201);
}

DemoGitHubBackend::Reply DemoGitHubBackend::editLabel(const HttpRequest &request,
                                                      const QString &apiBase, const QString &name)
{
    const std::optional<QJsonObject> body = objectBody(request);
    if (!body)
        return badJson();
    const int index = labelIndex(name);
    Label label = m_data.labels[index];
    const QString oldName = label.name;
    if (body->contains(u"new_name"_s)) {
        const QJsonValue newName = body->value(u"new_name"_s);
        if (!newName.isString() || newName.toString().trimmed().isEmpty())
            return validationFailed(u"Label"_s, u"name"_s, u"invalid"_s);
        const int clash = labelIndex(newName.toString());
        if (clash >= 0 && clash != index)
            return validationFailed(u"Label"_s, u"name"_s, u"already_exists"_s);
        label.name = newName.toString();
    }
    if (body->contains(u"color"_s)) {
        QString color = body->value(u"color"_s).toString();
        if (color.startsWith(u'#'))
            color = color.mid(1);
        if (!isValidColor(color))
            return validationFailed(u"Label"_s, u"color"_s, u"invalid"_s);
        label.color = color.toLower();
    }
    if (body->contains(u"description"_s)) {
        const QJsonValue description = body->value(u"description"_s);
        if (!description.isString() && !description.isNull())
            return validationFailed(u"Label"_s, u"description"_s, u"invalid"_s);
        label.description = description.toString();
    }
    m_data.labels[index] = label;
    // Issues carry copies of their labels; keep them in step, as GitHub shows them.
    auto update = [&](Issue &item) {
        for (Label &l : item.labels)
            if (l.name == oldName)
                l = label;
    };
    for (Issue &issue : m_data.issues)
        update(issue);
    for (PullRequest &pull : m_data.pullRequests)
        update(pull);
    QJsonObject object = W::toJson(label);
    object.insert(u"url"_s, apiBase + "/repos/"_L1 + m_data.fullName() + "/labels/"_L1 +
                                QString::fromLatin1(QUrl::toPercentEncoding(label.name)));
    return jsonReply(object);
}

DemoGitHubBackend::Reply DemoGitHubBackend::deleteLabel(const QString &name)
{
    const int index = labelIndex(name);
    const QString removed = m_data.labels[index].name;
    m_data.labels.removeAt(index);
    // GitHub takes a deleted label off every issue and pull request that carried it.
    auto strip = [&](Issue &item) {
        item.labels.removeIf([&](const Label &label) { return label.name == removed; });
    };
    for (Issue &issue : m_data.issues)
        strip(issue);
    for (PullRequest &pull : m_data.pullRequests)
        strip(pull);
    Reply reply;
    reply.status = 204;
    return reply;
}

DemoGitHubBackend::Reply DemoGitHubBackend::createRelease(const HttpRequest &request,
                                                          const QString &apiBase)
{
    const std::optional<QJsonObject> body = objectBody(request);
    if (!body)
        return badJson();
    const QJsonObject &b = *body;
    const QJsonValue tag = b.value(u"tag_name"_s);
    if (!tag.isString() || tag.toString().trimmed().isEmpty())
        return validationFailed(u"Release"_s, u"tag_name"_s, u"missing_field"_s);
    for (const char *key : {"name", "body", "target_commitish"})
        if (b.contains(QLatin1String(key)) && !b.value(QLatin1String(key)).isString() &&
            !b.value(QLatin1String(key)).isNull())
            return validationFailed(u"Release"_s, QLatin1String(key), u"invalid"_s);
    for (const char *key : {"draft", "prerelease"})
        if (b.contains(QLatin1String(key)) && !b.value(QLatin1String(key)).isBool())
            return validationFailed(u"Release"_s, QLatin1String(key), u"invalid"_s);
    const bool draft = b.value(u"draft"_s).toBool(false);
    for (const Release &existing : std::as_const(m_data.releases))
        if (!existing.draft && !draft && existing.tagName == tag.toString())
            return validationFailed(u"Release"_s, u"tag_name"_s, u"already_exists"_s);

    Release release;
    release.id = ++m_nextId;
    release.tagName = tag.toString();
    release.name = b.value(u"name"_s).toString();
    release.body = b.value(u"body"_s).toString();
    release.targetCommitish = b.value(u"target_commitish"_s).toString(m_data.defaultBranch);
    release.draft = draft;
    release.prerelease = b.value(u"prerelease"_s).toBool(false);
    release.author = m_data.viewer;
    release.createdAt = nowSeconds();
    const QString web = u"https://github.com/"_s + m_data.fullName();
    if (draft) {
        release.htmlUrl =
            web + "/releases/tag/untagged-"_L1 +
            QString::fromLatin1(
                QCryptographicHash::hash(QByteArray::number(release.id), QCryptographicHash::Sha1)
                    .toHex()
                    .left(20));
    } else {
        release.publishedAt = release.createdAt;
        release.htmlUrl = web + "/releases/tag/"_L1 + release.tagName;
    }
    m_data.releases.prepend(release);
    return jsonReply(W::toJson(release, apiBase, m_data.fullName()), 201);
}

DemoGitHubBackend::Reply DemoGitHubBackend::editRelease(const HttpRequest &request,
                                                        const QString &apiBase, qint64 id)
{
    const std::optional<QJsonObject> body = objectBody(request);
    if (!body)
        return badJson();
    const QJsonObject &b = *body;
    for (const char *key : {"tag_name", "name", "body", "target_commitish"})
        if (b.contains(QLatin1String(key)) && !b.value(QLatin1String(key)).isString() &&
            !b.value(QLatin1String(key)).isNull())
            return validationFailed(u"Release"_s, QLatin1String(key), u"invalid"_s);
    for (const char *key : {"draft", "prerelease"})
        if (b.contains(QLatin1String(key)) && !b.value(QLatin1String(key)).isBool())
            return validationFailed(u"Release"_s, QLatin1String(key), u"invalid"_s);
    Release *release = nullptr;
    for (Release &candidate : m_data.releases)
        if (candidate.id == id)
            release = &candidate;
    const QString tag =
        b.contains(u"tag_name"_s) ? b.value(u"tag_name"_s).toString() : release->tagName;
    if (tag.trimmed().isEmpty())
        return validationFailed(u"Release"_s, u"tag_name"_s, u"missing_field"_s);
    const bool draft = b.contains(u"draft"_s) ? b.value(u"draft"_s).toBool() : release->draft;
    for (const Release &other : std::as_const(m_data.releases))
        if (other.id != id && !other.draft && !draft && other.tagName == tag)
            return validationFailed(u"Release"_s, u"tag_name"_s, u"already_exists"_s);

    release->tagName = tag;
    if (b.contains(u"name"_s))
        release->name = b.value(u"name"_s).toString();
    if (b.contains(u"body"_s))
        release->body = b.value(u"body"_s).toString();
    if (b.contains(u"target_commitish"_s))
        release->targetCommitish = b.value(u"target_commitish"_s).toString();
    if (b.contains(u"prerelease"_s))
        release->prerelease = b.value(u"prerelease"_s).toBool();
    if (release->draft && !draft) {
        release->draft = false;
        release->publishedAt = nowSeconds();
    } else if (!release->draft && draft) {
        release->draft = true;
        release->publishedAt = QDateTime();
    }
    if (!release->draft)
        release->htmlUrl =
            u"https://github.com/"_s + m_data.fullName() + "/releases/tag/"_L1 + release->tagName;
    return jsonReply(W::toJson(*release, apiBase, m_data.fullName()));
}

DemoGitHubBackend::Reply DemoGitHubBackend::dispatchWorkflow(const HttpRequest &request,
                                                             const Workflow &workflow)
{
    const std::optional<QJsonObject> body = objectBody(request);
    if (!body)
        return badJson();
    const QJsonValue ref = body->value(u"ref"_s);
    if (!ref.isString() || ref.toString().trimmed().isEmpty())
        return validationFailed(u"Workflow"_s, u"ref"_s, u"missing_field"_s);
    if (body->contains(u"inputs"_s) && !body->value(u"inputs"_s).isObject())
        return validationFailed(u"Workflow"_s, u"inputs"_s, u"invalid"_s);
    // Only the Release workflow has a plan to play; the others have no dispatch trigger here.
    if (!workflow.path.endsWith("/release.yml"_L1))
        return messageReply(422, u"Workflow does not have 'workflow_dispatch' trigger"_s);

    const QJsonObject inputs = body->value(u"inputs"_s).toObject();
    QString version = inputs.value(u"version_to_publish"_s).toString();
    if (version.isEmpty())
        version = inputs.value(u"version"_s).toString();
    if (!version.isEmpty() && !version.startsWith(u'v'))
        version.prepend(u'v');

    WorkflowRun run;
    int number = 0;
    for (const WorkflowRun &existing : std::as_const(m_data.runs)) {
        run.id = qMax(run.id, existing.id);
        if (existing.workflowId == workflow.id)
            number = qMax(number, existing.runNumber);
    }
    run.id += 1009;
    run.workflowId = workflow.id;
    run.name = workflow.name;
    run.displayTitle = version.isEmpty() ? workflow.name : workflow.name + u' ' + version;
    run.path = workflow.path;
    run.headBranch = ref.toString();
    run.headSha = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::number(run.id), QCryptographicHash::Sha1).toHex());
    run.event = u"workflow_dispatch"_s;
    run.runNumber = number + 1;
    run.status = RunStatus::Queued;
    run.createdAt = nowSeconds();
    run.updatedAt = run.createdAt;
    run.runStartedAt = run.createdAt;
    run.htmlUrl = u"https://github.com/"_s + m_data.fullName() + "/actions/runs/"_L1 +
                  QString::number(run.id);
    run.actor = m_data.viewer;

    qint64 firstJobId = 0;
    for (const WorkflowJob &job : std::as_const(m_data.jobs))
        firstJobId = qMax(firstJobId, job.id);
    for (const WorkflowJob &job : std::as_const(m_data.liveRunPlan))
        firstJobId = qMax(firstJobId, job.id);
    for (const DemoLiveRun &live : std::as_const(m_live))
        firstJobId = qMax(firstJobId, live.maxJobId());
    const QList<WorkflowJob> plan =
        DemoDataGenerator::planReleaseRun(m_data.seed ^ quint64(run.id), run, firstJobId + 1);
    // The plan starts now on the clock's timeline and plays `speed` times as fast; its
    // publishing job waits for a review like the live run's.
    m_live.append(DemoLiveRun(run, plan, run.createdAt, run.createdAt, m_speed));
    m_live.last().requireApproval(m_data.releaseEnvironment.jobName);
    m_data.runs.prepend(run);
    return Reply{204, {}, {}};
}

// ---- git data

void DemoGitHubBackend::addCommit(const Commit &commit)
{
    QMutexLocker locker(&m_mutex);
    m_extraCommits.append(commit);
}

void DemoGitHubBackend::setTag(const QString &name, const QString &sha)
{
    QMutexLocker locker(&m_mutex);
    m_extraTags.insert(name, sha);
}

void DemoGitHubBackend::setRepositoryFile(const QString &path, const QByteArray &content)
{
    QMutexLocker locker(&m_mutex);
    if (content.isEmpty())
        m_files.remove(path);
    else
        m_files.insert(path, content);
}

QList<DemoGitHubBackend::Commit> DemoGitHubBackend::branchCommits() const
{
    QMutexLocker locker(&m_mutex);
    return commitsLocked();
}

QList<DemoGitHubBackend::Commit> DemoGitHubBackend::commitsLocked() const
{
    QList<Commit> commits;
    for (const PullRequest &pull : m_data.pullRequests) {
        if (!pull.isMerged() || pull.baseRef != m_data.defaultBranch ||
            pull.mergeCommitSha.isEmpty())
            continue;
        commits.append({pull.mergeCommitSha, u"%1 (#%2)"_s.arg(pull.title).arg(pull.number),
                        pull.author.login, pull.author.login, pull.mergedAt});
    }
    commits += m_extraCommits;
    std::stable_sort(commits.begin(), commits.end(),
                     [](const Commit &a, const Commit &b) { return a.date < b.date; });
    return commits;
}

QHash<QString, QString> DemoGitHubBackend::tagsLocked() const
{
    QHash<QString, QString> tags;
    const QList<Commit> commits = commitsLocked();
    for (const Release &release : m_data.releases) {
        if (release.draft)
            continue;
        const QDateTime at =
            release.publishedAt.isValid() ? release.publishedAt : release.createdAt;
        QString sha;
        for (const Commit &commit : commits)
            if (commit.date <= at)
                sha = commit.sha;
        if (!sha.isEmpty())
            tags.insert(release.tagName, sha);
    }
    for (auto it = m_extraTags.cbegin(); it != m_extraTags.cend(); ++it)
        tags.insert(it.key(), it.value());
    return tags;
}

QDateTime DemoGitHubBackend::refDate(const QString &ref) const
{
    if (ref == m_data.defaultBranch || ref == "HEAD"_L1)
        return QDateTime::fromSecsSinceEpoch(std::numeric_limits<qint32>::max(), Qt::UTC);
    const QList<Commit> commits = commitsLocked();
    QString sha = ref;
    const QHash<QString, QString> tags = tagsLocked();
    if (tags.contains(ref))
        sha = tags.value(ref);
    for (const Commit &commit : commits)
        if (commit.sha == sha || (sha.size() >= 7 && commit.sha.startsWith(sha)))
            return commit.date;
    return {};
}

namespace {

QJsonObject commitJson(const DemoGitHubBackend::Commit &commit, const QString &apiBase,
                       const QString &repo)
{
    const QString web = webBaseOf(apiBase);
    const QJsonObject person{
        {u"name"_s, commit.authorName},
        {u"email"_s, commit.authorName.toLower().remove(u' ') + "@users.noreply.example"_L1},
        {u"date"_s, toIsoString(commit.date)}};
    QJsonValue author = QJsonValue::Null;
    if (!commit.authorLogin.isEmpty())
        author =
            QJsonObject{{u"login"_s, commit.authorLogin},
                        {u"id"_s, qint64(qHash(commit.authorLogin) & 0xffffff)},
                        {u"type"_s, commit.authorLogin.endsWith("[bot]"_L1) ? u"Bot"_s : u"User"_s},
                        {u"html_url"_s, web + u'/' + commit.authorLogin}};
    return QJsonObject{
        {u"sha"_s, commit.sha},
        {u"url"_s, apiBase + "/repos/"_L1 + repo + "/commits/"_L1 + commit.sha},
        {u"html_url"_s, web + u'/' + repo + "/commit/"_L1 + commit.sha},
        {u"commit"_s, QJsonObject{{u"message"_s, commit.message},
                                  {u"author"_s, person},
                                  {u"committer"_s, person}}},
        {u"author"_s, author},
        {u"committer"_s, author},
        {u"parents"_s, QJsonArray()},
    };
}

} // namespace

DemoGitHubBackend::Reply DemoGitHubBackend::listCommits(const HttpRequest &request,
                                                        const QString &apiBase)
{
    const QString sha = request.queryValue(u"sha"_s);
    const QDateTime until = refDate(sha.isEmpty() ? m_data.defaultBranch : sha);
    if (!until.isValid())
        return notFound();
    QList<Commit> commits;
    for (const Commit &commit : commitsLocked())
        if (commit.date <= until)
            commits.append(commit);
    std::reverse(commits.begin(), commits.end()); // newest first, as GitHub lists them
    const QString repo = m_data.fullName();
    return pagedArray(request, commits,
                      [&](const Commit &commit) { return commitJson(commit, apiBase, repo); });
}

DemoGitHubBackend::Reply DemoGitHubBackend::compareCommits(const HttpRequest &request,
                                                           const QString &apiBase,
                                                           const QString &spec)
{
    const qsizetype dots = spec.indexOf("..."_L1);
    if (dots <= 0)
        return notFound();
    const QString base = spec.left(dots);
    const QString head = spec.mid(dots + 3);
    const QDateTime from = refDate(base);
    const QDateTime to = refDate(head);
    if (!from.isValid() || !to.isValid())
        return notFound();
    QList<Commit> commits;
    for (const Commit &commit : commitsLocked())
        if (commit.date > from && commit.date <= to)
            commits.append(commit);
    const Page page = paginate(request, commits.size());
    const QString repo = m_data.fullName();
    QJsonArray array;
    for (qsizetype i = page.first; i < page.first + page.count; ++i)
        array.append(commitJson(commits[i], apiBase, repo));
    Reply reply = jsonReply(QJsonObject{
        {u"url"_s, apiBase + "/repos/"_L1 + repo + "/compare/"_L1 + spec},
        {u"html_url"_s, webBaseOf(apiBase) + u'/' + repo + "/compare/"_L1 + spec},
        {u"status"_s, commits.isEmpty() ? u"identical"_s : u"ahead"_s},
        {u"ahead_by"_s, commits.size()},
        {u"behind_by"_s, 0},
        {u"total_commits"_s, commits.size()},
        {u"commits"_s, array},
        {u"files"_s, QJsonArray()},
    });
    if (!page.link.isEmpty())
        reply.headers.append({"Link", page.link});
    return reply;
}

DemoGitHubBackend::Reply DemoGitHubBackend::getTagRef(const QString &apiBase, const QString &tag)
{
    const QHash<QString, QString> tags = tagsLocked();
    const auto it = tags.constFind(tag);
    if (it == tags.constEnd())
        return notFound();
    const QString repo = m_data.fullName();
    return jsonReply(QJsonObject{
        {u"ref"_s, "refs/tags/"_L1 + tag},
        {u"url"_s, apiBase + "/repos/"_L1 + repo + "/git/refs/tags/"_L1 + tag},
        {u"object"_s,
         QJsonObject{{u"sha"_s, it.value()},
                     {u"type"_s, u"commit"_s},
                     {u"url"_s, apiBase + "/repos/"_L1 + repo + "/git/commits/"_L1 + it.value()}}},
    });
}

DemoGitHubBackend::Reply DemoGitHubBackend::getContents(const HttpRequest &request,
                                                        const QString &apiBase, const QString &path)
{
    Q_UNUSED(request)
    const auto it = m_files.constFind(path);
    if (it == m_files.constEnd())
        return notFound();
    const QString repo = m_data.fullName();
    // GitHub wraps the base64 text at 60 characters.
    const QByteArray encoded = it.value().toBase64();
    QByteArray wrapped;
    for (qsizetype i = 0; i < encoded.size(); i += 60)
        wrapped += encoded.mid(i, 60) + '\n';
    return jsonReply(QJsonObject{
        {u"type"_s, u"file"_s},
        {u"encoding"_s, u"base64"_s},
        {u"size"_s, it.value().size()},
        {u"name"_s, path.section(u'/', -1)},
        {u"path"_s, path},
        {u"content"_s, QString::fromLatin1(wrapped)},
        {u"sha"_s, QString::fromLatin1(
                       QCryptographicHash::hash(it.value(), QCryptographicHash::Sha1).toHex())},
        {u"url"_s, apiBase + "/repos/"_L1 + repo + "/contents/"_L1 + path},
        {u"html_url"_s,
         webBaseOf(apiBase) + u'/' + repo + "/blob/"_L1 + m_data.defaultBranch + u'/' + path},
    });
}

DemoGitHubBackend::Reply DemoGitHubBackend::searchIssues(const HttpRequest &request,
                                                         const QString &apiBase)
{
    QString q = request.queryValue(u"q"_s);
    q.replace(u'+', u' ');
    bool wantPr = false, wantIssue = false, wantMerged = false, wantOpen = false,
         wantClosed = false;
    QString author, base;
    QStringList labels;
    QDateTime mergedAfter, mergedBefore;
    bool mergedAfterInclusive = true, mergedBeforeInclusive = false;
    for (const QString &token : q.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype colon = token.indexOf(u':');
        if (colon <= 0)
            continue; // free text is not supported by the demo
        const QString key = token.left(colon);
        QString value = token.mid(colon + 1);
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        if (key == "repo"_L1) {
            if (value.compare(m_data.fullName(), Qt::CaseInsensitive) != 0)
                return validationFailed(u"Search"_s, u"q"_s, u"invalid"_s);
        } else if (key == "is"_L1 || key == "type"_L1) {
            wantPr |= value == "pr"_L1;
            wantIssue |= value == "issue"_L1;
            wantMerged |= value == "merged"_L1;
            wantOpen |= value == "open"_L1;
            wantClosed |= value == "closed"_L1;
        } else if (key == "author"_L1) {
            author = value;
        } else if (key == "base"_L1) {
            base = value;
        } else if (key == "label"_L1) {
            labels << value;
        } else if (key == "merged"_L1) {
            auto date = [](QString text) { return parseIsoDateTime(text); };
            if (value.startsWith(">="_L1)) {
                mergedAfter = date(value.mid(2));
            } else if (value.startsWith(u'>')) {
                mergedAfter = date(value.mid(1));
                mergedAfterInclusive = false;
            } else if (value.startsWith("<="_L1)) {
                mergedBefore = date(value.mid(2));
                mergedBeforeInclusive = true;
            } else if (value.startsWith(u'<')) {
                mergedBefore = date(value.mid(1));
            }
        }
    }
    QList<const Issue *> items;
    auto keep = [&](const Issue &item) {
        if (wantPr && !item.isPullRequest)
            return false;
        if (wantIssue && item.isPullRequest)
            return false;
        if (wantOpen && !item.isOpen())
            return false;
        if (wantClosed && item.isOpen())
            return false;
        if (!author.isEmpty() && item.author.login.compare(author, Qt::CaseInsensitive) != 0)
            return false;
        for (const QString &label : labels)
            if (!item.hasLabel(label))
                return false;
        if (wantMerged || mergedAfter.isValid() || mergedBefore.isValid()) {
            if (!item.isMerged())
                return false;
            if (mergedAfter.isValid() &&
                (mergedAfterInclusive ? item.mergedAt < mergedAfter : item.mergedAt <= mergedAfter))
                return false;
            if (mergedBefore.isValid() && (mergedBeforeInclusive ? item.mergedAt > mergedBefore
                                                                 : item.mergedAt >= mergedBefore))
                return false;
        }
        return true;
    };
    if (!wantPr)
        for (const Issue &issue : std::as_const(m_data.issues))
            if (base.isEmpty() && keep(issue))
                items.append(&issue);
    if (!wantIssue)
        for (const PullRequest &pull : std::as_const(m_data.pullRequests))
            if ((base.isEmpty() || pull.baseRef == base) && keep(pull))
                items.append(&pull);
    std::sort(items.begin(), items.end(), [](const Issue *a, const Issue *b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->number > b->number;
    });
    const QString repo = m_data.fullName();
    const Page page = paginate(request, items.size());
    QJsonArray array;
    for (qsizetype i = page.first; i < page.first + page.count; ++i) {
        Issue plain = *items[i];
        array.append(W::toJson(plain, apiBase, repo));
    }
    Reply reply = jsonReply(QJsonObject{
        {u"total_count"_s, items.size()}, {u"incomplete_results"_s, false}, {u"items"_s, array}});
    if (!page.link.isEmpty())
        reply.headers.append({"Link", page.link});
    return reply;
}

} // namespace Mainstay

namespace Mainstay {

QByteArray DemoGitHubBackend::workflowFile(const Workflow &workflow)
{
    if (workflow.path.endsWith("/release.yml"_L1))
        return QByteArrayLiteral(
            "name: Release\n"
            "\n"
            "# Cuts a release: seal the source, test, build, attest, publish to PyPi, tag,\n"
            "# deploy the Lambda layer to every region, SAR, docs, and close pending issues.\n"
            "on:\n"
            "  workflow_dispatch:\n"
            "    inputs:\n"
            "      version_to_publish:\n"
            "        description: \"Version to publish (e.g. v3.4.0)\"\n"
            "        required: true\n"
            "        type: string\n"
            "      skip_pypi:\n"
            "        description: \"Skip publishing to PyPi (re-run of a failed layer release)\"\n"
            "        required: false\n"
            "        type: boolean\n"
            "        default: false\n"
            "      layer_stage:\n"
            "        description: \"How far to take the Lambda layer\"\n"
            "        type: choice\n"
            "        options: [beta, prod]\n"
            "        default: prod\n"
            "      environment:\n"
            "        description: \"Deployment environment\"\n"
            "        type: environment\n"
            "        default: release\n"
            "\n"
            "permissions:\n"
            "  contents: read\n"
            "\n"
            "jobs:\n"
            "  seal:\n"
            "    uses: ./.github/workflows/reusable_seal.yml\n");
    return QByteArrayLiteral("name: ") + workflow.name.toUtf8() +
           QByteArrayLiteral("\n\non:\n  push:\n    branches: [develop]\n  pull_request:\n\n"
                             "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                             "      - uses: actions/checkout@v4\n");
}

DemoGitHubBackend::Reply DemoGitHubBackend::cancelRun(const WorkflowRun &run)
{
    const QDateTime now = m_clock->now();
    for (DemoLiveRun &live : m_live)
        if (live.runId() == run.id && !live.isFinished(now)) {
            live.cancel(now);
            return jsonReply(QJsonObject(), 202);
        }
    return messageReply(409, u"Cannot cancel a workflow run that is completed."_s);
}

DemoGitHubBackend::Reply DemoGitHubBackend::rerunFailedJobs(const WorkflowRun &run)
{
    if (run.status != RunStatus::Completed)
        return messageReply(403, u"This workflow is already running"_s);
    const QList<WorkflowJob> jobs = currentJobs(run.id);
    QSet<QString> again;
    for (const WorkflowJob &job : jobs)
        if (isFailing(job.conclusion) || job.conclusion == RunConclusion::Cancelled ||
            job.conclusion == RunConclusion::Skipped)
            again.insert(job.name);
    if (again.isEmpty())
        return messageReply(403, u"There are no failed jobs to re-run"_s);

    // The finished attempt is kept as it ended; the new attempt re-plays the failed jobs (and
    // those that were skipped or cancelled because of them), the others keep their results.
    for (qsizetype i = 0; i < m_live.size(); ++i)
        if (m_live.at(i).runId() == run.id) {
            m_data.jobs.removeIf([&](const WorkflowJob &job) { return job.runId == run.id; });
            m_data.jobs.append(jobs);
            m_live.removeAt(i);
            break;
        }
    m_data.earlierAttempts.append(run);
    WorkflowRun next = run;
    next.runAttempt = run.runAttempt + 1;
    next.status = RunStatus::Queued;
    next.conclusion = RunConclusion::None;
    next.runStartedAt = nowSeconds();
    next.updatedAt = next.runStartedAt;

    qint64 firstJobId = 0;
    for (const WorkflowJob &job : std::as_const(m_data.jobs))
        firstJobId = qMax(firstJobId, job.id);
    WorkflowRun planned = next;
    planned.createdAt = next.runStartedAt;
    const QList<WorkflowJob> fresh = DemoDataGenerator::planReleaseRun(
        m_data.seed ^ quint64(run.id + next.runAttempt), planned, firstJobId + 1);
    QList<WorkflowJob> plan;
    QDateTime earliest;
    for (const WorkflowJob &job : fresh)
        if (again.contains(job.name)) {
            plan.append(job);
            if (!earliest.isValid() || job.createdAt < earliest)
                earliest = job.createdAt;
        }
    const qint64 shift = earliest.isValid() ? earliest.msecsTo(next.runStartedAt) : 0;
    for (WorkflowJob &job : plan) {
        job.runAttempt = next.runAttempt;
        job.createdAt = job.createdAt.addMSecs(shift);
        job.startedAt = job.startedAt.addMSecs(shift);
        job.completedAt = job.completedAt.addMSecs(shift);
        for (WorkflowStep &step : job.steps) {
            step.startedAt = step.startedAt.addMSecs(shift);
            step.completedAt = step.completedAt.addMSecs(shift);
        }
    }
    for (WorkflowRun &stored : m_data.runs)
        if (stored.id == run.id)
            stored = next;
    m_live.append(DemoLiveRun(next, plan, next.runStartedAt, next.runStartedAt, m_speed));
    // A new attempt of the publishing job needs a new review.
    m_live.last().requireApproval(m_data.releaseEnvironment.jobName);
    return jsonReply(QJsonObject(), 201);
}

} // namespace Mainstay
