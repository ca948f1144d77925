#include "boardpage.h"

#include "boardcarddelegate.h"
#include "boardsession.h"
#include "boardview.h"
#include "issuedetailpane.h"
#include "issuelistmodel.h"
#include "issuequery.h"
#include "outbox.h"
#include "policy.h"
#include "rfcreviewpanel.h"
#include "stalelistmodel.h"
#include "triagedialogs.h"
#include "workspacestore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

QColor errorColor(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                           : QColor(0xcf, 0x22, 0x2e);
}

} // namespace

BoardPage::BoardPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_session(new BoardSession(this))
    , m_views(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_filterError(new QLabel(this))
    , m_saveView(new QToolButton(this))
    , m_deleteView(new QToolButton(this))
    , m_showSnoozed(new QToolButton(this))
    , m_showStale(new QToolButton(this))
    , m_summary(new QLabel(this))
    , m_splitter(new QSplitter(this))
    , m_stack(new QStackedWidget(this))
    , m_board(new BoardView(m_session->model(), this))
    , m_staleModel(new StaleListModel(m_session, this))
    , m_staleList(new QListView(this))
    , m_detail(new IssueDetailPane(this))
    , m_rfcReview(new RfcReviewPanel(this))
    , m_toast(new QFrame(this))
    , m_toastText(new QLabel(this))
    , m_undoButton(new QPushButton(tr("Undo"), this))
{
    setObjectName(QStringLiteral("boardPage"));

    // RFCs get the guide's review checklist under their thread.
    m_rfcReview->setObjectName(QStringLiteral("rfcReview"));
    m_rfcReview->hide();
    m_detail->addSection(m_rfcReview);
    // Images in a thread load only once the user clicks "Load images", through a plain network
    // manager: never the GitHub client, so no credentials go to image hosts.
    m_detail->setNetworkAccessManager(new QNetworkAccessManager(this));
    connect(m_detail, &IssueDetailPane::issueShown, this, [this](const Issue &issue) {
        // Filled while hidden, then shown: rows the panel builds for the questions appear with it.
        const bool rfc = RfcReviewPanel::appliesTo(issue);
        m_rfcReview->hide();
        if (rfc) {
            m_rfcReview->setIssue(issue);
            m_rfcReview->show();
        }
    });
    connect(m_rfcReview, &RfcReviewPanel::message, this,
            [this](const QString &text) { Q_EMIT statusMessage(text); });

    m_views->setObjectName(QStringLiteral("boardSavedViews"));
    m_views->setToolTip(tr("Saved views: named filters of this workspace"));
    m_views->setMinimumWidth(150);
    m_filter->setObjectName(QStringLiteral("boardFilter"));
    m_filter->setPlaceholderText(tr(
        "Filter the board: label:bug -label:triage author:login is:pr updated:<2026-01-31 words"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Board filter"));
    m_filterError->setObjectName(QStringLiteral("boardFilterError"));
    m_filterError->setTextFormat(Qt::PlainText);
    m_filterError->setWordWrap(true);
    QPalette errorPalette = m_filterError->palette();
    errorPalette.setColor(QPalette::WindowText, errorColor(errorPalette));
    m_filterError->setPalette(errorPalette);
    m_filterError->hide();
    m_saveView->setText(tr("Save view…"));
    m_saveView->setToolTip(tr("Save the filter as a named view"));
    m_deleteView->setText(tr("Delete view"));
    m_deleteView->hide();
    m_showSnoozed->setText(tr("Show snoozed"));
    m_showSnoozed->setCheckable(true);
    m_showSnoozed->setToolTip(tr("Show the cards you snoozed locally, marked as snoozed"));
    m_showStale->setText(tr("Stale"));
    m_showStale->setCheckable(true);
    m_showStale->setToolTip(tr("Open issues and pull requests without activity for the "
                               "policy's stale days, oldest first"));
    for (QToolButton *button : {m_saveView, m_deleteView, m_showSnoozed, m_showStale})
        button->setAutoRaise(true);
    m_summary->setObjectName(QStringLiteral("boardSummary"));
    QPalette mutedPalette = m_summary->palette();
    mutedPalette.setColor(QPalette::WindowText, mutedPalette.color(QPalette::PlaceholderText));
    m_summary->setPalette(mutedPalette);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(m_views);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_saveView);
    bar->addWidget(m_deleteView);
    bar->addSpacing(8);
    bar->addWidget(m_showSnoozed);
    bar->addWidget(m_showStale);
    bar->addSpacing(8);
    bar->addWidget(m_summary);

    m_staleList->setObjectName(QStringLiteral("boardStaleList"));
    m_staleList->setModel(m_staleModel);
    auto *staleDelegate = new BoardCardDelegate(m_staleList);
    m_staleList->setItemDelegate(staleDelegate);
    m_staleList->setUniformItemSizes(true);
    m_staleList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_staleList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_staleList->setFrameShape(QFrame::NoFrame);
    m_staleList->setMaximumWidth(760);
    m_staleList->installEventFilter(this);
    auto *staleBox = new QWidget(this);
    auto *staleLayout = new QHBoxLayout(staleBox);
    staleLayout->setContentsMargins(8, 4, 8, 4);
    staleLayout->addWidget(m_staleList, 1);
    staleLayout->addStretch(0);
    m_stack->addWidget(m_board);
    m_stack->addWidget(staleBox);

    m_splitter->setObjectName(QStringLiteral("boardSplitter"));
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_detail->setMinimumWidth(320);
    m_detail->hide();

    m_toast->setObjectName(QStringLiteral("boardToast"));
    m_toast->setFrameShape(QFrame::StyledPanel);
    m_toast->setAutoFillBackground(true);
    m_toastText->setTextFormat(Qt::PlainText);
    m_undoButton->setObjectName(QStringLiteral("boardUndo"));
    m_undoButton->setToolTip(tr("Undo the last triage action (Ctrl+Z)"));
    auto *dismiss = new QToolButton(m_toast);
    dismiss->setText(QStringLiteral("\u2715"));
    dismiss->setAutoRaise(true);
    auto *toastLayout = new QHBoxLayout(m_toast);
    toastLayout->setContentsMargins(10, 4, 6, 4);
    toastLayout->addWidget(m_toastText, 1);
    toastLayout->addWidget(m_undoButton);
    toastLayout->addWidget(dismiss);
    m_toast->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_filterError);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_toast);

    connect(m_filter, &QLineEdit::textChanged, this, &BoardPage::applyFilter);
    connect(m_views, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updatingViews)
            return;
        m_deleteView->setVisible(index > 0);
        m_filter->setText(m_views->itemData(index).toString());
    });
    connect(m_saveView, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString current = m_views->currentIndex() > 0 ? m_views->currentText() : QString();
        const QString name = QInputDialog::getText(this, tr("Save view"), tr("Name of the view:"),
                                                   QLineEdit::Normal, current, &ok);
        if (ok && !saveCurrentFilter(name))
            Q_EMIT message(MessageBanner::Level::Warning,
                           tr("The view could not be saved: give it a name."));
    });
    connect(m_deleteView, &QToolButton::clicked, this, [this] {
        if (m_views->currentIndex() <= 0)
            return;
        m_session->removeFilter(m_views->currentText());
        reloadSavedViews();
    });
    connect(m_showSnoozed, &QToolButton::toggled, this, [this](bool show) {
        m_session->model()->setShowSnoozed(show);
        updateSummary();
    });
    connect(m_showStale, &QToolButton::toggled, this, &BoardPage::setStaleMode);
    connect(m_undoButton, &QPushButton::clicked, this, &BoardPage::undo);
    connect(dismiss, &QToolButton::clicked, m_toast, &QWidget::hide);
    connect(m_detail, &IssueDetailPane::closeRequested, this, &BoardPage::hideDetail);

    connect(m_board, &BoardView::cardsDropped, this, [this](const QList<int> &numbers, int column) {
        m_session->moveCards(numbers, column);
        if (!numbers.isEmpty())
            m_board->selectCard(numbers.first());
    });
    connect(m_board, &BoardView::currentCardChanged, this, [this](int number) {
        if (m_detail->isVisible() && number > 0 && number != m_detail->shownNumber())
            showDetail(number);
    });
    connect(m_board, &BoardView::cardActivated, this, &BoardPage::showDetail);
    connect(m_staleList, &QListView::activated, this, [this](const QModelIndex &index) {
        showDetail(index.data(BoardModel::NumberRole).toInt());
    });

    connect(m_session, &BoardSession::actionQueued, this, &BoardPage::showToast);
    connect(m_session, &BoardSession::undoChanged, this,
            [this](bool available, const QString &) { m_undoButton->setEnabled(available); });
    connect(m_session, &BoardSession::message, this,
            [this](const QString &text) { Q_EMIT message(MessageBanner::Level::Warning, text); });
    BoardModel *model = m_session->model();
    // Column rows report their counts once a change is complete (cards move before totals do).
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &top) {
        if (!top.parent().isValid())
            updateSummary();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &BoardPage::updateSummary);
    reloadSavedViews();
    updateSummary();
}

