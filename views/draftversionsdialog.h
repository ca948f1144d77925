#pragma once

#include "draftversion.h"

#include <QDialog>

class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QLineEdit;

namespace Mainstay {

// "Versions…": the versions of a draft the user kept, newest first, each with its text; the
// chosen one can be restored into the editor (the page keeps the current text as a version
// first, so restoring never loses anything). "Keep current text" adds a version with a label.
class DraftVersionsDialog : public QDialog
{
    Q_OBJECT
public:
    DraftVersionsDialog(const QList<DraftVersion> &versions, QWidget *parent = nullptr);

    void setVersions(const QList<DraftVersion> &versions);
    // The version chosen with "Restore" (id 0 when none).
    DraftVersion restored() const { return m_restored; }
    void selectVersion(int row);
    void restoreSelected();

Q_SIGNALS:
    // "Keep current text" with the label typed.
    void keepRequested(const QString &label);

private:
    void showSelected();

    QList<DraftVersion> m_versions;
    QListWidget *m_list;
    QPlainTextEdit *m_text;
    QLineEdit *m_label;
    QPushButton *m_restore;
    DraftVersion m_restored;
};

} // namespace Mainstay
