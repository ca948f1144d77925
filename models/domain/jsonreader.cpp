#include "jsonreader.h"

#include "isodatetime.h"
#include "jsonarrayreader.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Mainstay::GitHubJson {

QLatin1StringView jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return "null"_L1;
    case QJsonValue::Bool:
        return "boolean"_L1;
    case QJsonValue::Double:
        return "number"_L1;
    case QJsonValue::String:
        return "string"_L1;
    case QJsonValue::Array:
        return "array"_L1;
    case QJsonValue::Object:
        return "object"_L1;
    case QJsonValue::Undefined:
        break;
    }
    return "nothing"_L1;
}

QString quotedForError(const QString &text)
{
    // Long enough to recognise the value, short enough to keep a log line readable.
    constexpr qsizetype maxLength = 60;
    if (text.size() <= maxLength)
        return u'"' + text + u'"';
    return u'"' + text.left(maxLength) + "\"..."_L1;
}

bool JsonReader::has(QLatin1StringView key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

void JsonReader::fail(QLatin1StringView key, const QString &problem) const
{
    if (!m_error->isEmpty())
        return;
    const JsonPath path(&m_path, key);
    *m_error = path.toString() + ": "_L1 + problem;
}

void JsonReader::fail(const QString &problem) const
{
    if (!m_error->isEmpty())
        return;
    *m_error = m_path.toString() + ": "_L1 + problem;
}

std::optional<QJsonValue> JsonReader::lookup(QLatin1StringView key, Presence presence,
                                             QLatin1StringView expected) const
{
    QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        if (presence == Presence::Required)
            fail(key, "missing required field, expected "_L1 + expected);
        return std::nullopt;
    }
    if (value.isNull()) {
        if (presence == Presence::Required)
            fail(key, "expected "_L1 + expected + ", got null"_L1);
        return std::nullopt;
    }
    return value;
}

QString JsonReader::readString(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = lookup(key, presence, "a string"_L1);
    if (!value)
        return QString();
    if (!value->isString()) {
        fail(key, "expected a string, got "_L1 + jsonTypeName(*value));
        return QString();
    }
    return value->toString();
}

std::optional<qint64> JsonReader::readInteger(QLatin1StringView key, Presence presence, qint64 min,
                                              qint64 max) const
{
    const std::optional<QJsonValue> value = lookup(key, presence, "an integer"_L1);
    if (!value)
        return std::nullopt;
    if (!value->isDouble()) {
        fail(key, "expected an integer, got "_L1 + jsonTypeName(*value));
        return std::nullopt;
    }
    // toInteger() only answers for whole numbers that fit; a sentinel tells the other cases
    // apart without a second lookup.
    constexpr qint64 notInteger = std::numeric_limits<qint64>::min();
    const qint64 number = value->toInteger(notInteger);
    if (number == notInteger) {
        fail(key, "expected an integer, got "_L1 + QString::number(value->toDouble()));
        return std::nullopt;
    }
    if (number < min || number > max) {
        fail(key, "integer out of range: "_L1 + QString::number(number));
        return std::nullopt;
    }
    return number;
}

std::optional<bool> JsonReader::readBool(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = lookup(key, presence, "a boolean"_L1);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        fail(key, "expected a boolean, got "_L1 + jsonTypeName(*value));
        return std::nullopt;
    }
    return value->toBool();
}

QDateTime JsonReader::readDateTime(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = lookup(key, presence, "an ISO 8601 timestamp"_L1);
    if (!value)
        return QDateTime();
    if (!value->isString()) {
        fail(key, "expected an ISO 8601 timestamp, got "_L1 + jsonTypeName(*value));
        return QDateTime();
    }
    const QString text = value->toString();
    QDateTime dateTime = parseIsoDateTime(text);
    if (!dateTime.isValid())
        fail(key, "not an ISO 8601 timestamp: "_L1 + quotedForError(text));
    return dateTime;
}

