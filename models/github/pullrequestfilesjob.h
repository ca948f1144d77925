#pragma once

#include "pullrequestfilesquery.h"

#include <QObject>
#include <QPointer>

namespace Mainstay {

class GitHubClient;
class GraphQLJob;

// Every file a pull request changes, one PullRequestFilesQuery page after the other (GitHub
// lists at most 3,000 files per pull request, so at most 30 requests).
//
// Emits pageReceived() for each page as it arrives, then finished() once, after the last page or
// the first error. Deletes itself after finished() unless setAutoDelete(false).
class PullRequestFilesJob : public QObject
{
    Q_OBJECT
public:
    PullRequestFilesJob(GitHubClient *client, QString owner, QString name, int number,
                        QObject *parent = nullptr);

    // Starts from the first page, or from `cursor` (an endCursor of an earlier walk).
    void start(const QString &cursor = QString());
    void cancel();
    // Stops after this many pages (0: no limit); cursor() then says where to go on.
    void setMaxPages(int pages) { m_maxPages = pages; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    int number() const { return m_number; }
    const QList<PullRequestFilesQuery::File> &files() const { return m_files; }
    QStringList paths() const;
    // The pull request does not exist (any more).
    bool isMissing() const { return m_missing; }
    const ApiError &error() const { return m_error; }
    // Where the walk stopped: the endCursor to resume from; empty once every page was read.
    QString cursor() const { return m_cursor; }
    int pagesDone() const { return m_pagesDone; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void pageReceived(const Mainstay::PullRequestFilesQuery::Page &page);
    void finished(Mainstay::PullRequestFilesJob *job);

private:
    void fetch();
    void onPage(GraphQLJob *job);
    void finish();

    GitHubClient *m_client;
    QString m_owner;
    QString m_name;
    int m_number;
    QList<PullRequestFilesQuery::File> m_files;
    QString m_cursor;
    QPointer<GraphQLJob> m_current;
    ApiError m_error;
    int m_pagesDone = 0;
    int m_maxPages = 0;
    bool m_missing = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace Mainstay
