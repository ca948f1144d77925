#pragma once

#include "workspacepage.h"

class QLabel;

namespace Mainstay {

// The label catalogue (issue 4).
class LabelsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit LabelsPage(QWidget *parent = nullptr);

private:
    QLabel *m_placeholder;
};

} // namespace Mainstay
