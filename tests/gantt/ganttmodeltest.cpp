#include "ganttchart.h"
#include "ganttestimate.h"
#include "ganttfixtures.h"
#include "ganttgeometry.h"
#include "ganttmermaid.h"
#include "ganttrowmodel.h"
#include "ganttrows.h"
#include "testsupport.h"
#include "workflowinputs.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QRegularExpression>

using namespace Mainstay;
using namespace Mainstay::GanttFixtures;

namespace {

QList<WorkflowJob> matrixJobs(int regions, int pythons, int failed, int running)
{
    QList<WorkflowJob> jobs;
    qint64 id = 1000;
    int n = 0;
    for (int r = 0; r < regions; ++r)
        for (int p = 0; p < pythons; ++p) {
            WorkflowJob j = job(
                id++, QStringLiteral("Layer release / Deploy (region-%1, 3.%2)").arg(r).arg(8 + p),
                at("10:10:00").addSecs(n), 60,
                n < failed ? RunConclusion::Failure : RunConclusion::Success);
            if (n >= regions * pythons - running) {
                j.status = RunStatus::InProgress;
                j.conclusion = RunConclusion::None;
                j.completedAt = QDateTime();
            }
            jobs.append(j);
            ++n;
        }
    return jobs;
}

} // namespace

TEST(GanttGeometry, MapsTimeToXAndBackAndZoomKeepsTheAnchor)
{
    GanttGeometry g;
    g.fit(at("10:00:00"), at("10:30:00"), 1816, 8);
    EXPECT_DOUBLE_EQ(g.pixelsPerSecond(), 1.0);
    EXPECT_DOUBLE_EQ(g.x(at("10:00:00")), 8.0);
    EXPECT_DOUBLE_EQ(g.x(at("10:30:00")), 1808.0);
    EXPECT_EQ(g.time(8.0), at("10:00:00"));
    const QDateTime under = g.time(500);
    g.zoom(3.0, 500);
    EXPECT_DOUBLE_EQ(g.pixelsPerSecond(), 3.0);
    EXPECT_NEAR(g.x(under), 500.0, 1e-6);
    g.pan(100);
    EXPECT_NEAR(g.x(under), 400.0, 1e-6);
    g.zoom(1e-9, 0); // clamped
    EXPECT_DOUBLE_EQ(g.pixelsPerSecond(), GanttGeometry::MinPixelsPerSecond);
}

TEST(GanttGeometry, TicksFallOnRoundTimesAtReadableSpacing)
{
    GanttGeometry g(at("10:00:07"), 1.0);
    EXPECT_EQ(g.tickStep(70), 120);
    const auto ticks = g.ticks(1000, 70);
    ASSERT_FALSE(ticks.isEmpty());
    EXPECT_EQ(ticks.first().time, at("10:02:00"));
    EXPECT_EQ(ticks.first().label, QStringLiteral("10:02"));
    for (int i = 1; i < int(ticks.size()); ++i)
        EXPECT_NEAR(ticks.at(i).x - ticks.at(i - 1).x, 120.0, 1e-6);
    EXPECT_EQ(formatDuration(8), QStringLiteral("8s"));
    EXPECT_EQ(formatDuration(132), QStringLiteral("2m 12s"));
    EXPECT_EQ(formatDuration(3845), QStringLiteral("1h 04m"));
}

