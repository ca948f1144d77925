#pragma once

#include <QString>
#include <QStringList>

namespace Mainstay {

// One entry of a GraphQL answer's errors[]. GitHub adds a `type` (NOT_FOUND, FORBIDDEN,
// RATE_LIMITED, MAX_NODE_LIMIT_EXCEEDED, ...) and, for errors tied to one field, the `path` of
// that field in `data`, whose value is then null while the rest of `data` stays valid.
struct GraphQLError
{
    QString message;
    QString type;     // empty when GitHub sent none (syntax and validation errors)
    QStringList path; // e.g. {"repository", "p123"}; list indices as decimal text; empty if none

    bool operator==(const GraphQLError &) const = default;
};

} // namespace Mainstay
