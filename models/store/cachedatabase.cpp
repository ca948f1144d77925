#include "cachedatabase.h"

#include "sqlvalues.h"
#include "storecodes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <vector>

namespace Mainstay {

using SqlValues::fromTime;
using SqlValues::toTime;

namespace {

// NOT NULL text columns: QtSql binds a null QString as SQL NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QByteArray blob(const QByteArray &value)
{
    return value.isNull() ? QByteArray("") : value;
}

QString joinRefs(const QList<qint64> &refs)
{
    QString joined;
    for (qint64 ref : refs) {
        if (!joined.isEmpty())
            joined += QLatin1Char(',');
        joined += QString::number(ref);
    }
    return joined;
}

template<class Visit>
void forEachRef(QStringView joined, Visit &&visit)
{
    if (joined.isEmpty())
        return;
    for (QStringView token : joined.tokenize(u','))
        visit(token.toLongLong());
}

// Finds or adds the rows of one interning table (users, label_refs, milestone_refs) during one
// write call. Values are matched on every column, so a changed avatar or colour gets a new row
// and old items keep what GitHub said then.
class Interner
{
public:
    Interner(const QSqlDatabase &database, const QString &table, const QStringList &columns)
        : m_select(database)
        , m_insert(database)
    {
        QStringList conditions;
        for (const QString &column : columns)
            conditions << column + QLatin1String(" IS ?");
        m_select.setForwardOnly(true);
        m_select.prepare(QStringLiteral("SELECT ref FROM %1 WHERE %2 LIMIT 1")
                             .arg(table, conditions.join(QLatin1String(" AND "))));
        m_insert.prepare(
            QStringLiteral("INSERT INTO %1(%2) VALUES(%3)")
                .arg(table, columns.join(QLatin1Char(',')),
                     QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))));
    }

    // 0 with `error` set on failure.
    qint64 ref(const QVariantList &values, QString *error)
    {
        QString key;
        for (const QVariant &value : values) {
            key += value.isNull() ? QStringLiteral("\x1e") : value.toString();
            key += QLatin1Char('\x1f');
        }
        if (const auto known = m_known.constFind(key); known != m_known.cend())
            return *known;
        for (int i = 0; i < values.size(); ++i)
            m_select.bindValue(i, values[i]);
        if (!m_select.exec()) {
            *error = SqlValues::errorText(m_select);
            return 0;
        }
        qint64 ref = m_select.next() ? m_select.value(0).toLongLong() : 0;
        m_select.finish();
        if (ref == 0) {
            for (int i = 0; i < values.size(); ++i)
                m_insert.bindValue(i, values[i]);
            if (!m_insert.exec()) {
                *error = SqlValues::errorText(m_insert);
                return 0;
            }
            ref = m_insert.lastInsertId().toLongLong();
        }
        m_known.insert(key, ref);
        return ref;
    }

private:
    QSqlQuery m_select;
    QSqlQuery m_insert;
    QHash<QString, qint64> m_known;
};

QStringList userColumns()
{
    return {QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("type"),
            QStringLiteral("avatar_url"), QStringLiteral("html_url")};
}

class UserInterner : public Interner
{
public:
    explicit UserInterner(const QSqlDatabase &database)
        : Interner(database, QStringLiteral("users"), userColumns())
    {}
    // NULL for "no user" (a deleted account shows as an empty User).
    QVariant refOf(const User &user, QString *error)
    {
        if (user == User())
            return QVariant(QMetaType::fromType<qint64>());
        const qint64 r = ref(
            {user.id, text(user.login), text(user.type), text(user.avatarUrl), text(user.htmlUrl)},
            error);
        return r ? QVariant(r) : QVariant();
    }
};

// Hands out one shared copy of each distinct string read in one load, so 100k items do not hold
// 100k copies of "labeled" or "bug".
class StringPool
{
public:
    QString intern(const QString &value)
    {
        if (value.isEmpty())
            return value;
        auto it = m_strings.constFind(value);
        if (it == m_strings.cend())
            it = m_strings.insert(value, value);
        return *it;
    }

private:
    QHash<QString, QString> m_strings;
};

// Users read through a join (ref plus the five user columns at `base`), each distinct ref
// decoded once and then shared.
class JoinedUsers
{
public:
    User read(const QSqlQuery &query, int base)
    {
        const QVariant ref = query.value(base);
        if (ref.isNull())
            return User();
        auto it = m_users.constFind(ref.toLongLong());
        if (it == m_users.cend()) {
            User user;
            user.id = query.value(base + 1).toLongLong();
            user.login = query.value(base + 2).toString();
            user.type = query.value(base + 3).toString();
            user.avatarUrl = query.value(base + 4).toString();
            user.htmlUrl = query.value(base + 5).toString();
            it = m_users.insert(ref.toLongLong(), user);
        }
        return *it;
    }

private:
    QHash<qint64, User> m_users;
};

// "LEFT JOIN users <alias> ON <alias>.ref = <column>" reads these six columns.
QString joinedUserColumns(const QString &alias)
{
    return QStringLiteral("%1.ref, %1.id, %1.login, %1.type, %1.avatar_url, %1.html_url")
        .arg(alias);
}

// Values of an interning table by `ref`. Refs are rowids handed out in order and never deleted
// (except all at once by clear()), so a vector indexed by ref beats a hash: no hashing and no
// pointer chasing, several times a row in a 100k-row load.
template<class T>
class RefTable
{
public:
    void insert(qint64 ref, T value)
    {
        if (ref < 0 || ref > maxDenseRef)
            return; // not ours: a rowid we never hand out
        if (ref >= qint64(m_values.size()))
            m_values.resize(ref + 1);
        m_values[ref] = std::move(value);
    }
    // The value stored under the integer in `ref`, or nullptr (NULL, unknown).
    const T *find(const QVariant &ref) const
    {
        if (ref.isNull())
            return nullptr;
        const qint64 index = ref.toLongLong();
        return index >= 0 && index < qint64(m_values.size()) ? &m_values[index] : nullptr;
    }
    T value(qint64 ref) const
    {
        return ref >= 0 && ref < qint64(m_values.size()) ? m_values[ref] : T();
    }

private:
    static constexpr qint64 maxDenseRef = 50'000'000;
    std::vector<T> m_values;
};

// What the issue rows refer to, loaded once per load of many issues: cheaper than a join per row
// and it makes every item share the same strings and lists.
struct IssueRefs
{
    RefTable<User> users;
    RefTable<Label> labels;
    RefTable<SharedOptional<Milestone>> milestones; // shared: one Milestone for every item with it
    RefTable<QList<Label>> labelSets;
    RefTable<QList<User>> userSets;

