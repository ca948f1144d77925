#include "headlesscommands.h"

#include "ganttcommand.h"
#include "headlesssession.h"
#include "lintcommand.h"
#include "notescommand.h"
#include "outbox.h"

#include "appcontroller.h"
#include "appsettings.h"
#include "githubclient.h"
#include "isodatetime.h"
#include "issuequery.h"
#include "keychaintokenstore.h"
#include "policy.h"
#include "policyloader.h"
#include "queryparseresult.h"
#include "storeresponsecache.h"
#include "syncengine.h"
#include "tokenprovider.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cstdio>
#include <unistd.h>

namespace Mainstay {

namespace {

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

void printOut(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

// The settings the GUI saved (API URL, token source), read the same way the GUI reads them.
AppSettings savedSettings(const CommandLineOptions &options, const QString &dataDir)
{
    if (options.dataDir.isEmpty())
        return AppSettings::load(QSettings());
    return AppSettings::load(
        QSettings(QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
}

} // namespace

QString HeadlessCommands::dataDir(const CommandLineOptions &options)
{
    return options.dataDir.isEmpty() ? AppController::defaultDataDir() : options.dataDir;
}

int HeadlessCommands::run(const CommandLineOptions &options)
{
    switch (options.command) {
    case CommandLineOptions::Command::Sync:
        return sync(options);
    case CommandLineOptions::Command::Query:
        return query(options);
    case CommandLineOptions::Command::Lint:
        return runLintCommand(options);
    case CommandLineOptions::Command::Notes:
        return runNotesCommand(options);
    case CommandLineOptions::Command::Gantt:
        return runGanttCommand(options);
    case CommandLineOptions::Command::Gui:
        break;
    }
    return 2;
}

int HeadlessCommands::sync(const CommandLineOptions &options)
{
    HeadlessSession session(options);
    if (!session.openStore())
        return 1;
    // Writes queued offline (e.g. by `lint --fix`) go out first, so the sync reads them back.
    if (!session.store()->userData().pendingEntries().isEmpty()) {
        session.connectClient();
        session.flushOutbox();
    }
    if (session.sync(options.full).isError())
        return 1;
    printOut(QStringLiteral("%1: %2\n").arg(options.repo, session.lastSyncSummary()));
    return 0;
}

int HeadlessCommands::query(const CommandLineOptions &options)
{
    const QueryParseResult parsed = IssueQuery::parse(options.query);
    if (!parsed) {
        // Point at the problem under the query, as a compiler would.
        const QueryError &error = parsed.error();
        printErr(QStringLiteral("mainstay: %1\n  %2\n  %3%4\n")
                     .arg(error.message(), options.query, QString(error.position, QLatin1Char(' ')),
                          QString(std::max(1, error.length), QLatin1Char('^'))));
        return 2;
    }
    const QString dir = dataDir(options);
    if (!QFileInfo::exists(WorkspaceStore::workspacePath(dir, options.repo))) {
        printErr(QStringLiteral("mainstay: nothing is cached for %1 in %2; run `mainstay sync %1` "
                                "first\n")
                     .arg(options.repo, QDir::toNativeSeparators(dir)));
        return 1;
    }
    WorkspaceStore store;
    const StoreOpenResult opened = store.open(dir, options.repo);
    if (!opened.ok) {
        printErr(QStringLiteral("mainstay: cannot open the local cache of %1: %2\n")
                     .arg(options.repo, opened.error));
        return 1;
    }
    if (!opened.notice.isEmpty())
        printErr(QStringLiteral("mainstay: %1\n").arg(opened.notice));

    const QList<Issue> issues = store.cache().loadIssues();
    const bool needsBodies = parsed.query().hasText();
    QList<Issue> candidates = issues;
    if (needsBodies) // free text looks at bodies too, which the list load leaves out
        for (Issue &issue : candidates)
            issue.body = store.cache().issueBody(issue.number);
    const QList<Issue> matches = parsed.query().select(candidates);
    const QString webUrl =
        GitHubClient::webUrl(QUrl(savedSettings(options, dir).apiUrl), options.repo);

    if (options.json) {
        QJsonArray array;
        for (const Issue &issue : matches) {
            QJsonArray labels;
            for (const Label &label : issue.labels)
                labels.append(label.name);
            array.append(QJsonObject{
                {QStringLiteral("number"), issue.number},
                {QStringLiteral("title"), issue.title},
                {QStringLiteral("type"),
                 issue.isPullRequest ? QStringLiteral("pr") : QStringLiteral("issue")},
                {QStringLiteral("state"), issue.isMerged() ? QStringLiteral("merged")
                                          : issue.isOpen() ? QStringLiteral("open")
                                                           : QStringLiteral("closed")},
                {QStringLiteral("labels"), labels},
                {QStringLiteral("author"), issue.author.login},
                {QStringLiteral("comments"), issue.commentCount},
                {QStringLiteral("created_at"), toIsoString(issue.createdAt)},
                {QStringLiteral("updated_at"), toIsoString(issue.updatedAt)},
                {QStringLiteral("url"),
                 issue.htmlUrl.isEmpty() ? webUrl +
                                               (issue.isPullRequest ? QStringLiteral("/pull/")
                                                                    : QStringLiteral("/issues/")) +
                                               QString::number(issue.number)
                                         : issue.htmlUrl},
            });
        }
        printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return 0;
    }
    for (const Issue &issue : matches) {
        QStringList labels;
        for (const Label &label : issue.labels)
            labels.append(label.name);
        const QString state = issue.isMerged() ? QStringLiteral("merged")
                              : issue.isOpen() ? QStringLiteral("open")
                                               : QStringLiteral("closed");
        printOut(QStringLiteral("#%1\t%2\t%3\t%4\t%5\t%6\n")
                     .arg(issue.number)
                     .arg(issue.isPullRequest ? QStringLiteral("pr") : QStringLiteral("issue"),
                          state, toIsoString(issue.updatedAt), issue.title,
                          labels.join(QLatin1Char(','))));
    }
    printErr(QStringLiteral("%1 of %2 items\n").arg(matches.size()).arg(issues.size()));
    return 0;
}

} // namespace Mainstay
