// `mainstay lint` run as a user runs it, against a loopback GitHub holding the demo repository:
// findings, the JSON shape, exit codes, and --fix with and without --sync (the exact writes).

#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QJsonArray>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QUrl>
#include <cstdio>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

// One write as the server saw it.
struct Write
{
    QByteArray method;
    QByteArray target;
    QJsonValue body;
    bool operator==(const Write &) const = default;
};

void PrintTo(const Write &write, std::ostream *os)
{
    *os << write.method.constData() << ' ' << write.target.constData() << ' '
        << QJsonDocument(QJsonObject{{u"b"_s, write.body}})
               .toJson(QJsonDocument::Compact)
               .constData();
}

class LintTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_backend = std::make_shared<DemoGitHubBackend>(
            DemoDataGenerator::generate(11, m_serverClock.now()), &m_serverClock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler(
            [backend](const HttpRequest &request) { return backend.lock()->handle(request); });
        ASSERT_TRUE(m_server.start());
        m_repository = m_backend->dataset().fullName();
    }

    Outcome run(QStringList arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"GH_TOKEN"_s);
        env.remove(u"GITHUB_TOKEN"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
        env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(Mainstay::Test::mainstayExecutable(), arguments);
        Outcome outcome;
        if (!process.waitForFinished(120'000)) {
            process.kill();
            process.waitForFinished();
            return outcome;
        }
        outcome.exitCode = process.exitCode();
        outcome.out = QString::fromUtf8(process.readAllStandardOutput());
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

    Outcome lint(QStringList extra)
    {
        return run(QStringList{u"lint"_s, m_repository, u"--api-url"_s,
                               m_server.baseUrl().toString(), u"--data-dir"_s,
                               m_dir.filePath(u"data"_s)} +
                   extra);
    }

    Outcome sync()
    {
        return run({u"sync"_s, m_repository, u"--api-url"_s, m_server.baseUrl().toString(),
                    u"--data-dir"_s, m_dir.filePath(u"data"_s)});
    }

    QList<Write> writes() const
    {
        QList<Write> out;
        for (const HttpRequest &request : m_server.requestLog()) {
            if (request.method == "GET" || request.path.endsWith(u"/graphql"_s))
                continue;
            const QJsonDocument body = QJsonDocument::fromJson(request.body);
            out.append({request.method, request.target,
                        body.isObject() ? QJsonValue(body.object()) : QJsonValue()});
        }
        return out;
    }

    static QJsonArray parse(const Outcome &outcome)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(outcome.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << outcome.out.toStdString();
        EXPECT_TRUE(document.isArray());
        return document.array();
    }

    QTemporaryDir m_dir;
    ManualClock m_serverClock{QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC)};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    LoopbackHttpServer m_server;
    QString m_repository;
};

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out.append(item.toString());
    return out;
}

} // namespace

