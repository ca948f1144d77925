#pragma once

#include <QModelIndex>
#include <QObject>

class QAbstractItemModel;
class QWidget;

namespace Mainstay {

// With MAINSTAY_STARTUP_TRACE set, prints on stderr how long after main() the first view was
// first painted with items in it: the cold-start figure DESIGN.md budgets (bench_coldstart reads
// it). Costs nothing otherwise.
class StartupTrace : public QObject
{
    Q_OBJECT
public:
    // Call first thing in main().
    static void begin();
    static bool isEnabled();
    // Watches `viewport` (of a view over `model`, showing the children of `root`) for its first
    // paint with rows.
    static void watch(QWidget *viewport, const QAbstractItemModel *model,
                      const QModelIndex &root = {});

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    StartupTrace(const QAbstractItemModel *model, const QModelIndex &root, QObject *parent);
    const QAbstractItemModel *m_model;
    int m_rootRow = -1; // a top-level row (a board column), -1 for the top level itself
};

} // namespace Mainstay
