#include "releasenotesfetchjob.h"

#include "cachedatabase.h"
#include "githubclient.h"
#include "githubjson.h"
#include "isodatetime.h"
#include "restjob.h"
#include "runstatus.h"
#include "workflowrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Mainstay {

namespace {

const QStringList ConfigFiles{QStringLiteral(".github/release-drafter.yml"),
                              QStringLiteral(".github/release.yml")};

QString pathPart(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, "/"));
}

NotesCommit commitFromJson(const QJsonObject &object)
{
    NotesCommit commit;
    commit.sha = object.value(QLatin1String("sha")).toString();
    const QJsonObject inner = object.value(QLatin1String("commit")).toObject();
    commit.message = inner.value(QLatin1String("message")).toString();
    const QJsonObject author = inner.value(QLatin1String("author")).toObject();
    commit.authorName = author.value(QLatin1String("name")).toString();
    commit.committedAt = parseIsoDateTime(author.value(QLatin1String("date")).toString());
    // Release Drafter reads commit authors through GraphQL, where a bot is no `user`: it is
    // credited by its commit name ("dependabot[bot]") rather than as an @-mention.
    const QJsonObject account = object.value(QLatin1String("author")).toObject();
    if (account.value(QLatin1String("type")).toString() != QLatin1String("Bot"))
        commit.authorLogin = account.value(QLatin1String("login")).toString();
    return commit;
}

// Release Drafter reads authors through GraphQL: a bot's login has no "[bot]" suffix there and
// its url is the app's page.
NotesAuthor authorOf(const User &user)
{
    NotesAuthor author;
    author.login = user.login;
    author.type = user.type.isEmpty() ? QStringLiteral("User") : user.type;
    author.url = user.htmlUrl;
    if (user.isBot()) {
        author.type = QStringLiteral("Bot");
        if (author.login.endsWith(QLatin1String("[bot]")))
            author.login.chop(5);
        if (author.url.isEmpty() || !author.url.contains(QLatin1String("/apps/")))
            author.url = QStringLiteral("https://github.com/apps/") + author.login;
    }
    return author;
}

} // namespace

