#include "postreleasedialog.h"

#include "markdownrenderer.h"
#include "notespreview.h"
#include "postreleasebatch.h"
#include "postreleasejournal.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

QString stepText(const PostReleaseBatch::Item &item)
{
    if (!item.error.isEmpty())
        return PostReleaseDialog::tr("Failed: %1").arg(item.error);
    switch (item.step) {
    case PostReleaseBatch::Step::Pending:
        return item.alreadyCommented ? PostReleaseDialog::tr("Waiting (already told)")
                                     : PostReleaseDialog::tr("Waiting");
    case PostReleaseBatch::Step::Commented:
        return PostReleaseDialog::tr("Commented");
    case PostReleaseBatch::Step::LabelRemoved:
        return PostReleaseDialog::tr("Label removed");
    case PostReleaseBatch::Step::Closed:
        return PostReleaseDialog::tr("Done");
    case PostReleaseBatch::Step::Skipped:
        return PostReleaseDialog::tr("Skipped (already closed)");
    }
    return {};
}

} // namespace

PostReleaseDialog::PostReleaseDialog(PostReleaseBatch *batch, const QString &repository,
                                     const QUrl &webUrl, UserDataDatabase *userData,
                                     QWidget *parent)
    : QDialog(parent)
    , m_batch(batch)
    , m_repository(repository)
    , m_webUrl(webUrl)
    , m_journal(PostReleaseJournal::of(batch, userData))
    , m_status(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_comment(new QPlainTextEdit(this))
    , m_preview(new NotesPreview(this))
    , m_list(new QTreeWidget(this))
    , m_progress(new QProgressBar(this))
    , m_run(new QPushButton(tr("Comment and close"), this))
{
    setObjectName(QStringLiteral("postReleaseDialog"));
    setWindowTitle(tr("Close pending-release issues"));
    resize(900, 600);
    m_status->setObjectName(QStringLiteral("postReleaseStatus"));
    m_status->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("postReleaseNotice"));
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(6);
    m_notice->hide();
    m_comment->setObjectName(QStringLiteral("postReleaseComment"));
    m_comment->setMaximumHeight(110);
    m_preview->setMaximumHeight(110);
    m_list->setObjectName(QStringLiteral("postReleaseIssues"));
    m_list->setHeaderLabels({tr("Issue"), tr("Title"), tr("Status")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_run->setObjectName(QStringLiteral("postReleaseRun"));
    m_run->setDefault(true);

    auto *commentRow = new QSplitter(this);
    commentRow->addWidget(m_comment);
    commentRow->addWidget(m_preview);
    // Its panes stop at 110 px: the list below gets the rest instead of an empty band.
    commentRow->setMaximumHeight(110);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Comment posted on each issue (preview on the right):"), this));
    layout->addWidget(commentRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_comment, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_comment->isReadOnly())
            m_batch->setCommentText(m_comment->toPlainText());
        updatePreview();
    });
    connect(m_run, &QPushButton::clicked, this, [this] {
        m_run->setEnabled(false);
        if (m_loadFailed) {
            m_loadFailed = false;
            m_run->setText(tr("Comment and close"));
            m_status->setText(tr("Listing the open issues labelled pending-release…"));
            m_batch->load();
            return;
        }
        m_comment->setReadOnly(true);
        m_status->setText(tr("Sending through the outbox…"));
        if (m_journal)
            m_journal->save(); // the comment as it will be sent, before the first write
        m_batch->run();
    });
    if (m_journal)
        connect(m_journal, &PostReleaseJournal::saveFailed, this, &PostReleaseDialog::showNotice);
    connect(batch, &PostReleaseBatch::loaded, this, &PostReleaseDialog::refresh);
    connect(batch, &PostReleaseBatch::loadFailed, this, [this](const QString &message) {
        m_status->setText(tr("The issues could not be listed: %1").arg(message));
        m_loadFailed = true;
        m_run->setText(tr("Try again"));
        m_run->setEnabled(true);
    });
    connect(batch, &PostReleaseBatch::itemChanged, this, &PostReleaseDialog::refreshItem);
    connect(batch, &PostReleaseBatch::finished, this, [this] {
        refresh();
        m_status->setText(tr("All %1 issues are done.").arg(m_batch->items().size()));
        m_run->setEnabled(false);
    });
    connect(batch, &PostReleaseBatch::failed, this, [this](const QString &message) {
        refresh();
        m_status->setText(tr("Stopped: %1. Nothing is said twice when you resume.").arg(message));
        m_run->setText(tr("Resume"));
        m_run->setEnabled(true);
    });

    // A batch that has listed nothing in this session (a fresh start of the app): where it
    // stopped last time, if it was recorded.
    PostReleaseJournal::Restore restored = PostReleaseJournal::Restore::Nothing;
    QString reason;
    if (m_journal && !batch->isLoading() && !batch->isRunning() && batch->items().isEmpty())
        restored = m_journal->restore(&reason);
    m_comment->setPlainText(batch->commentText());
    updatePreview();
    if (restored == PostReleaseJournal::Restore::Unreadable)
        showNotice(tr("The saved progress of %1 could not be read (%2). It is kept aside; the "
                      "issues are listed afresh from GitHub, and none already told about %1 is "
                      "told again.")
                       .arg(batch->tag(), reason));
    if (batch->isRunning()) {
        refresh();
        m_comment->setReadOnly(true);
        m_run->setEnabled(false);
        m_status->setText(tr("Sending through the outbox…"));
    } else if (batch->isLoading() || batch->items().isEmpty()) {
        m_status->setText(tr("Listing the open issues labelled pending-release…"));
        m_run->setEnabled(false);
        if (!batch->isLoading())
            batch->load();
    } else {
        refresh();
        const int done = m_batch->doneCount();
        if (restored == PostReleaseJournal::Restore::Restored && done < batch->items().size() &&
            hasStarted())
            m_status->setText(tr("Restored where it stopped last time: %1 of %2 done. Resume "
                                 "looks each remaining issue up on GitHub first, so none is told "
                                 "twice.")
                                  .arg(done)
                                  .arg(batch->items().size()));
    }
}

