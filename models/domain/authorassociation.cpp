#include "authorassociation.h"

namespace Mainstay {

namespace {

struct AssociationName
{
    AuthorAssociation association;
    QLatin1StringView name;
};

constexpr AssociationName associationNames[] = {
    {AuthorAssociation::None, QLatin1StringView("NONE")},
    {AuthorAssociation::Owner, QLatin1StringView("OWNER")},
    {AuthorAssociation::Member, QLatin1StringView("MEMBER")},
    {AuthorAssociation::Collaborator, QLatin1StringView("COLLABORATOR")},
    {AuthorAssociation::Contributor, QLatin1StringView("CONTRIBUTOR")},
    {AuthorAssociation::FirstTimeContributor, QLatin1StringView("FIRST_TIME_CONTRIBUTOR")},
    {AuthorAssociation::FirstTimer, QLatin1StringView("FIRST_TIMER")},
    {AuthorAssociation::Mannequin, QLatin1StringView("MANNEQUIN")},
};

} // namespace

AuthorAssociation authorAssociationFromString(QStringView text)
{
    for (const AssociationName &entry : associationNames)
        if (text == entry.name)
            return entry.association;
    // A value GitHub adds later means "no special relation" as far as we can tell.
    return AuthorAssociation::None;
}

QString toString(AuthorAssociation association)
{
    for (const AssociationName &entry : associationNames)
        if (entry.association == association)
            return entry.name;
    return QStringLiteral("NONE");
}

bool isMaintainerAssociation(AuthorAssociation association)
{
    return association == AuthorAssociation::Owner || association == AuthorAssociation::Member ||
           association == AuthorAssociation::Collaborator;
}

bool isFirstTimeAssociation(AuthorAssociation association)
{
    return association == AuthorAssociation::FirstTimeContributor ||
           association == AuthorAssociation::FirstTimer;
}

} // namespace Mainstay
