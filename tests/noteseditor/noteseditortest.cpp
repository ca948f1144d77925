// The release-notes page as a user drives it: typing reaches the preview, a burst renders once,
// a crash loses nothing that the autosave wrote, versions restore, find / replace, the checks
// panel jumps to lines, and publishing queues exactly the right outbox entries.
#include "draftautosaver.h"
#include "draftversionsdialog.h"
#include "findreplacebar.h"
#include "githubclient.h"
#include "manualclock.h"
#include "manualscheduler.h"
#include "markdowneditor.h"
#include "markdownpreviewpipeline.h"
#include "noteschecksview.h"
#include "notespage.h"
#include "notespreview.h"
#include "outbox.h"
#include "outboxkind.h"
#include "policy.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using namespace Mainstay;

namespace {

const QString Repository = QStringLiteral("acme/widgets");
const QDateTime Now = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);

class NotesPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_store = std::make_unique<WorkspaceStore>(&m_clock);
        ASSERT_TRUE(m_store->open(m_dir.path(), Repository).ok);
        // Never sent anywhere (the outbox is not started), and a closed loopback port in case.
        m_client.setApiUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        m_outbox =
            std::make_unique<Outbox>(&m_store->userData(), &m_client, Repository, &m_scheduler);
        m_policy = Policy::defaultPolicy();
    }

    WorkspaceContext contextFor(WorkspaceStore *store)
    {
        WorkspaceContext context;
        context.store = store;
        context.outbox = m_outbox.get();
        context.policy = &m_policy;
        context.clock = &m_clock;
        context.repository = Repository;
        context.webUrl = QUrl(QStringLiteral("https://github.com/acme/widgets"));
        return context;
    }

    std::unique_ptr<NotesPage> makePage(WorkspaceStore *store = nullptr)
    {
        auto page = std::make_unique<NotesPage>();
        page->setScheduler(&m_scheduler);
        page->setConfirm([this](const QString &, const QString &) {
            ++m_confirmations;
            return m_answer;
        });
        page->resize(1200, 800);
        page->show();
        page->setWorkspace(contextFor(store ? store : m_store.get()));
        return page;
    }

    // Lets the render in flight finish and its result reach the preview.
    static bool waitForPreview(NotesPage &page)
    {
        return QTest::qWaitFor(
            [&] { return !page.pipeline()->isRendering() && !page.pipeline()->isStale(); }, 10000);
    }

    static QString previewText(NotesPage &page) { return page.preview()->toPlainText(); }

    void typeAndRender(NotesPage &page, const QString &text)
    {
        page.editor()->setFocus();
        QTest::keyClicks(page.editor(), text);
        m_scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
        ASSERT_TRUE(waitForPreview(page));
    }

    Release draftRelease(qint64 id, const QString &tag) const
    {
        Release release;
        release.id = id;
        release.tagName = tag;
        release.name = tag;
        release.body = QStringLiteral("## What's new\n\n* Faster sync (#12) @octo\n");
        release.targetCommitish = QStringLiteral("develop");
        release.draft = true;
        release.createdAt = Now.addDays(-1);
        release.htmlUrl = QStringLiteral("https://github.com/acme/widgets/releases/tag/untagged-1");
        return release;
    }

    QTemporaryDir m_dir;
    ManualClock m_clock{Now};
    ManualScheduler m_scheduler{&m_clock};
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
    std::unique_ptr<WorkspaceStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    Policy m_policy;
    int m_confirmations = 0;
    bool m_answer = true;
};

} // namespace

TEST_F(NotesPageTest, TypingReachesThePreviewAfterTheDebounce)
{
    auto page = makePage();
    EXPECT_EQ(page->draftKey(), QStringLiteral("release-notes/new"));
    ASSERT_TRUE(waitForPreview(*page));
    const int rendersBefore = page->pipeline()->renderCount();

    page->editor()->setFocus();
    QTest::keyClicks(page->editor(), QStringLiteral("## Highlights"));
    QTest::keyClick(page->editor(), Qt::Key_Return);
    QTest::keyClick(page->editor(), Qt::Key_Return);
    QTest::keyClicks(page->editor(), QStringLiteral("Some **bold** text"));
    // Nothing is rendered while the user types.
    m_scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs - 1);
    EXPECT_EQ(page->pipeline()->renderCount(), rendersBefore);
    EXPECT_FALSE(previewText(*page).contains(QStringLiteral("Highlights")));

    m_scheduler.advance(1);
    ASSERT_TRUE(waitForPreview(*page));
    // 33 keystrokes, one render.
    EXPECT_EQ(page->pipeline()->renderCount(), rendersBefore + 1);
    EXPECT_TRUE(previewText(*page).contains(QStringLiteral("Highlights")));
    EXPECT_TRUE(previewText(*page).contains(QStringLiteral("Some bold text")));
    EXPECT_FALSE(previewText(*page).contains(QStringLiteral("**")));
    EXPECT_TRUE(page->preview()->renderedHtml().contains(QStringLiteral("<h2")));
}

