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

TEST(IssueFilter, EveryWordMustMatchTitleAuthorLabelOrNumber)
{
    IssueFilter filter;
    const struct
    {
        const char *text;
        bool matches;
    } cases[] = {
        {"logger", true},    {"LOGGER extra", true},   {"octo", true},
        {"need-more", true}, {"#1234", true},          {"#123", false},
        {"tracer", false},   {"logger tracer", false}, {"  bug   ", true},
        {"", true},
    };
    for (const auto &c : cases) {
        filter.setText(QString::fromUtf8(c.text));
        EXPECT_EQ(filter.matches(sample()), c.matches) << c.text;
    }
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
