#include "benchworkspace.h"

#include "cachedatabase.h"
#include "isodatetime.h"
#include "workspacestore.h"

#include <QSet>

#include <random>

using namespace Qt::StringLiterals;

namespace Mainstay::Bench {

namespace {

const QStringList &labelNames()
{
    static const QStringList names = {u"bug"_s,
                                      u"triage"_s,
                                      u"feature-request"_s,
                                      u"documentation"_s,
                                      u"need-more-information"_s,
                                      u"pending-release"_s,
                                      u"help wanted"_s,
                                      u"good first issue"_s,
                                      u"RFC"_s,
                                      u"revisit-in-3-months"_s,
                                      u"need-customer-feedback"_s,
                                      u"internal"_s,
                                      u"tech-debt"_s,
                                      u"dependencies"_s,
                                      u"github-actions"_s,
                                      u"python"_s,
                                      u"size/XS"_s,
                                      u"size/S"_s,
                                      u"size/M"_s,
                                      u"size/L"_s,
                                      u"size/XL"_s,
                                      u"size/XXL"_s,
                                      u"do-not-merge"_s,
                                      u"breaking-change"_s,
                                      u"logger"_s,
                                      u"tracer"_s,
                                      u"metrics"_s,
                                      u"event_handler"_s,
                                      u"parser"_s,
                                      u"idempotency"_s,
                                      u"batch"_s,
                                      u"parameters"_s,
                                      u"validation"_s,
                                      u"feature_flags"_s,
                                      u"data_masking"_s,
                                      u"typing"_s,
                                      u"tests"_s,
                                      u"performance"_s,
                                      u"security"_s,
                                      u"duplicate"_s};
    return names;
}

const QStringList &words()
{
    static const QStringList list = {u"logger"_s,      u"drops"_s,
                                     u"structured"_s,  u"keys"_s,
                                     u"when"_s,        u"sampling"_s,
                                     u"is"_s,          u"enabled"_s,
                                     u"tracer"_s,      u"fails"_s,
                                     u"to"_s,          u"capture"_s,
                                     u"async"_s,       u"responses"_s,
                                     u"metrics"_s,     u"flush"_s,
                                     u"raises"_s,      u"on"_s,
                                     u"empty"_s,       u"namespace"_s,
                                     u"support"_s,     u"for"_s,
                                     u"the"_s,         u"new"_s,
                                     u"event"_s,       u"source"_s,
                                     u"idempotency"_s, u"record"_s,
                                     u"expires"_s,     u"too"_s,
                                     u"early"_s,       u"docs:"_s,
                                     u"clarify"_s,     u"batch"_s,
                                     u"processing"_s,  u"partial"_s,
                                     u"failures"_s,    u"feat(parser):"_s,
                                     u"add"_s,         u"model"_s,
                                     u"Kafka"_s,       u"fix(logger):"_s,
                                     u"keep"_s,        u"correlation"_s,
                                     u"id"_s,          u"across"_s,
                                     u"threads"_s};
    return list;
}

} // namespace

QString repository()
{
    return u"aws-powertools/powertools-lambda-python"_s;
}

qsizetype writeWorkspace(const QString &dataDir, int count)
{
    WorkspaceStore store;
    const StoreOpenResult opened = store.open(dataDir, repository());
    if (!opened.ok)
        qFatal("cannot open the benchmark store: %s", qPrintable(opened.error));
    std::mt19937 random(42);
    // Label popularity falls off like a real tracker's: "bug" and "triage" everywhere,
    // "data_masking" rarely.
    std::vector<double> weights;
    for (int i = 0; i < 40; ++i)
        weights.push_back(1.0 / (1 + i));
    std::discrete_distribution<int> pickLabel(weights.begin(), weights.end());
    std::uniform_int_distribution<int> labelCount(1, 4);
    std::uniform_int_distribution<int> pickAuthor(0, 1999);
    std::uniform_int_distribution<int> pickWord(0, int(words().size()) - 1);
    std::uniform_int_distribution<int> percent(0, 99);

    QList<Label> vocabulary;
    for (int i = 0; i < 40; ++i) {
        Label label;
        label.id = 208'045'900 + i;
        label.name = labelNames()[i];
        label.color = u"%1"_s.arg(0xd73a4a + i * 977, 6, 16, QChar(u'0')).right(6);
        label.description = u"Issues about "_s + label.name;
        vocabulary.append(label);
    }
    QList<User> authors;
    for (int i = 0; i < 2000; ++i) {
        User user;
        user.id = 1'000'000 + i;
        user.login = u"contributor-%1"_s.arg(i, 4, 10, QChar(u'0'));
        user.type = u"User"_s;
        user.avatarUrl = u"https://avatars.githubusercontent.com/u/%1?v=4"_s.arg(user.id);
        user.htmlUrl = u"https://github.com/"_s + user.login;
        authors.append(user);
    }
    Milestone milestone;
    milestone.id = 77;
    milestone.number = 3;
    milestone.title = u"v3.0.0"_s;

    QSet<QString> labelSets;
    QList<Issue> page;
    const QString body = u"## Expected Behaviour\n\nKeys are kept. "_s.repeated(30).left(1000);
    const QDateTime start = QDateTime::fromSecsSinceEpoch(1'600'000'000, Qt::UTC);
    for (int number = 1; number <= count; ++number) {
        Issue issue;
        issue.id = 1'800'000'000 + number;
        issue.number = number;
        QString title;
        while (title.size() < 55)
            title += words()[pickWord(random)] + QLatin1Char(' ');
        issue.title = title.trimmed();
        issue.body = body;
        issue.isPullRequest = percent(random) < 20;
        issue.state = percent(random) < 60 ? Issue::State::Closed : Issue::State::Open;
        if (issue.state == Issue::State::Closed) {
            issue.stateReason = Issue::StateReason::Completed;
            issue.closedAt = start.addSecs(number * 600 + 86'400);
            if (issue.isPullRequest)
                issue.mergedAt = issue.closedAt;
        }
        issue.author = authors[pickAuthor(random)];
        issue.authorAssociation = AuthorAssociation::Contributor;
        QSet<int> chosen;
        const int count = labelCount(random);
        while (chosen.size() < count)
            chosen.insert(pickLabel(random));
        QList<int> sorted(chosen.begin(), chosen.end());
        std::sort(sorted.begin(), sorted.end());
        QString setKey;
        for (int index : sorted) {
            issue.labels.append(vocabulary[index]);
            setKey += QString::number(index) + QLatin1Char(',');
        }
        labelSets.insert(setKey);
        if (percent(random) < 30)
            issue.assignees = {authors[percent(random)]};
        if (percent(random) < 20)
            issue.milestone = milestone;
        issue.commentCount = percent(random) % 12;
        issue.reactionCount = percent(random) % 5;
        issue.createdAt = start.addSecs(number * 600);
        issue.updatedAt = start.addSecs(number * 600 + 3600);
        issue.htmlUrl = u"https://github.com/%1/%2/%3"_s.arg(
            repository(), issue.isPullRequest ? u"pull"_s : u"issues"_s, QString::number(number));
        page.append(issue);
        if (page.size() == 1000) {
            if (!store.cache().upsertIssues(page,
                                            {{u"issues.since"_s, toIsoString(issue.updatedAt)}}))
                qFatal("cannot write: %s", qPrintable(store.cache().lastError()));
            page.clear();
        }
    }
    return labelSets.size();
}

} // namespace Mainstay::Bench
