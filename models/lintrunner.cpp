#include "lintrunner.h"

#include "hygienechecker.h"
#include "hygienecontextfromstore.h"
#include "hygienerules.h"
#include "outbox.h"

#include <QMap>

namespace Mainstay {

LintRunner::LintRunner(const WorkspaceStore &store, Policy policy, const Clock *clock)
    : m_store(store)
    , m_policy(std::move(policy))
    , m_clock(clock)
{}

QList<HygieneFinding> LintRunner::run(const QStringList &only) const
{
    const HygieneItems items = hygieneItemsFromStore(m_store);
    const HygieneContext context = hygieneContextFromStore(m_store, m_policy, m_clock);
    return HygieneChecker(m_policy).checkAll(items.pullRequests, items.issues, context, only);
}

QList<LintRunner::Fix> LintRunner::fixesFor(const QList<HygieneFinding> &findings)
{
    QMap<int, QList<HygieneFinding>> byNumber;
    for (HygieneFinding finding : findings) {
        if (!finding.isFixable())
            continue;
        if (finding.rule != HygieneRules::sizeLabel && finding.rule != HygieneRules::typeLabel)
            finding.fix.remove.clear();
        if (finding.fix.isEmpty())
            continue;
        byNumber[finding.number].append(finding);
    }
    QList<Fix> fixes;
    for (auto it = byNumber.cbegin(); it != byNumber.cend(); ++it) {
        Fix fix;
        fix.number = it.key();
        fix.change = HygieneChecker::combinedFix(it.value(), it.key());
        if (fix.change.isEmpty())
            continue; // the rules disagree about every label: a question for a human
        for (const HygieneFinding &finding : it.value())
            if (!fix.rules.contains(finding.rule))
                fix.rules.append(finding.rule);
        fixes.append(fix);
    }
    return fixes;
}

qint64 LintRunner::queue(Outbox &outbox, const Fix &fix)
{
    return outbox.changeLabels(fix.number, fix.change.add, fix.change.remove);
}

QString LintRunner::line(const HygieneFinding &finding)
{
    return QStringLiteral("#%1 %2: %3").arg(finding.number).arg(finding.rule, finding.message);
}

QJsonObject LintRunner::toJson(const HygieneFinding &finding)
{
    QJsonValue fix = QJsonValue::Null;
    if (finding.isFixable())
        fix =
            QJsonObject{{QStringLiteral("add"), QJsonArray::fromStringList(finding.fix.add)},
                        {QStringLiteral("remove"), QJsonArray::fromStringList(finding.fix.remove)}};
    return QJsonObject{{QStringLiteral("rule"), finding.rule},
                       {QStringLiteral("number"), finding.number},
                       {QStringLiteral("message"), finding.message},
                       {QStringLiteral("fix"), fix}};
}

QJsonArray LintRunner::toJson(const QList<HygieneFinding> &findings)
{
    QJsonArray array;
    for (const HygieneFinding &finding : findings)
        array.append(toJson(finding));
    return array;
}

QString LintRunner::describe(const Fix &fix)
{
    QStringList parts;
    if (!fix.change.add.isEmpty())
        parts.append(QStringLiteral("add %1").arg(fix.change.add.join(QStringLiteral(", "))));
    if (!fix.change.remove.isEmpty())
        parts.append(QStringLiteral("remove %1").arg(fix.change.remove.join(QStringLiteral(", "))));
    return QStringLiteral("#%1: %2 (%3)")
        .arg(fix.number)
        .arg(parts.join(QStringLiteral("; ")), fix.rules.join(QStringLiteral(", ")));
}

} // namespace Mainstay
