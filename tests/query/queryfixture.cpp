#include "queryfixture.h"

#include "isodatetime.h"

namespace Mainstay::Test {

namespace {

struct Spec
{
    int number;
    bool pullRequest;
    bool open;
    const char *title;
    const char *body;
    QStringList labels;
    const char *author;
    QStringList assignees;
    const char *created;
    const char *updated;
    const char *closed; // empty: never closed
    const char *merged; // empty: not merged
    bool draft;
    int comments;
    int reactions;
};

} // namespace

QDateTime utc(const char *iso)
{
    if (!iso || !*iso)
        return {};
    const QDateTime dateTime = parseIsoDateTime(QString::fromUtf8(iso));
    Q_ASSERT(dateTime.isValid());
    return dateTime;
}

QList<Issue> queryFixture()
{
    using L = QStringList;
    const Spec specs[] = {
        {1, false, true, "Logger drops extra keys", "When the logger flushes, extra keys vanish.",
         L{"bug"}, "alice", L{"bob"}, "2026-01-01T00:00:00Z", "2026-01-10T10:00:00Z", "", "", false,
         3, 5},
        {2, false, true, "Tracer: timeout when exporting spans", "Times out after 30 s",
         L{"bug", "help wanted"}, "bob", L{}, "2025-12-31T23:59:59Z", "2026-01-31T23:59:59Z", "",
         "", false, 0, 0},
        {3, false, false, "Docs: explain idempotency", "", L{"documentation"}, "carol", L{},
         "2025-11-01T09:00:00Z", "2026-01-20T08:00:00Z", "2026-01-20T08:00:00Z", "", false, 10, 1},
        {4, false, true, "Question about metrics", "How do I enable the logger metrics?", L{},
         "Dave", L{"alice", "carol"}, "2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z", "", "", false,
         1, 0},
        {5, true, true, "feat(logger): add sampling", "Adds sampling to the logger.",
         L{"feature", "size/M"}, "alice", L{}, "2026-01-05T12:00:00Z", "2026-01-06T12:00:00Z", "",
         "", true, 2, 3},
        {6, true, false, "fix(tracer): timeout handling", "Fixes #2", L{"bug", "size/S"}, "bob",
         L{"bob"}, "2026-01-20T12:00:00Z", "2026-01-25T12:00:00Z", "2026-01-25T12:00:00Z",
         "2026-01-25T12:00:00Z", false, 4, 2},
        {7, true, false, "chore: bump deps", "", L{"dependencies"}, "dependabot[bot]", L{},
         "2026-01-02T00:00:00Z", "2026-01-02T06:00:00Z", "2026-01-02T06:00:00Z", "", false, 0, 0},
        {8, false, true, "Großes Problem mit Übersetzung", "Die ÜBERSETZUNG fehlt",
         L{"Help Wanted"}, "erik", L{}, "2026-01-10T00:00:00Z", "2026-01-11T00:00:00Z", "", "",
         false, 0, 0},
        {9, false, false, "Logger: support YAML config", "",
         L{"feature-request", "revisit-in-3-months"}, "alice", L{}, "2025-10-01T00:00:00Z",
         "2025-12-01T00:00:00Z", "2025-12-01T00:00:00Z", "", false, 6, 8},
        {10, false, true, "Timeout in logger when disk is full", "", L{"bug", "triage"}, "frank",
         L{}, "2026-01-12T00:00:00Z", "2026-01-13T00:00:00Z", "", "", false, 7, 12},
        {11, true, true, "docs: fix typo in README", "", L{"documentation", "size/XS"}, "grace",
         L{"carol"}, "2026-01-14T00:00:00Z", "2026-01-14T01:00:00Z", "", "", false, 1, 0},
        {12, false, true, "Crash on startup", "The stack trace mentions the logger", L{"triage"},
         "heidi", L{"bob"}, "2026-01-15T00:00:00Z", "2026-01-15T00:00:00Z", "", "", false, 0, 0},
        {13, false, true, "Metrics for batch jobs", "", L{"feature-request", "RFC"}, "ivan", L{},
         "2026-01-16T00:00:00Z", "2026-01-17T00:00:00Z", "", "", false, 3, 4},
        {14, false, false, "Duplicate crash report", "", L{"duplicate"}, "judy", L{},
         "2026-01-30T00:00:00Z", "2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z", "", false, 2, 0},
        {15, true, false, "feat: idempotency store", "", L{"feature", "size/L"}, "carol", L{},
         "2026-01-28T00:00:00Z", "2026-01-31T10:00:00Z", "2026-01-31T10:00:00Z",
         "2026-01-31T10:00:00Z", false, 9, 6},
        {16, false, true, "Good first issue: typo in logger docs", "",
         L{"good first issue", "help wanted"}, "ken", L{}, "2026-01-18T00:00:00Z",
         "2026-01-18T00:00:00Z", "", "", false, 0, 1},
        {17, false, true, "Need more information about logger timeout", "",
         L{"need-more-information"}, "lee", L{}, "2026-01-19T00:00:00Z", "2026-01-22T00:00:00Z", "",
         "", false, 5, 0},
        {18, true, true, "WIP: tracer refactor", "", L{}, "alice", L{}, "2026-01-21T00:00:00Z",
         "2026-01-21T00:00:00Z", "", "", true, 0, 0},
        {19, false, true, "Parser fails on empty input", "", L{"bug", "pending-release"}, "mallory",
         L{"alice"}, "2026-01-23T00:00:00Z", "2026-01-24T00:00:00Z", "", "", false, 2, 0},
        {20, false, true, "LOGGER TIMEOUT on shutdown", "", L{"Bug"}, "Alice", L{},
         "2026-01-24T00:00:00Z", "2026-01-26T00:00:00Z", "", "", false, 5, 5},
    };

    QList<Issue> issues;
    for (const Spec &spec : specs) {
        Issue issue;
        issue.id = 9000 + spec.number;
        issue.number = spec.number;
        issue.isPullRequest = spec.pullRequest;
        issue.state = spec.open ? Issue::State::Open : Issue::State::Closed;
        issue.title = QString::fromUtf8(spec.title);
        issue.body = QString::fromUtf8(spec.body);
        qint64 labelId = 100;
        for (const QString &name : spec.labels)
            issue.labels.append(Label{labelId++, name, QStringLiteral("ededed"), {}, false});
        issue.author.login = QString::fromUtf8(spec.author);
        for (const QString &login : spec.assignees)
            issue.assignees.append(User{0, login, QStringLiteral("User"), {}, {}});
        issue.createdAt = utc(spec.created);
        issue.updatedAt = utc(spec.updated);
        issue.closedAt = utc(spec.closed);
        issue.mergedAt = utc(spec.merged);
        issue.draft = spec.draft;
        issue.commentCount = spec.comments;
        issue.reactionCount = spec.reactions;
        issues.append(issue);
    }
    return issues;
}

QList<int> numbersOf(const QList<Issue> &issues)
{
    QList<int> numbers;
    for (const Issue &issue : issues)
        numbers.append(issue.number);
    return numbers;
}

} // namespace Mainstay::Test
