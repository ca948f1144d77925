#pragma once

#include <QString>

namespace Mainstay {

// How the author of an issue or comment relates to the repository (GitHub's author_association).
enum class AuthorAssociation
{
    None,
    Owner,
    Member,
    Collaborator,
    Contributor,
    FirstTimeContributor,
    FirstTimer,
    Mannequin,
};

AuthorAssociation authorAssociationFromString(QStringView text);
QString toString(AuthorAssociation association);
// OWNER, MEMBER and COLLABORATOR: the fallback definition of "maintainer" when the collaborator
// list is not readable with the user's token.
bool isMaintainerAssociation(AuthorAssociation association);
// FIRST_TIME_CONTRIBUTOR and FIRST_TIMER.
bool isFirstTimeAssociation(AuthorAssociation association);

} // namespace Mainstay
