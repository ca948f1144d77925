#pragma once

#include "user.h"

#include <QDateTime>

namespace Mainstay {

struct Release
{
    qint64 id = 0;
    QString tagName;
    QString name;
    QString body;
    QString targetCommitish;
    bool draft = false;
    bool prerelease = false;
    User author;
    QDateTime createdAt;
    QDateTime publishedAt; // invalid for drafts
    QString htmlUrl;

    bool operator==(const Release &) const = default;
};

} // namespace Mainstay
