#pragma once

#include "labelcatalog.h"

#include <QAbstractTableModel>
#include <QList>
#include <QModelIndexList>
#include <QSet>

namespace Mainstay {

struct Policy;

// The label catalogue as a table: one row per LabelCatalogRow. Read-only; setData() with the
// repository's labels, the policy and the cached issues rebuilds it (a model reset), and
// fixesFor() turns a selection into the changes the app sends through the outbox.
class LabelCatalogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns
    {
        NameColumn,
        StatusColumn,
        ColourColumn, // the repository's colour, and the policy's when they differ
        DescriptionColumn,
        OpenIssuesColumn,
        OpenPullRequestsColumn,
        ColumnCount
    };
    enum Roles
    {
        StatusRole = Qt::UserRole + 1, // LabelCatalogRow::Problems as int
        SortRole,                      // a value that sorts the column naturally
        FixRole,                       // LabelCatalogFix; a null one for a row that is fine
        ColorRole,       // QColor of the repository label, or the policy's when it is missing
        PolicyColorRole, // QColor the policy asks for; invalid for an extra label
        UsageRole,       // open issues + open pull requests carrying the label
        PendingRole,     // a create, update or delete of this label waits in the outbox
    };

    explicit LabelCatalogModel(QObject *parent = nullptr);

    // The base class's setData(index, value, role) stays reachable; this one is the model's own.
    using QAbstractTableModel::setData;
    void setData(const QList<Label> &repositoryLabels, const Policy &policy,
                 const QList<Issue> &issues);
    void setCatalog(LabelCatalog catalog);
    void clear();
    const LabelCatalog &catalog() const { return m_catalog; }
    // Label names (any case) with writes waiting in the outbox; only PendingRole changes.
    void setPendingNames(const QSet<QString> &names);

    // Fixes for the given rows in row order, each row once; rows that are fine or out of range
    // give nothing. Deletes are included (only selected rows reach here) and carry
    // needsConfirmation() and usageCount for the confirmation the UI must ask for.
    QList<LabelCatalogFix> fixesFor(const QList<int> &rows) const;
    QList<LabelCatalogFix> fixesFor(const QModelIndexList &indexes) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    LabelCatalog m_catalog;
    QSet<QString> m_pending; // case-folded
};

} // namespace Mainstay