    bool load(const QSqlDatabase &database, QString *error)
    {
        QSqlQuery query(database);
        query.setForwardOnly(true);
        const auto run = [&](const char *sql) {
            if (query.exec(QLatin1String(sql)))
                return true;
            *error = SqlValues::errorText(query);
            return false;
        };
        // Repeated values ("User", a label's colour across its variants) share one string.
        StringPool strings;
        if (!run("SELECT ref, id, login, type, avatar_url, html_url FROM users"))
            return false;
        while (query.next()) {
            User user;
            user.id = query.value(1).toLongLong();
            user.login = query.value(2).toString();
            user.type = strings.intern(query.value(3).toString());
            user.avatarUrl = query.value(4).toString();
            user.htmlUrl = query.value(5).toString();
            users.insert(query.value(0).toLongLong(), user);
        }
        if (!run("SELECT ref, id, name, color, description, is_default FROM label_refs"))
            return false;
        while (query.next()) {
            Label label;
            label.id = query.value(1).toLongLong();
            label.name = strings.intern(query.value(2).toString());
            label.color = strings.intern(query.value(3).toString());
            label.description = strings.intern(query.value(4).toString());
            label.isDefault = query.value(5).toBool();
            labels.insert(query.value(0).toLongLong(), label);
        }
        if (!run("SELECT ref, id, number, title, description, open, open_issues, closed_issues, "
                 "due_on FROM milestone_refs"))
            return false;
        while (query.next()) {
            Milestone milestone;
            milestone.id = query.value(1).toLongLong();
            milestone.number = query.value(2).toInt();
            milestone.title = strings.intern(query.value(3).toString());
            milestone.description = strings.intern(query.value(4).toString());
            milestone.open = query.value(5).toBool();
            milestone.openIssues = query.value(6).toInt();
            milestone.closedIssues = query.value(7).toInt();
            milestone.dueOn = toTime(query.value(8));
            milestones.insert(query.value(0).toLongLong(), SharedOptional<Milestone>(milestone));
        }
        if (!run("SELECT ref, label_refs FROM label_sets"))
            return false;
        while (query.next()) {
            QList<Label> set;
            forEachRef(query.value(1).toString(),
                       [&](qint64 ref) { set.append(labels.value(ref)); });
            labelSets.insert(query.value(0).toLongLong(), set);
        }
        if (!run("SELECT ref, user_refs FROM user_sets"))
            return false;
        while (query.next()) {
            QList<User> set;
            forEachRef(query.value(1).toString(),
                       [&](qint64 ref) { set.append(users.value(ref)); });
            userSets.insert(query.value(0).toLongLong(), set);
        }
        return true;
    }
};

// Copies the value stored under the ref in `value` (if any) into `target`, without temporaries.
template<class T, class Target>
void assignRef(const QVariant &value, const RefTable<T> &table, Target &target)
{
    if (const T *found = table.find(value)) {
        if constexpr (std::is_same_v<T, SharedOptional<Milestone>>)
            target.share(*found);
        else
            target = *found;
    }
}

// The columns of `issues` (aliased `i`) in the order readIssue() expects.
const QLatin1StringView issueColumns(
    "i.number, i.id, i.title, i.flags, i.author, i.labels, i.assignees, i.milestone, i.comments, "
    "i.reactions, i.created_at, i.updated_at, i.closed_at, i.merged_at, i.html_url");
constexpr int issueColumnCount = 15;

constexpr qint64 ClosedFlag = 1;
constexpr int StateReasonShift = 1;
constexpr qint64 StateReasonMask = 0x7;
constexpr int AssociationShift = 4;
constexpr qint64 AssociationMask = 0xf;
constexpr qint64 LockedFlag = 1 << 8;
constexpr qint64 PullRequestFlag = 1 << 9;
constexpr qint64 DraftFlag = 1 << 10;

qint64 issueFlags(const Issue &issue)
{
    return (issue.state == Issue::State::Closed ? ClosedFlag : 0) |
           (qint64(StoreCodes::code(issue.stateReason)) << StateReasonShift) |
           (qint64(StoreCodes::code(issue.authorAssociation)) << AssociationShift) |
           (issue.locked ? LockedFlag : 0) | (issue.isPullRequest ? PullRequestFlag : 0) |
           (issue.draft ? DraftFlag : 0);
}

// The hot loop of start-up: column indexes, no name lookups, no per-row allocations beyond the
// title and URL every item needs anyway.
void readIssue(const QSqlQuery &query, int base, IssueRefs &refs, Issue &issue, bool withUrl = true)
{
    issue.number = query.value(base + 0).toInt();
    issue.id = query.value(base + 1).toLongLong();
    issue.title = query.value(base + 2).toString();
    const qint64 flags = query.value(base + 3).toLongLong();
    issue.state = (flags & ClosedFlag) ? Issue::State::Closed : Issue::State::Open;
    issue.stateReason = StoreCodes::stateReason((flags >> StateReasonShift) & StateReasonMask);
    issue.authorAssociation =
        StoreCodes::authorAssociation((flags >> AssociationShift) & AssociationMask);
    issue.locked = flags & LockedFlag;
    issue.isPullRequest = flags & PullRequestFlag;
    issue.draft = flags & DraftFlag;
    assignRef(query.value(base + 4), refs.users, issue.author);
    assignRef(query.value(base + 5), refs.labelSets, issue.labels);
    assignRef(query.value(base + 6), refs.userSets, issue.assignees);
    assignRef(query.value(base + 7), refs.milestones, issue.milestone);
    issue.commentCount = query.value(base + 8).toInt();
    issue.reactionCount = query.value(base + 9).toInt();
    issue.createdAt = toTime(query.value(base + 10));
    issue.updatedAt = toTime(query.value(base + 11));
    issue.closedAt = toTime(query.value(base + 12));
    issue.mergedAt = toTime(query.value(base + 13));
    if (withUrl)
        issue.htmlUrl = query.value(base + 14).toString();
}

QJsonArray stepsToJson(const QList<WorkflowStep> &steps)
{
    QJsonArray array;
    for (const WorkflowStep &step : steps) {
        QJsonObject object{{QStringLiteral("name"), step.name},
                           {QStringLiteral("number"), step.number},
                           {QStringLiteral("status"), StoreCodes::code(step.status)},
                           {QStringLiteral("conclusion"), StoreCodes::code(step.conclusion)}};
        if (step.startedAt.isValid())
            object.insert(QStringLiteral("startedAt"), double(step.startedAt.toMSecsSinceEpoch()));
        if (step.completedAt.isValid())
            object.insert(QStringLiteral("completedAt"),
                          double(step.completedAt.toMSecsSinceEpoch()));
        array.append(object);
    }
    return array;
}

