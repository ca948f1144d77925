#pragma once

#include <QString>

namespace Mainstay {

// A pull-request title or commit subject taken apart as `type(scope)!: subject`. When the title
// does not follow the convention, `problem` says why in words a contributor can act on.
struct SemanticTitle
{
    QString type;
    QString scope; // may hold several comma-separated scopes, as written
    bool breaking = false;
    QString subject;
    QString problem;

    bool isValid() const { return problem.isEmpty() && !type.isEmpty(); }
    bool operator==(const SemanticTitle &) const = default;
};

} // namespace Mainstay