TEST_F(NotesPageTest, KeystrokesDuringARenderAreRenderedOnceAfterIt)
{
    auto page = makePage();
    ASSERT_TRUE(waitForPreview(*page));
    const int rendersBefore = page->pipeline()->renderCount();
    page->editor()->setFocus();
    QTest::keyClicks(page->editor(), QStringLiteral("alpha"));
    m_scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    ASSERT_TRUE(page->pipeline()->isRendering());
    // The user keeps typing while the render runs: the editor takes every key at once.
    QTest::keyClicks(page->editor(), QStringLiteral(" beta"));
    m_scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    QTest::keyClicks(page->editor(), QStringLiteral(" gamma"));
    m_scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    EXPECT_EQ(page->editor()->toPlainText(), QStringLiteral("alpha beta gamma"));
    ASSERT_TRUE(waitForPreview(*page));
    EXPECT_EQ(page->pipeline()->renderCount(), rendersBefore + 2);
    EXPECT_TRUE(previewText(*page).contains(QStringLiteral("alpha beta gamma")));
}

TEST_F(NotesPageTest, AResizedPreviewIsLaidOutAgainAtItsNewWidth)
{
    auto page = makePage();
    typeAndRender(*page, QStringLiteral("A paragraph long enough to wrap differently when the "
                                        "preview is narrower than it was when first shown."));
    ASSERT_GT(page->preview()->segmentCount(), 0);
    const auto widthOf = [&] { return page->pipeline()->segments().first().document->textWidth(); };
    const qreal before = widthOf();
    EXPECT_EQ(before, page->preview()->layoutForPipeline().textWidth);
    page->resize(900, 800);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return !page->pipeline()->isRendering() && !page->pipeline()->isStale() &&
                   widthOf() == page->preview()->layoutForPipeline().textWidth;
        },
        10000));
    EXPECT_LT(widthOf(), before);
    EXPECT_TRUE(previewText(*page).contains(QStringLiteral("A paragraph long enough")));
}

TEST_F(NotesPageTest, LongNotesOpenWithTheirPreviewLaidOutOnTheWorker)
{
    // Notes longer than SyncPreviewChars, restored from the drafts: the preview is laid out off
    // the GUI thread, shows nothing of another text meanwhile, and then the whole notes.
    QStringList lines{QStringLiteral("## Summary"), QString()};
    for (int i = 0; lines.join(QLatin1Char('\n')).size() <= NotesPage::SyncPreviewChars; ++i)
        lines << QStringLiteral("* feat(parser): support option %1 (#%1) by @someone").arg(i);
    lines << QString() << QStringLiteral("The last line.");
    const QString notes = lines.join(QLatin1Char('\n'));
    ASSERT_TRUE(m_store->userData().saveDraft(QStringLiteral("release-notes/new"), notes));

    auto page = makePage();
    EXPECT_EQ(page->editor()->toPlainText(), notes);
    // The render's answer is an event the test has not let in yet.
    EXPECT_TRUE(page->pipeline()->isStale());
    EXPECT_EQ(page->preview()->segmentCount(), 0);
    ASSERT_TRUE(waitForPreview(*page));
    EXPECT_TRUE(previewText(*page).contains(QStringLiteral("The last line.")));
    EXPECT_TRUE(previewText(*page).contains(QStringLiteral("support option 0 ")));
    EXPECT_GT(page->preview()->segmentCount(), 10);
}

