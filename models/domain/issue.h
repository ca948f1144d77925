#pragma once

#include "authorassociation.h"
#include "label.h"
#include "milestone.h"
#include "sharedoptional.h"
#include "user.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace Mainstay {

// An issue or a pull request as the issues API lists it (an item with a `pull_request` key is a
// pull request; its pull-request-only fields live in PullRequest).
struct Issue
{
    enum class State
    {
        Open,
        Closed
    };
    enum class StateReason
    {
        None,
        Completed,
        NotPlanned,
        Reopened
    };

    qint64 id = 0;
    int number = 0;
    QString title;
    QString body;
    State state = State::Open;
    StateReason stateReason = StateReason::None;
    User author;
    AuthorAssociation authorAssociation = AuthorAssociation::None;
    QList<Label> labels;
    QList<User> assignees;
    SharedOptional<Milestone> milestone;
    int commentCount = 0;
    int reactionCount = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime closedAt;
    bool locked = false;
    QString htmlUrl;
    bool isPullRequest = false;
    QDateTime mergedAt; // pull requests only; the issues list carries it in `pull_request`
    bool draft = false; // pull requests only

    bool isOpen() const { return state == State::Open; }
    bool isMerged() const { return mergedAt.isValid(); }
    bool hasLabel(QStringView name) const;
    bool operator==(const Issue &) const = default;
};

} // namespace Mainstay