QList<WorkflowStep> stepsFromJson(const QByteArray &json)
{
    QList<WorkflowStep> steps;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    steps.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        WorkflowStep step;
        step.name = object.value(QLatin1String("name")).toString();
        step.number = object.value(QLatin1String("number")).toInt();
        step.status = StoreCodes::runStatus(object.value(QLatin1String("status")).toInt());
        step.conclusion =
            StoreCodes::runConclusion(object.value(QLatin1String("conclusion")).toInt());
        if (object.contains(QLatin1String("startedAt")))
            step.startedAt = QDateTime::fromMSecsSinceEpoch(
                qint64(object.value(QLatin1String("startedAt")).toDouble()), Qt::UTC);
        if (object.contains(QLatin1String("completedAt")))
            step.completedAt = QDateTime::fromMSecsSinceEpoch(
                qint64(object.value(QLatin1String("completedAt")).toDouble()), Qt::UTC);
        steps.append(step);
    }
    return steps;
}

QByteArray compactJson(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// Every table `clear()` empties: all of the cache.
const QLatin1StringView cacheTables[] = {
    QLatin1StringView("issues"),         QLatin1StringView("issue_bodies"),
    QLatin1StringView("pull_details"),   QLatin1StringView("labels"),
    QLatin1StringView("milestones"),     QLatin1StringView("comments"),
    QLatin1StringView("issue_events"),   QLatin1StringView("releases"),
    QLatin1StringView("workflows"),      QLatin1StringView("workflow_runs"),
    QLatin1StringView("workflow_jobs"),  QLatin1StringView("maintainers"),
    QLatin1StringView("sync_state"),     QLatin1StringView("http_cache"),
    QLatin1StringView("users"),          QLatin1StringView("label_refs"),
    QLatin1StringView("milestone_refs"), QLatin1StringView("label_sets"),
    QLatin1StringView("user_sets"),      QLatin1StringView("pull_files"),
};

} // namespace

CacheDatabase::CacheDatabase(const Clock *clock)
    : m_clock(clock ? clock : Clock::system())
{}

CacheDatabase::~CacheDatabase() = default;

bool CacheDatabase::open(const QString &path, QString *error)
{
    return openFile(path, Durability::Normal, error);
}

bool CacheDatabase::openForReading(const QString &path, QString *error)
{
    return openFileForReading(path, error);
}

QList<Issue> CacheDatabase::loadIssuesFromFile(const QString &path, QString *error)
{
    CacheDatabase reader;
    if (!reader.openFileForReading(path, error))
        return {};
    QList<Issue> issues = reader.loadIssues();
    if (error && !reader.lastError().isEmpty())
        *error = reader.lastError();
    return issues;
}

bool CacheDatabase::readFailed(const QString &error) const
{
    return fail(error);
}

bool CacheDatabase::runWrite(const SyncValues &sync, const std::function<bool()> &write)
{
    if (!beginWrite())
        return false;
    const bool ok = write() && writeSync(sync);
    return endWrite(ok);
}

bool CacheDatabase::writeSync(const SyncValues &values)
{
    if (values.isEmpty())
        return true;
    QSqlQuery set(database());
    set.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state(key, value) VALUES(?, ?)"));
    QSqlQuery remove(database());
    remove.prepare(QStringLiteral("DELETE FROM sync_state WHERE key = ?"));
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QSqlQuery &query = it.value().isNull() ? remove : set;
        query.bindValue(0, it.key());
        if (!it.value().isNull())
            query.bindValue(1, it.value());
        if (!query.exec())
            return fail(SqlValues::errorText(query));
    }
    return true;
}

// --- issues ---------------------------------------------------------------------------------

bool CacheDatabase::upsertIssues(const QList<Issue> &issues, const SyncValues &sync)
{
    return runWrite(sync, [&] { return writeIssues(issues); });
}

bool CacheDatabase::writeIssues(const QList<Issue> &issues)
{
    const QSqlDatabase &db = database();
    UserInterner users(db);
    Interner labels(db, QStringLiteral("label_refs"),
                    {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("color"),
                     QStringLiteral("description"), QStringLiteral("is_default")});
    Interner milestones(db, QStringLiteral("milestone_refs"),
                        {QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("title"),
                         QStringLiteral("description"), QStringLiteral("open"),
                         QStringLiteral("open_issues"), QStringLiteral("closed_issues"),
                         QStringLiteral("due_on")});
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO issues(number, id, title, flags, author, labels, assignees, "
        "milestone, comments, reactions, created_at, updated_at, closed_at, merged_at, html_url) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery body(db);
    body.prepare(QStringLiteral("INSERT OR REPLACE INTO issue_bodies(number, body) VALUES(?, ?)"));

    Interner labelSets(db, QStringLiteral("label_sets"), {QStringLiteral("label_refs")});
    Interner userSets(db, QStringLiteral("user_sets"), {QStringLiteral("user_refs")});
    const QVariant none(QMetaType::fromType<qint64>());

    QString error;
    QList<qint64> refs;
    for (const Issue &issue : issues) {
        const QVariant author = users.refOf(issue.author, &error);
        if (!error.isEmpty())
            return fail(error);
        refs.clear();
        for (const Label &label : issue.labels) {
            refs.append(labels.ref({label.id, text(label.name), text(label.color),
                                    text(label.description), label.isDefault},
                                   &error));
            if (!error.isEmpty())
                return fail(error);
        }
        const QVariant labelSet =
            refs.isEmpty() ? none : QVariant(labelSets.ref({joinRefs(refs)}, &error));
        if (!error.isEmpty())
            return fail(error);
        refs.clear();
        for (const User &assignee : issue.assignees) {
            refs.append(users.refOf(assignee, &error).toLongLong());
            if (!error.isEmpty())
                return fail(error);
        }
        const QVariant userSet =
            refs.isEmpty() ? none : QVariant(userSets.ref({joinRefs(refs)}, &error));
        if (!error.isEmpty())
            return fail(error);
        QVariant milestone = none;
        if (issue.milestone) {
            const Milestone &m = *issue.milestone;
            milestone = milestones.ref({m.id, m.number, text(m.title), text(m.description), m.open,
                                        m.openIssues, m.closedIssues, fromTime(m.dueOn)},
                                       &error);
            if (!error.isEmpty())
                return fail(error);
        }

        insert.bindValue(0, issue.number);
        insert.bindValue(1, issue.id);
        insert.bindValue(2, text(issue.title));
        insert.bindValue(3, issueFlags(issue));
        insert.bindValue(4, author);
        insert.bindValue(5, labelSet);
        insert.bindValue(6, userSet);
        insert.bindValue(7, milestone);
        insert.bindValue(8, issue.commentCount);
        insert.bindValue(9, issue.reactionCount);
        insert.bindValue(10, fromTime(issue.createdAt));
        insert.bindValue(11, fromTime(issue.updatedAt));
        insert.bindValue(12, fromTime(issue.closedAt));
        insert.bindValue(13, fromTime(issue.mergedAt));
        insert.bindValue(14, text(issue.htmlUrl));
        if (!insert.exec())
            return fail(SqlValues::errorText(insert));
        body.bindValue(0, issue.number);
        body.bindValue(1, text(issue.body));
        if (!body.exec())
            return fail(SqlValues::errorText(body));
    }
    return true;
}

bool CacheDatabase::removeIssues(const QList<int> &numbers, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        for (const QString &table :
             {QStringLiteral("issues"), QStringLiteral("issue_bodies"),
              QStringLiteral("pull_details"), QStringLiteral("pull_files")}) {
            QSqlQuery remove(database());
            remove.prepare(QStringLiteral("DELETE FROM %1 WHERE number = ?").arg(table));
            for (int number : numbers) {
                remove.bindValue(0, number);
                if (!remove.exec())
                    return fail(SqlValues::errorText(remove));
            }
        }
        return true;
    });
}

