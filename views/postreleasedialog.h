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

// "Close pending-release issues…" after a release is published: lists every open issue with the
// pending-release label (all pages), previews the comment (editable, rendered beside it), then
// runs PostReleaseBatch — comment, remove the label, close — with a progress bar. The batch is
// resumable: a failure stops it with the reason, "Resume" goes on and never comments twice.
class PostReleaseDialog : public QDialog
{
    Q_OBJECT
public:
    // The batch is not owned (the page keeps it so closing the dialog does not stop it).
    PostReleaseDialog(PostReleaseBatch *batch, const QString &repository, const QUrl &webUrl,
                      QWidget *parent = nullptr);

    QPushButton *runButton() const { return m_run; }
    QTreeWidget *issueList() const { return m_list; }
    QPlainTextEdit *commentEditor() const { return m_comment; }

private:
    void refresh();
    void refreshItem(int index);
    void updatePreview();

    PostReleaseBatch *m_batch;
    QString m_repository;
    QUrl m_webUrl;
    QLabel *m_status;
    QPlainTextEdit *m_comment;
    NotesPreview *m_preview;
    QTreeWidget *m_list;
    QProgressBar *m_progress;
    QPushButton *m_run;
    bool m_loadFailed = false;
};

} // namespace Mainstay
