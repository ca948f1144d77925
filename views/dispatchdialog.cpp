#include "dispatchdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mainstay {

DispatchDialog::DispatchDialog(const QString &workflowName, const QList<WorkflowInput> &inputs,
                               const QString &ref, const QStringList &environments, QWidget *parent)
    : QDialog(parent)
    , m_inputs(inputs)
    , m_ref(new QLineEdit(ref, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Run workflow — %1").arg(workflowName));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Starts <b>%1</b> with <code>workflow_dispatch</code>. The request goes through the "
           "outbox; the new run is then found and followed.")
            .arg(workflowName.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_ref->setObjectName(QStringLiteral("ref"));
    m_ref->setToolTip(tr("The branch or tag the workflow runs on."));
    form->addRow(tr("Use workflow from (ref)"), m_ref);
    for (const WorkflowInput &input : inputs) {
        QWidget *field = nullptr;
        switch (input.type) {
        case WorkflowInput::Type::Boolean: {
            auto *box = new QCheckBox(this);
            box->setChecked(input.defaultValue == QLatin1String("true"));
            connect(box, &QCheckBox::toggled, this, &DispatchDialog::validate);
            field = box;
            break;
        }
        case WorkflowInput::Type::Choice:
        case WorkflowInput::Type::Environment: {
            auto *combo = new QComboBox(this);
            const QStringList options =
                input.type == WorkflowInput::Type::Choice ? input.options : environments;
            combo->addItems(options);
            combo->setEditable(input.type == WorkflowInput::Type::Environment || options.isEmpty());
            if (!input.defaultValue.isEmpty()) {
                if (combo->findText(input.defaultValue) < 0)
                    combo->addItem(input.defaultValue);
                combo->setCurrentText(input.defaultValue);
            }
            connect(combo, &QComboBox::currentTextChanged, this, &DispatchDialog::validate);
            field = combo;
            break;
        }
        case WorkflowInput::Type::Number:
        case WorkflowInput::Type::String: {
            auto *line = new QLineEdit(input.defaultValue, this);
            connect(line, &QLineEdit::textChanged, this, &DispatchDialog::validate);
            field = line;
            break;
        }
        }
        field->setObjectName(input.name);
        field->setToolTip(input.description);
        QString label = input.name;
        if (input.required)
            label += QStringLiteral(" *");
        auto *cell = new QWidget(this);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(field);
        if (!input.description.isEmpty()) {
            auto *description = new QLabel(input.description, cell);
            description->setWordWrap(true);
            QFont small = description->font();
            small.setPointSizeF(small.pointSizeF() * 0.9);
            description->setFont(small);
            description->setForegroundRole(QPalette::PlaceholderText);
            cellLayout->addWidget(description);
        }
        form->addRow(label, cell);
        m_fields.append(field);
    }
    layout->addLayout(form);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #cf222e"));
    layout->addWidget(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Run workflow"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ref, &QLineEdit::textChanged, this, &DispatchDialog::validate);
    validate();
    setMinimumWidth(480);
}

void DispatchDialog::setValue(const QString &inputName, const QString &value)
{
    for (int i = 0; i < int(m_inputs.size()); ++i) {
        if (m_inputs.at(i).name != inputName)
            continue;
        if (auto *line = qobject_cast<QLineEdit *>(m_fields.at(i)))
            line->setText(value);
        else if (auto *combo = qobject_cast<QComboBox *>(m_fields.at(i)))
            combo->setCurrentText(value);
        else if (auto *box = qobject_cast<QCheckBox *>(m_fields.at(i)))
            box->setChecked(value == QLatin1String("true"));
    }
    validate();
}

QString DispatchDialog::ref() const
{
    return m_ref->text().trimmed();
}

QStringList DispatchDialog::values() const
{
    QStringList values;
    for (QWidget *field : m_fields) {
        if (auto *line = qobject_cast<QLineEdit *>(field))
            values.append(line->text());
        else if (auto *combo = qobject_cast<QComboBox *>(field))
            values.append(combo->currentText());
        else if (auto *box = qobject_cast<QCheckBox *>(field))
            values.append(box->isChecked() ? QStringLiteral("true") : QStringLiteral("false"));
        else
            values.append(QString());
    }
    return values;
}

QString DispatchDialog::problem() const
{
    if (ref().isEmpty())
        return tr("The ref (branch or tag) is required.");
    const QStringList current = values();
    for (int i = 0; i < int(m_inputs.size()); ++i) {
        const QString problem = validateWorkflowInput(m_inputs.at(i), current.at(i));
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

void DispatchDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

} // namespace Mainstay
