#pragma once

#include "schema.h"

#include <QDateTime>
#include <QString>

namespace Mainstay {

// The life cycle of one SQLite file on disk, before any long-lived connection is opened on it:
// check that it is readable and ours, upgrade it, or move it aside and start a fresh one.
// Works with short-lived connections of its own; call it from the thread that will use the file.
class DatabaseFile
{
public:
    enum class Check
    {
        // The header, the length the header promises, the format version and the exact tables:
        // catches files that are not SQLite, truncated, emptied, of another schema or of a newer
        // format, without reading the data pages (milliseconds at any size).
        Structure,
        // Structure plus PRAGMA quick_check, which reads every page: also catches damage inside
        // the data (about 100 ms for a 130 MB cache with a warm page cache).
        Full,
    };
    enum class Outcome
    {
        Ready,     // the existing file is readable and at the latest version (upgraded if needed)
        Created,   // there was no file; a fresh one was created
        Recreated, // the file was unreadable: moved to `movedTo`, a fresh one was created
        TooNew,    // written by a newer version of the app; left untouched
        Failed,    // could not create or move files (disk full, permissions): see `problem`
    };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString problem; // why the file was unusable (Recreated, TooNew) or what failed
        QString movedTo; // Recreated: where the unreadable file now is
    };

    // Makes `path` a usable file at the schema's latest version. `replaceTooNew` decides whether
    // a file from a newer app version is treated as unreadable (the cache) or refused (user data).
    // `now` names the moved-aside file.
    static Result prepare(const QString &path, const Schema &schema, const QDateTime &now,
                          bool replaceTooNew, Check check = Check::Full);

    // Why the existing file cannot be used, or an empty string when it can (in which case it has
    // been upgraded to the latest version). `tooNew` tells the "newer version" case apart.
    static QString check(const QString &path, const Schema &schema, Check check, bool *tooNew);
    // PRAGMA quick_check through a read-only connection of its own; an empty string when the file
    // is sound. Any thread; meant to run in the background while the store is in use.
    static QString verify(const QString &path);
    // Moves an unusable file aside and creates a fresh one in its place (no connection may be
    // open on it). Fills `movedTo`; false with `error` set on failure.
    static bool replace(const QString &path, const Schema &schema, const QDateTime &now,
                        QString *movedTo, QString *error);
    // A fresh file at the latest version, mode 0600. Built under a temporary name and renamed into
    // place, so a crash never leaves a half-created file where a real one is expected.
    static bool create(const QString &path, const Schema &schema, QString *error);
    // Renames the file (and its -wal / -journal, which belong to it) to
    // "<path>.corrupt-<yyyyMMddTHHmmssZ>"; returns the new path, or an empty string on failure.
    static QString moveAside(const QString &path, const QDateTime &now, QString *error);
    // chmod 0600 on the file and its -wal / -shm companions.
    static void restrictPermissions(const QString &path);
};

} // namespace Mainstay
