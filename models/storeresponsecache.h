#pragma once

#include "responsecache.h"

namespace Mainstay {

class CacheDatabase;

// The client's ResponseCache kept in the workspace's cache database, so conditional requests
// survive restarts: a sync with nothing changed is answered 304 throughout. The client and the
// store do not know each other; this adapter is where they meet.
class StoreResponseCache final : public ResponseCache
{
public:
    explicit StoreResponseCache(CacheDatabase *cache)
        : m_cache(cache)
    {}

    std::optional<Entry> lookup(const QUrl &url) const override;
    void store(const QUrl &url, const Entry &entry) override;
    void remove(const QUrl &url) override;

private:
    CacheDatabase *m_cache;
};

} // namespace Mainstay
