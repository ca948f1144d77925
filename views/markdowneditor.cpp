#include "markdowneditor.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>

namespace Mainstay {

class LineNumberGutter : public QWidget
{
public:
    explicit LineNumberGutter(MarkdownEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setObjectName(QStringLiteral("lineNumberGutter"));
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }
    void mousePressEvent(QMouseEvent *event) override
    {
        // A click in the gutter selects the line, as in most editors.
        const QTextCursor cursor =
            m_editor->cursorForPosition(QPoint(0, int(event->position().y())));
        m_editor->goToLine(cursor.blockNumber() + 1);
    }

private:
    MarkdownEditor *m_editor;
};

MarkdownEditor::MarkdownEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberGutter(this))
{
    setObjectName(QStringLiteral("markdownEditor"));
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTabChangesFocus(false);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    // Qt has no spell checker in a QPlainTextEdit; nothing underlines words.
    setAttribute(Qt::WA_InputMethodEnabled, true);
    setInputMethodHints(Qt::ImhNoPredictiveText);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &MarkdownEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &MarkdownEditor::updateGutter);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MarkdownEditor::noteTopLine);
    updateGutterWidth();
}

int MarkdownEditor::gutterWidth() const
{
    if (!m_gutterVisible)
        return 0;
    int digits = 2;
    for (int max = std::max(1, blockCount()); max >= 100; max /= 10)
        ++digits;
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void MarkdownEditor::setGutterVisible(bool visible)
{
    m_gutterVisible = visible;
    m_gutter->setVisible(visible);
    updateGutterWidth();
}

void MarkdownEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void MarkdownEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    noteTopLine();
}

void MarkdownEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void MarkdownEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        updateGutterWidth();
}

void MarkdownEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    painter.fillRect(event->rect(), dark ? base.lighter(120) : base.darker(104));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(m_gutter->width() - 1, event->rect().top(), m_gutter->width() - 1,
                     event->rect().bottom());

    const int current = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int lineHeight = fontMetrics().height();
    QColor dim = pal.color(QPalette::PlaceholderText);
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.setPen(number == current ? pal.color(QPalette::Text) : dim);
            painter.drawText(0, top, m_gutter->width() - 8, lineHeight, Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

int MarkdownEditor::topVisibleLine() const
{
    return firstVisibleBlock().blockNumber() + 1;
}

void MarkdownEditor::noteTopLine()
{
    const int line = topVisibleLine();
    if (line != m_lastTopLine) {
        m_lastTopLine = line;
        Q_EMIT topVisibleLineChanged(line);
    }
}

void MarkdownEditor::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    centerCursor();
    m_gutter->update();
}

void MarkdownEditor::toggleInline(const QString &marker)
{
    QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        cursor.select(QTextCursor::WordUnderCursor);
    const QString text = cursor.selectedText();
    cursor.beginEditBlock();
    if (text.size() >= 2 * marker.size() && text.startsWith(marker) && text.endsWith(marker)) {
        cursor.insertText(text.mid(marker.size(), text.size() - 2 * marker.size()));
    } else if (text.isEmpty()) {
        cursor.insertText(marker + marker);
        cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, int(marker.size()));
    } else {
        cursor.insertText(marker + text + marker);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
}

void MarkdownEditor::insertLink()
{
    QTextCursor cursor = textCursor();
    const QString text = cursor.selectedText();
    cursor.beginEditBlock();
    cursor.insertText(QStringLiteral("[%1](https://)").arg(text));
    cursor.endEditBlock();
    // Leave the cursor inside the parentheses, after "https://".
    cursor.movePosition(QTextCursor::Left);
    setTextCursor(cursor);
}

void MarkdownEditor::indentSelection(bool outdent)
{
    QTextCursor cursor = textCursor();
    QTextBlock first = document()->findBlock(cursor.selectionStart());
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    cursor.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        QTextCursor line(block);
        if (outdent) {
            const QString text = block.text();
            int remove = 0;
            while (remove < 2 && remove < text.size() && text.at(remove) == QLatin1Char(' '))
                ++remove;
            if (remove == 0 && text.startsWith(QLatin1Char('\t')))
                remove = 1;
            line.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, remove);
            line.removeSelectedText();
        } else {
            line.insertText(QStringLiteral("  "));
        }
        if (block == last)
            break;
    }
    cursor.endEditBlock();
}

bool MarkdownEditor::event(QEvent *event)
{
    // The editor's own shortcuts win over the window's (Ctrl+K is the workspace switcher
    // elsewhere) while it has the focus.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const auto mods =
            key->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier);
        if ((mods == Qt::ControlModifier &&
             (key->key() == Qt::Key_B || key->key() == Qt::Key_I || key->key() == Qt::Key_K)) ||
            (mods == (Qt::ControlModifier | Qt::ShiftModifier) && key->key() == Qt::Key_C)) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void MarkdownEditor::keyPressEvent(QKeyEvent *event)
{
    const auto mods =
        event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier);
    if (mods == Qt::ControlModifier && event->key() == Qt::Key_B) {
        toggleInline(QStringLiteral("**"));
        return;
    }
    if (mods == Qt::ControlModifier && event->key() == Qt::Key_I) {
        toggleInline(QStringLiteral("_"));
        return;
    }
    if (mods == Qt::ControlModifier && event->key() == Qt::Key_K) {
        insertLink();
        return;
    }
    if (mods == (Qt::ControlModifier | Qt::ShiftModifier) && event->key() == Qt::Key_C) {
        toggleInline(QStringLiteral("`"));
        return;
    }
    if (event->key() == Qt::Key_Backtab ||
        (event->key() == Qt::Key_Tab && mods == Qt::ShiftModifier)) {
        indentSelection(true);
        return;
    }
    if (event->key() == Qt::Key_Tab && mods == Qt::NoModifier && textCursor().hasSelection()) {
        indentSelection(false);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        mods == Qt::NoModifier) {
        // Continue a list: "- ", "* ", "1. " and task items carry over to the new line; an empty
        // item ends the list.
        const QString line = textCursor().block().text();
        static const QRegularExpression item(
            QStringLiteral("^(\\s*)([-*+]|\\d+[.)])(\\s+)(\\[[ xX]\\]\\s+)?"));
        const QRegularExpressionMatch match = item.match(line);
        if (match.hasMatch() && textCursor().atBlockEnd()) {
            if (match.capturedLength(0) == line.size()) {
                QTextCursor cursor = textCursor();
                cursor.select(QTextCursor::BlockUnderCursor);
                cursor.movePosition(QTextCursor::StartOfBlock);
                cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
                cursor.removeSelectedText();
                return;
            }
            QString marker = match.captured(2);
            bool numeric = false;
            const int n = marker.left(marker.size() - 1).toInt(&numeric);
            if (numeric)
                marker = QString::number(n + 1) + marker.right(1);
            QString next = match.captured(1) + marker + match.captured(3);
            if (match.capturedLength(4) > 0)
                next += QStringLiteral("[ ] ");
            textCursor().insertText(QStringLiteral("\n") + next);
            ensureCursorVisible();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Mainstay
