#include "findreplacebar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBlock>
#include <QToolButton>

namespace Mainstay {

FindReplaceBar::FindReplaceBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
{
    setObjectName(QStringLiteral("findReplaceBar"));
    m_find->setObjectName(QStringLiteral("findText"));
    m_replace->setObjectName(QStringLiteral("replaceText"));
    m_find->setPlaceholderText(tr("Find"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_find->setClearButtonEnabled(true);

    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    next->setToolTip(tr("Next match (Enter, F3)"));
    auto *closeButton = new QToolButton(this);
    closeButton->setText(QStringLiteral("✕"));
    closeButton->setToolTip(tr("Close (Escape)"));
    closeButton->setAutoRaise(true);
    auto *replaceOne = new QPushButton(tr("Replace"), m_replaceRow);
    replaceOne->setObjectName(QStringLiteral("replaceButton"));
    auto *replaceEvery = new QPushButton(tr("Replace all"), m_replaceRow);
    replaceEvery->setObjectName(QStringLiteral("replaceAllButton"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setHorizontalSpacing(6);
    layout->setVerticalSpacing(4);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    layout->addWidget(m_case, 0, 3);
    layout->addWidget(m_status, 0, 4);
    layout->addWidget(closeButton, 0, 5);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    layout->addWidget(m_replaceRow, 1, 0, 1, 3);
    layout->setColumnStretch(0, 1);
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(tr("999 matches")));

    connect(m_find, &QLineEdit::textChanged, this, [this] {
        // Search as you type, from where the current match starts.
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(cursor.selectionStart());
        m_editor->setTextCursor(cursor);
        find(false);
        updateHighlights();
    });
    connect(m_find, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(next, &QToolButton::clicked, this, &FindReplaceBar::findNext);
    connect(previous, &QToolButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(closeButton, &QToolButton::clicked, this, &FindReplaceBar::close);
    connect(replaceOne, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceEvery, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(m_case, &QCheckBox::toggled, this, &FindReplaceBar::updateHighlights);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (isVisible())
            updateHighlights();
    });

    m_find->installEventFilter(this);
    m_replace->installEventFilter(this);
    auto *backward = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), m_find);
    backward->setContext(Qt::WidgetShortcut);
    connect(backward, &QShortcut::activated, this, &FindReplaceBar::findPrevious);
    hide();
}

bool FindReplaceBar::eventFilter(QObject *watched, QEvent *event)
{
    // Escape in either field closes the bar and returns to the editor.
    if (event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        close();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FindReplaceBar::openFind()
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_replaceRow->hide();
    show();
    m_find->setFocus();
    m_find->selectAll();
    updateHighlights();
}

void FindReplaceBar::openReplace()
{
    openFind();
    m_replaceRow->show();
}

void FindReplaceBar::close()
{
    hide();
    m_editor->setExtraSelections({});
    m_editor->setFocus();
}

void FindReplaceBar::setFindText(const QString &text)
{
    m_find->setText(text);
}

void FindReplaceBar::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

void FindReplaceBar::setCaseSensitive(bool on)
{
    m_case->setChecked(on);
}

QTextDocument::FindFlags FindReplaceBar::flags() const
{
    return m_case->isChecked() ? QTextDocument::FindCaseSensitively : QTextDocument::FindFlags();
}

bool FindReplaceBar::find(bool backward)
{
    const QString needle = m_find->text();
    if (needle.isEmpty()) {
        m_status->clear();
        return false;
    }
    QTextDocument::FindFlags f = flags();
    if (backward)
        f |= QTextDocument::FindBackward;
    QTextCursor found = m_editor->document()->find(needle, m_editor->textCursor(), f);
    if (found.isNull()) {
        // Wrap around.
        QTextCursor start(m_editor->document());
        if (backward)
            start.movePosition(QTextCursor::End);
        found = m_editor->document()->find(needle, start, f);
    }
    const int count = matchCount();
    if (found.isNull()) {
        m_status->setText(tr("No match"));
        return false;
    }
    m_editor->setTextCursor(found);
    m_editor->ensureCursorVisible();
    m_status->setText(count == 1 ? tr("1 match") : tr("%1 matches").arg(count));
    return true;
}

bool FindReplaceBar::findNext()
{
    return find(false);
}

bool FindReplaceBar::findPrevious()
{
    return find(true);
}

bool FindReplaceBar::selectionIsMatch() const
{
    const QString selected = m_editor->textCursor().selectedText();
    return !selected.isEmpty() &&
           selected.compare(m_find->text(),
                            m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0;
}

bool FindReplaceBar::replaceCurrent()
{
    if (m_find->text().isEmpty())
        return false;
    if (!selectionIsMatch() && !find(false))
        return false;
    QTextCursor cursor = m_editor->textCursor();
    cursor.insertText(m_replace->text());
    m_editor->setTextCursor(cursor);
    find(false);
    return true;
}

int FindReplaceBar::replaceAll()
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return 0;
    QTextDocument *document = m_editor->document();
    QTextCursor edit(document);
    edit.beginEditBlock();
    int count = 0;
    QTextCursor found = document->find(needle, 0, flags());
    while (!found.isNull()) {
        found.insertText(m_replace->text());
        ++count;
        found = document->find(needle, found, flags());
    }
    edit.endEditBlock();
    m_status->setText(count == 1 ? tr("Replaced 1") : tr("Replaced %1").arg(count));
    updateHighlights();
    return count;
}

int FindReplaceBar::matchCount() const
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return 0;
    int count = 0;
    QTextCursor found = m_editor->document()->find(needle, 0, flags());
    while (!found.isNull() && count < 10000) {
        ++count;
        found = m_editor->document()->find(needle, found, flags());
    }
    return count;
}

void FindReplaceBar::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString needle = m_find->text();
    if (isVisible() && !needle.isEmpty()) {
        QTextCharFormat format;
        const bool dark = m_editor->palette().color(QPalette::Base).lightness() < 128;
        format.setBackground(dark ? QColor(0x6b, 0x5a, 0x12) : QColor(0xff, 0xe5, 0x8f));
        QTextCursor found = m_editor->document()->find(needle, 0, flags());
        while (!found.isNull() && selections.size() < 2000) {
            selections.append({found, format});
            found = m_editor->document()->find(needle, found, flags());
        }
    }
    m_editor->setExtraSelections(selections);
}

} // namespace Mainstay
