#include "pendingreleasemodel.h"

#include "hygienerules.h"

#include <QLocale>

namespace Mainstay {

PendingReleaseModel::PendingReleaseModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PendingReleaseModel::setPolicy(const Policy &policy)
{
    beginResetModel();
    m_checker = HygieneChecker(policy);
    m_rows.clear();
    endResetModel();
}

void PendingReleaseModel::setData(const QList<PullRequest> &pullRequests,
                                  const HygieneContext &context, const QHash<int, QString> &titles)
{
    beginResetModel();
    m_rows.clear();
    const QStringList only{HygieneRules::pendingRelease.toString()};
    for (const PullRequest &pull : pullRequests) {
        if (!pull.isMerged())
            continue;
        for (const HygieneFinding &finding : m_checker.check(pull, context, only))
            m_rows.append(Row{finding, titles.value(finding.number), pull.title, pull.mergedAt});
    }
    // Most recently merged first: the ones the next release notes are about.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.mergedAt > b.mergedAt; });
    endResetModel();
}

void PendingReleaseModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    endResetModel();
}

void PendingReleaseModel::setPendingNumbers(const QSet<int> &numbers)
{
    if (numbers == m_pending)
        return;
    m_pending = numbers;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {PendingRole});
}

const HygieneFinding *PendingReleaseModel::finding(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].finding : nullptr;
}

QList<HygieneFinding> PendingReleaseModel::findings() const
{
    QList<HygieneFinding> result;
    for (const Row &row : m_rows)
        result.append(row.finding);
    return result;
}

LabelChange PendingReleaseModel::fix(int row) const
{
    const HygieneFinding *f = finding(row);
    return f ? HygieneChecker::combinedFix(findings(), f->number) : LabelChange();
}

int PendingReleaseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PendingReleaseModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingReleaseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IssueColumn:
            return QStringLiteral("#%1").arg(row.finding.number);
        case IssueTitleColumn:
            return row.issueTitle;
        case PullRequestColumn:
            return QStringLiteral("#%1").arg(row.finding.pullRequest);
        case PullRequestTitleColumn:
            return row.pullTitle;
        case MergedColumn:
            return QLocale().toString(row.mergedAt.toLocalTime().date(), QLocale::ShortFormat);
        }
        return {};
    case Qt::ToolTipRole:
    case MessageRole:
        return row.finding.message;
    case Qt::TextAlignmentRole:
        if (index.column() == IssueColumn || index.column() == PullRequestColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        switch (index.column()) {
        case IssueColumn:
            return row.finding.number;
        case IssueTitleColumn:
            return row.issueTitle.toCaseFolded();
        case PullRequestColumn:
            return row.finding.pullRequest;
        case PullRequestTitleColumn:
            return row.pullTitle.toCaseFolded();
        case MergedColumn:
            return row.mergedAt.toMSecsSinceEpoch();
        }
        return {};
    case NumberRole:
        return row.finding.number;
    case PullRequestRole:
        return row.finding.pullRequest;
    case PendingRole:
        return m_pending.contains(row.finding.number);
    }
    return {};
}

QVariant PendingReleaseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IssueColumn:
        return QStringLiteral("Issue");
    case IssueTitleColumn:
        return QStringLiteral("Issue title");
    case PullRequestColumn:
        return QStringLiteral("Fixed by");
    case PullRequestTitleColumn:
        return QStringLiteral("Pull request");
    case MergedColumn:
        return QStringLiteral("Merged");
    }
    return {};
}

QHash<int, QByteArray> PendingReleaseModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sort");
    names.insert(NumberRole, "number");
    names.insert(PullRequestRole, "pullRequest");
    names.insert(PendingRole, "pending");
    names.insert(MessageRole, "message");
    return names;
}

} // namespace Mainstay
