#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Mainstay::Test {

// The response examples of GitHub's OpenAPI description (@octokit/openapi, installed under
// tests/npm by `npm ci`), looked up by operationId. The 13 MB description is read once per
// process.
class OpenApiExamples
{
public:
    struct Example
    {
        QString name; // the key under `examples`, e.g. "default"
        QJsonValue value;
        QByteArray json; // `value` as an indented document, the way a server would send it
    };

    static const OpenApiExamples &instance();

    // Empty when the description was read; otherwise what went wrong (and how to fix it).
    const QString &loadError() const { return m_loadError; }
    // Every application/json example of the operation's 200 or 201 response, `$ref`s resolved.
    // Empty when the operation or its examples do not exist.
    QList<Example> responseExamples(const QString &operationId) const;

private:
    OpenApiExamples();
    QJsonValue resolve(QJsonValue value) const;

    QString m_loadError;
    QJsonObject m_components;
    QHash<QString, QJsonObject> m_operations;
};

} // namespace Mainstay::Test
