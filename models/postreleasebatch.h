#pragma once

#include "domain/issue.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>

namespace Mainstay {

class GitHubClient;
class Outbox;

// After publishing: tell every issue labelled `pending-release` that it shipped, remove the label
// and close it — as one resumable batch through the outbox that never comments twice.
//
//   load()   lists ALL issues with the label (every page; closed ones are Skipped), then, for
//            each open one, its comments, and marks it `alreadyCommented` when a comment names
//            the version (the repository's own
//            post-release job, or an earlier run of this batch). Emits loaded().
//   run()    for each issue not done yet, in number order, enqueues: a comment (skipped when
//            already commented), the label removal, then the close — and waits for the outbox to
//            send them before the next issue. A permanent failure stops the batch (failed());
//            run() again resumes: issues are looked up again first, so nothing is said twice.
//
// The caller keeps saveState() in the workspace's user data (`setLocalValue("post-release", TAG,
// …)`) after every itemChanged(), and hands it to restoreState() after a restart: the restored
// items are looked up again before anything is sent, and writes the outbox still holds for an
// issue are waited for first, so a restart resumes without repeating. PostReleaseJournal does
// exactly that for the dialog (and the page) — see postreleasejournal.h.
//
// A saved state restoreState() refuses (another format, an unknown step, a broken item) is not
// guessed at: the caller lists afresh with load(). Before that, setIssuesToRecheck() may hand it
// the issue numbers still readable in the broken state; load() looks up the ones the listing no
// longer shows (their label already removed) and keeps those that carry a comment naming the
// version as "label removed", so they still get closed — and none is commented twice, since
// load() marks every issue whose comments already name the version.
class PostReleaseBatch : public QObject
{
    Q_OBJECT
public:
    enum class Step
    {
        Pending,
        Commented,
        LabelRemoved,
        Closed, // done
        Skipped // was already closed when loaded
    };
    struct Item
    {
        int number = 0;
        QString title;
        QString url;
        bool alreadyCommented = false; // a comment naming the version exists
        Step step = Step::Pending;
        QString error;
    };

    // `tag` like v1.26.0, `releaseUrl` the release's html_url; `comment` is the text to post
    // (ReleasePolicy::postReleaseCommentFor + the link); the label is the policy's.
    PostReleaseBatch(GitHubClient *client, Outbox *outbox, const QString &repository,
                     const QString &label, const QString &tag, const QString &releaseUrl,
                     QObject *parent = nullptr);
    ~PostReleaseBatch() override;

    // "This is now released under [v1.26.0](URL) version!" unless setCommentText() was called.
    QString commentText() const { return m_comment; }
    void setCommentText(const QString &text) { m_comment = text; }
    static QString defaultComment(const QString &tag, const QString &releaseUrl);

    void load();
    void run();
    // What saveState() writes carries "format": StateFormat; restoreState() refuses other
    // formats, another tag, items without a positive number, twice the same number or an
    // unknown step (why in `error`), and then changes nothing.
    static constexpr int StateFormat = 1;
    QJsonObject saveState() const;
    bool restoreState(const QJsonObject &state, QString *error = nullptr);
    // The items a saved state holds, or nullopt (why in `error`) when restoreState() would
    // refuse it for a batch of its own tag.
    static std::optional<QList<Item>> itemsInState(const QJsonValue &state,
                                                   QString *error = nullptr);
    // The positive issue numbers that can still be read from a state itemsInState() refuses.
    static QList<int> issueNumbersInState(const QJsonValue &state);
    // For the next load(): issues to look up one by one when the listing does not show them.
    void setIssuesToRecheck(const QList<int> &numbers) { m_recheck = numbers; }
    QString tag() const { return m_tag; }
    bool isRunning() const { return m_running; }
    bool isLoading() const { return m_loading; }
    const QList<Item> &items() const { return m_items; }
    int doneCount() const;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);
    void itemChanged(int index);
    void finished();
    void failed(const QString &message);

private:
    void loadComments(int index, const std::function<void()> &done);
    void recheckMissing(const std::shared_ptr<QList<int>> &numbers,
                        const std::function<void()> &done);
    void loadAllComments(int index);
    void refresh(int index);
    void runNext();
    void step();
    void waitFor(qint64 entryId);
    void onEntrySent(qint64 id);
    void onEntryFailed(qint64 id, const QString &message, bool permanent);
    void stop(const QString &message);
    bool namesVersion(const QString &text) const;
    qint64 pendingEntryFor(int number) const;

    GitHubClient *m_client;
    QPointer<Outbox> m_outbox;
    QString m_repository;
    QString m_label;
    QString m_tag;
    QString m_releaseUrl;
    QString m_comment;
    QList<Item> m_items;
    QList<int> m_recheck;  // setIssuesToRecheck()
    QSet<int> m_recovered; // looked up by number in load(): kept only if already commented
    int m_current = -1;
    qint64 m_waitingFor = 0;
    bool m_refreshed = false; // the current item was looked up in this run
    bool m_needsRefresh = false;
    bool m_running = false;
    bool m_loading = false;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Mainstay
