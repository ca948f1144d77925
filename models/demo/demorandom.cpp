#include "demorandom.h"

#include <QString>

namespace Mainstay {

namespace {

quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

DemoRandom::DemoRandom(quint64 seed)
{
    quint64 state = seed;
    for (quint64 &word : m_state)
        word = splitmix64(state);
}

quint64 DemoRandom::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

quint64 DemoRandom::below(quint64 bound)
{
    if (bound == 0)
        return 0;
    // Values below `threshold` would make the low residues more likely; draw again instead.
    const quint64 threshold = (0 - bound) % bound;
    for (;;) {
        const quint64 value = next();
        if (value >= threshold)
            return value % bound;
    }
}

qint64 DemoRandom::between(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    return low + qint64(below(quint64(high - low) + 1));
}

bool DemoRandom::chance(int percent)
{
    return qint64(below(100)) < percent;
}

int DemoRandom::weighted(const QList<int> &weights)
{
    qint64 total = 0;
    for (int weight : weights)
        total += qMax(weight, 0);
    qint64 draw = qint64(below(quint64(total)));
    for (int i = 0; i < weights.size(); ++i) {
        draw -= qMax(weights[i], 0);
        if (draw < 0)
            return i;
    }
    return int(weights.size()) - 1;
}

QString DemoRandom::sha()
{
    static const char digits[] = "0123456789abcdef";
    QString out(40, u'0');
    for (int i = 0; i < 40; ++i)
        out[i] = QLatin1Char(digits[below(16)]);
    return out;
}

} // namespace Mainstay
