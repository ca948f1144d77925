#include "commandline.h"

#include <QRegularExpression>
#include <QUrl>

namespace Mainstay {

QStringList knownViews()
{
    return {QStringLiteral("board"), QStringLiteral("prs"),     QStringLiteral("labels"),
            QStringLiteral("notes"), QStringLiteral("release"), QStringLiteral("insights")};
}

bool isValidRepository(const QString &repository)
{
    // GitHub: owners are alphanumerics and single hyphens; names add '.', '_' and '-'.
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$"));
    return pattern.match(repository).hasMatch() && !repository.endsWith(QLatin1String("/.")) &&
           !repository.endsWith(QLatin1String("/.."));
}

QString commandLineHelp()
{
    return QStringLiteral(
        "Usage: mainstay [--demo] [--repo OWNER/REPO] [--api-url URL] [--data-dir DIR]\n"
        "                [--view VIEW] [--palette light|dark] [--screenshot FILE [--size WxH]]\n"
        "\n"
        "A desktop dashboard for GitHub maintainers: triage, pull-request hygiene, labels,\n"
        "release notes and the release workflow.\n"
        "\n"
        "Options:\n"
        "  --demo               open the embedded demo workspace (no token, no network)\n"
        "  --repo OWNER/REPO    open this repository's workspace\n"
        "  --api-url URL        GitHub API base URL (GitHub Enterprise: https://HOST/api/v3)\n"
        "  --data-dir DIR       keep the cache, drafts and settings in DIR\n"
        "                       (default: the XDG data directory; also MAINSTAY_DATA_DIR)\n"
        "  --view VIEW          start on a view: board, prs, labels, notes, release, insights\n"
        "  --palette MODE       light or dark\n"
        "  --screenshot FILE    render the window to a PNG file and exit (works without a\n"
        "                       display, on the offscreen platform)\n"
        "  --size WxH           window size for --screenshot (default 1280x800)\n"
        "  -h, --help           show this help\n"
        "  -v, --version        show the version\n"
        "\n"
        "Headless commands:\n"
        "  mainstay sync  OWNER/REPO [--api-url URL] [--data-dir DIR] [--full]\n"
        "      bring the local cache up to date; prints a one-line summary\n"
        "  mainstay query OWNER/REPO 'QUERY' [--json] [--data-dir DIR]\n"
        "      list cached issues and pull requests matching QUERY (the board's filter\n"
        "      language, e.g. 'is:open label:bug -label:triage updated:<2026-01-01')\n"
        "  mainstay lint  OWNER/REPO [--api-url URL] [--data-dir DIR] [--sync] [--json] [--fix]\n"
        "                 [--only RULE,...]\n"
        "      report pull-request and issue hygiene problems from the cache (rules:\n"
        "      semantic-title, type-label, size-label, linked-issue, do-not-merge,\n"
        "      pending-release, area-label, stale); --fix queues the label fixes in the outbox\n"
        "      and, with --sync, sends them; exit 0 when clean, 1 when findings remain that\n"
        "      were not fixed, 2 on errors\n"
        "  mainstay notes OWNER/REPO [--from TAG] [--to REF] [--config FILE] [--api-url URL]\n"
        "                 [--data-dir DIR]\n"
        "      print the generated release notes (the resolved version on stderr)\n"
        "  mainstay gantt OWNER/REPO (--run ID | --workflow NAME) [--attempt N] [--api-url URL]\n"
        "                 [--data-dir DIR] [--export mermaid|svg|png] [--out FILE]\n"
        "      export a workflow run as a Gantt chart and print a one-line summary\n"
        "\n"
        "The token comes from GH_TOKEN or GITHUB_TOKEN, `gh auth token`, or the keychain.\n");
}

namespace {

CommandLineResult fail(const QString &message)
{
    CommandLineResult result;
    result.action = CommandLineResult::Action::Fail;
    result.exitCode = 2;
    result.output =
        QStringLiteral("mainstay: %1\nTry 'mainstay --help' for the usage.\n").arg(message);
    return result;
}

} // namespace

CommandLineResult parseCommandLine(const QStringList &arguments)
{
    CommandLineResult result;
    CommandLineOptions &o = result.options;
    o.dataDir = qEnvironmentVariable("MAINSTAY_DATA_DIR");
    bool sizeGiven = false;

    using Command = CommandLineOptions::Command;
    int first = 1;
    if (arguments.size() > 1 && !arguments.at(1).startsWith(QLatin1Char('-'))) {
        const QString verb = arguments.at(1);
        if (verb == QLatin1String("sync"))
            o.command = Command::Sync;
        else if (verb == QLatin1String("query"))
            o.command = Command::Query;
        else if (verb == QLatin1String("lint"))
            o.command = Command::Lint;
        else if (verb == QLatin1String("notes"))
            o.command = Command::Notes;
        else if (verb == QLatin1String("gantt"))
            o.command = Command::Gantt;
        else
            return fail(QStringLiteral("unknown command '%1'; use sync, query, lint, notes or "
                                       "gantt, or options for the GUI")
                            .arg(verb));
        first = 2;
    }

    // Which options each command takes.
    QStringList valueOptions;
    QStringList flags;
    switch (o.command) {
    case Command::Gui:
        valueOptions = {QStringLiteral("--repo"),     QStringLiteral("--api-url"),
                        QStringLiteral("--data-dir"), QStringLiteral("--view"),
                        QStringLiteral("--palette"),  QStringLiteral("--screenshot"),
                        QStringLiteral("--size")};
        flags = {QStringLiteral("--demo")};
        break;
    case Command::Sync:
        valueOptions = {QStringLiteral("--api-url"), QStringLiteral("--data-dir")};
        flags = {QStringLiteral("--full")};
        break;
    case Command::Query:
        valueOptions = {QStringLiteral("--data-dir")};
        flags = {QStringLiteral("--json")};
        break;
    case Command::Lint:
        valueOptions = {QStringLiteral("--api-url"), QStringLiteral("--data-dir"),
                        QStringLiteral("--only")};
        flags = {QStringLiteral("--sync"), QStringLiteral("--json"), QStringLiteral("--fix")};
        break;
    case Command::Notes:
        valueOptions = {QStringLiteral("--from"), QStringLiteral("--to"),
                        QStringLiteral("--config"), QStringLiteral("--api-url"),
                        QStringLiteral("--data-dir")};
        break;
    case Command::Gantt:
        valueOptions = {QStringLiteral("--run"),      QStringLiteral("--workflow"),
                        QStringLiteral("--attempt"),  QStringLiteral("--api-url"),
                        QStringLiteral("--data-dir"), QStringLiteral("--export"),
                        QStringLiteral("--out")};
        break;
    }

    QStringList positionals;
    for (int i = first; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        QString value;
        bool hasInlineValue = false;
        if (arg == QLatin1String("--")) {
            positionals += arguments.mid(i + 1);
            break;
        }
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            const int eq = int(arg.indexOf(QLatin1Char('=')));
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasInlineValue = true;
        }
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            result.action = CommandLineResult::Action::PrintAndExit;
            result.output = commandLineHelp();
            return result;
        }
        if (arg == QLatin1String("-v") || arg == QLatin1String("--version")) {
            result.action = CommandLineResult::Action::PrintAndExit;
            result.output = QStringLiteral("mainstay %1\n").arg(QLatin1String(MAINSTAY_VERSION));
            return result;
        }
        // A query may well start with '-' (-label:triage): after OWNER/REPO, a single-dash word
        // is the query, not an option.
        const bool negatedQuery = o.command == Command::Query && positionals.size() == 1 &&
                                  !arg.startsWith(QLatin1String("--"));
        if (!arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-") || negatedQuery) {
            positionals.append(arguments.at(i));
            continue;
        }
        if (flags.contains(arg)) {
            if (hasInlineValue)
                return fail(QStringLiteral("%1 takes no value").arg(arg));
            if (arg == QLatin1String("--demo"))
                o.demo = true;
            else if (arg == QLatin1String("--full"))
                o.full = true;
            else if (arg == QLatin1String("--json"))
                o.json = true;
            else if (arg == QLatin1String("--sync"))
                o.syncFirst = true;
            else if (arg == QLatin1String("--fix"))
                o.fix = true;
            continue;
        }
        if (valueOptions.contains(arg)) {
            if (!hasInlineValue) {
                if (i + 1 >= arguments.size() ||
                    arguments.at(i + 1).startsWith(QLatin1String("--")))
                    return fail(QStringLiteral("%1 needs a value").arg(arg));
                value = arguments.at(++i);
            }
            if (arg == QLatin1String("--repo")) {
                if (!isValidRepository(value))
                    return fail(QStringLiteral("'%1' is not a repository; use OWNER/REPO, e.g. "
                                               "aws-powertools/powertools-lambda-python")
                                    .arg(value));
                o.repo = value;
            } else if (arg == QLatin1String("--api-url")) {
                const QUrl url(value, QUrl::StrictMode);
                if (!url.isValid() || url.host().isEmpty() ||
                    (url.scheme() != QLatin1String("https") &&
                     url.scheme() != QLatin1String("http")))
                    return fail(QStringLiteral("'%1' is not an http(s) URL").arg(value));
                o.apiUrl = value;
            } else if (arg == QLatin1String("--data-dir")) {
                if (value.isEmpty())
                    return fail(QStringLiteral("--data-dir needs a directory"));
                o.dataDir = value;
            } else if (arg == QLatin1String("--view")) {
                if (!knownViews().contains(value))
                    return fail(QStringLiteral("unknown view '%1'; use one of: %2")
                                    .arg(value, knownViews().join(QStringLiteral(", "))));
                o.view = value;
            } else if (arg == QLatin1String("--palette")) {
                if (value != QLatin1String("light") && value != QLatin1String("dark"))
                    return fail(
                        QStringLiteral("--palette takes light or dark, not '%1'").arg(value));
                o.palette = value;
            } else if (arg == QLatin1String("--screenshot")) {
                if (value.isEmpty())
                    return fail(QStringLiteral("--screenshot needs a file name"));
                o.screenshot = value;
            } else if (arg == QLatin1String("--only")) {
                for (const QString &rule : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
                    o.onlyRules.append(rule.trimmed());
                if (o.onlyRules.isEmpty())
                    return fail(QStringLiteral("--only needs rule names, e.g. size-label,stale"));
            } else if (arg == QLatin1String("--from")) {
                if (value.isEmpty())
                    return fail(QStringLiteral("--from needs a tag"));
                o.fromTag = value;
            } else if (arg == QLatin1String("--to")) {
                if (value.isEmpty())
                    return fail(QStringLiteral("--to needs a branch, tag or commit"));
                o.toRef = value;
            } else if (arg == QLatin1String("--config")) {
                if (value.isEmpty())
                    return fail(QStringLiteral("--config needs a file"));
                o.configFile = value;
            } else if (arg == QLatin1String("--run")) {
                bool ok = false;
                o.runId = value.toLongLong(&ok);
                if (!ok || o.runId <= 0)
                    return fail(QStringLiteral("--run takes a run id (a positive number), not "
                                               "'%1'")
                                    .arg(value));
            } else if (arg == QLatin1String("--workflow")) {
                if (value.isEmpty())
                    return fail(QStringLiteral("--workflow needs a workflow name or file"));
                o.workflow = value;
            } else if (arg == QLatin1String("--attempt")) {
                bool ok = false;
                o.attempt = value.toInt(&ok);
                if (!ok || o.attempt <= 0)
                    return fail(
                        QStringLiteral("--attempt takes a positive number, not '%1'").arg(value));
            } else if (arg == QLatin1String("--export")) {
                if (value != QLatin1String("mermaid") && value != QLatin1String("svg") &&
                    value != QLatin1String("png"))
                    return fail(
                        QStringLiteral("--export takes mermaid, svg or png, not '%1'").arg(value));
                o.exportFormat = value;
            } else if (arg == QLatin1String("--out")) {
                if (value.isEmpty())
                    return fail(QStringLiteral("--out needs a file name"));
                o.outFile = value;
            } else if (arg == QLatin1String("--size")) {
                static const QRegularExpression sizePattern(
                    QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
                const auto match = sizePattern.match(value);
                const int w = match.captured(1).toInt();
                const int h = match.captured(2).toInt();
                if (!match.hasMatch() || w < 320 || h < 240 || w > 8192 || h > 8192)
                    return fail(QStringLiteral("--size takes WxH between 320x240 and 8192x8192, "
                                               "not '%1'")
                                    .arg(value));
                o.size = QSize(w, h);
                sizeGiven = true;
            }
            continue;
        }
        const bool elsewhere =
            arg == QLatin1String("--full") || arg == QLatin1String("--json") ||
            arg == QLatin1String("--demo") || arg == QLatin1String("--repo") ||
            arg == QLatin1String("--view") || arg == QLatin1String("--api-url") ||
            arg == QLatin1String("--screenshot") || arg == QLatin1String("--size") ||
            arg == QLatin1String("--palette") || arg == QLatin1String("--sync") ||
            arg == QLatin1String("--fix") || arg == QLatin1String("--only") ||
            arg == QLatin1String("--from") || arg == QLatin1String("--to") ||
            arg == QLatin1String("--config") || arg == QLatin1String("--run") ||
            arg == QLatin1String("--workflow") || arg == QLatin1String("--attempt") ||
            arg == QLatin1String("--export") || arg == QLatin1String("--out") ||
            arg == QLatin1String("--data-dir");
        return fail(elsewhere ? QStringLiteral("%1 does not go with %2")
                                    .arg(arg, o.command == Command::Gui ? QStringLiteral("the GUI")
                                                                        : arguments.at(1))
                              : QStringLiteral("unknown option '%1'").arg(arg));
    }

    if (o.command == Command::Gui) {
        if (!positionals.isEmpty())
            return fail(QStringLiteral("unexpected argument '%1'").arg(positionals.first()));
        if (sizeGiven && o.screenshot.isEmpty())
            return fail(QStringLiteral("--size goes with --screenshot"));
        if (o.demo && !o.repo.isEmpty())
            return fail(QStringLiteral("--demo and --repo exclude each other"));
        return result;
    }
    const int wanted = o.command == Command::Query ? 2 : 1;
    if (positionals.size() < wanted)
        return fail(o.command == Command::Query
                        ? QStringLiteral("query needs OWNER/REPO and a QUERY (use '' for "
                                         "everything)")
                        : QStringLiteral("%1 needs OWNER/REPO").arg(arguments.at(1)));
    if (positionals.size() > wanted)
        return fail(QStringLiteral("unexpected argument '%1'").arg(positionals.at(wanted)));
    if (!isValidRepository(positionals.first()))
        return fail(
            QStringLiteral("'%1' is not a repository; use OWNER/REPO").arg(positionals.first()));
    o.repo = positionals.first();
    if (o.command == Command::Query)
        o.query = positionals.at(1);
    if (o.command == Command::Gantt) {
        if ((o.runId > 0) == !o.workflow.isEmpty())
            return fail(QStringLiteral("gantt needs either --run ID or --workflow NAME"));
        if ((o.exportFormat == QLatin1String("svg") || o.exportFormat == QLatin1String("png")) &&
            o.outFile.isEmpty())
            return fail(QStringLiteral("--export %1 needs --out FILE").arg(o.exportFormat));
    }
    return result;
}

} // namespace Mainstay
