#include "syncengine.h"

#include "cachedatabase.h"
#include "githubclient.h"
#include "githubjson.h"
#include "graphqljob.h"
#include "isodatetime.h"
#include "pullrequestdetailsquery.h"
#include "pullrequestfilesjob.h"
#include "workspacestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace Mainstay {

namespace {

ApiError storeError(const QString &what, const QString &detail)
{
    ApiError error;
    error.kind = ApiError::Kind::Other;
    error.serverMessage =
        QStringLiteral("the local cache could not be written (%1): %2").arg(what, detail);
    return error;
}

} // namespace

SyncEngine::SyncEngine(GitHubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void SyncEngine::start(const QString &repository, Mode mode)
{
    cancel();
    m_repository = repository;
    m_mode = mode;
    m_running = true;
    const quint64 generation = ++m_generation;
    m_summary = {};
    m_requestsAtStart = m_client->requestsSent();
    m_notModifiedAtStart = m_client->notModifiedCount();
    m_pagesDone = 0;
    m_pagesTotal = 0;
    if (mode == Mode::Full) {
        m_memoryState.clear();
        if (m_store)
            m_store->clearCache();
    }
    m_changedPulls.clear();
    m_changedOpenPulls.clear();
    m_filesToContinue.clear();
    m_extraFilePages = 0;
    m_counted.clear();
    m_steps = {&SyncEngine::syncLabels,           &SyncEngine::syncMilestones,
               &SyncEngine::syncIssues,           &SyncEngine::syncPullRequestDetails,
               &SyncEngine::syncPullRequestFiles, &SyncEngine::syncComments,
               &SyncEngine::syncEvents,           &SyncEngine::syncReleases,
               &SyncEngine::syncMaintainers,      &SyncEngine::syncWorkflowRuns};
    Q_EMIT started(repository);
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (isCurrent(generation))
                runNextStep();
        },
        Qt::QueuedConnection);
}

void SyncEngine::cancel()
{
    if (!m_running)
        return;
    ApiError cancelled;
    cancelled.kind = ApiError::Kind::Cancelled;
    finish(cancelled);
}

void SyncEngine::runNextStep()
{
    if (m_steps.isEmpty()) {
        finish({});
        return;
    }
    const Step step = m_steps.takeFirst();
    (this->*step)();
}

RestJob *SyncEngine::track(RestJob *job)
{
    m_job = job;
    return job;
}

void SyncEngine::requestPage(const QUrl &url, std::function<void(const ApiResponse &)> onPage)
{
    const quint64 generation = m_generation;
    RestJob *job = track(m_client->get(url));
    connect(job, &RestJob::finished, this,
            [this, generation, onPage = std::move(onPage)](RestJob *job) {
                if (!isCurrent(generation))
                    return;
                const ApiResponse &response = job->response();
                if (!response.isOk()) {
                    fail(response.error);
                    return;
                }
                ++m_pagesDone;
                Q_EMIT progress(m_pagesDone, std::max(m_pagesTotal, m_pagesDone));
                onPage(response);
            });
}

bool SyncEngine::fail(const ApiError &error)
{
    finish(error);
    return false;
}

void SyncEngine::finish(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_steps.clear();
    if (m_job) {
        RestJob *job = m_job;
        m_job = nullptr;
        job->cancel();
    }
    if (m_graphqlJob) {
        GraphQLJob *job = m_graphqlJob;
        m_graphqlJob = nullptr;
        job->cancel();
    }
    if (m_filesJob) {
        PullRequestFilesJob *job = m_filesJob;
        m_filesJob = nullptr;
        job->cancel();
    }
    m_summary.requests = m_client->requestsSent() - m_requestsAtStart;
    m_summary.notModified = m_client->notModifiedCount() - m_notModifiedAtStart;
    m_summary.pages = m_pagesDone;
    m_summary.rateLimit = m_client->rateLimit();
    if (!error.isError() && m_store)
        m_store->cache().setSyncValue(QStringLiteral("sync.completedAt"),
                                      toIsoString(QDateTime::currentDateTimeUtc()));
    Q_EMIT finished(error);
}

