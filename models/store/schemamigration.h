#pragma once

#include <QStringList>

namespace Mainstay {

// One step of a database file's history: the statements that take a file from `version - 1` to
// `version`. Steps are applied in order, each in its own transaction together with the new
// PRAGMA user_version, so a crash mid-upgrade leaves the file at the previous version.
struct SchemaMigration
{
    int version = 0;
    QStringList statements;
};

} // namespace Mainstay
