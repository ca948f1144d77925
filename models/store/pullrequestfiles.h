#pragma once

#include <QString>
#include <QStringList>

namespace Mainstay {

// The files one pull request changes, as last read from GitHub, and the head commit they were
// read at: a later push makes them stale. `complete` is false when only the first pages were read
// (GitHub lists up to 3,000 files); a partial list is a true subset of the changes, but not
// enough to say that a label is *not* called for.
struct PullRequestFiles
{
    int number = 0;
    QString headSha;
    QStringList paths;
    bool complete = true;

    bool operator==(const PullRequestFiles &) const = default;
};

} // namespace Mainstay
