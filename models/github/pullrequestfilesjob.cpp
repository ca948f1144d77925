#include "pullrequestfilesjob.h"

#include "githubclient.h"
#include "graphqljob.h"

namespace Mainstay {

PullRequestFilesJob::PullRequestFilesJob(GitHubClient *client, QString owner, QString name,
                                         int number, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_owner(std::move(owner))
    , m_name(std::move(name))
    , m_number(number)
{}

QStringList PullRequestFilesJob::paths() const
{
    QStringList out;
    out.reserve(m_files.size());
    for (const PullRequestFilesQuery::File &file : m_files)
        out.append(file.path);
    return out;
}

void PullRequestFilesJob::start(const QString &cursor)
{
    m_cursor = cursor;
    fetch();
}

void PullRequestFilesJob::cancel()
{
    if (m_finished)
        return;
    if (m_current) {
        m_current->cancel(); // onPage() reports the cancellation
        return;
    }
    m_error.kind = ApiError::Kind::Cancelled;
    finish();
}

void PullRequestFilesJob::fetch()
{
    m_current =
        m_client->graphql(PullRequestFilesQuery::request(m_owner, m_name, m_number, m_cursor));
    connect(m_current, &GraphQLJob::finished, this, &PullRequestFilesJob::onPage);
}

void PullRequestFilesJob::onPage(GraphQLJob *job)
{
    m_current = nullptr;
    const PullRequestFilesQuery::Page page = PullRequestFilesQuery::parse(job->response());
    if (!page.isOk()) {
        m_error = page.error;
        finish();
        return;
    }
    ++m_pagesDone;
    m_missing = page.missing;
    m_files.append(page.files);
    m_cursor = page.hasNextPage ? page.endCursor : QString();
    Q_EMIT pageReceived(page);
    if (m_cursor.isEmpty() || (m_maxPages > 0 && m_pagesDone >= m_maxPages))
        finish();
    else
        fetch();
}

void PullRequestFilesJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace Mainstay
