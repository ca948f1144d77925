#include "attemptcomparisondialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Mainstay {

namespace {

QString outcome(RunStatus status, RunConclusion conclusion, bool present)
{
    if (!present)
        return AttemptComparisonDialog::tr("not in this attempt");
    if (status == RunStatus::Completed)
        return toString(conclusion);
    return toString(status);
}

} // namespace

QString AttemptComparisonDialog::duration(std::optional<qint64> seconds)
{
    if (!seconds)
        return QStringLiteral("—");
    const qint64 s = *seconds;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

AttemptComparisonDialog::AttemptComparisonDialog(int attemptA, int attemptB,
                                                 const QList<AttemptComparisonRow> &rows,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTreeWidget(this))
{
    setWindowTitle(tr("Attempt %1 and attempt %2").arg(attemptA).arg(attemptB));
    resize(860, 560);
    const QString a = tr("Attempt %1").arg(attemptA);
    const QString b = tr("Attempt %1").arg(attemptB);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setHeaderLabels(
        {tr("Job"), a, tr("%1 took").arg(a), b, tr("%1 took").arg(b), tr("Change")});
    int changed = 0;
    int slower = 0;
    for (const AttemptComparisonRow &row : rows) {
        const std::optional<qint64> delta = row.delta();
        QString change;
        if (row.outcomeChanged()) {
            change = tr("%1 → %2").arg(toString(row.conclusionA), toString(row.conclusionB));
            ++changed;
        } else if (delta && *delta != 0) {
            change = (*delta > 0 ? QStringLiteral("+") : QStringLiteral("−")) +
                     duration(std::abs(*delta));
            slower += *delta > 0;
        }
        auto *item = new QTreeWidgetItem(
            m_table,
            {row.name, outcome(row.statusA, row.conclusionA, row.inA), duration(row.secondsA),
             outcome(row.statusB, row.conclusionB, row.inB), duration(row.secondsB), change});
        for (int column : {2, 4})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        if (row.outcomeChanged()) {
            QFont bold = item->font(5);
            bold.setBold(true);
            item->setFont(5, bold);
        }
    }
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 6; ++column)
        m_table->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_summary->setText(tr("%1 jobs · %2 changed outcome · %3 took longer in attempt %4")
                           .arg(rows.size())
                           .arg(changed)
                           .arg(slower)
                           .arg(attemptB));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
}

} // namespace Mainstay