TEST_F(NotesPageTest, ADraftSurvivesACrashAndIsRestoredByTheNextStart)
{
    auto page = makePage();
    typeAndRender(*page, QStringLiteral("Saved before the crash"));
    m_scheduler.advance(DraftAutosaver::DefaultDelayMs);
    EXPECT_EQ(m_store->userData().draft(QStringLiteral("release-notes/new")),
              QStringLiteral("Saved before the crash"));
    page->tagEdit()->setText(QStringLiteral("v2.0.0"));
    QTest::keyClicks(page->tagEdit(), QStringLiteral("1")); // textEdited: "v2.0.01"
    // Typed after the last autosave, then the process dies: that part may be lost, nothing else.
    page->editor()->setFocus();
    QTest::keyClicks(page->editor(), QStringLiteral(" and after"));

    // The crashed process never closes its page or store; a new process opens the same files.
    WorkspaceStore restarted(&m_clock);
    ASSERT_TRUE(restarted.open(m_dir.path(), Repository).ok);
    auto next = makePage(&restarted);
    EXPECT_EQ(next->draftKey(), QStringLiteral("release-notes/new"));
    EXPECT_EQ(next->editor()->toPlainText(), QStringLiteral("Saved before the crash"));
    EXPECT_EQ(next->tagEdit()->text(), QStringLiteral("v2.0.01"));
    ASSERT_TRUE(waitForPreview(*next));
    EXPECT_TRUE(previewText(*next).contains(QStringLiteral("Saved before the crash")));
    // The local notes are listed.
    ASSERT_GE(next->releaseList()->count(), 1);
    EXPECT_EQ(next->releaseList()->item(0)->data(Qt::UserRole + 1).toString(),
              QStringLiteral("release-notes/new"));
    next.reset();
    page.reset();
}

TEST_F(NotesPageTest, ACleanCloseKeepsTheLastKeystrokes)
{
    {
        auto page = makePage();
        page->editor()->setFocus();
        QTest::keyClicks(page->editor(), QStringLiteral("closed cleanly"));
    }
    EXPECT_EQ(m_store->userData().draft(QStringLiteral("release-notes/new")),
              QStringLiteral("closed cleanly"));
}

TEST_F(NotesPageTest, ReleasesAreListedNewestFirstAndSelectingOneOpensIt)
{
    Release older = draftRelease(10, QStringLiteral("v1.0.0"));
    older.draft = false;
    older.createdAt = Now.addDays(-30);
    older.publishedAt = Now.addDays(-30);
    older.body = QStringLiteral("Old notes");
    older.htmlUrl = QStringLiteral("https://github.com/acme/widgets/releases/tag/v1.0.0");
    const Release draft = draftRelease(11, QStringLiteral("v1.1.0"));
    ASSERT_TRUE(m_store->cache().upsertReleases({older, draft}));
    auto page = makePage();
    // No local notes yet: the newest draft opens.
    EXPECT_EQ(page->draftKey(), QStringLiteral("release-notes/11"));
    EXPECT_EQ(page->editor()->toPlainText(), draft.body);
    EXPECT_EQ(page->tagEdit()->text(), QStringLiteral("v1.1.0"));
    ASSERT_EQ(page->releaseList()->count(), 2);
    EXPECT_EQ(page->releaseList()->item(0)->text(), QStringLiteral("v1.1.0"));
    EXPECT_EQ(page->releaseList()->item(1)->text(), QStringLiteral("v1.0.0"));

    page->releaseList()->setCurrentRow(1);
    EXPECT_EQ(page->draftKey(), QStringLiteral("release-notes/10"));
    EXPECT_EQ(page->editor()->toPlainText(), QStringLiteral("Old notes"));
    EXPECT_FALSE(page->openedRelease().draft);
    ASSERT_TRUE(waitForPreview(*page));
    EXPECT_TRUE(previewText(*page).contains(QStringLiteral("Old notes")));
    auto *state = page->findChild<QLabel *>(QStringLiteral("releaseState"));
    ASSERT_NE(state, nullptr);
    EXPECT_TRUE(state->text().contains(older.htmlUrl));

    // Local edits of a release win over the cached body when it is opened again.
    page->releaseList()->setCurrentRow(0);
    page->editor()->selectAll();
    QTest::keyClicks(page->editor(), QStringLiteral("Edited locally"));
    m_scheduler.advance(DraftAutosaver::DefaultDelayMs);
    page->releaseList()->setCurrentRow(1);
    page->releaseList()->setCurrentRow(0);
    EXPECT_EQ(page->editor()->toPlainText(), QStringLiteral("Edited locally"));
}

