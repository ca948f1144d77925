#pragma once

#include <QtGlobal>

namespace Mainstay::Bench {

// A fixed xorshift generator: the same generated items on every machine and standard library,
// so that benchmark numbers compare across runs.
class Random
{
public:
    explicit Random(quint32 seed)
        : m_state(seed)
    {}
    quint32 next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }
    int below(int bound) { return int(next() % quint32(bound)); }
    template<class List>
    const auto &pick(const List &list)
    {
        return list.at(below(int(list.size())));
    }

private:
    quint32 m_state;
};

} // namespace Mainstay::Bench
