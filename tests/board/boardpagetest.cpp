// The triage board page driven as a user does (QTest input on the offscreen platform): drag and
// drop, keyboard triage, bulk reply, undo, snooze, saved filters. A real WorkspaceStore in a
// temporary folder and an Outbox that is never started, so entries just queue.

#include "boardpage.h"
#include "boardcarddelegate.h"
#include "boardsession.h"
#include "boardview.h"
#include "issuedetailpane.h"
#include "issuelistmodel.h"
#include "manualclock.h"
#include "markdownview.h"
#include "outbox.h"
#include "outboxkind.h"
#include "policy.h"
#include "rfcreviewpanel.h"
#include "stalelistmodel.h"
#include "triagedialogs.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Mainstay;

namespace {

const QDateTime Base = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);

Issue makeIssue(int number, const QStringList &labels)
{
    Issue issue;
    issue.id = 9000 + number;
    issue.number = number;
    issue.title = QStringLiteral("Item %1 <b>not bold</b>").arg(number);
    issue.body = QStringLiteral("Body of **%1**\n\n| a | b |\n|---|---|\n| 1 | 2 |").arg(number);
    issue.author.login = QStringLiteral("reporter%1").arg(number);
    issue.createdAt = Base.addDays(-100 + number);
    issue.updatedAt = issue.createdAt.addSecs(3600);
    for (const QString &name : labels)
        issue.labels.append(Label{0, name, QStringLiteral("ededed"), {}, false});
    return issue;
}

QStringList labelsOf(const QJsonObject &payload)
{
    QStringList labels;
    for (const QJsonValue &value : payload.value(QStringLiteral("labels")).toArray())
        labels.append(value.toString());
    return labels;
}

int columnIndex(const QString &id)
{
    return Policy::defaultPolicy().columnIndex(id);
}

class BoardPageTest : public testing::Test
{
protected:
    QTemporaryDir dir;
    ManualClock clock{Base};
    WorkspaceStore store{&clock};
    IssueListModel issues;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<BoardPage> page;
    const int newColumn = columnIndex(QStringLiteral("new"));
    const int waitingColumn = columnIndex(QStringLiteral("waiting-on-author"));
    const int bugsColumn = columnIndex(QStringLiteral("confirmed-bugs"));

    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        ASSERT_TRUE(store.open(dir.path(), QStringLiteral("octo/widgets")).ok);
        QList<Issue> items = {
            makeIssue(1, {QStringLiteral("triage")}),
            makeIssue(2, {QStringLiteral("triage")}),
            makeIssue(3, {QStringLiteral("triage"), QStringLiteral("logger")}),
            makeIssue(4, {QStringLiteral("bug")}),
            makeIssue(5, {QStringLiteral("feature-request")}),
        };
        ASSERT_TRUE(store.cache().upsertIssues(items));
        ASSERT_TRUE(store.cache().replaceLabels({
            Label{1, QStringLiteral("triage"), QStringLiteral("fbca04"), {}, false},
            Label{2, QStringLiteral("bug"), QStringLiteral("d73a4a"), {}, false},
            Label{3, QStringLiteral("documentation"), QStringLiteral("0075ca"), {}, false},
            Label{4, QStringLiteral("logger"), QStringLiteral("c5def5"), {}, false},
            Label{5, QStringLiteral("need-more-information"), QStringLiteral("d876e3"), {}, false},
        }));
        issues.setClock(&clock);
        issues.setIssues(store.cache().loadIssues());
        outbox =
            std::make_unique<Outbox>(&store.userData(), nullptr, QStringLiteral("octo/widgets"));
        openPage();
    }

    void openPage()
    {
        page = std::make_unique<BoardPage>();
        page->resize(1280, 800);
        WorkspaceContext context;
        context.store = &store;
        context.outbox = outbox.get();
        context.issues = &issues;
        context.policy = &Policy::defaultPolicy();
        context.clock = &clock;
        context.repository = QStringLiteral("octo/widgets");
        context.webUrl = QUrl(QStringLiteral("https://github.com/octo/widgets"));
        page->setWorkspace(context);
        page->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(page.get()));
        activate();
    }

    // Closing a dialog leaves no active window on the offscreen platform; a desktop gives the
    // focus back to the page's window, which this does by hand.
    void activate()
    {
        page->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(page.get()));
    }

    BoardModel *model() { return page->session()->model(); }
    BoardCardList *list(int column) { return page->boardView()->list(column); }

    void clickCard(int number, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const QModelIndex index = model()->indexOfCard(number);
        ASSERT_TRUE(index.isValid()) << number;
        BoardCardList *cards = list(index.parent().row());
        cards->scrollTo(index);
        QTest::mouseClick(cards->viewport(), Qt::LeftButton, modifiers,
                          cards->visualRect(index).center());
        ASSERT_TRUE(cards->hasFocus());
    }

    QWidget *focused()
    {
        QWidget *widget = QApplication::focusWidget();
        EXPECT_NE(widget, nullptr);
        return widget ? widget : page.get();
    }

    template<typename T>
    T *openDialog()
    {
        T *dialog = page->findChild<T *>();
        EXPECT_NE(dialog, nullptr);
        if (dialog) {
            EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
        }
        return dialog;
    }
};

} // namespace