QString SyncEngine::syncValue(const QString &key) const
{
    return m_store ? m_store->cache().syncValue(key) : m_memoryState.value(key);
}

// ---- whole listings ------------------------------------------------------------------------

void SyncEngine::fetchAll(const QString &path, const QUrlQuery &query,
                          std::function<bool(const QList<QByteArray> &, bool)> onPages)
{
    QUrlQuery q = query;
    q.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
    fetchAllPage(m_client->url(QStringLiteral("/repos/%1%2").arg(m_repository, path), q), {}, true,
                 std::move(onPages));
}

void SyncEngine::fetchAllPage(const QUrl &url, QList<QByteArray> bodies, bool unchanged,
                              std::function<bool(const QList<QByteArray> &, bool)> onPages)
{
    requestPage(url, [this, bodies = std::move(bodies), unchanged,
                      onPages = std::move(onPages)](const ApiResponse &response) mutable {
        bodies.append(response.body);
        unchanged = unchanged && response.isNotModified();
        const QUrl next = response.links.value(QStringLiteral("next"));
        if (next.isValid()) {
            fetchAllPage(next, std::move(bodies), unchanged, std::move(onPages));
            return;
        }
        if (onPages(bodies, unchanged))
            runNextStep();
    });
}

template<class T>
static ParseResult<QList<T>> parsePages(const QList<QByteArray> &bodies,
                                        ParseResult<QList<T>> (*parse)(const QByteArray &))
{
    QList<T> all;
    for (const QByteArray &body : bodies) {
        auto page = parse(body);
        if (!page)
            return ParseResult<QList<T>>::failure(page.error());
        all += std::move(page).value();
    }
    return all;
}

template<class T>
void SyncEngine::replaceAll(const QString &path, const QUrlQuery &query, const QString &what,
                            ParseResult<QList<T>> (*parse)(const QByteArray &),
                            bool (CacheDatabase::*replace)(const QList<T> &, const SyncValues &),
                            std::function<void(const QList<T> &)> emitItems)
{
    fetchAll(path, query, [=, this](const QList<QByteArray> &bodies, bool unchanged) {
        auto items = parsePages<T>(bodies, parse);
        if (!items)
            return fail(ApiError::malformed(what + QStringLiteral(": ") + items.error()));
        // Written on a 304 too: the response cache is shared with the pages (the release
        // monitor, the notes), so "not modified" may answer a question the sync never stored.
        Q_UNUSED(unchanged)
        if (m_store && !(m_store->cache().*replace)(items.value(), {}))
            return fail(storeError(what, m_store->cache().lastError()));
        if (emitItems)
            emitItems(items.value());
        return true;
    });
}

void SyncEngine::syncLabels()
{
    replaceAll<Label>(QStringLiteral("/labels"), {}, QStringLiteral("labels"),
                      GitHubJson::parseLabelList, &CacheDatabase::replaceLabels,
                      [this](const QList<Label> &labels) { Q_EMIT labelsReceived(labels); });
}

void SyncEngine::syncMilestones()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("all"));
    replaceAll<Milestone>(QStringLiteral("/milestones"), query, QStringLiteral("milestones"),
                          GitHubJson::parseMilestoneList, &CacheDatabase::replaceMilestones, {});
}

void SyncEngine::syncReleases()
{
    replaceAll<Release>(
        QStringLiteral("/releases"), {}, QStringLiteral("releases"), GitHubJson::parseReleaseList,
        &CacheDatabase::replaceReleases,
        [this](const QList<Release> &releases) { Q_EMIT releasesReceived(releases); });
}

