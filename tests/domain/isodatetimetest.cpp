#include "isodatetime.h"

#include <gtest/gtest.h>

#include <QTimeZone>

using namespace Mainstay;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), Qt::UTC);
}

} // namespace

TEST(IsoDateTime, ParsesZuluTime)
{
    const QDateTime parsed = parseIsoDateTime(u"2026-11-27T10:04:05Z");
    EXPECT_EQ(parsed, utc(2026, 11, 27, 10, 4, 5));
    EXPECT_EQ(parsed.timeSpec(), Qt::UTC);
}

TEST(IsoDateTime, OffsetsAndFractionsNameTheSameInstant)
{
    const QDateTime expected = utc(2020, 1, 20, 17, 42, 40);
    EXPECT_EQ(parseIsoDateTime(u"2020-01-20T17:42:40Z"), expected);
    EXPECT_EQ(parseIsoDateTime(u"2020-01-20T09:42:40-08:00"), expected);
    EXPECT_EQ(parseIsoDateTime(u"2020-01-20T09:42:40.000-08:00"), expected);
    EXPECT_EQ(parseIsoDateTime(u"2020-01-20T09:42:40-0800"), expected);
    EXPECT_EQ(parseIsoDateTime(u"2020-01-21T03:12:40+09:30"), expected);
    EXPECT_EQ(parseIsoDateTime(u"2020-01-20T17:42:40+0000"), expected);
    EXPECT_EQ(parseIsoDateTime(u"2020-01-20T17:42:40-00:00"), expected);
    EXPECT_EQ(parseIsoDateTime(u"2020-01-20T17:42:40.0Z"), expected);
    // The UTC value is the same whichever spec the comparison uses: check the msecs directly too.
    EXPECT_EQ(parseIsoDateTime(u"2020-01-20T09:42:40.000-08:00").toMSecsSinceEpoch(),
              expected.toMSecsSinceEpoch());
}

TEST(IsoDateTime, OffsetCrossesDayMonthAndYearBoundaries)
{
    EXPECT_EQ(parseIsoDateTime(u"2025-12-31T23:30:00-01:00"), utc(2026, 1, 1, 0, 30, 0));
    EXPECT_EQ(parseIsoDateTime(u"2024-03-01T01:00:00+02:00"), utc(2024, 2, 29, 23, 0, 0));
}

TEST(IsoDateTime, FractionalSecondsOfAnyLength)
{
    EXPECT_EQ(parseIsoDateTime(u"2026-11-27T10:04:05.1Z"), utc(2026, 11, 27, 10, 4, 5, 100));
    EXPECT_EQ(parseIsoDateTime(u"2026-11-27T10:04:05.12Z"), utc(2026, 11, 27, 10, 4, 5, 120));
    EXPECT_EQ(parseIsoDateTime(u"2026-11-27T10:04:05.123Z"), utc(2026, 11, 27, 10, 4, 5, 123));
    // Beyond milliseconds the digits are dropped, never rounded into the next second.
    EXPECT_EQ(parseIsoDateTime(u"2026-11-27T10:04:05.1234567Z"), utc(2026, 11, 27, 10, 4, 5, 123));
    EXPECT_EQ(parseIsoDateTime(u"2026-11-27T10:04:05.9999999+01:00"),
              utc(2026, 11, 27, 9, 4, 5, 999));
}

TEST(IsoDateTime, LeapDays)
{
    EXPECT_EQ(parseIsoDateTime(u"2024-02-29T00:00:00Z"), utc(2024, 2, 29, 0, 0, 0));
    EXPECT_EQ(parseIsoDateTime(u"2000-02-29T00:00:00Z"), utc(2000, 2, 29, 0, 0, 0));
    EXPECT_FALSE(parseIsoDateTime(u"2023-02-29T00:00:00Z").isValid());
    EXPECT_FALSE(parseIsoDateTime(u"1900-02-29T00:00:00Z").isValid());
}

