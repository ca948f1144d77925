#include "linkheader.h"

#include <gtest/gtest.h>

using namespace Mainstay;

TEST(LinkHeader, ReadsGitHubPaginationLinks)
{
    const QByteArray header =
        R"(<https://api.github.com/repositories/1300192/issues?page=2>; rel="next", )"
        R"(<https://api.github.com/repositories/1300192/issues?page=515>; rel="last", )"
        R"(<https://api.github.com/repositories/1300192/issues?page=1>; rel="first")";
    const auto links = parseLinkHeader(header);
    ASSERT_EQ(links.size(), 3);
    EXPECT_EQ(links.value(QStringLiteral("next")).toString(),
              QStringLiteral("https://api.github.com/repositories/1300192/issues?page=2"));
    EXPECT_EQ(links.value(QStringLiteral("last")).toString(),
              QStringLiteral("https://api.github.com/repositories/1300192/issues?page=515"));
    EXPECT_FALSE(links.contains(QStringLiteral("prev")));
}

TEST(LinkHeader, KeepsCommasInsideUrls)
{
    // A labels filter puts commas into the query; they must not split the link.
    const QByteArray header =
        R"(<https://h/r/issues?labels=bug,triage&page=2>; rel="next",<https://h/r/issues?labels=bug,triage&page=4>; rel="last")";
    const auto links = parseLinkHeader(header);
    EXPECT_EQ(links.value(QStringLiteral("next")).toString(),
              QStringLiteral("https://h/r/issues?labels=bug,triage&page=2"));
    EXPECT_EQ(links.value(QStringLiteral("last")).toString(),
              QStringLiteral("https://h/r/issues?labels=bug,triage&page=4"));
}

TEST(LinkHeader, ToleratesOddSpacingAndUnquotedRel)
{
    const auto links =
        parseLinkHeader("<http://a/x?page=3>;rel=next ,  <http://a/x?page=1> ; rel=\"prev first\"");
    EXPECT_EQ(links.value(QStringLiteral("next")).toString(), QStringLiteral("http://a/x?page=3"));
    EXPECT_EQ(links.value(QStringLiteral("prev")).toString(), QStringLiteral("http://a/x?page=1"));
    EXPECT_EQ(links.value(QStringLiteral("first")).toString(), QStringLiteral("http://a/x?page=1"));
}

TEST(LinkHeader, EmptyOrBrokenHeadersGiveNoLinks)
{
    EXPECT_TRUE(parseLinkHeader("").isEmpty());
    EXPECT_TRUE(parseLinkHeader("garbage").isEmpty());
    EXPECT_TRUE(parseLinkHeader("<http://a/unterminated; rel=\"next\"").isEmpty());
}
