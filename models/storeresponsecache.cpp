#include "storeresponsecache.h"

#include "cachedatabase.h"

namespace Mainstay {

std::optional<ResponseCache::Entry> StoreResponseCache::lookup(const QUrl &url) const
{
    const std::optional<HttpCacheEntry> stored = m_cache->httpCacheEntry(url);
    if (!stored)
        return std::nullopt;
    return Entry{stored->etag, stored->lastModified, stored->body, stored->link};
}

void StoreResponseCache::store(const QUrl &url, const Entry &entry)
{
    m_cache->storeHttpCacheEntry(url, {entry.etag, entry.lastModified, entry.body, entry.link});
}

void StoreResponseCache::remove(const QUrl &url)
{
    m_cache->removeHttpCacheEntry(url);
}

} // namespace Mainstay
