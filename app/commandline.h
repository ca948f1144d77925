#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

namespace Mainstay {

// The one command-line grammar of DESIGN.md, for the GUI and the headless verbs:
//   mainstay [--demo] [--repo OWNER/REPO] [--api-url URL] [--data-dir DIR] [--view VIEW]
//            [--palette light|dark] [--screenshot FILE [--size WxH]]
struct CommandLineOptions
{
    // The GUI, or one of the headless verbs:
    //   mainstay sync  OWNER/REPO [--api-url URL] [--data-dir DIR] [--full]
    //   mainstay query OWNER/REPO 'QUERY' [--json] [--data-dir DIR]
    //   mainstay lint  OWNER/REPO [--api-url URL] [--data-dir DIR] [--sync] [--json] [--fix]
    //                  [--only RULE,...]
    //   mainstay notes OWNER/REPO [--from TAG] [--to REF] [--config FILE] [--api-url URL]
    //                  [--data-dir DIR]
    //   mainstay gantt OWNER/REPO (--run ID | --workflow NAME) [--attempt N] [--api-url URL]
    //                  [--data-dir DIR] [--export mermaid|svg|png] [--out FILE]
    enum class Command
    {
        Gui,
        Sync,
        Query,
        Lint,
        Notes,
        Gantt
    };
    Command command = Command::Gui;
    bool full = false; // sync: drop the cache and read everything again
    bool json = false; // query, lint: JSON instead of text
    QString query;     // query: the filter text
    // lint
    bool syncFirst = false; // --sync
    bool fix = false;
    QStringList onlyRules; // --only, split at commas
    // notes
    QString fromTag;
    QString toRef;
    QString configFile;
    // gantt
    qint64 runId = 0;
    QString workflow;
    int attempt = 0;      // 0: the latest
    QString exportFormat; // mermaid, svg, png; empty: mermaid
    QString outFile;      // empty: stdout (mermaid only)
    bool demo = false;
    QString repo;
    QString apiUrl;
    QString dataDir; // also MAINSTAY_DATA_DIR
    QString view;    // board, prs, labels, notes, release, insights
    QString palette; // light, dark; empty: the saved setting
    QString screenshot;
    QSize size = {1280, 800};
};

struct CommandLineResult
{
    enum class Action
    {
        Run,
        PrintAndExit,
        Fail
    };
    Action action = Action::Run;
    CommandLineOptions options;
    QString output; // for PrintAndExit (help, version) and Fail (the error)
    int exitCode = 0;
};

// `arguments` includes the program name first, as QCoreApplication::arguments() gives it.
CommandLineResult parseCommandLine(const QStringList &arguments);
QString commandLineHelp();
QStringList knownViews();
bool isValidRepository(const QString &repository);

} // namespace Mainstay
