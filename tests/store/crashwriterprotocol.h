#pragma once

#include <QDateTime>
#include <QString>

// What store_crash_writer writes, so the crash test can tell complete data from torn data.
namespace Mainstay::CrashWriterProtocol {

inline constexpr int pageSize = 25;
inline const QString lastNumberKey = QStringLiteral("crash.lastNumber");
inline const QString sinceKey = QStringLiteral("issues.since");
inline const QString draftKey = QStringLiteral("notes");

inline QString titleOf(int number)
{
    return QStringLiteral("Crash test item %1: the logger drops keys when sampling").arg(number);
}
// Long enough that a page spans several database pages and a kill lands mid-write.
inline QString bodyOf(int number)
{
    return QStringLiteral("body of #%1, ").arg(number).repeated(80);
}
inline QDateTime updatedAtOf(int number)
{
    return QDateTime::fromSecsSinceEpoch(1'780'000'000 + number, Qt::UTC);
}
inline QString outboxTextOf(qint64 sequence)
{
    return QStringLiteral("outbox entry %1 ").arg(sequence).repeated(40);
}

} // namespace Mainstay::CrashWriterProtocol
