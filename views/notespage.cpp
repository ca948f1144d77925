#include "notespage.h"

#include "draftautosaver.h"
#include "draftversionsdialog.h"
#include "findreplacebar.h"
#include "githubjson.h"
#include "markdowneditor.h"
#include "markdownpreviewpipeline.h"
#include "markdownrenderer.h"
#include "noteschecksview.h"
#include "notespreview.h"
#include "outbox.h"
#include "outboxkind.h"
#include "policy.h"
#include "postreleasebatch.h"
#include "postreleasedialog.h"
#include "postreleasejournal.h"
#include "releasenotesfetchjob.h"
#include "scheduler.h"
#include "workspacestore.h"

#if __has_include("markdownhighlighter.h")
#include "markdownhighlighter.h"
#define MAINSTAY_NOTES_HIGHLIGHTER 1
#endif

#include <QApplication>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

const QString DraftPrefix = QStringLiteral("release-notes/");
const QString NewKey = QStringLiteral("release-notes/new");
const QString MetaScope = QStringLiteral("release-notes");
const QString LastOpenKey = QStringLiteral("last-open");
constexpr qint64 ChecksDelayMs = 300;

enum Role
{
    KeyRole = Qt::UserRole + 1,
    ReleaseIdRole,
    SubtitleRole,
    BadgeRole,
};

// Two lines per release: the title, then "tag · state · date"; a badge on the right.
class ReleaseItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        const QFontMetrics fm(option.font);
        return {200, fm.height() * 2 + 14};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        opt.text.clear();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette &pal = opt.palette;
        const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dim = selected ? text : pal.color(QPalette::PlaceholderText);
        const QRect r = opt.rect.adjusted(10, 6, -8, -6);
        const QFontMetrics fm(opt.font);

        const QString badge = index.data(BadgeRole).toString();
        int badgeWidth = 0;
        if (!badge.isEmpty()) {
            QFont small = opt.font;
            small.setPointSizeF(opt.font.pointSizeF() * 0.85);
            const QFontMetrics sfm(small);
            badgeWidth = sfm.horizontalAdvance(badge) + 12;
            const QRect box(r.right() - badgeWidth, r.top() + 1, badgeWidth, sfm.height() + 2);
            const bool dark = pal.color(QPalette::Base).lightness() < 128;
            QColor fill;
            if (badge == QObject::tr("Draft"))
                fill = dark ? QColor(0x6e, 0x76, 0x81) : QColor(0x6e, 0x77, 0x81);
            else if (badge == QObject::tr("Pre-release"))
                fill = dark ? QColor(0x9e, 0x6a, 0x03) : QColor(0xbf, 0x87, 0x00);
            else if (badge == QObject::tr("Local"))
                fill = dark ? QColor(0x1f, 0x6f, 0xeb) : QColor(0x09, 0x69, 0xda);
            else
                fill = dark ? QColor(0x23, 0x86, 0x36) : QColor(0x1a, 0x7f, 0x37);
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(box, box.height() / 2.0, box.height() / 2.0);
            painter->setPen(Qt::white);
            painter->setFont(small);
            painter->drawText(box, Qt::AlignCenter, badge);
            painter->restore();
        }

        QFont bold = opt.font;
        bold.setBold(true);
        painter->save();
        painter->setFont(bold);
        painter->setPen(text);
        const QRect titleRect(r.left(), r.top(), r.width() - badgeWidth - 6, fm.height());
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(index.data(Qt::DisplayRole).toString(),
                                                        Qt::ElideRight, titleRect.width()));
        painter->setFont(opt.font);
        painter->setPen(dim);
        const QRect subRect(r.left(), r.top() + fm.height() + 2, r.width(), fm.height());
        painter->drawText(
            subRect, Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(index.data(SubtitleRole).toString(), Qt::ElideRight, subRect.width()));
        painter->restore();
    }
};

QString relativeDate(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const qint64 days = when.daysTo(now);
    if (days <= 0)
        return NotesPage::tr("today");
    if (days == 1)
        return NotesPage::tr("yesterday");
    if (days < 45)
        return NotesPage::tr("%1 days ago").arg(days);
    return QLocale().toString(when.date(), QLocale::ShortFormat);
}

} // namespace

NotesPage::NotesPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_pipeline(new MarkdownPreviewPipeline(nullptr, this))
    , m_autosaver(new DraftAutosaver(nullptr, nullptr, this))
{
    setObjectName(QStringLiteral("notesPage"));
    buildUi();
    updatePipelineLayout();
    connect(m_pipeline, &MarkdownPreviewPipeline::rendered, this, &NotesPage::onRendered);
    connectAutosaver();
    attachHighlighter();
    updateState();
}

void NotesPage::updatePipelineLayout()
{
    const MarkdownPreviewPipeline::DocumentLayout layout = m_preview->layoutForPipeline();
    const bool changed = !layout.sameGeometry(m_pipeline->documentLayout());
    m_pipeline->setDocumentLayout(layout);
    // What is shown was laid out for another width or font (or none yet): lay it out again.
    if (changed && !m_pipeline->text().isEmpty() && !m_pipeline->isStale())
        m_pipeline->renderNow();
}

void NotesPage::previewLayoutChanged()
{
    // Resized or a new font: the pipeline lays every segment out again at the new width (a
    // render in flight finishes first; a drag of the splitter collapses into one more render).
    updatePipelineLayout();
}

void NotesPage::previewImageArrived(const QUrl &url)
{
    updatePipelineLayout();
    m_pipeline->invalidateImage(url);
    m_pipeline->renderNow();
}

void NotesPage::attachHighlighter()
{
#ifdef MAINSTAY_NOTES_HIGHLIGHTER
    delete m_highlighter;
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_highlighter = attachMarkdownHighlighter(m_editor->document(), dark);
#endif
}

void NotesPage::changeEvent(QEvent *event)
{
    WorkspacePage::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        attachHighlighter();
        if (context().store) {
            MarkdownOptions options = m_pipeline->options();
#ifdef MAINSTAY_NOTES_HIGHLIGHTER
            const bool dark = palette().color(QPalette::Base).lightness() < 128;
            options.highlightCode = [dark](const QString &code, const QString &language) {
                return highlightCodeHtml(code, language, dark);
            };
#endif
            m_pipeline->setOptions(options);
            m_pipeline->renderNow();
        }
    }
}

NotesPage::~NotesPage()
{
    // A clean close keeps the last keystrokes too; a crash loses at most the autosave delay.
    m_autosaver->flush();
}

