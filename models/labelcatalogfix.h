#pragma once

#include "label.h"

#include <QMetaType>
#include <QString>

namespace Mainstay {

// One change that brings a repository label in line with the policy, in the terms the outbox
// takes: Create → Outbox::createLabel(label), Update → Outbox::updateLabel(oldName, label).
// Delete is only ever proposed: it strips the label from every item carrying it, so the UI must
// show usageCount and get an explicit confirmation first (the outbox has no delete yet).
struct LabelCatalogFix
{
    enum class Action
    {
        None,
        Create,
        Update,
        Delete
    };

    Action action = Action::None;
    // The label's current name on GitHub (Update, Delete): GitHub addresses labels by name, and an
    // update may also change the name's case.
    QString oldName;
    // What the label should become (Create, Update), or the label that would go (Delete).
    Label label;
    // Open issues and pull requests carrying the label now; what a delete would take it from.
    int usageCount = 0;

    bool isNull() const { return action == Action::None; }
    bool needsConfirmation() const { return action == Action::Delete; }
    bool operator==(const LabelCatalogFix &) const = default;
};

} // namespace Mainstay

Q_DECLARE_METATYPE(Mainstay::LabelCatalogFix)
