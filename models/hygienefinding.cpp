#include "hygienefinding.h"

namespace Mainstay {

QString hygieneSeverityName(HygieneFinding::Severity severity)
{
    switch (severity) {
    case HygieneFinding::Severity::Info:
        return QStringLiteral("info");
    case HygieneFinding::Severity::Warning:
        return QStringLiteral("warning");
    case HygieneFinding::Severity::Error:
        return QStringLiteral("error");
    }
    return {};
}

} // namespace Mainstay
