#pragma once

#include <QJsonObject>
#include <QString>

namespace Mainstay {

// One GraphQL operation as it is POSTed: the document and the values of its variables. Values a
// caller does not control (owner, name, cursors) travel as variables so that the document never
// needs escaping and stays the same text for every repository.
struct GraphQLRequest
{
    QString query;
    QJsonObject variables;

    // {"query": ..., "variables": {...}}, the body GitHub's /graphql endpoint expects.
    QJsonObject toJson() const
    {
        return QJsonObject{{QStringLiteral("query"), query},
                           {QStringLiteral("variables"), variables}};
    }
    bool operator==(const GraphQLRequest &) const = default;
};

} // namespace Mainstay
