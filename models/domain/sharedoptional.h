#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace Mainstay {

// An optional value held behind a shared pointer: the same interface as std::optional for the
// uses here, but 16 bytes however large T is, and copies share one T. Items of a 100,000-item
// list mostly have no milestone, or one of a handful; an inline std::optional<Milestone> cost
// ~90 bytes an item. Mutation through emplace() or assignment replaces the shared value; a
// shared T is never changed in place.
template<class T>
class SharedOptional
{
public:
    SharedOptional() = default;
    SharedOptional(std::nullopt_t) {}
    SharedOptional(const T &value)
        : m_value(std::make_shared<const T>(value))
    {}
    SharedOptional(T &&value)
        : m_value(std::make_shared<const T>(std::move(value)))
    {}

    SharedOptional(const std::optional<T> &value)
    {
        if (value)
            m_value = std::make_shared<const T>(*value);
    }
    SharedOptional &operator=(const std::optional<T> &value)
    {
        *this = SharedOptional(value);
        return *this;
    }

    SharedOptional &operator=(std::nullopt_t)
    {
        m_value.reset();
        return *this;
    }
    SharedOptional &operator=(const T &value)
    {
        m_value = std::make_shared<const T>(value);
        return *this;
    }

    bool has_value() const { return m_value != nullptr; }
    explicit operator bool() const { return has_value(); }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return m_value.get(); }
    const T &value() const { return *m_value; }
    void reset() { m_value.reset(); }
    // A fresh value to fill in; it is not shared with anything yet.
    T &emplace()
    {
        auto fresh = std::make_shared<T>();
        T &ref = *fresh;
        m_value = std::move(fresh);
        return ref;
    }
    // Shares `other`'s value (the store hands out one Milestone to every item that has it).
    void share(const SharedOptional &other) { m_value = other.m_value; }

    bool operator==(const SharedOptional &other) const
    {
        if (m_value == other.m_value)
            return true;
        return m_value && other.m_value && *m_value == *other.m_value;
    }

private:
    std::shared_ptr<const T> m_value;
};

} // namespace Mainstay