void PostReleaseDialog::showNotice(const QString &text)
{
    m_notice->setText(m_notice->isHidden() || m_notice->text().isEmpty()
                          ? text
                          : m_notice->text() + QLatin1Char('\n') + text);
    m_notice->show();
}

bool PostReleaseDialog::hasStarted() const
{
    for (const PostReleaseBatch::Item &item : m_batch->items())
        if (item.step == PostReleaseBatch::Step::Commented ||
            item.step == PostReleaseBatch::Step::LabelRemoved ||
            item.step == PostReleaseBatch::Step::Closed || !item.error.isEmpty())
            return true;
    return false;
}

void PostReleaseDialog::updatePreview()
{
    MarkdownOptions options;
    options.repository = m_repository;
    options.webUrl = m_webUrl;
    m_preview->setRenderedHtml(MarkdownRenderer::render(m_comment->toPlainText(), options).html);
}

void PostReleaseDialog::refresh()
{
    const auto &items = m_batch->items();
    m_list->clear();
    for (const PostReleaseBatch::Item &item : items) {
        auto *row = new QTreeWidgetItem(m_list);
        row->setText(0, QStringLiteral("#%1").arg(item.number));
        row->setText(1, item.title);
        row->setToolTip(1, item.url);
        row->setText(2, stepText(item));
    }
    const int done = m_batch->doneCount();
    m_progress->setRange(0, std::max<int>(1, int(items.size())));
    m_progress->setValue(items.isEmpty() ? 1 : done);
    m_progress->setFormat(tr("%1 of %2 done").arg(done).arg(items.size()));
    if (m_batch->isRunning())
        return;
    if (items.isEmpty()) {
        m_status->setText(tr("No open issue carries the pending-release label: nothing to do."));
        m_run->setEnabled(false);
    } else if (done == items.size()) {
        m_status->setText(tr("All %1 issues are done.").arg(items.size()));
        m_run->setEnabled(false);
    } else if (hasStarted()) {
        // Part of the batch went out: the rest gets the same comment.
        m_comment->setReadOnly(true);
        m_status->setText(tr("%1 of %2 issues are done; %3 are left. Resume looks each one up "
                             "on GitHub first, so none is told twice.")
                              .arg(done)
                              .arg(items.size())
                              .arg(items.size() - done));
        m_run->setText(tr("Resume"));
        m_run->setEnabled(true);
    } else {
        m_status->setText(tr("%1 open issues are waiting for this release. Each gets the comment "
                             "below (unless it already has one naming the version), loses the "
                             "label and is closed.")
                              .arg(items.size() - done));
        m_run->setEnabled(true);
    }
}

void PostReleaseDialog::refreshItem(int index)
{
    if (index < 0 || index >= m_batch->items().size())
        return;
    if (QTreeWidgetItem *row = m_list->topLevelItem(index))
        row->setText(2, stepText(m_batch->items().at(index)));
    const int done = m_batch->doneCount();
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1 of %2 done").arg(done).arg(m_batch->items().size()));
}

} // namespace Mainstay