TEST_F(BoardPageTest, ModelsPassTheModelTester)
{
    QAbstractItemModelTester boardTester(model(),
                                         QAbstractItemModelTester::FailureReportingMode::Warning);
    StaleListModel stale(page->session());
    QAbstractItemModelTester staleTester(&stale,
                                         QAbstractItemModelTester::FailureReportingMode::Warning);
    clock.setNow(Base.addDays(60));
    stale.refresh();
    EXPECT_EQ(stale.rowCount(), 5);
    page->session()->snooze({1}, 3);
    page->session()->moveCards({2}, bugsColumn);
    model()->setShowSnoozed(true);
    model()->setShowSnoozed(false);
    stale.refresh();
}

TEST_F(BoardPageTest, DraggingACardFromNewToConfirmedBugsQueuesOneLabelWrite)
{
    EXPECT_EQ(model()->columnOf(1), newColumn);
    clickCard(1);
    BoardCardList *source = list(newColumn);
    const QList<int> dragged = source->selectedNumbers();
    ASSERT_EQ(dragged, QList<int>{1});

    // What startDrag() hands to QDrag, delivered to the target column as the platform would.
    std::unique_ptr<QMimeData> data(BoardCardList::mimeDataFor(dragged, newColumn));
    BoardCardList *target = list(bugsColumn);
    const QPoint at = target->viewport()->rect().center();
    QDragEnterEvent enter(at, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target->viewport(), &enter);
    ASSERT_TRUE(enter.isAccepted());
    QDragMoveEvent move(at, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target->viewport(), &move);
    ASSERT_TRUE(move.isAccepted());
    QDropEvent drop(at, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target->viewport(), &drop);
    ASSERT_TRUE(drop.isAccepted());

    const QList<OutboxEntry> pending = outbox->pending();
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending[0].kind, OutboxKind::SetLabels);
    EXPECT_EQ(pending[0].payload.value(QStringLiteral("number")).toInt(), 1);
    EXPECT_EQ(labelsOf(pending[0].payload), QStringList{QStringLiteral("bug")});

    // The card shows the result at once, marked as still being sent.
    EXPECT_EQ(model()->columnOf(1), bugsColumn);
    const QModelIndex card = model()->indexOfCard(1);
    ASSERT_TRUE(card.isValid());
    EXPECT_TRUE(card.data(BoardModel::PendingRole).toBool());
    const QVariantList labels = card.data(BoardModel::LabelsRole).toList();
    ASSERT_EQ(labels.size(), 1);
    EXPECT_EQ(labels[0].toMap().value(QStringLiteral("name")).toString(), QStringLiteral("bug"));
    EXPECT_EQ(labels[0].toMap().value(QStringLiteral("color")).toString(),
              QStringLiteral("d73a4a"));
    EXPECT_TRUE(page->undoButton()->isVisible());

    // A drop on the column the card came from changes nothing.
    std::unique_ptr<QMimeData> back(BoardCardList::mimeDataFor({4}, bugsColumn));
    QDragEnterEvent same(at, Qt::MoveAction, back.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target->viewport(), &same);
    EXPECT_FALSE(same.isAccepted());
    EXPECT_EQ(outbox->pending().size(), 1);
}

