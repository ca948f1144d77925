#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace Mainstay {

class NotesPreview;
class PostReleaseBatch;
class PostReleaseJournal;
class UserDataDatabase;

// "Close pending-release issues…" after a release is published: lists every open issue with the
// pending-release label (all pages), previews the comment (editable, rendered beside it), then
// runs PostReleaseBatch — comment, remove the label, close — with a progress bar. The batch is
// resumable: a failure stops it with the reason, "Resume" goes on and never comments twice.
//
// Across restarts: given the workspace's user data, the dialog attaches a PostReleaseJournal to
// the batch, which records its state ("post-release", TAG) when the listing is loaded, when a
// run starts, after every item and when it finishes or stops — also after the dialog is closed,
// as long as the page keeps the batch. Opened on a batch that has listed nothing yet (a fresh
// start of the app), it restores the saved state for the tag instead of listing: the issues
// done are shown done, the comment is the one already posted (read-only once the run began),
// and "Resume" looks each remaining issue up before writing, so none is told twice. A finished
// batch is kept: opening it again shows every issue done and sends nothing. A saved state that
// cannot be read is said so above the list, kept aside, and the issues are listed afresh.
class PostReleaseDialog : public QDialog
{
    Q_OBJECT
public:
    // The batch is not owned (the page keeps it so closing the dialog does not stop it).
    // Without `userData` nothing is recorded or restored.
    PostReleaseDialog(PostReleaseBatch *batch, const QString &repository, const QUrl &webUrl,
                      UserDataDatabase *userData = nullptr, QWidget *parent = nullptr);

    QPushButton *runButton() const { return m_run; }
    QTreeWidget *issueList() const { return m_list; }
    QPlainTextEdit *commentEditor() const { return m_comment; }
    QLabel *statusLabel() const { return m_status; }
    // Problems with the saved progress (unreadable, not saved); hidden when there are none.
    QLabel *noticeLabel() const { return m_notice; }
    PostReleaseBatch *batch() const { return m_batch; }

private:
    void showNotice(const QString &text);
    bool hasStarted() const;
    void refresh();
    void refreshItem(int index);
    void updatePreview();

    PostReleaseBatch *m_batch;
    QString m_repository;
    QUrl m_webUrl;
    PostReleaseJournal *m_journal = nullptr;
    QLabel *m_status;
    QLabel *m_notice;
    QPlainTextEdit *m_comment;
    NotesPreview *m_preview;
    QTreeWidget *m_list;
    QProgressBar *m_progress;
    QPushButton *m_run;
    bool m_loadFailed = false;
};

} // namespace Mainstay
