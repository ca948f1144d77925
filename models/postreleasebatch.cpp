#include "postreleasebatch.h"

#include "githubclient.h"
#include "githubjson.h"
#include "outbox.h"
#include "outboxkind.h"
#include "restjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

namespace Mainstay {

namespace {

QString stepName(PostReleaseBatch::Step step)
{
    switch (step) {
    case PostReleaseBatch::Step::Pending:
        return QStringLiteral("pending");
    case PostReleaseBatch::Step::Commented:
        return QStringLiteral("commented");
    case PostReleaseBatch::Step::LabelRemoved:
        return QStringLiteral("label-removed");
    case PostReleaseBatch::Step::Closed:
        return QStringLiteral("closed");
    case PostReleaseBatch::Step::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

bool isDone(PostReleaseBatch::Step step)
{
    return step == PostReleaseBatch::Step::Closed || step == PostReleaseBatch::Step::Skipped;
}

} // namespace

PostReleaseBatch::PostReleaseBatch(GitHubClient *client, Outbox *outbox, const QString &repository,
                                   const QString &label, const QString &tag,
                                   const QString &releaseUrl, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_outbox(outbox)
    , m_repository(repository)
    , m_label(label)
    , m_tag(tag)
    , m_releaseUrl(releaseUrl)
    , m_comment(defaultComment(tag, releaseUrl))
{
    if (outbox) {
        m_connections << connect(outbox, &Outbox::entrySent, this,
                                 [this](const OutboxEntry &entry) { onEntrySent(entry.id); });
        m_connections << connect(
            outbox, &Outbox::entryFailed, this,
            [this](const OutboxEntry &entry, const QString &message, bool permanent) {
                onEntryFailed(entry.id, message, permanent);
            });
    }
}

PostReleaseBatch::~PostReleaseBatch()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
}

QString PostReleaseBatch::defaultComment(const QString &tag, const QString &releaseUrl)
{
    if (releaseUrl.isEmpty())
        return QStringLiteral("This is now released under %1 version!").arg(tag);
    return QStringLiteral("This is now released under [%1](%2) version!").arg(tag, releaseUrl);
}

int PostReleaseBatch::doneCount() const
{
    int done = 0;
    for (const Item &item : m_items)
        done += isDone(item.step);
    return done;
}

bool PostReleaseBatch::namesVersion(const QString &text) const
{
    QString version = m_tag;
    if (version.startsWith(u'v'))
        version.remove(0, 1);
    const QRegularExpression re(
        QStringLiteral(R"((?<![\w.])v?%1(?![\w]|\.\d))").arg(QRegularExpression::escape(version)));
    return re.match(text).hasMatch();
}

void PostReleaseBatch::load()
{
    if (m_loading || m_running)
        return;
    m_loading = true;
    m_items.clear();
    m_recovered.clear();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("labels"), m_label);
    // Closed ones too, so the preview shows them as skipped (never written to).
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("all"));
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    const QUrl first = m_client->url(QStringLiteral("/repos/%1/issues").arg(m_repository), query);
    auto fetch = std::make_shared<std::function<void(const QUrl &)>>();
    *fetch = [this, fetch](const QUrl &url) {
        RestJob *job = m_client->get(url);
        connect(job, &RestJob::finished, this, [this, fetch](RestJob *finished) {
            const ApiResponse &response = finished->response();
            if (!response.isOk()) {
                m_loading = false;
                Q_EMIT loadFailed(QStringLiteral("Could not list the %1 issues: %2")
                                      .arg(m_label, response.error.message()));
                return;
            }
            ParseResult<QList<Issue>> parsed = GitHubJson::parseIssueList(response.body);
            if (!parsed) {
                m_loading = false;
                Q_EMIT loadFailed(
                    QStringLiteral("The issue list is malformed: %1").arg(parsed.error()));
                return;
            }
            for (const Issue &issue : parsed.value()) {
                if (issue.isPullRequest)
                    continue; // pull requests carry the label only by mistake; not told
                Item item;
                item.number = issue.number;
                item.title = issue.title;
                item.url = issue.htmlUrl;
                item.step = issue.isOpen() ? Step::Pending : Step::Skipped;
                m_items.append(item);
            }
            const QUrl next = response.links.value(QStringLiteral("next"));
            if (next.isValid() && !next.isEmpty()) {
                (*fetch)(next);
                return;
            }
            // Issues a broken saved state named that the listing no longer shows.
            auto missing = std::make_shared<QList<int>>();
            for (int number : std::as_const(m_recheck))
                if (number > 0 && !missing->contains(number) &&
                    std::none_of(m_items.cbegin(), m_items.cend(),
                                 [number](const Item &item) { return item.number == number; }))
                    missing->append(number);
            recheckMissing(missing, [this] {
                std::sort(m_items.begin(), m_items.end(),
                          [](const Item &a, const Item &b) { return a.number < b.number; });
                // Then the comments of each, to find the ones already told.
                loadAllComments(0);
            });
        });
    };
    (*fetch)(first);
}

void PostReleaseBatch::loadAllComments(int index)
{
    if (index >= m_items.size()) {
        // An issue looked up by number (no longer labelled) is ours only when it was told:
        // the batch comments before it removes the label. It is then closed, never told again;
        // one without that comment lost its label by other hands and is left alone.
        for (qsizetype i = m_items.size() - 1; i >= 0; --i) {
            Item &item = m_items[i];
            if (!m_recovered.contains(item.number) || item.step != Step::Pending)
                continue;
            if (item.alreadyCommented)
                item.step = Step::LabelRemoved;
            else
                m_items.removeAt(i);
        }
        m_recovered.clear();
        m_recheck.clear();
        m_loading = false;
        Q_EMIT loaded();
        return;
    }
    if (m_items.at(index).step == Step::Skipped) {
        loadAllComments(index + 1); // closed: nothing will be said, nothing to read
        return;
    }
    loadComments(index, [this, index] { loadAllComments(index + 1); });
}

void PostReleaseBatch::recheckMissing(const std::shared_ptr<QList<int>> &numbers,
                                      const std::function<void()> &done)
{
    if (numbers->isEmpty()) {
        done();
        return;
    }
    const int number = numbers->takeFirst();
    RestJob *job =
        m_client->get(QStringLiteral("/repos/%1/issues/%2").arg(m_repository).arg(number));
    connect(job, &RestJob::finished, this, [this, numbers, done, number](RestJob *finished) {
        const ApiResponse &response = finished->response();
        if (response.status == 404 || response.status == 410) {
            recheckMissing(numbers, done); // gone (deleted, transferred): nothing to do
            return;
        }
        if (!response.isOk()) {
            m_loading = false;
            Q_EMIT loadFailed(QStringLiteral("Could not look up #%1: %2")
                                  .arg(number)
                                  .arg(response.error.message()));
            return;
        }
        ParseResult<Issue> parsed =
            GitHubJson::parseIssue(QJsonDocument::fromJson(response.body).object());
        if (!parsed) {
            m_loading = false;
            Q_EMIT loadFailed(
                QStringLiteral("Issue #%1 is malformed: %2").arg(number).arg(parsed.error()));
            return;
        }
        const Issue &issue = parsed.value();
        if (!issue.isPullRequest) {
            Item item;
            item.number = issue.number;
            item.title = issue.title;
            item.url = issue.htmlUrl;
            item.step = issue.isOpen() ? Step::Pending : Step::Skipped;
            if (issue.isOpen() && !issue.hasLabel(m_label))
                m_recovered.insert(issue.number);
            m_items.append(item);
        }
        recheckMissing(numbers, done);
    });
}

void PostReleaseBatch::loadComments(int index, const std::function<void()> &done)
{
    const int number = m_items.at(index).number;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    auto fetch = std::make_shared<std::function<void(const QUrl &)>>();
    *fetch = [this, fetch, index, done](const QUrl &url) {
        RestJob *job = m_client->get(url);
        connect(job, &RestJob::finished, this, [this, fetch, index, done](RestJob *finished) {
            const ApiResponse &response = finished->response();
            if (!response.isOk()) {
                const QString message = QStringLiteral("Could not read the comments of #%1: %2")
                                            .arg(m_items.at(index).number)
                                            .arg(response.error.message());
                if (m_loading) {
                    m_loading = false;
                    Q_EMIT loadFailed(message);
                } else {
                    stop(message);
                }
                return;
            }
            ParseResult<QList<Comment>> parsed = GitHubJson::parseCommentList(response.body);
            if (parsed)
                for (const Comment &comment : parsed.value())
                    if (namesVersion(comment.body))
                        m_items[index].alreadyCommented = true;
            const QUrl next = response.links.value(QStringLiteral("next"));
            if (next.isValid() && !next.isEmpty())
                (*fetch)(next);
            else
                done();
        });
    };
    (*fetch)(m_client->url(
        QStringLiteral("/repos/%1/issues/%2/comments").arg(m_repository).arg(number), query));
}

void PostReleaseBatch::run()
{
    if (m_running || m_loading || !m_outbox)
        return;
    m_running = true;
    m_current = -1;
    runNext();
}

void PostReleaseBatch::runNext()
{
    ++m_current;
    while (m_current < m_items.size() && isDone(m_items.at(m_current).step))
        ++m_current;
    if (m_current >= m_items.size()) {
        m_running = false;
        m_current = -1;
        Q_EMIT finished();
        return;
    }
    m_refreshed = false;
    m_items[m_current].error.clear();
    step();
}

qint64 PostReleaseBatch::pendingEntryFor(int number) const
{
    qint64 last = 0;
    for (const OutboxEntry &entry : m_outbox->pending())
        if (entry.payload.value(QLatin1String("number")).toInt() == number)
            last = entry.id;
    return last;
}

void PostReleaseBatch::step()
{
    Item &item = m_items[m_current];
    // Writes from before a restart still in the outbox go first; then the issue is looked up.
    if (const qint64 pending = pendingEntryFor(item.number)) {
        m_refreshed = false;
        waitFor(pending);
        return;
    }
    if (m_needsRefresh && !m_refreshed) {
        refresh(m_current);
        return;
    }
    switch (item.step) {
    case Step::Pending:
        if (item.alreadyCommented) {
            item.step = Step::Commented;
            Q_EMIT itemChanged(m_current);
            step();
            return;
        }
        waitFor(m_outbox->comment(item.number, m_comment));
        return;
    case Step::Commented:
        waitFor(m_outbox->removeLabels(item.number, {m_label}));
        return;
    case Step::LabelRemoved:
        waitFor(m_outbox->closeIssue(item.number, QStringLiteral("completed")));
        return;
    case Step::Closed:
    case Step::Skipped:
        runNext();
        return;
    }
}

void PostReleaseBatch::refresh(int index)
{
    const int number = m_items.at(index).number;
    RestJob *job =
        m_client->get(QStringLiteral("/repos/%1/issues/%2").arg(m_repository).arg(number));
    connect(job, &RestJob::finished, this, [this, index](RestJob *finished) {
        const ApiResponse &response = finished->response();
        if (!response.isOk()) {
            stop(QStringLiteral("Could not look up #%1 again: %2")
                     .arg(m_items.at(index).number)
                     .arg(response.error.message()));
            return;
        }
        ParseResult<Issue> parsed =
            GitHubJson::parseIssue(QJsonDocument::fromJson(response.body).object());
        if (!parsed) {
            stop(QStringLiteral("Issue #%1 is malformed: %2")
                     .arg(m_items.at(index).number)
                     .arg(parsed.error()));
            return;
        }
        const Issue issue = parsed.value();
        loadComments(index, [this, index, issue] {
            Item &item = m_items[index];
            if (!issue.isOpen()) {
                item.step = item.step == Step::Pending && !item.alreadyCommented ? Step::Skipped
                                                                                 : Step::Closed;
            } else if (!issue.hasLabel(m_label)) {
                if (item.alreadyCommented)
                    item.step = Step::LabelRemoved;
            } else if (item.alreadyCommented && item.step == Step::Pending) {
                item.step = Step::Commented;
            }
            m_refreshed = true;
            Q_EMIT itemChanged(index);
            if (m_running && index == m_current)
                step();
        });
    });
}

void PostReleaseBatch::waitFor(qint64 entryId)
{
    if (entryId == 0) {
        stop(QStringLiteral("The outbox could not store the write for #%1")
                 .arg(m_items.at(m_current).number));
        return;
    }
    m_waitingFor = entryId;
    if (!m_outbox->isStarted())
        m_outbox->start();
}

void PostReleaseBatch::onEntrySent(qint64 id)
{
    if (!m_running || id != m_waitingFor || m_current < 0)
        return;
    m_waitingFor = 0;
    Item &item = m_items[m_current];
    const std::optional<OutboxEntry> entry = [&]() -> std::optional<OutboxEntry> {
        for (const OutboxEntry &e : m_outbox->entries())
            if (e.id == id)
                return e;
        return std::nullopt;
    }();
    if (!entry || entry->payload.value(QLatin1String("number")).toInt() != item.number) {
        // An older write for this issue (from before a restart): look the issue up again.
        m_refreshed = false;
        m_needsRefresh = true;
        step();
        return;
    }
    if (entry->kind == OutboxKind::Comment) {
        item.step = Step::Commented;
        item.alreadyCommented = true;
    } else if (entry->kind == OutboxKind::RemoveLabels) {
        item.step = Step::LabelRemoved;
    } else if (entry->kind == OutboxKind::CloseIssue) {
        item.step = Step::Closed;
    } else {
        m_refreshed = false;
        m_needsRefresh = true;
    }
    Q_EMIT itemChanged(m_current);
    if (m_needsRefresh && !m_refreshed && !isDone(item.step)) {
        step();
        return;
    }
    if (isDone(item.step))
        runNext();
    else
        step();
}

void PostReleaseBatch::onEntryFailed(qint64 id, const QString &message, bool permanent)
{
    if (!m_running || id != m_waitingFor || !permanent)
        return; // transient failures are retried by the outbox itself
    m_waitingFor = 0;
    stop(QStringLiteral("#%1: %2").arg(m_items.at(m_current).number).arg(message));
}

void PostReleaseBatch::stop(const QString &message)
{
    if (m_current >= 0 && m_current < m_items.size()) {
        m_items[m_current].error = message;
        Q_EMIT itemChanged(m_current);
    }
    m_running = false;
    m_current = -1;
    m_needsRefresh = true; // a resume looks every remaining issue up again
    Q_EMIT failed(message);
}

QJsonObject PostReleaseBatch::saveState() const
{
    QJsonArray items;
    for (const Item &item : m_items)
        items.append(QJsonObject{{QStringLiteral("number"), item.number},
                                 {QStringLiteral("title"), item.title},
                                 {QStringLiteral("url"), item.url},
                                 {QStringLiteral("alreadyCommented"), item.alreadyCommented},
                                 {QStringLiteral("step"), stepName(item.step)}});
    return QJsonObject{{QStringLiteral("format"), StateFormat},
                       {QStringLiteral("tag"), m_tag},
                       {QStringLiteral("label"), m_label},
                       {QStringLiteral("comment"), m_comment},
                       {QStringLiteral("items"), items}};
}

std::optional<QList<PostReleaseBatch::Item>> PostReleaseBatch::itemsInState(const QJsonValue &value,
                                                                            QString *error)
{
    auto refuse = [error](const QString &why) -> std::optional<QList<Item>> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!value.isObject())
        return refuse(QStringLiteral("it is not a JSON object"));
    const QJsonObject state = value.toObject();
    // Saved before the format was recorded: the same layout as format 1.
    const QJsonValue format = state.value(QLatin1String("format"));
    if (!format.isUndefined() && format.toInt(-1) != StateFormat)
        return refuse(
            QStringLiteral("it has format %1; this version reads format %2")
                .arg(format.isDouble() ? QString::number(format.toDouble()) : QStringLiteral("“?”"))
                .arg(StateFormat));
    if (!state.value(QLatin1String("tag")).isString())
        return refuse(QStringLiteral("it names no tag"));
    const QJsonValue comment = state.value(QLatin1String("comment"));
    if (!comment.isUndefined() && !comment.isString())
        return refuse(QStringLiteral("its comment is not text"));
    if (!state.value(QLatin1String("items")).isArray())
        return refuse(QStringLiteral("it holds no list of issues"));
    const QJsonArray array = state.value(QLatin1String("items")).toArray();
    QList<Item> items;
    QSet<int> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const QJsonValue number = o.value(QLatin1String("number"));
        Item item;
        item.number = number.toInt(0);
        if (!array.at(i).isObject() || !number.isDouble() || item.number <= 0 ||
            double(item.number) != number.toDouble())
            return refuse(QStringLiteral("issue %1 of the list has no valid number").arg(i + 1));
        if (seen.contains(item.number))
            return refuse(QStringLiteral("#%1 is listed twice").arg(item.number));
        seen.insert(item.number);
        const QString step = o.value(QLatin1String("step")).toString();
        using S = Step;
        bool known = false;
        for (S s : {S::Pending, S::Commented, S::LabelRemoved, S::Closed, S::Skipped})
            if (stepName(s) == step) {
                item.step = s;
                known = true;
            }
        if (!known)
            return refuse(
                QStringLiteral("#%1 is at an unknown step “%2”").arg(item.number).arg(step));
        item.title = o.value(QLatin1String("title")).toString();
        item.url = o.value(QLatin1String("url")).toString();
        item.alreadyCommented = o.value(QLatin1String("alreadyCommented")).toBool();
        items.append(item);
    }
    return items;
}

QList<int> PostReleaseBatch::issueNumbersInState(const QJsonValue &state)
{
    QList<int> numbers;
    for (const QJsonValue &value : state.toObject().value(QLatin1String("items")).toArray()) {
        const QJsonValue number = value.toObject().value(QLatin1String("number"));
        const int n = number.toInt(0);
        if (number.isDouble() && n > 0 && double(n) == number.toDouble() && !numbers.contains(n))
            numbers.append(n);
    }
    return numbers;
}

bool PostReleaseBatch::restoreState(const QJsonObject &state, QString *error)
{
    if (m_running || m_loading) {
        if (error)
            *error = QStringLiteral("the batch is busy");
        return false;
    }
    if (state.value(QLatin1String("tag")).toString() != m_tag) {
        if (error)
            *error = QStringLiteral("it is for %1, not %2")
                         .arg(state.value(QLatin1String("tag")).toString(QStringLiteral("no tag")),
                              m_tag);
        return false;
    }
    std::optional<QList<Item>> items = itemsInState(state, error);
    if (!items)
        return false;
    m_items = *items;
    if (state.contains(QLatin1String("comment")))
        m_comment = state.value(QLatin1String("comment")).toString();
    m_needsRefresh = true;
    return true;
}

} // namespace Mainstay
