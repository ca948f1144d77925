// The PR hygiene list's models: every row shows exactly HygieneChecker's findings (the one
// engine), laid out per column; the merged tab lists the pending-release findings; and the data
// they run on is read from a workspace's cache as the rules need it.

#include "pullrequesthygienemodel.h"
#include "hygienechecker.h"
#include "hygienerules.h"
#include "manualclock.h"
#include "pendingreleasemodel.h"
#include "policy.h"
#include "workspacestore.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

using Model = PullRequestHygieneModel;
using Check = PullRequestHygieneModel::Check;

const QDateTime now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
const QDateTime lastRelease = now.addDays(-20);

Label label(const QString &name)
{
    const LabelSpec *spec = Policy::defaultPolicy().label(name);
    return Label{0, name, spec ? spec->color : QStringLiteral("ededed"), QString(), false};
}

QList<Label> labels(const QStringList &names)
{
    QList<Label> result;
    for (const QString &name : names)
        result.append(label(name));
    return result;
}

PullRequest pull(int number, const QString &title, const QStringList &names, int added, int deleted,
                 QList<int> linked = {7})
{
    PullRequest pr;
    pr.number = number;
    pr.title = title;
    pr.labels = labels(names);
    pr.additions = added;
    pr.deletions = deleted;
    pr.linkedIssues = std::move(linked);
    pr.createdAt = now.addDays(-2);
    pr.updatedAt = now.addDays(-1);
    pr.author.login = QStringLiteral("contributor%1").arg(number);
    return pr;
}

// Pull requests that, between them, break every rule of the default policy (and some that
// break none), with the context the rules need.
struct Fixture
{
    QList<PullRequest> pulls;
    HygieneContext context;
    ManualClock clock{now};
    QHash<int, QStringList> issueLabels{{7, {QStringLiteral("bug")}},
                                        {8, {QStringLiteral("pending-release")}},
                                        {9, {QStringLiteral("feature-request")}}};

    Fixture()
    {
        pulls.append(pull(1, "feat(logger): add a correlation id", {"feature", "size/XS"}, 3, 2));
        pulls.append(pull(2, "Fixed bug in logger", {"bug", "size/S"}, 10, 5));
        pulls.append(pull(3, "fix(parser): handle nulls", {"feature", "size/S"}, 10, 5));
        pulls.append(pull(4, "feat(metrics)!: drop Python 3.7", {"feature", "size/M"}, 40, 20));
        pulls.append(
            pull(5, "docs(batch): explain retries", {"documentation", "size/XS"}, 200, 100));
        pulls.append(pull(6, "chore(deps): bump boto3", {"internal"}, 1, 1));
        pulls.append(pull(10, "fix(tracer): keep the segment", {"bug", "size/XS"}, 1, 1, {}));
        PullRequest templated =
            pull(11, "fix(tracer): keep the annotation", {"bug", "size/XS"}, 1, 1, {});
        templated.body = QStringLiteral("**Issue number:** #9\n\n## Summary\n");
        pulls.append(templated);
        pulls.append(
            pull(12, "feat(idempotency): add a key", {"feature", "size/XS", "do-not-merge"}, 2, 2));
        PullRequest stale = pull(13, "refactor(logger): split the formatter", {"size/S"}, 12, 3);
        stale.createdAt = now.addDays(-90);
        stale.updatedAt = now.addDays(-40);
        stale.draft = true;
        stale.reviewDecision = PullRequest::ReviewDecision::ChangesRequested;
        stale.checkState = PullRequest::CheckState::Failure;
        pulls.append(stale);
        PullRequest area = pull(14, "fix(logger): flush on exit", {"bug", "size/XS"}, 2, 2);
        area.reviewDecision = PullRequest::ReviewDecision::Approved;
        area.checkState = PullRequest::CheckState::Success;
        pulls.append(area);
        PullRequest unsized = pull(15, "feat(parser): add a model", {"feature"}, -1, -1);
        pulls.append(unsized);
        // Merged: after the last release, its issue lacks the label (and one has it).
        PullRequest merged = pull(20, "fix(batch): retry partial failures", {"bug"}, 5, 5, {7});
        merged.state = Issue::State::Closed;
        merged.mergedAt = now.addDays(-3);
        pulls.append(merged);
        PullRequest labelled = pull(21, "fix(batch): count", {"bug"}, 5, 5, {8});
        labelled.state = Issue::State::Closed;
        labelled.mergedAt = now.addDays(-3);
        pulls.append(labelled);
        PullRequest shipped = pull(22, "fix(batch): older", {"bug"}, 5, 5, {7});
        shipped.state = Issue::State::Closed;
        shipped.mergedAt = lastRelease.addDays(-1);
        pulls.append(shipped);

        context.clock = &clock;
        context.lastRelease = lastRelease;
        context.issueLabels = [this](int number) -> std::optional<QStringList> {
            if (!issueLabels.contains(number))
                return std::nullopt;
            return issueLabels.value(number);
        };
        context.changedFiles = [](int number) -> std::optional<QStringList> {
            if (number == 14)
                return QStringList{QStringLiteral("aws_lambda_powertools/logging/logger.py")};
            return std::nullopt;
        };
    }
};

