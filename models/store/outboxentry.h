#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Mainstay {

// One write to GitHub waiting in (or done by) the outbox.
//
// States: queued -> sending -> sent, or back to queued after a transient failure, or failed
// after a permanent one; queued or failed -> cancelled. An entry found in `sending` at start-up
// was interrupted mid-request: it may or may not have reached GitHub, which is why the sender
// checks (e.g. for the comment's hidden marker) before sending it again.
struct OutboxEntry
{
    enum class State
    {
        Queued,
        Sending,
        Sent,
        Failed,
        Cancelled,
    };

    qint64 id = 0; // strictly increasing, never reused
    QDateTime createdAt;
    QString kind; // "add-labels", "comment", "close-issue", "create-release", "dispatch", ...
    QJsonObject payload;
    State state = State::Queued;
    int attempts = 0; // how many times it went to `sending`
    QString lastError;
    QJsonObject result; // what GitHub answered, once sent
    QDateTime updatedAt;

    bool isPending() const { return state == State::Queued || state == State::Sending; }
    bool operator==(const OutboxEntry &) const = default;

    // "queued", "sending", "sent", "failed", "cancelled": the stored form.
    static QString toString(State state);
    static std::optional<State> stateFromString(QStringView text);
};

} // namespace Mainstay
