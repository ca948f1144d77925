#include "rfcreviewpanel.h"

#include "markdownrenderer.h"
#include "outbox.h"
#include "policy.h"
#include "rfcissueformfetcher.h"
#include "workspacestore.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

constexpr int AnswerIds[] = {int(RfcReview::Answer::Yes), int(RfcReview::Answer::No),
                             int(RfcReview::Answer::Unsure)};

} // namespace

RfcReviewPanel::RfcReviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_template(new QLabel(this))
    , m_questions(new QWidget(this))
    , m_questionsLayout(new QVBoxLayout(m_questions))
    , m_previewButton(new QPushButton(tr("Preview review comment"), this))
    , m_postButton(new QPushButton(tr("Post review…"), this))
    , m_preview(new QTextBrowser(this))
    , m_notRfc(new QLabel(this))
    , m_content(new QWidget(this))
{
    setObjectName(QStringLiteral("rfcReviewPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    m_notRfc->setObjectName(QStringLiteral("rfcNotApplicable"));
    m_notRfc->setWordWrap(true);
    m_notRfc->setAlignment(Qt::AlignCenter);
    m_notRfc->setText(tr("The RFC review appears for issues labelled RFC or titled “RFC: …”."));
    outer->addWidget(m_notRfc);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(8, 8, 8, 8);
    QFont heading = m_title->font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.15);
    m_title->setFont(heading);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    m_progress->setObjectName(QStringLiteral("rfcProgress"));
    layout->addWidget(m_progress);

    m_template->setObjectName(QStringLiteral("rfcTemplateCheck"));
    m_template->setWordWrap(true);
    m_template->setTextFormat(Qt::PlainText);
    m_template->setFrameShape(QFrame::StyledPanel);
    m_template->setMargin(6);
    layout->addWidget(m_template);

    m_questionsLayout->setContentsMargins(0, 0, 0, 0);
    m_questionsLayout->setSpacing(10);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_questions);
    layout->addWidget(scroll, 3);

    auto *buttons = new QHBoxLayout;
    m_previewButton->setObjectName(QStringLiteral("rfcPreviewButton"));
    m_postButton->setObjectName(QStringLiteral("rfcPostButton"));
    m_postButton->setToolTip(tr("Queues the review as a comment on the issue (sent through the "
                                "outbox, after you confirm)"));
    buttons->addWidget(m_previewButton);
    buttons->addStretch();
    buttons->addWidget(m_postButton);
    layout->addLayout(buttons);

    m_preview->setObjectName(QStringLiteral("rfcPreview"));
    m_preview->setOpenExternalLinks(true);
    m_preview->setVisible(false);
    layout->addWidget(m_preview, 2);
    outer->addWidget(m_content);

    connect(m_previewButton, &QPushButton::clicked, this, [this] {
        if (m_preview->isVisible()) {
            m_preview->setVisible(false);
            m_previewButton->setText(tr("Preview review comment"));
        } else {
            showPreview();
        }
    });
    connect(m_postButton, &QPushButton::clicked, this, [this] { postReview(); });

    m_confirm = [this](const QString &markdown) {
        QMessageBox box(QMessageBox::Question, tr("Post RFC review"),
                        tr("Post this review as a comment on #%1?").arg(m_issue.number),
                        QMessageBox::Cancel, this);
        box.addButton(tr("Post review"), QMessageBox::AcceptRole);
        box.setDetailedText(markdown);
        return box.exec() != QMessageBox::Cancel;
    };
    m_content->setVisible(false);
}

RfcReviewPanel::~RfcReviewPanel()
{
    if (m_unsavedNotes)
        saveReview();
}

void RfcReviewPanel::setWorkspace(const WorkspaceContext &context)
{
    if (m_unsavedNotes)
        saveReview(); // into the workspace they were typed in
    const bool sameRepository = context.repository == m_context.repository;
    m_context = context;
    if (!sameRepository || !m_fetcher) {
        m_form.reset();
        m_formError.clear();
        delete m_fetcher;
        m_fetcher = nullptr;
        if (context.client && !context.repository.isEmpty()) {
            m_fetcher = new RfcIssueFormFetcher(context.client, this);
            connect(m_fetcher, &RfcIssueFormFetcher::finished, this,
                    &RfcReviewPanel::onFormFetched);
            m_fetcher->fetch(context.repository);
        }
    }
    setIssue(m_issue);
}

