#pragma once

#include "hygienefinding.h"

#include <QList>
#include <QString>

namespace Mainstay {

struct Issue;
struct Policy;
struct PullRequest;
struct HygieneContext;

// One row of the hygiene rule table: a stable id (what `--only` and the JSON output use), a
// one-line summary for help texts, and the check. Rules read every label name from the policy,
// so a project's own policy changes what they expect without touching code.
struct HygieneRule
{
    // `pullRequest` is the same item as `item` when it is a pull request, null for an issue.
    using Check = void (*)(const Issue &item, const PullRequest *pullRequest, const Policy &policy,
                           const HygieneContext &context, QList<HygieneFinding> &findings);

    QString id;
    QString summary;
    Check check = nullptr;
};

} // namespace Mainstay
