#pragma once

#include "apiresponse.h"
#include "outboxentry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace Mainstay {

class GitHubClient;
class PagedJob;
class RestJob;

// Sends one outbox entry to GitHub: the REST calls of its kind (see OutboxKind), in order, and
// before repeating a write that may already have reached GitHub (entry.attempts > 1: an earlier
// try was interrupted by a crash or ended in a transient error), a check that it has not:
//   comment (also the comment of close-issue): the issue's comments, every page, are searched
//     for the hidden marker `<!-- mainstay:<id> -->` with the same text; found = done.
//   create-release: the newest releases are searched for one with the same tag, name, body and
//     draft flag; found = done.
//   dispatch: the workflow's runs are searched for a workflow_dispatch run on the same ref
//     created since the entry was queued (30 s allowed for clock skew); found = done.
//   rerun-failed-jobs: a run that is queued or in progress again = done.
//   cancel-run: GitHub's 409 (the run is already finished) = done.
//   update-label: a 404 for the old name while the new name exists = done (renamed already).
//   delete-label: a 404 = done (the label is gone, whoever deleted it).
// Label additions, removals (also change-labels: add, then remove) and replacements, assignments,
// issue edits and release edits are idempotent and simply sent again.
//
// Answers that mean "already so" count as success: 404 "Label does not exist" when removing a
// label, and 422 already_exists when creating a label, which then updates the existing label's
// colour and description instead (creating a label means "make it exist like this").
//
// Emits finished() exactly once; error() tells how it ended (transient or not: the outbox
// decides what to do). The object deletes itself after finished().
class OutboxOperation : public QObject
{
    Q_OBJECT
public:
    OutboxOperation(GitHubClient *client, const QString &repository, const OutboxEntry &entry,
                    QObject *parent = nullptr);
    ~OutboxOperation() override;

    void start();
    // Stops the request in flight; finished() fires with a Cancelled error.
    void abort();

    const OutboxEntry &entry() const { return m_entry; }
    const ApiError &error() const { return m_error; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    // GitHub's answer to the last call (an array answer as {"items": [...]}), or the object found
    // by an idempotency check.
    const QJsonObject &result() const { return m_result; }
    // True when the idempotency check found the write already done, so nothing was sent.
    bool foundAlreadyDone() const { return m_foundAlreadyDone; }

    // The hidden marker a comment of entry `id` carries, and the body sent for it.
    static QString marker(qint64 id);
    static QString markedBody(const QString &body, qint64 id);
    // Whether a comment body on GitHub is the one entry `id` posts with `body`.
    static bool isMarkedComment(const QString &githubBody, const QString &body, qint64 id);

Q_SIGNALS:
    void finished(Mainstay::OutboxOperation *operation);

private:
    using OnResponse = std::function<void(const ApiResponse &)>;
    // Which errors of a call mean the write is already in place.
    using DonePredicate = std::function<bool(const ApiError &)>;

    QString repoPath(const QString &rest) const;
    QString issuePath(const QString &rest = QString()) const;
    int number() const;
    bool isRetry() const { return m_entry.attempts > 1; }

    // The API URL of `path` + "/" + `segment` (percent-encoded as one path segment: label names
    // hold spaces and slashes) + `rest`.
    QUrl urlOf(const QString &path, const QString &segment, const QString &rest = QString()) const;
    void call(const QByteArray &verb, const QUrl &url, const QJsonValue &body, OnResponse onOk,
              DonePredicate alreadyDone = {});
    void call(const QByteArray &verb, const QString &path, const QJsonValue &body, OnResponse onOk,
              DonePredicate alreadyDone = {});
    void get(const QUrl &url, OnResponse onOk);
    void get(const QString &path, const QUrlQuery &query, OnResponse onOk);
    void findMarkedComment(const QString &body, std::function<void(const QJsonObject &)> found,
                           std::function<void()> notFound);

    void sendComment(const QString &body, OnResponse then);
    void sendLabels(const QByteArray &verb);
    void removeLabels(QStringList labels);
    void changeLabels();
    void closeIssue();
    void createLabel();
    void updateLabel();
    void createRelease();
    void dispatch();
    void rerunFailedJobs();

    void succeed(const ApiResponse &response);
    void succeedWith(const QJsonObject &result, bool foundAlreadyDone);
    void fail(const ApiError &error);

    GitHubClient *m_client;
    QString m_repository;
    OutboxEntry m_entry;
    QPointer<RestJob> m_job;
    QPointer<PagedJob> m_pages;
    ApiError m_error;
    QJsonObject m_result;
    bool m_foundAlreadyDone = false;
    bool m_finished = false;
};

} // namespace Mainstay
