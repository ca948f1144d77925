#pragma once

#include <QList>
#include <QtGlobal>

namespace Mainstay {

// A small deterministic random source (xoshiro256**, seeded through splitmix64) with its own
// range mapping, so that a seed gives the same sequence on every compiler and standard library:
// std::uniform_*_distribution are implementation-defined and would not.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed);

    quint64 next();
    // Uniform in [0, bound); 0 when bound is 0. Unbiased (rejection sampling).
    quint64 below(quint64 bound);
    // Uniform in [low, high], both included; low when high < low.
    qint64 between(qint64 low, qint64 high);
    // True with the given probability in percent.
    bool chance(int percent);
    // An index chosen with the given integer weights (at least one positive).
    int weighted(const QList<int> &weights);

    template<class T>
    const T &pick(const QList<T> &items)
    {
        return items[qsizetype(below(quint64(items.size())))];
    }
    // 40 lowercase hex digits, for commit shas.
    QString sha();

private:
    quint64 m_state[4];
};

} // namespace Mainstay
