#include "authorassociation.h"
#include "runstatus.h"

#include <gtest/gtest.h>

using namespace Mainstay;

TEST(AuthorAssociation, RoundTripsEveryValue)
{
    const AuthorAssociation all[] = {
        AuthorAssociation::None,        AuthorAssociation::Owner,
        AuthorAssociation::Member,      AuthorAssociation::Collaborator,
        AuthorAssociation::Contributor, AuthorAssociation::FirstTimeContributor,
        AuthorAssociation::FirstTimer,  AuthorAssociation::Mannequin};
    for (AuthorAssociation association : all)
        EXPECT_EQ(authorAssociationFromString(toString(association)), association);
    EXPECT_EQ(toString(AuthorAssociation::FirstTimeContributor),
              QStringLiteral("FIRST_TIME_CONTRIBUTOR"));
}

TEST(AuthorAssociation, UnknownOrEmptyIsNone)
{
    EXPECT_EQ(authorAssociationFromString(u"SPONSOR"), AuthorAssociation::None);
    EXPECT_EQ(authorAssociationFromString(u""), AuthorAssociation::None);
    EXPECT_EQ(authorAssociationFromString(u"owner"), AuthorAssociation::None);
}

TEST(AuthorAssociation, MaintainerAndFirstTimeGroups)
{
    EXPECT_TRUE(isMaintainerAssociation(AuthorAssociation::Owner));
    EXPECT_TRUE(isMaintainerAssociation(AuthorAssociation::Member));
    EXPECT_TRUE(isMaintainerAssociation(AuthorAssociation::Collaborator));
    EXPECT_FALSE(isMaintainerAssociation(AuthorAssociation::Contributor));
    EXPECT_FALSE(isMaintainerAssociation(AuthorAssociation::None));
    EXPECT_TRUE(isFirstTimeAssociation(AuthorAssociation::FirstTimer));
    EXPECT_TRUE(isFirstTimeAssociation(AuthorAssociation::FirstTimeContributor));
    EXPECT_FALSE(isFirstTimeAssociation(AuthorAssociation::Contributor));
}

TEST(RunStatus, RoundTripsEveryKnownValue)
{
    const RunStatus statuses[] = {RunStatus::Queued,  RunStatus::InProgress, RunStatus::Completed,
                                  RunStatus::Waiting, RunStatus::Requested,  RunStatus::Pending};
    for (RunStatus status : statuses)
        EXPECT_EQ(runStatusFromString(toString(status)), status);
    EXPECT_EQ(toString(RunStatus::InProgress), QStringLiteral("in_progress"));

    const RunConclusion conclusions[] = {
        RunConclusion::Success,        RunConclusion::Failure, RunConclusion::Neutral,
        RunConclusion::Cancelled,      RunConclusion::Skipped, RunConclusion::TimedOut,
        RunConclusion::ActionRequired, RunConclusion::Stale,   RunConclusion::StartupFailure};
    for (RunConclusion conclusion : conclusions)
        EXPECT_EQ(runConclusionFromString(toString(conclusion)), conclusion);
    EXPECT_EQ(toString(RunConclusion::TimedOut), QStringLiteral("timed_out"));
}

TEST(RunStatus, UnknownAndEmptyValues)
{
    EXPECT_EQ(runStatusFromString(u"exploded"), RunStatus::Unknown);
    EXPECT_EQ(runStatusFromString(u""), RunStatus::Unknown);
    EXPECT_EQ(runConclusionFromString(u""), RunConclusion::None);
    EXPECT_EQ(runConclusionFromString(u"exploded"), RunConclusion::Unknown);
    EXPECT_EQ(toString(RunConclusion::None), QString());
}

TEST(RunStatus, FailingConclusions)
{
    EXPECT_TRUE(isFailing(RunConclusion::Failure));
    EXPECT_TRUE(isFailing(RunConclusion::TimedOut));
    EXPECT_TRUE(isFailing(RunConclusion::StartupFailure));
    EXPECT_FALSE(isFailing(RunConclusion::Cancelled));
    EXPECT_FALSE(isFailing(RunConclusion::Success));
    EXPECT_FALSE(isFailing(RunConclusion::None));
}
