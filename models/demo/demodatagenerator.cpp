#include "demodatagenerator.h"

#include "democorpus.h"
#include "demoliverun.h"
#include "demorandom.h"

#include <QHash>
#include <QSet>

#include <algorithm>

// How the generator keeps datasets reproducible: every random decision goes through DemoRandom in
// a fixed order, all arithmetic is on integer seconds since the epoch, and containers that are
// iterated are ordered lists (hashes are only used for lookups), and sorts whose keys can tie are
// stable (std::sort's order of equal keys differs between standard libraries). Changing the order
// of calls changes every dataset, which is fine between versions but never between runs.

namespace Mainstay {

namespace {

using namespace DemoCorpus;

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
const QString WebBase = QStringLiteral("https://github.com");

QDateTime at(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

enum class IssueKind
{
    Bug,
    Feature,
    Docs,
    Maintenance,
    Rfc,
    Typing
};

enum class PullKind
{
    Feat,
    Fix,
    Docs,
    Deps,
    Ci,
    Refactor,
    Test,
    Perf,
    NonSemantic
};

struct IssueMeta
{
    IssueKind kind = IssueKind::Bug;
    int area = 0;
    qint64 created = 0;
    qint64 triaged = 0; // 0: still waiting for triage
    qint64 closed = 0;
    QString closer; // login of whoever closed it
    bool linked = false;
    bool waitingOnUs = false;
    QStringList initialLabels;
};

struct PullMeta
{
    PullKind kind = PullKind::Feat;
    int area = -1;
    qint64 created = 0;
    qint64 merged = 0;
    qint64 closed = 0;
    int linkedIssue = -1; // index into issues
    bool firstTime = false;
};

QString sizeLabelFor(int lines)
{
    if (lines < 10)
        return QStringLiteral("size/XS");
    if (lines < 30)
        return QStringLiteral("size/S");
    if (lines < 100)
        return QStringLiteral("size/M");
    if (lines < 500)
        return QStringLiteral("size/L");
    if (lines < 1000)
        return QStringLiteral("size/XL");
    return QStringLiteral("size/XXL");
}

// One job of a workflow graph, before scheduling.
struct JobNode
{
    QString name;
    QStringList steps; // a leading '*' marks the step that takes most of the time
    qint64 duration = 0;
    QList<int> needs;
    int group = -1; // matrix jobs limited by runner concurrency
};

struct JobTimes
{
    qint64 created = 0;
    qint64 started = 0;
    qint64 completed = 0;
};

class Builder
{
public:
    Builder(quint64 seed, const QDateTime &now)
        : m_rng(seed)
        , m_now(now.toSecsSinceEpoch())
    {
        m_d.seed = seed;
        m_d.now = at(m_now);
    }

    DemoDataset build()
    {
        makeRepository();
        makeUsers();
        makeLabels();
        makeMilestones();
        makeReleaseSchedule();
        makeItems();
        settlePulls();
        settleIssues();
        assignAssociations();
        makeCommentsAndEvents();
        makeMilestoneCounts();
        makeReleases();
        makeWorkflows();
        finish();
        return std::move(m_d);
    }

private:
    // ---- repository, people, labels

    void makeRepository()
    {
        m_d.owner = QStringLiteral("demo");
        m_d.name = QStringLiteral("lambda-powertools");
        m_d.repositoryId = 560000000 + qint64(m_rng.below(1000000));
        m_d.description = QStringLiteral(
            "A developer toolkit to implement Serverless best practices and increase developer "
            "velocity (demo data).");
        m_d.defaultBranch = QStringLiteral("develop");
    }

    User makeUser(const QString &login, qint64 id, bool bot = false)
    {
        User user;
        user.id = id;
        user.login = login;
        user.type = bot ? QStringLiteral("Bot") : QStringLiteral("User");
        user.avatarUrl = QStringLiteral("https://avatars.githubusercontent.com/u/%1?v=4").arg(id);
        user.htmlUrl = bot ? WebBase + QStringLiteral("/apps/") + login.chopped(5)
                           : WebBase + QLatin1Char('/') + login;
        return user;
    }

    void makeUsers()
    {
        qint64 id = 1000100;
        for (const QString &login : maintainerLogins())
            m_d.maintainers.append(makeUser(login, id += 7919));
        m_d.viewer = m_d.maintainers.first();
        m_dependabot = makeUser(QStringLiteral("dependabot[bot]"), 49699333, true);
        m_actionsBot = makeUser(QStringLiteral("github-actions[bot]"), 41898282, true);
        m_cyborg = makeUser(QStringLiteral("boring-cyborg[bot]"), 47720474, true);
        m_sonar = makeUser(QStringLiteral("sonarcloud[bot]"), 39514782, true);

        // Logins from stems and suffixes, in a seed-dependent order, without duplicates.
        QStringList logins;
        for (const QString &stem : userLoginStems())
            for (const QString &suffix : userLoginSuffixes())
                logins.append(stem + suffix);
        for (qsizetype i = logins.size() - 1; i > 0; --i)
            logins.swapItemsAt(i, qsizetype(m_rng.below(quint64(i + 1))));
        logins.resize(140);
        qint64 userId = 5000000;
        for (const QString &login : std::as_const(logins))
            m_users.append(makeUser(login, userId += 8191 + qint64(m_rng.below(90000))));
    }

    // Community members: a few are very active, most show up once or twice.
    const User &someUser()
    {
        const quint64 bound = m_rng.below(quint64(m_users.size())) + 1;
        return m_users[qsizetype(m_rng.below(bound))];
    }

    const User &someMaintainer() { return m_rng.pick(m_d.maintainers); }

    void makeLabels()
    {
        static const QSet<QString> githubDefaults = {
            QStringLiteral("bug"), QStringLiteral("documentation"),
            QStringLiteral("good first issue"), QStringLiteral("help wanted")};
        qint64 id = 1200000000;
        for (const LabelSpec &spec : labelSpecs()) {
            Label label;
            label.id = id += 104729;
            label.name = QString::fromUtf8(spec.name);
            label.color = QString::fromLatin1(spec.color);
            label.description = QString::fromUtf8(spec.description);
            label.isDefault = githubDefaults.contains(label.name);
            m_labelIndex.insert(label.name, int(m_d.labels.size()));
            m_d.labels.append(label);
        }
    }

    const Label &label(const QString &name) const { return m_d.labels[m_labelIndex.value(name)]; }

    void addLabel(QList<Label> &labels, const QString &name) const
    {
        for (const Label &existing : labels)
            if (existing.name == name)
                return;
        labels.append(label(name));
    }

    static void removeLabel(QList<Label> &labels, const QString &name)
    {
        labels.removeIf([&](const Label &l) { return l.name == name; });
    }

    void makeMilestones()
    {
        const struct
        {
            const char *title;
            const char *description;
            qint64 dueInDays;
            bool open;
        } specs[] = {
            {"v3.0.0", "Next major version: Python 3.8 removal, Pydantic v2 only", 120, true},
            {"Typing improvements", "Make every public API pass mypy --strict", 60, true},
            {"Event Handler OpenAPI", "OpenAPI schema generation and validation", -200, false},
            {"Idempotency v2", "Redis persistence and response hooks", -320, false},
        };
        int number = 1;
        for (const auto &spec : specs) {
            Milestone milestone;
            milestone.id = 9800000 + number * 3571;
            milestone.number = number++;
            milestone.title = QString::fromUtf8(spec.title);
            milestone.description = QString::fromUtf8(spec.description);
            milestone.open = spec.open;
            milestone.dueOn = at((m_now / Day + spec.dueInDays) * Day + 7 * Hour);
            m_d.milestones.append(milestone);
        }
    }

    // ---- releases first: items need to know which release window they fall into

    void makeReleaseSchedule()
    {
        qint64 time = m_now - m_rng.between(15, 20) * Day - m_rng.between(2, 8) * Hour;
        for (int i = 0; i < 24; ++i) {
            m_releaseTimes.prepend(time);
            time -= m_rng.between(20, 36) * Day + m_rng.between(-5, 5) * Hour;
        }
    }

    qint64 lastPublishedRelease() const { return m_releaseTimes.last(); }

    // ---- issues and pull requests

    void makeItems()
    {
        const int issueCount = 380 + int(m_rng.below(41));
        const int pullCount = 280 + int(m_rng.below(41));
        QList<bool> isPull;
        for (int i = 0; i < issueCount; ++i)
            isPull.append(false);
        for (int i = 0; i < pullCount; ++i)
            isPull.append(true);
        for (qsizetype i = isPull.size() - 1; i > 0; --i)
            isPull.swapItemsAt(i, qsizetype(m_rng.below(quint64(i + 1))));

        const qint64 span = 730 * Day;
        const qint64 slot = span / isPull.size();
        const int firstNumber = 3100 + int(m_rng.below(400));
        for (qsizetype k = 0; k < isPull.size(); ++k) {
            const qint64 created = m_now - span + k * slot + m_rng.between(0, slot - 2 * Minute);
            const int number = firstNumber + int(k);
            if (isPull[k])
                makePull(number, created);
            else
                makeIssue(number, created);
        }
    }

    QString areaThing(int area) { return m_rng.pick(areas()[area].things); }
    QString areaFeature(int area) { return m_rng.pick(areas()[area].features); }

    void makeIssue(int number, qint64 created)
    {
        IssueMeta meta;
        meta.kind = IssueKind(m_rng.weighted({34, 30, 12, 10, 5, 4}));
        meta.area = int(m_rng.below(quint64(areas().size())));
        meta.created = created;
        const Area &area = areas()[meta.area];

        Issue issue;
        issue.number = number;
        issue.id = 1900000000 + qint64(number) * 1301 + qint64(m_rng.below(1000));
        issue.htmlUrl = WebBase + QLatin1Char('/') + m_d.fullName() + QStringLiteral("/issues/") +
                        QString::number(number);
        const bool byMaintainer = m_rng.chance(
            meta.kind == IssueKind::Maintenance || meta.kind == IssueKind::Rfc ? 50 : 12);
        issue.author = byMaintainer ? someMaintainer() : someUser();
        issue.createdAt = at(created);
        issue.reactionCount = m_rng.chance(60) ? 0 : int(m_rng.below(m_rng.below(40) + 1));

        const QString thing = areaThing(meta.area);
        switch (meta.kind) {
        case IssueKind::Bug: {
            const QString condition = m_rng.pick(bugConditions());
            switch (m_rng.below(4)) {
            case 0:
                issue.title =
                    QStringLiteral("Bug: %1 loses %2 %3").arg(area.title, thing, condition);
                break;
            case 1:
                issue.title = QStringLiteral("Bug: %1 in %2 %3")
                                  .arg(m_rng.pick(exceptions()), area.title, condition);
                break;
            case 2:
                issue.title = QStringLiteral("Bug: %1 ignores %2").arg(area.title, thing);
                break;
            default:
                issue.title = QStringLiteral("Bug: incorrect %1 in %2").arg(thing, area.title);
            }
            issue.body = bugBody(meta.area, thing, condition, created);
            meta.initialLabels = {QStringLiteral("bug"), QStringLiteral("triage")};
            break;
        }
        case IssueKind::Feature: {
            const QString feature = areaFeature(meta.area);
            switch (m_rng.below(3)) {
            case 0:
                issue.title = QStringLiteral("Feature request: %1 for %2").arg(feature, area.title);
                break;
            case 1:
                issue.title =
                    QStringLiteral("Feature request: support %1 in %2").arg(feature, area.title);
                break;
            default:
                issue.title =
                    QStringLiteral("Feature request: allow configuring %1 via environment variable")
                        .arg(thing);
            }
            issue.body = featureBody(meta.area, feature);
            meta.initialLabels = {QStringLiteral("feature-request"), QStringLiteral("triage")};
            break;
        }
        case IssueKind::Docs:
            switch (m_rng.below(3)) {
            case 0:
                issue.title = QStringLiteral("Docs: clarify %1 in the %2 documentation")
                                  .arg(thing, area.title);
                break;
            case 1:
                issue.title = QStringLiteral("Docs: add an example for %1").arg(thing);
                break;
            default:
                issue.title =
                    QStringLiteral("Docs: fix broken links in the %1 page").arg(area.title);
            }
            issue.body = docsBody(meta.area, thing);
            meta.initialLabels = {QStringLiteral("documentation"), QStringLiteral("triage")};
            break;
        case IssueKind::Maintenance:
            issue.title =
                QStringLiteral("Maintenance: ") + m_rng.pick(maintenanceTopics()).arg(area.label);
            issue.body = maintenanceBody(meta.area);
            meta.initialLabels = {QStringLiteral("internal"), QStringLiteral("triage")};
            break;
        case IssueKind::Rfc:
            issue.title = QStringLiteral("RFC: ") + m_rng.pick(rfcTopics());
            issue.body = rfcBody(meta.area);
            meta.initialLabels = {QStringLiteral("RFC"), QStringLiteral("triage")};
            break;
        case IssueKind::Typing:
            issue.title =
                m_rng.chance(50)
                    ? QStringLiteral("Static typing: %1 is typed as Any").arg(thing)
                    : QStringLiteral("Static typing: mypy rejects %1 in %2").arg(thing, area.title);
            issue.body = typingBody(meta.area, thing);
            meta.initialLabels = {QStringLiteral("typing"), QStringLiteral("triage")};
            break;
        }
        for (const QString &name : std::as_const(meta.initialLabels))
            addLabel(issue.labels, name);
        m_issueIndex.insert(number, int(m_d.issues.size()));
        m_d.issues.append(issue);
        m_issueMeta.append(meta);
    }

    QString versionAround(qint64 time) const
    {
        int index = 0;
        while (index < m_releaseTimes.size() && m_releaseTimes[index] < time)
            ++index;
        return QStringLiteral("2.%1.0").arg(18 + qMax(0, index - 1));
    }

    QString bugBody(int area, const QString &thing, const QString &condition, qint64 created)
    {
        const Area &a = areas()[area];
        return QStringLiteral(
                   "### Expected Behaviour\n\n%1 should keep %2 %3.\n\n"
                   "### Current Behaviour\n\n%10 is missing from the output, or a `%4` is "
                   "raised.\n\n"
                   "### Code snippet\n\n```python\n%5\n\n\ndef lambda_handler(event, context):\n"
                   "    ...\n    return {\"statusCode\": 200}\n```\n\n"
                   "### Possible Solution\n\n_No response_\n\n"
                   "### Steps to Reproduce\n\n1. Deploy the snippet above\n2. Invoke it %3\n"
                   "3. Check the CloudWatch logs\n\n"
                   "### Powertools for AWS Lambda (Python) version\n\n%6\n\n"
                   "### AWS Lambda function runtime\n\n%7\n\n"
                   "### Packaging format used\n\n%8\n\n"
                   "### Debugging logs\n\n```python\nTraceback (most recent call last):\n"
                   "  File \"/var/task/app.py\", line 9, in lambda_handler\n%4: '%9'\n```\n")
            .arg(a.title, thing, condition, m_rng.pick(exceptions()), a.importLine,
                 versionAround(created), m_rng.pick(pythonVersions()),
                 m_rng.chance(60) ? QStringLiteral("PyPi") : QStringLiteral("Lambda Layers"),
                 a.label, capitalized(thing));
    }

    QString featureBody(int area, const QString &feature)
    {
        const Area &a = areas()[area];
        return QStringLiteral(
                   "### Use case\n\nWe run dozens of functions using %1 and would like %2, so that "
                   "we don't have to maintain our own wrapper.\n\n"
                   "### Solution/User Experience\n\n```python\n%3\n\n# something along these "
                   "lines\n```\n\n"
                   "### Alternative solutions\n\nA custom decorator in every project, which "
                   "drifts over time.\n\n"
                   "### Acknowledgment\n\n"
                   "- [x] This feature request meets [Powertools for AWS Lambda (Python) Tenets]"
                   "(https://docs.powertools.aws.dev/lambda/python/latest/#tenets)\n"
                   "- [ ] Should this be considered in other Powertools for AWS Lambda "
                   "languages? i.e. Java, TypeScript, and .NET\n")
            .arg(a.title, feature, a.importLine);
    }

    QString docsBody(int area, const QString &thing)
    {
        return QStringLiteral("### What were you searching in the docs?\n\nHow %1 works in the %2 "
                              "utility.\n\n### Is this related to an existing documentation "
                              "section?\n\nhttps://docs.powertools.aws.dev/lambda/python/latest/"
                              "core/%3/\n\n### How can we improve?\n\nAn example that shows %1 "
                              "end to end would help.\n\n### Got a suggestion in mind?\n\n"
                              "_No response_\n\n### Acknowledgment\n\n- [x] I understand the "
                              "final update might be different from my proposed suggestion, or "
                              "refused.\n")
            .arg(thing, areas()[area].title, areas()[area].label);
    }

    QString maintenanceBody(int area)
    {
        return QStringLiteral("### Summary\n\nHousekeeping for `%1`.\n\n### Why is this needed?\n"
                              "\nIt keeps CI fast and the codebase consistent.\n\n### Which area "
                              "does this relate to?\n\n%2\n\n### Solution\n\n- [ ] Update the "
                              "code\n- [ ] Update the tests\n- [ ] Update the docs\n")
            .arg(areas()[area].label, areas()[area].title);
    }

    QString rfcBody(int area)
    {
        // Like real RFCs: some follow the form to the end, some predate its acknowledgment
        // checkbox, and some were written freehand without the form.
        if (area % 3 == 0)
            return QStringLiteral("### Summary\n\nWe would like %1 to support a new capability. "
                                  "Here is a rough idea:\n\n```python\n%2\n```\n\nHappy "
                                  "to discuss alternatives.\n")
                .arg(areas()[area].title, areas()[area].importLine);
        const QString acknowledgment =
            area % 3 == 1 ? QStringLiteral("\n### Acknowledgment\n\n- [x] This feature request "
                                           "meets the project's tenets\n- [ ] Should this be "
                                           "considered in the other Powertools for AWS Lambda "
                                           "languages?\n")
                          : QString();
        return rfcFormBody(area) + acknowledgment;
    }

    QString rfcFormBody(int area)
    {
        return QStringLiteral("### Is this related to an existing feature request or issue?\n\n"
                              "_No response_\n\n### Which Powertools for AWS Lambda (Python) "
                              "utility does this relate to?\n\n%1\n\n### Summary\n\nThis RFC "
                              "proposes a new capability and the trade-offs we considered.\n\n"
                              "### Use case\n\nCustomers asked for it in several issues.\n\n"
                              "### Proposal\n\n```python\n%2\n```\n\n### Out of scope\n\n"
                              "Anything that requires a new runtime dependency.\n\n"
                              "### Potential challenges\n\nBackwards compatibility.\n\n"
                              "### Dependencies and Integrations\n\n_No response_\n\n"
                              "### Alternative solutions\n\n_No response_\n")
            .arg(areas()[area].title, areas()[area].importLine);
    }

    QString typingBody(int area, const QString &thing)
    {
        return QStringLiteral("### Static type checker used\n\nmypy (project's standard)\n\n"
                              "### AWS Lambda function runtime\n\n3.12\n\n### Powertools for AWS "
                              "Lambda (Python) version\n\nlatest\n\n### Static type checker info"
                              "\n\n```\nerror: Returning Any from function declared to return "
                              "\"dict[str, Any]\"  [no-any-return]\n```\n\n### Code snippet\n\n"
                              "```python\n%1\n```\n\n### Possible Solution\n\nNarrow the type of "
                              "%2.\n")
            .arg(areas()[area].importLine, thing);
    }

    void makePull(int number, qint64 created)
    {
        PullMeta meta;
        meta.kind = PullKind(m_rng.weighted({22, 20, 14, 22, 7, 6, 4, 2, 3}));
        meta.created = created;
        const bool hasArea = meta.kind != PullKind::Deps && meta.kind != PullKind::Ci &&
                             !(meta.kind == PullKind::Docs && m_rng.chance(40));
        meta.area = hasArea ? int(m_rng.below(quint64(areas().size()))) : -1;

        PullRequest pull;
        pull.number = number;
        pull.id = 1900000000 + qint64(number) * 1301 + qint64(m_rng.below(1000));
        pull.pullId = 1500000000 + qint64(number) * 977 + qint64(m_rng.below(900));
        pull.htmlUrl = WebBase + QLatin1Char('/') + m_d.fullName() + QStringLiteral("/pull/") +
                       QString::number(number);
        pull.createdAt = at(created);
        pull.baseRef = m_d.defaultBranch;
        pull.headSha = m_rng.sha();

        const QString areaLabel = hasArea ? areas()[meta.area].label : QString();
        const QString thing = hasArea ? areaThing(meta.area) : QString();
        QString headTopic;
        switch (meta.kind) {
        case PullKind::Feat: {
            const QString feature = areaFeature(meta.area);
            const bool noun =
                feature.startsWith(QLatin1String("a ")) || feature.startsWith(QLatin1String("an "));
            pull.title =
                QStringLiteral("feat(%1): %2 %3")
                    .arg(areaLabel, noun ? QStringLiteral("add") : QStringLiteral("support"),
                         feature);
        } break;
        case PullKind::Fix: {
            static const QStringList verbs = {QStringLiteral("preserve"), QStringLiteral("handle"),
                                              QStringLiteral("correctly serialize"),
                                              QStringLiteral("respect")};
            pull.title = QStringLiteral("fix(%1): %2 %3 %4")
                             .arg(areaLabel, m_rng.pick(verbs), thing, m_rng.pick(bugConditions()));
            break;
        }
        case PullKind::Docs:
            if (hasArea)
                pull.title =
                    m_rng.chance(50)
                        ? QStringLiteral("docs(%1): clarify %2").arg(areaLabel, thing)
                        : QStringLiteral("docs(%1): add example for %2").arg(areaLabel, thing);
            else
                pull.title =
                    m_rng.chance(50)
                        ? QStringLiteral("docs(homepage): fix typo in installation section")
                        : QStringLiteral("docs(we-made-this): add new community content");
            break;
        case PullKind::Deps: {
            const QStringList parts = m_rng.pick(dependencies()).split(QLatin1Char('|'));
            const int minor = int(m_rng.between(1, 40));
            const QString from = parts[1].arg(minor);
            const QString to = parts[2].arg(minor + 1);
            const bool dev = parts[0] == QLatin1String("ruff") ||
                             parts[0] == QLatin1String("pytest") ||
                             parts[0] == QLatin1String("mkdocs-material");
            pull.title = QStringLiteral("chore(%1): bump %2 from %3 to %4")
                             .arg(dev ? QStringLiteral("deps-dev") : QStringLiteral("deps"),
                                  parts[0], from, to);
            pull.headRef =
                QStringLiteral("dependabot/%1/%2-%3")
                    .arg(parts[3], QString(parts[0]).replace(QLatin1Char('/'), QLatin1Char('-')),
                         to);
            pull.body = QStringLiteral("Bumps [%1](https://github.com/%1) from %2 to %3.\n\n"
                                       "<details>\n<summary>Commits</summary>\n<ul>\n<li>See full "
                                       "diff in <a href=\"https://github.com/%1/compare\">compare "
                                       "view</a></li>\n</ul>\n</details>\n<br />\n\n"
                                       "Dependabot will resolve any conflicts with this PR as long "
                                       "as you don't alter it yourself.\n")
                            .arg(parts[0], from, to);
            if (parts[3] == QLatin1String("github_actions"))
                m_actionsDependency.insert(number);
            break;
        }
        case PullKind::Ci:
            pull.title = QStringLiteral("chore(ci): ") + m_rng.pick(ciTopics());
            break;
        case PullKind::Refactor:
            pull.title = QStringLiteral("refactor(%1): simplify %2 handling").arg(areaLabel, thing);
            break;
        case PullKind::Test:
            pull.title = QStringLiteral("test(%1): add coverage for %2").arg(areaLabel, thing);
            break;
        case PullKind::Perf:
            pull.title = QStringLiteral("perf(%1): cache %2 lookups").arg(areaLabel, thing);
            break;
        case PullKind::NonSemantic:
            switch (m_rng.below(3)) {
            case 0:
                pull.title = QStringLiteral("Update %1 docs").arg(areas()[meta.area].title);
                break;
            case 1:
                pull.title = QStringLiteral("Fixed bug in %1").arg(areaLabel);
                break;
            default:
                pull.title = QStringLiteral("WIP: %1").arg(thing);
            }
            break;
        }
        if (pull.headRef.isEmpty()) {
            static const QStringList prefixes = {
                QStringLiteral("feat"), QStringLiteral("fix"),  QStringLiteral("docs"),
                QStringLiteral("deps"), QStringLiteral("ci"),   QStringLiteral("refactor"),
                QStringLiteral("test"), QStringLiteral("perf"), QStringLiteral("patch")};
            pull.headRef =
                QStringLiteral("%1/%2-%3")
                    .arg(prefixes[int(meta.kind)], hasArea ? areaLabel : QStringLiteral("repo"))
                    .arg(number);
        }

        if (meta.kind == PullKind::Deps) {
            pull.author = m_dependabot;
        } else if (meta.kind == PullKind::Ci) {
            pull.author = someMaintainer();
        } else if (meta.kind == PullKind::NonSemantic) {
            pull.author = someUser();
        } else {
            pull.author = m_rng.chance(50) ? someMaintainer() : someUser();
        }
        m_pullIndex.insert(number, int(m_d.pullRequests.size()));
        m_d.pullRequests.append(pull);
        m_pullMeta.append(meta);
    }

    QString pullBody(const PullRequest &pull, const PullMeta &meta) const
    {
        const QString issueLine =
            meta.linkedIssue >= 0
                ? QStringLiteral("**Issue number:** #%1").arg(m_d.issues[meta.linkedIssue].number)
                : QStringLiteral("**Issue number:**");
        const QString what = meta.area >= 0 ? areas()[meta.area].title : QStringLiteral("the repo");
        return issueLine +
               QStringLiteral(
                   "\n\n## Summary\n\n### Changes\n\n> Please provide a summary of what's being "
                   "changed\n\nThis PR changes %1: %2.\n\n### User experience\n\n> Please share "
                   "what the user experience looks like before and after this change\n\nBefore, "
                   "customers had to work around it; now it works out of the box.\n\n"
                   "## Checklist\n\nIf your change doesn't seem to apply, please leave them "
                   "unchecked.\n\n* [x] [Meets tenets criteria](https://docs.powertools.aws.dev/"
                   "lambda/python/#tenets)\n* [x] I have performed a self-review of this change\n"
                   "* [x] Changes have been tested\n* [%3] Changes are documented\n"
                   "* [x] PR title follows [conventional commit semantics](https://github.com/"
                   "demo/lambda-powertools/blob/develop/.github/semantic.yml)\n\n<details>\n"
                   "<summary>Is this a breaking change?</summary>\n\n**RFC issue number**:\n\n"
                   "Checklist:\n\n* [ ] Migration process documented\n* [ ] Implement warnings "
                   "(if it can live side by side)\n\n</details>\n\n## Acknowledgment\n\nBy "
                   "submitting this pull request, I confirm that you can use, modify, copy, and "
                   "redistribute this contribution, under the terms of your choice.\n")
                   .arg(what, pull.title.section(QStringLiteral(": "), 1),
                        meta.kind == PullKind::Docs ? QStringLiteral("x") : QStringLiteral(" "));
    }

    // Finds an issue the pull request can close: same kind and area preferred, created earlier,
    // not already linked, still open at the pull request's creation.
    int findIssueToLink(const PullMeta &meta)
    {
        IssueKind wanted = IssueKind::Feature;
        if (meta.kind == PullKind::Fix)
            wanted = IssueKind::Bug;
        else if (meta.kind == PullKind::Docs)
            wanted = IssueKind::Docs;
        else if (meta.kind == PullKind::Refactor || meta.kind == PullKind::Test)
            wanted = IssueKind::Maintenance;
        int fallback = -1;
        for (qsizetype i = m_issueMeta.size() - 1; i >= 0; --i) {
            const IssueMeta &candidate = m_issueMeta[i];
            if (candidate.created >= meta.created || candidate.linked ||
                candidate.created < meta.created - 200 * Day)
                continue;
            if (candidate.kind != wanted)
                continue;
            if (candidate.area == meta.area)
                return int(i);
            if (fallback < 0)
                fallback = int(i);
        }
        return fallback;
    }

    void settlePulls()
    {
        const qint64 lastRelease = lastPublishedRelease();
        for (qsizetype i = 0; i < m_d.pullRequests.size(); ++i) {
            PullRequest &pull = m_d.pullRequests[i];
            PullMeta &meta = m_pullMeta[i];
            const qint64 age = m_now - meta.created;

            // Lines changed, by kind: buckets XS..XXL, then uniform inside the bucket.
            static const QList<QList<int>> bucketWeights = {
                {2, 8, 25, 45, 15, 5}, {20, 35, 30, 14, 1, 0}, {10, 20, 30, 25, 10, 5},
                {60, 40, 0, 0, 0, 0},  {40, 35, 20, 5, 0, 0},  {5, 15, 35, 35, 8, 2},
                {5, 15, 40, 35, 5, 0}, {10, 30, 40, 20, 0, 0}, {30, 30, 30, 10, 0, 0}};
            static const int bucketLow[] = {0, 10, 30, 100, 500, 1000};
            static const int bucketHigh[] = {9, 29, 99, 499, 999, 2400};
            const int bucket = m_rng.weighted(bucketWeights[int(meta.kind)]);
            const int lines = int(m_rng.between(qMax(bucketLow[bucket], 1), bucketHigh[bucket]));
            pull.additions = int(qint64(lines) * m_rng.between(50, 95) / 100);
            pull.deletions = lines - pull.additions;
            pull.changedFiles = 1 + int(m_rng.below(quint64(lines / 25 + 1)));

            // State: recent ones are mostly open, old ones merged or closed.
            int openChance = age < 30 * Day ? 75 : (age < 180 * Day ? 12 : 3);
            if (meta.kind == PullKind::Deps && age > 14 * Day)
                openChance = 0;
            const bool open = m_rng.chance(openChance);
            if (!open) {
                const qint64 maxDelay = meta.kind == PullKind::Deps ? 5 * Day : 12 * Day;
                const qint64 done = meta.created + m_rng.between(2 * Hour, maxDelay);
                if (done < m_now - Hour) {
                    const bool merged = m_rng.chance(meta.kind == PullKind::NonSemantic ? 40 : 88);
                    meta.closed = done;
                    if (merged)
                        meta.merged = done;
                }
            }
            pull.state = meta.closed ? Issue::State::Closed : Issue::State::Open;
            if (meta.closed) {
                pull.closedAt = at(meta.closed);
                pull.stateReason = Issue::StateReason::None;
            }
            if (meta.merged) {
                pull.mergedAt = at(meta.merged);
                pull.mergeCommitSha = m_rng.sha();
            }

            // Closing references.
            const bool mayLink = meta.kind == PullKind::Feat || meta.kind == PullKind::Fix ||
                                 meta.kind == PullKind::Refactor || meta.kind == PullKind::Test ||
                                 meta.kind == PullKind::Docs;
            const int linkChance = meta.kind == PullKind::Docs ? 40 : 72;
            if (mayLink && m_rng.chance(linkChance)) {
                const int issue = findIssueToLink(meta);
                if (issue >= 0) {
                    meta.linkedIssue = issue;
                    m_issueMeta[issue].linked = true;
                    pull.linkedIssues = {m_d.issues[issue].number};
                }
            }
            if (pull.body.isEmpty())
                pull.body = pullBody(pull, meta);

            // Labels, as the PR automation would set them.
            switch (meta.kind) {
            case PullKind::Feat:
                addLabel(pull.labels, QStringLiteral("feature"));
                break;
            case PullKind::Fix:
                addLabel(pull.labels, QStringLiteral("bug"));
                break;
            case PullKind::Docs:
                addLabel(pull.labels, QStringLiteral("documentation"));
                break;
            case PullKind::Deps:
                addLabel(pull.labels, QStringLiteral("dependencies"));
                if (m_actionsDependency.contains(pull.number))
                    addLabel(pull.labels, QStringLiteral("github-actions"));
                break;
            case PullKind::Ci:
                addLabel(pull.labels, QStringLiteral("github-actions"));
                addLabel(pull.labels, QStringLiteral("internal"));
                break;
            case PullKind::Refactor:
                addLabel(pull.labels, QStringLiteral("tech-debt"));
                break;
            case PullKind::Test:
                addLabel(pull.labels, QStringLiteral("tests"));
                break;
            case PullKind::Perf:
                addLabel(pull.labels, QStringLiteral("internal"));
                break;
            case PullKind::NonSemantic:
                break;
            }
            if (meta.area >= 0)
                addLabel(pull.labels, areas()[meta.area].label);
            addLabel(pull.labels, sizeLabelFor(lines));
            if (meta.linkedIssue < 0 && (meta.kind == PullKind::Feat || meta.kind == PullKind::Fix))
                addLabel(pull.labels, QStringLiteral("need-issue"));
            if (meta.kind == PullKind::Feat && m_rng.chance(2))
                addLabel(pull.labels, QStringLiteral("breaking-change"));

            if (!meta.closed) {
                pull.draft = meta.kind != PullKind::Deps && m_rng.chance(15);
                pull.reviewDecision = PullRequest::ReviewDecision(m_rng.weighted({10, 50, 15, 25}));
                pull.checkState = PullRequest::CheckState(1 + m_rng.weighted({20, 60, 15, 5}));
                if (meta.kind == PullKind::Feat && m_rng.chance(20))
                    addLabel(pull.labels, QStringLiteral("need-documentation"));
                if (age > 60 * Day)
                    addLabel(pull.labels, QStringLiteral("revisit-in-3-months"));
            } else if (meta.merged) {
                pull.reviewDecision = PullRequest::ReviewDecision::Approved;
                pull.checkState = PullRequest::CheckState::Success;
            } else {
                pull.reviewDecision = PullRequest::ReviewDecision::ReviewRequired;
                pull.checkState = m_rng.chance(50) ? PullRequest::CheckState::Failure
                                                   : PullRequest::CheckState::Success;
            }
            pull.updatedAt = at(meta.closed ? meta.closed : meta.created);
        }

        // Hygiene problems on purpose: a few open pull requests get a wrong size label or none,
        // and two of them are marked do-not-merge.
        QList<int> openPulls;
        for (qsizetype i = 0; i < m_d.pullRequests.size(); ++i)
            if (m_d.pullRequests[i].isOpen() && m_pullMeta[i].kind != PullKind::Deps)
                openPulls.append(int(i));
        for (qsizetype i = openPulls.size() - 1; i > 0; --i)
            openPulls.swapItemsAt(i, qsizetype(m_rng.below(quint64(i + 1))));
        static const QStringList sizes = {QStringLiteral("size/XS"), QStringLiteral("size/S"),
                                          QStringLiteral("size/M"),  QStringLiteral("size/L"),
                                          QStringLiteral("size/XL"), QStringLiteral("size/XXL")};
        for (qsizetype k = 0; k < openPulls.size() && k < 8; ++k) {
            PullRequest &pull = m_d.pullRequests[openPulls[k]];
            const QString correct = sizeLabelFor(pull.changedLines());
            removeLabel(pull.labels, correct);
            if (k < 4) {
                // Off by one or two buckets, as a PR that grew after labelling.
                const int index = int(sizes.indexOf(correct));
                const int wrong = index >= 4 ? index - 2 : index + 1 + int(m_rng.below(2));
                addLabel(pull.labels, sizes[wrong]);
                m_d.wrongSizeLabelPulls.append(pull.number);
            } else if (k < 7) {
                m_d.missingSizeLabelPulls.append(pull.number);
            } else {
                addLabel(pull.labels, correct);
            }
            if (k >= 6)
                addLabel(pull.labels, QStringLiteral("do-not-merge"));
        }
        std::sort(m_d.wrongSizeLabelPulls.begin(), m_d.wrongSizeLabelPulls.end());
        std::sort(m_d.missingSizeLabelPulls.begin(), m_d.missingSizeLabelPulls.end());
        Q_UNUSED(lastRelease);
    }

    void settleIssues()
    {
        const qint64 lastRelease = lastPublishedRelease();
        // Which issues a merged pull request closed, and when.
        QHash<int, qint64> closedByMerge;
        QHash<int, QString> mergedBy;
        for (qsizetype i = 0; i < m_pullMeta.size(); ++i) {
            const PullMeta &meta = m_pullMeta[i];
            if (meta.linkedIssue >= 0 && meta.merged) {
                closedByMerge.insert(meta.linkedIssue, meta.merged);
                mergedBy.insert(meta.linkedIssue, someMaintainer().login);
            }
        }

        for (qsizetype i = 0; i < m_d.issues.size(); ++i) {
            Issue &issue = m_d.issues[i];
            IssueMeta &meta = m_issueMeta[i];
            const qint64 age = m_now - meta.created;
            const bool isMaintainers = isMaintainer(issue.author.login);

            // Triage, some hours to days after creation; a few old ones were never triaged.
            qint64 triage = meta.created + m_rng.between(Hour, 5 * Day);
            if (closedByMerge.contains(int(i)))
                triage = qMin(triage, closedByMerge.value(int(i)) - Minute);
            if (isMaintainers)
                triage = meta.created + m_rng.between(Minute, Hour);
            const bool staleTriage = age > 30 * Day && m_rng.chance(4);
            if (triage < m_now && !staleTriage)
                meta.triaged = triage;

            // Closing: a merged PR, or a decision that depends on age.
            bool notPlanned = false;
            if (closedByMerge.contains(int(i))) {
                meta.closed = closedByMerge.value(int(i));
                meta.closer = mergedBy.value(int(i));
            } else if (meta.triaged) {
                const int closeChance = age > 90 * Day ? 70 : (age > 30 * Day ? 45 : 12);
                if (m_rng.chance(closeChance)) {
                    const qint64 latest = qMin(m_now - Hour, meta.triaged + 120 * Day);
                    meta.closed =
                        m_rng.between(meta.triaged + Hour, qMax(latest, meta.triaged + Hour));
                    if (meta.closed >= m_now)
                        meta.closed = 0;
                    notPlanned = m_rng.chance(25);
                    meta.closer = m_rng.chance(80) ? someMaintainer().login : issue.author.login;
                }
            }

            if (meta.triaged) {
                removeLabel(issue.labels, QStringLiteral("triage"));
                if (meta.kind != IssueKind::Rfc || m_rng.chance(70))
                    addLabel(issue.labels, areas()[meta.area].label);
                const bool open = meta.closed == 0;
                switch (meta.kind) {
                case IssueKind::Bug:
                    if (notPlanned && m_rng.chance(60))
                        addLabel(issue.labels, QStringLiteral("not-a-bug"));
                    else if (open && m_rng.chance(15))
                        addLabel(issue.labels, QStringLiteral("need-more-information"));
                    else if (m_rng.chance(4))
                        addLabel(issue.labels, QStringLiteral("bug-upstream"));
                    break;
                case IssueKind::Feature:
                    if (open) {
                        const int pick = m_rng.weighted({12, 8, 6, 5, 4, 65});
                        static const QStringList extra = {
                            QStringLiteral("need-customer-feedback"), QStringLiteral("help wanted"),
                            QStringLiteral("good first issue"),
                            QStringLiteral("revisit-in-3-months"), QStringLiteral("need-rfc")};
                        if (pick < extra.size())
                            addLabel(issue.labels, extra[pick]);
                        if (pick == 3 && m_rng.chance(50))
                            addLabel(issue.labels, QStringLiteral("need-customer-feedback"));
                    }
                    break;
                case IssueKind::Docs:
                    if (open && m_rng.chance(20))
                        addLabel(issue.labels, m_rng.chance(50) ? QStringLiteral("good first issue")
                                                                : QStringLiteral("help wanted"));
                    break;
                case IssueKind::Maintenance:
                    if (m_rng.chance(40))
                        addLabel(issue.labels, QStringLiteral("tech-debt"));
                    break;
                case IssueKind::Rfc:
                    if (open && m_rng.chance(40))
                        addLabel(issue.labels, QStringLiteral("need-customer-feedback"));
                    break;
                case IssueKind::Typing:
                    break;
                }
                if ((meta.kind == IssueKind::Feature || meta.kind == IssueKind::Rfc) &&
                    m_rng.chance(10))
                    issue.milestone = m_d.milestones[qsizetype(m_rng.below(2))];
                if (open && m_rng.chance(30))
                    issue.assignees = {someMaintainer()};
            }

            if (meta.closed) {
                issue.state = Issue::State::Closed;
                issue.closedAt = at(meta.closed);
                issue.stateReason =
                    notPlanned ? Issue::StateReason::NotPlanned : Issue::StateReason::Completed;
                // Waiting labels go when an issue is closed; pending-release marks the fixes
                // that merged after the last release and still need to be announced.
                removeLabel(issue.labels, QStringLiteral("need-more-information"));
                if (closedByMerge.contains(int(i)) && meta.closed > lastRelease) {
                    // A hygiene problem on purpose: the automation missed every other one.
                    if (m_pendingReleaseFixes++ % 2 == 0)
                        m_d.missingPendingReleaseIssues.append(issue.number);
                    else
                        addLabel(issue.labels, QStringLiteral("pending-release"));
                }
            } else if (issue.milestone && !issue.milestone->open) {
                issue.milestone.reset();
            }
        }
        // Closed milestones collect old closed features.
        for (qsizetype i = 0; i < m_d.issues.size(); ++i) {
            Issue &issue = m_d.issues[i];
            const IssueMeta &meta = m_issueMeta[i];
            if (!issue.milestone && meta.closed && meta.kind == IssueKind::Feature &&
                m_rng.chance(15))
                issue.milestone = m_d.milestones[2 + qsizetype(m_rng.below(2))];
        }
    }

    bool isMaintainer(const QString &login) const
    {
        for (const User &user : m_d.maintainers)
            if (user.login == login)
                return true;
        return false;
    }

    // ---- author associations

    void assignAssociations()
    {
        // First merge of every author, to tell first-time contributors from returning ones.
        for (qsizetype i = 0; i < m_d.pullRequests.size(); ++i) {
            const PullMeta &meta = m_pullMeta[i];
            if (!meta.merged)
                continue;
            const QString &login = m_d.pullRequests[i].author.login;
            if (!m_firstMerge.contains(login) || meta.merged < m_firstMerge.value(login))
                m_firstMerge.insert(login, meta.merged);
        }
        QSet<QString> hadPull;
        for (qsizetype i = 0; i < m_d.pullRequests.size(); ++i) {
            PullRequest &pull = m_d.pullRequests[i];
            pull.authorAssociation = associationAt(pull.author, m_pullMeta[i].created, true);
            if (pull.authorAssociation == AuthorAssociation::FirstTimeContributor ||
                pull.authorAssociation == AuthorAssociation::FirstTimer)
                m_pullMeta[i].firstTime = !hadPull.contains(pull.author.login);
            hadPull.insert(pull.author.login);
        }
        for (Issue &issue : m_d.issues)
            issue.authorAssociation =
                associationAt(issue.author, issue.createdAt.toSecsSinceEpoch(), false);
    }

    AuthorAssociation associationAt(const User &user, qint64 time, bool isPull) const
    {
        if (isMaintainer(user.login))
            return AuthorAssociation::Member;
        const auto firstMerge = m_firstMerge.constFind(user.login);
        if (firstMerge != m_firstMerge.cend() && *firstMerge < time)
            return AuthorAssociation::Contributor;
        if (!isPull || user.isBot())
            return AuthorAssociation::None;
        // A sprinkle of people whose first pull request on GitHub this is.
        return user.id % 11 == 0 ? AuthorAssociation::FirstTimer
                                 : AuthorAssociation::FirstTimeContributor;
    }

    // ---- comments and events

    void addComment(int issueNumber, const QString &htmlBase, const User &author, qint64 time,
                    const QString &body)
    {
        Comment comment;
        comment.id = 0; // numbered once all comments are sorted by time
        comment.issueNumber = issueNumber;
        comment.author = author;
        comment.authorAssociation = associationAt(author, time, false);
        comment.body = body;
        comment.createdAt = at(time);
        comment.updatedAt = comment.createdAt;
        comment.htmlUrl = htmlBase; // the fragment is added once the id is known
        m_d.comments.append(comment);
    }

    void addEvent(int issueNumber, const QString &event, const User &actor, qint64 time,
                  const QString &labelName = QString(), const QString &stateReason = QString())
    {
        DemoIssueEvent e;
        e.issueNumber = issueNumber;
        e.event = event;
        e.actor = actor;
        e.createdAt = at(time);
        if (!labelName.isEmpty()) {
            e.labelName = labelName;
            e.labelColor = label(labelName).color;
        }
        e.stateReason = stateReason;
        m_d.events.append(e);
    }

    static QString capitalized(QString text)
    {
        if (!text.isEmpty())
            text[0] = text[0].toUpper();
        return text;
    }

    // Pools may or may not name the person; a missing %1 is fine, unlike with QString::arg.
    static QString mention(QString text, const QString &login)
    {
        return text.replace(QStringLiteral("%1"), login);
    }

    // `count` increasing times in (from, to].
    QList<qint64> spreadTimes(qint64 from, qint64 to, int count)
    {
        QList<qint64> times;
        if (to <= from)
            to = from + Minute;
        for (int i = 0; i < count; ++i)
            times.append(m_rng.between(from + 1, to));
        std::sort(times.begin(), times.end());
        return times;
    }

    void makeCommentsAndEvents()
    {
        for (qsizetype i = 0; i < m_d.issues.size(); ++i)
            makeIssueConversation(m_d.issues[i], m_issueMeta[i]);
        for (qsizetype i = 0; i < m_d.pullRequests.size(); ++i)
            makePullConversation(m_d.pullRequests[i], m_pullMeta[i]);
    }

    void makeIssueConversation(Issue &issue, IssueMeta &meta)
    {
        const QString author = issue.author.login;
        const qint64 end = meta.closed ? meta.closed : m_now;
        qint64 last = meta.created;

        for (const QString &name : std::as_const(meta.initialLabels))
            addEvent(issue.number, QStringLiteral("labeled"), issue.author, meta.created, name);

        if (!meta.triaged) {
            // Nobody answered yet; a second user may have chimed in.
            if (meta.created < m_now - 3 * Day && m_rng.chance(30)) {
                const qint64 t = m_rng.between(meta.created + Hour, m_now - Hour);
                addComment(issue.number, issue.htmlUrl, someUser(), t,
                           m_rng.pick(otherUserReplies()));
                last = qMax(last, t);
            }
        } else {
            const User &maintainer = isMaintainer(author) ? issue.author : someMaintainer();
            const User &triager = isMaintainer(author) ? someMaintainer() : maintainer;
            addEvent(issue.number, QStringLiteral("unlabeled"), triager, meta.triaged,
                     QStringLiteral("triage"));
            for (const Label &l : std::as_const(issue.labels))
                if (!meta.initialLabels.contains(l.name) &&
                    l.name != QLatin1String("pending-release"))
                    addEvent(issue.number, QStringLiteral("labeled"), triager, meta.triaged,
                             l.name);
            if (!isMaintainer(author)) {
                addComment(issue.number, issue.htmlUrl, triager, meta.triaged,
                           mention(m_rng.pick(maintainerTriageReplies()), author));
                last = meta.triaged;
            }
            // Back and forth between the author and maintainers, sometimes others.
            const int rounds = int(m_rng.below(meta.closed ? 5 : 4));
            const QList<qint64> times = spreadTimes(meta.triaged, end - Minute, rounds * 2);
            for (int r = 0; r < rounds; ++r) {
                if (m_rng.chance(20))
                    addComment(issue.number, issue.htmlUrl, someUser(), times[r * 2],
                               m_rng.pick(otherUserReplies()));
                else
                    addComment(issue.number, issue.htmlUrl, issue.author, times[r * 2],
                               m_rng.pick(userReplies()));
                addComment(issue.number, issue.htmlUrl, maintainer, times[r * 2 + 1],
                           mention(m_rng.pick(maintainerFollowUps()), author));
                last = times[r * 2 + 1];
            }
            // Open issues where the last word is the user's: waiting on us.
            if (!meta.closed && !isMaintainer(author) && m_rng.chance(40)) {
                const qint64 t = m_rng.between(last + Minute, qMax(last + Minute, m_now - Minute));
                if (t < m_now) {
                    addComment(issue.number, issue.htmlUrl, issue.author, t,
                               m_rng.pick(userReplies()));
                    meta.waitingOnUs = true;
                    last = t;
                }
            }
        }

        if (meta.closed) {
            const User closer = userByLogin(meta.closer);
            if (!meta.linked && isMaintainer(closer.login) && m_rng.chance(70)) {
                addComment(issue.number, issue.htmlUrl, closer, meta.closed - Minute,
                           mention(m_rng.pick(maintainerClosingReplies()), author));
            }
            addEvent(issue.number, QStringLiteral("closed"), closer, meta.closed, QString(),
                     issue.stateReason == Issue::StateReason::NotPlanned
                         ? QStringLiteral("not_planned")
                         : QStringLiteral("completed"));
            if (issue.hasLabel(u"pending-release"))
                addEvent(issue.number, QStringLiteral("labeled"), m_actionsBot, meta.closed + 30,
                         QStringLiteral("pending-release"));
            last = qMax(last, meta.closed + (issue.hasLabel(u"pending-release") ? 30 : 0));
        }
        issue.updatedAt = at(qMax(last, meta.triaged));
    }

    void makePullConversation(PullRequest &pull, const PullMeta &meta)
    {
        qint64 last = meta.created;
        // The PR automation labels a minute after opening.
        for (const Label &l : std::as_const(pull.labels))
            addEvent(pull.number, QStringLiteral("labeled"), m_actionsBot, meta.created + Minute,
                     l.name);
        last = meta.created + Minute;
        if (meta.firstTime) {
            addComment(pull.number, pull.htmlUrl, m_cyborg, meta.created + 2 * Minute,
                       QStringLiteral("Thanks a lot for your first contribution! Please check out "
                                      "our contributing guidelines and don't hesitate to ask "
                                      "whatever you need.\nIn the meantime, check out the "
                                      "#python channel on our Powertools for AWS Lambda Discord: "
                                      "Invite link"));
            last = meta.created + 2 * Minute;
        }
        const qint64 end = meta.closed ? meta.closed : m_now;
        if (meta.kind != PullKind::Deps && m_rng.chance(60)) {
            const qint64 t = m_rng.between(last + Minute, qMax(last + Minute, end - Minute));
            if (t < m_now) {
                addComment(pull.number, pull.htmlUrl, m_sonar, t,
                           QStringLiteral("## [![Quality Gate Passed](https://sonarcloud.io/images/"
                                          "project_badges/QualityGateBadge/qg-passed-20px.png "
                                          "'Quality Gate Passed')](https://sonarcloud.io/dashboard)"
                                          " **Quality Gate passed**\n\nIssues\n"
                                          "![](https://sonarcloud.io/images/passed-16px.png "
                                          "'') 0 New issues\n"));
                last = t;
            }
        }
        if (meta.kind != PullKind::Deps && !isMaintainer(pull.author.login) && m_rng.chance(70)) {
            const qint64 t = m_rng.between(last + Minute, qMax(last + Minute, end - Minute));
            if (t < m_now) {
                addComment(pull.number, pull.htmlUrl, someMaintainer(), t,
                           mention(m_rng.pick(reviewComments()), pull.author.login));
                last = t;
            }
        }
        if (meta.closed) {
            addEvent(pull.number, QStringLiteral("closed"),
                     meta.merged ? someMaintainer() : pull.author, meta.closed);
            last = qMax(last, meta.closed);
        }
        pull.updatedAt = at(last);
    }

    User userByLogin(const QString &login) const
    {
        for (const User &user : m_d.maintainers)
            if (user.login == login)
                return user;
        for (const User &user : m_users)
            if (user.login == login)
                return user;
        return m_d.maintainers.first();
    }

    void makeMilestoneCounts()
    {
        for (Milestone &milestone : m_d.milestones) {
            milestone.openIssues = 0;
            milestone.closedIssues = 0;
            for (const Issue &issue : std::as_const(m_d.issues)) {
                if (!issue.milestone || issue.milestone->number != milestone.number)
                    continue;
                (issue.isOpen() ? milestone.openIssues : milestone.closedIssues) += 1;
            }
        }
        // Issues carry the milestone as it is now.
        for (Issue &issue : m_d.issues)
            if (issue.milestone)
                issue.milestone = m_d.milestones[issue.milestone->number - 1];
    }

    // ---- releases

    struct Version
    {
        int major = 2;
        int minor = 18;
        int patch = 0;
        QString tag() const { return QStringLiteral("v%1.%2.%3").arg(major).arg(minor).arg(patch); }
    };

    // Merged pull requests in (from, to], newest first, as Release Drafter lists them.
    QList<int> mergedBetween(qint64 from, qint64 to) const
    {
        QList<int> out;
        for (qsizetype i = m_d.pullRequests.size() - 1; i >= 0; --i) {
            const qint64 merged = m_pullMeta[i].merged;
            if (merged > from && merged <= to)
                out.append(int(i));
        }
        std::stable_sort(out.begin(), out.end(),
                         [&](int a, int b) { return m_pullMeta[a].merged > m_pullMeta[b].merged; });
        return out;
    }

    QString releaseBody(const QList<int> &pulls, const QString &summary) const
    {
        struct Category
        {
            const char *title;
            QStringList labels;
        };
        const QList<Category> categories = {
            {"## 🌟New features and non-breaking changes", {QStringLiteral("feature")}},
            {"## 🐛 Bug and hot fixes", {QStringLiteral("bug")}},
            {"## 📜 Documentation updates", {QStringLiteral("documentation")}},
            {"## 🔧 Maintenance",
             {QStringLiteral("internal"), QStringLiteral("dependencies"),
              QStringLiteral("github-actions"), QStringLiteral("tech-debt"),
              QStringLiteral("tests")}},
        };
        QList<QStringList> lines(categories.size());
        QStringList uncategorized;
        QStringList people;
        QStringList bots;
        for (int index : pulls) {
            const PullRequest &pull = m_d.pullRequests[index];
            const QString line = QStringLiteral("* %1 (#%2) by @%3")
                                     .arg(pull.title)
                                     .arg(pull.number)
                                     .arg(pull.author.login);
            bool placed = false;
            for (qsizetype c = 0; c < categories.size() && !placed; ++c) {
                for (const QString &name : categories[c].labels) {
                    if (pull.hasLabel(name)) {
                        lines[c].append(line);
                        placed = true;
                        break;
                    }
                }
            }
            if (!placed)
                uncategorized.append(line);
            QStringList &who = pull.author.isBot() ? bots : people;
            if (!who.contains(pull.author.login))
                who.append(pull.author.login);
        }
        std::sort(people.begin(), people.end());
        std::sort(bots.begin(), bots.end());
        QString body =
            QStringLiteral("## Summary\n\n") + summary + QStringLiteral("\n\n## Changes\n\n");
        if (!uncategorized.isEmpty())
            body += uncategorized.join(QLatin1Char('\n')) + QStringLiteral("\n\n");
        for (qsizetype c = 0; c < categories.size(); ++c) {
            if (lines[c].isEmpty())
                continue;
            body += QString::fromUtf8(categories[c].title) + QStringLiteral("\n\n") +
                    lines[c].join(QLatin1Char('\n')) + QStringLiteral("\n\n");
        }
        QStringList credits;
        for (const QString &login : std::as_const(people) + bots)
            credits.append(QLatin1Char('@') + login);
        body +=
            QStringLiteral("## This release was made possible by the following contributors:\n\n");
        if (credits.size() > 1)
            body += credits.mid(0, credits.size() - 1).join(QStringLiteral(", ")) +
                    QStringLiteral(" and ") + credits.last();
        else
            body += credits.value(0);
        body += QLatin1Char('\n');
        return body;
    }

    QString releaseSummary(const QList<int> &pulls) const
    {
        int features = 0;
        int fixes = 0;
        int docs = 0;
        int highlight = -1;
        QStringList newcomers;
        for (int index : pulls) {
            const PullRequest &pull = m_d.pullRequests[index];
            if (pull.hasLabel(u"feature")) {
                ++features;
                if (highlight < 0 && m_pullMeta[index].area >= 0)
                    highlight = index;
            } else if (pull.hasLabel(u"bug")) {
                ++fixes;
            } else if (pull.hasLabel(u"documentation")) {
                ++docs;
            }
            if (m_pullMeta[index].firstTime && !newcomers.contains(pull.author.login))
                newcomers.append(QLatin1Char('@') + pull.author.login);
        }
        QString summary =
            QStringLiteral("This release brings %1 new feature%2, %3 bug fix%4 and %5 "
                           "documentation update%6.")
                .arg(features)
                .arg(features == 1 ? QString() : QStringLiteral("s"))
                .arg(fixes)
                .arg(fixes == 1 ? QString() : QStringLiteral("es"))
                .arg(docs)
                .arg(docs == 1 ? QString() : QStringLiteral("s"));
        if (highlight >= 0) {
            const PullRequest &pull = m_d.pullRequests[highlight];
            const Area &area = areas()[m_pullMeta[highlight].area];
            summary +=
                QStringLiteral(
                    "\n\n### %1\n\n> **Docs**: [%2](https://docs.powertools.aws."
                    "dev/lambda/python/latest/core/%3/)\n\nThanks to this change, %4.\n\n"
                    "```python\n%5\n```")
                    .arg(capitalized(pull.title.section(QStringLiteral(": "), 1)), area.title,
                         area.label,
                         QStringLiteral("%1 customers can now use it right away").arg(area.title),
                         area.importLine);
        }
        if (!newcomers.isEmpty())
            summary += QStringLiteral("\n\n⭐ Congratulations to %1 for their first contribution!")
                           .arg(newcomers.join(QStringLiteral(", ")));
        return summary;
    }

    static bool hasFeature(const QList<PullRequest> &all, const QList<int> &pulls)
    {
        for (int index : pulls)
            if (all[index].hasLabel(u"feature"))
                return true;
        return false;
    }

    void makeReleases()
    {
        Version version;
        qint64 previous = m_now - 800 * Day;
        qint64 id = 150000000;
        QList<Release> published;
        for (qsizetype r = 0; r < m_releaseTimes.size(); ++r) {
            const qint64 time = m_releaseTimes[r];
            const QList<int> pulls = mergedBetween(previous, time);
            if (r > 0) {
                if (hasFeature(m_d.pullRequests, pulls)) {
                    ++version.minor;
                    version.patch = 0;
                } else {
                    ++version.patch;
                }
            }
            Release release;
            release.id = id += 1000 + qint64(m_rng.below(9000));
            release.tagName = version.tag();
            release.name = release.tagName;
            release.body = releaseBody(pulls, releaseSummary(pulls));
            release.targetCommitish = m_d.defaultBranch;
            release.author = someMaintainer();
            release.createdAt = at(time - m_rng.between(40, 90) * Minute);
            release.publishedAt = at(time);
            release.htmlUrl = WebBase + QLatin1Char('/') + m_d.fullName() +
                              QStringLiteral("/releases/tag/") + release.tagName;
            published.prepend(release);
            m_releaseVersions.append(release.tagName);
            m_releaseAuthors.append(release.author);
            previous = time;
        }
        // The draft Release Drafter keeps for the next version, with the usual placeholder.
        const QList<int> pending = mergedBetween(previous, m_now);
        Version next = version;
        if (hasFeature(m_d.pullRequests, pending)) {
            ++next.minor;
            next.patch = 0;
        } else {
            ++next.patch;
        }
        Release draft;
        draft.id = id += 1000 + qint64(m_rng.below(9000));
        draft.tagName = next.tag();
        draft.name = draft.tagName;
        draft.body = releaseBody(pending, QStringLiteral("[Human readable summary of changes]"));
        draft.targetCommitish = m_d.defaultBranch;
        draft.draft = true;
        draft.author = m_actionsBot;
        draft.createdAt = at(previous + m_rng.between(Hour, Day));
        draft.htmlUrl = WebBase + QLatin1Char('/') + m_d.fullName() +
                        QStringLiteral("/releases/tag/untagged-") + m_rng.sha().left(20);
        m_nextVersion = draft.tagName;
        m_d.releases = published;
        m_d.releases.prepend(draft);
    }

    // ---- workflows, runs and jobs

    static JobNode node(const QString &name, qint64 duration, const QStringList &steps,
                        const QList<int> &needs = {}, int group = -1)
    {
        return JobNode{name, steps, duration, needs, group};
    }

    // The Release workflow, after the guide's Gantt chart: sealed source, quality checks, build,
    // provenance, PyPi, git tag, then the Lambda layer in every region and Python version (beta,
    // then prod), SAR, docs and the post-release job.
    QList<JobNode> releaseGraph()
    {
        QList<JobNode> g;
        const QString checkout = QStringLiteral("Run actions/checkout@v4");
        const QString setup = QStringLiteral("Set up job");
        const QString complete = QStringLiteral("Complete job");
        auto checksumSteps = QStringList{setup, QStringLiteral("Download artifact"),
                                         QStringLiteral("*Verify checksum"), complete};
        g.append(
            node(QStringLiteral("Seal / Bump release version"), 8,
                 {setup, checkout, QStringLiteral("Set up Python"),
                  QStringLiteral("*Bump package version"), QStringLiteral("Upload sealed source"),
                  QStringLiteral("Post Run actions/checkout@v4"), complete}));
        g.append(node(QStringLiteral("Seal / Prevent source tampering"), 43,
                      {setup, QStringLiteral("Download sealed source"),
                       QStringLiteral("*Verify sealed source checksum"), complete},
                      {0}));
        QList<int> quality;
        for (const QString &python : pythonVersions()) {
            quality.append(int(g.size()));
            g.append(node(QStringLiteral("Quality checks / Quality checks (%1)").arg(python), 132,
                          {setup, checkout, QStringLiteral("Install poetry"),
                           QStringLiteral("Set up Python"), QStringLiteral("Install dependencies"),
                           QStringLiteral("*Run all tests, linting and baselines"), complete},
                          {1}));
        }
        auto chain = [&](const QString &name, qint64 duration, const QStringList &steps) {
            const int previous = int(g.size()) - 1;
            g.append(node(name, duration, steps, {previous}));
            return int(g.size()) - 1;
        };
        g.append(node(QStringLiteral("Build / Checksum"), 8, checksumSteps, quality));
        chain(QStringLiteral("Build / Build release artifact"), 39,
              {setup, checkout, QStringLiteral("Set up Python"),
               QStringLiteral("*Build python package and wheel"), QStringLiteral("Upload artifact"),
               complete});
        chain(QStringLiteral("Build / Seal"), 8,
              {setup, QStringLiteral("Download artifact"), QStringLiteral("*Seal build artifacts"),
               QStringLiteral("Upload sealed artifact"), complete});
        chain(QStringLiteral("Provenance / Attest build"), 8,
              {setup, QStringLiteral("*Generate provenance"), complete});
        chain(QStringLiteral("Provenance / Sign attestation"), 8,
              {setup, QStringLiteral("Download provenance"), QStringLiteral("*Sign attestation"),
               complete});
        chain(QStringLiteral("Release / Checksum"), 8, checksumSteps);
        chain(QStringLiteral("Release / PyPi temp credentials"), 8,
              {setup, QStringLiteral("Configure AWS credentials"),
               QStringLiteral("*Fetch PyPi token"), complete});
        const int pypi = chain(QStringLiteral("Release / Publish PyPi"), 29,
                               {setup, QStringLiteral("Download artifact"),
                                QStringLiteral("*Upload to PyPi prod"),
                                QStringLiteral("Upload to PyPi test"), complete});
        chain(QStringLiteral("Git release / Checksum"), 8, checksumSteps);
        chain(QStringLiteral("Git release / Git Tag"), 8,
              {setup, checkout, QStringLiteral("*Create Git Tag"), complete});
        chain(QStringLiteral("Git release / Bump package version"), 8,
              {setup, checkout, QStringLiteral("*Bump package version"),
               QStringLiteral("Push branch"), complete});
        chain(QStringLiteral("Git release / Create PR"), 8,
              {setup, checkout, QStringLiteral("*Create PR"), complete});
        const int gitDone = chain(QStringLiteral("Git release / Upload attestation"), 8,
                                  {setup, QStringLiteral("Download provenance"),
                                   QStringLiteral("*Upload to release"), complete});
        QList<int> layerBuilds;
        for (const QString &arch : {QStringLiteral("x86_64"), QStringLiteral("arm64")}) {
            layerBuilds.append(int(g.size()));
            g.append(node(QStringLiteral("Layer release / Build (%1)").arg(arch), 360,
                          {setup, checkout, QStringLiteral("Setup Node.js"),
                           QStringLiteral("Set up Python"), QStringLiteral("Install CDK"),
                           QStringLiteral("*CDK build"), QStringLiteral("Zip output"), complete},
                          {pypi}));
        }
        const QStringList deploySteps = {setup,
                                         QStringLiteral("Download artifact"),
                                         QStringLiteral("Configure AWS credentials"),
                                         QStringLiteral("*Deploy layer"),
                                         QStringLiteral("Verify layer signature"),
                                         complete};
        QList<int> beta;
        for (const QString &region : awsRegions())
            for (const QString &python : pythonVersions()) {
                beta.append(int(g.size()));
                g.append(
                    node(QStringLiteral("Layer release / Deploy Beta (%1, %2)").arg(region, python),
                         m_rng.between(55, 85), deploySteps, layerBuilds, 1));
            }
        QList<int> prod;
        for (const QString &region : awsRegions())
            for (const QString &python : pythonVersions()) {
                prod.append(int(g.size()));
                g.append(
                    node(QStringLiteral("Layer release / Deploy Prod (%1, %2)").arg(region, python),
                         m_rng.between(55, 85), deploySteps, beta, 2));
            }
        const QStringList sarSteps = {setup,
                                      checkout,
                                      QStringLiteral("Configure AWS credentials"),
                                      QStringLiteral("*Deploy SAR application"),
                                      QStringLiteral("Verify SAR version"),
                                      complete};
        g.append(node(QStringLiteral("SAR release / Deploy Beta"), 132, sarSteps, beta));
        const int sarProd = chain(QStringLiteral("SAR release / Deploy Prod"), 132, sarSteps);
        g.append(node(QStringLiteral("Docs / Create PR (Layer ARN)"), 8,
                      {setup, checkout, QStringLiteral("*Update Layer ARN in docs"),
                       QStringLiteral("Create PR"), complete},
                      prod));
        const int docs = chain(QStringLiteral("Docs / Release versioned docs"), 132,
                               {setup, checkout, QStringLiteral("Set up Python"),
                                QStringLiteral("Install dependencies"),
                                QStringLiteral("*Build docs website and API reference"),
                                QStringLiteral("Deploy docs to gh-pages"), complete});
        g.append(node(
            QStringLiteral("Post-release / Close pending issues"), 8,
            {setup, checkout, QStringLiteral("*Close issues related to this release"), complete},
            {docs, sarProd, gitDone}));
        // Jitter: no two runs take exactly as long.
        for (JobNode &job : g)
            job.duration = qMax<qint64>(3, job.duration * m_rng.between(85, 115) / 100);
        return g;
    }

    // Schedules the included jobs from `start`: a job is created when its needs are done, waits
    // a little for a runner, and matrix groups share a limited number of runners.
    QList<JobTimes> schedule(const QList<JobNode> &graph, const QList<bool> &include, qint64 start)
    {
        QList<JobTimes> times(graph.size());
        QHash<int, QList<qint64>> runners;
        for (qsizetype i = 0; i < graph.size(); ++i) {
            if (!include[i])
                continue;
            const JobNode &job = graph[i];
            qint64 ready = start;
            bool waited = false;
            for (int need : job.needs) {
                if (include[need]) {
                    ready = qMax(ready, times[need].completed);
                    waited = true;
                }
            }
            JobTimes &t = times[i];
            t.created = ready + (waited ? m_rng.between(1, 4) : m_rng.between(0, 2));
            t.started = t.created + m_rng.between(2, 12);
            if (job.group >= 0) {
                QList<qint64> &freeAt = runners[job.group];
                if (freeAt.isEmpty())
                    freeAt = QList<qint64>(25, 0);
                const auto slot = std::min_element(freeAt.begin(), freeAt.end());
                t.started = qMax(t.started, *slot + m_rng.between(1, 3));
                *slot = t.started + job.duration;
            }
            t.completed = t.started + job.duration;
        }
        return times;
    }

    struct RunContext
    {
        qint64 runId = 0;
        int attempt = 1;
        QString workflowName;
        QString sha;
        QString branch;
    };

    WorkflowJob makeJob(const JobNode &node, const JobTimes &t, const RunContext &run)
    {
        WorkflowJob job;
        job.id = m_nextJobId += 1 + qint64(m_rng.below(40));
        job.runId = run.runId;
        job.runAttempt = run.attempt;
        job.name = node.name;
        job.workflowName = run.workflowName;
        job.headBranch = run.branch;
        job.headSha = run.sha;
        job.status = RunStatus::Completed;
        job.conclusion = RunConclusion::Success;
        job.createdAt = at(t.created);
        job.startedAt = at(t.started);
        job.completedAt = at(t.completed);
        job.htmlUrl = WebBase + QLatin1Char('/') + m_d.fullName() +
                      QStringLiteral("/actions/runs/%1/job/%2").arg(run.runId).arg(job.id);
        job.runnerName = QStringLiteral("GitHub Actions %1").arg(1 + m_rng.below(900));
        job.labels = {QStringLiteral("ubuntu-latest")};

        // Steps back to back; the starred step takes what the small ones leave.
        qint64 time = t.started;
        const qint64 total = t.completed - t.started;
        qint64 smallTotal = 0;
        QList<qint64> lengths;
        int heavy = -1;
        for (qsizetype s = 0; s < node.steps.size(); ++s) {
            if (node.steps[s].startsWith(QLatin1Char('*'))) {
                heavy = int(s);
                lengths.append(0);
                continue;
            }
            const qint64 length = node.steps[s] == QLatin1String("Complete job")
                                      ? m_rng.between(0, 1)
                                      : m_rng.between(0, qMax<qint64>(1, total / 12));
            lengths.append(length);
            smallTotal += length;
        }
        if (heavy >= 0)
            lengths[heavy] = qMax<qint64>(0, total - smallTotal);
        for (qsizetype s = 0; s < node.steps.size(); ++s) {
            WorkflowStep step;
            step.name =
                node.steps[s].startsWith(QLatin1Char('*')) ? node.steps[s].mid(1) : node.steps[s];
            step.number = int(s) + 1;
            step.status = RunStatus::Completed;
            step.conclusion = RunConclusion::Success;
            step.startedAt = at(qMin(time, t.completed));
            time += lengths[s];
            step.completedAt = at(qMin(time, t.completed));
            job.steps.append(step);
        }
        return job;
    }

    // Turns a successful job into the one that failed at its main step.
    static void failJob(WorkflowJob &job)
    {
        job.conclusion = RunConclusion::Failure;
        bool failed = false;
        for (WorkflowStep &step : job.steps) {
            if (failed && step.name != QLatin1String("Complete job")) {
                step.conclusion = RunConclusion::Skipped;
                step.startedAt = step.completedAt = job.completedAt;
            }
            if (!failed && (step.name.startsWith(QLatin1String("Run all")) ||
                            step.name.startsWith(QLatin1String("Deploy")) ||
                            step.name.startsWith(QLatin1String("Verify")))) {
                step.conclusion = RunConclusion::Failure;
                failed = true;
            }
        }
    }

    static QList<bool> dependentsOf(const QList<JobNode> &graph, int failing)
    {
        QList<bool> affected(graph.size(), false);
        affected[failing] = true;
        for (qsizetype i = failing + 1; i < graph.size(); ++i)
            for (int need : graph[i].needs)
                if (affected[need]) {
                    affected[i] = true;
                    break;
                }
        return affected;
    }

    int jobIndex(const QList<JobNode> &graph, const QString &name) const
    {
        for (qsizetype i = 0; i < graph.size(); ++i)
            if (graph[i].name == name)
                return int(i);
        return 0;
    }

    WorkflowRun makeRunRecord(const Workflow &workflow, qint64 id, int number, const QString &title,
                              const QString &event, const User &actor, qint64 created,
                              const QString &sha)
    {
        WorkflowRun run;
        run.id = id;
        run.workflowId = workflow.id;
        run.name = workflow.name;
        run.displayTitle = title;
        run.path = workflow.path;
        run.headBranch = m_d.defaultBranch;
        run.headSha = sha;
        run.event = event;
        run.runNumber = number;
        run.runAttempt = 1;
        run.status = RunStatus::Completed;
        run.conclusion = RunConclusion::Success;
        run.createdAt = at(created);
        run.runStartedAt = at(created);
        run.updatedAt = at(created);
        run.htmlUrl = WebBase + QLatin1Char('/') + m_d.fullName() +
                      QStringLiteral("/actions/runs/%1").arg(id);
        run.actor = actor;
        return run;
    }

    qint64 nextRunId() { return m_nextRunId += 3000 + qint64(m_rng.below(400000)); }

    // One Release run: `failAt` names the job that fails (empty: success); with `rerun`, the
    // failed jobs are re-run as attempt 2 and succeed.
    void makeReleaseRun(const Workflow &workflow, int number, const QString &version,
                        const User &actor, qint64 created, const QString &failAt, bool rerun)
    {
        const QList<JobNode> graph = releaseGraph();
        const QList<bool> all(graph.size(), true);
        const QList<JobTimes> times = schedule(graph, all, created);
        RunContext context{nextRunId(), 1, workflow.name, m_rng.sha(), m_d.defaultBranch};
        WorkflowRun run =
            makeRunRecord(workflow, context.runId, number, QStringLiteral("Release ") + version,
                          QStringLiteral("workflow_dispatch"), actor, created, context.sha);
        QList<WorkflowJob> jobs;
        for (qsizetype i = 0; i < graph.size(); ++i)
            jobs.append(makeJob(graph[i], times[i], context));

        qint64 end = created;
        if (!failAt.isEmpty()) {
            const int failing = jobIndex(graph, failAt);
            const QList<bool> affected = dependentsOf(graph, failing);
            const qint64 failedAt = times[failing].completed;
            failJob(jobs[failing]);
            for (qsizetype i = 0; i < graph.size(); ++i) {
                if (!affected[i] || i == failing)
                    continue;
                WorkflowJob &job = jobs[i];
                job.conclusion = RunConclusion::Skipped;
                job.createdAt = job.startedAt = job.completedAt = at(failedAt + 1);
                job.steps.clear();
                job.runnerName.clear();
            }
            for (const WorkflowJob &job : std::as_const(jobs))
                end = qMax(end, job.completedAt.toSecsSinceEpoch());
            run.conclusion = RunConclusion::Failure;
            run.updatedAt = at(end);
            if (rerun) {
                WorkflowRun first = run;
                m_d.earlierAttempts.append(first);
                const qint64 rerunAt = end + m_rng.between(12, 30) * Minute;
                // Another attempt runs on other runners at another time: its jobs take their
                // own time. A separate random source leaves the rest of the dataset as it was.
                QList<JobNode> retried = graph;
                DemoRandom jitter(m_d.seed ^ (quint64(context.runId) * 0x9e3779b97f4a7c15ULL));
                for (qsizetype i = 0; i < retried.size(); ++i) {
                    if (!affected[i])
                        continue;
                    JobNode &node = retried[i];
                    const qint64 before = node.duration;
                    node.duration = qMax<qint64>(3, before * jitter.between(80, 125) / 100);
                    if (node.duration == before)
                        node.duration += 1 + qint64(jitter.below(3));
                }
                const QList<JobTimes> again = schedule(retried, affected, rerunAt);
                RunContext second = context;
                second.attempt = 2;
                for (qsizetype i = 0; i < graph.size(); ++i)
                    if (affected[i])
                        jobs.append(makeJob(retried[i], again[i], second));
                end = rerunAt;
                for (qsizetype i = 0; i < graph.size(); ++i)
                    if (affected[i])
                        end = qMax(end, again[i].completed);
                run.runAttempt = 2;
                run.runStartedAt = at(rerunAt);
                run.conclusion = RunConclusion::Success;
                run.updatedAt = at(end);
            }
        } else {
            for (const JobTimes &t : times)
                end = qMax(end, t.completed);
            run.updatedAt = at(end);
        }
        m_d.runs.append(run);
        m_d.jobs.append(jobs);
    }

    void makeWorkflows()
    {
        const struct
        {
            const char *name;
            const char *path;
        } specs[] = {
            {"Release", ".github/workflows/release.yml"},
            {"Run e2e Tests", ".github/workflows/run-e2e-tests.yml"},
            {"Publish docs", ".github/workflows/publish-docs.yml"},
        };
        qint64 id = 47000000 + qint64(m_rng.below(100000));
        for (const auto &spec : specs) {
            Workflow workflow;
            workflow.id = id += 1 + qint64(m_rng.below(5000));
            workflow.name = QString::fromUtf8(spec.name);
            workflow.path = QString::fromUtf8(spec.path);
            workflow.state = QStringLiteral("active");
            workflow.htmlUrl = WebBase + QLatin1Char('/') + m_d.fullName() +
                               QStringLiteral("/blob/develop/") + workflow.path;
            m_d.workflows.append(workflow);
        }
        m_nextRunId = 8900000000 + qint64(m_rng.below(100000000));
        m_nextJobId = 24000000000 + qint64(m_rng.below(1000000000));

        // Release runs for the last 19 releases, a few hours before each was published; two
        // earlier attempts that failed outright, and one run that needed a second attempt.
        const Workflow &release = m_d.workflows[0];
        int number = 150 + int(m_rng.below(50));
        const qsizetype first = m_releaseTimes.size() - 19;
        const QList<JobNode> probe = releaseGraph();
        const QStringList failures = {
            QStringLiteral("Quality checks / Quality checks (3.12)"),
            QStringLiteral("Layer release / Deploy Beta (ap-southeast-2, 3.11)")};
        for (qsizetype r = first; r < m_releaseTimes.size(); ++r) {
            const qint64 published = m_releaseTimes[r];
            const QString version = m_releaseVersions[r];
            const User &actor = m_releaseAuthors[r];
            const qint64 start = published - m_rng.between(50, 150) * Minute;
            const qsizetype k = r - first;
            if (k == 4 || k == 11) {
                makeReleaseRun(release, number++, version, actor, start - 3 * Hour,
                               failures[k == 4 ? 0 : 1], false);
            }
            if (k == 15) {
                makeReleaseRun(release, number++, version, actor, start - 80 * Minute,
                               QStringLiteral("Layer release / Deploy Prod (eu-south-2, 3.10)"),
                               true);
                continue;
            }
            makeReleaseRun(release, number++, version, actor, start, QString(), false);
        }
        Q_UNUSED(probe);

        makeLiveRun(release, number);
        makeE2eRuns();
        makeDocsRuns();

        std::sort(m_d.runs.begin(), m_d.runs.end(), [](const WorkflowRun &a, const WorkflowRun &b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
        });
    }

    void makeLiveRun(const Workflow &workflow, int number)
    {
        const QList<JobNode> graph = releaseGraph();
        const QList<bool> all(graph.size(), true);
        QList<JobTimes> times = schedule(graph, all, 0);
        qint64 total = 0;
        for (const JobTimes &t : times)
            total = qMax(total, t.completed);
        // Publishing to PyPI deploys to the protected "release" environment: at `now` the run
        // has been waiting for a maintainer's approval for a minute and a half, its build, checks
        // and provenance done, so the demo opens on the review (DemoLiveRun holds the rest).
        const QString publish = QStringLiteral("Release / Publish PyPi");
        qint64 gateCreated = total / 4;
        for (qsizetype i = 0; i < graph.size(); ++i)
            if (graph[i].name == publish)
                gateCreated = times[i].created;
        const qint64 start = m_now - gateCreated - 90;
        m_d.releaseEnvironment.id = 1100000000 + qint64(m_d.seed % 900000000);
        m_d.releaseEnvironment.nodeId =
            QStringLiteral("EN_kwDO") +
            QString::fromLatin1(
                QByteArray::number(m_d.releaseEnvironment.id)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        m_d.releaseEnvironment.name = QStringLiteral("release");
        m_d.releaseEnvironment.jobName = publish;
        for (JobTimes &t : times) {
            t.created += start;
            t.started += start;
            t.completed += start;
        }
        RunContext context{nextRunId(), 1, workflow.name, m_rng.sha(), m_d.defaultBranch};
        WorkflowRun run = makeRunRecord(
            workflow, context.runId, number, QStringLiteral("Release ") + m_nextVersion,
            QStringLiteral("workflow_dispatch"), m_d.viewer, start, context.sha);
        for (qsizetype i = 0; i < graph.size(); ++i)
            m_d.liveRunPlan.append(makeJob(graph[i], times[i], context));
        run.updatedAt = at(start + total);
        m_d.liveRunId = run.id;
        // The dataset shows the run as it is at `now`; the plan replays it from there.
        DemoLiveRun live(run, m_d.liveRunPlan, m_d.now, m_d.now, 1.0);
        live.requireApproval(publish);
        m_d.runs.append(live.run(m_d.now));
        m_d.jobs.append(live.jobs(m_d.now));
    }

public:
    // A fresh Release run's jobs, all succeeding, starting at `run.createdAt`, for runs started
    // after generation (workflow_dispatch on the demo backend).
    QList<WorkflowJob> planRelease(const WorkflowRun &run, qint64 firstJobId)
    {
        const QList<JobNode> graph = releaseGraph();
        const QList<JobTimes> times =
            schedule(graph, QList<bool>(graph.size(), true), run.createdAt.toSecsSinceEpoch());
        RunContext context{run.id, 1, run.name, run.headSha, run.headBranch};
        m_nextJobId = firstJobId;
        QList<WorkflowJob> jobs;
        for (qsizetype i = 0; i < graph.size(); ++i)
            jobs.append(makeJob(graph[i], times[i], context));
        return jobs;
    }

private:
    void makeE2eRuns()
    {
        const Workflow &workflow = m_d.workflows[1];
        // One run per push to develop: the last dozen merges.
        QList<int> merges;
        for (qsizetype i = 0; i < m_pullMeta.size(); ++i)
            if (m_pullMeta[i].merged)
                merges.append(int(i));
        std::stable_sort(merges.begin(), merges.end(),
                         [&](int a, int b) { return m_pullMeta[a].merged < m_pullMeta[b].merged; });
        merges = merges.mid(qMax<qsizetype>(0, merges.size() - 12));
        int number = 1400 + int(m_rng.below(300));
        const int failing = int(m_rng.below(quint64(qMax<qsizetype>(1, merges.size()))));
        for (qsizetype k = 0; k < merges.size(); ++k) {
            const PullRequest &pull = m_d.pullRequests[merges[k]];
            const qint64 start = m_pullMeta[merges[k]].merged + m_rng.between(5, 40);
            QList<JobNode> graph;
            for (const QString &python : pythonVersions())
                graph.append(
                    node(QStringLiteral("run (%1)").arg(python), m_rng.between(480, 840),
                         {QStringLiteral("Set up job"), QStringLiteral("Run actions/checkout@v4"),
                          QStringLiteral("Set up Python"), QStringLiteral("Install dependencies"),
                          QStringLiteral("*Run e2e tests"), QStringLiteral("Complete job")}));
            const QList<JobTimes> times = schedule(graph, QList<bool>(graph.size(), true), start);
            RunContext context{nextRunId(), 1, workflow.name,
                               pull.mergeCommitSha.isEmpty() ? m_rng.sha() : pull.mergeCommitSha,
                               m_d.defaultBranch};
            WorkflowRun run =
                makeRunRecord(workflow, context.runId, number++,
                              QStringLiteral("%1 (#%2)").arg(pull.title).arg(pull.number),
                              QStringLiteral("push"), someMaintainer(), start, context.sha);
            qint64 end = start;
            for (qsizetype i = 0; i < graph.size(); ++i) {
                WorkflowJob job = makeJob(graph[i], times[i], context);
                if (k == failing && i == 3) {
                    job.conclusion = RunConclusion::Failure;
                    for (WorkflowStep &step : job.steps)
                        if (step.name == QLatin1String("Run e2e tests"))
                            step.conclusion = RunConclusion::Failure;
                    run.conclusion = RunConclusion::Failure;
                }
                end = qMax(end, times[i].completed);
                m_d.jobs.append(job);
            }
            run.updatedAt = at(end);
            m_d.runs.append(run);
        }
    }

    void makeDocsRuns()
    {
        const Workflow &workflow = m_d.workflows[2];
        int number = 30 + int(m_rng.below(20));
        qint64 time = m_now - 120 * Day;
        while (true) {
            time += m_rng.between(10, 30) * Day;
            if (time > m_now - Day)
                break;
            const QList<JobNode> graph = {
                node(QStringLiteral("Release versioned docs"), m_rng.between(110, 170),
                     {QStringLiteral("Set up job"), QStringLiteral("Run actions/checkout@v4"),
                      QStringLiteral("Set up Python"), QStringLiteral("Install dependencies"),
                      QStringLiteral("*Build docs website and API reference"),
                      QStringLiteral("Deploy docs to gh-pages"), QStringLiteral("Complete job")})};
            const QList<JobTimes> times = schedule(graph, {true}, time);
            RunContext context{nextRunId(), 1, workflow.name, m_rng.sha(), m_d.defaultBranch};
            WorkflowRun run = makeRunRecord(
                workflow, context.runId, number++, QStringLiteral("Publish docs"),
                QStringLiteral("workflow_dispatch"), someMaintainer(), time, context.sha);
            m_d.jobs.append(makeJob(graph[0], times[0], context));
            run.updatedAt = at(times[0].completed);
            m_d.runs.append(run);
        }
    }

    // ---- final ordering and numbering

    void finish()
    {
        std::stable_sort(
            m_d.comments.begin(), m_d.comments.end(),
            [](const Comment &a, const Comment &b) { return a.createdAt < b.createdAt; });
        qint64 commentId = 1700000000 + qint64(m_rng.below(100000000));
        QHash<int, int> counts;
        for (Comment &comment : m_d.comments) {
            comment.id = commentId += 1 + qint64(m_rng.below(5000));
            comment.htmlUrl += QStringLiteral("#issuecomment-%1").arg(comment.id);
            counts[comment.issueNumber] += 1;
        }
        for (Issue &issue : m_d.issues)
            issue.commentCount = counts.value(issue.number);
        for (PullRequest &pull : m_d.pullRequests)
            pull.commentCount = counts.value(pull.number);

        std::stable_sort(m_d.events.begin(), m_d.events.end(),
                         [](const DemoIssueEvent &a, const DemoIssueEvent &b) {
                             return a.createdAt < b.createdAt;
                         });
        qint64 eventId = 11000000000 + qint64(m_rng.below(100000000));
        for (DemoIssueEvent &event : m_d.events)
            event.id = eventId += 1 + qint64(m_rng.below(3000));

        // Comments and events touch their issue.
        QHash<int, QDateTime> touched;
        for (const Comment &comment : std::as_const(m_d.comments))
            if (comment.createdAt > touched.value(comment.issueNumber))
                touched.insert(comment.issueNumber, comment.createdAt);
        for (const DemoIssueEvent &event : std::as_const(m_d.events))
            if (event.createdAt > touched.value(event.issueNumber))
                touched.insert(event.issueNumber, event.createdAt);
        for (Issue &issue : m_d.issues)
            issue.updatedAt = qMax(issue.updatedAt, touched.value(issue.number));
        for (PullRequest &pull : m_d.pullRequests)
            pull.updatedAt = qMax(pull.updatedAt, touched.value(pull.number));
    }

    DemoRandom m_rng;
    qint64 m_now;
    DemoDataset m_d;

    User m_dependabot;
    User m_actionsBot;
    User m_cyborg;
    User m_sonar;
    QList<User> m_users;
    QHash<QString, int> m_labelIndex;
    int m_pendingReleaseFixes = 0; // merged fixes since the last release seen so far
    QHash<int, int> m_issueIndex;
    QHash<int, int> m_pullIndex;
    QSet<int> m_actionsDependency;
    QList<IssueMeta> m_issueMeta;
    QList<PullMeta> m_pullMeta;
    QHash<QString, qint64> m_firstMerge;
    QList<qint64> m_releaseTimes; // published, oldest first
    QStringList m_releaseVersions;
    QList<User> m_releaseAuthors;
    QString m_nextVersion;
    qint64 m_nextRunId = 0;
    qint64 m_nextJobId = 0;
};

} // namespace

DemoDataset DemoDataGenerator::generate(quint64 seed, const QDateTime &now)
{
    return Builder(seed, now).build();
}

QList<WorkflowJob> DemoDataGenerator::planReleaseRun(quint64 seed, const WorkflowRun &run,
                                                     qint64 firstJobId)
{
    return Builder(seed, run.createdAt).planRelease(run, firstJobId);
}

} // namespace Mainstay
