#pragma once

#include "apierror.h"
#include "apiresponse.h"
#include "comment.h"
#include "issue.h"
#include "label.h"
#include "parseresult.h"
#include "pullrequest.h"
#include "pullrequestfiles.h"
#include "release.h"
#include "syncsummary.h"
#include "workflowrun.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrlQuery>
#include <functional>

namespace Mainstay {

class CacheDatabase;
class GitHubClient;
class GraphQLJob;
class PullRequestFilesJob;
class RestJob;
class WorkspaceStore;

// Brings one workspace (owner/repo) up to date from GitHub, into the store (when set) and the
// models (through the signals):
//   labels, milestones → issues and pull requests (incremental) → details of the changed pull
//   requests (GraphQL, 100 a request) → comments (incremental) →
//   issue events (new ones) → releases → maintainers → the release workflow's recent runs.
//
// Issues and comments are read with `sort=updated&direction=asc&since=W`, where W moves to the
// newest `updated_at` stored so far, and every page is stored together with its new W in one
// transaction. Each next request starts from W instead of following page links: under
// sort=updated, an item updated during the walk moves to the end and every later item shifts one
// place earlier, so following page links would skip one. Re-reading the items stamped exactly W
// is harmless; skipping one never happens. A crash or cancel resumes from the stored W. The walk
// ends with a request that brings nothing new, whose URL is then the first one of the next sync:
// with nothing changed, that sync costs conditional requests answered 304.
//
// Signals: started(); labelsReceived(), issuesReceived() (per page), commentsReceived(),
// releasesReceived() as data arrives; progress() after every page; finished() exactly once per
// start(), with an error that isError() on failure (Cancelled after cancel()).
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Incremental,
        Full
    };

    explicit SyncEngine(GitHubClient *client, QObject *parent = nullptr);

    // Not owned; null syncs into the models only.
    void setStore(WorkspaceStore *store) { m_store = store; }
    // Repository-wide issue events are newest first and have no `since`: a first sync reads at
    // most this many pages of them.
    void setMaxEventPages(int pages) { m_maxEventPages = pages; }
    // The workflow whose recent runs are synced (the policy's release workflow, e.g. "Release"),
    // matched by name or by file name; empty skips workflows.
    void setReleaseWorkflow(const QString &nameOrFile) { m_releaseWorkflow = nameOrFile; }
    static constexpr int RecentRuns = 30;
    // The details query brings the first 100 changed files of the open pull requests that
    // changed; pull requests with more files cost one request per further 100, at most this many
    // a sync (the rest stay marked incomplete until the pull request changes again).
    static constexpr int MaxExtraFilePages = 5;

    void start(const QString &repository, Mode mode = Mode::Incremental);
    void cancel();
    bool isRunning() const { return m_running; }
    QString repository() const { return m_repository; }
    const SyncSummary &summary() const { return m_summary; }

    static constexpr int PageSize = 100;

Q_SIGNALS:
    void started(const QString &repository);
    void labelsReceived(const QList<Mainstay::Label> &labels);
    void issuesReceived(const QList<Mainstay::Issue> &issues);
    void commentsReceived(const QList<Mainstay::Comment> &comments);
    void releasesReceived(const QList<Mainstay::Release> &releases);
    void pullRequestDetailsReceived(const QList<Mainstay::PullRequest> &pulls);
    // The changed files of open pull requests, as stored (complete or not).
    void pullRequestFilesReceived(const QList<Mainstay::PullRequestFiles> &files);
    void maintainersReceived(const QStringList &logins);
    void workflowRunsReceived(const QList<Mainstay::WorkflowRun> &runs);
    void progress(int pagesDone, int pagesTotal);
    void finished(const Mainstay::ApiError &error);

private:
    using Step = void (SyncEngine::*)();
    void runNextStep();
    void syncLabels();
    void syncMilestones();
    void syncIssues();
    void syncPullRequestDetails();
    void fetchPullRequestDetails(const QList<QList<int>> &batches, int index, bool files = true);
    void syncPullRequestFiles();
    void syncComments();
    void syncEvents();
    void syncReleases();
    void syncMaintainers();
    void syncWorkflowRuns();

    // GET every page of `path` (following Link rel=next); `onPages` gets all bodies at the end
    // (`unchanged` when every page was answered 304) and returns true to go on with the next
    // step, false when it failed or carries the step on itself.
    void fetchAll(const QString &path, const QUrlQuery &query,
                  std::function<bool(const QList<QByteArray> &bodies, bool unchanged)> onPages);
    void fetchAllPage(const QUrl &url, QList<QByteArray> bodies, bool unchanged,
                      std::function<bool(const QList<QByteArray> &, bool)> onPages);
    using SyncValues = QHash<QString, QString>;
    // A whole listing that the cache keeps as a set (labels, milestones, releases): every page,
    // then one replace, skipped when every page was answered 304.
    template<class T>
    void replaceAll(const QString &path, const QUrlQuery &query, const QString &what,
                    ParseResult<QList<T>> (*parse)(const QByteArray &),
                    bool (CacheDatabase::*replace)(const QList<T> &, const SyncValues &),
                    std::function<void(const QList<T> &)> emitItems);
    // The keyset walk of issues or comments described above: requests `url`, or the listing
    // since `since` when `url` is empty; `store` writes a page with its watermark.
    template<class T>
    void walk(const QString &path, const QUrlQuery &baseQuery, const QString &key,
              ParseResult<QList<T>> (*parse)(const QByteArray &),
              std::function<bool(const QList<T> &, const SyncValues &)> store,
              std::function<void(const QList<T> &)> emitItems, const QUrl &url,
              const QString &since);
    void fetchEventsPage(const QUrl &url, qint64 newestStored, int pagesLeft);

    RestJob *track(RestJob *job);
    // GETs `url`; a failure ends the sync, a page counts towards progress and goes to `onPage`.
    void requestPage(const QUrl &url, std::function<void(const ApiResponse &)> onPage);
    bool fail(const ApiError &error);
    void finish(const ApiError &error);
    bool isCurrent(quint64 generation) const { return m_running && generation == m_generation; }
    QString syncValue(const QString &key) const;

    GitHubClient *m_client;
    WorkspaceStore *m_store = nullptr;
    QString m_repository;
    Mode m_mode = Mode::Incremental;
    QList<Step> m_steps;
    QPointer<RestJob> m_job;
    QPointer<GraphQLJob> m_graphqlJob;
    QList<int> m_changedPulls;    // pull requests this sync saw change: their details are due
    QSet<int> m_changedOpenPulls; // of those, the open ones: their changed files are due
    // Files of pull requests with more than one page, to read on after the details.
    struct FilesToContinue
    {
        PullRequestFiles files;
        QString cursor;
    };
    QList<FilesToContinue> m_filesToContinue;
    QPointer<PullRequestFilesJob> m_filesJob;
    int m_extraFilePages = 0;
    QHash<QString, QString> m_memoryState;  // sync state when there is no store
    QHash<int, QDateTime> m_knownUpdatedAt; // to count new vs updated without a store
    SyncSummary m_summary;
    QDateTime m_issuesSinceAtStart;
    QSet<int> m_counted; // items counted in this sync's summary
    int m_requestsAtStart = 0;
    int m_notModifiedAtStart = 0;
    int m_pagesDone = 0;
    int m_pagesTotal = 0;
    int m_maxEventPages = 5;
    QString m_releaseWorkflow = QStringLiteral("Release");
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace Mainstay