QList<Issue> CacheDatabase::loadIssues() const
{
    QList<Issue> issues;
    QString error;
    IssueRefs refs;
    if (!refs.load(database(), &error)) {
        readFailed(error);
        return issues;
    }
    // One exact allocation for the list: growing it would briefly need twice the memory.
    issues.reserve(issueCount());
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT %1 FROM issues i ORDER BY i.number").arg(issueColumns))) {
        readFailed(SqlValues::errorText(query));
        return issues;
    }
    // The list load leaves the web URL out like the body: ~180 bytes an item at 100k items,
    // and it follows from the repository and the number (see issue()).
    while (query.next())
        readIssue(query, 0, refs, issues.emplace_back(), false);
    if (query.lastError().isValid()) {
        readFailed(SqlValues::errorText(query));
        issues.clear();
    }
    return issues;
}

std::optional<Issue> CacheDatabase::issue(int number) const
{
    IssueRefs refs;
    QString error;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1, b.body FROM issues i LEFT JOIN issue_bodies b "
                                 "ON b.number = i.number WHERE i.number = ?")
                      .arg(issueColumns));
    query.bindValue(0, number);
    if (!refs.load(database(), &error) || !query.exec()) {
        readFailed(error.isEmpty() ? SqlValues::errorText(query) : error);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    Issue issue;
    readIssue(query, 0, refs, issue);
    issue.body = query.value(issueColumnCount).toString();
    return issue;
}

QString CacheDatabase::issueBody(int number) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT body FROM issue_bodies WHERE number = ?"));
    query.bindValue(0, number);
    if (!query.exec()) {
        readFailed(SqlValues::errorText(query));
        return {};
    }
    return query.next() ? query.value(0).toString() : QString();
}

int CacheDatabase::issueCount() const
{
    return SqlValues::scalar(database(), QStringLiteral("SELECT count(*) FROM issues"), nullptr)
        .toInt();
}

// --- pull request details -------------------------------------------------------------------

bool CacheDatabase::upsertPullRequestDetails(const QList<PullRequest> &pulls,
                                             const SyncValues &sync)
{
    return runWrite(sync, [&] { return writePullDetails(pulls); });
}

bool CacheDatabase::writePullDetails(const QList<PullRequest> &pulls)
{
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO pull_details(number, pull_id, base_ref, head_ref, head_sha, "
        "merge_commit_sha, additions, deletions, changed_files, review_decision, check_state, "
        "linked_issues, draft) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const PullRequest &pull : pulls) {
        QStringList linked;
        for (int number : pull.linkedIssues)
            linked << QString::number(number);
        insert.bindValue(0, pull.number);
        insert.bindValue(1, pull.pullId);
        insert.bindValue(2, text(pull.baseRef));
        insert.bindValue(3, text(pull.headRef));
        insert.bindValue(4, text(pull.headSha));
        insert.bindValue(5, text(pull.mergeCommitSha));
        insert.bindValue(6, pull.additions);
        insert.bindValue(7, pull.deletions);
        insert.bindValue(8, pull.changedFiles);
        insert.bindValue(9, StoreCodes::code(pull.reviewDecision));
        insert.bindValue(10, StoreCodes::code(pull.checkState));
        insert.bindValue(11, text(linked.join(QLatin1Char(','))));
        insert.bindValue(12, pull.draft);
        if (!insert.exec())
            return fail(SqlValues::errorText(insert));
    }
    return true;
}

QHash<int, PullRequest> CacheDatabase::loadPullRequestDetails() const
{
    QHash<int, PullRequest> pulls;
    IssueRefs refs;
    QString error;
    if (!refs.load(database(), &error)) {
        readFailed(error);
        return pulls;
    }
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT p.number, p.pull_id, p.base_ref, p.head_ref, p.head_sha, "
                           "p.merge_commit_sha, p.additions, p.deletions, p.changed_files, "
                           "p.review_decision, p.check_state, p.linked_issues, p.draft, %1 "
                           "FROM pull_details p LEFT JOIN issues i ON i.number = p.number "
                           "ORDER BY p.number")
                .arg(issueColumns))) {
        readFailed(SqlValues::errorText(query));
        return pulls;
    }
    constexpr int issueBase = 13;
    while (query.next()) {
        PullRequest pull;
        if (!query.value(issueBase).isNull())
            readIssue(query, issueBase, refs, pull);
        pull.number = query.value(0).toInt();
        pull.isPullRequest = true;
        pull.pullId = query.value(1).toLongLong();
        pull.baseRef = query.value(2).toString();
        pull.headRef = query.value(3).toString();
        pull.headSha = query.value(4).toString();
        pull.mergeCommitSha = query.value(5).toString();
        pull.additions = query.value(6).toInt();
        pull.deletions = query.value(7).toInt();
        pull.changedFiles = query.value(8).toInt();
        pull.reviewDecision = StoreCodes::reviewDecision(query.value(9).toLongLong());
        pull.checkState = StoreCodes::checkState(query.value(10).toLongLong());
        forEachRef(query.value(11).toString(),
                   [&](qint64 number) { pull.linkedIssues.append(int(number)); });
        pull.draft = query.value(12).toBool();
        pulls.insert(pull.number, pull);
    }
    return pulls;
}

// --- labels, milestones ---------------------------------------------------------------------

bool CacheDatabase::replaceLabels(const QList<Label> &labels, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("DELETE FROM labels")))
            return fail(SqlValues::errorText(query));
        query.prepare(QStringLiteral("INSERT INTO labels(position, id, name, color, description, "
                                     "is_default) VALUES(?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const Label &label = labels[i];
            query.bindValue(0, i);
            query.bindValue(1, label.id);
            query.bindValue(2, text(label.name));
            query.bindValue(3, text(label.color));
            query.bindValue(4, text(label.description));
            query.bindValue(5, label.isDefault);
            if (!query.exec())
                return fail(SqlValues::errorText(query));
        }
        return true;
    });
}

