#include "jsonarrayreader.h"

using namespace Qt::StringLiterals;

namespace Mainstay::GitHubJson {

std::optional<JsonReader> JsonArrayReader::objectAt(qsizetype index) const
{
    const QJsonValue value = m_array.at(index);
    if (!value.isObject()) {
        fail(index, "expected an object, got "_L1 + jsonTypeName(value));
        return std::nullopt;
    }
    return JsonReader(value.toObject(), JsonPath(&m_path, index), m_error);
}

QString JsonArrayReader::stringAt(qsizetype index) const
{
    const QJsonValue value = m_array.at(index);
    if (!value.isString()) {
        fail(index, "expected a string, got "_L1 + jsonTypeName(value));
        return QString();
    }
    return value.toString();
}

void JsonArrayReader::fail(qsizetype index, const QString &problem) const
{
    if (!m_error->isEmpty())
        return;
    const JsonPath path(&m_path, index);
    *m_error = path.toString() + ": "_L1 + problem;
}

} // namespace Mainstay::GitHubJson
