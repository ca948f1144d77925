#include "isodatetime.h"

namespace Mainstay {

namespace {

constexpr qint64 msecsPerMinute = 60 * 1000;
constexpr qint64 msecsPerDay = 24 * 60 * msecsPerMinute;
// Days from 0001-01-01 (proleptic Gregorian, the calendar QDate uses) to 1970-01-01.
constexpr qint64 daysFromYearOneToEpoch = 719162;
// Days before the first of each month in a common year.
constexpr int daysBeforeMonth[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
constexpr int daysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

constexpr bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Days since 1970-01-01 for a validated date with 1 <= year <= 9999.
constexpr qint64 daysSinceEpoch(int year, int month, int day)
{
    const qint64 yearsBefore = year - 1;
    const qint64 leapDaysBefore = yearsBefore / 4 - yearsBefore / 100 + yearsBefore / 400;
    qint64 days = yearsBefore * 365 + leapDaysBefore + daysBeforeMonth[month - 1] + (day - 1);
    if (month > 2 && isLeapYear(year))
        ++days;
    return days - daysFromYearOneToEpoch;
}
static_assert(daysSinceEpoch(1970, 1, 1) == 0);
static_assert(daysSinceEpoch(2000, 3, 1) == 11017);

// Reads `count` ASCII digits at `pos`; -1 when any of them is not a digit.
inline int readDigits(const char16_t *text, qsizetype pos, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[pos + i];
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

inline bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

void appendDigits(char *&out, int value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    out += count;
}

} // namespace

QDateTime parseIsoDateTime(QStringView text)
{
    // The shortest accepted form is "yyyy-MM-ddTHH:mm:ssZ".
    const qsizetype size = text.size();
    if (size < 20)
        return {};
    const char16_t *s = text.utf16();
    if (s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' || s[16] != u':')
        return {};
    const int year = readDigits(s, 0, 4);
    const int month = readDigits(s, 5, 2);
    const int day = readDigits(s, 8, 2);
    const int hour = readDigits(s, 11, 2);
    const int minute = readDigits(s, 14, 2);
    const int second = readDigits(s, 17, 2);
    // A failed readDigits gives -1, which every lower bound below rejects too.
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 59)
        return {};
    const int monthLength = daysInMonth[month - 1] + (month == 2 && isLeapYear(year) ? 1 : 0);
    if (day > monthLength)
        return {};

    qsizetype pos = 19;
    int msec = 0;
    if (s[pos] == u'.') {
        ++pos;
        const qsizetype fractionStart = pos;
        // Any number of digits is allowed; digits beyond milliseconds are dropped (truncated,
        // so that a value never rounds up into the next second).
        int scale = 100;
        while (pos < size && isDigit(s[pos])) {
            msec += (s[pos] - u'0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == fractionStart || pos >= size)
            return {};
    }

    int offsetMinutes = 0;
    const char16_t zone = s[pos];
    if (zone == u'Z') {
        ++pos;
    } else if (zone == u'+' || zone == u'-') {
        ++pos;
        if (size - pos < 4)
            return {};
        const int offsetHours = readDigits(s, pos, 2);
        pos += 2;
        if (s[pos] == u':')
            ++pos;
        if (size - pos != 2)
            return {};
        const int offsetMins = readDigits(s, pos, 2);
        pos += 2;
        if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59)
            return {};
        offsetMinutes = offsetHours * 60 + offsetMins;
        if (zone == u'-')
            offsetMinutes = -offsetMinutes;
    } else {
        return {};
    }
    if (pos != size)
        return {};

    const qint64 msecs = daysSinceEpoch(year, month, day) * msecsPerDay +
                         ((hour * 60 + minute) * 60 + second) * qint64(1000) + msec -
                         offsetMinutes * msecsPerMinute;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

QString toIsoString(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return QString();
    const QDateTime utc = dateTime.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    const int year = date.year();
    if (year < 1 || year > 9999)
        return utc.toString(Qt::ISODateWithMs);

    char buffer[32];
    char *out = buffer;
    appendDigits(out, year, 4);
    *out++ = '-';
    appendDigits(out, date.month(), 2);
    *out++ = '-';
    appendDigits(out, date.day(), 2);
    *out++ = 'T';
    appendDigits(out, time.hour(), 2);
    *out++ = ':';
    appendDigits(out, time.minute(), 2);
    *out++ = ':';
    appendDigits(out, time.second(), 2);
    if (const int msec = time.msec(); msec != 0) {
        *out++ = '.';
        appendDigits(out, msec, 3);
    }
    *out++ = 'Z';
    return QString::fromLatin1(buffer, out - buffer);
}

} // namespace Mainstay
