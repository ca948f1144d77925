#include "hygienecontextfromstore.h"

#include "outboxoverlay.h"
#include "policy.h"
#include "workspacestore.h"

#include <QHash>
#include <memory>

namespace Mainstay {

namespace {

QList<Issue> overlaidItems(const WorkspaceStore &store)
{
    const QList<OutboxEntry> pending = store.userData().pendingEntries();
    const QList<Issue> items = store.cache().loadIssues();
    if (pending.isEmpty())
        return items;
    return OutboxOverlay::applyAll(items, pending, store.cache().loadLabels());
}

} // namespace

HygieneItems hygieneItemsFromStore(const WorkspaceStore &store)
{
    const CacheDatabase &cache = store.cache();
    const QHash<int, PullRequest> details = cache.loadPullRequestDetails();
    HygieneItems result;
    for (const Issue &item : overlaidItems(store)) {
        if (!item.isPullRequest) {
            if (item.isOpen())
                result.issues.append(item);
            continue;
        }
        if (!item.isOpen() && !item.isMerged())
            continue;
        // The issue row carries what the issues list said (labels, state, title); the details
        // row what GraphQL added. Without details the size stays unknown and its rule quiet.
        PullRequest pull;
        const auto found = details.constFind(item.number);
        if (found != details.cend())
            pull = *found;
        static_cast<Issue &>(pull) = item;
        pull.isPullRequest = true;
        if (found != details.cend()) {
            pull.draft = found->draft;
            if (!pull.mergedAt.isValid())
                pull.mergedAt = found->mergedAt;
        }
        pull.body = cache.issueBody(item.number);
        result.pullRequests.append(pull);
    }
    return result;
}

HygieneContext hygieneContextFromStore(const WorkspaceStore &store, const Policy &policy,
                                       const Clock *clock)
{
    const CacheDatabase &cache = store.cache();
    HygieneContext context;
    context.clock = clock;

    for (const Release &release : cache.loadReleases())
        if (!release.draft && release.publishedAt.isValid() &&
            (!context.lastRelease.isValid() || release.publishedAt > context.lastRelease))
            context.lastRelease = release.publishedAt;

    auto labels = std::make_shared<QHash<int, QStringList>>();
    for (const Issue &item : overlaidItems(store)) {
        QStringList names;
        names.reserve(item.labels.size());
        for (const Label &label : item.labels)
            names.append(label.name);
        labels->insert(item.number, names);
    }
    context.issueLabels = [labels](int number) -> std::optional<QStringList> {
        const auto found = labels->constFind(number);
        if (found == labels->cend())
            return std::nullopt;
        return *found;
    };

    // Files read at another head than the one the details know are from before a push.
    const QHash<int, PullRequest> details = cache.loadPullRequestDetails();
    auto files = std::make_shared<QHash<int, QStringList>>();
    const QHash<int, PullRequestFiles> stored = cache.loadPullRequestFiles();
    for (const PullRequestFiles &entry : stored) {
        if (!entry.complete)
            continue;
        const auto pull = details.constFind(entry.number);
        if (pull != details.cend() && !pull->headSha.isEmpty() && !entry.headSha.isEmpty() &&
            pull->headSha != entry.headSha)
            continue;
        files->insert(entry.number, entry.paths);
    }
    context.changedFiles = [files](int number) -> std::optional<QStringList> {
        const auto found = files->constFind(number);
        if (found == files->cend())
            return std::nullopt;
        return *found;
    };

    context.maintainers = cache.loadMaintainers();
    if (context.maintainers.isEmpty())
        context.maintainers = policy.maintainers;
    return context;
}

} // namespace Mainstay
