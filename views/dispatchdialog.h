#pragma once

#include "workflowinputs.h"

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Mainstay {

// The workflow_dispatch form: a `ref` field, then one field per declared input (a line for
// string and number, a check box for boolean, a list for choice, an editable list for
// environment), each with its description; OK stays disabled until every value is valid.
class DispatchDialog : public QDialog
{
    Q_OBJECT
public:
    DispatchDialog(const QString &workflowName, const QList<WorkflowInput> &inputs,
                   const QString &ref, const QStringList &environments = {},
                   QWidget *parent = nullptr);

    void setValue(const QString &inputName, const QString &value);
    QString ref() const;
    QStringList values() const;
    QJsonObject inputs() const { return workflowDispatchInputs(m_inputs, values()); }
    // Empty when the form can be sent; else the first problem.
    QString problem() const;

private:
    void validate();

    QList<WorkflowInput> m_inputs;
    QList<QWidget *> m_fields;
    QLineEdit *m_ref;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Mainstay
