#pragma once

#include <QString>

namespace Mainstay {

// A GitHub account as it appears inside other objects (author, assignee, actor).
struct User
{
    qint64 id = 0;
    QString login;
    QString type; // "User", "Bot" or "Organization"
    QString avatarUrl;
    QString htmlUrl;

    bool isBot() const
    {
        return type == QLatin1String("Bot") || login.endsWith(QLatin1String("[bot]"));
    }
    bool isEmpty() const { return login.isEmpty(); }
    bool operator==(const User &) const = default;
};

} // namespace Mainstay
