#include "syncengine.h"

#include "githubclient.h"
#include "githubjson.h"
#include "pagedjob.h"

#include <QUrlQuery>

namespace Mainstay {

SyncEngine::SyncEngine(GitHubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void SyncEngine::start(const QString &repository)
{
    cancel();
    m_repository = repository;
    m_running = true;
    const quint64 generation = ++m_generation;
    m_labels.clear();
    Q_EMIT started(repository);

    m_job = m_client->getAllPages(QStringLiteral("/repos/%1/labels").arg(repository));
    connect(m_job, &PagedJob::pageReceived, this, [this, generation](const ApiResponse &page) {
        if (!isCurrent(generation))
            return;
        auto labels = GitHubJson::parseLabelList(page.body);
        if (!labels) {
            finish(ApiError::malformed(QStringLiteral("labels: ") + labels.error()));
            return;
        }
        m_labels += labels.value();
    });
    connect(m_job, &PagedJob::finished, this, [this, generation](PagedJob *job) {
        if (!isCurrent(generation))
            return;
        if (job->error().isError()) {
            finish(job->error());
            return;
        }
        Q_EMIT labelsReceived(m_labels);
        fetchIssues();
    });
    m_job->start();
}

void SyncEngine::fetchIssues()
{
    const quint64 generation = m_generation;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("all"));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("updated"));
    query.addQueryItem(QStringLiteral("direction"), QStringLiteral("asc"));
    m_job = m_client->getAllPages(QStringLiteral("/repos/%1/issues").arg(m_repository), query);
    connect(m_job, &PagedJob::pageReceived, this, [this, generation](const ApiResponse &page) {
        if (!isCurrent(generation))
            return;
        auto issues = GitHubJson::parseIssueList(page.body);
        if (!issues) {
            finish(ApiError::malformed(QStringLiteral("issues: ") + issues.error()));
            return;
        }
        Q_EMIT issuesReceived(issues.value());
    });
    connect(m_job, &PagedJob::progress, this, [this, generation](int done, int total) {
        if (isCurrent(generation))
            Q_EMIT progress(done, total);
    });
    connect(m_job, &PagedJob::finished, this, [this, generation](PagedJob *job) {
        if (isCurrent(generation))
            finish(job->error());
    });
    m_job->start();
}

void SyncEngine::cancel()
{
    if (!m_running)
        return;
    if (m_job)
        m_job->cancel();
    ApiError cancelled;
    cancelled.kind = ApiError::Kind::Cancelled;
    finish(cancelled);
}

void SyncEngine::finish(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_job) {
        PagedJob *job = m_job;
        m_job = nullptr;
        job->cancel(); // stops a walk a parse error interrupted
    }
    Q_EMIT finished(error);
}

} // namespace Mainstay