TEST(GanttSections, CallerCalleePrefixPolicyRulesAndFallback)
{
    const GanttName plain = splitJobName(QStringLiteral("Layer release / Deploy Beta"), {}, {});
    EXPECT_EQ(plain.section, QStringLiteral("Layer release"));
    EXPECT_EQ(plain.task, QStringLiteral("Deploy Beta"));
    const QList<GanttSectionRule> rules = {
        {QRegularExpression(QStringLiteral("^Deploy (Beta|Prod)$")), QStringLiteral("Layer")}};
    const GanttName mapped =
        splitJobName(QStringLiteral("Deploy Prod"), rules, QStringLiteral("Release"));
    EXPECT_EQ(mapped.section, QStringLiteral("Layer"));
    EXPECT_EQ(mapped.task, QStringLiteral("Deploy Prod"));
    const GanttName fallback = splitJobName(QStringLiteral("lint"), rules, QStringLiteral("CI"));
    EXPECT_EQ(fallback.section, QStringLiteral("CI"));
    EXPECT_EQ(matrixBase(QStringLiteral("Deploy (eu-west-1, 3.12)")), QStringLiteral("Deploy"));
    EXPECT_EQ(matrixBase(QStringLiteral("Build (x86_64+ARM)")), QStringLiteral("Build"));
    EXPECT_EQ(matrixBase(QStringLiteral("Deploy Beta")), QString());
    EXPECT_EQ(matrixBase(QStringLiteral("Deploy ()")), QString());
}

TEST(GanttChart, GuideRunHasTheGuidesSectionsInOrder)
{
    const GanttChart chart = GanttChart::build(run(), guideJobs(), {}, at("11:00:00"));
    QStringList sections;
    for (const GanttSection &section : chart.sections)
        sections << section.name;
    EXPECT_EQ(sections, (QStringList{"Seal", "QA", "Build", "Provenance", "Release", "Git release",
                                     "Layer release", "SAR release", "Docs", "Post-release"}));
    EXPECT_EQ(chart.start, at("09:59:58"));
    EXPECT_EQ(chart.end, at("10:29:04"));
    EXPECT_EQ(chart.durationSeconds(), 29 * 60 + 6);
    EXPECT_EQ(chart.progress().text(), QStringLiteral("24/24 done"));
}

TEST(GanttChart, MatrixJobsFoldIntoAGroupWithProgress)
{
    QList<WorkflowJob> jobs = matrixJobs(29, 5, 2, 58);
    jobs.prepend(job(1, QStringLiteral("Layer release / Build"), at("10:00:00"), 300));
    WorkflowRun r = run(RunStatus::InProgress, RunConclusion::None);
    const GanttChart chart = GanttChart::build(r, jobs, {}, at("10:20:00"));
    ASSERT_EQ(chart.sections.size(), 1);
    ASSERT_EQ(chart.sections.first().items.size(), 2);
    const GanttItem &group = chart.sections.first().items.at(1);
    EXPECT_TRUE(group.group);
    EXPECT_EQ(group.name, QStringLiteral("Deploy"));
    EXPECT_EQ(group.jobs.size(), 145);
    const GanttProgress progress = chart.progress(group);
    EXPECT_EQ(progress.text(), QStringLiteral("87/145 done, 2 failed, 58 running"));
    EXPECT_EQ(progress.state(), GanttState::Failure);
    const GanttSpan span = chart.span(group);
    EXPECT_EQ(span.queued, at("10:09:58"));
    EXPECT_TRUE(span.open);
    EXPECT_EQ(span.finished, at("10:20:00"));
}

