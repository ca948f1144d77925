#pragma once

#include "boardmodel.h"

#include <QAbstractListModel>

namespace Mainstay {

class BoardSession;

// The stale view: open issues and pull requests with no activity for the policy's days, oldest
// activity first (BoardSession::staleNumbers()). Rows answer BoardModel's card roles so the
// board's card delegate paints them.
class StaleListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit StaleListModel(BoardSession *session, QObject *parent = nullptr);

    // Recomputes the list (after a sync, an outbox write or a toggle).
    void refresh();
    QList<int> numbers() const { return m_numbers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    BoardSession *m_session;
    QList<int> m_numbers;
};

} // namespace Mainstay