TEST_F(BoardPageTest, KeyboardTriageOfThreeCards)
{
    // Card 1: Shift+Right moves it to "Waiting on author".
    clickCard(1);
    QTest::keyClick(focused(), Qt::Key_Right, Qt::ShiftModifier);
    ASSERT_EQ(outbox->pending().size(), 1);
    OutboxEntry entry = outbox->pending().last();
    EXPECT_EQ(entry.kind, OutboxKind::SetLabels);
    EXPECT_EQ(labelsOf(entry.payload), QStringList{QStringLiteral("need-more-information")});
    EXPECT_EQ(model()->columnOf(1), waitingColumn);

    // Card 2: arrows to it, then the label picker with type-ahead.
    ASSERT_TRUE(page->boardView()->selectCard(3));
    QTest::keyClick(focused(), Qt::Key_Up);
    EXPECT_EQ(page->boardView()->currentNumber(), 2);
    QTest::keyClick(focused(), Qt::Key_L);
    auto *picker = openDialog<LabelPicker>();
    ASSERT_NE(picker, nullptr);
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("docu"));
    QTest::keyClick(picker->filterEdit(), Qt::Key_Return); // toggles "documentation"
    EXPECT_TRUE(picker->filterEdit()->text().isEmpty());
    QTest::keyClick(picker->filterEdit(), Qt::Key_Return); // applies
    activate();
    ASSERT_EQ(outbox->pending().size(), 2);
    entry = outbox->pending().last();
    EXPECT_EQ(entry.kind, OutboxKind::AddLabels);
    EXPECT_EQ(entry.payload.value(QStringLiteral("number")).toInt(), 2);
    EXPECT_EQ(labelsOf(entry.payload), QStringList{QStringLiteral("documentation")});
    EXPECT_TRUE(page->session()->item(2)->hasLabel(u"documentation"));

    // Card 3: `m` then a column number moves it; `c` closes it with a comment.
    ASSERT_TRUE(page->boardView()->selectCard(3));
    QTest::keyClick(focused(), Qt::Key_M);
    QTest::keyClick(focused(), Qt::Key_3);
    ASSERT_EQ(outbox->pending().size(), 3);
    EXPECT_EQ(model()->columnOf(3), bugsColumn);
    ASSERT_TRUE(page->boardView()->selectCard(3));
    QTest::keyClick(focused(), Qt::Key_C, Qt::ShiftModifier);
    auto *close = openDialog<CloseDialog>();
    ASSERT_NE(close, nullptr);
    EXPECT_EQ(close->reason(), QStringLiteral("not_planned"));
    QTest::keyClicks(close->commentEdit(), QStringLiteral("Thanks @{author}, closing this."));
    auto *buttons = close->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    ASSERT_EQ(outbox->pending().size(), 4);
    entry = outbox->pending().last();
    EXPECT_EQ(entry.kind, OutboxKind::CloseIssue);
    EXPECT_EQ(entry.payload.value(QStringLiteral("number")).toInt(), 3);
    EXPECT_EQ(entry.payload.value(QStringLiteral("reason")).toString(),
              QStringLiteral("not_planned"));
    EXPECT_EQ(entry.payload.value(QStringLiteral("comment")).toString(),
              QStringLiteral("Thanks @reporter3, closing this."));
    EXPECT_FALSE(model()->indexOfCard(3).isValid()); // closed cards leave the board
}

