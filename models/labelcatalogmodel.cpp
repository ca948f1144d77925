#include "labelcatalogmodel.h"

#include "policy.h"

#include <QColor>

#include <algorithm>

namespace Mainstay {

namespace {

QColor colourOf(const QString &hex)
{
    const QString normalized = LabelCatalog::normalizedColour(hex);
    if (normalized.size() != 6)
        return {};
    const QColor colour(QLatin1Char('#') + normalized);
    return colour.isValid() ? colour : QColor();
}

QString displayColour(const QString &hex)
{
    const QString normalized = LabelCatalog::normalizedColour(hex);
    return normalized.isEmpty() ? QString() : QLatin1Char('#') + normalized;
}

// Sorts rows by how much attention they need: missing first, fine last.
int statusRank(const LabelCatalogRow &row)
{
    if (row.has(LabelCatalogRow::Missing))
        return 0;
    if (row.has(LabelCatalogRow::Extra))
        return 1;
    return row.isOk() ? 3 : 2;
}

} // namespace

LabelCatalogModel::LabelCatalogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LabelCatalogModel::setData(const QList<Label> &repositoryLabels, const Policy &policy,
                                const QList<Issue> &issues)
{
    setCatalog(LabelCatalog(repositoryLabels, policy, issues));
}

void LabelCatalogModel::setCatalog(LabelCatalog catalog)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    endResetModel();
}

void LabelCatalogModel::setPendingNames(const QSet<QString> &names)
{
    QSet<QString> folded;
    for (const QString &name : names)
        folded.insert(name.toCaseFolded());
    if (folded == m_pending)
        return;
    m_pending = folded;
    if (m_catalog.size() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {PendingRole});
}

void LabelCatalogModel::clear()
{
    setCatalog({});
}

QList<LabelCatalogFix> LabelCatalogModel::fixesFor(const QList<int> &rows) const
{
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QList<LabelCatalogFix> fixes;
    for (const int row : std::as_const(sorted)) {
        if (row < 0 || row >= m_catalog.size())
            continue;
        LabelCatalogFix fix = m_catalog.rows().at(row).fix();
        if (!fix.isNull())
            fixes.append(std::move(fix));
    }
    return fixes;
}

QList<LabelCatalogFix> LabelCatalogModel::fixesFor(const QModelIndexList &indexes) const
{
    QList<int> rows;
    rows.reserve(indexes.size());
    for (const QModelIndex &index : indexes)
        if (index.isValid() && index.model() == this)
            rows.append(index.row());
    return fixesFor(rows);
}

int LabelCatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_catalog.size();
}

int LabelCatalogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LabelCatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LabelCatalogRow &row = m_catalog.rows().at(index.row());
    const QString repositoryColour = row.repository ? row.repository->color : QString();
    const QString policyColour = row.policy ? row.policy->color : QString();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            // Show what GitHub has when only the case differs, so the user sees the difference.
            return row.repository ? row.repository->name : row.name;
        case StatusColumn:
            return row.statusText();
        case ColourColumn:
            if (!row.repository)
                return displayColour(policyColour);
            if (row.has(LabelCatalogRow::ColourDiffers))
                return displayColour(repositoryColour) + QStringLiteral(" → ") +
                       displayColour(policyColour);
            return displayColour(repositoryColour);
        case DescriptionColumn:
            return row.repository ? row.repository->description : row.policy->description;
        case OpenIssuesColumn:
            return row.openIssues;
        case OpenPullRequestsColumn:
            return row.openPullRequests;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            if (row.has(LabelCatalogRow::NameCaseDiffers))
                return QStringLiteral("The policy spells it “%1”").arg(row.policy->name);
            return {};
        case DescriptionColumn:
            if (row.has(LabelCatalogRow::DescriptionDiffers))
                return QStringLiteral("Policy: %1").arg(row.policy->description);
            return {};
        case StatusColumn:
            if (row.has(LabelCatalogRow::Extra))
                return row.usageCount() == 1
                           ? QStringLiteral("Not in the policy; used by 1 open item")
                           : QStringLiteral("Not in the policy; used by %1 open items")
                                 .arg(row.usageCount());
            return {};
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == ColourColumn) {
            const QColor colour = colourOf(row.repository ? repositoryColour : policyColour);
            return colour.isValid() ? QVariant(colour) : QVariant();
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == OpenIssuesColumn || index.column() == OpenPullRequestsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return row.name.toCaseFolded();
        case StatusColumn:
            return statusRank(row);
        case ColourColumn:
            return LabelCatalog::normalizedColour(row.repository ? repositoryColour : policyColour);
        case DescriptionColumn:
            return row.repository ? row.repository->description : row.policy->description;
        case OpenIssuesColumn:
            return row.openIssues;
        case OpenPullRequestsColumn:
            return row.openPullRequests;
        }
        return {};
    case StatusRole:
        return int(row.problems.toInt());
    case FixRole:
        return QVariant::fromValue(row.fix());
    case ColorRole: {
        const QColor colour = colourOf(row.repository ? repositoryColour : policyColour);
        return colour.isValid() ? QVariant(colour) : QVariant();
    }
    case PolicyColorRole: {
        const QColor colour = colourOf(policyColour);
        return colour.isValid() ? QVariant(colour) : QVariant();
    }
    case UsageRole:
        return row.usageCount();
    case PendingRole:
        return m_pending.contains(row.name.toCaseFolded()) ||
               (row.repository && m_pending.contains(row.repository->name.toCaseFolded()));
    }
    return {};
}

QVariant LabelCatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return QStringLiteral("Name");
    case StatusColumn:
        return QStringLiteral("Status");
    case ColourColumn:
        return QStringLiteral("Colour");
    case DescriptionColumn:
        return QStringLiteral("Description");
    case OpenIssuesColumn:
        return QStringLiteral("Open issues");
    case OpenPullRequestsColumn:
        return QStringLiteral("Open PRs");
    }
    return {};
}

QHash<int, QByteArray> LabelCatalogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StatusRole, "status");
    names.insert(SortRole, "sortValue");
    names.insert(FixRole, "fix");
    names.insert(ColorRole, "labelColor");
    names.insert(PolicyColorRole, "policyColor");
    names.insert(UsageRole, "usage");
    names.insert(PendingRole, "pending");
    return names;
}

} // namespace Mainstay
