#pragma once

#include "hygienecontext.h"
#include "labelchange.h"
#include "workspacepage.h"

#include <QSet>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace Mainstay {

class PendingReleaseModel;
class PullRequestHygieneDelegate;
class PullRequestHygieneFilterModel;
class PullRequestHygieneModel;
struct OutboxEntry;

// The pull-request hygiene list (issue 4): every open PR against the maintainers' guide, with a
// summary of its findings below the list and one-click fixes through the outbox (one entry per
// PR, bulk too), and a second tab of merged PRs whose linked issue lacks `pending-release`.
class PullRequestsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit PullRequestsPage(QWidget *parent = nullptr);
    ~PullRequestsPage() override;

    void setWorkspace(const WorkspaceContext &context) override;
    void clearWorkspace() override;
    void syncFinished(bool ok) override;
    void activated() override;
    void focusFilter() override;
    void navigate(const QVariantMap &arguments) override;
    QList<HelpOverlay::Entry> helpEntries() const override;

    // The changed files of a PR for the area-label rule, when something fetches them.
    void setChangedFilesLookup(std::function<std::optional<QStringList>(int)> lookup);

    // Reads the store again and rebuilds both lists (keeps the selection).
    void reload();
    // Queues the fix of each PR (source rows of the open list) as one outbox entry; returns how
    // many entries were queued.
    int fixPullRequests(const QList<int> &sourceRows);
    // The same for the selected rows of the current tab.
    int fixSelected();

    // For tests and the shortcuts.
    QTreeView *openView() const { return m_openView; }
    QTreeView *mergedView() const { return m_mergedView; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *onlyProblemsBox() const { return m_onlyProblems; }
    QPushButton *fixSelectedButton() const { return m_fixSelected; }
    QPushButton *detailFixButton() const { return m_detailFix; }
    QTabWidget *tabs() const { return m_tabs; }
    QTextBrowser *detail() const { return m_detail; }
    PullRequestHygieneModel *model() const { return m_model; }
    PullRequestHygieneFilterModel *proxy() const { return m_proxy; }
    PendingReleaseModel *mergedModel() const { return m_merged; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectOutbox();
    void refreshPending();
    void updateDetail();
    void updateActions();
    void showContextMenu(QTreeView *view, const QPoint &position);
    void openOnGitHub(QTreeView *view);
    int fixMergedRows(const QList<int> &sourceRows);
    // Says so and returns false when there is no outbox to queue fixes in.
    bool canQueueFixes();
    // One outbox entry per (number, change), read before queuing (queuing reloads the models);
    // says what could not be stored. Returns how many were queued.
    int queueLabelChanges(const QList<QPair<int, LabelChange>> &changes);
    QList<int> selectedSourceRows(QTreeView *view) const;
    int currentSourceRow() const;
    QString pullUrl(int number) const;
    void onOutboxChanged(const OutboxEntry &entry);

    PullRequestHygieneModel *m_model;
    PullRequestHygieneFilterModel *m_proxy;
    PendingReleaseModel *m_merged;
    QSortFilterProxyModel *m_mergedProxy;
    PullRequestHygieneDelegate *m_delegate;
    QTabWidget *m_tabs;
    QLineEdit *m_filter;
    QCheckBox *m_onlyProblems;
    QLabel *m_counts;
    QPushButton *m_fixSelected;
    QTreeView *m_openView;
    QTreeView *m_mergedView;
    QLabel *m_detailTitle;
    QTextBrowser *m_detail;
    QPushButton *m_detailFix;
    QPushButton *m_detailOpen;
    QLabel *m_mergedNote;
    QLabel *m_empty;
    std::function<std::optional<QStringList>(int)> m_changedFiles;
    QList<QMetaObject::Connection> m_outboxConnections;
    bool m_dirty = true;
    bool m_queueing = false; // a batch of fixes is being queued: reload once, after it
    bool m_columnsSized = false;
};

} // namespace Mainstay