ReleaseNotesFetchJob::ReleaseNotesFetchJob(GitHubClient *client, const Options &options,
                                           QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
{}

ReleaseNotesFetchJob::~ReleaseNotesFetchJob() = default;

void ReleaseNotesFetchJob::start()
{
    if (m_started)
        return;
    m_started = true;
    const QString repo = m_options.repository;
    const qsizetype slash = repo.indexOf(u'/');
    if (slash <= 0 || slash == repo.size() - 1 || repo.indexOf(u'/', slash + 1) >= 0) {
        fail(QStringLiteral("`%1` is not a repository; write it as OWNER/REPO").arg(repo));
        return;
    }
    m_input.owner = repo.left(slash);
    m_input.repository = repo.mid(slash + 1);
    m_input.webUrl = m_options.webUrl.isEmpty() ? GitHubClient::webUrl(m_client->apiUrl(), repo)
                                                : m_options.webUrl;
    if (m_options.localConfig) {
        m_config = *m_options.localConfig;
        fetchReleases();
        return;
    }
    fetchConfig(0);
}

void ReleaseNotesFetchJob::walk(const QUrl &url, const QString &what,
                                std::function<bool(const QByteArray &)> onPage,
                                std::function<void()> done)
{
    RestJob *job = m_client->get(url);
    connect(job, &RestJob::finished, this, [this, what, onPage, done](RestJob *finished) {
        const ApiResponse &response = finished->response();
        if (!response.isOk()) {
            fail(QStringLiteral("Could not fetch %1: %2").arg(what, response.error.message()));
            return;
        }
        if (!onPage(response.body)) {
            if (!m_finished)
                done();
            return;
        }
        if (m_finished)
            return;
        const QUrl next = response.links.value(QStringLiteral("next"));
        if (next.isValid() && !next.isEmpty())
            walk(next, what, onPage, done);
        else
            done();
    });
}

void ReleaseNotesFetchJob::fetchConfig(int index)
{
    if (index >= ConfigFiles.size()) {
        m_config = NotesConfigLoader::fromPolicy(m_options.policy);
        fetchReleases();
        return;
    }
    const QString file = ConfigFiles.at(index);
    Q_EMIT progress(QStringLiteral("Reading %1").arg(file));
    RestJob *job = m_client->get(
        QStringLiteral("/repos/%1/contents/%2").arg(m_options.repository, pathPart(file)));
    connect(job, &RestJob::finished, this, [this, index, file](RestJob *finished) {
        const ApiResponse &response = finished->response();
        if (response.status == 404) {
            fetchConfig(index + 1);
            return;
        }
        if (!response.isOk()) {
            fail(QStringLiteral("Could not read %1: %2").arg(file, response.error.message()));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        if (object.value(QLatin1String("type")).toString() != QLatin1String("file") ||
            object.value(QLatin1String("encoding")).toString() != QLatin1String("base64")) {
            fail(QStringLiteral("%1 is not a file the contents API returns as base64").arg(file));
            return;
        }
        const QByteArray data = QByteArray::fromBase64(
            object.value(QLatin1String("content")).toString().remove(u'\n').toLatin1());
        const NotesConfigResult result =
            index == 0 ? NotesConfigLoader::parseReleaseDrafter(data, file, m_options.policy)
                       : NotesConfigLoader::parseGitHubRelease(data, file, m_options.policy);
        m_configDiagnostics = result.diagnostics;
        if (!result.ok()) {
            fail(QStringLiteral("%1 is not valid:\n%2").arg(file, result.errorText()));
            return;
        }
        m_config = *result.config;
        fetchReleases();
    });
}

void ReleaseNotesFetchJob::fetchReleases()
{
    m_input.targetBranch =
        !m_options.targetBranch.isEmpty() ? m_options.targetBranch : m_config.targetBranch;
    m_input.toRef = m_options.to.isEmpty() ? m_input.targetBranch : m_options.to;
    if (m_input.toRef.isEmpty()) {
        fail(QStringLiteral("No target branch: the policy's release branch is empty and no --to "
                            "was given"));
        return;
    }
    if (m_options.cache) {
        const QList<Release> cached = m_options.cache->loadReleases();
        if (!cached.isEmpty()) {
            m_releases = cached;
            choosePrevious();
            return;
        }
    }
    Q_EMIT progress(QStringLiteral("Listing releases"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    walk(
        m_client->url(QStringLiteral("/repos/%1/releases").arg(m_options.repository), query),
        QStringLiteral("the releases"),
        [this](const QByteArray &body) {
            ParseResult<QList<Release>> parsed = GitHubJson::parseReleaseList(body);
            if (!parsed) {
                fail(QStringLiteral("The releases list is malformed: %1").arg(parsed.error()));
                return false;
            }
            m_releases += parsed.value();
            return m_releases.size() < 1000; // GitHub answers 500 beyond 1000 releases
        },
        [this] { choosePrevious(); });
}

void ReleaseNotesFetchJob::choosePrevious()
{
    std::optional<Release> previous;
    if (!m_options.from.isEmpty()) {
        m_input.previousTag = m_options.from;
        for (const Release &release : std::as_const(m_releases))
            if (release.tagName == m_options.from)
                previous = release;
    } else {
        // The newest published, non-prerelease release: highest version, else newest.
        for (const Release &release : std::as_const(m_releases)) {
            if (release.draft || release.prerelease)
                continue;
            if (!m_config.tagPrefix.isEmpty() && !release.tagName.startsWith(m_config.tagPrefix))
                continue;
            if (!previous) {
                previous = release;
                continue;
            }
            const auto a = NotesVersion::parse(release.tagName, m_config.tagPrefix);
            const auto b = NotesVersion::parse(previous->tagName, m_config.tagPrefix);
            auto key = [](const NotesVersion &v) {
                return std::tuple(v.major, v.minor, v.patch, v.prerelease.isEmpty());
            };
            if (a && b ? key(*a) > key(*b) : release.createdAt > previous->createdAt)
                previous = release;
        }
        if (previous)
            m_input.previousTag = previous->tagName;
    }
    if (previous) {
        m_input.previousName = previous->name;
        m_since = previous->createdAt;
    }
    fetchCompare();
}

void ReleaseNotesFetchJob::fetchCompare()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    QUrl url;
    QString what;
    if (!m_input.previousTag.isEmpty()) {
        what =
            QStringLiteral("the commits between %1 and %2").arg(m_input.previousTag, m_input.toRef);
        url = m_client->url(
            QStringLiteral("/repos/%1/compare/%2...%3")
                .arg(m_options.repository, pathPart(m_input.previousTag), pathPart(m_input.toRef)),
            query);
    } else {
        what = QStringLiteral("the commits of %1").arg(m_input.toRef);
        query.addQueryItem(QStringLiteral("sha"), m_input.toRef);
        url = m_client->url(QStringLiteral("/repos/%1/commits").arg(m_options.repository), query);
    }
    Q_EMIT progress(QStringLiteral("Reading %1").arg(what));
    const bool compare = !m_input.previousTag.isEmpty();
    walk(
        url, what,
        [this, compare](const QByteArray &body) {
            const QJsonDocument document = QJsonDocument::fromJson(body);
            const QJsonArray commits =
                compare ? document.object().value(QLatin1String("commits")).toArray()
                        : document.array();
            if (compare ? !document.isObject() : !document.isArray()) {
                fail(QStringLiteral("The commit list is malformed"));
                return false;
            }
            for (const QJsonValue &value : commits) {
                const NotesCommit commit = commitFromJson(value.toObject());
                if (commit.sha.isEmpty()) {
                    fail(QStringLiteral("A commit without a SHA in the commit list"));
                    return false;
                }
                m_rangeShas.insert(commit.sha);
                m_input.commits.append(commit);
            }
            return true;
        },
        [this] {
            // GitHub's compare lists oldest first; /commits newest first. Keep oldest first.
            std::stable_sort(m_input.commits.begin(), m_input.commits.end(),
                             [](const NotesCommit &a, const NotesCommit &b) {
                                 return a.committedAt < b.committedAt;
                             });
            if (!m_since.isValid() && !m_input.previousTag.isEmpty() && !m_input.commits.isEmpty())
                m_since = m_input.commits.first().committedAt.addSecs(-1);
            fetchPullRequests();
        });
}

void ReleaseNotesFetchJob::fetchPullRequests()
{
    Q_EMIT progress(
        QStringLiteral("Listing pull requests merged into %1").arg(m_input.targetBranch));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("closed"));
    query.addQueryItem(QStringLiteral("base"), m_input.targetBranch);
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("updated"));
    query.addQueryItem(QStringLiteral("direction"), QStringLiteral("desc"));
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    walk(
        m_client->url(QStringLiteral("/repos/%1/pulls").arg(m_options.repository), query),
        QStringLiteral("the merged pull requests"),
        [this](const QByteArray &body) {
            ParseResult<QList<PullRequest>> parsed = GitHubJson::parsePullRequestList(body);
            if (!parsed) {
                fail(QStringLiteral("The pull request list is malformed: %1").arg(parsed.error()));
                return false;
            }
            bool anyRecent = false;
            for (const PullRequest &pull : parsed.value()) {
                // A pull request merged after `since` was updated after it too.
                if (!m_since.isValid() || !pull.updatedAt.isValid() || pull.updatedAt >= m_since)
                    anyRecent = true;
                if (!pull.isMerged() || !m_rangeShas.contains(pull.mergeCommitSha))
                    continue;
                NotesPullRequest pr;
                pr.number = pull.number;
                pr.title = pull.title;
                pr.body = pull.body;
                pr.url = pull.htmlUrl;
                pr.author = authorOf(pull.author);
                for (const Label &label : pull.labels)
                    pr.labels << label.name;
                pr.mergedAt = pull.mergedAt;
                pr.baseRefName = pull.baseRef;
                pr.headRefName = pull.headRef;
                pr.mergeCommitSha = pull.mergeCommitSha;
                m_input.pullRequests.append(pr);
            }
            return anyRecent;
        },
        [this] {
            // Newest merge first, the order Release Drafter's history walk finds them in.
            std::stable_sort(m_input.pullRequests.begin(), m_input.pullRequests.end(),
                             [](const NotesPullRequest &a, const NotesPullRequest &b) {
                                 return a.mergedAt > b.mergedAt;
                             });
            QSet<QString> seen;
            for (const NotesPullRequest &pr : std::as_const(m_input.pullRequests))
                if (!pr.author.login.isEmpty() && !pr.author.isBot() &&
                    !seen.contains(pr.author.login)) {
                    seen.insert(pr.author.login);
                    m_authors << pr.author.login;
                }
            m_authors.sort();
            fetchFirstTimers();
        });
}

void ReleaseNotesFetchJob::fetchFirstTimers()
{
    if (m_authorIndex >= m_authors.size()) {
        finish();
        return;
    }
    const QString login = m_authors.at(m_authorIndex);
    if (!m_since.isValid()) {
        // A first release: everyone is new.
        m_input.firstTimeContributors = m_authors;
        finish();
        return;
    }
    QUrlQuery query;
    query.addQueryItem(
        QStringLiteral("q"),
        QStringLiteral("repo:%1 is:pr is:merged author:%2 merged:<%3")
            .arg(m_options.repository, login, m_since.toUTC().toString(Qt::ISODate)));
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("1"));
    RestJob *job = m_client->get(QStringLiteral("/search/issues"), query);
    connect(job, &RestJob::finished, this, [this, login](RestJob *finished) {
        const ApiResponse &response = finished->response();
        if (!response.isOk()) {
            fail(QStringLiteral("Could not look up earlier pull requests of %1: %2")
                     .arg(login, response.error.message()));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        if (!object.contains(QLatin1String("total_count"))) {
            fail(QStringLiteral("The search answer for %1 is malformed").arg(login));
            return;
        }
        if (object.value(QLatin1String("total_count")).toInt() == 0)
            m_input.firstTimeContributors << login;
        ++m_authorIndex;
        fetchFirstTimers();
    });
}

void ReleaseNotesFetchJob::fail(const QString &message)
{
    if (m_finished)
        return;
    m_error = message;
    m_finished = true;
    Q_EMIT finished();
}

void ReleaseNotesFetchJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
}

