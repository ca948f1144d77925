#pragma once

#include "workspacepage.h"

class QLabel;

namespace Mainstay {

// The triage board (issue 4).
class BoardPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit BoardPage(QWidget *parent = nullptr);

private:
    QLabel *m_placeholder;
};

} // namespace Mainstay
