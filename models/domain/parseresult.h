#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace Mainstay {

// The outcome of parsing a payload: a complete value, or an error naming the field and what was
// wrong with it. A failed parse never hands out a partially filled object.
template<class T>
class ParseResult
{
public:
    ParseResult(T value)
        : m_value(std::move(value))
    {}
    static ParseResult failure(QString error)
    {
        ParseResult result;
        result.m_error = std::move(error);
        return result;
    }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const QString &error() const { return m_error; }

private:
    ParseResult() = default;
    std::optional<T> m_value;
    QString m_error;
};

} // namespace Mainstay
