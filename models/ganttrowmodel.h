#pragma once

#include "ganttchart.h"

#include <QAbstractItemModel>

namespace Mainstay {

// The Gantt chart as a tree for views and accessibility: sections → jobs and folded matrix groups
// → (a group's jobs →) steps. Columns: name, state, start (UTC), duration, runner.
class GanttRowModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StateColumn,
        StartColumn,
        DurationColumn,
        RunnerColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, // GanttRow::Kind as int
        StateRole,                   // GanttState as int
        QueuedRole,                  // QDateTime
        StartedRole,
        FinishedRole,
        JobIdRole,   // qint64, jobs and steps
        HtmlUrlRole, // a job's log page
        ProgressRole // a section's or group's "87/145 done, 2 failed"
    };

    explicit GanttRowModel(QObject *parent = nullptr);

    void setChart(const GanttChart &chart);
    const GanttChart &chart() const { return m_chart; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        int kind = -1; // GanttRow::Kind
        int parent = -1;
        int row = 0; // within the parent
        int section = -1;
        int item = -1;
        int job = -1;
        int step = -1;
        QList<int> children;
    };
    void build();
    int nodeOf(const QModelIndex &index) const;

    GanttChart m_chart;
    QList<Node> m_nodes; // m_nodes[0] is the invisible root
};

} // namespace Mainstay