TEST_F(BoardPageTest, BulkReplyQueuesOneCommentPerCardWithTheAuthorsHandle)
{
    clickCard(1);
    QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier); // the whole "New" column
    EXPECT_EQ(page->targetNumbers(), (QList<int>{1, 2, 3}));
    QTest::keyClick(focused(), Qt::Key_R);
    auto *reply = openDialog<ReplyDialog>();
    ASSERT_NE(reply, nullptr);
    reply->replyList()->setCurrentRow(0); // "Ask for more information"
    EXPECT_TRUE(reply->bodyEdit()->toPlainText().contains(QStringLiteral("@{author}")));
    // The preview shows the first item's author filled in.
    EXPECT_TRUE(reply->preview()->toPlainText().contains(QStringLiteral("@reporter1")));
    // ... linked as GitHub links it, against the workspace's host.
    EXPECT_TRUE(reply->preview()->result().html.contains(
        QStringLiteral("href=\"https://github.com/reporter1\"")));
    if (const QString shots = qEnvironmentVariable("MAINSTAY_SCREENSHOT_DIR"); !shots.isEmpty())
        reply->grab().save(QDir(shots).filePath(QStringLiteral("board-reply.png")));
    QTest::mouseClick(reply->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    const QList<OutboxEntry> pending = outbox->pending();
    ASSERT_EQ(pending.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(pending[i].kind, OutboxKind::Comment);
        EXPECT_EQ(pending[i].payload.value(QStringLiteral("number")).toInt(), i + 1);
        const QString body = pending[i].payload.value(QStringLiteral("body")).toString();
        EXPECT_TRUE(body.startsWith(QStringLiteral("Hi @reporter%1,").arg(i + 1)))
            << body.toStdString();
        EXPECT_FALSE(body.contains(QStringLiteral("{author}")));
    }
}

TEST_F(BoardPageTest, UndoCancelsAQueuedMoveAndRevertsASentOne)
{
    clickCard(2);
    QTest::keyClick(focused(), Qt::Key_Right, Qt::ShiftModifier);
    ASSERT_EQ(outbox->pending().size(), 1);
    const qint64 first = outbox->pending().first().id;
    EXPECT_EQ(model()->columnOf(2), waitingColumn);

    // Not sent yet: undo cancels the entry and the card is back, unmarked.
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(outbox->pending().isEmpty());
    EXPECT_EQ(store.userData().entry(first)->state, OutboxEntry::State::Cancelled);
    EXPECT_EQ(model()->columnOf(2), newColumn);
    EXPECT_FALSE(model()->indexOfCard(2).data(BoardModel::PendingRole).toBool());

    // Already sent: undo queues the inverse (the labels it had before).
    ASSERT_TRUE(page->boardView()->selectCard(2));
    QTest::keyClick(focused(), Qt::Key_Right, Qt::ShiftModifier);
    const qint64 second = outbox->pending().last().id;
    ASSERT_TRUE(store.userData().markSent(second, {}));
    Issue sent = *store.cache().issue(2);
    sent.labels = {
        Label{0, QStringLiteral("need-more-information"), QStringLiteral("d876e3"), {}, false}};
    sent.updatedAt = Base.addSecs(10);
    ASSERT_TRUE(store.cache().upsertIssues({sent}));
    issues.upsert({sent});
    QTest::mouseClick(page->undoButton(), Qt::LeftButton);
    const QList<OutboxEntry> pending = outbox->pending();
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending[0].kind, OutboxKind::SetLabels);
    EXPECT_EQ(labelsOf(pending[0].payload), QStringList{QStringLiteral("triage")});
    EXPECT_EQ(model()->columnOf(2), newColumn);
    EXPECT_FALSE(page->session()->canUndo());
}

