#pragma once

#include "schema.h"

namespace Mainstay {

// cache.sqlite: everything synced from GitHub; rebuildable, so an unreadable file is replaced.
//
// Layout decisions (version 1):
// - issues holds what the board loads at start-up and nothing else; bodies live in issue_bodies
//   and are read one at a time, because QtSql costs ~2 us a row and every byte counts at 100k.
// - users, label_refs and milestone_refs intern every distinct value once, and label_sets and
//   user_sets every distinct list of them ("3,17": refs in order); issues refer to all of these
//   by integer `ref` (NULL for none). Loading then shares one QString per distinct login or label
//   name, and one QList per distinct label set, across all items, with integer lookups per row.
// - issues.flags packs small fields: bit 0 closed, bits 1-3 state reason, bits 4-7 author
//   association, bit 8 locked, bit 9 pull request, bit 10 draft (codes from StoreCodes).
// - timestamps are INTEGER milliseconds since the epoch, NULL when unknown.
// - sync_state holds watermarks and resume cursors, written in the same transaction as the data
//   they describe.
//
// A new version appends a SchemaMigration and a fixture tests/store/fixtures/cache-v<N>.sql of
// the version it replaces; existing steps never change.
const Schema &cacheSchema();

} // namespace Mainstay
