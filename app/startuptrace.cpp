#include "startuptrace.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace Mainstay {

namespace {
QElapsedTimer &timer()
{
    static QElapsedTimer elapsed;
    return elapsed;
}
} // namespace

void StartupTrace::begin()
{
    timer().start();
}

bool StartupTrace::isEnabled()
{
    return qEnvironmentVariableIsSet("MAINSTAY_STARTUP_TRACE");
}

void StartupTrace::watch(QWidget *viewport, const QAbstractItemModel *model,
                         const QModelIndex &root)
{
    if (isEnabled() && timer().isValid())
        viewport->installEventFilter(new StartupTrace(model, root, viewport));
}

StartupTrace::StartupTrace(const QAbstractItemModel *model, const QModelIndex &root,
                           QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_rootRow(root.isValid() ? root.row() : -1) // a reset may drop an index, not the row
{}

bool StartupTrace::eventFilter(QObject *watched, QEvent *event)
{
    const QModelIndex root = m_rootRow >= 0 ? m_model->index(m_rootRow, 0) : QModelIndex();
    if (event->type() == QEvent::Paint && (m_rootRow < 0 || root.isValid()) &&
        m_model->rowCount(root) > 0) {
        const qint64 ms = timer().elapsed();
        const int rows = m_model->rowCount(root);
        // Report after the paint has run, so the figure includes it.
        QTimer::singleShot(0, [ms, rows] {
            std::fprintf(stderr, "mainstay: first paint of %d rows %lld ms after start\n", rows,
                         static_cast<long long>(ms));
        });
        watched->removeEventFilter(this);
        deleteLater();
    }
    return false;
}

} // namespace Mainstay
