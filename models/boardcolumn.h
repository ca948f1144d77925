#pragma once

#include "label.h"
#include "labelchange.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Mainstay {

// A column of the triage board, defined entirely by labels: which labels put a card here and
// which labels a move into the column puts on or takes off. Label names compare
// case-insensitively, as they do on GitHub.
struct BoardColumn
{
    QString id;
    QString title;
    QStringList labels; // a card carrying any of these belongs here…
    QStringList except; // …unless it also carries one of these (a later state wins)
    QStringList add;    // put on when a card moves in and carries none of `labels` yet
    QStringList remove; // taken off when a card moves in (`except` is taken off as well)

    bool matches(const QList<Label> &cardLabels) const;
    bool matches(const QStringList &cardLabels) const;

    // What moving a card with these labels into this column changes. The card's own state
    // labels are respected: a `bug-upstream` card moved to "Confirmed bugs" does not also get
    // `bug`, because it already belongs there.
    LabelChange changeForMove(const QStringList &cardLabels) const;

    bool operator==(const BoardColumn &) const = default;
};

} // namespace Mainstay
