#include "labelspage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Mainstay {

LabelsPage::LabelsPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_placeholder(new QLabel(tr("The label catalogue is being built."), this))
{
    auto *layout = new QVBoxLayout(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder);
}

} // namespace Mainstay