TEST(GanttChart, EveryStatusAndConclusionIncludingNullIsDrawable)
{
    EXPECT_EQ(ganttState(RunStatus::Queued, RunConclusion::None), GanttState::Queued);
    EXPECT_EQ(ganttState(RunStatus::Requested, RunConclusion::None), GanttState::Queued);
    EXPECT_EQ(ganttState(RunStatus::Pending, RunConclusion::None), GanttState::Queued);
    EXPECT_EQ(ganttState(RunStatus::Waiting, RunConclusion::None), GanttState::Waiting);
    EXPECT_EQ(ganttState(RunStatus::InProgress, RunConclusion::None), GanttState::Running);
    EXPECT_EQ(ganttState(RunStatus::Completed, RunConclusion::Success), GanttState::Success);
    EXPECT_EQ(ganttState(RunStatus::Completed, RunConclusion::Failure), GanttState::Failure);
    EXPECT_EQ(ganttState(RunStatus::Completed, RunConclusion::TimedOut), GanttState::Failure);
    EXPECT_EQ(ganttState(RunStatus::Completed, RunConclusion::Cancelled), GanttState::Cancelled);
    EXPECT_EQ(ganttState(RunStatus::Completed, RunConclusion::Skipped), GanttState::Skipped);
    EXPECT_EQ(ganttState(RunStatus::Completed, RunConclusion::Neutral), GanttState::Neutral);
    EXPECT_EQ(ganttState(RunStatus::Completed, RunConclusion::ActionRequired), GanttState::Waiting);
    EXPECT_EQ(ganttState(RunStatus::Completed, RunConclusion::None), GanttState::Neutral);

    // A queued job reports started_at = created_at: it has not started.
    WorkflowJob queued = job(1, QStringLiteral("A / queued"), at("10:00:00"), 0);
    queued.status = RunStatus::Queued;
    queued.conclusion = RunConclusion::None;
    queued.createdAt = at("10:00:00");
    queued.completedAt = QDateTime();
    GanttSpan span = ganttSpan(queued, at("10:01:00"));
    EXPECT_FALSE(span.started.isValid());
    EXPECT_TRUE(span.open);
    EXPECT_EQ(span.waitSeconds(), 60);
    EXPECT_EQ(span.runSeconds(), 0);
    // Skipped without started_at or completed_at.
    WorkflowJob skipped =
        job(2, QStringLiteral("A / skipped"), at("10:00:00"), 0, RunConclusion::Skipped);
    skipped.startedAt = QDateTime();
    skipped.completedAt = QDateTime();
    span = ganttSpan(skipped, at("10:01:00"));
    EXPECT_FALSE(span.open);
    EXPECT_EQ(span.runSeconds(), 0);
    EXPECT_EQ(span.finished, span.queued);
    // A step with no times at all.
    WorkflowStep step{QStringLiteral("s"), 1, RunStatus::Queued, RunConclusion::None, {}, {}};
    span = ganttSpan(step, at("10:01:00"));
    EXPECT_FALSE(span.started.isValid());
    EXPECT_EQ(span.runSeconds(), 0);
}

TEST(GanttCriticalPath, FollowsWhatEachJobWaitedFor)
{
    const QList<WorkflowJob> jobs = guideJobs();
    const QList<int> path = criticalPath(jobs, at("11:00:00"));
    QStringList names;
    for (int i : path)
        names << jobs.at(i).name;
    EXPECT_EQ(names.last(), QStringLiteral("Post-release / Close pending issues"));
    EXPECT_EQ(names.first(), QStringLiteral("Seal / Bump release version"));
    EXPECT_TRUE(names.contains(QStringLiteral("Layer release / Deploy Prod")));
    EXPECT_TRUE(names.contains(QStringLiteral("Docs / Release versioned docs")));
    // SAR ran beside the layer and ended earlier: not critical.
    EXPECT_FALSE(names.contains(QStringLiteral("SAR release / Deploy Prod")));
    EXPECT_TRUE(criticalPath({}, at("11:00:00")).isEmpty());
}