BoardPage::~BoardPage() = default;

void BoardPage::setWorkspace(const WorkspaceContext &context)
{
    WorkspacePage::setWorkspace(context);
    m_rfcReview->setWorkspace(context);
    m_session->setSources(context.issues, context.outbox, context.store, context.clock,
                          context.policy ? *context.policy : Policy::defaultPolicy());
    m_board->delegate()->setClock(context.clock);
    if (auto *delegate = qobject_cast<BoardCardDelegate *>(m_staleList->itemDelegate()))
        delegate->setClock(context.clock);
    hideDetail();
    m_toast->hide();
    reloadSavedViews();
    applyFilter();
    if (m_showStale->isChecked())
        m_staleModel->refresh();
    updateSummary();
}

void BoardPage::clearWorkspace()
{
    m_session->clearSources();
    m_rfcReview->clearWorkspace();
    hideDetail();
    m_toast->hide();
    m_staleModel->refresh();
    WorkspacePage::clearWorkspace();
    reloadSavedViews();
}

void BoardPage::syncFinished(bool ok)
{
    Q_UNUSED(ok)
    m_session->reloadFromStore();
    m_session->refreshSnoozes();
    if (m_showStale->isChecked())
        m_staleModel->refresh();
    if (m_detail->isVisible() && m_detail->shownNumber() > 0)
        showDetail(m_detail->shownNumber());
}

