#pragma once

#include "label.h"
#include "labelchange.h"
#include "outboxentry.h"
#include "outboxoperation.h"
#include "release.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Mainstay {

struct ApiError;
class GitHubClient;
class Scheduler;
class UserDataDatabase;

// Every write to GitHub goes through here: it is stored first (UserDataDatabase's outbox, on
// disk before the call returns), shown at once through OutboxOverlay, then sent one entry at a
// time in id order while online. A transient failure (network, timeout, 5xx, rate limit) puts
// the entry back in the queue and tries again after 1 s, 2 s, 4 s … (at most 5 min), holding
// later entries back so that writes reach GitHub in the order they were made (a rate limit's
// reset time is waited out in full). A permanent one
// (401/403/404/410/422, …) marks it failed with GitHub's explanation, and sending goes on with
// the next entry. Repeating an entry that may have reached GitHub is safe: see OutboxOperation
// for the checks (a comment's hidden marker, for one).
//
// Nothing is sent before start(), which also resumes what a previous run left: queued entries,
// and entries left in `sending` by a crash. setOnline(false) holds sending (entries still queue);
// setOnline(true) resumes at once, without waiting out a backoff.
//
// Signals:
//   entryQueued(entry)           after an enqueue helper stored an entry (and after retry()).
//   entrySending(entry)          when an entry is about to go out (state sending).
//   entrySent(entry)             after GitHub accepted it (or a check found it already done);
//                                entry.result holds GitHub's answer.
//   entryFailed(entry, message, permanent)
//                                permanent: GitHub refused it; `message` is the sentence to show
//                                and the app reverts its optimistic change (the overlay drops
//                                it). Not permanent: it will be tried again.
//   pendingCountChanged(count)   whenever the number of queued + sending entries changes.
//   idle()                       when nothing is left to send right now (queue empty, offline,
//                                or waiting out a backoff).
//
// Payloads never hold credentials. Threading: the GUI thread, like the database.
class Outbox : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 InitialBackoffMs = 1000;
    static constexpr qint64 MaxBackoffMs = 5 * 60 * 1000;

    // `repository` is "owner/name". Nothing is owned; the scheduler defaults to real timers.
    Outbox(UserDataDatabase *database, GitHubClient *client, const QString &repository,
           Scheduler *scheduler = nullptr, QObject *parent = nullptr);
    ~Outbox() override;

    QString repository() const { return m_repository; }

    // --- writes; each returns the new entry's id (0 if it could not be stored).
    // Labels as set operations, so repeating one never changes the outcome.
    qint64 addLabels(int number, const QStringList &labels);
    qint64 removeLabels(int number, const QStringList &labels);
    qint64 setLabels(int number, const QStringList &labels);
    // Adds and removes in one entry (add-labels or remove-labels when one side is empty); labels
    // others added meanwhile stay, unlike setLabels(). 0 when both lists are empty.
    qint64 changeLabels(int number, const QStringList &add, const QStringList &remove);
    // One entry for a label change, of the simplest kind that does it (see changeLabels()).
    qint64 applyLabelChange(int number, const LabelChange &change);
    // Posted with the hidden marker `<!-- mainstay:<id> -->` appended.
    qint64 comment(int number, const QString &body);
    // `reason` is "completed" or "not_planned"; a non-empty `comment` is posted first.
    qint64 closeIssue(int number, const QString &reason, const QString &comment = QString());
    qint64 reopenIssue(int number);
    // Adds assignees (GitHub silently skips people who cannot be assigned).
    qint64 assign(int number, const QStringList &logins);
    // Creating a label that exists updates its colour and description instead.
    qint64 createLabel(const Label &label);
    qint64 updateLabel(const QString &oldName, const Label &label);
    // DELETE /repos/{o}/{r}/labels/{name}: GitHub takes the label off every issue and PR. A 404
    // (already gone) counts as done. The UI asks for confirmation before calling this.
    qint64 deleteLabel(const QString &name);
    // tag_name, name, body, target_commitish (when set), draft, prerelease.
    qint64 createRelease(const Release &release);
    qint64 updateRelease(qint64 releaseId, const Release &release);
    // PATCH {"draft": false}.
    qint64 publishRelease(qint64 releaseId);
    // `workflow` is the workflow's id or file name ("release.yml").
    qint64 dispatchWorkflow(const QString &workflow, const QString &ref,
                            const QJsonObject &inputs = {});
    qint64 rerunFailedJobs(qint64 runId);
    qint64 cancelRun(qint64 runId);
    // Approves or rejects a run's deployments waiting on these environments
    // (POST …/pending_deployments).
    qint64 reviewDeployments(qint64 runId, const QList<qint64> &environmentIds, bool approve,
                             const QString &comment);
    // Any kind of OutboxKind with its payload, for callers that build their own.
    qint64 enqueue(const QString &kind, const QJsonObject &payload);

    // --- sending
    void start();
    bool isStarted() const { return m_started; }
    void setOnline(bool online);
    bool isOnline() const { return m_online; }
    // An entry is in flight.
    bool isSending() const { return m_operation != nullptr; }
    // Waiting out a backoff after a transient failure.
    bool isBackingOff() const { return m_backoffPending; }
    // Consecutive transient failures of the entry at the head of the queue.
    int consecutiveFailures() const { return m_failures; }

    // --- for a UI
    // Queued and sending entries, oldest first.
    QList<OutboxEntry> pending() const;
    int pendingCount() const;
    // Every entry (sent, failed and cancelled too), oldest first.
    QList<OutboxEntry> entries() const;
    // Only queued or failed entries; the overlay stops showing a cancelled one.
    bool cancel(qint64 id);
    // A failed entry goes back to the queue and is sent again (in id order).
    bool retry(qint64 id);

Q_SIGNALS:
    void entryQueued(const Mainstay::OutboxEntry &entry);
    void entrySending(const Mainstay::OutboxEntry &entry);
    void entrySent(const Mainstay::OutboxEntry &entry);
    void entryFailed(const Mainstay::OutboxEntry &entry, const QString &message, bool permanent);
    void pendingCountChanged(int count);
    void idle();

private:
    qint64 store(const QString &kind, const QJsonObject &payload);
    void schedulePump(qint64 delayMs);
    void pump();
    void onFinished(OutboxOperation *operation);
    void notePendingCount();
    static QString describe(const OutboxEntry &entry, const ApiError &error);

    UserDataDatabase *m_database;
    GitHubClient *m_client;
    QString m_repository;
    Scheduler *m_scheduler;
    QPointer<OutboxOperation> m_operation;
    bool m_started = false;
    bool m_online = true;
    bool m_pumpScheduled = false;
    bool m_backoffPending = false;
    quint64 m_backoffGeneration = 0; // a resume cancels the backoff wake-up in flight
    int m_failures = 0;
    int m_lastPendingCount = -1;
};

} // namespace Mainstay
