#include "hygienedata.h"

#include "cachedatabase.h"

#include <memory>

namespace Mainstay {

QDateTime HygieneData::lastReleaseDate(const QList<Release> &releases)
{
    QDateTime last;
    for (const Release &release : releases)
        if (!release.draft && !release.prerelease && release.publishedAt.isValid() &&
            (!last.isValid() || release.publishedAt > last))
            last = release.publishedAt;
    return last;
}

HygieneData HygieneData::load(const CacheDatabase &cache, const QList<Issue> &items,
                              const Clock *clock,
                              std::function<std::optional<QStringList>(int)> changedFiles)
{
    HygieneData data;
    const QHash<int, PullRequest> details = cache.loadPullRequestDetails();
    auto labels = std::make_shared<QHash<int, QStringList>>();
    labels->reserve(items.size());
    data.titles.reserve(items.size());
    for (const Issue &item : items) {
        QStringList names;
        names.reserve(item.labels.size());
        for (const Label &label : item.labels)
            names.append(label.name);
        labels->insert(item.number, names);
        data.titles.insert(item.number, item.title);
        if (!item.isPullRequest)
            continue;
        PullRequest pull;
        if (const auto found = details.constFind(item.number); found != details.cend())
            pull = *found;
        // The item as the user sees it (pending label writes applied) over the stored details.
        static_cast<Issue &>(pull) = item;
        pull.isPullRequest = true;
        if (const auto found = details.constFind(item.number); found != details.cend())
            pull.draft = found->draft || item.draft;
        if (pull.body.isEmpty() && pull.linkedIssues.isEmpty())
            pull.body = cache.issueBody(item.number);
        data.pullRequests.append(pull);
    }
    std::sort(data.pullRequests.begin(), data.pullRequests.end(),
              [](const PullRequest &a, const PullRequest &b) { return a.number < b.number; });

    data.context.clock = clock;
    data.context.lastRelease = lastReleaseDate(cache.loadReleases());
    data.context.issueLabels = [labels](int number) -> std::optional<QStringList> {
        const auto found = labels->constFind(number);
        if (found == labels->cend())
            return std::nullopt;
        return *found;
    };
    data.context.changedFiles = std::move(changedFiles);
    data.context.maintainers = cache.loadMaintainers();
    return data;
}

} // namespace Mainstay