void BoardPage::activated()
{
    m_session->refreshSnoozes();
    if (!m_filter->hasFocus())
        m_board->focusBoard();
}

void BoardPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void BoardPage::navigate(const QVariantMap &arguments)
{
    if (arguments.contains(QStringLiteral("filter")))
        m_filter->setText(arguments.value(QStringLiteral("filter")).toString());
    const int number = arguments.value(QStringLiteral("issue")).toInt();
    if (number > 0) {
        m_board->selectCard(number);
        showDetail(number);
    }
}

QList<HelpOverlay::Entry> BoardPage::helpEntries() const
{
    const QString group = tr("Triage board");
    return {
        {tr("← → ↑ ↓"), tr("Move between cards and columns"), group},
        {tr("Shift+↑ ↓, Ctrl/Shift+click"), tr("Select several cards"), group},
        {tr("Ctrl+A"), tr("Select every card of the column"), group},
        {tr("Enter / Space"), tr("Open the card in the detail pane"), group},
        {tr("Esc"), tr("Close the detail pane"), group},
        {tr("Shift+← →"),
         tr("Move the selected cards to the next column (labels change as "
            "the policy says)"),
         group},
        {tr("M, then 1–9"), tr("Move the selected cards to column 1–9"), group},
        {tr("L"), tr("Label picker (type to find, Enter toggles)"), group},
        {tr("A"), tr("Assign"), group},
        {tr("C"), tr("Close as completed, with an optional comment"), group},
        {tr("Shift+C"), tr("Close as not planned, with an optional comment"), group},
        {tr("R"), tr("Reply with a canned reply (author's @handle filled in)"), group},
        {tr("S"), tr("Snooze locally: hide until a date or new activity"), group},
        {tr("Ctrl+Z"), tr("Undo the last triage action"), group},
        {tr("Drag a card"), tr("Move it to another column"), group},
    };
}