QList<Label> CacheDatabase::loadLabels() const
{
    QList<Label> labels;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT id, name, color, description, is_default FROM labels ORDER BY position"))) {
        readFailed(SqlValues::errorText(query));
        return labels;
    }
    while (query.next()) {
        Label &label = labels.emplace_back();
        label.id = query.value(0).toLongLong();
        label.name = query.value(1).toString();
        label.color = query.value(2).toString();
        label.description = query.value(3).toString();
        label.isDefault = query.value(4).toBool();
    }
    return labels;
}

bool CacheDatabase::replaceMilestones(const QList<Milestone> &milestones, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("DELETE FROM milestones")))
            return fail(SqlValues::errorText(query));
        query.prepare(QStringLiteral(
            "INSERT INTO milestones(position, id, number, title, description, open, open_issues, "
            "closed_issues, due_on) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < milestones.size(); ++i) {
            const Milestone &milestone = milestones[i];
            query.bindValue(0, i);
            query.bindValue(1, milestone.id);
            query.bindValue(2, milestone.number);
            query.bindValue(3, text(milestone.title));
            query.bindValue(4, text(milestone.description));
            query.bindValue(5, milestone.open);
            query.bindValue(6, milestone.openIssues);
            query.bindValue(7, milestone.closedIssues);
            query.bindValue(8, fromTime(milestone.dueOn));
            if (!query.exec())
                return fail(SqlValues::errorText(query));
        }
        return true;
    });
}

QList<Milestone> CacheDatabase::loadMilestones() const
{
    QList<Milestone> milestones;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, number, title, description, open, open_issues, "
                                   "closed_issues, due_on FROM milestones ORDER BY position"))) {
        readFailed(SqlValues::errorText(query));
        return milestones;
    }
    while (query.next()) {
        Milestone &milestone = milestones.emplace_back();
        milestone.id = query.value(0).toLongLong();
        milestone.number = query.value(1).toInt();
        milestone.title = query.value(2).toString();
        milestone.description = query.value(3).toString();
        milestone.open = query.value(4).toBool();
        milestone.openIssues = query.value(5).toInt();
        milestone.closedIssues = query.value(6).toInt();
        milestone.dueOn = toTime(query.value(7));
    }
    return milestones;
}

// --- comments -------------------------------------------------------------------------------

bool CacheDatabase::upsertComments(const QList<Comment> &comments, const SyncValues &sync)
{
    return runWrite(sync, [&] { return writeComments(comments); });
}

bool CacheDatabase::writeComments(const QList<Comment> &comments)
{
    UserInterner users(database());
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO comments(id, issue_number, author, association, body, created_at, "
        "updated_at, html_url) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    QString error;
    for (const Comment &comment : comments) {
        const QVariant author = users.refOf(comment.author, &error);
        if (!error.isEmpty())
            return fail(error);
        insert.bindValue(0, comment.id);
        insert.bindValue(1, comment.issueNumber);
        insert.bindValue(2, author);
        insert.bindValue(3, StoreCodes::code(comment.authorAssociation));
        insert.bindValue(4, text(comment.body));
        insert.bindValue(5, fromTime(comment.createdAt));
        insert.bindValue(6, fromTime(comment.updatedAt));
        insert.bindValue(7, text(comment.htmlUrl));
        if (!insert.exec())
            return fail(SqlValues::errorText(insert));
    }
    return true;
}

bool CacheDatabase::removeComments(const QList<qint64> &ids, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery remove(database());
        remove.prepare(QStringLiteral("DELETE FROM comments WHERE id = ?"));
        for (qint64 id : ids) {
            remove.bindValue(0, id);
            if (!remove.exec())
                return fail(SqlValues::errorText(remove));
        }
        return true;
    });
}

QList<Comment> CacheDatabase::loadComments(int issueNumber) const
{
    QList<Comment> comments;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.id, c.issue_number, c.association, c.body, "
                                 "c.created_at, c.updated_at, c.html_url, %1 FROM comments c "
                                 "LEFT JOIN users u ON u.ref = c.author WHERE c.issue_number = ? "
                                 "ORDER BY c.created_at, c.id")
                      .arg(joinedUserColumns(QStringLiteral("u"))));
    query.bindValue(0, issueNumber);
    if (!query.exec()) {
        readFailed(SqlValues::errorText(query));
        return comments;
    }
    JoinedUsers users;
    while (query.next()) {
        Comment &comment = comments.emplace_back();
        comment.id = query.value(0).toLongLong();
        comment.issueNumber = query.value(1).toInt();
        comment.authorAssociation = StoreCodes::authorAssociation(query.value(2).toLongLong());
        comment.body = query.value(3).toString();
        comment.createdAt = toTime(query.value(4));
        comment.updatedAt = toTime(query.value(5));
        comment.htmlUrl = query.value(6).toString();
        comment.author = users.read(query, 7);
    }
    return comments;
}

QHash<int, Comment> CacheDatabase::lastComments() const
{
    QHash<int, Comment> last;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
                        "SELECT c.id, c.issue_number, c.association, c.created_at, c.updated_at, "
                        "c.html_url, %1 FROM (SELECT *, row_number() OVER (PARTITION BY "
                        "issue_number ORDER BY created_at DESC, id DESC) AS position "
                        "FROM comments) c LEFT JOIN users u ON u.ref = c.author "
                        "WHERE c.position = 1")
                        .arg(joinedUserColumns(QStringLiteral("u"))))) {
        readFailed(SqlValues::errorText(query));
        return last;
    }
    JoinedUsers users;
    while (query.next()) {
        Comment comment;
        comment.id = query.value(0).toLongLong();
        comment.issueNumber = query.value(1).toInt();
        comment.authorAssociation = StoreCodes::authorAssociation(query.value(2).toLongLong());
        comment.createdAt = toTime(query.value(3));
        comment.updatedAt = toTime(query.value(4));
        comment.htmlUrl = query.value(5).toString();
        comment.author = users.read(query, 6);
        last.insert(comment.issueNumber, comment);
    }
    return last;
}

QList<Comment> CacheDatabase::firstCommentsByAuthor() const
{
    QList<Comment> first;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    // SQLite takes the bare columns of a MIN() aggregate from the row holding the minimum.
    if (!query.exec(
            QStringLiteral("SELECT f.id, f.issue_number, f.association, f.created_at, %1 FROM "
                           "(SELECT id, issue_number, association, author, MIN(created_at) AS "
                           "created_at FROM comments WHERE created_at IS NOT NULL "
                           "GROUP BY issue_number, author) f LEFT JOIN users u ON u.ref = f.author "
                           "ORDER BY f.issue_number, f.created_at, f.id")
                .arg(joinedUserColumns(QStringLiteral("u"))))) {
        readFailed(SqlValues::errorText(query));
        return first;
    }
    JoinedUsers users;
    while (query.next()) {
        Comment &comment = first.emplace_back();
        comment.id = query.value(0).toLongLong();
        comment.issueNumber = query.value(1).toInt();
        comment.authorAssociation = StoreCodes::authorAssociation(query.value(2).toLongLong());
        comment.createdAt = toTime(query.value(3));
        comment.author = users.read(query, 4);
    }
    return first;
}