void SyncEngine::syncMaintainers()
{
    // Listing collaborators needs push access; without it, the author associations GitHub puts
    // on every issue and comment tell maintainers apart instead, so a refusal is not an error.
    const quint64 generation = m_generation;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("permission"), QStringLiteral("push"));
    query.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
    RestJob *job = track(m_client->get(
        m_client->url(QStringLiteral("/repos/%1/collaborators").arg(m_repository), query)));
    connect(job, &RestJob::finished, this, [this, generation](RestJob *job) {
        if (!isCurrent(generation))
            return;
        const ApiResponse &response = job->response();
        if (response.isOk()) {
            const auto users = QJsonDocument::fromJson(response.body).array();
            QStringList logins;
            for (const QJsonValue &user : users) {
                const auto parsed = GitHubJson::parseUser(user);
                if (parsed)
                    logins.append(parsed.value().login);
            }
            if (m_store) // on a 304 too: the response cache is shared with the pages
                m_store->cache().replaceMaintainers(logins);
            Q_EMIT maintainersReceived(logins);
        } else if (response.error.kind != ApiError::Kind::Forbidden &&
                   response.error.kind != ApiError::Kind::NotFound &&
                   response.error.kind != ApiError::Kind::Unauthorized) {
            fail(response.error);
            return;
        }
        runNextStep();
    });
}

void SyncEngine::syncWorkflowRuns()
{
    if (m_releaseWorkflow.isEmpty()) {
        runNextStep();
        return;
    }
    fetchAll(
        QStringLiteral("/actions/workflows"), {},
        [this](const QList<QByteArray> &bodies, bool unchanged) {
            QList<Workflow> workflows;
            for (const QByteArray &body : bodies) {
                auto page = GitHubJson::parseWorkflowList(body);
                if (!page)
                    return fail(ApiError::malformed(QStringLiteral("workflows: ") + page.error()));
                workflows += page.value().items;
            }
            Q_UNUSED(unchanged) // stored on a 304 too: the response cache is shared
            if (m_store && !m_store->cache().replaceWorkflows(workflows))
                return fail(storeError(QStringLiteral("workflows"), m_store->cache().lastError()));
            const auto found =
                std::find_if(workflows.cbegin(), workflows.cend(), [this](const Workflow &w) {
                    return w.name.compare(m_releaseWorkflow, Qt::CaseInsensitive) == 0 ||
                           w.path.section(QLatin1Char('/'), -1) == m_releaseWorkflow;
                });
            if (found == workflows.cend())
                return true; // this repository has no such workflow: nothing to watch
            // Only the recent runs: the release monitor fetches a run's jobs when it is opened.
            const qint64 workflowId = found->id;
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("per_page"), QString::number(RecentRuns));
            requestPage(
                m_client->url(QStringLiteral("/repos/%1/actions/workflows/%2/runs")
                                  .arg(m_repository)
                                  .arg(workflowId),
                              query),
                [this](const ApiResponse &response) {
                    auto runs = GitHubJson::parseWorkflowRunList(response.body);
                    if (!runs) {
                        fail(ApiError::malformed(QStringLiteral("workflow runs: ") + runs.error()));
                        return;
                    }
                    if (m_store && !m_store->cache().upsertWorkflowRuns(runs.value().items)) {
                        fail(storeError(QStringLiteral("workflow runs"),
                                        m_store->cache().lastError()));
                        return;
                    }
                    Q_EMIT workflowRunsReceived(runs.value().items);
                    runNextStep();
                });
            return false; // the step goes on with the runs request
        });
}

// ---- incremental walks ---------------------------------------------------------------------

namespace {

template<class T>
QDateTime newestUpdate(const QList<T> &items)
{
    QDateTime newest;
    for (const T &item : items)
        if (!newest.isValid() || item.updatedAt > newest)
            newest = item.updatedAt;
    return newest;
}

} // namespace

