#pragma once

#include <QString>

// A deterministic, realistic workspace for the benchmarks: titles of ~60 characters, 1-4 labels
// from a vocabulary of 40 (a few common, a long tail), authors among 2,000 logins, bodies of
// ~1 KB, 20 % pull requests, 60 % closed.
namespace Mainstay::Bench {

constexpr int ItemCount = 100'000;
QString repository();
// Writes `count` items into the cache of repository() under `dataDir`; returns how many distinct
// label sets they use.
qsizetype writeWorkspace(const QString &dataDir, int count = ItemCount);

} // namespace Mainstay::Bench
