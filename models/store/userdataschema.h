#pragma once

#include "schema.h"

namespace Mainstay {

// userdata.sqlite: what only this machine knows (drafts, their saved versions, the outbox of
// writes not yet confirmed by GitHub). Never dropped when the cache is rebuilt; an unreadable
// file is moved aside (never deleted) and the user is told.
//
// outbox.id and draft_versions.id are AUTOINCREMENT so an id is never reused, even after rows
// are removed: an outbox id can be written into a GitHub comment as its idempotency marker.
//
// A new version appends a SchemaMigration and a fixture tests/store/fixtures/userdata-v<N>.sql
// of the version it replaces; existing steps never change.
const Schema &userDataSchema();

} // namespace Mainstay
