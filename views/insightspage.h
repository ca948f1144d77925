#pragma once

#include "workspacepage.h"

class QLabel;

namespace Mainstay {

// The insights charts (issue 7).
class InsightsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit InsightsPage(QWidget *parent = nullptr);

private:
    QLabel *m_placeholder;
};

} // namespace Mainstay
