#include "workspacepage.h"

namespace Mainstay {

WorkspacePage::WorkspacePage(QWidget *parent)
    : QWidget(parent)
{}

} // namespace Mainstay
