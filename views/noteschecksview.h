#pragma once

#include "releasenotes.h"
#include "releasenoteschecks.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Mainstay {

// The pre-publish checks under the editor: one row per check with a status icon, the message,
// the line it is about and a "Fix" button when the check offers one. Double-clicking a row (or
// Enter) jumps to its line. Problems come first, then what passed.
class NotesChecksView : public QWidget
{
    Q_OBJECT
public:
    explicit NotesChecksView(QWidget *parent = nullptr);

    void setChecks(const QList<NotesCheck> &checks);
    const QList<NotesCheck> &checks() const { return m_checks; }
    // The row of the check with `id` (-1 when absent), and activating it as a double-click does.
    int rowOf(const QString &id) const;
    void activateRow(int row);
    QTreeWidget *tree() const { return m_tree; }
    // "2 errors, 1 warning" — for the tab title.
    QString summary() const;

    static QIcon severityIcon(NotesCheck::Severity severity, const QPalette &palette);

Q_SIGNALS:
    void jumpToLine(int line);
    void fixRequested(const Mainstay::NotesCheck &check);

private:
    QList<NotesCheck> m_checks; // in display order
    QTreeWidget *m_tree;
};

// The conflicts a regeneration left: generated lines the human edited whose generated text
// changed since. Each row shows both texts; "Use generated" takes the new one, "Keep mine"
// dismisses the row; double-click jumps to the line.
class RegenerateConflictsView : public QWidget
{
    Q_OBJECT
public:
    explicit RegenerateConflictsView(QWidget *parent = nullptr);

    void setConflicts(const QList<RegenerateConflict> &conflicts);
    const QList<RegenerateConflict> &conflicts() const { return m_conflicts; }
    void removeConflict(int index);
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    void jumpToLine(int line);
    void useGenerated(const Mainstay::RegenerateConflict &conflict);

private:
    void rebuild();
    void dismissLater(const RegenerateConflict &conflict);

    QList<RegenerateConflict> m_conflicts;
    QTreeWidget *m_tree;
    QLabel *m_empty;
};

} // namespace Mainstay