TEST(GanttEstimate, MedianHistoryPredictsTheEndAndFlagsOverruns)
{
    EXPECT_EQ(median({}), 0);
    EXPECT_EQ(median({5, 1, 3}), 3);
    EXPECT_EQ(median({4, 1, 3, 2}), 2);
    // Three earlier runs: the guide's run, and the same 10 % slower and faster.
    QList<QList<WorkflowJob>> runs;
    for (double factor : {1.0, 1.1, 0.9}) {
        QList<WorkflowJob> jobs = guideJobs();
        for (WorkflowJob &j : jobs) {
            const qint64 d = j.startedAt.secsTo(j.completedAt);
            j.completedAt = j.startedAt.addSecs(qint64(d * factor));
        }
        runs.append(jobs);
    }
    QList<WorkflowJob> failedRun = guideJobs();
    failedRun.last().conclusion = RunConclusion::Failure;
    runs.append(failedRun); // not a successful run: ignored
    const JobHistory history = JobHistory::fromRuns(runs);
    EXPECT_EQ(history.runs, 3);
    EXPECT_EQ(history.medianRunSeconds.value(QStringLiteral("QA / Quality checks")), 132);

    // The current run: up to Layer release / Build, which is running for 9 minutes (usually 6).
    QList<WorkflowJob> current = guideJobs().mid(0, 17);
    WorkflowJob &layer = current.last();
    layer.status = RunStatus::InProgress;
    layer.conclusion = RunConclusion::None;
    layer.completedAt = QDateTime();
    const QDateTime now = at("10:17:00");
    const GanttChart chart =
        GanttChart::build(run(RunStatus::InProgress, RunConclusion::None), current, {}, now);
    const RunEstimate estimate = estimateRun(chart, history);
    ASSERT_TRUE(estimate.isValid());
    EXPECT_TRUE(estimate.overrunning.contains(layer.id));
    EXPECT_EQ(estimate.overrunning.size(), 1);
    // The layer build should have ended already: it ends "now" at the earliest, and the rest of
    // the release (its median tail) follows.
    EXPECT_EQ(estimate.jobEnd.value(layer.id), now);
    const qint64 tail = history.medianTailSeconds.value(layer.name);
    EXPECT_GT(tail, 15 * 60);
    EXPECT_EQ(estimate.predictedEnd, now.addSecs(tail));
    // A completed run needs no prediction.
    EXPECT_FALSE(estimateRun(GanttChart::build(run(), guideJobs(), {}, now), history).isValid());
    // Nor is there one without history.
    EXPECT_FALSE(estimateRun(chart, JobHistory()).isValid());
}

TEST(GanttMermaid, GuideRunMatchesTheGoldenFile)
{
    const GanttChart chart = GanttChart::build(run(), guideJobs(), {}, at("11:00:00"));
    MermaidOptions options;
    options.title = QStringLiteral("Release process");
    const QString text = toMermaidGantt(chart, options);
    QFile golden(
        Mainstay::Test::sourcePath(QStringLiteral("tests/gantt/golden/guide-release.mmd")));
    ASSERT_TRUE(golden.open(QIODevice::ReadOnly)) << golden.fileName().toStdString();
    EXPECT_EQ(text, QString::fromUtf8(golden.readAll()));

    // The guide's sections, and its tasks with their durations, in its order.
    QStringList sections;
    QStringList tasks;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("section ")))
            sections << line.mid(8);
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^    (.*\\S)\\s+: done, job\\d+, [0-9:]+, (\\d+)s$"))
                .match(line);
        if (m.hasMatch())
            tasks << m.captured(1) + QLatin1Char('=') + m.captured(2);
    }
    EXPECT_EQ(sections, (QStringList{"Seal", "QA", "Build", "Provenance", "Release", "Git release",
                                     "Layer release", "SAR release", "Docs", "Post-release"}));
    EXPECT_EQ(tasks, (QStringList{"Bump release version=8",
                                  "Prevent source tampering=43",
                                  "Quality checks=132",
                                  "Checksum=8",
                                  "Build release artifact=39",
                                  "Seal=8",
                                  "Attest build=8",
                                  "Sign attestation=8",
                                  "Checksum=8",
                                  "PyPi temp credentials=8",
                                  "Publish PyPi=29",
                                  "Checksum=8",
                                  "Git Tag=8",
                                  "Bump package version=8",
                                  "Create PR=8",
                                  "Upload attestation=8",
                                  "Build (x86_64+ARM)=360",
                                  "Deploy Beta=378",
                                  "Deploy Prod=378",
                                  "Deploy Beta=132",
                                  "Deploy Prod=132",
                                  "Create PR (Layer ARN)=8",
                                  "Release versioned docs=132",
                                  "Close pending issues=8"}));
}