TEST_F(BoardPageTest, SnoozeHidesACardUntilNewActivityOrTheDate)
{
    clickCard(2);
    page->snoozeSelected(7);
    EXPECT_FALSE(model()->indexOfCard(2).isValid());
    const QJsonObject stored =
        store.userData().localValue(BoardSession::SnoozeScope, QStringLiteral("2")).toObject();
    EXPECT_EQ(QDateTime::fromString(stored.value(QStringLiteral("until")).toString(), Qt::ISODate),
              Base.addDays(7));
    EXPECT_TRUE(outbox->pending().isEmpty()); // never sent to GitHub

    // The toggle shows snoozed cards, marked.
    page->snoozedToggle()->click();
    ASSERT_TRUE(model()->indexOfCard(2).isValid());
    EXPECT_TRUE(model()->indexOfCard(2).data(BoardModel::SnoozedRole).toBool());
    page->snoozedToggle()->click();
    EXPECT_FALSE(model()->indexOfCard(2).isValid());

    // A reopened page (same workspace) keeps the snooze.
    openPage();
    EXPECT_FALSE(model()->indexOfCard(2).isValid());

    // New activity wakes it up and forgets the snooze.
    Issue active = *issues.issueByNumber(2);
    active.updatedAt = Base.addSecs(3600);
    active.commentCount = 1;
    issues.upsert({active});
    EXPECT_TRUE(model()->indexOfCard(2).isValid());
    EXPECT_TRUE(
        store.userData().localValue(BoardSession::SnoozeScope, QStringLiteral("2")).isUndefined());

    // And the date passing does too.
    ASSERT_TRUE(page->boardView()->selectCard(1));
    page->snoozeSelected(3);
    EXPECT_FALSE(model()->indexOfCard(1).isValid());
    clock.setNow(Base.addDays(3).addSecs(1));
    page->activated();
    EXPECT_TRUE(model()->indexOfCard(1).isValid());
}

TEST_F(BoardPageTest, SavedFiltersRoundTripAndParseErrorsShowInline)
{
    // Typed key by key, "lable" is a word first (matching nothing), then an unknown qualifier.
    QTest::keyClicks(page->filterEdit(), QStringLiteral("lable:bug"));
    EXPECT_FALSE(page->filterError()->isHidden());
    EXPECT_TRUE(page->filterError()->text().contains(QStringLiteral("lable")));
    EXPECT_EQ(model()->cardCount(newColumn), 0); // the last good filter stays: the word "lable"
    page->filterEdit()->clear();
    EXPECT_TRUE(page->filterError()->isHidden());
    EXPECT_EQ(model()->cardCount(newColumn), 3);

    page->filterEdit()->setText(QStringLiteral("label:logger"));
    EXPECT_TRUE(page->filterError()->isHidden());
    EXPECT_EQ(model()->cardCount(newColumn), 1);
    EXPECT_EQ(model()->cardCount(bugsColumn), 0);
    ASSERT_TRUE(page->saveCurrentFilter(QStringLiteral("Logger")));
    page->filterEdit()->setText(QStringLiteral("is:open -label:triage"));
    ASSERT_TRUE(page->saveCurrentFilter(QStringLiteral("Triaged")));

    openPage(); // as after a restart
    QComboBox *views = page->savedViews();
    ASSERT_EQ(views->count(), 3);
    EXPECT_EQ(views->itemText(1), QStringLiteral("Logger"));
    EXPECT_EQ(views->itemText(2), QStringLiteral("Triaged"));
    views->setCurrentIndex(1);
    EXPECT_EQ(page->filterEdit()->text(), QStringLiteral("label:logger"));
    EXPECT_EQ(model()->cardCount(newColumn), 1);
    views->setCurrentIndex(2);
    EXPECT_EQ(model()->cardCount(newColumn), 0);
    EXPECT_EQ(model()->cardCount(bugsColumn), 1);
    views->setCurrentIndex(0);
    EXPECT_EQ(page->filterEdit()->text(), QString());
    EXPECT_TRUE(page->filterError()->isHidden()) << page->filterError()->text().toStdString();
    EXPECT_EQ(model()->cardCount(newColumn), 3);
    EXPECT_EQ(store.userData().localValues(BoardSession::SavedFiltersScope).size(), 2);
}

