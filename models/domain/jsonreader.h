#pragma once

#include "jsonpath.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <initializer_list>
#include <optional>

namespace Mainstay::GitHubJson {

class JsonArrayReader;

// "null", "boolean", "number", "string", "array" or "object", for error messages.
QLatin1StringView jsonTypeName(const QJsonValue &value);
// A string value quoted for an error message, shortened when long.
QString quotedForError(const QString &text);

// Reads the fields of one JSON object, checking each against what GitHub's OpenAPI description
// promises. A problem is recorded once, as "<path>: <what was wrong>", in an error string shared
// by every reader of the same document: the first problem is the one worth reporting, and the
// parsers only have to look at it once at the end instead of after every field.
//
// "required" accessors fail on a missing field, a null or a wrong type; "optional" ones give
// the fallback for a missing field or null (what GitHub sends for nullable and not-required
// fields) but still fail on a wrong type, which means the payload is not what we think it is.
class JsonReader
{
public:
    // `error` receives the first problem found; the reader does not own it.
    JsonReader(QJsonObject object, const JsonPath &path, QString *error)
        : m_object(std::move(object))
        , m_path(path)
        , m_error(error)
    {}

    bool ok() const { return m_error->isEmpty(); }
    const QJsonObject &object() const { return m_object; }
    const JsonPath &path() const { return m_path; }
    // True when the field is present and not null.
    bool has(QLatin1StringView key) const;

    QString requiredString(QLatin1StringView key) const;
    QString optionalString(QLatin1StringView key) const;
    qint64 requiredInt64(QLatin1StringView key) const;
    int requiredInt(QLatin1StringView key) const;
    int optionalInt(QLatin1StringView key, int fallback) const;
    qint64 optionalInt64(QLatin1StringView key, qint64 fallback) const;
    bool requiredBool(QLatin1StringView key) const;
    bool optionalBool(QLatin1StringView key, bool fallback) const;
    QDateTime requiredDateTime(QLatin1StringView key) const;
    // Invalid when missing or null.
    QDateTime optionalDateTime(QLatin1StringView key) const;
    // The index of the string value in `choices`; -1 (with an error recorded) for anything else.
    int requiredChoice(QLatin1StringView key,
                       std::initializer_list<QLatin1StringView> choices) const;

    // Nested objects. The returned reader refers to this one's path: keep this reader alive
    // (and in place) while it is used.
    std::optional<JsonReader> requiredObject(QLatin1StringView key) const;
    // std::nullopt when missing or null.
    std::optional<JsonReader> optionalObject(QLatin1StringView key) const;
    JsonArrayReader requiredArray(QLatin1StringView key) const;
    // An empty array when missing or null.
    JsonArrayReader optionalArray(QLatin1StringView key) const;

    // Calls visit(key, reader) for every member of this object, each of which must be an object:
    // for maps keyed by name, like the buckets of GET /rate_limit.
    template<class Visit>
    void forEachObjectMember(Visit &&visit) const;

    // Records a problem with a field of this object, unless an earlier one was recorded.
    void fail(QLatin1StringView key, const QString &problem) const;
    // Records a problem with this object as a whole.
    void fail(const QString &problem) const;

private:
    enum class Presence
    {
        Required,
        Optional
    };
    // The field's value when it is present and not null; records "missing" for a required one.
    std::optional<QJsonValue> lookup(QLatin1StringView key, Presence presence,
                                     QLatin1StringView expected) const;
    QString readString(QLatin1StringView key, Presence presence) const;
    std::optional<qint64> readInteger(QLatin1StringView key, Presence presence, qint64 min,
                                      qint64 max) const;
    std::optional<bool> readBool(QLatin1StringView key, Presence presence) const;
    QDateTime readDateTime(QLatin1StringView key, Presence presence) const;
    std::optional<JsonReader> readObject(QLatin1StringView key, Presence presence) const;
    JsonArrayReader readArray(QLatin1StringView key, Presence presence) const;

    QJsonObject m_object;
    JsonPath m_path;
    QString *m_error;
};

template<class Visit>
void JsonReader::forEachObjectMember(Visit &&visit) const
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd() && ok(); ++it) {
        const QString key = it.key();
        const JsonPath path(&m_path, QAnyStringView(key));
        const QJsonValue value = it.value();
        if (!value.isObject()) {
            *m_error = path.toString() + QLatin1StringView(": expected an object, got ") +
                       jsonTypeName(value);
            return;
        }
        visit(key, JsonReader(value.toObject(), path, m_error));
    }
}

} // namespace Mainstay::GitHubJson
