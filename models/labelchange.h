#pragma once

#include <QStringList>

namespace Mainstay {

// The labels to put on and take off an issue or pull request, as one reviewable change. Only
// labels that actually change are listed, so an empty change means there is nothing to send.
struct LabelChange
{
    QStringList add;
    QStringList remove;

    bool isEmpty() const { return add.isEmpty() && remove.isEmpty(); }
    bool operator==(const LabelChange &) const = default;
};

} // namespace Mainstay
