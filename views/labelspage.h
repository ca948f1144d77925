#pragma once

#include "labelcatalogfix.h"
#include "workspacepage.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace Mainstay {

class LabelCatalogDelegate;
class LabelCatalogFilterModel;
class LabelCatalogModel;
struct OutboxEntry;

// The label catalogue (issue 4): the repository's labels against the policy's label table, with
// what differs, how many open items use each label, and fixes through the outbox — "Apply all"
// (creates and updates only), "Apply selected", and deleting extra labels after a confirmation
// that names the open items they would come off.
class LabelsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit LabelsPage(QWidget *parent = nullptr);
    ~LabelsPage() override;

    void setWorkspace(const WorkspaceContext &context) override;
    void clearWorkspace() override;
    void syncFinished(bool ok) override;
    void activated() override;
    void focusFilter() override;
    QList<HelpOverlay::Entry> helpEntries() const override;

    void reload();
    // Queue every create and update the catalogue proposes; returns the entries queued.
    int applyAll();
    // Queue the selected rows' fixes; deletes are confirmed first (cancel queues nothing).
    int applySelected();
    // Delete the selected extra labels, after the confirmation.
    int deleteSelected();

    QTreeView *view() const { return m_view; }
    LabelCatalogModel *model() const { return m_model; }
    QPushButton *applyAllButton() const { return m_applyAll; }
    QPushButton *applySelectedButton() const { return m_applySelected; }
    QPushButton *deleteButton() const { return m_delete; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *onlyDifferencesBox() const { return m_onlyDifferences; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int queue(const QList<LabelCatalogFix> &fixes);
    bool confirmDeletes(const QList<LabelCatalogFix> &deletes);
    QList<int> selectedSourceRows() const;
    void updateActions();
    void updateDetail();
    void onOutboxChanged();

    LabelCatalogModel *m_model;
    LabelCatalogFilterModel *m_proxy;
    LabelCatalogDelegate *m_delegate;
    QLineEdit *m_filter;
    QCheckBox *m_onlyDifferences;
    QLabel *m_counts;
    QPushButton *m_applySelected;
    QPushButton *m_applyAll;
    QPushButton *m_delete;
    QTreeView *m_view;
    QLabel *m_detail;
    QLabel *m_empty;
    QList<QMetaObject::Connection> m_outboxConnections;
    bool m_dirty = true;
    bool m_queueing = false;
    bool m_autoCurrent = false;    // the current row was picked by the page, not the user
    bool m_settingCurrent = false; // the page is moving the current row itself
    bool m_columnsSized = false;
};

} // namespace Mainstay