// ---------------------------------------------------------------- tag state

ReleaseTagStateJob::ReleaseTagStateJob(GitHubClient *client, const QString &repository,
                                       const QString &tag, const QString &workflowName,
                                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_tag(tag)
    , m_workflow(workflowName)
{}

void ReleaseTagStateJob::start()
{
    RestJob *job = m_client->get(
        QStringLiteral("/repos/%1/git/ref/tags/%2").arg(m_repository, pathPart(m_tag)));
    connect(job, &RestJob::finished, this, [this](RestJob *finished) {
        const ApiResponse &response = finished->response();
        if (response.status == 404) {
            m_state.known = true;
            m_state.exists = false;
            Q_EMIT this->finished();
            return;
        }
        if (!response.isOk()) {
            m_error = QStringLiteral("Could not look up the tag %1: %2")
                          .arg(m_tag, response.error.message());
            Q_EMIT this->finished();
            return;
        }
        m_state.exists = true;
        m_state.tagSha = QJsonDocument::fromJson(response.body)
                             .object()
                             .value(QLatin1String("object"))
                             .toObject()
                             .value(QLatin1String("sha"))
                             .toString();
        fetchRuns();
    });
}

void ReleaseTagStateJob::fetchRuns()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    RestJob *job = m_client->get(QStringLiteral("/repos/%1/actions/runs").arg(m_repository), query);
    connect(job, &RestJob::finished, this, [this](RestJob *finished) {
        const ApiResponse &response = finished->response();
        if (!response.isOk()) {
            m_error = QStringLiteral("Could not list the workflow runs: %1")
                          .arg(response.error.message());
            Q_EMIT this->finished();
            return;
        }
        m_state.known = true;
        const QJsonArray runs = QJsonDocument::fromJson(response.body)
                                    .object()
                                    .value(QLatin1String("workflow_runs"))
                                    .toArray();
        QString version = m_tag;
        if (version.startsWith(u'v'))
            version.remove(0, 1);
        // Newest first: the first matching run decides.
        for (const QJsonValue &value : runs) {
            const ParseResult<WorkflowRun> run = GitHubJson::parseWorkflowRun(value);
            if (!run)
                continue;
            const WorkflowRun &r = run.value();
            if (!m_workflow.isEmpty() && r.name != m_workflow)
                continue;
            const QRegularExpression names(QStringLiteral(R"((?<![\w.])v?%1(?![\w]|\.\d))")
                                               .arg(QRegularExpression::escape(version)));
            const bool forTag = r.headBranch == m_tag ||
                                (!m_state.tagSha.isEmpty() && r.headSha == m_state.tagSha) ||
                                names.match(r.displayTitle).hasMatch();
            if (!forTag)
                continue;
            m_state.runFound = true;
            m_state.runCompleted = r.isCompleted();
            m_state.runSucceeded = r.isCompleted() && r.conclusion == RunConclusion::Success;
            m_state.runUrl = r.htmlUrl;
            break;
        }
        Q_EMIT this->finished();
    });
}

} // namespace Mainstay