void NotesPage::setScheduler(Scheduler *scheduler)
{
    m_scheduler = scheduler;
    auto *pipeline = new MarkdownPreviewPipeline(scheduler, this);
    pipeline->setOptions(m_pipeline->options());
    pipeline->setDocumentLayout(m_pipeline->documentLayout());
    delete m_pipeline;
    m_pipeline = pipeline;
    connect(m_pipeline, &MarkdownPreviewPipeline::rendered, this, &NotesPage::onRendered);
    auto *saver = new DraftAutosaver(context().store ? &context().store->userData() : nullptr,
                                     scheduler, this);
    m_autosaver->flush();
    delete m_autosaver;
    m_autosaver = saver;
    connectAutosaver();
}

void NotesPage::connectAutosaver()
{
    connect(m_autosaver, &DraftAutosaver::saved, this, [this] {
        saveMeta();
        m_savedLabel->setText(
            tr("Saved locally %1")
                .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    });
    connect(m_autosaver, &DraftAutosaver::saveFailed, this, [this] {
        m_savedLabel->setText(tr("Not saved: the local store refused the draft"));
        Q_EMIT message(MessageBanner::Level::Error,
                       tr("The release notes could not be saved locally (the workspace's user "
                          "data file is not writable). Your text is still in the editor."));
    });
}

Scheduler *NotesPage::scheduler() const
{
    return m_scheduler ? m_scheduler : Scheduler::system();
}

void NotesPage::buildUi()
{
    // --- left: the releases
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(6);
    m_newButton = new QPushButton(tr("New release notes"), left);
    m_newButton->setObjectName(QStringLiteral("newReleaseNotes"));
    m_newButton->setToolTip(tr("Start notes for the next release from the merged pull requests"));
    auto *listTitle = new QLabel(tr("Releases"), left);
    QFont heading = listTitle->font();
    heading.setBold(true);
    listTitle->setFont(heading);
    m_list = new QListWidget(left);
    m_list->setObjectName(QStringLiteral("releaseList"));
    m_list->setItemDelegate(new ReleaseItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftLayout->addWidget(m_newButton);
    leftLayout->addWidget(listTitle);
    leftLayout->addWidget(m_list, 1);

    // --- right: fields, actions, editor | preview, checks
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(6);

    m_title = new QLineEdit(right);
    m_title->setObjectName(QStringLiteral("releaseTitle"));
    m_title->setPlaceholderText(tr("v1.2.3"));
    m_tag = new QLineEdit(right);
    m_tag->setObjectName(QStringLiteral("releaseTag"));
    m_tag->setPlaceholderText(tr("v1.2.3"));
    m_target = new QLineEdit(right);
    m_target->setObjectName(QStringLiteral("releaseTarget"));
    m_target->setPlaceholderText(tr("branch"));
    m_prerelease = new QCheckBox(tr("Pre-release"), right);
    m_prerelease->setObjectName(QStringLiteral("releasePrerelease"));
    auto *fields = new QHBoxLayout;
    fields->setSpacing(6);
    auto addField = [&](const QString &label, QWidget *field, int stretch) {
        auto *l = new QLabel(label, right);
        l->setBuddy(field);
        fields->addWidget(l);
        fields->addWidget(field, stretch);
    };
    addField(tr("&Title"), m_title, 3);
    addField(tr("T&ag"), m_tag, 2);
    addField(tr("Tar&get"), m_target, 2);
    fields->addWidget(m_prerelease);

    m_stateLabel = new QLabel(right);
    m_stateLabel->setObjectName(QStringLiteral("releaseState"));
    m_stateLabel->setOpenExternalLinks(true);
    m_stateLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_savedLabel = new QLabel(right);
    m_savedLabel->setObjectName(QStringLiteral("savedState"));
    m_savedLabel->setForegroundRole(QPalette::PlaceholderText);

    m_generateButton = new QPushButton(tr("Generate"), right);
    m_generateButton->setObjectName(QStringLiteral("generateNotes"));
    m_versionsButton = new QPushButton(tr("Versions…"), right);
    m_versionsButton->setObjectName(QStringLiteral("draftVersions"));
    m_versionsButton->setToolTip(tr("Keep the current text as a version, or restore one"));
    m_saveButton = new QPushButton(tr("Save as draft on GitHub"), right);
    m_saveButton->setObjectName(QStringLiteral("saveOnGitHub"));
    m_publishButton = new QPushButton(tr("Publish…"), right);
    m_publishButton->setObjectName(QStringLiteral("publishRelease"));
    m_closeIssuesButton = new QPushButton(tr("Close pending-release issues…"), right);
    m_closeIssuesButton->setObjectName(QStringLiteral("closePendingIssues"));
    m_imagesButton = new QToolButton(right);
    m_imagesButton->setObjectName(QStringLiteral("allowImages"));
    m_imagesButton->setText(tr("Load images"));
    m_imagesButton->setCheckable(true);
    m_imagesButton->setToolTip(tr("Fetch remote images in the preview (off: no request leaves "
                                  "this machine for them)"));
    auto *actions = new QHBoxLayout;
    actions->setSpacing(6);
    actions->addWidget(m_generateButton);
    actions->addWidget(m_versionsButton);
    actions->addWidget(m_savedLabel, 1);
    actions->addWidget(m_stateLabel);
    actions->addSpacing(12);
    actions->addWidget(m_saveButton);
    actions->addWidget(m_publishButton);
    actions->addWidget(m_closeIssuesButton);

    m_editor = new MarkdownEditor(right);
    m_editor->setPlaceholderText(tr("Write the release notes in Markdown, or press Generate to "
                                    "start from the merged pull requests."));
    m_findBar = new FindReplaceBar(m_editor, right);
    auto *editorBox = new QWidget(right);
    auto *editorLayout = new QVBoxLayout(editorBox);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_findBar);

    m_preview = new NotesPreview(right);
    // A scroll bar that came and went with the length of the notes would change the width, and
    // every segment would be laid out again.
    m_preview->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    connect(m_preview, &NotesPreview::layoutChanged, this, &NotesPage::previewLayoutChanged);
    connect(m_preview, &NotesPreview::imageArrived, this, &NotesPage::previewImageArrived);
    m_imagesNotice = new QLabel(right);
    m_imagesNotice->setObjectName(QStringLiteral("imagesNotice"));
    m_imagesNotice->setWordWrap(true);
    m_imagesNotice->hide();
    auto *previewBox = new QWidget(right);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->setSpacing(0);
    auto *noticeRow = new QHBoxLayout;
    noticeRow->setContentsMargins(6, 2, 6, 2);
    noticeRow->addWidget(m_imagesNotice, 1);
    noticeRow->addWidget(m_imagesButton);
    previewLayout->addLayout(noticeRow);
    previewLayout->addWidget(m_preview, 1);
    m_imagesButton->hide();

    m_editorSplitter = new QSplitter(Qt::Horizontal, right);
    m_editorSplitter->setObjectName(QStringLiteral("editorPreviewSplitter"));
    m_editorSplitter->addWidget(editorBox);
    m_editorSplitter->addWidget(previewBox);
    m_editorSplitter->setChildrenCollapsible(false);
    m_editorSplitter->setStretchFactor(0, 1);
    m_editorSplitter->setStretchFactor(1, 1);

    m_checks = new NotesChecksView(right);
    m_conflicts = new RegenerateConflictsView(right);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(QStringLiteral("notesPanels"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_checks, tr("Checks"));
    m_tabs->addTab(m_conflicts, tr("Conflicts"));

    m_verticalSplitter = new QSplitter(Qt::Vertical, right);
    m_verticalSplitter->addWidget(m_editorSplitter);
    m_verticalSplitter->addWidget(m_tabs);
    m_verticalSplitter->setChildrenCollapsible(false);
    m_verticalSplitter->setStretchFactor(0, 3);
    m_verticalSplitter->setStretchFactor(1, 1);

    m_resumeNotice = new QLabel(right);
    m_resumeNotice->setObjectName(QStringLiteral("postReleaseResume"));
    m_resumeNotice->setWordWrap(true);
    m_resumeNotice->setFrameShape(QFrame::StyledPanel);
    m_resumeNotice->setMargin(6);
    m_resumeNotice->setTextFormat(Qt::RichText);
    m_resumeNotice->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_resumeNotice->hide();
    rightLayout->addWidget(m_resumeNotice);
    rightLayout->addLayout(fields);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(m_verticalSplitter, 1);

    m_outerSplitter = new QSplitter(Qt::Horizontal, this);
    m_outerSplitter->addWidget(left);
    m_outerSplitter->addWidget(right);
    m_outerSplitter->setStretchFactor(0, 0);
    m_outerSplitter->setStretchFactor(1, 1);
    m_outerSplitter->setSizes({240, 1000});
    m_verticalSplitter->setSizes({520, 190});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_outerSplitter);

    // --- behaviour
    connect(m_newButton, &QPushButton::clicked, this, &NotesPage::openNew);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item || m_loading)
            return;
        const QString key = item->data(KeyRole).toString();
        if (key == m_key)
            return;
        const qint64 id = item->data(ReleaseIdRole).toLongLong();
        if (id > 0)
            openRelease(id);
        else
            openNew();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &NotesPage::textEdited);
    connect(m_editor, &MarkdownEditor::topVisibleLineChanged, this, &NotesPage::syncPreviewScroll);
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &NotesPage::syncPreviewScroll);
    for (QLineEdit *edit : {m_title, m_tag, m_target})
        connect(edit, &QLineEdit::textEdited, this, &NotesPage::fieldsEdited);
    connect(m_prerelease, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            fieldsEdited();
    });
    connect(m_generateButton, &QPushButton::clicked, this, &NotesPage::generate);
    connect(m_versionsButton, &QPushButton::clicked, this, &NotesPage::showVersions);
    connect(m_saveButton, &QPushButton::clicked, this, &NotesPage::saveToGitHub);
    connect(m_publishButton, &QPushButton::clicked, this, &NotesPage::publish);
    connect(m_closeIssuesButton, &QPushButton::clicked, this, &NotesPage::closePendingIssues);
    connect(m_resumeNotice, &QLabel::linkActivated, this, [this](const QString &link) {
        const QString prefix = QStringLiteral("resume:");
        if (link.startsWith(prefix))
            resumePostRelease(QUrl::fromPercentEncoding(link.mid(prefix.size()).toUtf8()));
    });
    connect(m_imagesButton, &QToolButton::toggled, this, &NotesPage::setRemoteImagesAllowed);
    connect(m_checks, &NotesChecksView::jumpToLine, m_editor, &MarkdownEditor::goToLine);
    connect(m_checks, &NotesChecksView::fixRequested, this, &NotesPage::applyFix);
    connect(m_conflicts, &RegenerateConflictsView::jumpToLine, m_editor, &MarkdownEditor::goToLine);
    connect(m_conflicts, &RegenerateConflictsView::useGenerated, this,
            [this](const RegenerateConflict &conflict) {
                const QTextBlock block = m_editor->document()->findBlockByNumber(conflict.line - 1);
                if (!block.isValid() || !block.text().contains(conflict.oldText.trimmed()))
                    return;
                QTextCursor cursor(block);
                cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
                QString text = block.text();
                text.replace(conflict.oldText.trimmed(), conflict.newText.trimmed());
                cursor.insertText(text);
            });

    auto *replace = new QShortcut(QKeySequence(QStringLiteral("Ctrl+H")), this);
    replace->setContext(Qt::WidgetWithChildrenShortcut);
    connect(replace, &QShortcut::activated, m_findBar, &FindReplaceBar::openReplace);
    auto *findNext = new QShortcut(QKeySequence(Qt::Key_F3), this);
    findNext->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findNext, &QShortcut::activated, m_findBar, &FindReplaceBar::findNext);
    auto *findPrevious = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this);
    findPrevious->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findPrevious, &QShortcut::activated, m_findBar, &FindReplaceBar::findPrevious);
    auto *save = new QShortcut(QKeySequence::Save, this);
    save->setContext(Qt::WidgetWithChildrenShortcut);
    connect(save, &QShortcut::activated, this, [this] {
        m_autosaver->textChanged(m_editor->toPlainText());
        m_autosaver->flush();
    });
    auto *keep = new QShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")), this);
    keep->setContext(Qt::WidgetWithChildrenShortcut);
    connect(keep, &QShortcut::activated, this, &NotesPage::showVersions);
    auto *gotoLine = new QShortcut(QKeySequence(QStringLiteral("Ctrl+L")), this);
    gotoLine->setContext(Qt::WidgetWithChildrenShortcut);
    connect(gotoLine, &QShortcut::activated, this, [this] {
        const QTextBlock block = m_editor->textCursor().block();
        m_editor->goToLine(block.blockNumber() + 1);
    });
}