int columnOfRule(QStringView rule)
{
    if (rule == HygieneRules::semanticTitle)
        return Model::SemanticTitleColumn;
    if (rule == HygieneRules::typeLabel)
        return Model::TypeLabelColumn;
    if (rule == HygieneRules::sizeLabel)
        return Model::SizeLabelColumn;
    if (rule == HygieneRules::linkedIssue)
        return Model::LinkedIssueColumn;
    return -1;
}

} // namespace

TEST(PullRequestHygieneModel, RowsShowExactlyTheCheckersFindings)
{
    Fixture f;
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPolicy(Policy::defaultPolicy());
    model.setData(f.pulls, f.context);
    const HygieneChecker checker(Policy::defaultPolicy());

    int open = 0;
    QSet<QString> rules;
    for (const PullRequest &pr : f.pulls) {
        if (!pr.isOpen()) {
            EXPECT_EQ(model.rowOfNumber(pr.number), -1) << pr.number;
            continue;
        }
        ++open;
        const int row = model.rowOfNumber(pr.number);
        ASSERT_GE(row, 0) << pr.number;
        const QList<HygieneFinding> expected = checker.check(pr, f.context);
        EXPECT_EQ(model.findings(row), expected) << pr.number;
        EXPECT_EQ(model.fix(row), HygieneChecker::combinedFix(expected, pr.number)) << pr.number;
        EXPECT_EQ(model.index(row, Model::FixColumn).data(Model::FixableRole).toBool(),
                  !model.fix(row).isEmpty());
        int problems = 0;
        for (const HygieneFinding &finding : expected) {
            rules.insert(finding.rule);
            problems += finding.severity != HygieneFinding::Severity::Info;
            // The finding's column shows a problem; its message is in the tooltip summary.
            if (const int column = columnOfRule(finding.rule); column >= 0) {
                EXPECT_EQ(model.index(row, column).data(Model::CheckRole).toInt(),
                          int(Check::Problem))
                    << pr.number << ' ' << finding.rule.toStdString();
            }
            EXPECT_TRUE(model.index(row, Model::TitleColumn)
                            .data(Qt::ToolTipRole)
                            .toString()
                            .contains(finding.message));
        }
        EXPECT_EQ(model.index(row, 0).data(Model::ProblemCountRole).toInt(), problems);
        EXPECT_EQ(model.hasProblems(row), problems > 0);
        // Columns without a finding are fine (or not applicable / not known).
        for (const int column : {int(Model::SemanticTitleColumn), int(Model::SizeLabelColumn),
                                 int(Model::LinkedIssueColumn)}) {
            bool found = false;
            for (const HygieneFinding &finding : expected)
                found = found || columnOfRule(finding.rule) == column;
            if (!found) {
                EXPECT_NE(model.index(row, column).data(Model::CheckRole).toInt(),
                          int(Check::Problem))
                    << pr.number << " column " << column;
            }
        }
    }
    EXPECT_EQ(model.rowCount(), open);

    // Between the open list and the merged tab, the fixture covers every rule.
    PendingReleaseModel merged;
    QAbstractItemModelTester mergedTester(&merged,
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    merged.setPolicy(Policy::defaultPolicy());
    merged.setData(f.pulls, f.context, {{7, QStringLiteral("Logger drops the id")}});
    for (const HygieneFinding &finding : merged.findings())
        rules.insert(finding.rule);
    for (const QString &id : HygieneChecker::ruleIds())
        EXPECT_TRUE(rules.contains(id)) << id.toStdString();
}

TEST(PullRequestHygieneModel, ColumnsLayOutTheExpectedAndPresentLabels)
{
    Fixture f;
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPolicy(Policy::defaultPolicy());
    model.setData(f.pulls, f.context);
    auto cell = [&](int number, int column, int role = Qt::DisplayRole) {
        return model.index(model.rowOfNumber(number), column).data(role);
    };
    auto names = [](const QVariant &chips) {
        QStringList result;
        for (const QVariant &chip : chips.toList())
            result.append(chip.toMap().value(QStringLiteral("name")).toString());
        return result;
    };
    // A good PR: every check fine.
    for (const int column : {int(Model::SemanticTitleColumn), int(Model::TypeLabelColumn),
                             int(Model::SizeLabelColumn), int(Model::LinkedIssueColumn)})
        EXPECT_EQ(cell(1, column, Model::CheckRole).toInt(), int(Check::Ok)) << column;
    EXPECT_EQ(cell(1, Model::TypeLabelColumn, Model::ExpectedLabelRole).toString(), "feature");
    EXPECT_EQ(names(cell(1, Model::TypeLabelColumn, Model::PresentLabelsRole)),
              QStringList{"feature"});
    EXPECT_EQ(cell(1, Model::LinkedIssueColumn).toString(), "#7");
    EXPECT_TRUE(cell(1, Model::FixColumn).toString().isEmpty());

    // Size from additions + deletions and the policy's thresholds, against what is there.
    EXPECT_EQ(cell(5, Model::SizeLabelColumn, Model::ExpectedLabelRole).toString(),
              Policy::defaultPolicy().sizeLabelFor(300));
    EXPECT_EQ(names(cell(5, Model::SizeLabelColumn, Model::PresentLabelsRole)),
              QStringList{"size/XS"});
    EXPECT_EQ(cell(5, Model::FixColumn).toString(), "+size/L −size/XS");
    EXPECT_EQ(cell(15, Model::SizeLabelColumn, Model::CheckRole).toInt(), int(Check::Unknown));

    // A broken title: the type is unknown, the reason is in the tooltip.
    EXPECT_EQ(cell(2, Model::SemanticTitleColumn, Model::CheckRole).toInt(), int(Check::Problem));
    EXPECT_EQ(cell(2, Model::TypeLabelColumn, Model::CheckRole).toInt(), int(Check::Unknown));
    EXPECT_FALSE(cell(2, Model::SemanticTitleColumn, Qt::ToolTipRole).toString().isEmpty());

    // The template's issue-number line counts as a link; no link asks for need-issue + hold.
    EXPECT_EQ(cell(11, Model::LinkedIssueColumn).toString(), "#9");
    EXPECT_EQ(cell(10, Model::LinkedIssueColumn).toString(), "none");
    EXPECT_EQ(model.fix(model.rowOfNumber(10)),
              (LabelChange{{QStringLiteral("need-issue"), QStringLiteral("do-not-merge")}, {}}));

    // Hold, draft, review and CI.
    EXPECT_EQ(cell(12, Model::DoNotMergeColumn, Model::CheckRole).toInt(), int(Check::Notice));
    EXPECT_EQ(cell(1, Model::DoNotMergeColumn, Model::CheckRole).toInt(), int(Check::None));
    EXPECT_EQ(cell(13, Model::DraftColumn, Model::CheckRole).toInt(), int(Check::Notice));
    EXPECT_EQ(cell(13, Model::ReviewColumn, Model::CheckRole).toInt(), int(Check::Problem));
    EXPECT_EQ(cell(13, Model::ChecksColumn, Model::CheckRole).toInt(), int(Check::Problem));
    EXPECT_EQ(cell(14, Model::ReviewColumn, Model::CheckRole).toInt(), int(Check::Ok));
    EXPECT_EQ(cell(14, Model::ChecksColumn, Model::CheckRole).toInt(), int(Check::Ok));
    EXPECT_EQ(cell(13, Model::AgeColumn).toString(), "3 mo");
    EXPECT_LT(cell(13, Model::AgeColumn, Model::SortRole).toLongLong(),
              cell(1, Model::AgeColumn, Model::SortRole).toLongLong());

    // Titles are plain text, whatever they hold.
    PullRequest html = pull(30, "<b>feat</b>: x", {}, 1, 1);
    model.setData({html}, f.context);
    EXPECT_EQ(cell(30, Model::TitleColumn).toString(), "<b>feat</b>: x");

    // Pending writes only touch PendingRole.
    model.setData(f.pulls, f.context);
    model.setPendingNumbers({5});
    EXPECT_TRUE(cell(5, Model::TitleColumn, Model::PendingRole).toBool());
    EXPECT_FALSE(cell(1, Model::TitleColumn, Model::PendingRole).toBool());
}

TEST(PullRequestHygieneModel, FiltersOnProblemsAndTextAndSorts)
{
    Fixture f;
    Model model;
    model.setPolicy(Policy::defaultPolicy());
    PullRequestHygieneFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setData(f.pulls, f.context);
    int problems = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        problems += model.hasProblems(row);
    ASSERT_GT(problems, 0);
    ASSERT_LT(problems, model.rowCount());

    proxy.setOnlyProblems(true);
    EXPECT_EQ(proxy.rowCount(), problems);
    for (int row = 0; row < proxy.rowCount(); ++row)
        EXPECT_GT(proxy.index(row, 0).data(Model::ProblemCountRole).toInt(), 0);
    proxy.setOnlyProblems(false);
    EXPECT_EQ(proxy.rowCount(), model.rowCount());

    proxy.setFilterText(QStringLiteral("LOGGER"));
    QSet<int> shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown.insert(proxy.index(row, 0).data(Model::NumberRole).toInt());
    EXPECT_EQ(shown, (QSet<int>{1, 2, 13, 14}));
    proxy.setFilterText(QStringLiteral("do-not-merge idempotency"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, 0).data(Model::NumberRole).toInt(), 12);
    proxy.setFilterText(QString());

    proxy.sort(Model::SizeLabelColumn, Qt::AscendingOrder);
    EXPECT_EQ(proxy.index(0, Model::SizeLabelColumn).data(Model::CheckRole).toInt(),
              int(Check::Problem));
    proxy.sort(Model::NumberColumn, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, 0).data(Model::NumberRole).toInt(), 15);

    // A reset with the filter on keeps the tester happy and the filter applied.
    proxy.setOnlyProblems(true);
    model.setData(f.pulls.mid(0, 3), f.context);
    EXPECT_EQ(proxy.rowCount(), 2);
    model.clear();
    EXPECT_EQ(proxy.rowCount(), 0);
}

