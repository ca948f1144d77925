#include "insightspage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Mainstay {

InsightsPage::InsightsPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_placeholder(new QLabel(tr("The insights charts is being built."), this))
{
    auto *layout = new QVBoxLayout(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder);
}

} // namespace Mainstay
