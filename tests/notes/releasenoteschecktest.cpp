// The pre-publish checks: each one passing on a good draft, failing on a broken one, pointing at
// the right line, and fixes that make it pass when applied.

#include "releasenoteschecks.h"

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

NotesPullRequest pr(int number, const QString &title, const QStringList &labels,
                    const QString &login)
{
    NotesPullRequest p;
    p.number = number;
    p.title = title;
    p.labels = labels;
    p.author = {login, QStringLiteral("User"), QStringLiteral("https://github.com/") + login};
    p.url = QStringLiteral("https://github.com/octo/demo/pull/%1").arg(number);
    p.mergedAt = QDateTime(QDate(2026, 3, number % 28 + 1), QTime(10, 0), Qt::UTC);
    return p;
}

class NotesChecksTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ReleasePolicy p;
        p.branch = QStringLiteral("develop");
        p.tagTemplate = p.nameTemplate = QStringLiteral("v$RESOLVED_VERSION");
        p.summaryPlaceholder = QStringLiteral("[Human readable summary of changes]");
        p.bodyTemplate =
            QStringLiteral("## Summary\n\n**[Human readable summary of changes]**\n\n"
                           "## Changes\n\n$CHANGES\n\n## Contributors\n\n$CONTRIBUTORS\n");
        p.changeTemplate = QStringLiteral("* $TITLE (#$NUMBER) by @$AUTHOR");
        p.categories = {{QStringLiteral("🌟 New features"), {QStringLiteral("feature")}},
                        {QStringLiteral("🐛 Bug fixes"), {QStringLiteral("bug")}}};
        p.versionResolver.minor = {QStringLiteral("feature")};
        m_config = NotesConfigLoader::fromPolicy(p);
        m_in.input.owner = QStringLiteral("octo");
        m_in.input.repository = QStringLiteral("demo");
        m_in.input.targetBranch = QStringLiteral("develop");
        m_in.input.previousTag = QStringLiteral("v1.25.3");
        m_in.input.pullRequests = {
            pr(10, QStringLiteral("feat: levels"), {QStringLiteral("feature")},
               QStringLiteral("alice")),
            pr(11, QStringLiteral("fix: crash"), {QStringLiteral("bug")}, QStringLiteral("bob"))};
        m_in.input.commits = {{QStringLiteral("1111111aaa"),
                               QStringLiteral("feat: levels (#10)"),
                               QStringLiteral("alice"),
                               QStringLiteral("Alice"),
                               {}},
                              {QStringLiteral("2222222bbb"),
                               QStringLiteral("fix: crash (#11)"),
                               QStringLiteral("bob"),
                               QStringLiteral("Bob"),
                               {}}};
        m_in.input.firstTimeContributors = {};
        m_in.config = m_config;
        m_in.semanticTitles.types = {{QStringLiteral("feat"), QStringLiteral("feature"), {}},
                                     {QStringLiteral("fix"), QStringLiteral("bug"), {}},
                                     {QStringLiteral("docs"), QStringLiteral("documentation"), {}},
                                     {QStringLiteral("chore"), QString(), {}}};
        regenerate();
        m_in.body.replace(QStringLiteral("**[Human readable summary of changes]**"),
                          QStringLiteral("Log levels and a crash fix."));
    }

    void regenerate()
    {
        m_in.generated = generateNotes(m_in.input, m_config);
        m_in.body = m_in.generated.markedBody;
        m_in.tag = m_in.title = m_in.generated.tag;
        m_in.targetBranch = QStringLiteral("develop");
        m_in.tagState.known = true;
        m_in.tagState.exists = false;
    }

    NotesCheck check(const QString &id) const
    {
        for (const NotesCheck &c : ReleaseNotesChecker::run(m_in))
            if (c.id == id)
                return c;
        ADD_FAILURE() << "no check " << id.toStdString();
        return {};
    }

    QString applied(const NotesCheck &c) const
    {
        EXPECT_TRUE(c.fix.has_value());
        if (!c.fix)
            return m_in.body;
        QString body = m_in.body;
        body.replace(c.fix->start, c.fix->length, c.fix->replacement);
        return body;
    }

    int lineOf(const QString &text) const
    {
        const QStringList lines = m_in.body.split(u'\n');
        for (int i = 0; i < lines.size(); ++i)
            if (lines.at(i).contains(text))
                return i + 1;
        return 0;
    }

    NotesConfig m_config;
    NotesCheckInput m_in;
};

} // namespace