TEST(IsoDateTime, AgreesWithQtAcrossTheCalendar)
{
    // Every day of a few centuries, against QDateTime's own ISO parser.
    QDate date(1899, 12, 25);
    const QDate end(2101, 1, 5);
    int checked = 0;
    for (; date < end; date = date.addDays(7)) {
        const QString text = date.toString(Qt::ISODate) + QStringLiteral("T13:14:15.678+05:45");
        const QDateTime mine = parseIsoDateTime(text);
        const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
        ASSERT_TRUE(qt.isValid()) << text.toStdString();
        ASSERT_EQ(mine.toMSecsSinceEpoch(), qt.toMSecsSinceEpoch()) << text.toStdString();
        ++checked;
    }
    EXPECT_GT(checked, 10000);
}

TEST(IsoDateTime, RejectsEverythingElse)
{
    const char16_t *const bad[] = {
        u"",
        u"yesterday",
        u"2026-11-27",
        u"2026-11-27T10:04:05",       // no zone
        u"2026-11-27T10:04Z",         // no seconds
        u"2026-11-27 10:04:05Z",      // space instead of T
        u"2026-13-27T10:04:05Z",      // month
        u"2026-00-27T10:04:05Z",      // month
        u"2026-11-31T10:04:05Z",      // day
        u"2026-11-00T10:04:05Z",      // day
        u"2026-11-27T24:00:00Z",      // hour
        u"2026-11-27T10:60:05Z",      // minute
        u"2026-11-27T10:04:60Z",      // second
        u"2026-11-27T10:04:05.Z",     // empty fraction
        u"2026-11-27T10:04:05.",      // fraction without zone
        u"2026-11-27T10:04:05+08",    // offset without minutes
        u"2026-11-27T10:04:05+8:00",  // one-digit offset hour
        u"2026-11-27T10:04:05+24:00", // offset hour
        u"2026-11-27T10:04:05+01:60", // offset minute
        u"2026-11-27T10:04:05+01:000",
        u"2026-11-27T10:04:05ZZ",
        u"2026-11-27T10:04:05Z ",
        u" 2026-11-27T10:04:05Z",
        u"0000-01-01T00:00:00Z",
        u"2O26-11-27T10:04:05Z",
        u"2026/11/27T10:04:05Z",
        u"2026-11-27T10:04:05.12a4Z",
        u"+2026-11-27T10:04:05Z",
    };
    for (const char16_t *text : bad)
        EXPECT_FALSE(parseIsoDateTime(QStringView(text)).isValid())
            << QString::fromUtf16(text).toStdString();
}

TEST(IsoDateTime, WritesUtcWithMillisecondsOnlyWhenPresent)
{
    EXPECT_EQ(toIsoString(utc(2026, 11, 27, 10, 4, 5)), QStringLiteral("2026-11-27T10:04:05Z"));
    EXPECT_EQ(toIsoString(utc(2026, 11, 27, 10, 4, 5, 7)),
              QStringLiteral("2026-11-27T10:04:05.007Z"));
    const QDateTime offset(QDate(2020, 1, 20), QTime(9, 42, 40), QTimeZone(-8 * 3600));
    EXPECT_EQ(toIsoString(offset), QStringLiteral("2020-01-20T17:42:40Z"));
    EXPECT_EQ(toIsoString(QDateTime()), QString());
}

TEST(IsoDateTime, RoundTrips)
{
    const QDateTime samples[] = {
        utc(1970, 1, 1, 0, 0, 0),          utc(2026, 11, 27, 10, 4, 5),
        utc(2024, 2, 29, 23, 59, 59, 999), utc(1, 1, 1, 0, 0, 0),
        utc(9999, 12, 31, 23, 59, 59, 1),  utc(2000, 6, 15, 12, 0, 0, 500)};
    for (const QDateTime &sample : samples) {
        const QString text = toIsoString(sample);
        EXPECT_EQ(parseIsoDateTime(text), sample) << text.toStdString();
        EXPECT_EQ(toIsoString(parseIsoDateTime(text)), text);
    }
    for (const char16_t *text : {u"2020-01-20T09:42:40.000-08:00", u"2020-01-20T09:42:40+0530"}) {
        const QDateTime parsed = parseIsoDateTime(QStringView(text));
        EXPECT_EQ(parseIsoDateTime(toIsoString(parsed)), parsed);
    }
}
