#include "pullrequesthygienemodel.h"

#include "hygienerules.h"

#include <QVariantMap>

namespace Mainstay {

namespace {

using Check = PullRequestHygieneModel::Check;

QString quoted(const QString &name)
{
    return QLatin1Char('`') + name + QLatin1Char('`');
}

bool sameName(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool isTypeLabel(const Policy &policy, QStringView name)
{
    for (const SemanticTitlePolicy::Type &type : policy.semanticTitles.types)
        if (!type.label.isEmpty() && sameName(type.label, name))
            return true;
    return false;
}

QString ageText(qint64 seconds)
{
    if (seconds < 3600)
        return QStringLiteral("%1 min").arg(qMax<qint64>(0, seconds / 60));
    if (seconds < 86400)
        return QStringLiteral("%1 h").arg(seconds / 3600);
    if (seconds < 86400 * 60)
        return QStringLiteral("%1 d").arg(seconds / 86400);
    if (seconds < 86400 * 365)
        return QStringLiteral("%1 mo").arg(seconds / (86400 * 30));
    return QStringLiteral("%1 y").arg(seconds / (86400 * 365));
}

QString reviewText(PullRequest::ReviewDecision decision)
{
    switch (decision) {
    case PullRequest::ReviewDecision::Approved:
        return QStringLiteral("Approved");
    case PullRequest::ReviewDecision::ChangesRequested:
        return QStringLiteral("Changes");
    case PullRequest::ReviewDecision::ReviewRequired:
        return QStringLiteral("Required");
    case PullRequest::ReviewDecision::None:
        break;
    }
    return QStringLiteral("—");
}

QString reviewLongText(PullRequest::ReviewDecision decision)
{
    switch (decision) {
    case PullRequest::ReviewDecision::Approved:
        return QStringLiteral("approved");
    case PullRequest::ReviewDecision::ChangesRequested:
        return QStringLiteral("changes requested");
    case PullRequest::ReviewDecision::ReviewRequired:
        return QStringLiteral("a review is required");
    case PullRequest::ReviewDecision::None:
        break;
    }
    return QStringLiteral("no review decision");
}

Check reviewCheck(PullRequest::ReviewDecision decision)
{
    switch (decision) {
    case PullRequest::ReviewDecision::Approved:
        return Check::Ok;
    case PullRequest::ReviewDecision::ChangesRequested:
        return Check::Problem;
    case PullRequest::ReviewDecision::ReviewRequired:
        return Check::Notice;
    case PullRequest::ReviewDecision::None:
        break;
    }
    return Check::None;
}

QString checksText(PullRequest::CheckState state)
{
    switch (state) {
    case PullRequest::CheckState::Success:
        return QStringLiteral("Passing");
    case PullRequest::CheckState::Failure:
        return QStringLiteral("Failing");
    case PullRequest::CheckState::Error:
        return QStringLiteral("Error");
    case PullRequest::CheckState::Pending:
        return QStringLiteral("Running");
    case PullRequest::CheckState::Unknown:
        break;
    }
    return QStringLiteral("—");
}

Check checksCheck(PullRequest::CheckState state)
{
    switch (state) {
    case PullRequest::CheckState::Success:
        return Check::Ok;
    case PullRequest::CheckState::Failure:
    case PullRequest::CheckState::Error:
        return Check::Problem;
    case PullRequest::CheckState::Pending:
        return Check::Notice;
    case PullRequest::CheckState::Unknown:
        break;
    }
    return Check::Unknown;
}

QVariantMap chip(const QString &name, const QString &color)
{
    return QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("color"), color}};
}

} // namespace

PullRequestHygieneModel::PullRequestHygieneModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PullRequestHygieneModel::setPolicy(const Policy &policy)
{
    beginResetModel();
    m_checker = HygieneChecker(policy);
    m_rows.clear();
    m_rowByNumber.clear();
    endResetModel();
}

void PullRequestHygieneModel::setData(const QList<PullRequest> &pullRequests,
                                      const HygieneContext &context)
{
    beginResetModel();
    m_rows.clear();
    m_rowByNumber.clear();
    m_now = context.clock ? context.clock->now() : m_clock->now();
    HygieneContext ctx = context;
    if (!ctx.clock)
        ctx.clock = m_clock;
    for (const PullRequest &pull : pullRequests) {
        if (!pull.isOpen() || m_rowByNumber.contains(pull.number))
            continue;
        m_rowByNumber.insert(pull.number, int(m_rows.size()));
        m_rows.append(makeRow(pull, ctx));
    }
    endResetModel();
}

void PullRequestHygieneModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowByNumber.clear();
    m_pending.clear();
    endResetModel();
}

