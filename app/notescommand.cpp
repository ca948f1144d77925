#include "notescommand.h"

#include "githubclient.h"
#include "headlesssession.h"
#include "releasenotes.h"
#include "releasenotesfetchjob.h"

#include <cstdio>

namespace Mainstay {

namespace {

// The body exactly as generated: UTF-8 bytes, whatever the locale.
void writeBody(const QString &body)
{
    const QByteArray bytes = body.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int runNotesCommand(const CommandLineOptions &options)
{
    HeadlessSession session(options);
    const ReleasePolicy &policy = session.policy().release;

    ReleaseNotesFetchJob::Options fetch;
    fetch.repository = options.repo;
    fetch.from = options.fromTag;
    fetch.to = options.toRef;
    fetch.policy = policy;
    if (!options.configFile.isEmpty()) {
        const NotesConfigResult local = NotesConfigLoader::loadFile(options.configFile, policy);
        if (!local.ok()) {
            HeadlessSession::printErr(
                QStringLiteral("mainstay: %1 is not a valid configuration:\n%2\n")
                    .arg(options.configFile, local.errorText()));
            return 2;
        }
        if (!local.diagnostics.isEmpty())
            HeadlessSession::printErr(local.errorText() + u'\n');
        fetch.localConfig = local.config;
    }

    // The store only holds the response cache here; a missing workspace is created.
    if (!session.openStore(false))
        return 1;
    session.connectClient();
    fetch.webUrl = session.webUrl();

    ReleaseNotesFetchJob job(session.client(), fetch);
    job.start();
    HeadlessSession::waitUntil([&] { return job.isFinished(); });
    for (const PolicyDiagnostic &d : job.configDiagnostics())
        if (!d.isError())
            HeadlessSession::printErr(d.toString() + u'\n');
    if (!job.error().isEmpty()) {
        HeadlessSession::printErr(QStringLiteral("mainstay: %1\n").arg(job.error()));
        return 1;
    }

    const GeneratedNotes notes = generateNotes(job.input(), job.config());
    writeBody(notes.body);

    const ResolvedVersion &v = notes.version;
    QString why = v.fromLabels ? QStringLiteral("%1 from the labels").arg(versionBumpName(v.bump))
                               : QStringLiteral("%1 by default").arg(versionBumpName(v.bump));
    if (!options.fromTag.isEmpty() || !job.input().previousTag.isEmpty())
        why += QStringLiteral(" since %1").arg(job.input().previousTag);
    HeadlessSession::printErr(
        QStringLiteral("resolved version: %1 (tag %2, %3; %4 pull requests, "
                       "config: %5)\n")
            .arg(v.version, notes.tag.isEmpty() ? QStringLiteral("none") : notes.tag, why)
            .arg(job.input().pullRequests.size())
            .arg(job.config().sourceName));
    return 0;
}

} // namespace Mainstay