QList<HelpOverlay::Entry> NotesPage::helpEntries() const
{
    const QString group = tr("Release notes");
    return {
        {tr("Ctrl+F"), tr("Find in the notes"), group},
        {tr("Ctrl+H"), tr("Find and replace"), group},
        {tr("F3 / Shift+F3"), tr("Next / previous match"), group},
        {tr("Ctrl+B / Ctrl+I"), tr("Bold / italic"), group},
        {tr("Ctrl+K"), tr("Insert a link (in the editor)"), group},
        {tr("Ctrl+Shift+C"), tr("Inline code"), group},
        {tr("Tab / Shift+Tab"), tr("Indent / outdent the selected lines"), group},
        {tr("Ctrl+S"), tr("Save the draft locally now"), group},
        {tr("Ctrl+Shift+S"), tr("Versions: keep or restore"), group},
    };
}

void NotesPage::setWorkspace(const WorkspaceContext &context)
{
    m_autosaver->flush();
    WorkspacePage::setWorkspace(context);
    m_synced = false;
    m_input.reset();
    m_config.reset();
    m_generated.reset();
    m_pendingEntry = 0;
    delete m_postReleaseDialog;
    delete m_batch;
    for (const auto &connection : std::as_const(m_outboxConnections))
        disconnect(connection);
    m_outboxConnections.clear();
    if (context.outbox) {
        m_outboxConnections << connect(context.outbox, &Outbox::entrySent, this,
                                       &NotesPage::onEntrySent);
        m_outboxConnections << connect(context.outbox, &Outbox::entryFailed, this,
                                       &NotesPage::onEntryFailed);
    }
    m_autosaver->setDatabase(context.store ? &context.store->userData() : nullptr);

    MarkdownOptions options;
    options.repository = context.repository;
    options.webUrl = context.webUrl;
    options.allowRemoteImages = m_imagesButton->isChecked();
#ifdef MAINSTAY_NOTES_HIGHLIGHTER
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    options.highlightCode = [dark](const QString &code, const QString &language) {
        return highlightCodeHtml(code, language, dark);
    };
#endif
    m_pipeline->setOptions(options);
    updatePipelineLayout();

    reloadList();
    // Reopen what was open last time (the draft may hold unsaved work), else the newest draft
    // release, else new notes.
    QString last;
    if (context.store)
        last = context.store->userData().localValue(MetaScope, LastOpenKey).toString();
    const QList<Release> releases =
        context.store ? context.store->cache().loadReleases() : QList<Release>();
    if (last == NewKey) {
        openNew();
        return;
    }
    if (last.startsWith(DraftPrefix)) {
        const qint64 id = last.mid(DraftPrefix.size()).toLongLong();
        for (const Release &release : releases)
            if (release.id == id) {
                openRelease(id);
                return;
            }
    }
    for (const Release &release : releases)
        if (release.draft) {
            openRelease(release.id);
            return;
        }
    openNew();
}

