#pragma once

#include "hygienerule.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Mainstay {

struct PullRequest;

// The built-in hygiene rules, in the order their findings are reported.
namespace HygieneRules {

inline constexpr QStringView semanticTitle = u"semantic-title";
inline constexpr QStringView typeLabel = u"type-label";
inline constexpr QStringView sizeLabel = u"size-label";
inline constexpr QStringView linkedIssue = u"linked-issue";
inline constexpr QStringView doNotMerge = u"do-not-merge";
inline constexpr QStringView pendingRelease = u"pending-release";
inline constexpr QStringView areaLabel = u"area-label";
inline constexpr QStringView stale = u"stale";

// The guide's names for the labels a PR without an issue gets. The policy has no key for them,
// so the rules only use them when the policy's label table has them (compared without case),
// in the table's spelling; a project that drops them from its table turns the fix off.
inline constexpr QStringView needIssueLabel = u"need-issue";
inline constexpr QStringView doNotMergeLabel = u"do-not-merge";

const QList<HygieneRule> &all();
QStringList ids();
const HygieneRule *find(QStringView id);

// The issues a pull request says it resolves: its closing references, then the number on the
// PR template's `**Issue number:** #N` line, each once.
QList<int> linkedIssueNumbers(const PullRequest &pullRequest);

} // namespace HygieneRules

} // namespace Mainstay
