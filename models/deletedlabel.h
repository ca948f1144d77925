#pragma once

#include "issue.h"

#include <QList>
#include <QString>

namespace Mainstay {

class CacheDatabase;

// After GitHub deleted a repository label (an outbox delete-label entry was sent), the cache
// still has it: GitHub does not mark the items it came off as updated, so an incremental sync
// would never bring them back without it. These keep the cache and the lists in step.
namespace DeletedLabel {

// The numbers of the items carrying `name` (any case).
QList<int> itemsCarrying(const QList<Issue> &items, const QString &name);

// Removes `name` (any case) from the cached label list and from every cached item carrying it
// (bodies kept); returns the numbers of the items changed. `ok` is false (and the list empty)
// when the cache could not be written.
QList<int> forget(CacheDatabase &cache, const QString &name, bool *ok = nullptr);

} // namespace DeletedLabel

} // namespace Mainstay
