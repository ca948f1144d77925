#include "releasepage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Mainstay {

ReleasePage::ReleasePage(QWidget *parent)
    : WorkspacePage(parent)
    , m_placeholder(new QLabel(tr("The release monitor is being built."), this))
{
    auto *layout = new QVBoxLayout(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder);
}

} // namespace Mainstay
