#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mainstay {

// One input a workflow declares under `on.workflow_dispatch.inputs`.
struct WorkflowInput
{
    enum class Type
    {
        String,
        Boolean,
        Choice,
        Number,
        Environment
    };
    QString name;
    QString description;
    Type type = Type::String;
    bool required = false;
    QString defaultValue;
    QStringList options; // choice

    bool operator==(const WorkflowInput &) const = default;
};

struct WorkflowDispatchSpec
{
    bool dispatchable = false; // the workflow has a workflow_dispatch trigger
    QList<WorkflowInput> inputs;
    QString error; // the file could not be read as YAML (or is not a workflow)
};

// Reads the dispatch trigger of a workflow file (`on: workflow_dispatch`, a list holding it, or a
// map with its inputs). Types other than GitHub's five are read as strings.
WorkflowDispatchSpec parseWorkflowDispatch(const QByteArray &yaml);
// Why `value` is not acceptable for `input` (required and empty, not a number, not one of the
// choices, not true/false); empty when it is fine.
QString validateWorkflowInput(const WorkflowInput &input, const QString &value);
// The `inputs` object of the dispatch request. GitHub takes every value as a string (booleans
// "true"/"false"); empty optional values are left out.
QJsonObject workflowDispatchInputs(const QList<WorkflowInput> &inputs, const QStringList &values);
// The input most likely meant for the release version ("version", "release_version", "tag", …);
// -1 when there is none.
int versionInputIndex(const QList<WorkflowInput> &inputs);

} // namespace Mainstay
