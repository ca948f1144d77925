#include "issuefilter.h"

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

Issue sample()
{
    Issue issue;
    issue.number = 1234;
    issue.title = QStringLiteral("Bug: Logger drops extra keys");
    issue.author.login = QStringLiteral("octocat");
    issue.labels = {Label{1, QStringLiteral("bug"), {}, {}, false},
                    Label{2, QStringLiteral("need-more-information"), {}, {}, false}};
    return issue;
}

} // namespace

TEST(IssueFilter, EmptyFilterMatchesEverything)
{
    IssueFilter filter;
    EXPECT_TRUE(filter.isEmpty());
    EXPECT_TRUE(filter.matches(sample()));
}

TEST(IssueFilter, EveryWordMustMatchTitleOrBodyAndQualifiersDoTheRest)
{
    Issue issue = sample();
    issue.body = QStringLiteral("Seen with the JSON formatter.");
    IssueFilter filter;
    const struct
    {
        const char *text;
        bool matches;
    } cases[] = {
        {"logger", true},
        {"LOGGER extra", true},
        {"formatter", true},
        {"#1234", true},
        {"#123", false},
        {"tracer", false},
        {"logger tracer", false},
        {"  bug   ", true},
        {"", true},
        // Authors and labels are qualifiers now, not free text.
        {"octo", false},
        {"author:octocat", true},
        {"label:need-more-information", true},
        {"-label:bug", false},
        {"logger -formatter", false},
    };
    for (const auto &c : cases) {
        filter.setText(QString::fromUtf8(c.text));
        EXPECT_FALSE(filter.hasError()) << c.text;
        EXPECT_EQ(filter.matches(issue), c.matches) << c.text;
    }
}

TEST(IssueFilter, SelectorsBecomeQualifiersInFrontOfTheText)
{
    IssueFilter filter;
    filter.setKind(IssueFilter::Kind::PullRequests);
    filter.setState(IssueFilter::State::Open);
    filter.setText(QStringLiteral("label:bug logger"));
    EXPECT_EQ(filter.query().toString(), QStringLiteral("is:pr is:open label:bug logger"));
    EXPECT_FALSE(filter.isEmpty());
    filter.setKind(IssueFilter::Kind::Any);
    filter.setState(IssueFilter::State::Any);
    filter.setText(QStringLiteral("sort:updated-asc"));
    EXPECT_TRUE(filter.isEmpty()) << "a sort alone hides nothing";
    EXPECT_TRUE(filter.query().sort().isSet());
}

TEST(IssueFilter, TextThatDoesNotParseLeavesTheSelectorsAndSaysWhere)
{
    IssueFilter filter;
    filter.setState(IssueFilter::State::Closed);
    filter.setText(QStringLiteral("logger lable:bug"));
    ASSERT_TRUE(filter.hasError());
    EXPECT_EQ(filter.error()->position, 7) << "an offset into the text, not the combined query";
    EXPECT_EQ(filter.error()->message(),
              QStringLiteral("unknown qualifier \"lable\" at 7 (did you mean \"label\"?)"));
    EXPECT_EQ(filter.query().toString(), QStringLiteral("is:closed"));
    filter.setText(QStringLiteral("logger label:bug"));
    EXPECT_FALSE(filter.hasError());
}

TEST(IssueFilter, KindAndState)
{
    Issue issue = sample();
    IssueFilter filter;
    filter.setKind(IssueFilter::Kind::PullRequests);
    EXPECT_FALSE(filter.matches(issue));
    issue.isPullRequest = true;
    EXPECT_TRUE(filter.matches(issue));
    filter.setKind(IssueFilter::Kind::Issues);
    EXPECT_FALSE(filter.matches(issue));

    filter.setKind(IssueFilter::Kind::Any);
    filter.setState(IssueFilter::State::Closed);
    EXPECT_FALSE(filter.matches(issue));
    issue.state = Issue::State::Closed;
    EXPECT_TRUE(filter.matches(issue));
    filter.setState(IssueFilter::State::Open);
    EXPECT_FALSE(filter.matches(issue));
}
