#pragma once

#include <QString>

namespace Mainstay {

struct Workflow
{
    qint64 id = 0;
    QString name;
    QString path;
    QString state; // "active", "disabled_manually", ...
    QString htmlUrl;

    bool operator==(const Workflow &) const = default;
};

} // namespace Mainstay
