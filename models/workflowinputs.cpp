#include "workflowinputs.h"

#include <yaml-cpp/yaml.h>

namespace Mainstay {

namespace {

QString text(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

WorkflowInput::Type typeFrom(const QString &name)
{
    const QString type = name.trimmed().toLower();
    if (type == QLatin1String("boolean"))
        return WorkflowInput::Type::Boolean;
    if (type == QLatin1String("choice"))
        return WorkflowInput::Type::Choice;
    if (type == QLatin1String("number"))
        return WorkflowInput::Type::Number;
    if (type == QLatin1String("environment"))
        return WorkflowInput::Type::Environment;
    return WorkflowInput::Type::String;
}

} // namespace

WorkflowDispatchSpec parseWorkflowDispatch(const QByteArray &yaml)
{
    WorkflowDispatchSpec spec;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        spec.error = QStringLiteral("The workflow file is not valid YAML: %1")
                         .arg(QString::fromStdString(e.what()));
        return spec;
    }
    if (!root.IsMap()) {
        spec.error = QStringLiteral("The workflow file is not a mapping of keys.");
        return spec;
    }
    // YAML 1.1 readers turn a bare `on` into true; yaml-cpp keeps "on", but accept both.
    YAML::Node on = root["on"];
    if (!on)
        on = root["true"];
    if (!on) {
        spec.error = QStringLiteral("The workflow file has no `on:` triggers.");
        return spec;
    }
    YAML::Node dispatch;
    try {
        if (on.IsScalar()) {
            spec.dispatchable = on.Scalar() == "workflow_dispatch";
        } else if (on.IsSequence()) {
            for (const YAML::Node &trigger : on)
                if (trigger.IsScalar() && trigger.Scalar() == "workflow_dispatch")
                    spec.dispatchable = true;
        } else if (on.IsMap()) {
            for (auto it = on.begin(); it != on.end(); ++it)
                if (it->first.IsScalar() && it->first.Scalar() == "workflow_dispatch") {
                    spec.dispatchable = true;
                    dispatch = it->second;
                }
        }
        if (!dispatch || !dispatch.IsMap())
            return spec;
        const YAML::Node inputs = dispatch["inputs"];
        if (!inputs || !inputs.IsMap())
            return spec;
        for (auto it = inputs.begin(); it != inputs.end(); ++it) {
            WorkflowInput input;
            input.name = text(it->first);
            const YAML::Node &body = it->second;
            if (body.IsMap()) {
                input.description = text(body["description"]);
                input.type = typeFrom(text(body["type"]));
                const QString required = text(body["required"]).toLower();
                input.required = required == QLatin1String("true");
                input.defaultValue = text(body["default"]);
                const YAML::Node options = body["options"];
                if (options && options.IsSequence())
                    for (const YAML::Node &option : options)
                        input.options.append(text(option));
            }
            if (input.type == WorkflowInput::Type::Boolean) {
                const QString value = input.defaultValue.toLower();
                input.defaultValue = (value == QLatin1String("true") ||
                                      value == QLatin1String("yes") || value == QLatin1String("on"))
                                         ? QStringLiteral("true")
                                         : QStringLiteral("false");
            }
            if (!input.name.isEmpty())
                spec.inputs.append(input);
        }
    } catch (const YAML::Exception &e) {
        spec.error = QStringLiteral("The workflow_dispatch inputs cannot be read: %1")
                         .arg(QString::fromStdString(e.what()));
    }
    return spec;
}

QString validateWorkflowInput(const WorkflowInput &input, const QString &value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return input.required ? QStringLiteral("%1 is required.").arg(input.name) : QString();
    switch (input.type) {
    case WorkflowInput::Type::Number: {
        bool ok = false;
        trimmed.toDouble(&ok);
        return ok ? QString() : QStringLiteral("%1 must be a number.").arg(input.name);
    }
    case WorkflowInput::Type::Boolean:
        return trimmed == QLatin1String("true") || trimmed == QLatin1String("false")
                   ? QString()
                   : QStringLiteral("%1 must be true or false.").arg(input.name);
    case WorkflowInput::Type::Choice:
        return input.options.isEmpty() || input.options.contains(trimmed)
                   ? QString()
                   : QStringLiteral("%1 must be one of: %2.")
                         .arg(input.name, input.options.join(QStringLiteral(", ")));
    case WorkflowInput::Type::String:
    case WorkflowInput::Type::Environment:
        break;
    }
    return {};
}

QJsonObject workflowDispatchInputs(const QList<WorkflowInput> &inputs, const QStringList &values)
{
    QJsonObject object;
    for (int i = 0; i < int(inputs.size()) && i < int(values.size()); ++i) {
        const QString value = values.at(i).trimmed();
        if (value.isEmpty() && !inputs.at(i).required)
            continue;
        object.insert(inputs.at(i).name, value);
    }
    return object;
}

int versionInputIndex(const QList<WorkflowInput> &inputs)
{
    static const QStringList preferred = {
        QStringLiteral("version"), QStringLiteral("release_version"),
        QStringLiteral("release-version"), QStringLiteral("tag"), QStringLiteral("release_tag")};
    for (const QString &name : preferred)
        for (int i = 0; i < int(inputs.size()); ++i)
            if (inputs.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
                return i;
    for (int i = 0; i < int(inputs.size()); ++i)
        if (inputs.at(i).name.contains(QLatin1String("version"), Qt::CaseInsensitive))
            return i;
    return -1;
}

} // namespace Mainstay
