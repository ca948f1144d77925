#pragma once

#include "clock.h"

#include <QDateTime>
#include <QStringList>
#include <functional>
#include <optional>

namespace Mainstay {

// What the hygiene rules need beyond the item itself. The GUI fills it from the store's loaded
// data, `mainstay lint` from the store on disk; a lookup that is not set, or that returns
// nullopt, means "not known", and the rules that need it stay silent rather than guess.
struct HygieneContext
{
    // "Now" for the stale rule; null means the system clock.
    const Clock *clock = nullptr;
    // When the last release was published. Only PRs merged after it still wait for a release;
    // invalid means there has been no release yet, so every merged PR counts.
    QDateTime lastRelease;
    // The labels of an issue by number (for the merged PRs' linked issues).
    std::function<std::optional<QStringList>(int number)> issueLabels;
    // The files a pull request changes, by number (for the area labels); they are fetched
    // separately from the PR list, so they may not be known yet.
    std::function<std::optional<QStringList>(int number)> changedFiles;
    // The repository's maintainers (collaborators with write access); empty falls back on the
    // policy's list.
    QStringList maintainers;

    QDateTime now() const { return (clock ? clock : Clock::system())->now(); }
};

} // namespace Mainstay