TEST_F(BoardPageTest, DetailPaneShowsTheRenderedThreadAndLabelHistory)
{
    Comment comment;
    comment.id = 77;
    comment.issueNumber = 1;
    comment.author.login = QStringLiteral("maintainer");
    comment.body = QStringLiteral("See ![tracking](https://tracker.example/pixel.png) please");
    comment.createdAt = Base.addDays(-5);
    ASSERT_TRUE(store.cache().upsertComments({comment}));
    IssueEvent labeled;
    labeled.id = 5;
    labeled.issueNumber = 1;
    labeled.event = QStringLiteral("labeled");
    labeled.actor.login = QStringLiteral("triager");
    labeled.labelName = QStringLiteral("triage");
    labeled.createdAt = Base.addDays(-6);
    ASSERT_TRUE(store.cache().upsertIssueEvents({labeled}));

    clickCard(1);
    QTest::keyClick(focused(), Qt::Key_Return);
    IssueDetailPane *pane = page->detailPane();
    ASSERT_TRUE(pane->isVisible());
    EXPECT_EQ(pane->shownNumber(), 1);
    const QString text = pane->browser()->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Body of 1"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("maintainer")));
    EXPECT_TRUE(text.contains(QStringLiteral("triager added triage")));
    // Nothing remote is loaded until the user allows it; the bar offers to.
    EXPECT_TRUE(pane->browser()->isRemoteImagesBarVisible());
    EXPECT_FALSE(static_cast<QTextBrowser *>(pane->browser())
                     ->loadResource(QTextDocument::ImageResource,
                                    QUrl(QStringLiteral("https://tracker.example/pixel.png")))
                     .isValid());
    // The title is plain text, never HTML.
    const QList<QLabel *> labels = pane->findChildren<QLabel *>();
    EXPECT_TRUE(std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
        return label->textFormat() == Qt::PlainText && label->text().contains(u"<b>not bold</b>");
    }));
    // Moving the selection follows in the pane; Esc closes it.
    page->boardView()->setFocus();
    ASSERT_TRUE(page->boardView()->selectCard(2));
    EXPECT_EQ(pane->shownNumber(), 2);
    QTest::keyClick(focused(), Qt::Key_Escape);
    EXPECT_FALSE(pane->isVisible());
}

TEST_F(BoardPageTest, AssignCompletesKnownUsersAndQueuesOneEntryPerCard)
{
    ASSERT_TRUE(
        store.cache().replaceMaintainers({QStringLiteral("octocat"), QStringLiteral("hubot")}));
    page->session()->reloadFromStore();
    clickCard(1);
    clickCard(2, Qt::ControlModifier);
    QTest::keyClick(focused(), Qt::Key_A);
    auto *assign = openDialog<AssignDialog>();
    ASSERT_NE(assign, nullptr);
    QTest::keyClicks(assign->loginEdit(), QStringLiteral("@octocat, hubot"));
    EXPECT_EQ(assign->logins(), (QStringList{QStringLiteral("octocat"), QStringLiteral("hubot")}));
    assign->accept();
    const QList<OutboxEntry> pending = outbox->pending();
    ASSERT_EQ(pending.size(), 2);
    for (const OutboxEntry &entry : pending) {
        EXPECT_EQ(entry.kind, OutboxKind::Assign);
        EXPECT_EQ(entry.payload.value(QStringLiteral("assignees")).toArray().size(), 2);
    }
    EXPECT_TRUE(page->session()->knownUsers().contains(QStringLiteral("octocat")));
}

