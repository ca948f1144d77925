#pragma once

#include "issue.h"
#include "outboxentry.h"

#include <QList>
#include <QSet>

namespace Mainstay {

// What an issue looks like once the outbox's pending writes are done: the optimistic view the
// models show while entries wait to be sent. Pure functions of their arguments: pass the current
// pending entries (Outbox::pending()) and the overlay follows the outbox. An entry that failed
// permanently or was cancelled is no longer pending, so the change it made disappears (the
// revert) without any bookkeeping.
//
// Applied in id order: label additions, removals and replacements (change-labels: both), a
// deleted repository label taken off every item, close (with its reason), reopen, assignees, and
// one more comment per pending comment (also the comment of a close).
class OutboxOverlay
{
public:
    // `knownLabels` (the repository's labels) gives added labels their colour and description;
    // an unknown name gets a grey label, as GitHub creates it.
    static Issue apply(const Issue &issue, const QList<OutboxEntry> &entries,
                       const QList<Label> &knownLabels = {});
    // apply() over a list, for a model's upsert(); issues without pending entries are returned
    // unchanged.
    static QList<Issue> applyAll(const QList<Issue> &issues, const QList<OutboxEntry> &entries,
                                 const QList<Label> &knownLabels = {});
    // The repository's labels once pending create-label, update-label and delete-label entries
    // are done: created ones appended (or, when the name exists, updated), renamed and recoloured
    // ones changed in place, deleted ones gone.
    static QList<Label> applyToLabels(const QList<Label> &labels,
                                      const QList<OutboxEntry> &entries);
    // The label names (as GitHub compares them: case-folded) pending label writes are about, for
    // a "pending" badge in the label catalogue; a rename counts under both names.
    static QSet<QString> pendingLabelNames(const QList<OutboxEntry> &entries);
    // The issue numbers with pending entries (for a "pending" badge).
    static QSet<int> pendingIssueNumbers(const QList<OutboxEntry> &entries);
    // The issue number an entry writes to, 0 when it is not about an issue.
    static int issueNumberOf(const OutboxEntry &entry);
};

} // namespace Mainstay