void PullRequestHygieneModel::setPendingNumbers(const QSet<int> &numbers)
{
    if (numbers == m_pending)
        return;
    m_pending = numbers;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {PendingRole});
}

PullRequestHygieneModel::Row PullRequestHygieneModel::makeRow(const PullRequest &pull,
                                                              const HygieneContext &context) const
{
    const Policy &policy = m_checker.policy();
    Row row;
    row.pull = pull;
    row.findings = m_checker.check(pull, context);
    row.title = policy.semanticTitles.parse(pull.title);
    if (row.title.isValid())
        row.expectedType = policy.semanticTitles.labelForType(row.title.type);
    if (pull.hasSize())
        row.expectedSize = policy.sizeLabelFor(pull.changedLines());
    for (const int number : HygieneRules::linkedIssueNumbers(pull))
        row.linked.append(QLatin1Char('#') + QString::number(number));
    const LabelSpec *dnm = policy.label(HygieneRules::doNotMergeLabel);
    row.doNotMerge = pull.hasLabel(dnm ? QStringView(dnm->name) : HygieneRules::doNotMergeLabel);

    row.semantic = finding(row, HygieneRules::semanticTitle) ? Check::Problem : Check::Ok;
    if (!row.title.isValid())
        row.type = Check::Unknown;
    else if (finding(row, HygieneRules::typeLabel))
        row.type = Check::Problem;
    else
        row.type = row.expectedType.isEmpty() ? Check::None : Check::Ok;
    if (!pull.hasSize())
        row.size = Check::Unknown;
    else if (finding(row, HygieneRules::sizeLabel))
        row.size = Check::Problem;
    else
        row.size = row.expectedSize.isEmpty() ? Check::None : Check::Ok;
    row.linkedCheck = finding(row, HygieneRules::linkedIssue) ? Check::Problem : Check::Ok;

    for (const HygieneFinding &f : std::as_const(row.findings))
        if (f.severity != HygieneFinding::Severity::Info)
            ++row.problems;
    row.fix = HygieneChecker::combinedFix(row.findings, pull.number);

    QStringList lines;
    lines.append(QStringLiteral("#%1 %2").arg(pull.number).arg(pull.title));
    if (row.findings.isEmpty())
        lines.append(QStringLiteral("✓ Follows the guide: nothing to fix."));
    for (const HygieneFinding &f : std::as_const(row.findings)) {
        const QString mark = f.severity == HygieneFinding::Severity::Info ? QStringLiteral("•")
                                                                          : QStringLiteral("✗");
        lines.append(QStringLiteral("%1 %2: %3").arg(mark, f.rule, f.message));
        if (f.isFixable())
            lines.append(QStringLiteral("    Fix: %1").arg(describeFix(f.fix)));
    }
    row.summary = lines.join(QLatin1Char('\n'));
    return row;
}

const HygieneFinding *PullRequestHygieneModel::finding(const Row &row, QStringView rule) const
{
    for (const HygieneFinding &f : row.findings)
        if (f.rule == rule)
            return &f;
    return nullptr;
}

QString PullRequestHygieneModel::describeFix(const LabelChange &fix)
{
    QStringList parts;
    QStringList add;
    for (const QString &name : fix.add)
        add.append(quoted(name));
    QStringList remove;
    for (const QString &name : fix.remove)
        remove.append(quoted(name));
    if (!add.isEmpty())
        parts.append(QStringLiteral("add %1").arg(add.join(QStringLiteral(", "))));
    if (!remove.isEmpty())
        parts.append(QStringLiteral("remove %1").arg(remove.join(QStringLiteral(", "))));
    return parts.join(QStringLiteral("; "));
}

QString PullRequestHygieneModel::shortFix(const LabelChange &fix)
{
    QStringList parts;
    for (const QString &name : fix.add)
        parts.append(QLatin1Char('+') + name);
    for (const QString &name : fix.remove)
        parts.append(QStringLiteral("−") + name);
    return parts.join(QLatin1Char(' '));
}

const PullRequest *PullRequestHygieneModel::pullRequest(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].pull : nullptr;
}

QList<HygieneFinding> PullRequestHygieneModel::findings(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].findings : QList<HygieneFinding>();
}

LabelChange PullRequestHygieneModel::fix(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].fix : LabelChange();
}

QString PullRequestHygieneModel::summary(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].summary : QString();
}

bool PullRequestHygieneModel::hasProblems(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].problems > 0;
}

QString PullRequestHygieneModel::htmlUrl(int row) const
{
    const PullRequest *pull = pullRequest(row);
    if (!pull)
        return {};
    if (!pull->htmlUrl.isEmpty())
        return pull->htmlUrl;
    if (m_webUrl.isEmpty())
        return {};
    return m_webUrl + QStringLiteral("/pull/") + QString::number(pull->number);
}

int PullRequestHygieneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PullRequestHygieneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariantList PullRequestHygieneModel::labelsOf(const Row &row, int column) const
{
    QVariantList labels;
    const Policy &policy = m_checker.policy();
    const QStringList sizes = policy.sizeLabels();
    for (const Label &label : row.pull.labels) {
        const bool wanted = column == TypeLabelColumn ? isTypeLabel(policy, label.name)
                            : column == SizeLabelColumn
                                ? sizes.contains(label.name, Qt::CaseInsensitive)
                                : true;
        if (wanted)
            labels.append(chip(label.name, label.color));
    }
    return labels;
}

QVariant PullRequestHygieneModel::checkValue(const Row &row, int column) const
{
    const PullRequest &pull = row.pull;
    Check check = Check::None;
    switch (column) {
    case SemanticTitleColumn:
        check = row.semantic;
        break;
    case TypeLabelColumn:
        check = row.type;
        break;
    case SizeLabelColumn:
        check = row.size;
        break;
    case LinkedIssueColumn:
        check = row.linkedCheck;
        break;
    case DoNotMergeColumn:
        check = row.doNotMerge ? Check::Notice : Check::None;
        break;
    case DraftColumn:
        check = pull.draft ? Check::Notice : Check::None;
        break;
    case ReviewColumn:
        check = reviewCheck(pull.reviewDecision);
        break;
    case ChecksColumn:
        check = checksCheck(pull.checkState);
        break;
    default:
        return {};
    }
    return int(check);
}

QVariant PullRequestHygieneModel::display(const Row &row, int column) const
{
    const PullRequest &pull = row.pull;
    switch (column) {
    case NumberColumn:
        return QStringLiteral("#%1").arg(pull.number);
    case TitleColumn:
        return pull.title;
    case SemanticTitleColumn:
        return row.semantic == Check::Ok ? QStringLiteral("OK") : QStringLiteral("Fails");
    case TypeLabelColumn:
        return row.expectedType.isEmpty() ? QStringLiteral("—") : row.expectedType;
    case SizeLabelColumn:
        if (!pull.hasSize())
            return QStringLiteral("size not fetched");
        return row.expectedSize.isEmpty() ? QStringLiteral("—") : row.expectedSize;
    case LinkedIssueColumn:
        return row.linked.isEmpty() ? QStringLiteral("none")
                                    : row.linked.join(QStringLiteral(", "));
    case DoNotMergeColumn:
        return row.doNotMerge ? QStringLiteral("Yes") : QString();
    case DraftColumn:
        return pull.draft ? QStringLiteral("Yes") : QString();
    case ReviewColumn:
        return reviewText(pull.reviewDecision);
    case ChecksColumn:
        return checksText(pull.checkState);
    case AgeColumn:
        return pull.createdAt.isValid() ? ageText(pull.createdAt.secsTo(m_now)) : QString();
    case FixColumn:
        return shortFix(row.fix);
    }
    return {};
}

QVariant PullRequestHygieneModel::sortValue(const Row &row, int column) const
{
    const PullRequest &pull = row.pull;
    switch (column) {
    case NumberColumn:
        return pull.number;
    case TitleColumn:
        return pull.title.toCaseFolded();
    case SemanticTitleColumn:
    case TypeLabelColumn:
    case SizeLabelColumn:
    case LinkedIssueColumn:
    case DoNotMergeColumn:
    case DraftColumn:
    case ReviewColumn:
    case ChecksColumn: {
        // Problems first when sorted ascending, then notices, unknowns, fine.
        static const int order[] = {4, 3, 0, 1, 2}; // None, Ok, Problem, Notice, Unknown
        return order[checkValue(row, column).toInt()];
    }
    case AgeColumn:
        // Oldest first when ascending.
        return pull.createdAt.isValid() ? pull.createdAt.toMSecsSinceEpoch() : 0;
    case FixColumn:
        return row.fix.isEmpty() ? 1 : 0;
    }
    return {};
}

