#include "outbox.h"

#include "apierror.h"
#include "clock.h"
#include "githubclient.h"
#include "outboxkind.h"
#include "outboxoperation.h"
#include "scheduler.h"
#include "userdatadatabase.h"

#include <QJsonArray>

namespace Mainstay {

namespace {

QJsonObject labelFields(const Label &label)
{
    return QJsonObject{{QStringLiteral("color"), label.color},
                       {QStringLiteral("description"), label.description}};
}

QJsonObject releaseFields(const Release &release)
{
    QJsonObject fields{{QStringLiteral("tag_name"), release.tagName},
                       {QStringLiteral("name"), release.name},
                       {QStringLiteral("body"), release.body},
                       {QStringLiteral("draft"), release.draft},
                       {QStringLiteral("prerelease"), release.prerelease}};
    if (!release.targetCommitish.isEmpty())
        fields.insert(QStringLiteral("target_commitish"), release.targetCommitish);
    return fields;
}

QJsonObject issuePayload(int number, const QString &key, const QJsonValue &value)
{
    return QJsonObject{{QStringLiteral("number"), number}, {key, value}};
}

} // namespace

Outbox::Outbox(UserDataDatabase *database, GitHubClient *client, const QString &repository,
               Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_repository(repository)
    , m_scheduler(scheduler ? scheduler : Scheduler::system())
{}

Outbox::~Outbox()
{
    // An entry in flight stays `sending` in the database: the next start() checks it before
    // sending it again, exactly as after a crash.
    if (m_operation) {
        m_operation->disconnect(this);
        delete m_operation;
    }
}

// --- writes ---------------------------------------------------------------------------------

qint64 Outbox::addLabels(int number, const QStringList &labels)
{
    return store(OutboxKind::AddLabels, issuePayload(number, QStringLiteral("labels"),
                                                     QJsonArray::fromStringList(labels)));
}

qint64 Outbox::removeLabels(int number, const QStringList &labels)
{
    return store(OutboxKind::RemoveLabels, issuePayload(number, QStringLiteral("labels"),
                                                        QJsonArray::fromStringList(labels)));
}

qint64 Outbox::setLabels(int number, const QStringList &labels)
{
    return store(OutboxKind::SetLabels, issuePayload(number, QStringLiteral("labels"),
                                                     QJsonArray::fromStringList(labels)));
}

qint64 Outbox::changeLabels(int number, const QStringList &add, const QStringList &remove)
{
    if (add.isEmpty() && remove.isEmpty())
        return 0;
    if (remove.isEmpty())
        return addLabels(number, add);
    if (add.isEmpty())
        return removeLabels(number, remove);
    QJsonObject payload =
        issuePayload(number, QStringLiteral("add"), QJsonArray::fromStringList(add));
    payload.insert(QStringLiteral("remove"), QJsonArray::fromStringList(remove));
    return store(OutboxKind::ChangeLabels, payload);
}

qint64 Outbox::applyLabelChange(int number, const LabelChange &change)
{
    return changeLabels(number, change.add, change.remove);
}

qint64 Outbox::comment(int number, const QString &body)
{
    // The marker is added when sending: it needs the id this call returns.
    return store(OutboxKind::Comment, issuePayload(number, QStringLiteral("body"), body));
}

qint64 Outbox::closeIssue(int number, const QString &reason, const QString &comment)
{
    QJsonObject payload = issuePayload(number, QStringLiteral("reason"), reason);
    if (!comment.isEmpty())
        payload.insert(QStringLiteral("comment"), comment);
    return store(OutboxKind::CloseIssue, payload);
}

qint64 Outbox::reopenIssue(int number)
{
    return store(OutboxKind::ReopenIssue, QJsonObject{{QStringLiteral("number"), number}});
}

qint64 Outbox::assign(int number, const QStringList &logins)
{
    return store(OutboxKind::Assign, issuePayload(number, QStringLiteral("assignees"),
                                                  QJsonArray::fromStringList(logins)));
}

qint64 Outbox::createLabel(const Label &label)
{
    QJsonObject payload = labelFields(label);
    payload.insert(QStringLiteral("name"), label.name);
    return store(OutboxKind::CreateLabel, payload);
}

qint64 Outbox::updateLabel(const QString &oldName, const Label &label)
{
    QJsonObject fields = labelFields(label);
    if (label.name != oldName)
        fields.insert(QStringLiteral("new_name"), label.name);
    return store(OutboxKind::UpdateLabel, QJsonObject{{QStringLiteral("name"), oldName},
                                                      {QStringLiteral("fields"), fields}});
}

qint64 Outbox::deleteLabel(const QString &name)
{
    return store(OutboxKind::DeleteLabel, QJsonObject{{QStringLiteral("name"), name}});
}

qint64 Outbox::createRelease(const Release &release)
{
    return store(OutboxKind::CreateRelease,
                 QJsonObject{{QStringLiteral("fields"), releaseFields(release)}});
}

qint64 Outbox::updateRelease(qint64 releaseId, const Release &release)
{
    return store(OutboxKind::UpdateRelease,
                 QJsonObject{{QStringLiteral("id"), releaseId},
                             {QStringLiteral("fields"), releaseFields(release)}});
}

qint64 Outbox::publishRelease(qint64 releaseId)
{
    return store(
        OutboxKind::UpdateRelease,
        QJsonObject{{QStringLiteral("id"), releaseId},
                    {QStringLiteral("fields"), QJsonObject{{QStringLiteral("draft"), false}}}});
}

qint64 Outbox::dispatchWorkflow(const QString &workflow, const QString &ref,
                                const QJsonObject &inputs)
{
    return store(OutboxKind::Dispatch, QJsonObject{{QStringLiteral("workflow"), workflow},
                                                   {QStringLiteral("ref"), ref},
                                                   {QStringLiteral("inputs"), inputs}});
}

qint64 Outbox::rerunFailedJobs(qint64 runId)
{
    return store(OutboxKind::RerunFailedJobs, QJsonObject{{QStringLiteral("run_id"), runId}});
}

qint64 Outbox::cancelRun(qint64 runId)
{
    return store(OutboxKind::CancelRun, QJsonObject{{QStringLiteral("run_id"), runId}});
}

qint64 Outbox::reviewDeployments(qint64 runId, const QList<qint64> &environmentIds, bool approve,
                                 const QString &comment)
{
    QJsonArray ids;
    for (qint64 id : environmentIds)
        ids.append(id);
    return store(OutboxKind::ReviewDeployments,
                 QJsonObject{{QStringLiteral("run_id"), runId},
                             {QStringLiteral("environment_ids"), ids},
                             {QStringLiteral("state"),
                              approve ? QStringLiteral("approved") : QStringLiteral("rejected")},
                             {QStringLiteral("comment"), comment}});
}

qint64 Outbox::enqueue(const QString &kind, const QJsonObject &payload)
{
    return store(kind, payload);
}

qint64 Outbox::store(const QString &kind, const QJsonObject &payload)
{
    const qint64 id = m_database->enqueue(kind, payload);
    if (id == 0)
        return 0;
    if (const std::optional<OutboxEntry> entry = m_database->entry(id))
        Q_EMIT entryQueued(*entry);
    notePendingCount();
    schedulePump(0);
    return id;
}

// --- sending --------------------------------------------------------------------------------

void Outbox::start()
{
    m_started = true;
    notePendingCount();
    schedulePump(0);
}

void Outbox::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    if (!online)
        return; // an entry in flight finishes; nothing new starts
    // Back online is better news than any backoff: try at once.
    m_failures = 0;
    if (m_backoffPending) {
        m_backoffPending = false;
        ++m_backoffGeneration;
    }
    schedulePump(0);
}

void Outbox::schedulePump(qint64 delayMs)
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    // Never from inside the caller's stack: enqueue() may be called from a slot of ours.
    m_scheduler->schedule(delayMs, this, [this] {
        m_pumpScheduled = false;
        pump();
    });
}

