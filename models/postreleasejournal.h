#pragma once

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>

namespace Mainstay {

class PostReleaseBatch;
class UserDataDatabase;

// Keeps a PostReleaseBatch's progress in the workspace's user data, so that closing the
// pending-release issues survives a restart of the app and never comments twice.
//
// Where: local value ("post-release", TAG) = PostReleaseBatch::saveState(). It is written when
// the listing is loaded, when a run starts (save()), after every itemChanged(), and when the
// batch finishes or stops — for as long as the batch lives, whether a dialog shows it or not
// (the journal is a child of the batch).
//
// A finished batch keeps its state: opening the dialog for that tag again shows every issue done
// and sends nothing (listing afresh would tell issues labelled since, for the next release, that
// they shipped in this one). Only unfinished states are offered for resuming (unfinished()).
//
// A saved state the batch cannot read (PostReleaseBatch::itemsInState() refuses it) is never
// dropped: it is copied to ("post-release-unreadable", TAG) before anything overwrites it, the
// issue numbers still readable in it are handed to setIssuesToRecheck(), and the batch lists
// afresh — issues already told about the version are not told again.
class PostReleaseJournal : public QObject
{
    Q_OBJECT
public:
    static QString scope() { return QStringLiteral("post-release"); }
    static QString unreadableScope() { return QStringLiteral("post-release-unreadable"); }

    // The journal of `batch` in `userData`, made on first use (then returned again).
    static PostReleaseJournal *of(PostReleaseBatch *batch, UserDataDatabase *userData);

    enum class Restore
    {
        Nothing,   // no saved state for the tag: list afresh
        Restored,  // the batch holds the saved items
        Unreadable // kept aside; the batch is set up to list afresh (reason in `reason`)
    };
    // Before the batch's first load(): hands the saved state for its tag to it.
    Restore restore(QString *reason = nullptr);
    // Writes the batch's state now (nothing while the batch has no items). False (and
    // saveFailed()) when the store refused it.
    bool save();

    struct Unfinished
    {
        QString tag;
        int done = 0;
        int total = 0;
        bool readable = true; // false: opening it lists afresh (see above)
    };
    // The saved batches with issues left to do, and the unreadable ones, by tag.
    static QList<Unfinished> unfinished(const UserDataDatabase &userData);

Q_SIGNALS:
    void saveFailed(const QString &message);

private:
    PostReleaseJournal(PostReleaseBatch *batch, UserDataDatabase *userData);

    PostReleaseBatch *m_batch;
    UserDataDatabase *m_userData;
    bool m_saveFailed = false;
    bool m_saveBlocked = false; // an unreadable state could not be kept aside: never overwrite it
};

} // namespace Mainstay
