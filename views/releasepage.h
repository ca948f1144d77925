#pragma once

#include "workspacepage.h"

class QLabel;

namespace Mainstay {

// The release monitor (issue 5).
class ReleasePage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit ReleasePage(QWidget *parent = nullptr);

private:
    QLabel *m_placeholder;
};

} // namespace Mainstay
