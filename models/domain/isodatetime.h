#pragma once

#include <QDateTime>
#include <QStringView>

namespace Mainstay {

// Parses the ISO 8601 forms GitHub sends ("2026-11-27T10:04:05Z", "...T10:04:05.123-08:00",
// "...T10:04:05+0000") into a UTC QDateTime. Returns an invalid QDateTime on anything else.
// About 2.5x faster than QDateTime::fromString(Qt::ISODate), which matters at 100k items.
QDateTime parseIsoDateTime(QStringView text);
// "2026-11-27T10:04:05Z" (milliseconds only when non-zero), always UTC.
QString toIsoString(const QDateTime &dateTime);

} // namespace Mainstay
