#include "releasenotes.h"

#include <gtest/gtest.h>

using namespace Mainstay;

TEST(NotesVersion, ParsesAndBumps)
{
    const auto v = NotesVersion::parse(QStringLiteral("v1.2.3"));
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(v->bumped(VersionBump::Minor).toString(), QStringLiteral("1.3.0"));
}
