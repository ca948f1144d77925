#pragma once

#include <QTextDocument>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace Mainstay {

// The find / replace strip under an editor (Ctrl+F finds, Ctrl+H also replaces, Escape closes,
// Enter / Shift+Enter / F3 go to the next / previous match). Matches are highlighted in the
// editor while the bar is open.
class FindReplaceBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindReplaceBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    // Opens the bar with the editor's selection (if any) as the search text and focuses it.
    void openFind();
    void openReplace();
    void close();

    void setFindText(const QString &text);
    void setReplaceText(const QString &text);
    void setCaseSensitive(bool on);
    bool findNext();
    bool findPrevious();
    // Replaces the current match (if the selection is one) and moves to the next.
    bool replaceCurrent();
    // Every match, as one undo step; returns how many.
    int replaceAll();
    int matchCount() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTextDocument::FindFlags flags() const;
    bool find(bool backward);
    void updateHighlights();
    bool selectionIsMatch() const;

    QPlainTextEdit *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_case;
    QLabel *m_status;
    QWidget *m_replaceRow;
};

} // namespace Mainstay
