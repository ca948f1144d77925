#pragma once

#include "workspacepage.h"

#include "postreleasebatch.h"
#include "release.h"
#include "releasenotes.h"
#include "releasenoteschecks.h"
#include "releasenotesfetchjob.h"

#include <QPointer>
#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace Mainstay {

class DraftAutosaver;
class FindReplaceBar;
class MarkdownEditor;
class MarkdownPreviewPipeline;
class NotesChecksView;
class NotesPreview;
class PostReleaseBatch;
class PostReleaseDialog;
class RegenerateConflictsView;
class ReleaseNotesFetchJob;
class Scheduler;
struct MarkdownResult;
struct OutboxEntry;

// The release-notes editor (issue 6). Left: the releases (drafts and published, newest first,
// from the cache) and local drafts, with "New release notes". Right: title / tag / target /
// pre-release above a Markdown editor (line numbers, soft wrap, highlighting, find / replace)
// with the live preview beside it, and the pre-publish checks and regeneration conflicts under
// both. The text is saved to the workspace's drafts as the user types and restored after a
// crash; "Versions…" keeps and restores named versions. Generate / Regenerate fill the notes
// from the merged pull requests, keeping human edits. Writes (draft on GitHub, update, publish)
// go through the outbox after a confirmation; after publishing, "Close pending-release issues…"
// runs the post-release batch. Its progress is recorded in the workspace (PostReleaseJournal):
// after a restart, a batch left unfinished is offered above the fields ("Resume…"), and the
// button of its release reads "Resume closing pending-release issues…".
class NotesPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit NotesPage(QWidget *parent = nullptr);
    ~NotesPage() override;

    // Waiting (preview debounce, autosave, checks) goes through this; call before
    // setWorkspace(). Defaults to real timers.
    void setScheduler(Scheduler *scheduler);
    // Asked before every write to GitHub; defaults to a dialog. Tests answer it themselves.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    void setWorkspace(const WorkspaceContext &context) override;
    void clearWorkspace() override;
    void syncFinished(bool ok) override;
    void activated() override;
    void focusFilter() override;
    QList<HelpOverlay::Entry> helpEntries() const override;

    // --- what the page shows and does (also for tests)
    void openRelease(qint64 releaseId);
    void openNew();
    // The draft key of what is open: "release-notes/<release id>" or "release-notes/new".
    QString draftKey() const { return m_key; }
    static QString draftKeyFor(qint64 releaseId);
    const Release &openedRelease() const { return m_release; }

    void generate();
    void saveVersion(const QString &label);
    void showVersions();
    // "Save as draft on GitHub" (new notes) or "Update draft"/"Update release" (a release).
    bool saveToGitHub();
    bool publish();
    // Opens the post-release dialog for the open published release (window-modal, not
    // blocking): restored where it stopped when the workspace recorded a batch for its tag.
    void closePendingIssues();
    // Opens the published release with `tag` and its post-release dialog (what the resume
    // notice's link does). False, with a message, when the cache has no such release.
    bool resumePostRelease(const QString &tag);
    void runChecksNow();
    void applyFix(const NotesCheck &check);
    void setRemoteImagesAllowed(bool allowed);

    MarkdownEditor *editor() const { return m_editor; }
    // Notes up to this long are previewed on the GUI thread when opened (a few ms); longer ones
    // on the preview's worker.
    static constexpr qsizetype SyncPreviewChars = 16 * 1024;
    NotesPreview *preview() const { return m_preview; }
    MarkdownPreviewPipeline *pipeline() const { return m_pipeline; }
    FindReplaceBar *findBar() const { return m_findBar; }
    NotesChecksView *checksView() const { return m_checks; }
    RegenerateConflictsView *conflictsView() const { return m_conflicts; }
    QListWidget *releaseList() const { return m_list; }
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *tagEdit() const { return m_tag; }
    QLineEdit *targetEdit() const { return m_target; }
    QCheckBox *prereleaseBox() const { return m_prerelease; }
    DraftAutosaver *autosaver() const { return m_autosaver; }
    PostReleaseBatch *postReleaseBatch() const { return m_batch; }
    PostReleaseDialog *postReleaseDialog() const;
    // Above the fields when a batch recorded in the workspace was left unfinished (an app
    // restart, a failure): names the tag and links to resumePostRelease().
    QLabel *resumeNotice() const { return m_resumeNotice; }
    // The outbox entry of the write in flight (0 when none).
    qint64 pendingEntry() const { return m_pendingEntry; }

Q_SIGNALS:
    // A generation finished (ok) or failed (the reason is also shown as a message).
    void generated(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void attachHighlighter();
    void updatePipelineLayout();
    void previewLayoutChanged();
    void previewImageArrived(const QUrl &url);
    void connectAutosaver();
    void reloadList();
    void openKey(const QString &key, const Release &release);
    void loadText(const QString &text);
    void textEdited();
    void fieldsEdited();
    void saveMeta();
    void scheduleChecks();
    void onRendered(const MarkdownResult &result);
    void syncPreviewScroll();
    void updateState();
    void updateResumeOffer();
    void fetchInput(bool thenGenerate);
    void fetchFinished(ReleaseNotesFetchJob *job, bool thenGenerate);
    void onEntrySent(const OutboxEntry &entry);
    void onEntryFailed(const OutboxEntry &entry, const QString &message, bool permanent);
    Release releaseFromFields(bool draft) const;
    NotesCheckInput checkInput() const;
    bool confirm(const QString &title, const QString &text);
    Scheduler *scheduler() const;

    Scheduler *m_scheduler = nullptr;
    Confirm m_confirm;

    // UI
    QListWidget *m_list;
    QPushButton *m_newButton;
    QLineEdit *m_title;
    QLineEdit *m_tag;
    QLineEdit *m_target;
    QCheckBox *m_prerelease;
    QLabel *m_stateLabel;
    QLabel *m_savedLabel;
    QPushButton *m_generateButton;
    QPushButton *m_versionsButton;
    QPushButton *m_saveButton;
    QPushButton *m_publishButton;
    QPushButton *m_closeIssuesButton;
    QLabel *m_resumeNotice;
    QToolButton *m_imagesButton;
    MarkdownEditor *m_editor;
    FindReplaceBar *m_findBar;
    NotesPreview *m_preview;
    QLabel *m_imagesNotice;
    QTabWidget *m_tabs;
    NotesChecksView *m_checks;
    RegenerateConflictsView *m_conflicts;
    QSplitter *m_outerSplitter;
    QSplitter *m_editorSplitter;
    QSplitter *m_verticalSplitter;

    // State
    MarkdownPreviewPipeline *m_pipeline;
    DraftAutosaver *m_autosaver;
    QString m_key;
    Release m_release; // id 0 for new notes
    bool m_loading = false;
    bool m_generateRequested = false; // the fetch in flight is for Generate, not the checks
    bool m_synced = false;            // the workspace's first sync finished
    quint64 m_checksGeneration = 0;
    QPointer<ReleaseNotesFetchJob> m_fetch;
    std::optional<NotesInput> m_input;
    std::optional<NotesConfig> m_config;
    std::optional<GeneratedNotes> m_generated;
    qint64 m_pendingEntry = 0;
    bool m_pendingPublish = false;
    QPointer<PostReleaseBatch> m_batch;
    QPointer<PostReleaseDialog> m_postReleaseDialog;
    QPointer<QObject> m_highlighter;
    QString m_batchTag;
    QList<QMetaObject::Connection> m_outboxConnections;
};

} // namespace Mainstay
