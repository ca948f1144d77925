#include "issue.h"

namespace Mainstay {

bool Issue::hasLabel(QStringView name) const
{
    for (const Label &label : labels)
        if (label.name == name)
            return true;
    return false;
}

} // namespace Mainstay