TEST_F(NotesPageTest, AKeptVersionIsRestoredAndTheCurrentTextKept)
{
    auto page = makePage();
    page->editor()->setFocus();
    QTest::keyClicks(page->editor(), QStringLiteral("first text"));
    page->saveVersion(QStringLiteral("one"));
    page->editor()->selectAll();
    QTest::keyClicks(page->editor(), QStringLiteral("second text"));

    bool sawDialog = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<DraftVersionsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        dialog->selectVersion(0);
        dialog->restoreSelected();
    });
    page->showVersions();
    ASSERT_TRUE(sawDialog);
    EXPECT_EQ(page->editor()->toPlainText(), QStringLiteral("first text"));
    const QList<DraftVersion> versions =
        m_store->userData().draftVersions(QStringLiteral("release-notes/new"));
    ASSERT_EQ(versions.size(), 2);
    EXPECT_EQ(versions.at(0).text, QStringLiteral("second text")); // kept before restoring
    EXPECT_TRUE(versions.at(0).label.contains(QStringLiteral("one")));
    EXPECT_EQ(versions.at(1).label, QStringLiteral("one"));
    // The restored text is the draft now.
    EXPECT_EQ(m_store->userData().draft(QStringLiteral("release-notes/new")),
              QStringLiteral("first text"));
}

TEST_F(NotesPageTest, FindAndReplace)
{
    auto page = makePage();
    page->editor()->setPlainText(QStringLiteral("foo one\nFoo two\nthree foo"));
    FindReplaceBar *bar = page->findBar();
    page->focusFilter(); // Ctrl+F through the main window
    EXPECT_TRUE(bar->isVisible());
    bar->setFindText(QStringLiteral("foo"));
    EXPECT_EQ(bar->matchCount(), 3);
    EXPECT_EQ(page->editor()->textCursor().selectedText(), QStringLiteral("foo"));
    EXPECT_TRUE(bar->findNext());
    EXPECT_EQ(page->editor()->textCursor().blockNumber(), 1);
    bar->setCaseSensitive(true);
    EXPECT_EQ(bar->matchCount(), 2);

    bar->openReplace(); // takes the selection ("Foo") as the search text, like most editors
    EXPECT_EQ(bar->findChild<QLineEdit *>(QStringLiteral("findText"))->text(),
              QStringLiteral("Foo"));
    bar->setFindText(QStringLiteral("foo"));
    bar->setReplaceText(QStringLiteral("bar"));
    EXPECT_EQ(bar->replaceAll(), 2);
    EXPECT_EQ(page->editor()->toPlainText(), QStringLiteral("bar one\nFoo two\nthree bar"));
    // One undo step brings every replacement back.
    page->editor()->undo();
    EXPECT_EQ(page->editor()->toPlainText(), QStringLiteral("foo one\nFoo two\nthree foo"));

    // Replace one at a time.
    page->editor()->moveCursor(QTextCursor::Start);
    EXPECT_TRUE(bar->findNext());
    EXPECT_TRUE(bar->replaceCurrent());
    EXPECT_EQ(page->editor()->toPlainText(), QStringLiteral("bar one\nFoo two\nthree foo"));
    EXPECT_EQ(page->editor()->textCursor().blockNumber(), 2); // on the next match
    QTest::keyClick(bar->findChild<QLineEdit *>(QStringLiteral("findText")), Qt::Key_Escape);
    EXPECT_FALSE(bar->isVisible());
}

TEST_F(NotesPageTest, TheChecksPanelJumpsToTheLineAndAppliesFixes)
{
    auto page = makePage();
    const QString placeholder = m_policy.release.summaryPlaceholder;
    ASSERT_FALSE(placeholder.isEmpty());
    page->editor()->setPlainText(QStringLiteral("## Summary\n\n") + placeholder +
                                 QStringLiteral("\n\n## Changes\n\n* Faster sync (#12) @octo\n"));
    page->runChecksNow();
    NotesChecksView *checks = page->checksView();
    const int row = checks->rowOf(QStringLiteral("summary-placeholder"));
    ASSERT_GE(row, 0);
    const NotesCheck check = checks->checks().at(row);
    EXPECT_NE(check.severity, NotesCheck::Severity::Ok);
    EXPECT_EQ(check.line, 3);
    // Problems come first in the panel, each with its icon.
    EXPECT_NE(checks->checks().first().severity, NotesCheck::Severity::Ok);
    EXPECT_FALSE(checks->tree()->topLevelItem(row)->icon(0).isNull());

    page->editor()->moveCursor(QTextCursor::Start);
    QTreeWidgetItem *item = checks->tree()->topLevelItem(row);
    checks->tree()->setCurrentItem(item);
    Q_EMIT checks->tree()->itemActivated(item, 0);
    EXPECT_EQ(page->editor()->textCursor().blockNumber() + 1, 3);
    EXPECT_EQ(page->editor()->textCursor().selectedText(), placeholder);

    if (check.fix) {
        page->applyFix(check);
        EXPECT_FALSE(page->editor()->toPlainText().contains(placeholder));
    }
}

