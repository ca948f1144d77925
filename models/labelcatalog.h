#pragma once

#include "issue.h"
#include "label.h"
#include "labelcatalogfix.h"
#include "labelcatalogrow.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Mainstay {

struct Policy;

// The repository's labels held against the policy's label table, one row per label name (names
// compare case-insensitively, as on GitHub): policy labels first in the policy's order, then the
// repository's extra ones by name. Usage counts come from the open issues and pull requests given;
// closed items are left out because deleting or recolouring a label only matters for live work.
class LabelCatalog
{
public:
    // Whether fixes() proposes deleting extra labels: deletes are destructive, so "apply all"
    // leaves them out unless asked.
    enum class Deletes
    {
        Leave,
        Include
    };

    LabelCatalog() = default;
    LabelCatalog(const QList<Label> &repositoryLabels, const Policy &policy,
                 const QList<Issue> &issues);

    const QList<LabelCatalogRow> &rows() const { return m_rows; }
    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    // The row for a label name (any case); -1 / nullptr when neither side has it.
    int indexOf(QStringView name) const;
    const LabelCatalogRow *row(QStringView name) const;

    // Open items carrying a label (any case), whether or not either side knows it.
    int openIssueCount(QStringView name) const;
    int openPullRequestCount(QStringView name) const;
    int usageCount(QStringView name) const;

    // Rows that are not as the policy wants them.
    int problemCount() const;
    // Every row's fix in row order, leaving out rows that are fine.
    QList<LabelCatalogFix> fixes(Deletes deletes = Deletes::Leave) const;

    // "#D73A4A", " d73a4a " → "d73a4a": the form GitHub's API returns.
    static QString normalizedColour(QStringView colour);
    static bool sameColour(QStringView a, QStringView b);

private:
    struct Usage
    {
        int issues = 0;
        int pullRequests = 0;
    };
    static QString key(QStringView name) { return name.toString().toCaseFolded(); }

    QList<LabelCatalogRow> m_rows;
    QHash<QString, int> m_rowByKey;
    QHash<QString, Usage> m_usage;
};

} // namespace Mainstay