QList<int> BoardPage::targetNumbers() const
{
    if (m_showStale->isChecked()) {
        QList<int> numbers;
        QModelIndexList rows = m_staleList->selectionModel()->selectedIndexes();
        std::sort(rows.begin(), rows.end());
        for (const QModelIndex &index : std::as_const(rows))
            numbers.append(index.data(BoardModel::NumberRole).toInt());
        if (numbers.isEmpty() && m_staleList->currentIndex().isValid())
            numbers.append(m_staleList->currentIndex().data(BoardModel::NumberRole).toInt());
        return numbers;
    }
    return m_board->selectedNumbers();
}

void BoardPage::applyFilter()
{
    const QString text = m_filter->text();
    const QueryParseResult result = IssueQuery::parse(text);
    if (!result.isOk()) {
        // Keep the last good filter on screen while a query is half typed.
        m_filterError->setText(result.error().message());
        m_filterError->show();
        return;
    }
    m_filterError->clear();
    m_filterError->hide();
    m_session->model()->setFilter(result.query());
    updateSummary();
}

void BoardPage::reloadSavedViews(const QString &select)
{
    const QString keep =
        select.isEmpty() && m_views->currentIndex() > 0 ? m_views->currentText() : select;
    m_updatingViews = true;
    m_views->clear();
    m_views->addItem(tr("All open items"), QString());
    for (const BoardSession::SavedFilter &filter : m_session->savedFilters())
        m_views->addItem(filter.name, filter.query);
    const int index = keep.isEmpty() ? 0 : std::max(0, m_views->findText(keep));
    m_views->setCurrentIndex(index);
    m_deleteView->setVisible(index > 0);
    m_updatingViews = false;
}

bool BoardPage::saveCurrentFilter(const QString &name)
{
    if (!m_session->saveFilter(name, m_filter->text().trimmed()))
        return false;
    reloadSavedViews(name.trimmed());
    return true;
}

void BoardPage::updateSummary()
{
    const BoardModel *model = m_session->model();
    int shown = 0;
    int total = 0;
    for (int column = 0; column < model->boardColumnCount(); ++column) {
        shown += model->cardCount(column);
        total += model->totalCount(column);
    }
    QString text = shown == total ? (shown == 1 ? tr("1 card") : tr("%1 cards").arg(shown))
                                  : tr("%1 of %2 cards").arg(shown).arg(total);
    if (!model->snoozedNumbers().isEmpty())
        text +=
            QStringLiteral(" · ") + tr("%n snoozed", nullptr, int(model->snoozedNumbers().size()));
    if (m_showStale->isChecked())
        text = (m_staleModel->rowCount() == 1 ? tr("1 stale item")
                                              : tr("%1 stale items").arg(m_staleModel->rowCount()));
    m_summary->setText(text);
}

void BoardPage::setStaleMode(bool stale)
{
    if (stale)
        m_staleModel->refresh();
    m_stack->setCurrentIndex(stale ? 1 : 0);
    if (stale) {
        m_staleList->setFocus(Qt::OtherFocusReason);
        if (m_staleModel->rowCount() > 0 && !m_staleList->currentIndex().isValid())
            m_staleList->setCurrentIndex(m_staleModel->index(0));
    } else {
        m_board->focusBoard();
    }
    updateSummary();
}

void BoardPage::showToast(const QString &text)
{
    const bool sending = context().outbox && context().outbox->isStarted();
    m_toastText->setText(sending ? tr("%1 — sending to GitHub.").arg(text)
                                 : tr("%1 — queued in the outbox.").arg(text));
    m_undoButton->setEnabled(m_session->canUndo());
    m_toast->show();
    if (m_showStale->isChecked())
        m_staleModel->refresh();
}

void BoardPage::undo()
{
    if (!m_session->undo()) {
        Q_EMIT statusMessage(tr("Nothing to undo"));
        return;
    }
    m_toastText->setText(m_session->canUndo()
                             ? tr("Undone. Earlier: %1").arg(m_session->undoDescription())
                             : tr("Undone."));
    m_undoButton->setEnabled(m_session->canUndo());
    m_toast->show();
    if (m_showStale->isChecked())
        m_staleModel->refresh();
}