TEST(GanttMermaid, StatesStepsAndEveryJobOfABigRun)
{
    QList<WorkflowJob> jobs = matrixJobs(29, 10, 2, 3);
    WorkflowJob queued = job(9999, QStringLiteral("Post / Notify: team #1"), at("10:30:00"), 0);
    queued.status = RunStatus::Queued;
    queued.conclusion = RunConclusion::None;
    queued.completedAt = QDateTime();
    queued.steps.clear();
    jobs.append(queued);
    const GanttChart chart = GanttChart::build(run(RunStatus::InProgress, RunConclusion::None),
                                               jobs, {}, at("10:31:00"));
    const QString text = toMermaidGantt(chart);
    EXPECT_EQ(text.count(QRegularExpression(QStringLiteral(" : [^\\n]*job\\d+, "))), 291);
    EXPECT_EQ(text.count(QLatin1String(": crit, done, job")), 2);
    EXPECT_EQ(text.count(QLatin1String(": active, job")), 3);
    EXPECT_TRUE(text.contains(QLatin1String("Notify - team #1")));
    EXPECT_TRUE(text.contains(QLatin1String("title      Release #42")));
    EXPECT_FALSE(text.contains(QStringLiteral("›")));
    MermaidOptions withSteps;
    withSteps.steps = true;
    const QString stepped = toMermaidGantt(chart, withSteps);
    EXPECT_EQ(stepped.count(QStringLiteral(" › Set up job")), 290);
}

TEST(GanttRows, ExpansionShowsGroupsJobsAndSteps)
{
    QList<WorkflowJob> jobs = matrixJobs(3, 2, 1, 0);
    jobs.prepend(job(1, QStringLiteral("Build / Compile"), at("10:00:00"), 30));
    const GanttChart chart = GanttChart::build(run(), jobs, {}, at("11:00:00"));
    GanttExpansion expansion;
    QList<GanttRow> rows = ganttRows(chart, expansion);
    ASSERT_EQ(rows.size(), 4); // Build, Compile, Layer release, Deploy (group, folded)
    EXPECT_EQ(rows.at(3).kind, GanttRow::Kind::Group);
    EXPECT_EQ(rows.at(3).detail, QStringLiteral("6/6 done, 1 failed"));
    expansion.toggle(rows.at(3).key);
    rows = ganttRows(chart, expansion);
    ASSERT_EQ(rows.size(), 10);
    EXPECT_EQ(rows.at(4).label, QStringLiteral("Deploy (region-0, 3.8)"));
    EXPECT_EQ(rows.at(4).state, GanttState::Failure);
    expansion.toggle(QStringLiteral("j:1"));
    rows = ganttRows(chart, expansion);
    ASSERT_EQ(rows.size(), 12);
    EXPECT_EQ(rows.at(2).kind, GanttRow::Kind::Step);
    expansion.toggle(QStringLiteral("s:Build"));
    EXPECT_EQ(ganttRows(chart, expansion).size(), 9);
    EXPECT_EQ(allGanttRows(chart, true).size(), 2 + 1 + 2 + 1 + 6 * 3);
}

