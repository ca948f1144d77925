#pragma once

#include "arearule.h"
#include "boardcolumn.h"
#include "cannedreply.h"
#include "ganttsectionrule.h"
#include "label.h"
#include "labelchange.h"
#include "labelspec.h"
#include "releasepolicy.h"
#include "semantictitlepolicy.h"
#include "sizethreshold.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Mainstay {

// Every convention Mainstay applies — the label table, the board, semantic titles, size labels,
// release notes, canned replies — as plain data, so a project can bring its own (see
// PolicyLoader and resources/default-policy.yaml). Label names and logins compare
// case-insensitively, as they do on GitHub.
struct Policy
{
    // How long an item may wait on the maintainers before it counts as stale, in days.
    struct Stale
    {
        int issueDays = 30;
        int pullRequestDays = 14;

        bool operator==(const Stale &) const = default;
    };

    int version = 1;
    QList<LabelSpec> labels;
    QList<BoardColumn> boardColumns;
    SemanticTitlePolicy semanticTitles;
    QList<SizeThreshold> sizes; // contiguous and increasing, starting at 0 changed lines
    QList<AreaRule> areas;
    ReleasePolicy release;
    QList<CannedReply> cannedReplies;
    // Used when the repository's collaborators cannot be read (no push access, for example).
    QStringList maintainers;
    Stale stale;
    QStringList rfcReviewQuestions;
    QList<GanttSectionRule> ganttSections; // empty: sections come from `Caller / Callee` names

    // The built-in policy (resources/default-policy.yaml), read once.
    static const Policy &defaultPolicy();

    const LabelSpec *label(QStringView name) const;
    QList<LabelSpec> labelsInGroup(QStringView group) const;
    bool isMaintainer(QStringView login) const;

    // The board column a card with these labels sits in: the first one that matches, -1 when
    // none does.
    int columnFor(const QList<Label> &cardLabels) const;
    int columnFor(const QStringList &cardLabels) const;
    int columnIndex(QStringView id) const;
    // The labels to add and remove when a card with these labels moves into `column`.
    LabelChange labelChangeForMove(const QList<Label> &cardLabels, int column) const;
    LabelChange labelChangeForMove(const QStringList &cardLabels, int column) const;

    // The size label for a pull request with this many changed lines; empty when the size table
    // has no row for it (an empty table, or a negative count).
    QString sizeLabelFor(int changedLines) const;
    QStringList sizeLabels() const;

    // Area labels for the files a pull request touches, in the policy's order, each once.
    QStringList areaLabelsFor(const QStringList &paths) const;

    const CannedReply *cannedReply(QStringView id) const;

    // The Gantt section for a job name from the policy's mapping; empty when no rule matches.
    QString ganttSectionFor(QStringView jobName) const;

    bool operator==(const Policy &) const = default;
};

} // namespace Mainstay