void BoardPage::moveSelected(int toColumn)
{
    const QList<int> numbers = targetNumbers();
    if (numbers.isEmpty())
        return;
    if (m_session->moveCards(numbers, toColumn) == 0)
        Q_EMIT statusMessage(tr("Nothing to change: the card is already there"));
    m_board->selectCard(numbers.first());
}

void BoardPage::openLabelPicker()
{
    const QList<int> numbers = targetNumbers();
    if (numbers.isEmpty() || !context().outbox)
        return;
    QHash<QString, int> counts;
    for (int number : numbers)
        if (const Issue *issue = m_session->item(number))
            for (const Label &label : issue->labels)
                ++counts[label.name.toLower()];
    auto *picker = new LabelPicker(m_session->knownLabels(), counts, int(numbers.size()), this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker, numbers] {
        const LabelChange change = picker->change();
        if (!change.isEmpty())
            m_session->changeLabels(numbers, change);
    });
    connect(picker, &QDialog::finished, this, &BoardPage::refocusBoard);
    picker->open();
    picker->filterEdit()->setFocus();
}

void BoardPage::openAssign()
{
    const QList<int> numbers = targetNumbers();
    if (numbers.isEmpty() || !context().outbox)
        return;
    auto *dialog = new AssignDialog(m_session->knownUsers(), int(numbers.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, numbers] { m_session->assignItems(numbers, dialog->logins()); });
    connect(dialog, &QDialog::finished, this, &BoardPage::refocusBoard);
    dialog->open();
}

void BoardPage::openClose(bool notPlanned)
{
    const QList<int> numbers = targetNumbers();
    if (numbers.isEmpty() || !context().outbox)
        return;
    auto *dialog = new CloseDialog(notPlanned, int(numbers.size()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, numbers] {
        m_session->closeItems(numbers, dialog->reason(), dialog->comment());
    });
    connect(dialog, &QDialog::finished, this, &BoardPage::refocusBoard);
    dialog->open();
    dialog->commentEdit()->setFocus();
}

void BoardPage::openReply()
{
    const QList<int> numbers = targetNumbers();
    if (numbers.isEmpty() || !context().outbox)
        return;
    const int first = numbers.first();
    auto *dialog = new ReplyDialog(
        m_session->policy().cannedReplies, int(numbers.size()),
        [this, first](const QString &body) { return m_session->replyFor(first, body); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    MarkdownOptions options;
    options.repository = context().repository;
    options.webUrl = context().webUrl;
    dialog->setMarkdownOptions(options);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, numbers] { m_session->replyToItems(numbers, dialog->body()); });
    connect(dialog, &QDialog::finished, this, &BoardPage::refocusBoard);
    dialog->open();
}

void BoardPage::openSnoozeMenu()
{
    const QList<int> numbers = targetNumbers();
    if (numbers.isEmpty())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const struct
    {
        QString text;
        int days;
    } choices[] = {{tr("Revisit tomorrow"), 1},    {tr("Revisit in 3 days"), 3},
                   {tr("Revisit in a week"), 7},   {tr("Revisit in 2 weeks"), 14},
                   {tr("Revisit in a month"), 30}, {tr("Revisit in 3 months"), 91}};
    for (const auto &choice : choices) {
        const int days = choice.days;
        menu->addAction(choice.text, this, [this, days] { snoozeSelected(days); });
    }
    bool anySnoozed = false;
    for (int number : numbers)
        anySnoozed = anySnoozed || m_session->snoozes().contains(number);
    if (anySnoozed) {
        menu->addSeparator();
        menu->addAction(tr("Wake up now"), this, &BoardPage::unsnoozeSelected);
    }
    QPoint at = mapToGlobal(rect().center());
    if (BoardCardList *list = m_board->list(m_board->currentColumn()))
        at = list->viewport()->mapToGlobal(list->visualRect(list->currentIndex()).center());
    menu->popup(at);
}

void BoardPage::snoozeSelected(int days)
{
    const QList<int> numbers = targetNumbers();
    if (numbers.isEmpty())
        return;
    m_session->snooze(numbers, days);
    Q_EMIT statusMessage(tr("Snoozed %1 for %2 days, or until new activity (only on this computer)")
                             .arg(numbers.size() == 1 ? QStringLiteral("#%1").arg(numbers.first())
                                                      : tr("%1 cards").arg(numbers.size()))
                             .arg(days));
    updateSummary();
}

