#pragma once

#include "workspacepage.h"

class QLabel;

namespace Mainstay {

// The release-notes editor (issue 6).
class NotesPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit NotesPage(QWidget *parent = nullptr);

private:
    QLabel *m_placeholder;
};

} // namespace Mainstay