void NotesPage::clearWorkspace()
{
    m_autosaver->setDatabase(nullptr);
    delete m_postReleaseDialog;
    delete m_batch;
    delete m_fetch;
    for (const auto &connection : std::as_const(m_outboxConnections))
        disconnect(connection);
    m_outboxConnections.clear();
    WorkspacePage::clearWorkspace();
    m_loading = true;
    m_list->clear();
    m_editor->clear();
    m_preview->setRenderedHtml(QString());
    m_checks->setChecks({});
    m_conflicts->setConflicts({});
    m_key.clear();
    m_release = {};
    m_loading = false;
    updateState();
    updateResumeOffer();
}

void NotesPage::syncFinished(bool ok)
{
    if (!ok || !context().store)
        return;
    m_synced = true;
    reloadList();
    updateResumeOffer(); // the release of a recorded batch may only now be in the cache
    // The first sync of a workspace brings the releases: untouched new notes give way to the
    // newest draft release, as if it had been there at start.
    if (m_key == NewKey && m_editor->document()->isEmpty() &&
        context().store->userData().draft(NewKey).isNull()) {
        for (const Release &release : context().store->cache().loadReleases())
            if (release.draft) {
                openRelease(release.id);
                return;
            }
    }
    if (m_release.draft && !m_input && context().client && !m_fetch)
        fetchInput(false);
    // The open release may have changed on GitHub (published elsewhere, edited).
    if (m_release.id > 0)
        for (const Release &release : context().store->cache().loadReleases())
            if (release.id == m_release.id) {
                m_release = release;
                updateState();
            }
}

void NotesPage::activated()
{
    m_editor->setFocus();
}

void NotesPage::focusFilter()
{
    m_findBar->openFind();
}

QString NotesPage::draftKeyFor(qint64 releaseId)
{
    return releaseId > 0 ? DraftPrefix + QString::number(releaseId) : NewKey;
}

void NotesPage::reloadList()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    m_list->clear();
    if (!context().store) {
        m_loading = wasLoading;
        return;
    }
    const QDateTime now =
        context().clock ? context().clock->now() : QDateTime::currentDateTimeUtc();
    UserDataDatabase &userData = context().store->userData();
    // Local notes that are not on GitHub yet.
    if (!userData.draft(NewKey).isNull()) {
        auto *item = new QListWidgetItem(m_list);
        const QJsonObject meta = userData.localValue(MetaScope, NewKey).toObject();
        const QString title = meta.value(QLatin1String("title")).toString();
        item->setText(title.isEmpty() ? tr("New release notes") : title);
        item->setData(SubtitleRole, tr("Not on GitHub yet · saved %1")
                                        .arg(relativeDate(userData.draftSavedAt(NewKey), now)));
        item->setData(BadgeRole, tr("Local"));
        item->setData(KeyRole, NewKey);
        item->setData(ReleaseIdRole, 0);
    }
    // The cache lists releases newest first (created_at, then id).
    for (const Release &release : context().store->cache().loadReleases()) {
        auto *item = new QListWidgetItem(m_list);
        item->setText(release.name.isEmpty() ? release.tagName : release.name);
        QStringList parts;
        if (!release.tagName.isEmpty())
            parts << release.tagName;
        if (release.draft)
            parts << tr("created %1").arg(relativeDate(release.createdAt, now));
        else
            parts << relativeDate(
                release.publishedAt.isValid() ? release.publishedAt : release.createdAt, now);
        const QString key = draftKeyFor(release.id);
        if (!userData.draft(key).isNull() && userData.draft(key) != release.body)
            parts << tr("edited locally");
        item->setData(SubtitleRole, parts.join(QStringLiteral(" · ")));
        item->setData(BadgeRole, release.draft        ? tr("Draft")
                                 : release.prerelease ? tr("Pre-release")
                                                      : tr("Published"));
        item->setData(KeyRole, key);
        item->setData(ReleaseIdRole, release.id);
        item->setToolTip(release.htmlUrl);
    }
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(KeyRole).toString() == m_key)
            m_list->setCurrentRow(i);
    m_loading = wasLoading;
}

void NotesPage::openRelease(qint64 releaseId)
{
    if (!context().store)
        return;
    for (const Release &release : context().store->cache().loadReleases())
        if (release.id == releaseId) {
            openKey(draftKeyFor(releaseId), release);
            return;
        }
    Q_EMIT message(MessageBanner::Level::Warning,
                   tr("That release is no longer in the cache; sync to refresh the list."));
}