// --- issue events ---------------------------------------------------------------------------

bool CacheDatabase::upsertIssueEvents(const QList<IssueEvent> &events, const SyncValues &sync)
{
    return runWrite(sync, [&] { return writeIssueEvents(events); });
}

bool CacheDatabase::writeIssueEvents(const QList<IssueEvent> &events)
{
    UserInterner users(database());
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO issue_events(id, issue_number, event, actor, created_at, "
        "label_name, state_reason) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    QString error;
    for (const IssueEvent &event : events) {
        const QVariant actor = users.refOf(event.actor, &error);
        if (!error.isEmpty())
            return fail(error);
        insert.bindValue(0, event.id);
        insert.bindValue(1, event.issueNumber);
        insert.bindValue(2, text(event.event));
        insert.bindValue(3, actor);
        insert.bindValue(4, fromTime(event.createdAt));
        insert.bindValue(5, text(event.labelName));
        insert.bindValue(6, text(event.stateReason));
        if (!insert.exec())
            return fail(SqlValues::errorText(insert));
    }
    return true;
}

namespace {
QList<IssueEvent> readIssueEvents(QSqlQuery &query)
{
    QList<IssueEvent> events;
    JoinedUsers users;
    StringPool strings;
    while (query.next()) {
        IssueEvent &event = events.emplace_back();
        event.id = query.value(0).toLongLong();
        event.issueNumber = query.value(1).toInt();
        event.event = strings.intern(query.value(2).toString());
        event.createdAt = toTime(query.value(3));
        event.labelName = strings.intern(query.value(4).toString());
        event.stateReason = strings.intern(query.value(5).toString());
        event.actor = users.read(query, 6);
    }
    return events;
}

QString issueEventQuery(const QString &where)
{
    return QStringLiteral("SELECT e.id, e.issue_number, e.event, e.created_at, e.label_name, "
                          "e.state_reason, %1 FROM issue_events e LEFT JOIN users u "
                          "ON u.ref = e.actor %2 ORDER BY e.created_at, e.id")
        .arg(joinedUserColumns(QStringLiteral("u")), where);
}
} // namespace

QList<IssueEvent> CacheDatabase::loadIssueEvents() const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(issueEventQuery(QString()))) {
        readFailed(SqlValues::errorText(query));
        return {};
    }
    return readIssueEvents(query);
}

QList<IssueEvent> CacheDatabase::loadIssueEvents(int issueNumber) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(issueEventQuery(QStringLiteral("WHERE e.issue_number = ?")));
    query.bindValue(0, issueNumber);
    if (!query.exec()) {
        readFailed(SqlValues::errorText(query));
        return {};
    }
    return readIssueEvents(query);
}

// --- releases -------------------------------------------------------------------------------

bool CacheDatabase::replaceReleases(const QList<Release> &releases, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("DELETE FROM releases")))
            return fail(SqlValues::errorText(query));
        return writeReleases(releases);
    });
}

bool CacheDatabase::upsertReleases(const QList<Release> &releases, const SyncValues &sync)
{
    return runWrite(sync, [&] { return writeReleases(releases); });
}

bool CacheDatabase::writeReleases(const QList<Release> &releases)
{
    UserInterner users(database());
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO releases(id, tag_name, name, body, target_commitish, draft, "
        "prerelease, author, created_at, published_at, html_url) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QString error;
    for (const Release &release : releases) {
        const QVariant author = users.refOf(release.author, &error);
        if (!error.isEmpty())
            return fail(error);
        insert.bindValue(0, release.id);
        insert.bindValue(1, text(release.tagName));
        insert.bindValue(2, text(release.name));
        insert.bindValue(3, text(release.body));
        insert.bindValue(4, text(release.targetCommitish));
        insert.bindValue(5, release.draft);
        insert.bindValue(6, release.prerelease);
        insert.bindValue(7, author);
        insert.bindValue(8, fromTime(release.createdAt));
        insert.bindValue(9, fromTime(release.publishedAt));
        insert.bindValue(10, text(release.htmlUrl));
        if (!insert.exec())
            return fail(SqlValues::errorText(insert));
    }
    return true;
}

bool CacheDatabase::removeRelease(qint64 id, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery remove(database());
        remove.prepare(QStringLiteral("DELETE FROM releases WHERE id = ?"));
        remove.bindValue(0, id);
        return remove.exec() || fail(SqlValues::errorText(remove));
    });
}

QList<Release> CacheDatabase::loadReleases() const
{
    QList<Release> releases;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT r.id, r.tag_name, r.name, r.body, r.target_commitish, "
                                   "r.draft, r.prerelease, r.created_at, r.published_at, "
                                   "r.html_url, %1 FROM releases r LEFT JOIN users u "
                                   "ON u.ref = r.author ORDER BY r.created_at DESC, r.id DESC")
                        .arg(joinedUserColumns(QStringLiteral("u"))))) {
        readFailed(SqlValues::errorText(query));
        return releases;
    }
    JoinedUsers users;
    while (query.next()) {
        Release &release = releases.emplace_back();
        release.id = query.value(0).toLongLong();
        release.tagName = query.value(1).toString();
        release.name = query.value(2).toString();
        release.body = query.value(3).toString();
        release.targetCommitish = query.value(4).toString();
        release.draft = query.value(5).toBool();
        release.prerelease = query.value(6).toBool();
        release.createdAt = toTime(query.value(7));
        release.publishedAt = toTime(query.value(8));
        release.htmlUrl = query.value(9).toString();
        release.author = users.read(query, 10);
    }
    return releases;
}

// --- workflows, runs, jobs ------------------------------------------------------------------

bool CacheDatabase::replaceWorkflows(const QList<Workflow> &workflows, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("DELETE FROM workflows")))
            return fail(SqlValues::errorText(query));
        query.prepare(QStringLiteral("INSERT INTO workflows(position, id, name, path, state, "
                                     "html_url) VALUES(?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < workflows.size(); ++i) {
            const Workflow &workflow = workflows[i];
            query.bindValue(0, i);
            query.bindValue(1, workflow.id);
            query.bindValue(2, text(workflow.name));
            query.bindValue(3, text(workflow.path));
            query.bindValue(4, text(workflow.state));
            query.bindValue(5, text(workflow.htmlUrl));
            if (!query.exec())
                return fail(SqlValues::errorText(query));
        }
        return true;
    });
}

