#include "rfcissueform.h"

#include <QHash>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace Mainstay {

namespace {

QString scalar(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.as<std::string>()).trimmed();
}

// The child `key` of a mapping, or a null node: yaml-cpp throws when indexing through a missing
// key, and most fields of a form are optional.
YAML::Node child(const YAML::Node &node, const char *key)
{
    if (!node || !node.IsMap())
        return YAML::Node();
    for (const auto &entry : node)
        if (entry.first.IsScalar() && entry.first.Scalar() == key)
            return entry.second;
    return YAML::Node();
}

bool isTrue(const YAML::Node &node)
{
    return node && node.IsScalar() && node.as<bool>(false);
}

bool mentionsRfc(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\bRFC\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    return word.match(text).hasMatch();
}

QString normalized(QString heading)
{
    heading = heading.trimmed();
    // Headings may be written with trailing hashes (`### Summary ###`) or emphasis.
    while (heading.endsWith(QLatin1Char('#')))
        heading.chop(1);
    return heading.trimmed().toCaseFolded();
}

} // namespace

QString RfcIssueForm::Check::summary() const
{
    if (passed())
        return QStringLiteral("The body follows the RFC form.");
    QStringList parts;
    auto quoted = [](const QStringList &labels) {
        QStringList out;
        for (const QString &label : labels)
            out.append(QStringLiteral("“%1”").arg(label));
        return out.join(QStringLiteral(", "));
    };
    if (!missing.isEmpty())
        parts.append(
            QStringLiteral("Missing section%1: %2")
                .arg(missing.size() == 1 ? QString() : QStringLiteral("s"), quoted(missing)));
    if (!emptyRequired.isEmpty())
        parts.append(QStringLiteral("Required but empty: %1").arg(quoted(emptyRequired)));
    return parts.join(QStringLiteral(". ")) + QLatin1Char('.');
}

RfcIssueForm RfcIssueForm::parse(const QByteArray &yaml, QString *error)
{
    RfcIssueForm form;
    auto failed = [&](const QString &why) {
        if (error)
            *error = why;
        return RfcIssueForm();
    };
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        return failed(QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(e.what())));
    }
    if (!root.IsMap())
        return failed(QStringLiteral("an issue form is a mapping with `name` and `body`"));
    try {
        form.m_name = scalar(child(root, "name"));
        form.m_title = scalar(child(root, "title"));
        const YAML::Node labels = child(root, "labels");
        if (labels && labels.IsSequence())
            for (const YAML::Node &label : labels)
                form.m_labels.append(scalar(label));
        else if (labels && labels.IsScalar()) // GitHub also takes a comma-separated string
            for (const QString &label : scalar(labels).split(QLatin1Char(','), Qt::SkipEmptyParts))
                form.m_labels.append(label.trimmed());
        const YAML::Node body = child(root, "body");
        if (!body || !body.IsSequence())
            return failed(QStringLiteral("the form has no `body:` list (a Markdown template?)"));
        for (const YAML::Node &item : body) {
            if (!item.IsMap())
                continue;
            const QString type = scalar(child(item, "type"));
            if (type == QLatin1String("markdown"))
                continue; // shown while filling in, never part of the issue body
            const YAML::Node attributes = child(item, "attributes");
            const QString label = scalar(child(attributes, "label"));
            if (label.isEmpty())
                continue;
            Section section;
            section.label = label;
            section.type = type;
            section.required = isTrue(child(child(item, "validations"), "required"));
            // A checkbox is required one option at a time.
            const YAML::Node options = child(attributes, "options");
            if (type == QLatin1String("checkboxes") && options && options.IsSequence())
                for (const YAML::Node &option : options)
                    if (isTrue(child(option, "required")))
                        section.required = true;
            form.m_sections.append(section);
        }
    } catch (const YAML::Exception &e) {
        return failed(
            QStringLiteral("unexpected form layout: %1").arg(QString::fromStdString(e.what())));
    }
    if (form.m_sections.isEmpty())
        return failed(QStringLiteral("the form has no labelled fields"));
    return form;
}

bool RfcIssueForm::isRfcForm() const
{
    if (mentionsRfc(m_name) || mentionsRfc(m_title))
        return true;
    for (const QString &label : m_labels)
        if (label.compare(QLatin1String("RFC"), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

RfcIssueForm::Check RfcIssueForm::check(const QString &body) const
{
    // Split the body at its headings: heading text -> the text under it.
    static const QRegularExpression headingLine(QStringLiteral("^ {0,3}#{1,6}[ \\t]+(.+)$"));
    QHash<QString, QString> contents;
    QString current;
    bool inHeading = false;
    bool inFence = false;
    const QStringList lines =
        QString(body).replace(QLatin1String("\r\n"), QLatin1String("\n")).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("```")) ||
            line.trimmed().startsWith(QLatin1String("~~~")))
            inFence = !inFence;
        const QRegularExpressionMatch match =
            inFence ? QRegularExpressionMatch() : headingLine.match(line);
        if (match.hasMatch()) {
            current = normalized(match.captured(1));
            inHeading = true;
            if (!contents.contains(current))
                contents.insert(current, QString());
            continue;
        }
        if (inHeading)
            contents[current] += line + QLatin1Char('\n');
    }
    Check result;
    for (const Section &section : m_sections) {
        const auto found = contents.constFind(normalized(section.label));
        if (found == contents.cend()) {
            result.missing.append(section.label);
            continue;
        }
        const QString text = found->trimmed();
        if (section.required && (text.isEmpty() || text == QLatin1String("_No response_") ||
                                 (section.type == QLatin1String("checkboxes") &&
                                  !text.contains(QLatin1String("- [x]"), Qt::CaseInsensitive))))
            result.emptyRequired.append(section.label);
    }
    return result;
}

} // namespace Mainstay
