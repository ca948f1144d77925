#include "pullrequestspage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Mainstay {

PullRequestsPage::PullRequestsPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_placeholder(new QLabel(tr("The pull-request hygiene list is being built."), this))
{
    auto *layout = new QVBoxLayout(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder);
}

} // namespace Mainstay
