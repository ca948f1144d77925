#include "userdataschema.h"

namespace Mainstay {

namespace {

SchemaMigration version1()
{
    return {1,
            {
                QStringLiteral("CREATE TABLE drafts(key TEXT PRIMARY KEY, text TEXT NOT NULL, "
                               "updated_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE draft_versions(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                               "key TEXT NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL, "
                               "created_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX draft_versions_by_key ON draft_versions(key, id)"),
                QStringLiteral(
                    "CREATE TABLE outbox(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                    "created_at INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, "
                    "state TEXT NOT NULL CHECK(state IN "
                    "('queued', 'sending', 'sent', 'failed', 'cancelled')), "
                    "attempts INTEGER NOT NULL, last_error TEXT NOT NULL, result TEXT, "
                    "updated_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX outbox_by_state ON outbox(state, id)"),
            }};
}

// Local-only state the user keeps per workspace (snoozed cards, RFC review answers, saved
// filters): small JSON values in named scopes.
SchemaMigration version2()
{
    return {2,
            {
                QStringLiteral("CREATE TABLE local_values(scope TEXT NOT NULL, key TEXT NOT NULL, "
                               "value TEXT NOT NULL, updated_at INTEGER NOT NULL, "
                               "PRIMARY KEY(scope, key))"),
            }};
}

} // namespace

const Schema &userDataSchema()
{
    static const Schema schema(QStringLiteral("user data"), {version1(), version2()});
    return schema;
}

} // namespace Mainstay
