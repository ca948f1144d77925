#pragma once

#include "issue.h"
#include "rfcissueform.h"
#include "rfcreview.h"
#include "workspacecontext.h"

#include <QWidget>

#include <functional>
#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace Mainstay {

class RfcIssueFormFetcher;

// The RFC review checklist for the board's detail pane: the policy's review questions, each with
// a yes / no / unsure answer and a note (kept locally per issue as the maintainer clicks, see
// RfcReview), the automatic check of the body against the repository's RFC issue form, a
// Markdown preview of the review comment, and "Post review…", which asks for confirmation and
// queues the comment in the outbox.
//
// setWorkspace() once per workspace, then setIssue() for every selected issue; an issue that is
// not an RFC (RfcReview::isRfc) shows a short note instead of the checklist. The form is read
// from GitHub once per workspace (in the background) and then checked against each issue.
//
// Signals: reviewPosted(number, outboxId) after the comment was queued;
// message(text) with a sentence for the status bar.
class RfcReviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RfcReviewPanel(QWidget *parent = nullptr);
    ~RfcReviewPanel() override;

    void setWorkspace(const WorkspaceContext &context);
    void clearWorkspace();
    void setIssue(const Issue &issue);

    // Whether the panel has something to show for `issue`.
    static bool appliesTo(const Issue &issue) { return RfcReview::isRfc(issue); }

    const RfcReview &review() const { return m_review; }
    // The template check of the current issue, once the form is known.
    std::optional<RfcIssueForm::Check> templateCheck() const { return m_check; }
    // The comment "Post review" would queue.
    QString reviewMarkdown() const;

    // Asked before posting, with the comment; the default shows a QMessageBox. Tests replace it.
    using Confirmation = std::function<bool(const QString &markdown)>;
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }

public Q_SLOTS:
    void showPreview();
    // Confirms, then queues the comment; returns the outbox id (0: not posted).
    qint64 postReview();

Q_SIGNALS:
    void reviewPosted(int number, qint64 outboxId);
    void message(const QString &text);

private:
    void rebuildQuestions();
    void answerChanged(int index);
    void noteChanged(int index, const QString &note);
    void saveReview();
    void updateTemplateCheck();
    void updateSummary();
    void onFormFetched();

    WorkspaceContext m_context;
    Issue m_issue;
    bool m_isRfc = false;
    RfcReview m_review;
    std::optional<RfcIssueForm> m_form; // the repository's RFC form, once read
    QString m_formError;
    std::optional<RfcIssueForm::Check> m_check;
    RfcIssueFormFetcher *m_fetcher = nullptr;
    Confirmation m_confirm;
    bool m_unsavedNotes = false;

    QLabel *m_title;
    QLabel *m_progress;
    QLabel *m_template;
    QWidget *m_questions;
    QVBoxLayout *m_questionsLayout;
    QList<QButtonGroup *> m_groups;
    QList<QLineEdit *> m_notes;
    QPushButton *m_previewButton;
    QPushButton *m_postButton;
    QTextBrowser *m_preview;
    QLabel *m_notRfc;
    QWidget *m_content;
};

} // namespace Mainstay
