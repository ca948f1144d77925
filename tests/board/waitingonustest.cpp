#include "waitingonus.h"

#include <gtest/gtest.h>

#include <cctype>
#include <optional>
#include <ostream>

using namespace Mainstay;

namespace {

const QDateTime Created = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);

struct Case
{
    const char *name;
    bool open;
    const char *author;
    AuthorAssociation authorAssociation;
    int commentCount;
    // Last comment: no author means none.
    const char *commenter;
    AuthorAssociation commenterAssociation;
    bool waiting;
    bool noResponse;
};

constexpr AuthorAssociation None = AuthorAssociation::None;
constexpr AuthorAssociation Contributor = AuthorAssociation::Contributor;
constexpr AuthorAssociation FirstTimer = AuthorAssociation::FirstTimeContributor;
constexpr AuthorAssociation Member = AuthorAssociation::Member;
constexpr AuthorAssociation Owner = AuthorAssociation::Owner;
constexpr AuthorAssociation Collaborator = AuthorAssociation::Collaborator;

// Maintainers by list: "alice" and "@Bob" (policies write both spellings).
const Case Cases[] = {
    {"new report, nobody answered", true, "carol", None, 0, nullptr, None, true, true},
    {"first-timer, nobody answered", true, "carol", FirstTimer, 0, nullptr, None, true, true},
    {"maintainer's own issue, no comment", true, "alice", None, 0, nullptr, None, false, true},
    {"member's own issue by association", true, "dave", Member, 0, nullptr, None, false, true},
    {"maintainer answered last", true, "carol", None, 2, "alice", None, false, false},
    {"maintainer login differs in case", true, "carol", None, 2, "BOB", None, false, false},
    {"owner answered (association)", true, "carol", None, 1, "erin", Owner, false, false},
    {"collaborator answered (association)", true, "carol", None, 1, "erin", Collaborator, false,
     false},
    {"reporter replied after a maintainer", true, "carol", None, 3, "carol", None, true, false},
    {"another user commented last", true, "carol", None, 1, "frank", Contributor, true, false},
    {"maintainer issue, outsider commented", true, "alice", Owner, 1, "frank", None, true, false},
    {"comments exist but last not synced", true, "carol", None, 4, nullptr, None, true, false},
    {"closed, nobody answered", false, "carol", None, 0, nullptr, None, false, true},
    {"closed, outsider last", false, "carol", None, 1, "frank", None, false, false},
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const Case &c, std::ostream *os)
{
    *os << c.name;
}

class WaitingOnUsTable : public testing::TestWithParam<Case>
{};

} // namespace

TEST_P(WaitingOnUsTable, Decides)
{
    const Case &c = GetParam();
    const WaitingOnUs rule({QStringLiteral("alice"), QStringLiteral("@Bob")});
    Issue issue;
    issue.number = 7;
    issue.state = c.open ? Issue::State::Open : Issue::State::Closed;
    issue.author.login = QString::fromLatin1(c.author);
    issue.authorAssociation = c.authorAssociation;
    issue.commentCount = c.commentCount;
    issue.createdAt = Created;
    std::optional<Comment> comment;
    if (c.commenter) {
        comment = Comment{};
        comment->author.login = QString::fromLatin1(c.commenter);
        comment->authorAssociation = c.commenterAssociation;
        comment->createdAt = Created.addDays(2);
    }
    const Comment *last = comment ? &*comment : nullptr;

    EXPECT_EQ(rule.isWaiting(issue, last), c.waiting) << c.name;
    EXPECT_EQ(WaitingOnUs::hasNoResponse(issue, last), c.noResponse) << c.name;

    const QDateTime now = Created.addDays(5);
    EXPECT_EQ(WaitingOnUs::ageSeconds(issue, now), 5 * 86400) << c.name;
    if (c.waiting) {
        EXPECT_EQ(rule.waitingSince(issue, last), last ? last->createdAt : Created) << c.name;
        EXPECT_EQ(rule.waitingSeconds(issue, last, now), (last ? 3 : 5) * 86400) << c.name;
    } else {
        EXPECT_FALSE(rule.waitingSince(issue, last).isValid()) << c.name;
        EXPECT_EQ(rule.waitingSeconds(issue, last, now), -1) << c.name;
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, WaitingOnUsTable, testing::ValuesIn(Cases),
                         [](const testing::TestParamInfo<Case> &info) {
                             std::string name;
                             for (const char *p = info.param.name; *p; ++p)
                                 name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
                             return name;
                         });

TEST(WaitingOnUs, WithoutAListOnlyTheAssociationCounts)
{
    const WaitingOnUs rule;
    EXPECT_TRUE(rule.isMaintainer(QStringLiteral("x"), AuthorAssociation::Member));
    EXPECT_FALSE(rule.isMaintainer(QStringLiteral("x"), AuthorAssociation::Contributor));
    EXPECT_FALSE(rule.isMaintainer(QString(), AuthorAssociation::None));
}

TEST(WaitingOnUs, NormalisesTheMaintainerList)
{
    WaitingOnUs rule({QStringLiteral("@Alice"), QStringLiteral(" bob "), QString()});
    EXPECT_EQ(rule.maintainers(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
    EXPECT_TRUE(rule.isMaintainer(QStringLiteral("ALICE"), AuthorAssociation::None));
    EXPECT_TRUE(rule.isMaintainer(QStringLiteral("@bob"), AuthorAssociation::None));
    rule.setMaintainers({});
    EXPECT_FALSE(rule.isMaintainer(QStringLiteral("alice"), AuthorAssociation::None));
}