template<class T>
void SyncEngine::walk(const QString &path, const QUrlQuery &baseQuery, const QString &key,
                      ParseResult<QList<T>> (*parse)(const QByteArray &),
                      std::function<bool(const QList<T> &, const SyncValues &)> store,
                      std::function<void(const QList<T> &)> emitItems, const QUrl &url,
                      const QString &since)
{
    QUrl request = url;
    if (request.isEmpty()) {
        QUrlQuery query = baseQuery;
        query.addQueryItem(QStringLiteral("sort"), QStringLiteral("updated"));
        query.addQueryItem(QStringLiteral("direction"), QStringLiteral("asc"));
        query.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
        if (!since.isEmpty())
            query.addQueryItem(QStringLiteral("since"), since);
        request = m_client->url(QStringLiteral("/repos/%1%2").arg(m_repository, path), query);
    }
    requestPage(request, [=, this](const ApiResponse &response) {
        if (m_pagesTotal < m_pagesDone) {
            // The first page of a walk says how many pages there are from here.
            const int last = QUrlQuery(response.links.value(QStringLiteral("last")))
                                 .queryItemValue(QStringLiteral("page"))
                                 .toInt();
            m_pagesTotal = std::max(m_pagesDone, m_pagesDone - 1 + last);
            Q_EMIT progress(m_pagesDone, m_pagesTotal);
        }
        if (response.isNotModified()) {
            runNextStep(); // the same question as last time, the same answer: nothing new
            return;
        }
        auto parsed = parse(response.body);
        if (!parsed) {
            fail(ApiError::malformed(path.mid(1) + QStringLiteral(": ") + parsed.error()));
            return;
        }
        const QList<T> &items = parsed.value();
        const QDateTime sinceTime = parseIsoDateTime(since);
        const QDateTime newest = newestUpdate(items);
        const bool advanced = newest.isValid() && (!sinceTime.isValid() || newest > sinceTime);
        const QString watermark = advanced ? toIsoString(newest) : since;
        SyncValues values;
        if (advanced)
            values.insert(key, watermark);
        if (!store(items, values))
            return;
        if (!m_store && advanced)
            m_memoryState.insert(key, watermark);
        for (const T &item : items) {
            if constexpr (!std::is_same_v<T, Issue>)
                break; // the summary counts issues and pull requests
            if constexpr (std::is_same_v<T, Issue>) {
                // Items stamped at or before where this sync started were counted by an earlier
                // one; an item re-read at a page boundary is counted once.
                if (m_issuesSinceAtStart.isValid() && item.updatedAt <= m_issuesSinceAtStart)
                    continue;
                if (m_counted.contains(item.number))
                    continue;
                m_counted.insert(item.number);
            }
            // New: created after the previous sync ended (everything, on a first sync).
            if (!m_issuesSinceAtStart.isValid() || item.createdAt > m_issuesSinceAtStart)
                ++m_summary.newItems;
            else
                ++m_summary.updatedItems;
        }
        emitItems(items);

        if (advanced) {
            walk<T>(path, baseQuery, key, parse, store, emitItems, {}, watermark);
            return;
        }
        // More than a page of items share one timestamp: only the page links get past them.
        const QUrl next = response.links.value(QStringLiteral("next"));
        if (items.size() >= PageSize && next.isValid()) {
            walk<T>(path, baseQuery, key, parse, store, emitItems, next, since);
            return;
        }
        runNextStep();
    });
}

void SyncEngine::syncIssues()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("all"));
    const QString key = QStringLiteral("issues.since");
    m_issuesSinceAtStart = parseIsoDateTime(syncValue(key));
    walk<Issue>(
        QStringLiteral("/issues"), query, key, GitHubJson::parseIssueList,
        [this](const QList<Issue> &items, const SyncValues &values) {
            if (m_store && !m_store->cache().upsertIssues(items, values))
                return fail(storeError(QStringLiteral("issues"), m_store->cache().lastError()));
            return true;
        },
        [this](const QList<Issue> &items) {
            for (const Issue &item : items) {
                if (item.isPullRequest && !m_changedPulls.contains(item.number))
                    m_changedPulls.append(item.number);
                // A later page has the newer state: a PR closed during the walk drops out.
                if (item.isPullRequest && item.isOpen())
                    m_changedOpenPulls.insert(item.number);
                else
                    m_changedOpenPulls.remove(item.number);
            }
            Q_EMIT issuesReceived(items);
        },
        {}, syncValue(key));
}

