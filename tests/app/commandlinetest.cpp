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
        {{QStringLiteral("stray")}, "unexpected argument"},
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
