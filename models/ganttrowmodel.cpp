#include "ganttrowmodel.h"

#include "ganttgeometry.h"
#include "ganttrows.h"

namespace Mainstay {

GanttRowModel::GanttRowModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    build();
}

void GanttRowModel::setChart(const GanttChart &chart)
{
    beginResetModel();
    m_chart = chart;
    build();
    endResetModel();
}

void GanttRowModel::build()
{
    m_nodes.clear();
    auto make = [](GanttRow::Kind kind, int s, int i = -1, int j = -1, int k = -1) {
        Node node;
        node.kind = int(kind);
        node.section = s;
        node.item = i;
        node.job = j;
        node.step = k;
        return node;
    };
    Node root;
    root.kind = -1;
    m_nodes.append(root);
    auto add = [this](int parent, Node node) {
        node.parent = parent;
        node.row = int(m_nodes.at(parent).children.size());
        const int id = int(m_nodes.size());
        m_nodes.append(node);
        m_nodes[parent].children.append(id);
        return id;
    };
    auto addJob = [&, make](int parent, int s, int i, int j) {
        const int jobNode = add(parent, make(GanttRow::Kind::Job, s, i, j));
        for (int k = 0; k < int(m_chart.jobs.at(j).steps.size()); ++k)
            add(jobNode, make(GanttRow::Kind::Step, s, i, j, k));
    };
    for (int s = 0; s < int(m_chart.sections.size()); ++s) {
        const int sectionNode = add(0, make(GanttRow::Kind::Section, s));
        const GanttSection &section = m_chart.sections.at(s);
        for (int i = 0; i < int(section.items.size()); ++i) {
            const GanttItem &item = section.items.at(i);
            if (!item.group) {
                addJob(sectionNode, s, i, item.jobs.first());
                continue;
            }
            const int groupNode = add(sectionNode, make(GanttRow::Kind::Group, s, i));
            for (int j : item.jobs)
                addJob(groupNode, s, i, j);
        }
    }
}

int GanttRowModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : 0;
}

QModelIndex GanttRowModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const int p = nodeOf(parent);
    if (p < 0 || p >= int(m_nodes.size()) || row < 0 || row >= int(m_nodes.at(p).children.size()))
        return {};
    return createIndex(row, column, quintptr(m_nodes.at(p).children.at(row)));
}

QModelIndex GanttRowModel::parent(const QModelIndex &child) const
{
    const int n = nodeOf(child);
    if (n <= 0)
        return {};
    const int p = m_nodes.at(n).parent;
    if (p <= 0)
        return {};
    return createIndex(m_nodes.at(p).row, 0, quintptr(p));
}

int GanttRowModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(m_nodes.at(nodeOf(parent)).children.size());
}

int GanttRowModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant GanttRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case StartColumn:
        return tr("Started (UTC)");
    case DurationColumn:
        return tr("Duration");
    case RunnerColumn:
        return tr("Runner");
    }
    return {};
}

QVariant GanttRowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes.at(nodeOf(index));
    const auto kind = GanttRow::Kind(node.kind);
    GanttSpan span;
    GanttState state = GanttState::Queued;
    QString name, runner, progress, url;
    qint64 jobId = 0;
    if (kind == GanttRow::Kind::Section || kind == GanttRow::Kind::Group) {
        const GanttSection &section = m_chart.sections.at(node.section);
        GanttItem all;
        if (kind == GanttRow::Kind::Group) {
            all = section.items.at(node.item);
            name = all.name;
        } else {
            for (const GanttItem &item : section.items)
                all.jobs += item.jobs;
            name = section.name;
        }
        span = m_chart.span(all);
        const GanttProgress p = m_chart.progress(all);
        state = p.state();
        progress = p.text();
    } else {
        const WorkflowJob &job = m_chart.jobs.at(node.job);
        jobId = job.id;
        if (kind == GanttRow::Kind::Job) {
            const GanttItem &item = m_chart.sections.at(node.section).items.at(node.item);
            name = item.group ? splitJobName(job.name, {}, {}).task : item.name;
            span = ganttSpan(job, m_chart.now);
            state = ganttState(job);
            runner = job.runnerName;
            url = job.htmlUrl;
        } else {
            const WorkflowStep &step = job.steps.at(node.step);
            name = step.name;
            span = ganttSpan(step, m_chart.now);
            state = ganttState(step);
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return name;
        case StateColumn:
            return progress.isEmpty() ? ganttStateName(state) : progress;
        case StartColumn:
            return span.started.isValid()
                       ? span.started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
        case DurationColumn:
            return span.started.isValid() ? formatDuration(span.runSeconds()) : QString();
        case RunnerColumn:
            return runner;
        }
        return {};
    case Qt::ToolTipRole:
        return QStringLiteral("%1 — %2").arg(name,
                                             progress.isEmpty() ? ganttStateName(state) : progress);
    case KindRole:
        return node.kind;
    case StateRole:
        return int(state);
    case QueuedRole:
        return span.queued;
    case StartedRole:
        return span.started;
    case FinishedRole:
        return span.finished;
    case JobIdRole:
        return jobId ? QVariant(jobId) : QVariant();
    case HtmlUrlRole:
        return url.isEmpty() ? QVariant() : QVariant(url);
    case ProgressRole:
        return progress.isEmpty() ? QVariant() : QVariant(progress);
    }
    return {};
}

} // namespace Mainstay
