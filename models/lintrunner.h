#pragma once

#include "hygienefinding.h"
#include "labelchange.h"
#include "policy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Mainstay {

class Clock;
class Outbox;
class WorkspaceStore;

// `mainstay lint` without the printing: the hygiene rules (HygieneChecker) over the store's items
// (hygieneItemsFromStore / hygieneContextFromStore), the fixes to queue, and the line and JSON
// forms of a finding. The PR list runs the same checker over the same store input.
class LintRunner
{
public:
    // The fix of one item: every fixable finding about it merged into one label change, which
    // is one outbox entry.
    struct Fix
    {
        int number = 0;
        LabelChange change;
        QStringList rules; // the rules whose findings it fixes, in report order

        bool operator==(const Fix &) const = default;
    };

    // `store` must stay open while the runner is used; a null clock is the system clock.
    LintRunner(const WorkspaceStore &store, Policy policy, const Clock *clock = nullptr);

    // Every finding over the open and merged pull requests and the open issues, ordered by
    // number then rule. `only` limits the rules (check ids with HygieneChecker::unknownRuleIds).
    QList<HygieneFinding> run(const QStringList &only = {}) const;

    // One Fix per item with fixable findings, by number. A label is only taken off when the
    // finding's rule is about exactly that kind of label (size-label, type-label): the other
    // rules only ever add, so a label a human put on stays.
    static QList<Fix> fixesFor(const QList<HygieneFinding> &findings);
    // Queues one fix as one outbox entry; returns its id (0 when it could not be stored).
    static qint64 queue(Outbox &outbox, const Fix &fix);

    // `#12 size-label: No size label; …`
    static QString line(const HygieneFinding &finding);
    // {"rule", "number", "message", "fix"}: fix is {"add": [...], "remove": [...]} or null.
    static QJsonObject toJson(const HygieneFinding &finding);
    static QJsonArray toJson(const QList<HygieneFinding> &findings);
    // `#12: add size/M, remove size/XL`
    static QString describe(const Fix &fix);

private:
    const WorkspaceStore &m_store;
    Policy m_policy;
    const Clock *m_clock;
};

} // namespace Mainstay