std::optional<JsonReader> JsonReader::readObject(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = lookup(key, presence, "an object"_L1);
    if (!value)
        return std::nullopt;
    if (!value->isObject()) {
        fail(key, "expected an object, got "_L1 + jsonTypeName(*value));
        return std::nullopt;
    }
    return JsonReader(value->toObject(), JsonPath(&m_path, key), m_error);
}

JsonArrayReader JsonReader::readArray(QLatin1StringView key, Presence presence) const
{
    const std::optional<QJsonValue> value = lookup(key, presence, "an array"_L1);
    if (value && !value->isArray())
        fail(key, "expected an array, got "_L1 + jsonTypeName(*value));
    return JsonArrayReader(value && value->isArray() ? value->toArray() : QJsonArray(),
                           JsonPath(&m_path, key), m_error);
}

QString JsonReader::requiredString(QLatin1StringView key) const
{
    return readString(key, Presence::Required);
}

QString JsonReader::optionalString(QLatin1StringView key) const
{
    return readString(key, Presence::Optional);
}

qint64 JsonReader::requiredInt64(QLatin1StringView key) const
{
    return readInteger(key, Presence::Required, std::numeric_limits<qint64>::min() + 1,
                       std::numeric_limits<qint64>::max())
        .value_or(0);
}

int JsonReader::requiredInt(QLatin1StringView key) const
{
    return int(readInteger(key, Presence::Required, std::numeric_limits<int>::min(),
                           std::numeric_limits<int>::max())
                   .value_or(0));
}

int JsonReader::optionalInt(QLatin1StringView key, int fallback) const
{
    return int(readInteger(key, Presence::Optional, std::numeric_limits<int>::min(),
                           std::numeric_limits<int>::max())
                   .value_or(fallback));
}

qint64 JsonReader::optionalInt64(QLatin1StringView key, qint64 fallback) const
{
    return readInteger(key, Presence::Optional, std::numeric_limits<qint64>::min() + 1,
                       std::numeric_limits<qint64>::max())
        .value_or(fallback);
}

bool JsonReader::requiredBool(QLatin1StringView key) const
{
    return readBool(key, Presence::Required).value_or(false);
}

bool JsonReader::optionalBool(QLatin1StringView key, bool fallback) const
{
    return readBool(key, Presence::Optional).value_or(fallback);
}

QDateTime JsonReader::requiredDateTime(QLatin1StringView key) const
{
    return readDateTime(key, Presence::Required);
}

QDateTime JsonReader::optionalDateTime(QLatin1StringView key) const
{
    return readDateTime(key, Presence::Optional);
}

int JsonReader::requiredChoice(QLatin1StringView key,
                               std::initializer_list<QLatin1StringView> choices) const
{
    const std::optional<QJsonValue> value = lookup(key, Presence::Required, "a string"_L1);
    if (!value)
        return -1;
    if (!value->isString()) {
        fail(key, "expected a string, got "_L1 + jsonTypeName(*value));
        return -1;
    }
    const QString text = value->toString();
    int index = 0;
    for (QLatin1StringView choice : choices) {
        if (text == choice)
            return index;
        ++index;
    }
    QString expected;
    for (QLatin1StringView choice : choices) {
        if (!expected.isEmpty())
            expected += ", "_L1;
        expected += u'"' + choice + u'"';
    }
    fail(key, "expected one of "_L1 + expected + ", got "_L1 + quotedForError(text));
    return -1;
}

std::optional<JsonReader> JsonReader::requiredObject(QLatin1StringView key) const
{
    return readObject(key, Presence::Required);
}

std::optional<JsonReader> JsonReader::optionalObject(QLatin1StringView key) const
{
    return readObject(key, Presence::Optional);
}

JsonArrayReader JsonReader::requiredArray(QLatin1StringView key) const
{
    return readArray(key, Presence::Required);
}

JsonArrayReader JsonReader::optionalArray(QLatin1StringView key) const
{
    return readArray(key, Presence::Optional);
}

} // namespace Mainstay::GitHubJson
