#pragma once

#include <QString>

namespace Mainstay {

struct Label
{
    qint64 id = 0;
    QString name;
    QString color; // six hex digits without '#', as GitHub sends it
    QString description;
    bool isDefault = false;

    bool operator==(const Label &) const = default;
};

} // namespace Mainstay
