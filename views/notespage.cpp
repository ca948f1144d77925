#include "notespage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Mainstay {

NotesPage::NotesPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_placeholder(new QLabel(tr("The release-notes editor is being built."), this))
{
    auto *layout = new QVBoxLayout(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder);
}

} // namespace Mainstay