QVariant PullRequestHygieneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        if (column == SemanticTitleColumn && row.semantic == Check::Problem)
            return finding(row, HygieneRules::semanticTitle)->message;
        if (column == FixColumn && !row.fix.isEmpty())
            return QStringLiteral("Fix: %1").arg(describeFix(row.fix));
        if (column == ReviewColumn)
            return QStringLiteral("Review: %1").arg(reviewLongText(row.pull.reviewDecision));
        if (column == ChecksColumn)
            return QStringLiteral("Checks: %1").arg(checksText(row.pull.checkState));
        if (column == DraftColumn)
            return row.pull.draft ? QStringLiteral("Draft: not ready for review")
                                  : QStringLiteral("Ready for review");
        if (column == DoNotMergeColumn && row.doNotMerge)
            return QStringLiteral("Marked do-not-merge");
        return row.summary;
    case Qt::TextAlignmentRole:
        if (column == NumberColumn || column == AgeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        return sortValue(row, column);
    case NumberRole:
        return row.pull.number;
    case CheckRole:
        return checkValue(row, column);
    case ExpectedLabelRole:
        if (column == TypeLabelColumn)
            return row.expectedType;
        if (column == SizeLabelColumn)
            return row.expectedSize;
        return {};
    case ExpectedColorRole: {
        const QString name = column == TypeLabelColumn   ? row.expectedType
                             : column == SizeLabelColumn ? row.expectedSize
                                                         : QString();
        const LabelSpec *spec = name.isEmpty() ? nullptr : m_checker.policy().label(name);
        return spec ? spec->color : QVariant();
    }
    case PresentLabelsRole:
        if (column == TypeLabelColumn || column == SizeLabelColumn)
            return labelsOf(row, column);
        return {};
    case LabelsRole:
        return labelsOf(row, LabelsRole);
    case ProblemCountRole:
        return row.problems;
    case FixableRole:
        return !row.fix.isEmpty();
    case PendingRole:
        return m_pending.contains(row.pull.number);
    case HtmlUrlRole:
        return htmlUrl(index.row());
    case SummaryRole:
        return row.summary;
    }
    return {};
}

QVariant PullRequestHygieneModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NumberColumn:
            return QStringLiteral("#");
        case TitleColumn:
            return QStringLiteral("Title");
        case SemanticTitleColumn:
            return QStringLiteral("Semantic");
        case TypeLabelColumn:
            return QStringLiteral("Type label");
        case SizeLabelColumn:
            return QStringLiteral("Size label");
        case LinkedIssueColumn:
            return QStringLiteral("Issue");
        case DoNotMergeColumn:
            return QStringLiteral("Hold");
        case DraftColumn:
            return QStringLiteral("Draft");
        case ReviewColumn:
            return QStringLiteral("Review");
        case ChecksColumn:
            return QStringLiteral("CI");
        case AgeColumn:
            return QStringLiteral("Age");
        case FixColumn:
            return QStringLiteral("Fix");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SemanticTitleColumn:
            return QStringLiteral("Does the title follow `type(scope)!: subject`?");
        case TypeLabelColumn:
            return QStringLiteral("The label the title's type calls for, and the type labels "
                                  "the pull request carries");
        case SizeLabelColumn:
            return QStringLiteral("The size label additions + deletions call for, and the size "
                                  "labels the pull request carries");
        case LinkedIssueColumn:
            return QStringLiteral("The issues it resolves (closing references or the template's "
                                  "issue-number line)");
        case DoNotMergeColumn:
            return QStringLiteral("Marked do-not-merge");
        case ChecksColumn:
            return QStringLiteral("The state of the head commit's checks");
        case AgeColumn:
            return QStringLiteral("Time since the pull request was opened");
        case FixColumn:
            return QStringLiteral("The labels one click on Fix adds (+) and removes (−)");
        }
    }
    return {};
}

QHash<int, QByteArray> PullRequestHygieneModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sort");
    names.insert(NumberRole, "number");
    names.insert(CheckRole, "check");
    names.insert(ExpectedLabelRole, "expectedLabel");
    names.insert(PresentLabelsRole, "presentLabels");
    names.insert(ExpectedColorRole, "expectedColor");
    names.insert(LabelsRole, "labels");
    names.insert(ProblemCountRole, "problemCount");
    names.insert(FixableRole, "fixable");
    names.insert(PendingRole, "pending");
    names.insert(HtmlUrlRole, "htmlUrl");
    names.insert(SummaryRole, "summary");
    return names;
}

// --- filter ---------------------------------------------------------------------------------

PullRequestHygieneFilterModel::PullRequestHygieneFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PullRequestHygieneModel::SortRole);
}

void PullRequestHygieneFilterModel::setOnlyProblems(bool only)
{
    if (only == m_onlyProblems)
        return;
    m_onlyProblems = only;
    invalidateRowsFilter();
}

void PullRequestHygieneFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

bool PullRequestHygieneFilterModel::filterAcceptsRow(int sourceRow,
                                                     const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const PullRequestHygieneModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    if (m_onlyProblems && !model->hasProblems(sourceRow))
        return false;
    if (m_words.isEmpty())
        return true;
    const PullRequest *pull = model->pullRequest(sourceRow);
    if (!pull)
        return false;
    QString haystack =
        QStringLiteral("#%1 %2 %3").arg(pull->number).arg(pull->title, pull->author.login);
    for (const Label &label : pull->labels)
        haystack += QLatin1Char(' ') + label.name;
    for (const QString &word : m_words)
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace Mainstay
