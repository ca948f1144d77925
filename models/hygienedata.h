#pragma once

#include "hygienecontext.h"
#include "issue.h"
#include "pullrequest.h"
#include "release.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace Mainstay {

class CacheDatabase;

// What the hygiene rules run on, read from a workspace's cache: every pull request with its
// details merged over the issue-shaped fields, and the HygieneContext (issue labels, the last
// release, maintainers). The PR list fills itself from here, so the GUI and a headless run that
// uses the same function see the same findings.
struct HygieneData
{
    QList<PullRequest> pullRequests; // open and closed, in number order
    HygieneContext context;
    QHash<int, QString> titles; // every item's title by number (for the merged PRs' issues)

    // `items` are the cached issues and PRs as the user sees them (the outbox overlay applied;
    // cache.loadIssues() when there is no overlay). A PR body is read from the cache only when
    // its details name no closing reference, for the template's `**Issue number:**` line.
    // `changedFiles` is the hook for the area-label rule (not set: that rule stays silent).
    static HygieneData load(const CacheDatabase &cache, const QList<Issue> &items,
                            const Clock *clock = nullptr,
                            std::function<std::optional<QStringList>(int)> changedFiles = {});
    // The publication time of the newest published release that is neither a draft nor a
    // pre-release; invalid when there is none.
    static QDateTime lastReleaseDate(const QList<Release> &releases);
};

} // namespace Mainstay
