#pragma once

#include "clock.h"
#include "hygienechecker.h"
#include "hygienecontext.h"
#include "hygienefinding.h"
#include "pullrequest.h"
#include "semantictitle.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>

namespace Mainstay {

// The pull-request hygiene list: one row per OPEN pull request with what the maintainers' guide
// asks of it (semantic title, type and size labels, linked issue, do-not-merge) beside its draft,
// review and CI state. Every verdict comes from HygieneChecker's findings for the row, so the list
// and `mainstay lint` cannot disagree; the model only lays them out. Read-only: setData() is a
// model reset (the list is rebuilt after a sync or a write).
class PullRequestHygieneModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns
    {
        NumberColumn,
        TitleColumn,
        SemanticTitleColumn,
        TypeLabelColumn,
        SizeLabelColumn,
        LinkedIssueColumn,
        DoNotMergeColumn,
        DraftColumn,
        ReviewColumn,
        ChecksColumn,
        AgeColumn,
        FixColumn, // the row's one-click fix, e.g. "+size/M −size/S"; empty when none
        ColumnCount
    };
    // How a column's check came out, for the ✓/✗ badges.
    enum class Check
    {
        None,    // nothing to show (no label implied, not a draft, no review yet)
        Ok,      // as the guide wants it
        Problem, // a finding (or a failing CI run, changes requested)
        Notice,  // worth seeing, not a fault: draft, do-not-merge, review or CI pending
        Unknown  // not known yet (the PR's size is not fetched, CI state unknown)
    };
    Q_ENUM(Check)
    enum Roles
    {
        SortRole = Qt::UserRole + 1, // a value that sorts the column naturally
        NumberRole,
        CheckRole,         // int(Check) of the column
        ExpectedLabelRole, // type/size columns: the label the policy expects ("" when none)
        PresentLabelsRole, // type/size columns: QVariantList of {name, color} the PR carries
        ExpectedColorRole, // type/size columns: the expected label's colour in the policy
        LabelsRole,        // every label of the PR, QVariantList of {name, color}
        ProblemCountRole,  // findings of severity warning or error
        FixableRole,       // the row has a label fix (fix(row) is not empty)
        PendingRole,       // writes to this PR wait in the outbox
        HtmlUrlRole,
        SummaryRole, // the hygiene summary as plain text (also the rows' tooltip)
    };

    explicit PullRequestHygieneModel(QObject *parent = nullptr);

    void setPolicy(const Policy &policy);
    const Policy &policy() const { return m_checker.policy(); }
    // Ages are measured against this clock (the context's clock wins when set).
    void setClock(const Clock *clock) { m_clock = clock ? clock : Clock::system(); }
    void setRepositoryWebUrl(const QString &url) { m_webUrl = url; }

    // Keeps the open pull requests of `pullRequests` (in the order given) and runs the rules.
    using QAbstractTableModel::setData;
    void setData(const QList<PullRequest> &pullRequests, const HygieneContext &context);
    void clear();
    // The numbers with writes waiting in the outbox; only the PendingRole changes.
    void setPendingNumbers(const QSet<int> &numbers);

    const PullRequest *pullRequest(int row) const;
    int rowOfNumber(int number) const { return m_rowByNumber.value(number, -1); }
    // Exactly what HygieneChecker::check() gave for the row's PR.
    QList<HygieneFinding> findings(int row) const;
    // The row's findings merged into one change (HygieneChecker::combinedFix): one outbox entry.
    LabelChange fix(int row) const;
    QString summary(int row) const;
    bool hasProblems(int row) const;
    QString htmlUrl(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Text for a finding's fix ("add `size/M`, remove `size/S`"); empty when it has none.
    static QString describeFix(const LabelChange &fix);
    // The same, compact: "+size/M −size/S".
    static QString shortFix(const LabelChange &fix);

private:
    struct Row
    {
        PullRequest pull;
        QList<HygieneFinding> findings;
        SemanticTitle title;
        QString expectedType;
        QString expectedSize;
        QStringList linked;
        Check semantic = Check::None;
        Check type = Check::None;
        Check size = Check::None;
        Check linkedCheck = Check::None;
        bool doNotMerge = false;
        int problems = 0;
        LabelChange fix;
        QString summary;
    };
    Row makeRow(const PullRequest &pull, const HygieneContext &context) const;
    const HygieneFinding *finding(const Row &row, QStringView rule) const;
    QVariant checkValue(const Row &row, int column) const;
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QVariantList labelsOf(const Row &row, int column) const;

    HygieneChecker m_checker;
    QList<Row> m_rows;
    QHash<int, int> m_rowByNumber;
    QSet<int> m_pending;
    QDateTime m_now;
    const Clock *m_clock = Clock::system();
    QString m_webUrl;
};

// The PR list's sorting and filtering: "only problems" (rows with a warning or error finding)
// and a text filter over number, title, author and labels (all words must match).
class PullRequestHygieneFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PullRequestHygieneFilterModel(QObject *parent = nullptr);

    void setOnlyProblems(bool only);
    bool onlyProblems() const { return m_onlyProblems; }
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_onlyProblems = false;
    QString m_text;
    QStringList m_words;
};

} // namespace Mainstay