void Outbox::pump()
{
    if (m_operation)
        return;
    if (!m_started || !m_online || m_backoffPending) {
        Q_EMIT idle();
        return;
    }
    const QList<OutboxEntry> pending = m_database->pendingEntries();
    if (pending.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    const qint64 id = pending.first().id;
    // On disk before the request leaves: a crash from here on leaves it `sending`, which makes
    // the next try check GitHub first.
    std::optional<OutboxEntry> entry;
    if (m_database->markSending(id))
        entry = m_database->entry(id);
    if (!entry) {
        // The database refused; treat it like a transient fault rather than spin.
        ++m_failures;
        m_backoffPending = true;
        const quint64 generation = ++m_backoffGeneration;
        m_scheduler->schedule(std::min(MaxBackoffMs, InitialBackoffMs << std::min(m_failures, 20)),
                              this, [this, generation] {
                                  if (generation != m_backoffGeneration)
                                      return;
                                  m_backoffPending = false;
                                  pump();
                              });
        return;
    }
    Q_EMIT entrySending(*entry);
    auto *operation = new OutboxOperation(m_client, m_repository, *entry, this);
    m_operation = operation;
    connect(operation, &OutboxOperation::finished, this, &Outbox::onFinished);
    operation->start();
}

void Outbox::onFinished(OutboxOperation *operation)
{
    m_operation = nullptr;
    const qint64 id = operation->entry().id;
    if (operation->succeeded()) {
        m_failures = 0;
        m_database->markSent(id, operation->result());
        if (const std::optional<OutboxEntry> entry = m_database->entry(id))
            Q_EMIT entrySent(*entry);
        notePendingCount();
        schedulePump(0);
        return;
    }
    const ApiError &error = operation->error();
    const QString message = describe(operation->entry(), error);
    const bool permanent = !error.isTransient() && error.kind != ApiError::Kind::Cancelled;
    m_database->markFailed(id, message, permanent);
    const OutboxEntry entry = m_database->entry(id).value_or(operation->entry());
    if (permanent) {
        m_failures = 0;
        Q_EMIT entryFailed(entry, message, true);
        notePendingCount();
        schedulePump(0);
        return;
    }
    // Later entries wait too: they may build on this one (add a label, then remove it).
    ++m_failures;
    qint64 delay = std::min(MaxBackoffMs, InitialBackoffMs << std::min(m_failures - 1, 20));
    // A rate limit says when it is over; trying earlier only spends requests.
    if (error.retryAt.isValid())
        delay = std::max(delay, m_client->clock()->now().msecsTo(error.retryAt));
    m_backoffPending = true;
    const quint64 generation = ++m_backoffGeneration;
    m_scheduler->schedule(delay, this, [this, generation] {
        if (generation != m_backoffGeneration)
            return;
        m_backoffPending = false;
        pump();
    });
    Q_EMIT entryFailed(entry, message, false);
    Q_EMIT idle();
}

QString Outbox::describe(const OutboxEntry &entry, const ApiError &error)
{
    namespace K = OutboxKind;
    const QJsonObject &p = entry.payload;
    const QString issue =
        QStringLiteral("#") + QString::number(p.value(QLatin1String("number")).toInt());
    QString what;
    if (entry.kind == K::AddLabels)
        what = QStringLiteral("add labels to %1").arg(issue);
    else if (entry.kind == K::RemoveLabels)
        what = QStringLiteral("remove labels from %1").arg(issue);
    else if (entry.kind == K::SetLabels)
        what = QStringLiteral("set the labels of %1").arg(issue);
    else if (entry.kind == K::ChangeLabels)
        what = QStringLiteral("change the labels of %1").arg(issue);
    else if (entry.kind == K::Comment)
        what = QStringLiteral("comment on %1").arg(issue);
    else if (entry.kind == K::CloseIssue)
        what = QStringLiteral("close %1").arg(issue);
    else if (entry.kind == K::ReopenIssue)
        what = QStringLiteral("reopen %1").arg(issue);
    else if (entry.kind == K::Assign)
        what = QStringLiteral("assign %1").arg(issue);
    else if (entry.kind == K::CreateLabel)
        what = QStringLiteral("create the label \"%1\"")
                   .arg(p.value(QLatin1String("name")).toString());
    else if (entry.kind == K::UpdateLabel)
        what = QStringLiteral("update the label \"%1\"")
                   .arg(p.value(QLatin1String("name")).toString());
    else if (entry.kind == K::DeleteLabel)
        what = QStringLiteral("delete the label \"%1\"")
                   .arg(p.value(QLatin1String("name")).toString());
    else if (entry.kind == K::CreateRelease)
        what = QStringLiteral("create the release %1")
                   .arg(p.value(QLatin1String("fields"))
                            .toObject()
                            .value(QLatin1String("tag_name"))
                            .toString());
    else if (entry.kind == K::UpdateRelease)
        what = QStringLiteral("update the release");
    else if (entry.kind == K::Dispatch)
        what = QStringLiteral("start the workflow %1")
                   .arg(p.value(QLatin1String("workflow")).toString());
    else if (entry.kind == K::RerunFailedJobs)
        what = QStringLiteral("re-run the failed jobs");
    else if (entry.kind == K::CancelRun)
        what = QStringLiteral("cancel the run");
    else if (entry.kind == K::ReviewDeployments)
        what = p.value(QLatin1String("state")).toString() == QLatin1String("approved")
                   ? QStringLiteral("approve the deployment")
                   : QStringLiteral("reject the deployment");
    else
        what = entry.kind;
    return QStringLiteral("Could not %1: %2").arg(what, error.message());
}

void Outbox::notePendingCount()
{
    const int count = pendingCount();
    if (count == m_lastPendingCount)
        return;
    m_lastPendingCount = count;
    Q_EMIT pendingCountChanged(count);
}

// --- for a UI -------------------------------------------------------------------------------

QList<OutboxEntry> Outbox::pending() const
{
    return m_database->pendingEntries();
}

int Outbox::pendingCount() const
{
    return int(m_database->pendingEntries().size());
}

QList<OutboxEntry> Outbox::entries() const
{
    return m_database->entries();
}

bool Outbox::cancel(qint64 id)
{
    const QList<OutboxEntry> before = m_database->pendingEntries();
    const bool wasHead = !before.isEmpty() && before.first().id == id;
    if (!m_database->cancel(id))
        return false;
    // The head of the queue may have been waiting out a backoff: the rest need not wait.
    if (wasHead && m_backoffPending) {
        m_backoffPending = false;
        ++m_backoffGeneration;
        m_failures = 0;
    }
    notePendingCount();
    schedulePump(0);
    return true;
}

bool Outbox::retry(qint64 id)
{
    if (!m_database->retry(id))
        return false;
    if (const std::optional<OutboxEntry> entry = m_database->entry(id))
        Q_EMIT entryQueued(*entry);
    notePendingCount();
    schedulePump(0);
    return true;
}

} // namespace Mainstay
