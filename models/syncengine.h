#pragma once

#include "apierror.h"
#include "issue.h"
#include "label.h"

#include <QObject>
#include <QPointer>

namespace Mainstay {

class GitHubClient;
class PagedJob;

// Brings one workspace (owner/repo) up to date from GitHub: labels, then issues and pull
// requests page by page. Results are emitted as they arrive so the models fill incrementally.
//
// Signals: started(); labelsReceived() once; issuesReceived() for every page; progress() after
// every page; finished() exactly once per start(), with an error that isError() on failure.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    explicit SyncEngine(GitHubClient *client, QObject *parent = nullptr);

    void start(const QString &repository);
    void cancel();
    bool isRunning() const { return m_running; }
    QString repository() const { return m_repository; }

Q_SIGNALS:
    void started(const QString &repository);
    void labelsReceived(const QList<Mainstay::Label> &labels);
    void issuesReceived(const QList<Mainstay::Issue> &issues);
    void progress(int pagesDone, int pagesTotal);
    void finished(const Mainstay::ApiError &error);

private:
    void fetchIssues();
    void finish(const ApiError &error);
    bool isCurrent(quint64 generation) const { return m_running && generation == m_generation; }

    GitHubClient *m_client;
    QString m_repository;
    QList<Label> m_labels;
    QPointer<PagedJob> m_job;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace Mainstay
