#include "hygienerules.h"

#include "hygienecontext.h"
#include "policy.h"
#include "pullrequest.h"

#include <QRegularExpression>

namespace Mainstay::HygieneRules {

namespace {

using Severity = HygieneFinding::Severity;

QString quoted(const QString &text)
{
    return QLatin1Char('`') + text + QLatin1Char('`');
}

QString quotedList(const QStringList &names)
{
    QStringList result;
    for (const QString &name : names)
        result.append(quoted(name));
    return result.join(QStringLiteral(", "));
}

// GitHub compares label names without case, and so do the rules.
bool hasLabel(const Issue &item, QStringView name)
{
    for (const Label &label : item.labels)
        if (name.compare(label.name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool containsLabel(const QStringList &labels, QStringView name)
{
    for (const QString &label : labels)
        if (name.compare(label, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

void appendOnce(QStringList &labels, const QString &name)
{
    if (!containsLabel(labels, name))
        labels.append(name);
}

HygieneFinding finding(QStringView rule, const Issue &item, Severity severity, QString message,
                       LabelChange fix = {})
{
    HygieneFinding result;
    result.rule = rule.toString();
    result.number = item.number;
    result.pullRequest = item.isPullRequest ? item.number : 0;
    result.message = std::move(message);
    result.fix = std::move(fix);
    result.severity = severity;
    return result;
}

// A label some title type implies; such labels are the ones type-label may take off.
bool isTypeLabel(const SemanticTitlePolicy &titles, QStringView name)
{
    for (const SemanticTitlePolicy::Type &type : titles.types)
        if (!type.label.isEmpty() && name.compare(type.label, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// The hygiene of a PR in review; closed and merged PRs are past it.
bool isOpenPullRequest(const PullRequest *pullRequest)
{
    return pullRequest && pullRequest->isOpen();
}

void checkSemanticTitle(const Issue &item, const PullRequest *pullRequest, const Policy &policy,
                        const HygieneContext &, QList<HygieneFinding> &findings)
{
    if (!isOpenPullRequest(pullRequest))
        return;
    const SemanticTitle parsed = policy.semanticTitles.parse(item.title);
    if (parsed.isValid())
        return;
    findings.append(finding(
        semanticTitle, item, Severity::Error,
        QStringLiteral("The title does not follow `type(scope): subject`: %1. Rename the pull "
                       "request.")
            .arg(parsed.problem)));
}

void checkTypeLabel(const Issue &item, const PullRequest *pullRequest, const Policy &policy,
                    const HygieneContext &context, QList<HygieneFinding> &findings)
{
    if (!isOpenPullRequest(pullRequest))
        return;
    const SemanticTitlePolicy &titles = policy.semanticTitles;
    const SemanticTitle parsed = titles.parse(item.title);
    if (!parsed.isValid())
        return; // semantic-title reports it; a broken title implies no label
    const QString expected = titles.labelForType(parsed.type);
    if (expected.isEmpty())
        return; // a type without a label (e.g. revert) leaves the labelling to the maintainer

    // Labels some type implies are "type labels". One may also be an area label
    // (`documentation` for docs/**): it conflicts only when the changed files are known and do
    // not call for it, since a human may have added it for the area.
    std::optional<QStringList> files;
    if (context.changedFiles)
        files = context.changedFiles(item.number);
    const QStringList areaLabels = files ? policy.areaLabelsFor(*files) : QStringList();
    // In the PR's own order and spelling, so the message and the removal match what it shows.
    QStringList conflicting;
    for (const Label &label : item.labels) {
        if (label.name.compare(expected, Qt::CaseInsensitive) == 0 ||
            !isTypeLabel(titles, label.name) || containsLabel(conflicting, label.name))
            continue;
        bool isAreaLabel = false;
        for (const AreaRule &area : policy.areas)
            isAreaLabel = isAreaLabel || area.label().compare(label.name, Qt::CaseInsensitive) == 0;
        if (isAreaLabel && (!files || containsLabel(areaLabels, label.name)))
            continue;
        conflicting.append(label.name);
    }

    LabelChange fix;
    QStringList sentences;
    if (!hasLabel(item, expected)) {
        fix.add.append(expected);
        sentences.append(QStringLiteral("The title's type %1 calls for the label %2; add it.")
                             .arg(quoted(parsed.type), quoted(expected)));
    }
    if (parsed.breaking && !titles.breakingLabel.isEmpty() &&
        !hasLabel(item, titles.breakingLabel)) {
        fix.add.append(titles.breakingLabel);
        sentences.append(QStringLiteral("The title marks a breaking change (`!`); add %1.")
                             .arg(quoted(titles.breakingLabel)));
    }
    if (!conflicting.isEmpty()) {
        fix.remove = conflicting;
        const bool one = conflicting.size() == 1;
        sentences.append(
            (one ? QStringLiteral(
                       "The label %1 conflicts with the title's type %2 (%3); remove it.")
                 : QStringLiteral("The labels %1 conflict with the title's type %2 (%3); remove "
                                  "them."))
                .arg(quotedList(conflicting), quoted(parsed.type), quoted(expected)));
    }
    if (fix.isEmpty())
        return;
    findings.append(finding(typeLabel, item, Severity::Warning, sentences.join(QLatin1Char(' ')),
                            std::move(fix)));
}

void checkSizeLabel(const Issue &item, const PullRequest *pullRequest, const Policy &policy,
                    const HygieneContext &, QList<HygieneFinding> &findings)
{
    if (!isOpenPullRequest(pullRequest) || !pullRequest->hasSize())
        return; // the list endpoints leave the size out until the PR itself is fetched
    const int lines = pullRequest->changedLines();
    const QString expected = policy.sizeLabelFor(lines);
    if (expected.isEmpty())
        return;
    LabelChange fix;
    for (const QString &size : policy.sizeLabels())
        if (size.compare(expected, Qt::CaseInsensitive) != 0 && hasLabel(item, size))
            fix.remove.append(size);
    if (!hasLabel(item, expected))
        fix.add.append(expected);
    if (fix.isEmpty())
        return;
    const QString lineCount =
        QStringLiteral("%1 changed %2 (+%3 −%4)")
            .arg(lines)
            .arg(lines == 1 ? QStringLiteral("line") : QStringLiteral("lines"))
            .arg(pullRequest->additions)
            .arg(pullRequest->deletions);
    const QString message =
        fix.remove.isEmpty()
            ? QStringLiteral("No size label; %1 make it %2.").arg(lineCount, quoted(expected))
            : QStringLiteral("Labelled %1, but %2 make it %3; replace the label.")
                  .arg(quotedList(fix.remove), lineCount, quoted(expected));
    findings.append(finding(sizeLabel, item, Severity::Warning, message, std::move(fix)));
}

void checkLinkedIssue(const Issue &item, const PullRequest *pullRequest, const Policy &policy,
                      const HygieneContext &, QList<HygieneFinding> &findings)
{
    if (!isOpenPullRequest(pullRequest) || !linkedIssueNumbers(*pullRequest).isEmpty())
        return;
    LabelChange fix;
    for (const QStringView name : {needIssueLabel, doNotMergeLabel}) {
        const LabelSpec *spec = policy.label(name);
        if (spec && !hasLabel(item, spec->name))
            fix.add.append(spec->name);
    }
    QString message =
        QStringLiteral("No linked issue: reference one with `Closes #N` or fill in the template's "
                       "`**Issue number:**` line");
    message += fix.isEmpty()
                   ? QStringLiteral(".")
                   : QStringLiteral(", or add %1 until there is one.").arg(quotedList(fix.add));
    findings.append(finding(linkedIssue, item, Severity::Warning, message, std::move(fix)));
}

void checkDoNotMerge(const Issue &item, const PullRequest *pullRequest, const Policy &policy,
                     const HygieneContext &, QList<HygieneFinding> &findings)
{
    if (!isOpenPullRequest(pullRequest))
        return;
    const LabelSpec *spec = policy.label(doNotMergeLabel);
    if (!spec || !hasLabel(item, spec->name))
        return;
    findings.append(finding(doNotMerge, item, Severity::Info,
                            QStringLiteral("Marked %1: do not merge until the label comes off.")
                                .arg(quoted(spec->name))));
}

void checkPendingRelease(const Issue &item, const PullRequest *pullRequest, const Policy &policy,
                         const HygieneContext &context, QList<HygieneFinding> &findings)
{
    const QString label = policy.release.pendingReleaseLabel;
    if (!pullRequest || !pullRequest->isMerged() || label.isEmpty() || !context.issueLabels)
        return;
    // Merged at or before the last release: it shipped, and the label came off with it.
    if (context.lastRelease.isValid() && pullRequest->mergedAt <= context.lastRelease)
        return;
    for (const int number : linkedIssueNumbers(*pullRequest)) {
        const std::optional<QStringList> labels = context.issueLabels(number);
        if (!labels || containsLabel(*labels, label))
            continue; // an issue we do not have (another repository, not synced) says nothing
        HygieneFinding result = finding(
            pendingRelease, item, Severity::Warning,
            QStringLiteral("Issue #%1 is fixed by merged pull request #%2 but lacks %3; add it "
                           "so the next release notifies it.")
                .arg(number)
                .arg(item.number)
                .arg(quoted(label)),
            LabelChange{{label}, {}});
        result.number = number; // the fix goes on the issue
        findings.append(result);
    }
}

void checkAreaLabel(const Issue &item, const PullRequest *pullRequest, const Policy &policy,
                    const HygieneContext &context, QList<HygieneFinding> &findings)
{
    if (!isOpenPullRequest(pullRequest) || !context.changedFiles)
        return;
    const std::optional<QStringList> files = context.changedFiles(item.number);
    if (!files)
        return;
    LabelChange fix;
    for (const QString &area : policy.areaLabelsFor(*files))
        if (!hasLabel(item, area))
            appendOnce(fix.add, area);
    if (fix.isEmpty())
        return;
    // The message first: the arguments of one call are evaluated in no set order, so a move of
    // `fix` in the same call could empty the list the message names.
    QString message = QStringLiteral("The changed files call for %1; add %2.")
                          .arg(quotedList(fix.add),
                               fix.add.size() == 1 ? QStringLiteral("it") : QStringLiteral("them"));
    findings.append(
        finding(areaLabel, item, Severity::Warning, std::move(message), std::move(fix)));
}

void checkStale(const Issue &item, const PullRequest *, const Policy &policy,
                const HygieneContext &context, QList<HygieneFinding> &findings)
{
    if (!item.isOpen())
        return;
    const int days = item.isPullRequest ? policy.stale.pullRequestDays : policy.stale.issueDays;
    if (days <= 0)
        return; // the policy turned it off
    const QDateTime activity = item.updatedAt.isValid() ? item.updatedAt : item.createdAt;
    if (!activity.isValid())
        return;
    const QDateTime now = context.now();
    if (activity.addDays(days) > now)
        return;
    const qint64 idle = activity.daysTo(now);
    findings.append(finding(
        stale, item, Severity::Info,
        QStringLiteral("No activity for %1 days (the policy allows %2 for %3); follow up or "
                       "close it.")
            .arg(idle)
            .arg(days)
            .arg(item.isPullRequest ? QStringLiteral("pull requests") : QStringLiteral("issues"))));
}

} // namespace

const QList<HygieneRule> &all()
{
    static const QList<HygieneRule> rules{
        {semanticTitle.toString(), QStringLiteral("The PR title follows `type(scope)!: subject`"),
         checkSemanticTitle},
        {typeLabel.toString(), QStringLiteral("The PR carries the label its title's type implies"),
         checkTypeLabel},
        {sizeLabel.toString(), QStringLiteral("The PR's size label matches its changed lines"),
         checkSizeLabel},
        {linkedIssue.toString(), QStringLiteral("The PR links the issue it resolves"),
         checkLinkedIssue},
        {doNotMerge.toString(), QStringLiteral("The PR is marked do-not-merge"), checkDoNotMerge},
        {pendingRelease.toString(),
         QStringLiteral("Issues fixed since the last release are labelled pending-release"),
         checkPendingRelease},
        {areaLabel.toString(), QStringLiteral("The PR carries the area labels of its files"),
         checkAreaLabel},
        {stale.toString(), QStringLiteral("Open issues and PRs have recent activity"), checkStale},
    };
    return rules;
}

QStringList ids()
{
    QStringList result;
    for (const HygieneRule &rule : all())
        result.append(rule.id);
    return result;
}

const HygieneRule *find(QStringView id)
{
    for (const HygieneRule &rule : all())
        if (rule.id == id)
            return &rule;
    return nullptr;
}

QList<int> linkedIssueNumbers(const PullRequest &pullRequest)
{
    // The PR template's line, e.g. `**Issue number:** #1234`, or with the issue's URL.
    static const QRegularExpression templateLine(
        QStringLiteral(R"(^[ \t]*\*\*Issue number:\*\*[ \t]*(?:#|https?://\S+/issues/)(\d+)\b)"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    QList<int> numbers;
    for (const int number : pullRequest.linkedIssues)
        if (number > 0 && !numbers.contains(number))
            numbers.append(number);
    auto matches = templateLine.globalMatch(pullRequest.body);
    while (matches.hasNext()) {
        bool ok = false;
        const int number = matches.next().captured(1).toInt(&ok);
        if (ok && number > 0 && !numbers.contains(number))
            numbers.append(number);
    }
    return numbers;
}

} // namespace Mainstay::HygieneRules
