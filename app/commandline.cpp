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

    const QStringList valueOptions = {QStringLiteral("--repo"),     QStringLiteral("--api-url"),
                                      QStringLiteral("--data-dir"), QStringLiteral("--view"),
                                      QStringLiteral("--palette"),  QStringLiteral("--screenshot"),
                                      QStringLiteral("--size")};
    for (int i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        QString value;
        bool hasInlineValue = false;
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
        if (arg == QLatin1String("--demo")) {
            if (hasInlineValue)
                return fail(QStringLiteral("--demo takes no value"));
            o.demo = true;
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
        if (!arg.startsWith(QLatin1Char('-'))) {
            static const QStringList verbs = {QStringLiteral("sync"), QStringLiteral("query"),
                                              QStringLiteral("notes"), QStringLiteral("gantt")};
            if (verbs.contains(arg))
                return fail(
                    QStringLiteral("the '%1' command is not part of this version yet").arg(arg));
            return fail(QStringLiteral("unexpected argument '%1'").arg(arg));
        }
        return fail(QStringLiteral("unknown option '%1'").arg(arg));
    }
    if (sizeGiven && o.screenshot.isEmpty())
        return fail(QStringLiteral("--size goes with --screenshot"));
    if (o.demo && !o.repo.isEmpty())
        return fail(QStringLiteral("--demo and --repo exclude each other"));
    return result;
}

} // namespace Mainstay
