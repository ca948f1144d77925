#include "outboxentry.h"

#include <array>

namespace Mainstay {

namespace {
struct StateName
{
    OutboxEntry::State state;
    QLatin1StringView name;
};
constexpr std::array stateNames{
    StateName{OutboxEntry::State::Queued, QLatin1StringView("queued")},
    StateName{OutboxEntry::State::Sending, QLatin1StringView("sending")},
    StateName{OutboxEntry::State::Sent, QLatin1StringView("sent")},
    StateName{OutboxEntry::State::Failed, QLatin1StringView("failed")},
    StateName{OutboxEntry::State::Cancelled, QLatin1StringView("cancelled")},
};
} // namespace

QString OutboxEntry::toString(State state)
{
    for (const StateName &entry : stateNames)
        if (entry.state == state)
            return entry.name;
    return QString();
}

std::optional<OutboxEntry::State> OutboxEntry::stateFromString(QStringView text)
{
    for (const StateName &entry : stateNames)
        if (text == entry.name)
            return entry.state;
    return std::nullopt;
}

} // namespace Mainstay