void NotesPage::openNew()
{
    Release fresh;
    fresh.draft = true;
    if (context().policy)
        fresh.targetCommitish = context().policy->release.branch;
    openKey(NewKey, fresh);
}

void NotesPage::openKey(const QString &key, const Release &release)
{
    m_autosaver->flush();
    m_loading = true;
    m_key = key;
    m_release = release;
    m_generated.reset();
    m_conflicts->setConflicts({});
    QString text = release.body;
    bool restored = false;
    if (context().store) {
        UserDataDatabase &userData = context().store->userData();
        const QString draft = userData.draft(key);
        if (!draft.isNull() && draft != release.body) {
            text = draft;
            restored = release.id > 0 || !draft.isEmpty();
        }
        const QJsonObject meta = userData.localValue(MetaScope, key).toObject();
        if (!meta.isEmpty()) {
            m_release.name = meta.value(QLatin1String("title")).toString(m_release.name);
            m_release.tagName = meta.value(QLatin1String("tag")).toString(m_release.tagName);
            m_release.targetCommitish =
                meta.value(QLatin1String("target")).toString(m_release.targetCommitish);
            m_release.prerelease =
                meta.value(QLatin1String("prerelease")).toBool(m_release.prerelease);
        }
        userData.setLocalValue(MetaScope, LastOpenKey, key);
        m_autosaver->setKey(key, draft.isNull() ? text : draft);
        if (restored)
            m_savedLabel->setText(
                tr("Restored the local draft saved %1")
                    .arg(QLocale().toString(userData.draftSavedAt(key).toLocalTime(),
                                            QLocale::ShortFormat)));
        else
            m_savedLabel->clear();
    }
    m_title->setText(m_release.name);
    m_tag->setText(m_release.tagName);
    m_target->setText(m_release.targetCommitish);
    m_prerelease->setChecked(m_release.prerelease);
    loadText(text);
    m_loading = false;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(KeyRole).toString() == key) {
            m_loading = true;
            m_list->setCurrentRow(i);
            m_loading = false;
        }
    updateState();
    updateResumeOffer();
    runChecksNow();
    // Drafts and new notes are checked against the pull requests of their range. Not before the
    // workspace's first sync: the fetch's conditional requests would answer the sync's with 304.
    if (m_synced && m_release.draft && context().client && !m_fetch)
        fetchInput(false);
}

void NotesPage::loadText(const QString &text)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    m_editor->setPlainText(text);
    m_loading = wasLoading;
    // Opening a document is not typing: show its preview at once rather than a blank pane. Long
    // notes are laid out on the worker as when typing (a full layout of 1,000 lines takes 100 to
    // 300 ms); until then the preview is empty, not another release's.
    updatePipelineLayout();
    const QString source = NotesMarkers::strip(text);
    if (source.size() <= SyncPreviewChars) {
        m_pipeline->renderSync(source);
    } else {
        m_preview->setSegments({}, QString());
        m_pipeline->setText(source);
        m_pipeline->renderNow();
    }
}

void NotesPage::textEdited()
{
    if (m_loading)
        return;
    const QString text = m_editor->toPlainText();
    m_pipeline->setText(NotesMarkers::strip(text));
    m_autosaver->textChanged(text);
    scheduleChecks();
}

void NotesPage::fieldsEdited()
{
    if (m_loading)
        return;
    m_release.name = m_title->text();
    m_release.tagName = m_tag->text();
    m_release.targetCommitish = m_target->text();
    m_release.prerelease = m_prerelease->isChecked();
    saveMeta();
    scheduleChecks();
}

void NotesPage::saveMeta()
{
    if (!context().store || m_key.isEmpty())
        return;
    context().store->userData().setLocalValue(
        MetaScope, m_key,
        QJsonObject{{QStringLiteral("title"), m_title->text()},
                    {QStringLiteral("tag"), m_tag->text()},
                    {QStringLiteral("target"), m_target->text()},
                    {QStringLiteral("prerelease"), m_prerelease->isChecked()}});
}

void NotesPage::onRendered(const MarkdownResult &result)
{
    m_preview->setSegments(m_pipeline->segments(), result.html);
    if (m_preview->remoteImagesAllowed())
        m_preview->requestImages(m_pipeline->missingImages());
    // The next render is laid out at the width the preview has now.
    updatePipelineLayout();
    syncPreviewScroll();
    if (!result.remoteImages.isEmpty() && !m_imagesButton->isChecked()) {
        m_imagesNotice->setText(
            tr("%n remote image(s) not loaded, so no request leaves this machine.", nullptr,
               int(result.remoteImages.size())));
        m_imagesNotice->show();
        m_imagesButton->show();
    } else if (!m_imagesButton->isChecked()) {
        m_imagesNotice->hide();
        m_imagesButton->hide();
    }
}

void NotesPage::setRemoteImagesAllowed(bool allowed)
{
    MarkdownOptions options = m_pipeline->options();
    options.allowRemoteImages = allowed;
    m_pipeline->setOptions(options);
    m_preview->setRemoteImagesAllowed(allowed);
    updatePipelineLayout();
    if (m_imagesButton->isChecked() != allowed)
        m_imagesButton->setChecked(allowed);
    m_imagesNotice->setText(allowed ? tr("Remote images are loaded.") : m_imagesNotice->text());
    m_pipeline->renderNow();
}

void NotesPage::syncPreviewScroll()
{
    // The editor's position mapped to the preview by proportion of the source: the first
    // visible line's share of the scrollable range (exact at both ends).
    const QScrollBar *bar = m_editor->verticalScrollBar();
    const double fraction = bar->maximum() > 0 ? double(bar->value()) / bar->maximum() : 0.0;
    m_preview->scrollToFraction(fraction);
}

void NotesPage::scheduleChecks()
{
    const quint64 generation = ++m_checksGeneration;
    scheduler()->schedule(ChecksDelayMs, this, [this, generation] {
        if (generation == m_checksGeneration)
            runChecksNow();
    });
}

NotesCheckInput NotesPage::checkInput() const
{
    NotesCheckInput input;
    input.body = m_editor->toPlainText();
    input.title = m_title->text();
    input.tag = m_tag->text();
    input.targetBranch = m_target->text();
    if (m_input)
        input.input = *m_input;
    if (m_config)
        input.config = *m_config;
    else if (context().policy)
        input.config = NotesConfigLoader::fromPolicy(context().policy->release);
    if (m_generated)
        input.generated = *m_generated;
    else if (m_input)
        input.generated = generateNotes(*m_input, input.config);
    if (context().policy)
        input.semanticTitles = context().policy->semanticTitles;
    // What the cache knows of the tag: a published release with it means the tag exists.
    if (context().store) {
        input.tagState.known = true;
        for (const Release &release : context().store->cache().loadReleases())
            if (!release.draft && release.tagName == input.tag && release.id != m_release.id)
                input.tagState.exists = true;
    }
    return input;
}

