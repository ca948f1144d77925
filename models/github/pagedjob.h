#pragma once

#include "apiresponse.h"

#include <QObject>
#include <QPointer>

namespace Mainstay {

class GitHubClient;
class RestJob;

// Walks a paginated REST listing by following Link rel="next" (never by building page URLs).
// Emits pageReceived() for every page as it arrives, so results reach the models incrementally,
// then finished() once, after the last page or the first error. Deletes itself after finished().
class PagedJob : public QObject
{
    Q_OBJECT
public:
    PagedJob(GitHubClient *client, const QUrl &firstPage, QObject *parent = nullptr);

    void start();
    void cancel();
    // Stops after this many pages (0: no limit).
    void setMaxPages(int pages) { m_maxPages = pages; }

    int pagesDone() const { return m_pagesDone; }
    // From the "last" link of the first page; 0 while unknown.
    int pagesTotal() const { return m_pagesTotal; }
    const ApiError &error() const { return m_error; }
    // The URL the walk stopped at (the next page still to fetch), for resuming; empty when done.
    QUrl nextUrl() const { return m_next; }

Q_SIGNALS:
    void pageReceived(const Mainstay::ApiResponse &page);
    void progress(int pagesDone, int pagesTotal);
    void finished(Mainstay::PagedJob *job);

private:
    void fetch(const QUrl &url);
    void onPage(RestJob *job);
    void finish();

    GitHubClient *m_client;
    QUrl m_next;
    QPointer<RestJob> m_current;
    ApiError m_error;
    int m_pagesDone = 0;
    int m_pagesTotal = 0;
    int m_maxPages = 0;
    bool m_finished = false;
};

} // namespace Mainstay