TEST_F(NotesPageTest, PublishingNewNotesQueuesOneCreateRelease)
{
    auto page = makePage();
    page->titleEdit()->setText(QStringLiteral("v2.1.0"));
    page->tagEdit()->setText(QStringLiteral("v2.1.0"));
    page->targetEdit()->setText(QStringLiteral("develop"));
    page->editor()->setPlainText(QStringLiteral("Big release.\n"));

    m_answer = false;
    EXPECT_FALSE(page->publish());
    EXPECT_EQ(m_outbox->pendingCount(), 0);
    EXPECT_EQ(m_confirmations, 1);

    m_answer = true;
    ASSERT_TRUE(page->publish());
    EXPECT_NE(page->pendingEntry(), 0);
    const QList<OutboxEntry> pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending.at(0).kind, OutboxKind::CreateRelease);
    const QJsonObject fields = pending.at(0).payload.value(QLatin1String("fields")).toObject();
    EXPECT_EQ(fields.value(QLatin1String("tag_name")).toString(), QStringLiteral("v2.1.0"));
    EXPECT_EQ(fields.value(QLatin1String("name")).toString(), QStringLiteral("v2.1.0"));
    EXPECT_EQ(fields.value(QLatin1String("target_commitish")).toString(),
              QStringLiteral("develop"));
    EXPECT_EQ(fields.value(QLatin1String("body")).toString(), QStringLiteral("Big release.\n"));
    EXPECT_FALSE(fields.value(QLatin1String("draft")).toBool(true));
    EXPECT_FALSE(fields.value(QLatin1String("prerelease")).toBool(true));
    // While it is on its way nothing else can be sent twice.
    EXPECT_FALSE(page->publish());
    EXPECT_FALSE(page->saveToGitHub());
    EXPECT_EQ(m_outbox->pendingCount(), 1);
}

