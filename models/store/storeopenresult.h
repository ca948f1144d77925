#pragma once

#include <QString>
#include <QStringList>

namespace Mainstay {

// What WorkspaceStore::open() did. When `ok`, the store is usable even if a notice is set.
struct StoreOpenResult
{
    bool ok = false;
    // Why the store could not be opened (only when !ok), for the user.
    QString error;
    // Something the user must be told although the store is usable, e.g. that an unreadable
    // cache was set aside; empty when all went as expected.
    QString notice;
    // The cache was unreadable and was replaced by an empty one: run a full sync.
    bool cacheReset = false;
    // The user data (drafts, outbox) was unreadable and was replaced by an empty one: show the
    // notice prominently; the old file is kept in `movedAside`.
    bool userDataReset = false;
    // Files renamed to "<name>.corrupt-<timestamp>".
    QStringList movedAside;
};

} // namespace Mainstay