TEST_F(LintTest, JsonFindingsHaveTheDocumentedShapeAndMatchThePlantedProblems)
{
    const Outcome result = lint({u"--sync"_s, u"--json"_s});
    ASSERT_EQ(result.exitCode, 1) << result.err.toStdString();
    const QJsonArray findings = parse(result);
    ASSERT_FALSE(findings.isEmpty());
    const QSet<QString> keys{u"rule"_s, u"number"_s, u"message"_s, u"fix"_s};
    QSet<int> sizeFindings;
    int previous = 0;
    for (const QJsonValue &value : findings) {
        const QJsonObject finding = value.toObject();
        const QStringList names = finding.keys();
        EXPECT_EQ(QSet<QString>(names.cbegin(), names.cend()), keys);
        EXPECT_TRUE(finding.value(u"rule"_s).isString());
        EXPECT_GT(finding.value(u"number"_s).toInt(), 0);
        EXPECT_GE(finding.value(u"number"_s).toInt(), previous) << "ordered by number";
        previous = finding.value(u"number"_s).toInt();
        EXPECT_FALSE(finding.value(u"message"_s).toString().isEmpty());
        const QJsonValue fix = finding.value(u"fix"_s);
        if (!fix.isNull()) {
            ASSERT_TRUE(fix.isObject());
            EXPECT_TRUE(fix[u"add"_s].isArray());
            EXPECT_TRUE(fix[u"remove"_s].isArray());
            EXPECT_FALSE(fix[u"add"_s].toArray().isEmpty() && fix[u"remove"_s].toArray().isEmpty());
        }
        if (finding.value(u"rule"_s).toString() == u"size-label"_s)
            sizeFindings.insert(finding.value(u"number"_s).toInt());
    }
    // The demo plants wrong and missing size labels on some pull requests: each open one is
    // reported, and nothing else is.
    const DemoDataset data = m_backend->dataset();
    QSet<int> planted;
    for (const PullRequest &pull : data.pullRequests)
        if (pull.isOpen() && (data.wrongSizeLabelPulls.contains(pull.number) ||
                              data.missingSizeLabelPulls.contains(pull.number)))
            planted.insert(pull.number);
    EXPECT_FALSE(planted.isEmpty());
    EXPECT_EQ(sizeFindings, planted);

    // The text form: one finding a line, the same findings.
    const Outcome text = lint({});
    if (qEnvironmentVariableIsSet("MAINSTAY_LINT_DUMP")) // to read the output while developing
        std::fputs(text.out.toUtf8().constData(), stdout);
    EXPECT_EQ(text.exitCode, 1) << text.err.toStdString();
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), findings.size());
    const QJsonObject first = findings.first().toObject();
    EXPECT_EQ(lines.first(),
              u"#%1 %2: %3"_s.arg(first.value(u"number"_s).toInt())
                  .arg(first.value(u"rule"_s).toString(), first.value(u"message"_s).toString()));
}

TEST_F(LintTest, AreaLabelsComeFromTheChangedFiles)
{
    const Outcome result = lint({u"--sync"_s, u"--json"_s, u"--only"_s, u"area-label"_s});
    ASSERT_EQ(result.exitCode, 1) << result.err.toStdString();
    const QJsonArray findings = parse(result);
    ASSERT_FALSE(findings.isEmpty());
    for (const QJsonValue &value : findings) {
        const QJsonObject finding = value.toObject();
        EXPECT_EQ(finding.value(u"rule"_s).toString(), u"area-label"_s);
        EXPECT_TRUE(strings(finding[u"fix"_s][u"remove"_s]).isEmpty()) << "area labels only add";
        const int number = finding.value(u"number"_s).toInt();
        for (const PullRequest &pull : m_backend->dataset().pullRequests)
            if (pull.number == number) {
                EXPECT_TRUE(pull.isOpen());
                for (const QString &label : strings(finding[u"fix"_s][u"add"_s]))
                    EXPECT_FALSE(pull.hasLabel(label)) << number << " " << label.toStdString();
            }
    }
}

TEST_F(LintTest, FixWithSyncSendsOneChangePerItemAndASecondLintIsClean)
{
    ASSERT_EQ(sync().exitCode, 0);
    const QJsonArray before = parse(lint({u"--json"_s}));
    // What the fixes must be: per item, the findings' changes, removals only for size and type.
    QMap<int, QPair<QStringList, QStringList>> expected;
    for (const QJsonValue &value : before) {
        const QJsonObject finding = value.toObject();
        if (finding.value(u"fix"_s).isNull())
            continue;
        const QString rule = finding.value(u"rule"_s).toString();
        auto &[add, remove] = expected[finding.value(u"number"_s).toInt()];
        for (const QString &label : strings(finding[u"fix"_s][u"add"_s]))
            if (!add.contains(label))
                add.append(label);
        if (rule == u"size-label"_s || rule == u"type-label"_s)
            for (const QString &label : strings(finding[u"fix"_s][u"remove"_s]))
                if (!remove.contains(label))
                    remove.append(label);
    }
    ASSERT_FALSE(expected.isEmpty());
    QList<Write> expectedWrites;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QStringList add, remove;
        for (const QString &label : it->first)
            if (!it->second.contains(label))
                add.append(label);
        for (const QString &label : it->second)
            if (!it->first.contains(label))
                remove.append(label);
        const QByteArray labels =
            u"/repos/%1/issues/%2/labels"_s.arg(m_repository).arg(it.key()).toUtf8();
        if (!add.isEmpty())
            expectedWrites.append(
                {"POST", labels, QJsonObject{{u"labels"_s, QJsonArray::fromStringList(add)}}});
        for (const QString &label : remove)
            expectedWrites.append(
                {"DELETE", labels + '/' + QUrl::toPercentEncoding(label), QJsonValue()});
    }

    m_server.clearRequestLog();
    const Outcome fixed = lint({u"--sync"_s, u"--fix"_s});
    EXPECT_EQ(fixed.exitCode, 1) << "stale findings cannot be fixed with labels\n"
                                 << fixed.err.toStdString();
    EXPECT_EQ(writes(), expectedWrites);
    EXPECT_TRUE(fixed.out.contains(u"%1 of %1 fix(es) sent."_s.arg(expected.size())))
        << fixed.out.toStdString() << fixed.err.toStdString();
    EXPECT_TRUE(fixed.out.contains(u"Fixed #"_s));

    // The fixes are on GitHub and, read back by the same run, in the cache.
    const QJsonArray after = parse(lint({u"--json"_s}));
    for (const QJsonValue &value : after)
        EXPECT_TRUE(value.toObject().value(u"fix"_s).isNull())
            << QJsonDocument(value.toObject()).toJson().toStdString();
    EXPECT_GT(after.size(), 0) << "the unfixable findings (stale, titles) remain";
    const Outcome clean = lint({u"--only"_s, u"size-label,type-label,area-label"_s});
    EXPECT_EQ(clean.exitCode, 0) << clean.out.toStdString();
    EXPECT_TRUE(clean.out.isEmpty());
}