TEST_F(NotesPageTest, ADraftIsSavedOnGitHubThenUpdatedAndPublished)
{
    auto page = makePage();
    page->tagEdit()->setText(QStringLiteral("v3.0.0"));
    page->titleEdit()->setText(QStringLiteral("Version 3"));
    page->prereleaseBox()->setChecked(true);
    page->editor()->setPlainText(QStringLiteral("Draft text\n"));
    ASSERT_TRUE(page->saveToGitHub());
    QList<OutboxEntry> pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending.at(0).kind, OutboxKind::CreateRelease);
    QJsonObject fields = pending.at(0).payload.value(QLatin1String("fields")).toObject();
    EXPECT_TRUE(fields.value(QLatin1String("draft")).toBool());
    EXPECT_TRUE(fields.value(QLatin1String("prerelease")).toBool());
    EXPECT_EQ(fields.value(QLatin1String("name")).toString(), QStringLiteral("Version 3"));

    // GitHub answers: the page follows the new release (its id, its key) from then on.
    QJsonObject answer{
        {QStringLiteral("id"), 501},
        {QStringLiteral("tag_name"), QStringLiteral("v3.0.0")},
        {QStringLiteral("name"), QStringLiteral("Version 3")},
        {QStringLiteral("body"), QStringLiteral("Draft text\n")},
        {QStringLiteral("target_commitish"), QStringLiteral("develop")},
        {QStringLiteral("draft"), true},
        {QStringLiteral("prerelease"), true},
        {QStringLiteral("created_at"), QStringLiteral("2026-09-21T10:00:00Z")},
        {QStringLiteral("published_at"), QJsonValue()},
        {QStringLiteral("html_url"),
         QStringLiteral("https://github.com/acme/widgets/releases/tag/untagged-9")},
        {QStringLiteral("author"),
         QJsonObject{{QStringLiteral("login"), QStringLiteral("octo")},
                     {QStringLiteral("id"), 1},
                     {QStringLiteral("type"), QStringLiteral("User")},
                     {QStringLiteral("avatar_url"), QStringLiteral("https://avatars.example/u/1")},
                     {QStringLiteral("html_url"), QStringLiteral("https://github.com/octo")}}}};
    ASSERT_TRUE(m_store->userData().markSending(pending.at(0).id));
    ASSERT_TRUE(m_store->userData().markSent(pending.at(0).id, answer));
    OutboxEntry sent = *m_store->userData().entry(pending.at(0).id);
    Q_EMIT m_outbox->entrySent(sent);
    EXPECT_EQ(page->pendingEntry(), 0);
    EXPECT_EQ(page->openedRelease().id, 501);
    EXPECT_EQ(page->draftKey(), QStringLiteral("release-notes/501"));
    EXPECT_EQ(m_store->userData().draft(QStringLiteral("release-notes/501")),
              QStringLiteral("Draft text\n"));
    EXPECT_TRUE(m_store->userData().draft(QStringLiteral("release-notes/new")).isNull());
    ASSERT_EQ(m_store->cache().loadReleases().size(), 1);

    page->editor()->appendPlainText(QStringLiteral("More"));
    ASSERT_TRUE(page->saveToGitHub());
    pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending.at(0).kind, OutboxKind::UpdateRelease);
    EXPECT_EQ(pending.at(0).payload.value(QLatin1String("id")).toInteger(), 501);
    fields = pending.at(0).payload.value(QLatin1String("fields")).toObject();
    EXPECT_TRUE(fields.value(QLatin1String("draft")).toBool());
    EXPECT_EQ(fields.value(QLatin1String("body")).toString(), QStringLiteral("Draft text\n\nMore"));
    ASSERT_TRUE(m_store->userData().markSending(pending.at(0).id));
    ASSERT_TRUE(m_store->userData().markSent(pending.at(0).id, answer));
    Q_EMIT m_outbox->entrySent(*m_store->userData().entry(pending.at(0).id));

    ASSERT_TRUE(page->publish());
    pending = m_outbox->pending();
    ASSERT_EQ(pending.size(), 1);
    EXPECT_EQ(pending.at(0).kind, OutboxKind::UpdateRelease);
    EXPECT_EQ(pending.at(0).payload.value(QLatin1String("id")).toInteger(), 501);
    fields = pending.at(0).payload.value(QLatin1String("fields")).toObject();
    EXPECT_FALSE(fields.value(QLatin1String("draft")).toBool(true));
    EXPECT_EQ(fields.value(QLatin1String("tag_name")).toString(), QStringLiteral("v3.0.0"));

    // A refusal leaves the notes as they are and the buttons usable again.
    ASSERT_TRUE(m_store->userData().markSending(pending.at(0).id));
    ASSERT_TRUE(m_store->userData().markFailed(pending.at(0).id, QStringLiteral("422"), true));
    QSignalSpy messages(page.get(), &NotesPage::message);
    Q_EMIT m_outbox->entryFailed(*m_store->userData().entry(pending.at(0).id),
                                 QStringLiteral("tag_name already exists"), true);
    EXPECT_EQ(page->pendingEntry(), 0);
    ASSERT_EQ(messages.count(), 1);
    EXPECT_TRUE(
        messages.at(0).at(1).toString().contains(QStringLiteral("tag_name already exists")));
    EXPECT_EQ(page->editor()->toPlainText(), QStringLiteral("Draft text\n\nMore"));
}

TEST_F(NotesPageTest, ThePreviewFollowsTheEditorsScrollPosition)
{
    QString text;
    for (int i = 1; i <= 400; ++i)
        text += QStringLiteral("Line %1 of the notes\n\n").arg(i);
    auto page = makePage();
    page->editor()->setPlainText(text);
    m_scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    ASSERT_TRUE(waitForPreview(*page));
    QScrollBar *editorBar = page->editor()->verticalScrollBar();
    QScrollBar *previewBar = page->preview()->verticalScrollBar();
    ASSERT_GT(editorBar->maximum(), 0);
    ASSERT_GT(previewBar->maximum(), 0);
    editorBar->setValue(editorBar->maximum() / 2);
    EXPECT_NEAR(double(previewBar->value()) / previewBar->maximum(), 0.5, 0.02);
    editorBar->setValue(editorBar->maximum());
    EXPECT_EQ(previewBar->value(), previewBar->maximum());
    // A re-render keeps the preview where the editor is.
    page->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(page->editor(), QStringLiteral("x"));
    m_scheduler.advance(MarkdownPreviewPipeline::DefaultDebounceMs);
    ASSERT_TRUE(waitForPreview(*page));
    EXPECT_EQ(previewBar->value(), previewBar->maximum());
}
