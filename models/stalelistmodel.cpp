#include "stalelistmodel.h"

#include "boardsession.h"

namespace Mainstay {

StaleListModel::StaleListModel(BoardSession *session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
{}

void StaleListModel::refresh()
{
    QList<int> numbers = m_session->staleNumbers();
    if (numbers == m_numbers) {
        if (!m_numbers.isEmpty())
            emit dataChanged(index(0), index(int(m_numbers.size()) - 1));
        return;
    }
    beginResetModel();
    m_numbers = std::move(numbers);
    endResetModel();
}

int StaleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_numbers.size());
}

Qt::ItemFlags StaleListModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren
                           : Qt::NoItemFlags;
}

QVariant StaleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int number = m_numbers[index.row()];
    const Issue *issue = m_session->item(number);
    if (!issue)
        return {};
    const BoardModel *board = m_session->model();
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("#%1 %2").arg(number).arg(issue->title);
    case BoardModel::IsCardRole:
        return true;
    case BoardModel::BoardColumnRole:
        return board->columnOf(number);
    case BoardModel::NumberRole:
        return number;
    case BoardModel::TitleRole:
        return issue->title;
    case BoardModel::AuthorRole:
        return issue->author.login;
    case BoardModel::FirstTimeContributorRole:
        return isFirstTimeAssociation(issue->authorAssociation);
    case BoardModel::CreatedAtRole:
        return issue->createdAt;
    case BoardModel::AgeSecondsRole:
        return WaitingOnUs::ageSeconds(*issue, m_session->now());
    case BoardModel::LastActivityRole:
        return issue->updatedAt.isValid() ? issue->updatedAt : issue->createdAt;
    case BoardModel::CommentCountRole:
        return issue->commentCount;
    case BoardModel::ReactionCountRole:
        return issue->reactionCount;
    case BoardModel::LabelsRole: {
        QVariantList labels;
        for (const Label &label : issue->labels)
            labels.append(QVariantMap{{QStringLiteral("name"), label.name},
                                      {QStringLiteral("color"), label.color}});
        return labels;
    }
    case BoardModel::IsPullRequestRole:
        return issue->isPullRequest;
    case BoardModel::WaitingOnUsRole:
        return board->isWaitingOnUs(number);
    case BoardModel::PendingRole:
        return board->pendingNumbers().contains(number);
    case BoardModel::SnoozedRole:
        return board->snoozedNumbers().contains(number);
    default:
        return {};
    }
}

} // namespace Mainstay
