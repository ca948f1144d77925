#pragma once

#include "clock.h"
#include "demodataset.h"
#include "demoliverun.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "ratelimit.h"

#include <QHash>
#include <QMutex>
#include <functional>
#include <optional>

namespace Mainstay {

// A fake GitHub REST API over a DemoDataset: the demo mode's server and the programmable GitHub
// of the tests. Plug handle() into a LoopbackHttpServer:
//
//     auto backend = std::make_shared<DemoGitHubBackend>(
//         DemoDataGenerator::generate(DemoDataGenerator::DefaultSeed, now));
//     LoopbackHttpServer server;
//     server.setHandler([backend](const HttpRequest &r) { return backend->handle(r); });
//     server.start();   // then point the client at server.baseUrl()
//
// Reads: the repository, issues (state, labels, since, sort, direction, creator, assignee),
// issue and repository-wide comments, issue events, pulls, labels, milestones, releases,
// collaborators, workflows, runs, attempts and jobs, /user and /rate_limit, the default branch's
// commits (/commits, /compare/BASE...HEAD), tags (/git/ref/tags/T), file contents (/contents)
// and /search/issues (repo:, is:, author:, label:, base:, merged: qualifiers), all paginated with
// GitHub's Link header built from the request's Host. Under a "/api/v3" prefix the same routes
// answer, as on GitHub Enterprise. Every response carries GitHub's rate-limit headers (core,
// 5000 an hour, one used per request except 304s and /rate_limit); 200 answers carry an ETag, and
// a matching If-None-Match gets 304 with no body.
//
// Writes change the dataset in memory only, bump updated_at, record issue events, and show up in
// later reads: issue labels (add, replace, remove), issue edits (state, state_reason, title,
// body, labels, assignees, milestone), comments, labels and releases. A workflow_dispatch of the
// Release workflow (POST .../dispatches, 204) starts a new run that plays like the live one;
// cancel (202; 409 when completed) and rerun-failed-jobs (201: a new attempt re-plays the failed,
// cancelled and skipped jobs; 403 while running or without failures) act on runs; the Release
// workflow file (GET .../contents/<path>) declares workflow_dispatch inputs. Every replayed
// Release run's publishing job deploys to the dataset's protected environment: once its needs are
// done it waits (job and run "waiting"), GET .../pending_deployments lists that environment for
// the viewer to approve, and POST .../pending_deployments approves (the run resumes, later jobs
// shifted by the wait) or rejects (the job fails, the jobs needing it are skipped, the run fails);
// with nothing waiting the POST gets 422 "No pending deployment requests".
// Invalid input gets GitHub's 422 "Validation Failed" with an errors list; malformed JSON gets 400
// "Problems parsing JSON".
//
// The in-progress Release run is replayed from the dataset's plan against `clock`, `speed` times
// faster than the clock: at construction it is as in the dataset (waiting for the review of its
// publishing job), and once approved it completes successfully (at the default 10x) a couple of
// minutes later. Its timestamps are on
// the clock's timeline, and bodies only change when a job or step changes, so polling an
// unchanged run gets 304s.
//
// Thread-safe: every public function may be called from any thread.
class DemoGitHubBackend
{
public:
    using Fault = std::function<std::optional<HttpResponse>(const HttpRequest &)>;

    explicit DemoGitHubBackend(DemoDataset dataset, Clock *clock = Clock::system(),
                               double speed = 10.0);

    HttpResponse handle(const HttpRequest &request);

    // Consulted before routing; a response it returns is sent as is (no rate-limit accounting).
    // It runs without the backend's lock held, so it may call dataset() or rateLimit().
    void setFault(Fault fault);

    // A copy of the data as served right now (the live run as of the clock's now).
    DemoDataset dataset() const;
    // The core bucket as the next response would report it before counting itself.
    RateLimit rateLimit() const;
    void setRateLimitRemaining(int remaining);
    // When (on the clock) the live run completes; invalid when there is none.
    QDateTime liveRunFinishesAt() const;