void SyncEngine::syncPullRequestDetails()
{
    // Sizes, review and check state and linked issues are not in the issues list; GraphQL
    // brings them for 100 pull requests a request.
    if (m_changedPulls.isEmpty()) {
        runNextStep();
        return;
    }
    const QList<QList<int>> batches = PullRequestDetailsQuery::batches(m_changedPulls);
    m_changedPulls.clear();
    fetchPullRequestDetails(batches, 0);
}

void SyncEngine::fetchPullRequestDetails(const QList<QList<int>> &batches, int index, bool files)
{
    if (index >= batches.size()) {
        runNextStep();
        return;
    }
    const quint64 generation = m_generation;
    const QString owner = m_repository.section(QLatin1Char('/'), 0, 0);
    const QString name = m_repository.section(QLatin1Char('/'), 1, 1);
    const QList<int> batch = batches.at(index);
    // Open pull requests that changed (a push changes updated_at) get their files in the same
    // request: the area labels cost no request of their own.
    QList<int> withFiles;
    for (int number : batch)
        if (files && m_changedOpenPulls.contains(number))
            withFiles.append(number);
    GraphQLJob *job =
        m_client->graphql(PullRequestDetailsQuery::request(owner, name, batch, withFiles));
    m_graphqlJob = job;
    connect(job, &GraphQLJob::finished, this, [=, this](GraphQLJob *job) {
        if (!isCurrent(generation))
            return;
        m_graphqlJob = nullptr;
        const PullRequestDetailsQuery::Result result =
            PullRequestDetailsQuery::parse(job->response(), batch);
        if (!result.isOk() && !withFiles.isEmpty() &&
            result.error.kind == ApiError::Kind::GraphQL) {
            // A server whose schema lacks `files` (an old GitHub Enterprise) still gets the
            // details; the area labels then stay unknown rather than the sync failing.
            fetchPullRequestDetails(batches, index, false);
            return;
        }
        if (!result.isOk()) {
            fail(result.error);
            return;
        }
        ++m_pagesDone;
        Q_EMIT progress(m_pagesDone, std::max(m_pagesTotal, m_pagesDone));
        if (m_store && !m_store->cache().upsertPullRequestDetails(result.pulls)) {
            fail(storeError(QStringLiteral("pull requests"), m_store->cache().lastError()));
            return;
        }
        Q_EMIT pullRequestDetailsReceived(result.pulls);

        QList<PullRequestFiles> files;
        for (const PullRequest &pull : result.pulls) {
            const auto page = result.files.constFind(pull.number);
            if (page == result.files.cend())
                continue;
            PullRequestFiles entry{pull.number, pull.headSha, page->paths, !page->hasNextPage};
            if (page->hasNextPage)
                m_filesToContinue.append({entry, page->endCursor});
            files.append(entry);
        }
        if (!files.isEmpty()) {
            if (m_store && !m_store->cache().upsertPullRequestFiles(files)) {
                fail(
                    storeError(QStringLiteral("pull request files"), m_store->cache().lastError()));
                return;
            }
            Q_EMIT pullRequestFilesReceived(files);
        }
        fetchPullRequestDetails(batches, index + 1);
    });
}