QList<Workflow> CacheDatabase::loadWorkflows() const
{
    QList<Workflow> workflows;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT id, name, path, state, html_url FROM workflows ORDER BY position"))) {
        readFailed(SqlValues::errorText(query));
        return workflows;
    }
    while (query.next()) {
        Workflow &workflow = workflows.emplace_back();
        workflow.id = query.value(0).toLongLong();
        workflow.name = query.value(1).toString();
        workflow.path = query.value(2).toString();
        workflow.state = query.value(3).toString();
        workflow.htmlUrl = query.value(4).toString();
    }
    return workflows;
}

bool CacheDatabase::upsertWorkflowRuns(const QList<WorkflowRun> &runs, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        UserInterner users(database());
        QSqlQuery insert(database());
        insert.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO workflow_runs(id, workflow_id, name, display_title, path, "
            "head_branch, head_sha, event, run_number, run_attempt, status, conclusion, "
            "created_at, updated_at, run_started_at, html_url, actor) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QString error;
        for (const WorkflowRun &run : runs) {
            const QVariant actor = users.refOf(run.actor, &error);
            if (!error.isEmpty())
                return fail(error);
            insert.bindValue(0, run.id);
            insert.bindValue(1, run.workflowId);
            insert.bindValue(2, text(run.name));
            insert.bindValue(3, text(run.displayTitle));
            insert.bindValue(4, text(run.path));
            insert.bindValue(5, text(run.headBranch));
            insert.bindValue(6, text(run.headSha));
            insert.bindValue(7, text(run.event));
            insert.bindValue(8, run.runNumber);
            insert.bindValue(9, run.runAttempt);
            insert.bindValue(10, StoreCodes::code(run.status));
            insert.bindValue(11, StoreCodes::code(run.conclusion));
            insert.bindValue(12, fromTime(run.createdAt));
            insert.bindValue(13, fromTime(run.updatedAt));
            insert.bindValue(14, fromTime(run.runStartedAt));
            insert.bindValue(15, text(run.htmlUrl));
            insert.bindValue(16, actor);
            if (!insert.exec())
                return fail(SqlValues::errorText(insert));
        }
        return true;
    });
}

namespace {
QString workflowRunQuery(const QString &where)
{
    return QStringLiteral("SELECT r.id, r.workflow_id, r.name, r.display_title, r.path, "
                          "r.head_branch, r.head_sha, r.event, r.run_number, r.run_attempt, "
                          "r.status, r.conclusion, r.created_at, r.updated_at, r.run_started_at, "
                          "r.html_url, %1 FROM workflow_runs r LEFT JOIN users u "
                          "ON u.ref = r.actor %2 ORDER BY r.created_at DESC, r.id DESC")
        .arg(joinedUserColumns(QStringLiteral("u")), where);
}

QList<WorkflowRun> readWorkflowRuns(QSqlQuery &query)
{
    QList<WorkflowRun> runs;
    JoinedUsers users;
    while (query.next()) {
        WorkflowRun &run = runs.emplace_back();
        run.id = query.value(0).toLongLong();
        run.workflowId = query.value(1).toLongLong();
        run.name = query.value(2).toString();
        run.displayTitle = query.value(3).toString();
        run.path = query.value(4).toString();
        run.headBranch = query.value(5).toString();
        run.headSha = query.value(6).toString();
        run.event = query.value(7).toString();
        run.runNumber = query.value(8).toInt();
        run.runAttempt = query.value(9).toInt();
        run.status = StoreCodes::runStatus(query.value(10).toLongLong());
        run.conclusion = StoreCodes::runConclusion(query.value(11).toLongLong());
        run.createdAt = toTime(query.value(12));
        run.updatedAt = toTime(query.value(13));
        run.runStartedAt = toTime(query.value(14));
        run.htmlUrl = query.value(15).toString();
        run.actor = users.read(query, 16);
    }
    return runs;
}
} // namespace

QList<WorkflowRun> CacheDatabase::loadWorkflowRuns(qint64 workflowId) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(workflowRunQuery(QStringLiteral("WHERE r.workflow_id = ?")));
    query.bindValue(0, workflowId);
    if (!query.exec()) {
        readFailed(SqlValues::errorText(query));
        return {};
    }
    return readWorkflowRuns(query);
}

std::optional<WorkflowRun> CacheDatabase::workflowRun(qint64 id) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(workflowRunQuery(QStringLiteral("WHERE r.id = ?")));
    query.bindValue(0, id);
    if (!query.exec()) {
        readFailed(SqlValues::errorText(query));
        return std::nullopt;
    }
    const QList<WorkflowRun> runs = readWorkflowRuns(query);
    if (runs.isEmpty())
        return std::nullopt;
    return runs.first();
}

bool CacheDatabase::replaceJobs(qint64 runId, int attempt, const QList<WorkflowJob> &jobs,
                                const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery query(database());
        query.prepare(
            QStringLiteral("DELETE FROM workflow_jobs WHERE run_id = ? AND run_attempt = ?"));
        query.bindValue(0, runId);
        query.bindValue(1, attempt);
        if (!query.exec())
            return fail(SqlValues::errorText(query));
        query.prepare(QStringLiteral(
            "INSERT INTO workflow_jobs(run_id, run_attempt, position, id, name, workflow_name, "
            "head_branch, head_sha, status, conclusion, created_at, started_at, completed_at, "
            "html_url, runner_name, labels, steps) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            const WorkflowJob &job = jobs[i];
            query.bindValue(0, runId);
            query.bindValue(1, attempt);
            query.bindValue(2, i);
            query.bindValue(3, job.id);
            query.bindValue(4, text(job.name));
            query.bindValue(5, text(job.workflowName));
            query.bindValue(6, text(job.headBranch));
            query.bindValue(7, text(job.headSha));
            query.bindValue(8, StoreCodes::code(job.status));
            query.bindValue(9, StoreCodes::code(job.conclusion));
            query.bindValue(10, fromTime(job.createdAt));
            query.bindValue(11, fromTime(job.startedAt));
            query.bindValue(12, fromTime(job.completedAt));
            query.bindValue(13, text(job.htmlUrl));
            query.bindValue(14, text(job.runnerName));
            query.bindValue(15,
                            QString::fromUtf8(compactJson(QJsonArray::fromStringList(job.labels))));
            query.bindValue(16, QString::fromUtf8(compactJson(stepsToJson(job.steps))));
            if (!query.exec())
                return fail(SqlValues::errorText(query));
        }
        return true;
    });
}