    // A commit on the default branch. The branch's history is derived from the dataset (one
    // commit per pull request merged into it, at its merge time, with its merge commit SHA), plus
    // the commits added with addCommit(). Published releases' tags point at the newest commit at
    // or before their publication; setTag() adds or moves a tag.
    struct Commit
    {
        QString sha;
        QString message;
        QString authorLogin; // empty: the e-mail maps to no account
        QString authorName;
        QDateTime date;
    };
    void addCommit(const Commit &commit);
    void setTag(const QString &name, const QString &sha);
    // GET /repos/o/r/contents/PATH serves it (base64); an empty `content` removes the file.
    void setRepositoryFile(const QString &path, const QByteArray &content);
    // The default branch's commits, oldest first.
    QList<Commit> branchCommits() const;

    // What a route answers before headers are added; declared here only so that the helpers in
    // the .cpp can build it.
    struct Reply;

private:
    Reply route(const HttpRequest &request, const QString &apiBase, const QStringList &segments);
    Reply routeRepository(const HttpRequest &request, const QString &apiBase,
                          const QStringList &rest);

    Reply listIssues(const HttpRequest &request, const QString &apiBase);
    Reply listComments(const HttpRequest &request, const QString &apiBase, int issueNumber);
    Reply listEvents(const HttpRequest &request, const QString &apiBase, int issueNumber);
    Reply listPulls(const HttpRequest &request, const QString &apiBase);
    Reply listReleases(const HttpRequest &request, const QString &apiBase);
    Reply listRuns(const HttpRequest &request, const QString &apiBase, qint64 workflowId);
    Reply listJobs(const HttpRequest &request, const QString &apiBase, qint64 runId, int attempt);

    Reply addIssueLabels(const HttpRequest &request, const QString &apiBase, int number,
                         bool replace);
    Reply removeIssueLabel(const QString &apiBase, int number, const QString &name);
    Reply editIssue(const HttpRequest &request, const QString &apiBase, int number);
    Reply createComment(const HttpRequest &request, const QString &apiBase, int number);
    Reply createLabel(const HttpRequest &request, const QString &apiBase);
    Reply editLabel(const HttpRequest &request, const QString &apiBase, const QString &name);
    Reply deleteLabel(const QString &name);
    Reply createRelease(const HttpRequest &request, const QString &apiBase);
    Reply editRelease(const HttpRequest &request, const QString &apiBase, qint64 id);
    Reply dispatchWorkflow(const HttpRequest &request, const Workflow &workflow);
    Reply getContents(const HttpRequest &request, const QString &apiBase, const QString &path);
    Reply compareCommits(const HttpRequest &request, const QString &apiBase, const QString &spec);
    Reply listCommits(const HttpRequest &request, const QString &apiBase);
    Reply getTagRef(const QString &apiBase, const QString &tag);
    Reply searchIssues(const HttpRequest &request, const QString &apiBase);
    QList<Commit> commitsLocked() const;
    QHash<QString, QString> tagsLocked() const;
    // The date a ref stands for in the branch's history (a branch: now), or invalid if unknown.
    QDateTime refDate(const QString &ref) const;
    Reply cancelRun(const WorkflowRun &run);
    Reply rerunFailedJobs(const WorkflowRun &run);
    Reply listPendingDeployments(const WorkflowRun &run, const QString &apiBase);
    Reply reviewPendingDeployments(const HttpRequest &request, const WorkflowRun &run,
                                   const QString &apiBase);
    static QByteArray workflowFile(const Workflow &workflow);
    const DemoLiveRun *liveRun(qint64 runId) const;

    Issue *findItem(int number);
    const Issue *findItem(int number) const;
    int labelIndex(const QString &name) const;
    QDateTime nowSeconds() const;
    QList<WorkflowRun> currentRuns() const;
    QList<WorkflowJob> currentJobs(qint64 runId) const;
    void touch(Issue &item, const QDateTime &when);
    void recordEvent(int number, const QString &event, const QString &labelName = QString(),
                     const QString &stateReason = QString());
    void rollRateLimitWindow();

    mutable QMutex m_mutex;
    DemoDataset m_data;
    Clock *m_clock;
    QList<DemoLiveRun> m_live; // the dataset's in-progress run, then dispatched ones
    double m_speed = 10.0;
    Fault m_fault;
    int m_rateLimit = 5000;
    int m_rateRemaining = 5000;
    QDateTime m_rateReset;
    qint64 m_nextId = 0;
    QHash<int, QList<Label>> m_generatedPullLabels; // what the changed files derive from
    QList<Commit> m_extraCommits;
    QHash<QString, QString> m_extraTags;
    QHash<QString, QByteArray> m_files;
};

} // namespace Mainstay