TEST_F(BoardPageTest, StaleViewListsOldItemsOldestFirst)
{
    clock.setNow(Base.addDays(-100 + 3 + 31)); // items 1..3 untouched for 30+ days
    page->staleToggle()->click();
    ASSERT_TRUE(page->staleList()->isVisible());
    const QList<int> numbers = page->session()->staleNumbers();
    EXPECT_EQ(numbers, (QList<int>{1, 2, 3}));
    EXPECT_EQ(page->staleList()->model()->rowCount(), 3);
    EXPECT_EQ(page->staleList()->model()->index(0, 0).data(BoardModel::NumberRole).toInt(), 1);
    // Triage keys work in the stale list too.
    page->staleList()->setFocus();
    page->staleList()->setCurrentIndex(page->staleList()->model()->index(1, 0));
    QTest::keyClick(page->staleList(), Qt::Key_S);
    auto *menu = page->findChild<QMenu *>(QString(), Qt::FindDirectChildrenOnly);
    ASSERT_NE(menu, nullptr);
    EXPECT_EQ(menu->actions().size(), 6); // 1 day … 3 months
    ASSERT_NE(menu, nullptr);
    menu->close();
    page->snoozeSelected(14);
    EXPECT_TRUE(page->session()->snoozes().contains(2));
    page->staleToggle()->click();
    EXPECT_TRUE(page->boardView()->isVisible());
}

TEST_F(BoardPageTest, AReloadKeepsTheCurrentCard)
{
    ASSERT_TRUE(page->boardView()->selectCard(3));
    issues.setIssues(store.cache().loadIssues()); // a reset, as a workspace reload does
    EXPECT_EQ(page->boardView()->currentNumber(), 3);
    QTest::keyClick(focused(), Qt::Key_Up);
    EXPECT_EQ(page->boardView()->currentNumber(), 2);
}

TEST_F(BoardPageTest, EveryShortcutIsListedForTheHelpOverlay)
{
    const QList<HelpOverlay::Entry> entries = page->helpEntries();
    QStringList keys;
    for (const HelpOverlay::Entry &entry : entries)
        keys.append(entry.keys);
    for (const QString &key : {QStringLiteral("L"), QStringLiteral("A"), QStringLiteral("C"),
                               QStringLiteral("Shift+C"), QStringLiteral("R"), QStringLiteral("S"),
                               QStringLiteral("Ctrl+Z"), QStringLiteral("Esc")})
        EXPECT_TRUE(keys.contains(key)) << key.toStdString();
}

TEST_F(BoardPageTest, AnRfcShowsTheReviewChecklistUnderItsThread)
{
    Issue rfc = makeIssue(6, {QStringLiteral("RFC")});
    rfc.title = QStringLiteral("RFC: Data masking utility");
    rfc.body = QStringLiteral("### Is this related to an existing feature request or issue?\n\n"
                              "#3\n\n### Which Powertools feature is this RFC for?\n\nNew utility");
    ASSERT_TRUE(store.cache().upsertIssues({rfc}));
    issues.setIssues(store.cache().loadIssues());

    auto *review = page->findChild<RfcReviewPanel *>(QStringLiteral("rfcReview"));
    ASSERT_NE(review, nullptr);
    ASSERT_TRUE(page->boardView()->selectCard(6));
    page->boardView()->setFocus();
    QTest::keyClick(focused(), Qt::Key_Return);
    IssueDetailPane *pane = page->detailPane();
    ASSERT_TRUE(pane->isVisible());
    EXPECT_EQ(pane->shownNumber(), 6);
    EXPECT_TRUE(review->isVisible());
    EXPECT_EQ(review->review().items().size(), Policy::defaultPolicy().rfcReviewQuestions.size());
    if (const QString shots = qEnvironmentVariable("MAINSTAY_SCREENSHOT_DIR"); !shots.isEmpty())
        page->grab().save(QDir(shots).filePath(QStringLiteral("board-rfc-review.png")));

    // Other items keep the pane to their thread.
    ASSERT_TRUE(page->boardView()->selectCard(4));
    EXPECT_EQ(pane->shownNumber(), 4);
    EXPECT_FALSE(review->isVisible());
}