QList<WorkflowJob> CacheDatabase::loadJobs(qint64 runId, int attempt) const
{
    QList<WorkflowJob> jobs;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, name, workflow_name, head_branch, head_sha, status, conclusion, created_at, "
        "started_at, completed_at, html_url, runner_name, labels, steps FROM workflow_jobs "
        "WHERE run_id = ? AND run_attempt = ? ORDER BY position"));
    query.bindValue(0, runId);
    query.bindValue(1, attempt);
    if (!query.exec()) {
        readFailed(SqlValues::errorText(query));
        return jobs;
    }
    StringPool strings;
    while (query.next()) {
        WorkflowJob &job = jobs.emplace_back();
        job.id = query.value(0).toLongLong();
        job.runId = runId;
        job.runAttempt = attempt;
        job.name = query.value(1).toString();
        job.workflowName = strings.intern(query.value(2).toString());
        job.headBranch = strings.intern(query.value(3).toString());
        job.headSha = strings.intern(query.value(4).toString());
        job.status = StoreCodes::runStatus(query.value(5).toLongLong());
        job.conclusion = StoreCodes::runConclusion(query.value(6).toLongLong());
        job.createdAt = toTime(query.value(7));
        job.startedAt = toTime(query.value(8));
        job.completedAt = toTime(query.value(9));
        job.htmlUrl = query.value(10).toString();
        job.runnerName = query.value(11).toString();
        const QJsonArray labels =
            QJsonDocument::fromJson(query.value(12).toString().toUtf8()).array();
        for (const QJsonValue &label : labels)
            job.labels.append(strings.intern(label.toString()));
        job.steps = stepsFromJson(query.value(13).toString().toUtf8());
    }
    return jobs;
}

// --- maintainers ----------------------------------------------------------------------------

bool CacheDatabase::replaceMaintainers(const QStringList &logins, const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("DELETE FROM maintainers")))
            return fail(SqlValues::errorText(query));
        query.prepare(QStringLiteral("INSERT INTO maintainers(position, login) VALUES(?, ?)"));
        for (qsizetype i = 0; i < logins.size(); ++i) {
            query.bindValue(0, i);
            query.bindValue(1, text(logins[i]));
            if (!query.exec())
                return fail(SqlValues::errorText(query));
        }
        return true;
    });
}

QStringList CacheDatabase::loadMaintainers() const
{
    QStringList logins;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT login FROM maintainers ORDER BY position"))) {
        readFailed(SqlValues::errorText(query));
        return logins;
    }
    while (query.next())
        logins.append(query.value(0).toString());
    return logins;
}

// --- changed files of pull requests --------------------------------------------------------

bool CacheDatabase::upsertPullRequestFiles(const QList<PullRequestFiles> &files,
                                           const SyncValues &sync)
{
    return runWrite(sync, [&] {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO pull_files(number, head_sha, "
                                     "complete, paths) VALUES(?, ?, ?, ?)"));
        for (const PullRequestFiles &entry : files) {
            if (entry.number <= 0)
                return fail(QStringLiteral("pull request files without a number"));
            query.bindValue(0, entry.number);
            query.bindValue(1, text(entry.headSha));
            query.bindValue(2, entry.complete ? 1 : 0);
            query.bindValue(3, text(entry.paths.join(QLatin1Char('\n'))));
            if (!query.exec())
                return fail(SqlValues::errorText(query));
        }
        return true;
    });
}

QHash<int, PullRequestFiles> CacheDatabase::loadPullRequestFiles() const
{
    QHash<int, PullRequestFiles> files;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT number, head_sha, complete, paths FROM pull_files ORDER BY number"))) {
        readFailed(SqlValues::errorText(query));
        return files;
    }
    while (query.next()) {
        PullRequestFiles entry;
        entry.number = query.value(0).toInt();
        entry.headSha = query.value(1).toString();
        entry.complete = query.value(2).toBool();
        const QString paths = query.value(3).toString();
        if (!paths.isEmpty())
            entry.paths = paths.split(QLatin1Char('\n'));
        files.insert(entry.number, entry);
    }
    return files;
}

// --- sync state -----------------------------------------------------------------------------

QString CacheDatabase::syncValue(const QString &key) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    query.bindValue(0, key);
    if (!query.exec()) {
        readFailed(SqlValues::errorText(query));
        return {};
    }
    if (!query.next())
        return {};
    // A stored empty string is a value, unlike an unset key.
    QString value = query.value(0).toString();
    return value.isNull() ? QStringLiteral("") : value;
}

bool CacheDatabase::setSyncValue(const QString &key, const QString &value)
{
    return setSyncValues({{key, value.isNull() ? QStringLiteral("") : value}});
}

bool CacheDatabase::setSyncValues(const SyncValues &values)
{
    return runWrite(values, [] { return true; });
}

bool CacheDatabase::removeSyncValue(const QString &key)
{
    return setSyncValues({{key, QString()}});
}

// --- HTTP validators ------------------------------------------------------------------------

std::optional<HttpCacheEntry> CacheDatabase::httpCacheEntry(const QUrl &url) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT etag, last_modified, body, link FROM http_cache WHERE url = ?"));
    query.bindValue(0, url.toString(QUrl::FullyEncoded));
    if (!query.exec()) {
        readFailed(SqlValues::errorText(query));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return HttpCacheEntry{query.value(0).toByteArray(), query.value(1).toByteArray(),
                          query.value(2).toByteArray(), query.value(3).toByteArray()};
}

bool CacheDatabase::storeHttpCacheEntry(const QUrl &url, const HttpCacheEntry &entry)
{
    return runWrite({}, [&] {
        QSqlQuery insert(database());
        insert.prepare(QStringLiteral("INSERT OR REPLACE INTO http_cache(url, etag, last_modified, "
                                      "body, stored_at, link) VALUES(?, ?, ?, ?, ?, ?)"));
        insert.bindValue(0, url.toString(QUrl::FullyEncoded));
        insert.bindValue(1, blob(entry.etag));
        insert.bindValue(2, blob(entry.lastModified));
        insert.bindValue(3, blob(entry.body));
        insert.bindValue(4, m_clock->now().toMSecsSinceEpoch());
        insert.bindValue(5, blob(entry.link));
        return insert.exec() || fail(SqlValues::errorText(insert));
    });
}

bool CacheDatabase::removeHttpCacheEntry(const QUrl &url)
{
    return runWrite({}, [&] {
        QSqlQuery remove(database());
        remove.prepare(QStringLiteral("DELETE FROM http_cache WHERE url = ?"));
        remove.bindValue(0, url.toString(QUrl::FullyEncoded));
        return remove.exec() || fail(SqlValues::errorText(remove));
    });
}

// --- rebuild --------------------------------------------------------------------------------

bool CacheDatabase::clear()
{
    const bool cleared = runWrite({}, [&] {
        QSqlQuery query(database());
        for (QLatin1StringView table : cacheTables) {
            if (!query.exec(QStringLiteral("DELETE FROM ") + table))
                return fail(SqlValues::errorText(query));
        }
        return true;
    });
    // Give the space back; best effort (a reader on another connection may hold the file).
    if (cleared && !inTransaction())
        SqlValues::exec(database(), QStringLiteral("VACUUM"), nullptr);
    return cleared;
}

} // namespace Mainstay
