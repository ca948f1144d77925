#include "policy.h"

#include "policyloader.h"

#include <QtGlobal>

namespace Mainstay {

namespace {

const QString defaultPolicyPath = QStringLiteral(":/mainstay/default-policy.yaml");

QStringList namesOf(const QList<Label> &labels)
{
    QStringList names;
    names.reserve(labels.size());
    for (const Label &label : labels)
        names.append(label.name);
    return names;
}

template<class Labels>
int firstMatchingColumn(const QList<BoardColumn> &columns, const Labels &cardLabels)
{
    for (qsizetype i = 0; i < columns.size(); ++i)
        if (columns[i].matches(cardLabels))
            return int(i);
    return -1;
}

Policy loadDefaultPolicy()
{
    const PolicyLoadResult result = PolicyLoader::loadFile(defaultPolicyPath, Policy());
    if (!result.isOk()) {
        // Only a broken build gets here; the tests load the default policy on every run.
        qCritical("The built-in policy does not load: %s", qPrintable(result.errorString()));
        return Policy();
    }
    return result.policy();
}

} // namespace

const Policy &Policy::defaultPolicy()
{
    static const Policy policy = loadDefaultPolicy();
    return policy;
}

const LabelSpec *Policy::label(QStringView name) const
{
    for (const LabelSpec &spec : labels)
        if (name.compare(spec.name, Qt::CaseInsensitive) == 0)
            return &spec;
    return nullptr;
}

QList<LabelSpec> Policy::labelsInGroup(QStringView group) const
{
    QList<LabelSpec> result;
    for (const LabelSpec &spec : labels)
        if (group.compare(spec.group, Qt::CaseInsensitive) == 0)
            result.append(spec);
    return result;
}

bool Policy::isMaintainer(QStringView login) const
{
    if (login.startsWith(u'@'))
        login = login.mid(1);
    for (const QString &maintainer : maintainers)
        if (login.compare(maintainer, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

int Policy::columnFor(const QList<Label> &cardLabels) const
{
    return firstMatchingColumn(boardColumns, cardLabels);
}

int Policy::columnFor(const QStringList &cardLabels) const
{
    return firstMatchingColumn(boardColumns, cardLabels);
}

int Policy::columnIndex(QStringView id) const
{
    for (qsizetype i = 0; i < boardColumns.size(); ++i)
        if (boardColumns[i].id == id)
            return int(i);
    return -1;
}

LabelChange Policy::labelChangeForMove(const QList<Label> &cardLabels, int column) const
{
    return labelChangeForMove(namesOf(cardLabels), column);
}

LabelChange Policy::labelChangeForMove(const QStringList &cardLabels, int column) const
{
    if (column < 0 || column >= boardColumns.size())
        return {};
    return boardColumns[column].changeForMove(cardLabels);
}

QString Policy::sizeLabelFor(int changedLines) const
{
    for (const SizeThreshold &size : sizes)
        if (size.contains(changedLines))
            return size.label;
    return {};
}

QStringList Policy::sizeLabels() const
{
    QStringList result;
    for (const SizeThreshold &size : sizes)
        result.append(size.label);
    return result;
}

QStringList Policy::areaLabelsFor(const QStringList &paths) const
{
    QStringList result;
    for (const AreaRule &rule : areas) {
        if (result.contains(rule.label(), Qt::CaseInsensitive))
            continue;
        for (const QString &path : paths) {
            if (rule.matches(path)) {
                result.append(rule.label());
                break;
            }
        }
    }
    return result;
}

const CannedReply *Policy::cannedReply(QStringView id) const
{
    for (const CannedReply &reply : cannedReplies)
        if (reply.id == id)
            return &reply;
    return nullptr;
}

QString Policy::ganttSectionFor(QStringView jobName) const
{
    for (const GanttSectionRule &rule : ganttSections)
        if (rule.job.match(jobName).hasMatch())
            return rule.section;
    return {};
}

} // namespace Mainstay
