#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeView;

namespace Mainstay {

class IssueFilterProxyModel;
class IssueListModel;

// The workspace's issues and pull requests as a sortable table with label chips, a text filter
// and kind/state selectors. Emits issueActivated() when a row is opened (Enter or double-click).
class IssueListView : public QWidget
{
    Q_OBJECT
public:
    explicit IssueListView(IssueListModel *model, QWidget *parent = nullptr);

    QTreeView *treeView() const { return m_tree; }
    IssueFilterProxyModel *proxyModel() const { return m_proxy; }
    // 0: issues and pull requests, 1: issues only, 2: pull requests only.
    void setKindFilter(int kind);
    void focusFilter();

Q_SIGNALS:
    void issueActivated(int number, const QString &htmlUrl);

private:
    void applyFilter();
    void updateCount();

    IssueListModel *m_model;
    IssueFilterProxyModel *m_proxy;
    QLineEdit *m_filterEdit;
    QComboBox *m_kindCombo;
    QComboBox *m_stateCombo;
    QLabel *m_countLabel;
    QTreeView *m_tree;
};

} // namespace Mainstay
