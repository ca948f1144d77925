#pragma once

#include "jsonpath.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <optional>

namespace Mainstay::GitHubJson {

// The elements of one JSON array, with the same first-error bookkeeping as JsonReader; element
// paths read "labels[2]".
class JsonArrayReader
{
public:
    JsonArrayReader(QJsonArray array, const JsonPath &path, QString *error)
        : m_array(std::move(array))
        , m_path(path)
        , m_error(error)
    {}

    qsizetype size() const { return m_array.size(); }
    QJsonValue at(qsizetype index) const { return m_array.at(index); }
    // The element as an object; std::nullopt (with an error recorded) for anything else. The
    // reader refers to this array reader's path: keep this one alive while it is used.
    std::optional<JsonReader> objectAt(qsizetype index) const;
    // The element as a string; an empty string (with an error recorded) for anything else.
    QString stringAt(qsizetype index) const;
    // The path of an element, for readers built by hand (e.g. over a string-or-object element).
    JsonPath pathAt(qsizetype index) const { return JsonPath(&m_path, index); }

    void fail(qsizetype index, const QString &problem) const;

private:
    QJsonArray m_array;
    JsonPath m_path;
    QString *m_error;
};

} // namespace Mainstay::GitHubJson
