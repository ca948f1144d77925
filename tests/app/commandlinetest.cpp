#include "commandline.h"

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

CommandLineResult parse(QStringList args)
{
    args.prepend(QStringLiteral("mainstay"));
    return parseCommandLine(args);
}

} // namespace

TEST(CommandLine, NoArgumentsRunsTheGui)
{
    const CommandLineResult result = parse({});
    EXPECT_EQ(result.action, CommandLineResult::Action::Run);
    EXPECT_FALSE(result.options.demo);
    EXPECT_EQ(result.options.size, QSize(1280, 800));
}

TEST(CommandLine, ReadsEveryGuiOption)
{
    const CommandLineResult result = parse(
        {QStringLiteral("--repo"), QStringLiteral("aws-powertools/powertools-lambda-python"),
         QStringLiteral("--api-url=https://ghe.example.com/api/v3"), QStringLiteral("--data-dir"),
         QStringLiteral("/tmp/x"), QStringLiteral("--view"), QStringLiteral("prs"),
         QStringLiteral("--palette"), QStringLiteral("dark"), QStringLiteral("--screenshot"),
         QStringLiteral("out.png"), QStringLiteral("--size"), QStringLiteral("1024x640")});
    ASSERT_EQ(result.action, CommandLineResult::Action::Run) << result.output.toStdString();
    const CommandLineOptions &o = result.options;
    EXPECT_EQ(o.repo, QStringLiteral("aws-powertools/powertools-lambda-python"));
    EXPECT_EQ(o.apiUrl, QStringLiteral("https://ghe.example.com/api/v3"));
    EXPECT_EQ(o.dataDir, QStringLiteral("/tmp/x"));
    EXPECT_EQ(o.view, QStringLiteral("prs"));
    EXPECT_EQ(o.palette, QStringLiteral("dark"));
    EXPECT_EQ(o.screenshot, QStringLiteral("out.png"));
    EXPECT_EQ(o.size, QSize(1024, 640));
}

TEST(CommandLine, HelpAndVersionPrintAndExitZero)
{
    for (const char *flag : {"--help", "-h"}) {
        const CommandLineResult result = parse({QString::fromLatin1(flag)});
        EXPECT_EQ(result.action, CommandLineResult::Action::PrintAndExit);
        EXPECT_EQ(result.exitCode, 0);
        EXPECT_TRUE(result.output.contains(QLatin1String("--screenshot FILE")));
    }
    const CommandLineResult version = parse({QStringLiteral("--version")});
    EXPECT_EQ(version.action, CommandLineResult::Action::PrintAndExit);
    EXPECT_TRUE(version.output.startsWith(QLatin1String("mainstay ")));
}

TEST(CommandLine, BadArgumentsFailWithExitCodeTwoAndSayWhy)
{
    const struct
    {
        QStringList args;
        const char *mentions;
    } cases[] = {
        {{QStringLiteral("--repo"), QStringLiteral("not-a-repo")}, "OWNER/REPO"},
        {{QStringLiteral("--repo"), QStringLiteral("a/b/c")}, "OWNER/REPO"},
        {{QStringLiteral("--repo")}, "needs a value"},
        {{QStringLiteral("--view"), QStringLiteral("kanban")}, "unknown view"},
        {{QStringLiteral("--palette"), QStringLiteral("blue")}, "light or dark"},
        {{QStringLiteral("--api-url"), QStringLiteral("ftp://x")}, "http(s)"},
        {{QStringLiteral("--size"), QStringLiteral("big"), QStringLiteral("--screenshot"),
          QStringLiteral("a.png")},
         "WxH"},
        {{QStringLiteral("--size"), QStringLiteral("800x600")}, "goes with --screenshot"},
        {{QStringLiteral("--frobnicate")}, "unknown option"},
        {{QStringLiteral("stray")}, "unknown command"},
        {{QStringLiteral("sync")}, "sync needs OWNER/REPO"},
        {{QStringLiteral("sync"), QStringLiteral("a/b"), QStringLiteral("--json")},
         "does not go with sync"},
        {{QStringLiteral("query"), QStringLiteral("a/b")}, "needs OWNER/REPO and a QUERY"},
        {{QStringLiteral("query"), QStringLiteral("a/b"), QStringLiteral("x"), QStringLiteral("y")},
         "unexpected argument 'y'"},
        {{QStringLiteral("query"), QStringLiteral("a/b"), QStringLiteral("x"),
          QStringLiteral("--full")},
         "does not go with query"},
        {{QStringLiteral("--full")}, "does not go with the GUI"},
        {{QStringLiteral("sync"), QStringLiteral("bad")}, "OWNER/REPO"},
        {{QStringLiteral("--demo"), QStringLiteral("--repo"), QStringLiteral("a/b")}, "exclude"},
    };
    for (const auto &c : cases) {
        const CommandLineResult result = parse(c.args);
        EXPECT_EQ(result.action, CommandLineResult::Action::Fail)
            << c.args.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(result.exitCode, 2);
        EXPECT_TRUE(result.output.contains(QLatin1String(c.mentions)))
            << result.output.toStdString();
    }
}

