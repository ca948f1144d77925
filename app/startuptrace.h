#pragma once

#include <QObject>

class QAbstractItemModel;
class QWidget;

namespace Mainstay {

// With MAINSTAY_STARTUP_TRACE set, prints on stderr how long after main() the issue list was
// first painted with items in it: the cold-start figure DESIGN.md budgets (bench_coldstart reads
// it). Costs nothing otherwise.
class StartupTrace : public QObject
{
    Q_OBJECT
public:
    // Call first thing in main().
    static void begin();
    static bool isEnabled();
    // Watches `viewport` (of a view over `model`) for its first paint with rows.
    static void watch(QWidget *viewport, const QAbstractItemModel *model);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit StartupTrace(const QAbstractItemModel *model, QObject *parent);
    const QAbstractItemModel *m_model;
};

} // namespace Mainstay
