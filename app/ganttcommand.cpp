#include "ganttcommand.h"

#include "clock.h"
#include "ganttchart.h"
#include "ganttestimate.h"
#include "ganttgeometry.h"
#include "ganttmermaid.h"
#include "ganttpainter.h"
#include "githubclient.h"
#include "githubjson.h"
#include "headlesssession.h"
#include "restjob.h"
#include "runmonitor.h"

#include <QBuffer>
#include <QFile>
#include <QSaveFile>
#include <QUrlQuery>

namespace Mainstay {

namespace {

// GET one document and wait for it; prints and returns nothing on failure.
std::optional<QByteArray> getNow(GitHubClient *client, const QString &path,
                                 const QUrlQuery &query = {})
{
    RestJob *job = client->get(path, query);
    job->setAutoDelete(false);
    HeadlessSession::waitUntil([job] { return job->isFinished(); });
    std::optional<QByteArray> body;
    if (job->response().isOk())
        body = job->response().body;
    else
        HeadlessSession::printErr(
            QStringLiteral("mainstay gantt: %1\n").arg(job->error().message()));
    job->deleteLater();
    return body;
}

// The latest run of a workflow given by name or file name.
qint64 latestRunOf(GitHubClient *client, const QString &repository, const QString &workflow,
                   QString *workflowId)
{
    const auto body = getNow(client, QStringLiteral("/repos/%1/actions/workflows").arg(repository),
                             QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("100")}});
    if (!body)
        return 0;
    const auto workflows = GitHubJson::parseWorkflowList(*body);
    if (!workflows) {
        HeadlessSession::printErr(
            QStringLiteral("mainstay gantt: malformed workflows: %1\n").arg(workflows.error()));
        return 0;
    }
    const Workflow *found = nullptr;
    for (const Workflow &candidate : workflows.value().items)
        if (candidate.name.compare(workflow, Qt::CaseInsensitive) == 0 ||
            candidate.path.section(QLatin1Char('/'), -1) == workflow ||
            candidate.path == workflow || QString::number(candidate.id) == workflow)
            found = &candidate;
    if (!found) {
        QStringList names;
        for (const Workflow &candidate : workflows.value().items)
            names.append(candidate.name);
        HeadlessSession::printErr(
            QStringLiteral("mainstay gantt: %1 has no workflow named \"%2\" (it has: %3)\n")
                .arg(repository, workflow,
                     names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        return 0;
    }
    *workflowId = QString::number(found->id);
    const auto runsBody =
        getNow(client,
               QStringLiteral("/repos/%1/actions/workflows/%2/runs").arg(repository).arg(found->id),
               QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("1")}});
    if (!runsBody)
        return 0;
    const auto runs = GitHubJson::parseWorkflowRunList(*runsBody);
    if (!runs || runs.value().items.isEmpty()) {
        HeadlessSession::printErr(
            QStringLiteral("mainstay gantt: the workflow \"%1\" has no runs\n").arg(workflow));
        return 0;
    }
    return runs.value().items.first().id;
}

} // namespace

int runGanttCommand(const CommandLineOptions &options)
{
    HeadlessSession session(options);
    session.openStore();
    session.connectClient();
    GitHubClient *client = session.client();
    const QString repository = options.repo;

    qint64 runId = options.runId;
    QString workflowId;
    if (runId == 0) {
        runId = latestRunOf(client, repository, options.workflow, &workflowId);
        if (runId == 0)
            return 1;
    }

    RunMonitor monitor(client);
    monitor.setRepository(repository);
    monitor.setPolling(false);
    bool failed = false;
    QObject::connect(&monitor, &RunMonitor::failed, [&](const ApiError &error) {
        failed = true;
        HeadlessSession::printErr(
            QStringLiteral("mainstay gantt: run %1: %2\n").arg(runId).arg(error.message()));
    });
    monitor.watch(runId, options.attempt);
    HeadlessSession::waitUntil([&] { return !monitor.isFetching(); });
    if (failed || !monitor.hasRun())
        return 1;
    const WorkflowRun run = monitor.run();

    // History for the estimate of a running run (and the overrun flags).
    JobHistory history;
    if (!run.isCompleted() && run.workflowId != 0) {
        JobHistoryLoader loader(client, session.store());
        bool done = false;
        QObject::connect(&loader, &JobHistoryLoader::loaded, [&] { done = true; });
        QObject::connect(&loader, &JobHistoryLoader::failed, [&](const ApiError &error) {
            done = true;
            HeadlessSession::printErr(
                QStringLiteral("mainstay gantt: no estimate: %1\n").arg(error.message()));
        });
        loader.load(repository, QString::number(run.workflowId), JobHistoryLoader::DefaultRuns,
                    run.id);
        HeadlessSession::waitUntil([&] { return done; });
        history = loader.history();
    }

    const QDateTime now =
        client->clock() ? client->clock()->now() : QDateTime::currentDateTimeUtc();
    const GanttChart chart =
        GanttChart::build(run, monitor.jobs(), session.policy().ganttSections, now.toUTC());
    const RunEstimate estimate = estimateRun(chart, history);

    const QString format =
        options.exportFormat.isEmpty() ? QStringLiteral("mermaid") : options.exportFormat;
    QByteArray output;
    if (format == QLatin1String("mermaid")) {
        output = toMermaidGantt(chart).toUtf8();
    } else {
        QBuffer buffer(&output);
        buffer.open(QIODevice::WriteOnly);
        const QString error = format == QLatin1String("svg")
                                  ? GanttExport::writeSvg(&buffer, chart, estimate, false)
                                  : GanttExport::writePng(&buffer, chart, estimate, false);
        if (!error.isEmpty()) {
            HeadlessSession::printErr(QStringLiteral("mainstay gantt: %1\n").arg(error));
            return 1;
        }
    }
    if (options.outFile.isEmpty()) {
        HeadlessSession::printOut(QString::fromUtf8(output));
    } else {
        QSaveFile file(options.outFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(output) != output.size() ||
            !file.commit()) {
            HeadlessSession::printErr(QStringLiteral("mainstay gantt: cannot write %1: %2\n")
                                          .arg(options.outFile, file.errorString()));
            return 1;
        }
    }

    const GanttProgress progress = chart.progress();
    QString summary = QStringLiteral("%1 #%2").arg(run.name).arg(run.runNumber);
    if (run.runAttempt > 1)
        summary += QStringLiteral(" attempt %1").arg(run.runAttempt);
    summary += QStringLiteral(": %1 jobs, %2 failed, %3")
                   .arg(progress.total)
                   .arg(progress.failed)
                   .arg(formatDuration(chart.durationSeconds()));
    if (run.isCompleted()) {
        summary += QStringLiteral(", %1").arg(toString(run.conclusion));
    } else {
        summary += QStringLiteral(", %1 (%2 done)").arg(toString(run.status)).arg(progress.done);
        summary += estimate.isValid()
                       ? QStringLiteral(", predicted end %1")
                             .arg(estimate.predictedEnd.toUTC().toString(
                                 QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")))
                       : QStringLiteral(", no estimate (no successful run to compare)");
    }
    HeadlessSession::printErr(summary + QLatin1Char('\n'));
    return 0;
}

} // namespace Mainstay