TEST(PendingReleaseModel, ListsMergedFixesWhoseIssueLacksTheLabel)
{
    Fixture f;
    PendingReleaseModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPolicy(Policy::defaultPolicy());
    model.setData(f.pulls, f.context, {{7, QStringLiteral("Logger drops the id")}});
    // #20 fixes #7 after the last release; #21's issue has the label; #22 shipped already.
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, PendingReleaseModel::IssueColumn).data().toString(), "#7");
    EXPECT_EQ(model.index(0, PendingReleaseModel::IssueTitleColumn).data().toString(),
              "Logger drops the id");
    EXPECT_EQ(model.index(0, PendingReleaseModel::PullRequestColumn).data().toString(), "#20");
    EXPECT_EQ(model.fix(0), (LabelChange{{QStringLiteral("pending-release")}, {}}));
    const HygieneChecker checker(Policy::defaultPolicy());
    EXPECT_EQ(model.findings(),
              checker.check(f.pulls[12], f.context, {HygieneRules::pendingRelease.toString()}));
    model.setPendingNumbers({7});
    EXPECT_TRUE(model.index(0, 0).data(PendingReleaseModel::PendingRole).toBool());

    // Without a release yet, every merged fix counts.
    f.context.lastRelease = QDateTime();
    model.setData(f.pulls, f.context, {});
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.fix(0), model.fix(1)); // both about #7: one change
}