void RfcReviewPanel::clearWorkspace()
{
    if (m_unsavedNotes)
        saveReview();
    delete m_fetcher;
    m_fetcher = nullptr;
    m_context = WorkspaceContext();
    m_form.reset();
    m_issue = Issue();
    setIssue(m_issue);
}

void RfcReviewPanel::setIssue(const Issue &issue)
{
    if (m_unsavedNotes)
        saveReview(); // the notes typed for the issue shown until now
    m_issue = issue;
    // The issue list is loaded without bodies; the template check needs this one's.
    if (m_issue.body.isEmpty() && m_context.store && m_issue.number > 0)
        m_issue.body = m_context.store->cache().issueBody(m_issue.number);
    m_isRfc = m_issue.number > 0 && RfcReview::isRfc(m_issue);
    m_notRfc->setVisible(!m_isRfc);
    m_content->setVisible(m_isRfc);
    m_preview->setVisible(false);
    m_previewButton->setText(tr("Preview review comment"));
    const QStringList questions = m_context.policy ? m_context.policy->rfcReviewQuestions
                                                   : Policy::defaultPolicy().rfcReviewQuestions;
    m_review = m_isRfc && m_context.store
                   ? RfcReview::load(m_context.store->userData(), m_issue.number, questions)
                   : RfcReview(questions);
    m_title->setText(m_isRfc ? tr("RFC review · #%1 %2").arg(m_issue.number).arg(m_issue.title)
                             : QString());
    rebuildQuestions();
    updateTemplateCheck();
    updateSummary();
}

void RfcReviewPanel::rebuildQuestions()
{
    qDeleteAll(m_groups);
    m_groups.clear();
    m_notes.clear();
    while (QLayoutItem *item = m_questionsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_isRfc)
        return;
    const QList<RfcReview::Item> &items = m_review.items();
    for (int i = 0; i < items.size(); ++i) {
        auto *row = new QWidget(m_questions);
        row->setObjectName(QStringLiteral("rfcQuestion%1").arg(i));
        auto *rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(4);
        auto *question =
            new QLabel(QStringLiteral("%1. %2").arg(i + 1).arg(items[i].question), row);
        question->setWordWrap(true);
        question->setTextFormat(Qt::PlainText);
        rowLayout->addWidget(question);

        auto *answers = new QHBoxLayout;
        auto *group = new QButtonGroup(this);
        const QStringList names{tr("Yes"), tr("No"), tr("Unsure")};
        for (int a = 0; a < 3; ++a) {
            auto *radio = new QRadioButton(names[a], row);
            radio->setObjectName(RfcReview::answerName(RfcReview::Answer(AnswerIds[a])));
            group->addButton(radio, AnswerIds[a]);
            answers->addWidget(radio);
            if (int(items[i].answer) == AnswerIds[a])
                radio->setChecked(true);
        }
        auto *note = new QLineEdit(row);
        note->setObjectName(QStringLiteral("note"));
        note->setPlaceholderText(tr("Note (optional)"));
        note->setText(items[i].note);
        note->setClearButtonEnabled(true);
        answers->addWidget(note, 1);
        rowLayout->addLayout(answers);
        m_questionsLayout->addWidget(row);
        m_groups.append(group);
        m_notes.append(note);

        connect(group, &QButtonGroup::idClicked, this, [this, i](int) { answerChanged(i); });
        connect(note, &QLineEdit::textEdited, this,
                [this, i](const QString &text) { noteChanged(i, text); });
        // Written to disk when the note is done (Enter, focus elsewhere), not per keystroke:
        // every save is a synced transaction.
        connect(note, &QLineEdit::editingFinished, this, [this] {
            if (m_unsavedNotes)
                saveReview();
        });
    }
    m_questionsLayout->addStretch();
}