void NotesPage::runChecksNow()
{
    ++m_checksGeneration;
    if (m_key.isEmpty()) {
        m_checks->setChecks({});
        return;
    }
    const QList<NotesCheck> checks = ReleaseNotesChecker::run(checkInput());
    m_checks->setChecks(checks);
    const QString summary = m_checks->summary();
    m_tabs->setTabText(0, summary.isEmpty() ? tr("Checks") : tr("Checks (%1)").arg(summary));
    m_tabs->setTabIcon(
        0, NotesChecksView::severityIcon(ReleaseNotesChecker::worst(checks), palette()));
}

void NotesPage::applyFix(const NotesCheck &check)
{
    if (!check.fix)
        return;
    const NotesCheck::Fix &fix = *check.fix;
    QTextCursor cursor(m_editor->document());
    const int length = m_editor->document()->characterCount() - 1;
    if (fix.start < 0 || fix.start > length || fix.start + fix.length > length) {
        Q_EMIT message(MessageBanner::Level::Warning,
                       tr("The fix no longer fits the text; the checks are run again."));
        scheduleChecks();
        return;
    }
    cursor.setPosition(fix.start);
    cursor.setPosition(fix.start + fix.length, QTextCursor::KeepAnchor);
    cursor.insertText(fix.replacement);
    m_editor->setTextCursor(cursor);
    m_editor->ensureCursorVisible();
    // The panel's button is being clicked: run the checks once its signal has returned.
    scheduleChecks();
}

void NotesPage::updateState()
{
    const bool open = !m_key.isEmpty();
    const bool isNew = m_release.id == 0;
    const bool published = !isNew && !m_release.draft;
    const bool busy = m_pendingEntry != 0;
    const bool canWrite = open && context().outbox && !busy;
    m_title->setEnabled(open);
    m_tag->setEnabled(open);
    m_target->setEnabled(open);
    m_prerelease->setEnabled(open);
    m_editor->setReadOnly(!open);
    m_generateButton->setEnabled(open && context().client && !(m_fetch && m_generateRequested));
    m_generateButton->setText(m_fetch && m_generateRequested    ? tr("Generating…")
                              : m_editor->document()->isEmpty() ? tr("Generate")
                                                                : tr("Regenerate"));
    m_generateButton->setToolTip(
        tr("Fill the notes from the pull requests merged since the previous release; "
           "regenerating keeps your edits and lists conflicts"));
    m_versionsButton->setEnabled(open && context().store);
    m_saveButton->setText(isNew       ? tr("Save as draft on GitHub…")
                          : published ? tr("Update release…")
                                      : tr("Update draft…"));
    m_saveButton->setEnabled(canWrite);
    m_publishButton->setVisible(!published);
    m_publishButton->setEnabled(canWrite);
    m_closeIssuesButton->setVisible(published);
    m_closeIssuesButton->setEnabled(published && context().outbox && context().client);

    QString state;
    if (busy)
        state = tr("Sending to GitHub…");
    else if (isNew)
        state = tr("Local only");
    else if (m_release.draft)
        state = tr("Draft on GitHub");
    else if (!m_release.htmlUrl.isEmpty())
        state =
            tr("Published: <a href=\"%1\">%2</a>")
                .arg(m_release.htmlUrl.toHtmlEscaped(),
                     QUrl(m_release.htmlUrl).path().section(QLatin1Char('/'), -1).toHtmlEscaped());
    else
        state = tr("Published");
    m_stateLabel->setText(state);
    m_stateLabel->setToolTip(m_release.htmlUrl);
}

void NotesPage::generate()
{
    if (!context().client || m_generateRequested)
        return;
    // A background fetch for the checks may be running: generate from a fresh one.
    if (m_fetch) {
        m_fetch->disconnect(this);
        m_fetch->deleteLater();
        m_fetch = nullptr;
    }
    fetchInput(true);
}

void NotesPage::fetchInput(bool thenGenerate)
{
    if (!context().client || !context().policy)
        return;
    ReleaseNotesFetchJob::Options options;
    options.repository = context().repository;
    options.targetBranch = m_target->text().trimmed();
    options.policy = context().policy->release;
    options.webUrl = context().webUrl.toString();
    auto *job = new ReleaseNotesFetchJob(context().client, options, this);
    m_fetch = job;
    m_generateRequested = thenGenerate;
    connect(job, &ReleaseNotesFetchJob::finished, this,
            [this, job, thenGenerate] { fetchFinished(job, thenGenerate); });
    connect(job, &ReleaseNotesFetchJob::progress, this, [this](const QString &what) {
        // A background fetch (after a sync) leaves the other pages' status alone.
        if (isVisible())
            Q_EMIT statusMessage(what);
    });
    updateState();
    job->start();
}

void NotesPage::fetchFinished(ReleaseNotesFetchJob *job, bool thenGenerate)
{
    job->deleteLater();
    if (m_fetch == job)
        m_fetch = nullptr;
    m_generateRequested = false;
    if (!job->error().isEmpty()) {
        updateState();
        if (thenGenerate) {
            Q_EMIT message(MessageBanner::Level::Error,
                           tr("The release notes could not be generated: %1").arg(job->error()));
            Q_EMIT generated(false);
        }
        return;
    }
    m_input = job->input();
    m_config = job->config();
    if (!job->configDiagnostics().isEmpty()) {
        QStringList lines;
        for (const PolicyDiagnostic &diagnostic : job->configDiagnostics())
            lines << diagnostic.toString();
        Q_EMIT message(MessageBanner::Level::Warning,
                       tr("The repository's release configuration has problems; the policy was "
                          "used instead:\n%1")
                           .arg(lines.join(QLatin1Char('\n'))));
    }
    const GeneratedNotes fresh = generateNotes(*m_input, *m_config);
    m_generated = fresh;
    if (!thenGenerate) {
        updateState();
        runChecksNow();
        return;
    }
    const QString current = m_editor->toPlainText();
    QString text = fresh.markedBody;
    QList<RegenerateConflict> conflicts;
    if (!current.trimmed().isEmpty()) {
        const RegenerateResult merged = regenerate(current, fresh);
        if (!merged.hadMarkers) {
            // Text written without generated sections: never replace it behind the user's back.
            if (!confirm(tr("Replace the notes?"),
                         tr("The notes have no generated sections to merge into. Replace the "
                            "whole text with freshly generated notes? The current text is kept "
                            "as a version first."))) {
                updateState();
                Q_EMIT generated(false);
                return;
            }
        } else {
            text = merged.text;
            conflicts = merged.conflicts;
        }
        if (context().store)
            m_autosaver->saveVersion(current, tr("Before regenerating"));
    }
    // One undo step, so Ctrl+Z brings the previous text back.
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    if (m_tag->text().isEmpty() || m_release.id == 0) {
        if (!fresh.tag.isEmpty())
            m_tag->setText(fresh.tag);
        if (!fresh.name.isEmpty())
            m_title->setText(fresh.name);
        if (m_target->text().isEmpty())
            m_target->setText(fresh.targetBranch);
        fieldsEdited();
    }
    m_conflicts->setConflicts(conflicts);
    m_tabs->setTabText(1, conflicts.isEmpty() ? tr("Conflicts")
                                              : tr("Conflicts (%1)").arg(conflicts.size()));
    if (!conflicts.isEmpty())
        m_tabs->setCurrentWidget(m_conflicts);
    updateState();
    runChecksNow();
    Q_EMIT statusMessage(tr("Generated notes for %1 (%2 pull requests)")
                             .arg(fresh.tag.isEmpty() ? fresh.version.version : fresh.tag)
                             .arg(m_input->pullRequests.size()));
    Q_EMIT generated(true);
}