TEST_F(LintTest, FixWithoutSyncQueuesAndTheNextSyncSends)
{
    ASSERT_EQ(sync().exitCode, 0);
    m_server.clearRequestLog();
    const Outcome queued = lint({u"--fix"_s, u"--only"_s, u"size-label"_s});
    EXPECT_EQ(queued.exitCode, 1);
    EXPECT_TRUE(queued.out.contains(u"queued; they go out with the next"_s))
        << queued.out.toStdString();
    EXPECT_TRUE(m_server.requestLog().isEmpty()) << "nothing is sent without --sync";

    // Queued fixes count as done for the next lint (as in the GUI's overlay)…
    const Outcome again = lint({u"--only"_s, u"size-label"_s});
    EXPECT_EQ(again.exitCode, 0) << again.out.toStdString();
    // …and `mainstay sync` sends them.
    ASSERT_EQ(sync().exitCode, 0);
    const QList<Write> sent = writes();
    EXPECT_FALSE(sent.isEmpty());
    for (const Write &write : sent)
        EXPECT_TRUE(write.target.contains("/labels")) << write.target.toStdString();
    for (const PullRequest &pull : m_backend->dataset().pullRequests)
        if (pull.isOpen() && pull.hasSize()) {
            int sizes = 0;
            for (const Label &label : pull.labels)
                sizes += label.name.startsWith(u"size/"_s);
            EXPECT_EQ(sizes, 1) << pull.number;
        }
}

TEST_F(LintTest, ErrorsExitWithTwo)
{
    const Outcome noCache = lint({});
    EXPECT_EQ(noCache.exitCode, 2);
    EXPECT_TRUE(noCache.err.contains(u"mainstay sync"_s)) << noCache.err.toStdString();

    const Outcome badRule = lint({u"--only"_s, u"size-label,sise-label"_s});
    EXPECT_EQ(badRule.exitCode, 2);
    EXPECT_TRUE(badRule.err.contains(u"sise-label"_s)) << badRule.err.toStdString();
    for (const char *rule : {"semantic-title", "type-label", "size-label", "linked-issue",
                             "do-not-merge", "pending-release", "area-label", "stale"})
        EXPECT_TRUE(badRule.err.contains(QLatin1String(rule))) << rule;

    const Outcome wrongRepo =
        run({u"lint"_s, u"nobody/nothing"_s, u"--sync"_s, u"--api-url"_s,
             m_server.baseUrl().toString(), u"--data-dir"_s, m_dir.filePath(u"data"_s)});
    EXPECT_EQ(wrongRepo.exitCode, 2);
    EXPECT_TRUE(wrongRepo.err.contains(u"check the repository name"_s))
        << wrongRepo.err.toStdString();
}