void SyncEngine::syncPullRequestFiles()
{
    // Only pull requests with more than 100 files get here, and only MaxExtraFilePages pages a
    // sync in all: an incomplete list stays marked so, and the rules treat it as a subset.
    int pagesLeft = MaxExtraFilePages - m_extraFilePages;
    if (m_filesToContinue.isEmpty() || pagesLeft <= 0) {
        m_filesToContinue.clear();
        runNextStep();
        return;
    }
    const FilesToContinue next = m_filesToContinue.takeFirst();
    const quint64 generation = m_generation;
    const QString owner = m_repository.section(QLatin1Char('/'), 0, 0);
    const QString name = m_repository.section(QLatin1Char('/'), 1, 1);
    auto *job = new PullRequestFilesJob(m_client, owner, name, next.files.number, this);
    job->setMaxPages(pagesLeft);
    m_filesJob = job;
    connect(job, &PullRequestFilesJob::pageReceived, this, [this, generation] {
        if (!isCurrent(generation))
            return;
        ++m_pagesDone;
        ++m_extraFilePages;
        Q_EMIT progress(m_pagesDone, std::max(m_pagesTotal, m_pagesDone));
    });
    connect(job, &PullRequestFilesJob::finished, this,
            [this, generation, next](PullRequestFilesJob *job) {
                if (!isCurrent(generation))
                    return;
                m_filesJob = nullptr;
                if (job->error().isError()) {
                    fail(job->error());
                    return;
                }
                PullRequestFiles files = next.files;
                files.paths += job->paths();
                files.complete = job->cursor().isEmpty() && !job->isMissing();
                if (m_store && !m_store->cache().upsertPullRequestFiles({files})) {
                    fail(storeError(QStringLiteral("pull request files"),
                                    m_store->cache().lastError()));
                    return;
                }
                Q_EMIT pullRequestFilesReceived({files});
                syncPullRequestFiles();
            });
    job->start(next.cursor);
}

void SyncEngine::syncComments()
{
    const QString key = QStringLiteral("comments.since");
    walk<Comment>(
        QStringLiteral("/issues/comments"), {}, key, GitHubJson::parseCommentList,
        [this](const QList<Comment> &items, const SyncValues &values) {
            if (m_store && !m_store->cache().upsertComments(items, values))
                return fail(storeError(QStringLiteral("comments"), m_store->cache().lastError()));
            return true;
        },
        [this](const QList<Comment> &items) { Q_EMIT commentsReceived(items); }, {},
        syncValue(key));
}

void SyncEngine::syncEvents()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
    const qint64 newestStored = syncValue(QStringLiteral("events.newestId")).toLongLong();
    fetchEventsPage(
        m_client->url(QStringLiteral("/repos/%1/issues/events").arg(m_repository), query),
        newestStored, m_maxEventPages);
}

void SyncEngine::fetchEventsPage(const QUrl &url, qint64 newestStored, int pagesLeft)
{
    requestPage(url, [=, this](const ApiResponse &response) {
        auto events = GitHubJson::parseIssueEventList(response.body);
        if (!events) {
            fail(ApiError::malformed(QStringLiteral("issue events: ") + events.error()));
            return;
        }
        // Newest first: stop at the first event already stored.
        qint64 newest = newestStored;
        bool reachedStored = false;
        QList<IssueEvent> fresh;
        for (const IssueEvent &event : events.value()) {
            if (event.id <= newestStored) {
                reachedStored = true;
                continue;
            }
            newest = std::max(newest, event.id);
            fresh.append(event);
        }
        SyncValues values;
        if (newest > syncValue(QStringLiteral("events.newestId")).toLongLong())
            values.insert(QStringLiteral("events.newestId"), QString::number(newest));
        if (m_store && !fresh.isEmpty() && !m_store->cache().upsertIssueEvents(fresh, values)) {
            fail(storeError(QStringLiteral("issue events"), m_store->cache().lastError()));
            return;
        }
        if (!m_store && values.contains(QStringLiteral("events.newestId")))
            m_memoryState.insert(QStringLiteral("events.newestId"), QString::number(newest));
        const QUrl next = response.links.value(QStringLiteral("next"));
        if (!reachedStored && next.isValid() && pagesLeft > 1 && !response.isNotModified()) {
            fetchEventsPage(next, newestStored, pagesLeft - 1);
            return;
        }
        runNextStep();
    });
}

} // namespace Mainstay
