#include "draftversionsdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Mainstay {

DraftVersionsDialog::DraftVersionsDialog(const QList<DraftVersion> &versions, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_label(new QLineEdit(this))
    , m_restore(new QPushButton(tr("Restore this version"), this))
{
    setObjectName(QStringLiteral("draftVersionsDialog"));
    setWindowTitle(tr("Saved versions"));
    resize(860, 520);
    m_list->setObjectName(QStringLiteral("versionList"));
    m_text->setObjectName(QStringLiteral("versionText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    m_label->setObjectName(QStringLiteral("versionLabel"));
    m_label->setPlaceholderText(tr("Label for the current text, e.g. \"before the rewrite\""));

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({260, 600});

    auto *keep = new QPushButton(tr("Keep current text"), this);
    keep->setObjectName(QStringLiteral("keepButton"));
    auto *keepRow = new QHBoxLayout;
    keepRow->addWidget(m_label, 1);
    keepRow->addWidget(keep);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Versions you kept of these notes, newest first. Restoring one "
                                "keeps the current text as a version first."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addLayout(keepRow);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &DraftVersionsDialog::showSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &DraftVersionsDialog::restoreSelected);
    connect(m_restore, &QPushButton::clicked, this, &DraftVersionsDialog::restoreSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(keep, &QPushButton::clicked, this, [this] {
        Q_EMIT keepRequested(m_label->text().trimmed());
        m_label->clear();
    });
    setVersions(versions);
}

void DraftVersionsDialog::setVersions(const QList<DraftVersion> &versions)
{
    m_versions = versions;
    m_list->clear();
    for (const DraftVersion &version : versions) {
        const QString when =
            QLocale().toString(version.createdAt.toLocalTime(), QLocale::ShortFormat);
        const QString label = version.label.isEmpty() ? tr("(no label)") : version.label;
        auto *item = new QListWidgetItem(label + QLatin1Char('\n') + when, m_list);
        item->setToolTip(tr("%1 lines").arg(version.text.count(QLatin1Char('\n')) + 1));
    }
    if (versions.isEmpty()) {
        m_text->setPlainText(tr("No versions kept yet. Type a label below and press \"Keep "
                                "current text\" to keep one."));
    }
    m_restore->setEnabled(!versions.isEmpty());
    if (!versions.isEmpty())
        m_list->setCurrentRow(0);
}

void DraftVersionsDialog::selectVersion(int row)
{
    m_list->setCurrentRow(row);
}

void DraftVersionsDialog::showSelected()
{
    const int row = m_list->currentRow();
    if (row >= 0 && row < m_versions.size())
        m_text->setPlainText(m_versions.at(row).text);
}

void DraftVersionsDialog::restoreSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_versions.size())
        return;
    m_restored = m_versions.at(row);
    accept();
}

} // namespace Mainstay
