#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Mainstay {

enum class VersionBump
{
    Patch,
    Minor,
    Major
};

// How releases are made and described: the defaults the release-notes editor and the
// post-release batch use when the repository has no release-drafter configuration of its own.
// The template keys and `$VARIABLES` follow Release Drafter's, so a project's existing
// configuration reads the same here.
struct ReleasePolicy
{
    struct Category
    {
        QString title;
        QStringList labels; // a change carrying any of these is listed under this title

        bool operator==(const Category &) const = default;
    };

    // Which labels on the merged changes decide the next version number.
    struct VersionResolver
    {
        QStringList major;
        QStringList minor;
        QStringList patch;
        VersionBump defaultBump = VersionBump::Patch;

        // The largest bump any of the labels asks for, or the default when none does.
        VersionBump bumpFor(const QStringList &labels) const;

        bool operator==(const VersionResolver &) const = default;
    };

    QString branch;   // the target branch of releases
    QString workflow; // the name of the workflow that cuts a release
    QString tagTemplate;
    QString nameTemplate;
    QString summaryPlaceholder; // must be replaced by a human summary before publishing
    QString bodyTemplate;       // Release Drafter's `template`
    QString changeTemplate;
    QString categoryTemplate;
    QList<Category> categories;
    QStringList excludeLabels;
    VersionResolver versionResolver;
    QString pendingReleaseLabel;
    QString postReleaseComment; // `{version}` is the released tag, e.g. v1.26.0

    QString tagFor(const QString &version) const;
    QString nameFor(const QString &version) const;
    QString postReleaseCommentFor(const QString &tag) const;

    bool operator==(const ReleasePolicy &) const = default;
};

QString versionBumpName(VersionBump bump);

} // namespace Mainstay
