#include "issuelistmodel.h"

#include <QLocale>

namespace Mainstay {

IssueListModel::IssueListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void IssueListModel::setIssues(QList<Issue> issues)
{
    beginResetModel();
    m_issues = std::move(issues);
    reindex();
    endResetModel();
}

void IssueListModel::clear()
{
    setIssues({});
}

void IssueListModel::upsert(const QList<Issue> &issues)
{
    QList<Issue> added;
    for (const Issue &issue : issues) {
        const int row = m_rowByNumber.value(issue.number, -1);
        if (row < 0) {
            added.append(issue);
            continue;
        }
        if (m_issues.at(row) == issue)
            continue;
        m_issues[row] = issue;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (added.isEmpty())
        return;
    // An item may appear twice in one batch (pages shift under sort=updated): keep the last.
    QHash<int, int> seen;
    QList<Issue> unique;
    for (const Issue &issue : std::as_const(added)) {
        if (const auto it = seen.constFind(issue.number); it != seen.cend())
            unique[*it] = issue;
        else {
            seen.insert(issue.number, unique.size());
            unique.append(issue);
        }
    }
    const int first = m_issues.size();
    beginInsertRows({}, first, first + unique.size() - 1);
    for (const Issue &issue : std::as_const(unique)) {
        m_rowByNumber.insert(issue.number, m_issues.size());
        m_issues.append(issue);
    }
    endInsertRows();
}

QString IssueListModel::htmlUrl(const Issue &issue) const
{
    if (!issue.htmlUrl.isEmpty() || m_webUrl.isEmpty())
        return issue.htmlUrl;
    return m_webUrl +
           (issue.isPullRequest ? QStringLiteral("/pull/") : QStringLiteral("/issues/")) +
           QString::number(issue.number);
}

const Issue *IssueListModel::issueByNumber(int number) const
{
    const int row = m_rowByNumber.value(number, -1);
    return row < 0 ? nullptr : &m_issues.at(row);
}

void IssueListModel::reindex()
{
    m_rowByNumber.clear();
    m_rowByNumber.reserve(m_issues.size());
    for (int row = 0; row < m_issues.size(); ++row)
        m_rowByNumber.insert(m_issues.at(row).number, row);
}

int IssueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int IssueListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString relativeAge(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return QStringLiteral("just now");
    if (seconds < 3600)
        return QStringLiteral("%1 min ago").arg(seconds / 60);
    if (seconds < 86400)
        return QStringLiteral("%1 h ago").arg(seconds / 3600);
    if (seconds < 86400 * 60)
        return QStringLiteral("%1 d ago").arg(seconds / 86400);
    if (seconds < 86400 * 730)
        return QStringLiteral("%1 mo ago").arg(seconds / (86400 * 30));
    return QStringLiteral("%1 y ago").arg(seconds / (86400 * 365));
}

QVariantList labelList(const Issue &issue)
{
    QVariantList labels;
    labels.reserve(issue.labels.size());
    for (const Label &label : issue.labels)
        labels.append(QVariantMap{{QStringLiteral("name"), label.name},
                                  {QStringLiteral("color"), label.color}});
    return labels;
}

} // namespace

QVariant IssueListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Issue &issue = m_issues.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return QStringLiteral("#%1").arg(issue.number);
        case TitleColumn:
            return issue.title;
        case LabelsColumn: {
            QStringList names;
            for (const Label &label : issue.labels)
                names.append(label.name);
            return names.join(QStringLiteral(", "));
        }
        case AuthorColumn:
            return issue.author.login;
        case CommentsColumn:
            return issue.commentCount;
        case UpdatedColumn:
            return relativeAge(issue.updatedAt, m_clock->now());
        case CreatedColumn:
            return relativeAge(issue.createdAt, m_clock->now());
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case UpdatedColumn:
            return QLocale().toString(issue.updatedAt.toLocalTime(), QLocale::LongFormat);
        case CreatedColumn:
            return QLocale().toString(issue.createdAt.toLocalTime(), QLocale::LongFormat);
        case TitleColumn:
            return issue.title;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == CommentsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case NumberColumn:
            return issue.number;
        case TitleColumn:
            return issue.title;
        case LabelsColumn:
            return issue.labels.isEmpty() ? QString() : issue.labels.constFirst().name;
        case AuthorColumn:
            return issue.author.login;
        case CommentsColumn:
            return issue.commentCount;
        case UpdatedColumn:
            return issue.updatedAt.toMSecsSinceEpoch();
        case CreatedColumn:
            return issue.createdAt.toMSecsSinceEpoch();
        }
        return {};
    case NumberRole:
        return issue.number;
    case IsPullRequestRole:
        return issue.isPullRequest;
    case IsOpenRole:
        return issue.isOpen();
    case LabelsRole:
        return labelList(issue);
    case IssueRole:
        return QVariant::fromValue(issue);
    case HtmlUrlRole:
        return htmlUrl(issue);
    }
    return {};
}

QVariant IssueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case TitleColumn:
        return tr("Title");
    case LabelsColumn:
        return tr("Labels");
    case AuthorColumn:
        return tr("Author");
    case CommentsColumn:
        return tr("Comments");
    case UpdatedColumn:
        return tr("Updated");
    case CreatedColumn:
        return tr("Opened");
    }
    return {};
}

QHash<int, QByteArray> IssueListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NumberRole, "number");
    names.insert(IsPullRequestRole, "isPullRequest");
    names.insert(IsOpenRole, "isOpen");
    names.insert(LabelsRole, "labels");
    names.insert(HtmlUrlRole, "htmlUrl");
    return names;
}

} // namespace Mainstay