void BoardPage::unsnoozeSelected()
{
    m_session->unsnooze(targetNumbers());
    updateSummary();
}

void BoardPage::showDetail(int number)
{
    const Issue *shown = m_session->item(number);
    if (!shown)
        return;
    Issue issue = *shown;
    QList<Comment> comments;
    QList<IssueEvent> events;
    if (WorkspaceStore *store = context().store; store && store->isOpen()) {
        issue.body = store->cache().issueBody(number);
        comments = store->cache().loadComments(number);
        events = store->cache().loadIssueEvents(number);
    }
    if (!m_detail->isVisible()) {
        m_detail->show();
        const int width = m_splitter->width();
        m_splitter->setSizes({width * 3 / 5, width * 2 / 5});
    }
    m_detail->showIssue(issue, comments, events, context().repository, context().webUrl);
}

void BoardPage::refocusBoard()
{
    if (m_showStale->isChecked())
        m_staleList->setFocus(Qt::OtherFocusReason);
    else
        m_board->focusBoard();
}

void BoardPage::hideDetail()
{
    const bool hadFocus = m_detail->isAncestorOf(focusWidget());
    m_detail->hide();
    m_detail->clear();
    if (hadFocus)
        m_board->focusBoard();
}

bool BoardPage::eventFilter(QObject *watched, QEvent *event)
{
    // The stale list keeps its arrows and Enter; the triage keys are the page's (a plain list
    // view would swallow letters for its type-ahead search).
    if (watched == m_staleList && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Home:
        case Qt::Key_End:
            return false;
        case Qt::Key_A:
            if (key->modifiers() == Qt::ControlModifier)
                return false;
            break;
        default:
            break;
        }
        key->ignore();
        keyPressEvent(key);
        return key->isAccepted();
    }
    return WorkspacePage::eventFilter(watched, event);
}

void BoardPage::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (m_moveMode) {
        m_moveMode = false;
        const int column = key - Qt::Key_1;
        if (modifiers == Qt::NoModifier && column >= 0 && column < 9 &&
            column < m_session->model()->boardColumnCount()) {
            moveSelected(column);
        } else {
            Q_EMIT statusMessage(tr("Move cancelled"));
        }
        event->accept();
        return;
    }
    if (key == Qt::Key_Z && modifiers == Qt::ControlModifier) {
        undo();
        event->accept();
        return;
    }
    const bool plain = modifiers == Qt::NoModifier;
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (plain) {
            const QList<int> numbers = targetNumbers();
            if (!numbers.isEmpty())
                showDetail(m_showStale->isChecked()
                               ? numbers.first()
                               : (m_board->currentNumber() > 0 ? m_board->currentNumber()
                                                               : numbers.first()));
            event->accept();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_detail->isVisible()) {
            hideDetail();
            event->accept();
            return;
        }
        break;
    case Qt::Key_L:
        if (plain) {
            openLabelPicker();
            event->accept();
            return;
        }
        break;
    case Qt::Key_A:
        if (plain) {
            openAssign();
            event->accept();
            return;
        }
        break;
    case Qt::Key_C:
        if (plain || modifiers == Qt::ShiftModifier) {
            openClose(modifiers == Qt::ShiftModifier);
            event->accept();
            return;
        }
        break;
    case Qt::Key_R:
        if (plain) {
            openReply();
            event->accept();
            return;
        }
        break;
    case Qt::Key_S:
        if (plain) {
            openSnoozeMenu();
            event->accept();
            return;
        }
        break;
    case Qt::Key_M:
        if (plain && !targetNumbers().isEmpty()) {
            m_moveMode = true;
            QStringList columns;
            const Policy &policy = m_session->policy();
            for (qsizetype i = 0; i < policy.boardColumns.size() && i < 9; ++i)
                columns.append(
                    QStringLiteral("%1 %2").arg(i + 1).arg(policy.boardColumns[i].title));
            Q_EMIT statusMessage(tr("Move to: %1").arg(columns.join(QStringLiteral(" · "))));
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    WorkspacePage::keyPressEvent(event);
}

} // namespace Mainstay
