#pragma once

#include "workspacepage.h"

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace Mainstay {

class BoardSession;
class BoardView;
class IssueDetailPane;
class RfcReviewPanel;
class StaleListModel;

// The triage board (issue 4): the policy's columns of open issues and pull requests, a filter
// bar with saved views, keyboard triage (move, labels, assign, close, reply, snooze) through the
// outbox with undo, a detail pane, and a stale view. Behaviour lives in BoardSession; this page
// lays it out and maps keys and clicks to it.
class BoardPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit BoardPage(QWidget *parent = nullptr);
    ~BoardPage() override;

    void setWorkspace(const WorkspaceContext &context) override;
    void clearWorkspace() override;
    void syncFinished(bool ok) override;
    void activated() override;
    void focusFilter() override;
    void navigate(const QVariantMap &arguments) override;
    QList<HelpOverlay::Entry> helpEntries() const override;

    BoardSession *session() const { return m_session; }
    BoardView *boardView() const { return m_board; }
    IssueDetailPane *detailPane() const { return m_detail; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *filterError() const { return m_filterError; }
    QComboBox *savedViews() const { return m_views; }
    QPushButton *undoButton() const { return m_undoButton; }
    QToolButton *snoozedToggle() const { return m_showSnoozed; }
    QToolButton *staleToggle() const { return m_showStale; }
    QListView *staleList() const { return m_staleList; }

    // The cards an action applies to: the selection, else the current card (board or stale
    // list).
    QList<int> targetNumbers() const;
    // The actions behind the keys; each opens its dialog (non-blocking) or acts at once.
    void openLabelPicker();
    void openAssign();
    void openClose(bool notPlanned);
    void openReply();
    void openSnoozeMenu();
    void snoozeSelected(int days);
    void unsnoozeSelected();
    void moveSelected(int toColumn);
    void showDetail(int number);
    void hideDetail();
    void undo();
    // Saves the filter bar's query under `name` and selects that view.
    bool saveCurrentFilter(const QString &name);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void reloadSavedViews(const QString &select = {});
    void showToast(const QString &text);
    void refocusBoard();
    void setStaleMode(bool stale);
    void updateSummary();

    BoardSession *m_session;
    QComboBox *m_views;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QToolButton *m_saveView;
    QToolButton *m_deleteView;
    QToolButton *m_showSnoozed;
    QToolButton *m_showStale;
    QLabel *m_summary;
    QSplitter *m_splitter;
    QStackedWidget *m_stack;
    BoardView *m_board;
    StaleListModel *m_staleModel;
    QListView *m_staleList;
    IssueDetailPane *m_detail;
    RfcReviewPanel *m_rfcReview;
    QFrame *m_toast;
    QLabel *m_toastText;
    QPushButton *m_undoButton;
    bool m_moveMode = false;
    bool m_updatingViews = false;
};

} // namespace Mainstay