TEST(CommandLine, RepositoryNames)
{
    EXPECT_TRUE(isValidRepository(QStringLiteral("octo-org/hello.world_2")));
    EXPECT_FALSE(isValidRepository(QStringLiteral("-bad/name")));
    EXPECT_FALSE(isValidRepository(QStringLiteral("owner/")));
    EXPECT_FALSE(isValidRepository(QStringLiteral("owner/..")));
    EXPECT_FALSE(isValidRepository(QStringLiteral("own er/name")));
}

TEST(CommandLine, HeadlessVerbs)
{
    CommandLineResult sync =
        parse({QStringLiteral("sync"), QStringLiteral("octo/repo"), QStringLiteral("--full"),
               QStringLiteral("--api-url"), QStringLiteral("http://127.0.0.1:9/"),
               QStringLiteral("--data-dir"), QStringLiteral("/tmp/d")});
    ASSERT_EQ(sync.action, CommandLineResult::Action::Run) << sync.output.toStdString();
    EXPECT_EQ(sync.options.command, CommandLineOptions::Command::Sync);
    EXPECT_EQ(sync.options.repo, QStringLiteral("octo/repo"));
    EXPECT_TRUE(sync.options.full);
    EXPECT_EQ(sync.options.apiUrl, QStringLiteral("http://127.0.0.1:9/"));

    CommandLineResult query =
        parse({QStringLiteral("query"), QStringLiteral("octo/repo"),
               QStringLiteral("is:open -label:triage"), QStringLiteral("--json")});
    ASSERT_EQ(query.action, CommandLineResult::Action::Run) << query.output.toStdString();
    EXPECT_EQ(query.options.command, CommandLineOptions::Command::Query);
    EXPECT_EQ(query.options.query, QStringLiteral("is:open -label:triage"));
    EXPECT_TRUE(query.options.json);

    // A query that starts with '-' is still the query after "--".
    CommandLineResult negated = parse({QStringLiteral("query"), QStringLiteral("octo/repo"),
                                       QStringLiteral("--"), QStringLiteral("-label:bug")});
    ASSERT_EQ(negated.action, CommandLineResult::Action::Run) << negated.output.toStdString();
    EXPECT_EQ(negated.options.query, QStringLiteral("-label:bug"));
    CommandLineResult bare = parse({QStringLiteral("query"), QStringLiteral("octo/repo"),
                                    QStringLiteral("-label:bug is:open")});
    ASSERT_EQ(bare.action, CommandLineResult::Action::Run) << bare.output.toStdString();
    EXPECT_EQ(bare.options.query, QStringLiteral("-label:bug is:open"));
}

