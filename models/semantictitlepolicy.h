#pragma once

#include "semantictitle.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Mainstay {

// The semantic-title convention for pull requests and commits (`feat(logger): …`,
// `chore(ci): …`): which types exist, which label each type implies, and how scopes work.
struct SemanticTitlePolicy
{
    struct Type
    {
        QString name;  // as written in titles; compared case-sensitively, like the PR checks do
        QString label; // label the type implies; empty when the type says nothing about it
        QString description;

        bool operator==(const Type &) const = default;
    };

    QList<Type> types;
    QStringList scopes; // empty: any scope is accepted
    bool requireScope = false;
    QString breakingLabel; // put on when the title carries `!`

    SemanticTitle parse(QStringView title) const;
    const Type *type(QStringView name) const;
    QString labelForType(QStringView name) const;
    // The labels a title implies (its type's label, plus the breaking label for `!`); empty
    // when the title does not follow the convention.
    QStringList labelsFor(QStringView title) const;
    QStringList typeNames() const;

    bool operator==(const SemanticTitlePolicy &) const = default;
};

} // namespace Mainstay
