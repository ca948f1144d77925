#include "boardpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Mainstay {

BoardPage::BoardPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_placeholder(new QLabel(tr("The triage board is being built."), this))
{
    auto *layout = new QVBoxLayout(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder);
}

} // namespace Mainstay
