#pragma once

#include "hygienecontext.h"
#include "hygienefinding.h"
#include "policy.h"

#include <QList>
#include <QStringList>

namespace Mainstay {

struct Issue;
struct PullRequest;

// The one hygiene engine: the PR list's checks, their tooltips and one-click fixes, and
// `mainstay lint`, all run the rules through this class, so they report the same findings.
//
// `only` restricts a run to the rules with those ids (empty: every rule). Unknown ids are
// ignored here; callers that take ids from users check them with unknownRuleIds() first.
class HygieneChecker
{
public:
    explicit HygieneChecker(Policy policy = Policy::defaultPolicy());

    const Policy &policy() const { return m_policy; }

    QList<HygieneFinding> check(const PullRequest &pullRequest, const HygieneContext &context,
                                const QStringList &only = {}) const;
    // Issues only meet the rules that apply to them (stale).
    QList<HygieneFinding> check(const Issue &issue, const HygieneContext &context,
                                const QStringList &only = {}) const;
    // Every finding, ordered by item number and then by rule, so that two runs over the same
    // data print the same lines.
    QList<HygieneFinding> checkAll(const QList<PullRequest> &pullRequests,
                                   const QList<Issue> &issues, const HygieneContext &context,
                                   const QStringList &only = {}) const;

    static QStringList ruleIds();
    static QStringList unknownRuleIds(const QStringList &only);

    // The fixes of all findings about one item merged into one label change (one outbox entry
    // per item for bulk fixes). A label both added and removed by different findings is left
    // alone.
    static LabelChange combinedFix(const QList<HygieneFinding> &findings, int number);

private:
    QList<HygieneFinding> run(const Issue &item, const PullRequest *pullRequest,
                              const HygieneContext &context, const QStringList &only) const;

    Policy m_policy;
};

} // namespace Mainstay
