#include "labelcatalog.h"

#include "policy.h"

#include <QSet>

#include <algorithm>

namespace Mainstay {

LabelCatalog::LabelCatalog(const QList<Label> &repositoryLabels, const Policy &policy,
                           const QList<Issue> &issues)
{
    for (const Issue &issue : issues) {
        if (!issue.isOpen())
            continue;
        // An item counts once per label even if a stale cache lists it twice in different case.
        QSet<QString> seen;
        for (const Label &label : issue.labels) {
            const QString k = key(label.name);
            if (seen.contains(k))
                continue;
            seen.insert(k);
            Usage &usage = m_usage[k];
            if (issue.isPullRequest)
                ++usage.pullRequests;
            else
                ++usage.issues;
        }
    }

    QHash<QString, const Label *> repositoryByKey;
    for (const Label &label : repositoryLabels)
        if (const QString k = key(label.name); !repositoryByKey.contains(k))
            repositoryByKey.insert(k, &label);

    for (const LabelSpec &spec : policy.labels) {
        const QString k = key(spec.name);
        // A policy that lists a name twice: the first entry wins, as Policy::label() does.
        if (m_rowByKey.contains(k))
            continue;
        LabelCatalogRow row;
        row.name = spec.name;
        row.policy = spec;
        if (const Label *label = repositoryByKey.value(k)) {
            row.repository = *label;
            const QString wanted = spec.color.trimmed();
            if (!wanted.isEmpty() && !sameColour(wanted, label->color))
                row.problems |= LabelCatalogRow::ColourDiffers;
            if (spec.description.trimmed() != label->description.trimmed())
                row.problems |= LabelCatalogRow::DescriptionDiffers;
            if (spec.name != label->name)
                row.problems |= LabelCatalogRow::NameCaseDiffers;
        } else {
            row.problems = LabelCatalogRow::Missing;
        }
        m_rowByKey.insert(k, int(m_rows.size()));
        m_rows.append(row);
    }

    QList<LabelCatalogRow> extras;
    QSet<QString> extraKeys; // GitHub never has a name twice, but a hand-made list might
    for (const Label &label : repositoryLabels) {
        const QString k = key(label.name);
        if (m_rowByKey.contains(k) || extraKeys.contains(k))
            continue;
        extraKeys.insert(k);
        LabelCatalogRow row;
        row.name = label.name;
        row.repository = label;
        row.problems = LabelCatalogRow::Extra;
        extras.append(row);
    }
    std::stable_sort(extras.begin(), extras.end(),
                     [](const LabelCatalogRow &a, const LabelCatalogRow &b) {
                         return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                     });
    for (LabelCatalogRow &row : extras) {
        m_rowByKey.insert(key(row.name), int(m_rows.size()));
        m_rows.append(std::move(row));
    }

    for (LabelCatalogRow &row : m_rows) {
        const Usage usage = m_usage.value(key(row.name));
        row.openIssues = usage.issues;
        row.openPullRequests = usage.pullRequests;
    }
}

int LabelCatalog::indexOf(QStringView name) const
{
    return m_rowByKey.value(key(name), -1);
}

const LabelCatalogRow *LabelCatalog::row(QStringView name) const
{
    const int index = indexOf(name);
    return index < 0 ? nullptr : &m_rows.at(index);
}

int LabelCatalog::openIssueCount(QStringView name) const
{
    return m_usage.value(key(name)).issues;
}

int LabelCatalog::openPullRequestCount(QStringView name) const
{
    return m_usage.value(key(name)).pullRequests;
}

int LabelCatalog::usageCount(QStringView name) const
{
    const Usage usage = m_usage.value(key(name));
    return usage.issues + usage.pullRequests;
}

int LabelCatalog::problemCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const LabelCatalogRow &row) { return !row.isOk(); }));
}

QList<LabelCatalogFix> LabelCatalog::fixes(Deletes deletes) const
{
    QList<LabelCatalogFix> result;
    for (const LabelCatalogRow &row : m_rows) {
        LabelCatalogFix fix = row.fix();
        if (fix.isNull())
            continue;
        if (fix.action == LabelCatalogFix::Action::Delete && deletes == Deletes::Leave)
            continue;
        result.append(std::move(fix));
    }
    return result;
}

QString LabelCatalog::normalizedColour(QStringView colour)
{
    QStringView trimmed = colour.trimmed();
    if (trimmed.startsWith(u'#'))
        trimmed = trimmed.mid(1);
    return trimmed.toString().toLower();
}

bool LabelCatalog::sameColour(QStringView a, QStringView b)
{
    return normalizedColour(a) == normalizedColour(b);
}

} // namespace Mainstay
