#include "hygienechecker.h"

#include "hygienerules.h"
#include "pullrequest.h"

#include <algorithm>

namespace Mainstay {

HygieneChecker::HygieneChecker(Policy policy)
    : m_policy(std::move(policy))
{}

QList<HygieneFinding> HygieneChecker::check(const PullRequest &pullRequest,
                                            const HygieneContext &context,
                                            const QStringList &only) const
{
    return run(pullRequest, &pullRequest, context, only);
}

QList<HygieneFinding> HygieneChecker::check(const Issue &issue, const HygieneContext &context,
                                            const QStringList &only) const
{
    return run(issue, nullptr, context, only);
}

QList<HygieneFinding> HygieneChecker::checkAll(const QList<PullRequest> &pullRequests,
                                               const QList<Issue> &issues,
                                               const HygieneContext &context,
                                               const QStringList &only) const
{
    QList<HygieneFinding> findings;
    for (const PullRequest &pullRequest : pullRequests)
        findings += check(pullRequest, context, only);
    for (const Issue &issue : issues)
        findings += check(issue, context, only);
    // Rule order is kept within an item (stable sort); the checked PR breaks ties between a PR
    // and the findings its merges put on issues of the same number in another listing.
    std::stable_sort(findings.begin(), findings.end(),
                     [](const HygieneFinding &a, const HygieneFinding &b) {
                         if (a.number != b.number)
                             return a.number < b.number;
                         return a.pullRequest < b.pullRequest;
                     });
    return findings;
}

QStringList HygieneChecker::ruleIds()
{
    return HygieneRules::ids();
}

QStringList HygieneChecker::unknownRuleIds(const QStringList &only)
{
    QStringList unknown;
    for (const QString &id : only)
        if (!HygieneRules::find(id) && !unknown.contains(id))
            unknown.append(id);
    return unknown;
}

LabelChange HygieneChecker::combinedFix(const QList<HygieneFinding> &findings, int number)
{
    QStringList add;
    QStringList remove;
    for (const HygieneFinding &finding : findings) {
        if (finding.number != number)
            continue;
        for (const QString &label : finding.fix.add)
            if (!add.contains(label, Qt::CaseInsensitive))
                add.append(label);
        for (const QString &label : finding.fix.remove)
            if (!remove.contains(label, Qt::CaseInsensitive))
                remove.append(label);
    }
    // Two rules disagreeing about a label (a type label that is also an area label) is a
    // question for a human, so neither change is made.
    LabelChange change;
    for (const QString &label : add)
        if (!remove.contains(label, Qt::CaseInsensitive))
            change.add.append(label);
    for (const QString &label : remove)
        if (!add.contains(label, Qt::CaseInsensitive))
            change.remove.append(label);
    return change;
}

QList<HygieneFinding> HygieneChecker::run(const Issue &item, const PullRequest *pullRequest,
                                          const HygieneContext &context,
                                          const QStringList &only) const
{
    QList<HygieneFinding> findings;
    for (const HygieneRule &rule : HygieneRules::all())
        if (only.isEmpty() || only.contains(rule.id))
            rule.check(item, pullRequest, m_policy, context, findings);
    return findings;
}

} // namespace Mainstay
