#include "openapiexamples.h"

#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Mainstay::Test {

const OpenApiExamples &OpenApiExamples::instance()
{
    static const OpenApiExamples examples;
    return examples;
}

OpenApiExamples::OpenApiExamples()
{
    const QString path = npmPackageDir(u"@octokit/openapi"_s) + u"/generated/api.github.com.json"_s;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError =
            u"cannot read %1 (run `npm ci` in tests/npm): %2"_s.arg(path, file.errorString());
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        m_loadError = u"%1 is not JSON: %2"_s.arg(path, error.errorString());
        return;
    }
    const QJsonObject root = document.object();
    m_components = root.value("components"_L1).toObject();
    const QJsonObject paths = root.value("paths"_L1).toObject();
    for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
        const QJsonObject methods = path.value().toObject();
        for (auto method = methods.constBegin(); method != methods.constEnd(); ++method) {
            const QJsonObject operation = method.value().toObject();
            const QString id = operation.value("operationId"_L1).toString();
            if (!id.isEmpty())
                m_operations.insert(id, operation);
        }
    }
}

// Follows "#/components/<section>/<name>" references (GitHub's examples nest them: an example
// whose value is itself a reference to another example).
QJsonValue OpenApiExamples::resolve(QJsonValue value) const
{
    for (int depth = 0; depth < 8; ++depth) {
        const QString ref = value.toObject().value("$ref"_L1).toString();
        if (!ref.startsWith("#/components/"_L1))
            return value;
        const QStringList parts = ref.mid(13).split(u'/');
        if (parts.size() != 2)
            return QJsonValue();
        value = m_components.value(parts[0]).toObject().value(parts[1]);
        // An examples entry wraps the document in `value`.
        if (parts[0] == "examples"_L1)
            value = value.toObject().value("value"_L1);
    }
    return QJsonValue();
}

QList<OpenApiExamples::Example> OpenApiExamples::responseExamples(const QString &operationId) const
{
    QList<Example> result;
    const QJsonObject responses = m_operations.value(operationId).value("responses"_L1).toObject();
    for (const QLatin1StringView status : {"200"_L1, "201"_L1}) {
        QJsonValue response = responses.value(status);
        if (response.isUndefined())
            continue;
        if (response.toObject().contains("$ref"_L1)) {
            const QString ref = response.toObject().value("$ref"_L1).toString();
            response = m_components.value("responses"_L1).toObject().value(ref.section(u'/', -1));
        }
        const QJsonObject examples = response.toObject()
                                         .value("content"_L1)
                                         .toObject()
                                         .value("application/json"_L1)
                                         .toObject()
                                         .value("examples"_L1)
                                         .toObject();
        for (auto it = examples.constBegin(); it != examples.constEnd(); ++it) {
            const QJsonObject entry = it.value().toObject();
            const QJsonValue value =
                entry.contains("$ref"_L1) ? resolve(entry) : resolve(entry.value("value"_L1));
            if (!value.isObject() && !value.isArray())
                continue;
            const QJsonDocument document =
                value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
            result.append({it.key(), value, document.toJson(QJsonDocument::Indented)});
        }
    }
    return result;
}

} // namespace Mainstay::Test
