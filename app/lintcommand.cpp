#include "lintcommand.h"

#include "headlesssession.h"

#include "hygienechecker.h"
#include "hygienerules.h"
#include "lintrunner.h"
#include "outbox.h"
#include "workspacestore.h"

#include <QDir>
#include <QJsonDocument>
#include <QSet>

namespace Mainstay {

namespace {

QString validRules()
{
    QStringList lines;
    for (const HygieneRule &rule : HygieneRules::all())
        lines.append(QStringLiteral("  %1  %2").arg(rule.id, -16).arg(rule.summary));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

int runLintCommand(const CommandLineOptions &options)
{
    const QStringList unknown = HygieneChecker::unknownRuleIds(options.onlyRules);
    if (!unknown.isEmpty()) {
        HeadlessSession::printErr(
            QStringLiteral("mainstay: unknown rule%1 %2 in --only; the rules are:\n%3\n")
                .arg(unknown.size() == 1 ? QString() : QStringLiteral("s"),
                     unknown.join(QStringLiteral(", ")), validRules()));
        return 2;
    }

    HeadlessSession session(options);
    if (options.syncFirst) {
        if (!session.openStore(false))
            return 2;
        session.connectClient();
        // Fixes an earlier `lint --fix` queued go out before the sync reads the result.
        if (session.outbox() && session.outbox()->pendingCount() > 0)
            session.flushOutbox();
        if (session.sync().isError())
            return 2;
    } else {
        if (!session.openStore(true))
            return 2;
        if (session.store()->cache().syncValue(QStringLiteral("sync.completedAt")).isNull() &&
            session.store()->cache().issueCount() == 0) {
            HeadlessSession::printErr(
                QStringLiteral("mainstay: nothing is cached for %1 yet; run `mainstay sync %1` "
                               "(or `mainstay lint %1 --sync`) first\n")
                    .arg(options.repo));
            return 2;
        }
    }

    const LintRunner runner(*session.store(), session.policy());
    const QList<HygieneFinding> findings = runner.run(options.onlyRules);
    if (options.json) {
        HeadlessSession::printOut(QString::fromUtf8(
            QJsonDocument(LintRunner::toJson(findings)).toJson(QJsonDocument::Indented)));
    } else {
        for (const HygieneFinding &finding : findings)
            HeadlessSession::printOut(LintRunner::line(finding) + QLatin1Char('\n'));
    }
    // Notes go where they do not spoil the JSON on stdout.
    auto note = [&](const QString &text) {
        if (options.json)
            HeadlessSession::printErr(text + QLatin1Char('\n'));
        else
            HeadlessSession::printOut(text + QLatin1Char('\n'));
    };

    // (number, rule) of the findings a sent fix took care of.
    QSet<QString> fixed;
    if (options.fix) {
        const QList<LintRunner::Fix> fixes = LintRunner::fixesFor(findings);
        Outbox *outbox = fixes.isEmpty() ? nullptr : session.outbox();
        if (fixes.isEmpty()) {
            note(QStringLiteral("Nothing to fix with labels."));
        } else if (!outbox) {
            HeadlessSession::printErr(QStringLiteral("mainstay: the outbox cannot be opened\n"));
            return 2;
        }
        QList<QPair<qint64, LintRunner::Fix>> queued;
        for (const LintRunner::Fix &fix : fixes) {
            const qint64 id = LintRunner::queue(*outbox, fix);
            if (id == 0) {
                HeadlessSession::printErr(
                    QStringLiteral("mainstay: could not queue the fix of #%1: %2\n")
                        .arg(fix.number)
                        .arg(session.store()->userData().lastError()));
                continue;
            }
            queued.append({id, fix});
        }
        if (!queued.isEmpty() && options.syncFirst) {
            session.flushOutbox();
            int sent = 0;
            for (const auto &[id, fix] : std::as_const(queued)) {
                const auto entry = session.store()->userData().entry(id);
                if (entry && entry->state == OutboxEntry::State::Sent) {
                    ++sent;
                    note(QStringLiteral("Fixed %1").arg(LintRunner::describe(fix)));
                    for (const QString &rule : fix.rules)
                        fixed.insert(QString::number(fix.number) + QLatin1Char(' ') + rule);
                } else {
                    note(QStringLiteral("Not fixed %1").arg(LintRunner::describe(fix)));
                }
            }
            note(QStringLiteral("%1 of %2 fix(es) sent.").arg(sent).arg(queued.size()));
            // Read the changes back, so the cache (and the next lint) shows them.
            if (sent > 0)
                session.sync();
        } else if (!queued.isEmpty()) {
            for (const auto &[id, fix] : std::as_const(queued))
                note(QStringLiteral("Queued %1").arg(LintRunner::describe(fix)));
            note(QStringLiteral("%1 fix(es) queued; they go out with the next `mainstay lint %2 "
                                "--sync` or `mainstay sync %2`.")
                     .arg(queued.size())
                     .arg(options.repo));
        }
    }

    int remaining = 0;
    for (const HygieneFinding &finding : findings)
        remaining +=
            !fixed.contains(QString::number(finding.number) + QLatin1Char(' ') + finding.rule);
    return remaining > 0 ? 1 : 0;
}

} // namespace Mainstay