void NotesPage::saveVersion(const QString &label)
{
    if (!context().store || m_key.isEmpty())
        return;
    if (m_autosaver->saveVersion(m_editor->toPlainText(), label) == 0)
        Q_EMIT message(MessageBanner::Level::Error, tr("The version could not be kept."));
}

void NotesPage::showVersions()
{
    if (!context().store || m_key.isEmpty())
        return;
    UserDataDatabase &userData = context().store->userData();
    DraftVersionsDialog dialog(userData.draftVersions(m_key), this);
    connect(&dialog, &DraftVersionsDialog::keepRequested, this, [&](const QString &label) {
        saveVersion(label.isEmpty() ? tr("Kept by hand") : label);
        dialog.setVersions(userData.draftVersions(m_key));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.restored().id == 0)
        return;
    const QString current = m_editor->toPlainText();
    if (current != dialog.restored().text)
        saveVersion(tr("Before restoring \"%1\"").arg(dialog.restored().label));
    QTextCursor cursor(m_editor->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(dialog.restored().text);
    m_autosaver->flush();
}

bool NotesPage::confirm(const QString &title, const QString &text)
{
    if (m_confirm)
        return m_confirm(title, text);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
    box.addButton(title, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.buttonRole(box.clickedButton()) == QMessageBox::AcceptRole;
}

Release NotesPage::releaseFromFields(bool draft) const
{
    Release release = m_release;
    release.name = m_title->text().trimmed();
    release.tagName = m_tag->text().trimmed();
    release.targetCommitish = m_target->text().trimmed();
    release.prerelease = m_prerelease->isChecked();
    release.draft = draft;
    // Drafts keep the generation markers (invisible on GitHub) so regenerating keeps working;
    // the published text is exactly what the preview shows.
    const QString text = m_editor->toPlainText();
    release.body = draft ? text : NotesMarkers::strip(text);
    return release;
}

bool NotesPage::saveToGitHub()
{
    if (!context().outbox || m_key.isEmpty() || m_pendingEntry)
        return false;
    const bool isNew = m_release.id == 0;
    const bool published = !isNew && !m_release.draft;
    const Release release = releaseFromFields(!published);
    if (release.tagName.isEmpty()) {
        Q_EMIT message(MessageBanner::Level::Warning,
                       tr("A release needs a tag: fill in the Tag field (e.g. v1.2.3)."));
        m_tag->setFocus();
        return false;
    }
    const QString what = isNew       ? tr("Save as draft on GitHub")
                         : published ? tr("Update release")
                                     : tr("Update draft");
    const QString text = tr("%1 in %2?\n\nTitle: %3\nTag: %4\nTarget: %5%6\n%7 lines of notes.")
                             .arg(what, context().repository, release.name, release.tagName,
                                  release.targetCommitish.isEmpty() ? tr("(default branch)")
                                                                    : release.targetCommitish,
                                  release.prerelease ? tr("\nMarked as a pre-release.") : QString())
                             .arg(release.body.count(QLatin1Char('\n')) + 1);
    if (!confirm(what, text))
        return false;
    m_autosaver->flush();
    m_pendingPublish = false;
    m_pendingEntry = isNew ? context().outbox->createRelease(release)
                           : context().outbox->updateRelease(m_release.id, release);
    if (!m_pendingEntry) {
        Q_EMIT message(MessageBanner::Level::Error,
                       tr("The change could not be queued (the local store refused it)."));
        return false;
    }
    updateState();
    return true;
}

bool NotesPage::publish()
{
    if (!context().outbox || m_key.isEmpty() || m_pendingEntry)
        return false;
    runChecksNow();
    const Release release = releaseFromFields(false);
    if (release.tagName.isEmpty()) {
        Q_EMIT message(MessageBanner::Level::Warning,
                       tr("A release needs a tag: fill in the Tag field (e.g. v1.2.3)."));
        m_tag->setFocus();
        return false;
    }
    int errors = 0;
    int warnings = 0;
    for (const NotesCheck &check : m_checks->checks()) {
        errors += check.severity == NotesCheck::Severity::Error;
        warnings += check.severity == NotesCheck::Severity::Warning;
    }
    QString problems;
    if (errors || warnings)
        problems = tr("\n\nThe checks found %1 error(s) and %2 warning(s); publishing anyway "
                      "shows the notes as they are.")
                       .arg(errors)
                       .arg(warnings);
    const QString text =
        tr("Publish %1 in %2? Everyone watching the repository is notified.\n\nTitle: %3\nTag: "
           "%4 (created on %5 if it does not exist)%6%7")
            .arg(release.tagName, context().repository, release.name, release.tagName,
                 release.targetCommitish.isEmpty() ? tr("the default branch")
                                                   : release.targetCommitish,
                 release.prerelease ? tr("\nMarked as a pre-release.") : QString(), problems);
    if (!confirm(tr("Publish"), text))
        return false;
    m_autosaver->flush();
    m_pendingPublish = true;
    // A draft on GitHub is updated and published in one request; new notes are created
    // published.
    m_pendingEntry = m_release.id == 0 ? context().outbox->createRelease(release)
                                       : context().outbox->updateRelease(m_release.id, release);
    if (!m_pendingEntry) {
        Q_EMIT message(MessageBanner::Level::Error,
                       tr("The release could not be queued (the local store refused it)."));
        m_pendingPublish = false;
        return false;
    }
    updateState();
    return true;
}

void NotesPage::onEntrySent(const OutboxEntry &entry)
{
    if (entry.id != m_pendingEntry || !context().store)
        return;
    m_pendingEntry = 0;
    const ParseResult<Release> parsed = GitHubJson::parseRelease(entry.result);
    if (!parsed) {
        updateState();
        Q_EMIT message(MessageBanner::Level::Warning,
                       tr("GitHub accepted the release, but its answer could not be read (%1); "
                          "sync to see it.")
                           .arg(parsed.error()));
        return;
    }
    const Release release = parsed.value();
    context().store->cache().upsertReleases({release});
    const QString oldKey = m_key;
    const QString newKey = draftKeyFor(release.id);
    UserDataDatabase &userData = context().store->userData();
    m_autosaver->flush();
    if (oldKey != newKey) {
        // The local notes now belong to the release GitHub made: move the draft and its
        // versions' newest text under the release's key.
        userData.saveDraft(newKey, m_editor->toPlainText());
        for (const DraftVersion &version : userData.draftVersions(oldKey))
            userData.saveDraftVersion(newKey, version.text, version.label);
        userData.deleteDraft(oldKey);
        userData.removeLocalValue(MetaScope, oldKey);
        m_key = newKey;
        m_autosaver->setKey(newKey, m_editor->toPlainText());
        userData.setLocalValue(MetaScope, LastOpenKey, newKey);
    }
    m_release = release;
    saveMeta();
    reloadList();
    updateState();
    if (m_pendingPublish) {
        m_pendingPublish = false;
        Q_EMIT message(MessageBanner::Level::Information,
                       tr("%1 is published: %2").arg(release.tagName, release.htmlUrl));
    } else {
        Q_EMIT statusMessage(release.draft
                                 ? tr("The draft of %1 is saved on GitHub").arg(release.tagName)
                                 : tr("%1 is updated on GitHub").arg(release.tagName));
    }
}

void NotesPage::onEntryFailed(const OutboxEntry &entry, const QString &message, bool permanent)
{
    if (entry.id != m_pendingEntry)
        return;
    if (!permanent) {
        Q_EMIT statusMessage(tr("GitHub did not answer; trying again: %1").arg(message));
        return;
    }
    m_pendingEntry = 0;
    m_pendingPublish = false;
    updateState();
    Q_EMIT this->message(
        MessageBanner::Level::Error,
        tr("GitHub refused the release: %1. The notes are still here.").arg(message));
}

void NotesPage::closePendingIssues()
{
    if (!context().client || !context().outbox || !context().policy || m_release.draft ||
        m_release.id == 0)
        return;
    if (m_batch && m_batchTag != m_release.tagName && !m_batch->isRunning()) {
        delete m_postReleaseDialog;
        delete m_batch;
    }
    if (!m_batch) {
        m_batchTag = m_release.tagName;
        m_batch = new PostReleaseBatch(context().client, context().outbox, context().repository,
                                       context().policy->release.pendingReleaseLabel,
                                       m_release.tagName, m_release.htmlUrl, this);
        connect(m_batch, &PostReleaseBatch::loaded, this, &NotesPage::updateResumeOffer);
        connect(m_batch, &PostReleaseBatch::finished, this, &NotesPage::updateResumeOffer);
        connect(m_batch, &PostReleaseBatch::failed, this, &NotesPage::updateResumeOffer);
    }
    if (m_postReleaseDialog) {
        m_postReleaseDialog->raise();
        m_postReleaseDialog->activateWindow();
        return;
    }
    // Window-modal without a nested event loop: the batch goes on when the dialog is closed,
    // and the journal keeps recording it.
    auto *dialog =
        new PostReleaseDialog(m_batch, context().repository, context().webUrl,
                              context().store ? &context().store->userData() : nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this] {
        m_postReleaseDialog = nullptr; // deleted later; the offer shows again meanwhile
        updateResumeOffer();
    });
    m_postReleaseDialog = dialog;
    dialog->open();
    updateResumeOffer();
}

PostReleaseDialog *NotesPage::postReleaseDialog() const
{
    return m_postReleaseDialog;
}

bool NotesPage::resumePostRelease(const QString &tag)
{
    if (!context().store)
        return false;
    for (const Release &release : context().store->cache().loadReleases())
        if (!release.draft && release.tagName == tag) {
            if (m_release.id != release.id)
                openRelease(release.id);
            if (m_release.id != release.id || m_release.draft)
                break;
            closePendingIssues();
            return m_postReleaseDialog != nullptr;
        }
    Q_EMIT message(MessageBanner::Level::Warning,
                   tr("%1 is not among the published releases this workspace knows; sync, then "
                      "resume closing its pending-release issues.")
                       .arg(tag));
    return false;
}

void NotesPage::updateResumeOffer()
{
    QList<PostReleaseJournal::Unfinished> unfinished;
    if (context().store)
        unfinished = PostReleaseJournal::unfinished(context().store->userData());
    // The batch of this session speaks for itself while it lists or sends.
    const bool busy = m_batch && (m_batch->isRunning() || m_batch->isLoading());
    QStringList lines;
    bool openOne = false;
    for (const PostReleaseJournal::Unfinished &entry : std::as_const(unfinished)) {
        const bool isOpen = !m_release.draft && m_release.id > 0 && m_release.tagName == entry.tag;
        openOne = openOne || isOpen;
        if (busy && m_batchTag == entry.tag)
            continue;
        const QString link =
            QStringLiteral("resume:") + QString::fromLatin1(QUrl::toPercentEncoding(entry.tag));
        const QString tag = entry.tag.toHtmlEscaped();
        if (entry.readable)
            lines << tr("Closing the pending-release issues of <b>%1</b> stopped with %2 of %3 "
                        "done. <a href=\"%4\">Resume…</a>")
                         .arg(tag)
                         .arg(entry.done)
                         .arg(entry.total)
                         .arg(link);
        else
            lines << tr("The saved progress of closing the pending-release issues of <b>%1</b> "
                        "could not be read. <a href=\"%2\">Open it…</a> (the issues are listed "
                        "afresh; none is told twice)")
                         .arg(tag, link);
    }
    // Not while its dialog is up: the dialog says it.
    m_resumeNotice->setText(lines.join(QStringLiteral("<br>")));
    m_resumeNotice->setVisible(!lines.isEmpty() && !m_postReleaseDialog);
    m_closeIssuesButton->setText(openOne ? tr("Resume closing pending-release issues…")
                                         : tr("Close pending-release issues…"));
}

} // namespace Mainstay
