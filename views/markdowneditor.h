#pragma once

#include <QPlainTextEdit>

namespace Mainstay {

// The Markdown source editor of the release notes: a plain-text editor with a line-number
// gutter, soft wrap at the widget's width, a monospace font, Markdown shortcuts (Ctrl+B bold,
// Ctrl+I italic, Ctrl+K link, Ctrl+Shift+C code, Tab / Shift+Tab indent a list) and no spell
// check. The highlighter is attached by the owner (views/markdownhighlighter.h).
class MarkdownEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MarkdownEditor(QWidget *parent = nullptr);

    // The 1-based line of the source (a QTextBlock) shown at the top of the viewport.
    int topVisibleLine() const;
    // Moves the cursor to the start of `line` (1-based), selects it and scrolls it into view.
    void goToLine(int line);
    // The width the gutter needs for the current number of lines.
    int gutterWidth() const;
    void setGutterVisible(bool visible);

    // Wraps the selection (or the word under the cursor) in `marker` on both sides.
    void toggleInline(const QString &marker);
    void insertLink();

Q_SIGNALS:
    // The top visible line changed (scrolling, resizing, editing).
    void topVisibleLineChanged(int line);

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class LineNumberGutter;
    void paintGutter(QPaintEvent *event);
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void indentSelection(bool outdent);
    void noteTopLine();

    QWidget *m_gutter;
    bool m_gutterVisible = true;
    int m_lastTopLine = -1;
};

} // namespace Mainstay
