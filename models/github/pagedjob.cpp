#include "pagedjob.h"

#include "githubclient.h"
#include "restjob.h"

#include <QUrlQuery>

namespace Mainstay {

PagedJob::PagedJob(GitHubClient *client, const QUrl &firstPage, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_next(firstPage)
{}

void PagedJob::start()
{
    fetch(m_next);
}

void PagedJob::cancel()
{
    if (m_current)
        m_current->cancel();
    else if (!m_finished) {
        m_error.kind = ApiError::Kind::Cancelled;
        finish();
    }
}

void PagedJob::fetch(const QUrl &url)
{
    m_current = m_client->get(url);
    connect(m_current, &RestJob::finished, this, &PagedJob::onPage);
}

void PagedJob::onPage(RestJob *job)
{
    m_current = nullptr;
    const ApiResponse &page = job->response();
    if (!page.isOk()) {
        m_error = page.error;
        finish();
        return;
    }
    ++m_pagesDone;
    if (m_pagesTotal == 0 || m_pagesDone > m_pagesTotal) {
        // The "last" link tells how many pages there are; reading it is fine, building it is not.
        const QUrl last = page.links.value(QStringLiteral("last"));
        const int lastPage = QUrlQuery(last).queryItemValue(QStringLiteral("page")).toInt();
        m_pagesTotal = std::max(lastPage, m_pagesDone);
    }
    m_next = page.links.value(QStringLiteral("next"));
    Q_EMIT pageReceived(page);
    Q_EMIT progress(m_pagesDone, m_pagesTotal);
    if (m_next.isEmpty() || (m_maxPages > 0 && m_pagesDone >= m_maxPages)) {
        finish();
        return;
    }
    fetch(m_next);
}

void PagedJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(this);
    deleteLater();
}

} // namespace Mainstay