TEST_F(NotesChecksTest, AGoodDraftPassesEveryCheck)
{
    const QList<NotesCheck> checks = ReleaseNotesChecker::run(m_in);
    EXPECT_EQ(checks.size(), 13);
    for (const NotesCheck &c : checks)
        EXPECT_TRUE(c.isOk()) << c.id.toStdString() << ": " << c.message.toStdString();
    EXPECT_EQ(ReleaseNotesChecker::worst(checks), NotesCheck::Severity::Ok);
}

TEST_F(NotesChecksTest, PlaceholderIsAnErrorAtItsLine)
{
    regenerate();
    const NotesCheck c = check(QStringLiteral("summary-placeholder"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Error);
    EXPECT_EQ(c.line, 3);
}

TEST_F(NotesChecksTest, TagAndTitle)
{
    EXPECT_EQ(m_in.tag, QStringLiteral("v1.26.0"));
    m_in.title = QStringLiteral("Version 1.26");
    EXPECT_EQ(check(QStringLiteral("tag-title")).severity, NotesCheck::Severity::Error);
    m_in.title = m_in.tag = QStringLiteral("1.26.0");
    EXPECT_EQ(check(QStringLiteral("tag-title")).severity, NotesCheck::Severity::Warning);
    m_in.title = m_in.tag = QStringLiteral("v1.25.4");
    EXPECT_EQ(check(QStringLiteral("tag-title")).severity,
              NotesCheck::Severity::Warning); // labels say minor
}

TEST_F(NotesChecksTest, TagConsistency)
{
    auto severity = [&] { return check(QStringLiteral("tag-consistent")).severity; };
    EXPECT_EQ(severity(), NotesCheck::Severity::Ok); // does not exist yet
    m_in.tagState.known = false;
    EXPECT_EQ(severity(), NotesCheck::Severity::Warning);
    m_in.tagState = {true, true, QStringLiteral("abc"), false, false, false, {}};
    EXPECT_EQ(severity(), NotesCheck::Severity::Error); // exists, no Release run
    m_in.tagState.runFound = true;
    EXPECT_EQ(severity(), NotesCheck::Severity::Warning); // still running
    m_in.tagState.runCompleted = true;
    EXPECT_EQ(severity(), NotesCheck::Severity::Error); // failed
    m_in.tagState.runSucceeded = true;
    EXPECT_EQ(severity(), NotesCheck::Severity::Ok);
}

TEST_F(NotesChecksTest, TargetBranchIsThePolicys)
{
    m_in.targetBranch = QStringLiteral("main");
    const NotesCheck c = check(QStringLiteral("target-branch"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Error);
    EXPECT_TRUE(c.message.contains(QStringLiteral("develop")));
}

TEST_F(NotesChecksTest, EveryPullRequestOnceWithAFixForTheMissing)
{
    QStringList lines = m_in.body.split(u'\n');
    lines.removeAt(lineOf(QStringLiteral("(#11)")) - 1);
    m_in.body = lines.join(u'\n');
    NotesCheck c = check(QStringLiteral("every-pr-once"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Error);
    EXPECT_TRUE(c.message.contains(QStringLiteral("#11")));
    m_in.body = applied(c);
    EXPECT_TRUE(check(QStringLiteral("every-pr-once")).isOk()) << m_in.body.toStdString();

    m_in.body += QStringLiteral("\nAlso see #10 again.\n");
    c = check(QStringLiteral("every-pr-once"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Warning);
    EXPECT_EQ(c.line, lineOf(QStringLiteral("Also see #10")));
}

TEST_F(NotesChecksTest, UncategorizedAndLabelsThatDisagreeWithTitles)
{
    m_in.input.pullRequests << pr(12, QStringLiteral("docs: readme"), {}, QStringLiteral("carol"))
                            << pr(13, QStringLiteral("fix: typo"), {QStringLiteral("feature")},
                                  QStringLiteral("carol"));
    regenerate();
    NotesCheck c = check(QStringLiteral("uncategorized"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Warning);
    EXPECT_TRUE(c.message.contains(QStringLiteral("#12")));
    EXPECT_EQ(c.line, lineOf(QStringLiteral("(#12)")));
    c = check(QStringLiteral("label-title"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Warning);
    EXPECT_TRUE(c.message.contains(QStringLiteral("#12 “docs: readme” lacks documentation")));
    EXPECT_TRUE(
        c.message.contains(QStringLiteral("#13 “fix: typo” lacks bug and is labelled feature")))
        << c.message.toStdString();
}

TEST_F(NotesChecksTest, ContributorsAndFirstTimers)
{
    m_in.body.replace(QStringLiteral("@alice and @bob"), QStringLiteral("@alice"));
    NotesCheck c = check(QStringLiteral("contributors"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Error);
    EXPECT_TRUE(c.message.contains(QStringLiteral("@bob")));
    m_in.body = applied(c);
    EXPECT_TRUE(check(QStringLiteral("contributors")).isOk());

    m_in.generated.newContributors = {QStringLiteral("bob")};
    c = check(QStringLiteral("first-time"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Warning);
    m_in.body = applied(c);
    EXPECT_TRUE(m_in.body.contains(QStringLiteral(
        "* @bob made their first contribution in https://github.com/octo/demo/pull/11")));
    EXPECT_TRUE(check(QStringLiteral("first-time")).isOk());
}

TEST_F(NotesChecksTest, FirstParagraphFitsANotification)
{
    m_in.body.replace(QStringLiteral("Log levels and a crash fix."), QString(400, u'x'));
    const NotesCheck c = check(QStringLiteral("first-paragraph"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Warning);
    EXPECT_EQ(c.line, 3);
}

TEST_F(NotesChecksTest, FeatureLinesLink)
{
    m_in.body.replace(QStringLiteral("* feat: levels (#10) by @alice"),
                      QStringLiteral("* Log levels"));
    const NotesCheck c = check(QStringLiteral("feature-links"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Warning);
    EXPECT_EQ(c.line, lineOf(QStringLiteral("* Log levels")));
    m_in.body.replace(QStringLiteral("* Log levels"),
                      QStringLiteral("* Log levels ([docs](https://x/y))"));
    EXPECT_TRUE(check(QStringLiteral("feature-links")).isOk());
}

TEST_F(NotesChecksTest, BrokenMarkdown)
{
    m_in.body += QStringLiteral("\n## Upgrading\n\n## Notes\n\n```cpp\nint x;\n");
    const NotesCheck c = check(QStringLiteral("markdown"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Warning);
    EXPECT_TRUE(c.message.contains(QStringLiteral("“Upgrading”"))) << c.message.toStdString();
    EXPECT_TRUE(c.message.contains(QStringLiteral("never closed")));
    EXPECT_EQ(c.line, lineOf(QStringLiteral("## Upgrading")));
}

TEST_F(NotesChecksTest, SemanticCommitMessages)
{
    m_in.input.commits << NotesCommit{QStringLiteral("3333333ccc"),
                                      QStringLiteral("Update stuff\n\nbody"),
                                      QString(),
                                      QStringLiteral("X"),
                                      {}}
                       << NotesCommit{QStringLiteral("4444444ddd"),
                                      QStringLiteral("Merge pull request #1 from a/b"),
                                      QString(),
                                      QStringLiteral("X"),
                                      {}};
    const NotesCheck c = check(QStringLiteral("semantic-commits"));
    EXPECT_EQ(c.severity, NotesCheck::Severity::Warning);
    EXPECT_TRUE(c.message.contains(QStringLiteral("1 of 3")));
    EXPECT_TRUE(c.message.contains(QStringLiteral("3333333 “Update stuff”")));
}
