#include "cannedreply.h"

#include "policytext.h"

namespace Mainstay {

QString CannedReply::render(const QHash<QString, QString> &values) const
{
    return fillPlaceholders(body, values);
}

} // namespace Mainstay
