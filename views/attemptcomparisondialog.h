#pragma once

#include "attemptcomparison.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace Mainstay {

// Two attempts of a run, job by job: durations, outcomes and the change, the jobs whose outcome
// changed first marked. Read-only; the data comes from compareAttempts().
class AttemptComparisonDialog : public QDialog
{
    Q_OBJECT
public:
    AttemptComparisonDialog(int attemptA, int attemptB, const QList<AttemptComparisonRow> &rows,
                            QWidget *parent = nullptr);

    QTreeWidget *table() const { return m_table; }
    static QString duration(std::optional<qint64> seconds);

private:
    QLabel *m_summary;
    QTreeWidget *m_table;
};

} // namespace Mainstay
