#pragma once

#include "hygienechecker.h"
#include "hygienecontext.h"
#include "hygienefinding.h"
#include "pullrequest.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace Mainstay {

// Merged pull requests whose linked issue lacks `pending-release`: one row per finding of the
// `pending-release` rule (HygieneChecker; a PR that fixes two issues gives two rows). The fix goes
// on the issue, not on the PR.
class PendingReleaseModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns
    {
        IssueColumn,
        IssueTitleColumn,
        PullRequestColumn,
        PullRequestTitleColumn,
        MergedColumn,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1,
        NumberRole,      // the issue the fix goes on
        PullRequestRole, // the merged PR that was checked
        PendingRole,     // writes to the issue wait in the outbox
        MessageRole,
    };

    explicit PendingReleaseModel(QObject *parent = nullptr);

    void setPolicy(const Policy &policy);
    // Runs the pending-release rule over the merged PRs of `pullRequests`; `titles` gives the
    // linked issues' titles (by number).
    using QAbstractTableModel::setData;
    void setData(const QList<PullRequest> &pullRequests, const HygieneContext &context,
                 const QHash<int, QString> &titles);
    void clear();
    void setPendingNumbers(const QSet<int> &numbers);

    const HygieneFinding *finding(int row) const;
    QList<HygieneFinding> findings() const;
    // The fix of the issue of `row` (all rows about that issue merged): one outbox entry.
    LabelChange fix(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        HygieneFinding finding;
        QString issueTitle;
        QString pullTitle;
        QDateTime mergedAt;
    };
    HygieneChecker m_checker;
    QList<Row> m_rows;
    QSet<int> m_pending;
};

} // namespace Mainstay