TEST(CommandLine, ReadsTheLintNotesAndGanttVerbs)
{
    CommandLineResult lint =
        parse({QStringLiteral("lint"), QStringLiteral("o/r"), QStringLiteral("--sync"),
               QStringLiteral("--json"), QStringLiteral("--fix"),
               QStringLiteral("--only=size-label, stale"), QStringLiteral("--api-url"),
               QStringLiteral("http://127.0.0.1:1234")});
    ASSERT_EQ(lint.action, CommandLineResult::Action::Run) << lint.output.toStdString();
    EXPECT_EQ(lint.options.command, CommandLineOptions::Command::Lint);
    EXPECT_TRUE(lint.options.syncFirst);
    EXPECT_TRUE(lint.options.json);
    EXPECT_TRUE(lint.options.fix);
    EXPECT_EQ(lint.options.onlyRules,
              QStringList({QStringLiteral("size-label"), QStringLiteral("stale")}));
    EXPECT_EQ(lint.options.repo, QStringLiteral("o/r"));

    const CommandLineResult notes =
        parse({QStringLiteral("notes"), QStringLiteral("o/r"), QStringLiteral("--from"),
               QStringLiteral("v1.2.0"), QStringLiteral("--to"), QStringLiteral("develop"),
               QStringLiteral("--config"), QStringLiteral("rd.yml")});
    ASSERT_EQ(notes.action, CommandLineResult::Action::Run) << notes.output.toStdString();
    EXPECT_EQ(notes.options.command, CommandLineOptions::Command::Notes);
    EXPECT_EQ(notes.options.fromTag, QStringLiteral("v1.2.0"));
    EXPECT_EQ(notes.options.toRef, QStringLiteral("develop"));
    EXPECT_EQ(notes.options.configFile, QStringLiteral("rd.yml"));

    const CommandLineResult gantt =
        parse({QStringLiteral("gantt"), QStringLiteral("o/r"), QStringLiteral("--run"),
               QStringLiteral("42"), QStringLiteral("--attempt"), QStringLiteral("2"),
               QStringLiteral("--export"), QStringLiteral("svg"), QStringLiteral("--out"),
               QStringLiteral("run.svg")});
    ASSERT_EQ(gantt.action, CommandLineResult::Action::Run) << gantt.output.toStdString();
    EXPECT_EQ(gantt.options.command, CommandLineOptions::Command::Gantt);
    EXPECT_EQ(gantt.options.runId, 42);
    EXPECT_EQ(gantt.options.attempt, 2);
    EXPECT_EQ(gantt.options.exportFormat, QStringLiteral("svg"));
    EXPECT_EQ(gantt.options.outFile, QStringLiteral("run.svg"));

    const CommandLineResult byWorkflow = parse(
        {QStringLiteral("gantt"), QStringLiteral("o/r"), QStringLiteral("--workflow=Release")});
    ASSERT_EQ(byWorkflow.action, CommandLineResult::Action::Run);
    EXPECT_EQ(byWorkflow.options.workflow, QStringLiteral("Release"));
}

TEST(CommandLine, TheNewVerbsRejectWhatDoesNotFit)
{
    const QList<QStringList> bad = {
        {QStringLiteral("gantt"), QStringLiteral("o/r")}, // neither --run nor --workflow
        {QStringLiteral("gantt"), QStringLiteral("o/r"), QStringLiteral("--run=1"),
         QStringLiteral("--workflow=Release")},
        {QStringLiteral("gantt"), QStringLiteral("o/r"), QStringLiteral("--run=abc")},
        {QStringLiteral("gantt"), QStringLiteral("o/r"), QStringLiteral("--run=1"),
         QStringLiteral("--export=png")}, // png needs --out
        {QStringLiteral("gantt"), QStringLiteral("o/r"), QStringLiteral("--run=1"),
         QStringLiteral("--export=pdf")},
        {QStringLiteral("lint"), QStringLiteral("o/r"), QStringLiteral("--from=v1")},
        {QStringLiteral("lint")},
        {QStringLiteral("notes"), QStringLiteral("o/r"), QStringLiteral("--fix")},
        {QStringLiteral("notes"), QStringLiteral("not-a-repo")},
    };
    for (const QStringList &args : bad) {
        const CommandLineResult result = parse(args);
        EXPECT_EQ(result.action, CommandLineResult::Action::Fail) << args.join(' ').toStdString();
        EXPECT_EQ(result.exitCode, 2);
    }
}
