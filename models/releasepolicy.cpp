#include "releasepolicy.h"

#include "policytext.h"

namespace Mainstay {

namespace {

bool containsName(const QStringList &names, const QStringList &labels)
{
    for (const QString &label : labels)
        if (names.contains(label, Qt::CaseInsensitive))
            return true;
    return false;
}

QString resolveVersion(QString text, const QString &version)
{
    return text.replace(QStringLiteral("$RESOLVED_VERSION"), version);
}

} // namespace

VersionBump ReleasePolicy::VersionResolver::bumpFor(const QStringList &labels) const
{
    if (containsName(major, labels))
        return VersionBump::Major;
    if (containsName(minor, labels))
        return VersionBump::Minor;
    if (containsName(patch, labels))
        return VersionBump::Patch;
    return defaultBump;
}

QString ReleasePolicy::tagFor(const QString &version) const
{
    return resolveVersion(tagTemplate, version);
}

QString ReleasePolicy::nameFor(const QString &version) const
{
    return resolveVersion(nameTemplate, version);
}

QString ReleasePolicy::postReleaseCommentFor(const QString &tag) const
{
    return fillPlaceholders(postReleaseComment, {{QStringLiteral("version"), tag}});
}

QString versionBumpName(VersionBump bump)
{
    switch (bump) {
    case VersionBump::Major:
        return QStringLiteral("major");
    case VersionBump::Minor:
        return QStringLiteral("minor");
    case VersionBump::Patch:
        break;
    }
    return QStringLiteral("patch");
}

} // namespace Mainstay