void RfcReviewPanel::answerChanged(int index)
{
    const int id = m_groups.value(index) ? m_groups[index]->checkedId() : -1;
    m_review.setAnswer(index, id < 0 ? RfcReview::Answer::Unanswered : RfcReview::Answer(id));
    saveReview();
}

void RfcReviewPanel::noteChanged(int index, const QString &note)
{
    m_review.setNote(index, note);
    m_unsavedNotes = true;
    updateSummary();
    if (m_preview->isVisible())
        showPreview();
}

void RfcReviewPanel::saveReview()
{
    m_unsavedNotes = false;
    if (m_context.store && m_isRfc && !m_review.save(m_context.store->userData(), m_issue.number))
        Q_EMIT message(tr("The review of #%1 could not be saved: %2")
                           .arg(m_issue.number)
                           .arg(m_context.store->userData().lastError()));
    updateSummary();
    if (m_preview->isVisible())
        showPreview();
}

void RfcReviewPanel::onFormFetched()
{
    if (!m_fetcher)
        return;
    if (m_fetcher->form().isValid())
        m_form = m_fetcher->form();
    else
        m_formError = m_fetcher->errorString();
    updateTemplateCheck();
    updateSummary();
    if (m_preview->isVisible())
        showPreview();
}

void RfcReviewPanel::updateTemplateCheck()
{
    m_check.reset();
    if (!m_isRfc) {
        m_template->clear();
        return;
    }
    if (m_form) {
        m_check = m_form->check(m_issue.body);
        m_template->setText(
            tr("Template check (%1): %2")
                .arg(m_form->path().section(QLatin1Char('/'), -1), m_check->summary()));
        // Amber reads in both palettes; a passed check keeps the neutral frame.
        m_template->setStyleSheet(
            m_check->passed()
                ? QStringLiteral("QLabel#rfcTemplateCheck { border: 1px solid #16a34a; "
                                 "border-left: 4px solid #16a34a; padding: 4px; }")
                : QStringLiteral("QLabel#rfcTemplateCheck { border: 1px solid #d97706; "
                                 "border-left: 4px solid #d97706; padding: 4px; }"));
    } else if (!m_formError.isEmpty()) {
        m_template->setText(tr("Template check unavailable: %1").arg(m_formError));
        m_template->setStyleSheet(QString());
    } else {
        m_template->setText(tr("Template check: reading the repository's RFC issue form…"));
        m_template->setStyleSheet(QString());
    }
}

void RfcReviewPanel::updateSummary()
{
    const int total = int(m_review.items().size());
    m_progress->setText(tr("%1 of %2 questions answered · answers are kept on this computer "
                           "until you post them")
                            .arg(m_review.answeredCount())
                            .arg(total));
    m_postButton->setEnabled(m_isRfc && m_context.outbox && !m_review.isEmpty());
}

QString RfcReviewPanel::reviewMarkdown() const
{
    return m_review.toMarkdown(m_issue.author.login, m_check);
}

void RfcReviewPanel::showPreview()
{
    MarkdownOptions options;
    options.repository = m_context.repository;
    options.webUrl = m_context.webUrl;
    m_preview->setHtml(MarkdownRenderer::render(reviewMarkdown(), options).html);
    m_preview->setVisible(true);
    m_previewButton->setText(tr("Hide preview"));
}

qint64 RfcReviewPanel::postReview()
{
    if (!m_isRfc || !m_context.outbox || m_review.isEmpty())
        return 0;
    if (m_unsavedNotes)
        saveReview();
    const QString markdown = reviewMarkdown();
    if (m_confirm && !m_confirm(markdown))
        return 0;
    const qint64 id = m_context.outbox->comment(m_issue.number, markdown);
    if (id == 0) {
        Q_EMIT message(tr("The review could not be queued for #%1.").arg(m_issue.number));
        return 0;
    }
    Q_EMIT message(
        tr("Review of #%1 queued; it is posted with the next outbox run.").arg(m_issue.number));
    Q_EMIT reviewPosted(m_issue.number, id);
    return id;
}

} // namespace Mainstay
