#pragma once

#include "cannedreply.h"
#include "label.h"
#include "labelchange.h"
#include "markdownrenderer.h"

#include <QDialog>
#include <QHash>
#include <functional>

class QButtonGroup;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QLabel;

namespace Mainstay {

class MarkdownView;

// The label picker: the repository's labels as a checkable list with their colours, narrowed as
// you type. Enter toggles the first match (and clears the filter), Enter on an empty filter
// applies. For several cards a label some of them carry starts partly checked and is left alone
// unless it is clicked.
class LabelPicker : public QDialog
{
    Q_OBJECT
public:
    // `counts`: how many of the `total` selected items carry each label (by lower-case name).
    LabelPicker(const QList<Label> &labels, const QHash<QString, int> &counts, int total,
                QWidget *parent = nullptr);

    LabelChange change() const;
    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    // Toggles a label by name (as a click would); false when there is no such label.
    bool toggle(const QString &name);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    QListWidgetItem *firstVisible() const;

    QLineEdit *m_filter;
    QListWidget *m_list;
    QHash<QString, Qt::CheckState> m_initial;
};

// Assign: logins with completion over the known maintainers and users.
class AssignDialog : public QDialog
{
    Q_OBJECT
public:
    AssignDialog(const QStringList &users, int count, QWidget *parent = nullptr);
    QStringList logins() const;
    QLineEdit *loginEdit() const { return m_edit; }

private:
    QLineEdit *m_edit;
};

// Close as completed or not planned, with an optional comment posted first.
class CloseDialog : public QDialog
{
    Q_OBJECT
public:
    CloseDialog(bool notPlanned, int count, QWidget *parent = nullptr);
    QString reason() const;
    QString comment() const;
    QPlainTextEdit *commentEdit() const { return m_comment; }
    void setNotPlanned(bool notPlanned);

private:
    QButtonGroup *m_reason;
    QPlainTextEdit *m_comment;
};

// A canned reply (or a written one) with a rendered preview for the first item; `{author}` is
// filled with each item's author when it is sent.
class ReplyDialog : public QDialog
{
    Q_OBJECT
public:
    // `render(body)`: the body as it will be posted to the first item.
    ReplyDialog(const QList<CannedReply> &replies, int count,
                std::function<QString(const QString &)> render, QWidget *parent = nullptr);
    QString body() const;
    QListWidget *replyList() const { return m_replies; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    MarkdownView *preview() const { return m_preview; }
    // The repository the reply goes to: #123, @user and SHAs in the preview link as on GitHub.
    void setMarkdownOptions(const MarkdownOptions &options);

private:
    void updatePreview();

    QList<CannedReply> m_cannedReplies;
    std::function<QString(const QString &)> m_render;
    QListWidget *m_replies;
    QPlainTextEdit *m_body;
    MarkdownView *m_preview;
    MarkdownOptions m_options;
};

} // namespace Mainstay
