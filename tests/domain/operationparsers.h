#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Mainstay::Test {

// What a parse of a whole response body came to, whatever the value type.
struct ParseOutcome
{
    bool ok = false;
    QString error;
};

// The GitHubJson parser the client uses for an operation's response body (by OpenAPI
// operationId), applied to `json`.
ParseOutcome parseForOperation(const QString &operationId, const QByteArray &json);
// Every operationId parseForOperation knows.
QStringList parsedOperations();

} // namespace Mainstay::Test