TEST(GanttRowModel, TreeOfSectionsGroupsJobsAndSteps)
{
    GanttRowModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QList<WorkflowJob> jobs = matrixJobs(3, 2, 1, 1);
    jobs.prepend(job(1, QStringLiteral("Build / Compile"), at("10:00:00"), 30));
    model.setChart(GanttChart::build(run(), jobs, {}, at("11:00:00")));
    ASSERT_EQ(model.rowCount(), 2);
    const QModelIndex build = model.index(0, 0);
    EXPECT_EQ(build.data().toString(), QStringLiteral("Build"));
    const QModelIndex compile = model.index(0, 0, build);
    EXPECT_EQ(compile.data().toString(), QStringLiteral("Compile"));
    EXPECT_EQ(model.rowCount(compile), 2);
    EXPECT_EQ(compile.data(GanttRowModel::HtmlUrlRole).toString(),
              QStringLiteral("https://github.com/o/r/actions/runs/500/job/1"));
    EXPECT_EQ(model.index(0, GanttRowModel::DurationColumn, build).data().toString(),
              QStringLiteral("30s"));
    const QModelIndex layer = model.index(1, 0);
    const QModelIndex group = model.index(0, 0, layer);
    EXPECT_EQ(group.data(GanttRowModel::KindRole).toInt(), int(GanttRow::Kind::Group));
    EXPECT_EQ(group.data(GanttRowModel::ProgressRole).toString(),
              QStringLiteral("5/6 done, 1 failed, 1 running"));
    EXPECT_EQ(model.rowCount(group), 6);
    EXPECT_EQ(model.parent(model.index(0, 0, group)), group);
    model.setChart(GanttChart::build(run(), guideJobs(), {}, at("11:00:00")));
    EXPECT_EQ(model.rowCount(), 10);
    model.setChart({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(WorkflowInputs, ReadsTheDispatchInputsOfAWorkflowFile)
{
    const QByteArray yaml = "name: Release\n"
                            "on:\n"
                            "  push:\n"
                            "    branches: [main]\n"
                            "  workflow_dispatch:\n"
                            "    inputs:\n"
                            "      version_to_publish:\n"
                            "        description: Version\n"
                            "        required: true\n"
                            "        type: string\n"
                            "      dry_run:\n"
                            "        type: boolean\n"
                            "        default: true\n"
                            "      stage:\n"
                            "        type: choice\n"
                            "        options: [beta, prod]\n"
                            "        default: prod\n"
                            "      retries:\n"
                            "        type: number\n"
                            "      target:\n"
                            "        type: environment\n"
                            "jobs: {}\n";
    const WorkflowDispatchSpec spec = parseWorkflowDispatch(yaml);
    ASSERT_TRUE(spec.error.isEmpty()) << spec.error.toStdString();
    EXPECT_TRUE(spec.dispatchable);
    ASSERT_EQ(spec.inputs.size(), 5);
    EXPECT_EQ(spec.inputs.at(0).name, QStringLiteral("version_to_publish"));
    EXPECT_TRUE(spec.inputs.at(0).required);
    EXPECT_EQ(spec.inputs.at(1).type, WorkflowInput::Type::Boolean);
    EXPECT_EQ(spec.inputs.at(1).defaultValue, QStringLiteral("true"));
    EXPECT_EQ(spec.inputs.at(2).options, (QStringList{"beta", "prod"}));
    EXPECT_EQ(spec.inputs.at(3).type, WorkflowInput::Type::Number);
    EXPECT_EQ(spec.inputs.at(4).type, WorkflowInput::Type::Environment);
    EXPECT_EQ(versionInputIndex(spec.inputs), 0);
    EXPECT_FALSE(validateWorkflowInput(spec.inputs.at(0), QString()).isEmpty());
    EXPECT_TRUE(validateWorkflowInput(spec.inputs.at(0), QStringLiteral("v1.2.0")).isEmpty());
    EXPECT_FALSE(validateWorkflowInput(spec.inputs.at(2), QStringLiteral("dev")).isEmpty());
    EXPECT_FALSE(validateWorkflowInput(spec.inputs.at(3), QStringLiteral("three")).isEmpty());
    EXPECT_TRUE(validateWorkflowInput(spec.inputs.at(3), QStringLiteral("3")).isEmpty());
    const QJsonObject inputs = workflowDispatchInputs(
        spec.inputs, {QStringLiteral("v1.2.0"), QStringLiteral("false"), QStringLiteral("beta"),
                      QString(), QStringLiteral("release")});
    EXPECT_EQ(inputs.value(QLatin1String("dry_run")).toString(), QStringLiteral("false"));
    EXPECT_FALSE(inputs.contains(QLatin1String("retries")));

    EXPECT_TRUE(parseWorkflowDispatch("on: workflow_dispatch\n").dispatchable);
    EXPECT_TRUE(parseWorkflowDispatch("on: [push, workflow_dispatch]\n").dispatchable);
    EXPECT_FALSE(parseWorkflowDispatch("on: [push]\n").dispatchable);
    EXPECT_FALSE(parseWorkflowDispatch("on: [push\n").error.isEmpty());
    EXPECT_FALSE(parseWorkflowDispatch("- a\n- b\n").error.isEmpty());
}
