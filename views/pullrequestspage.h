#pragma once

#include "workspacepage.h"

class QLabel;

namespace Mainstay {

// The pull-request hygiene list (issue 4).
class PullRequestsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit PullRequestsPage(QWidget *parent = nullptr);

private:
    QLabel *m_placeholder;
};

} // namespace Mainstay
