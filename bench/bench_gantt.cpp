// The release monitor's Gantt chart with 300 jobs of 20 steps each, every job expanded
// (6,000+ rows), scrolled to the middle (DESIGN.md budget: a repaint of the visible rows
// <= 4 ms):
//   ./build/bench/bench_gantt
// Also what the page does every second while a run is live: rebuild the chart at the new "now"
// and flatten it into rows.

#include "ganttchart.h"
#include "ganttrows.h"
#include "ganttview.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QScrollBar>

using namespace Mainstay;

namespace {

const QDateTime start = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);

GanttChart makeChart(int jobs, int steps)
{
    WorkflowRun run;
    run.id = 1;
    run.name = QStringLiteral("Release");
    run.runNumber = 7;
    run.status = RunStatus::InProgress;
    run.createdAt = start;
    QList<WorkflowJob> list;
    for (int j = 0; j < jobs; ++j) {
        WorkflowJob job;
        job.id = 100 + j;
        job.runId = 1;
        // Ten sections; a quarter of the jobs are matrix jobs.
        job.name = j % 4 == 0 ? QStringLiteral("Section %1 / Deploy (region-%2, 3.%3)")
                                    .arg(j % 10)
                                    .arg(j)
                                    .arg(j % 5)
                              : QStringLiteral("Section %1 / Job %2").arg(j % 10).arg(j);
        job.createdAt = start.addSecs(j * 5);
        job.startedAt = job.createdAt.addSecs(3);
        const bool done = j < jobs * 2 / 3;
        job.status = done ? RunStatus::Completed : RunStatus::InProgress;
        job.conclusion = done ? (j % 37 == 0 ? RunConclusion::Failure : RunConclusion::Success)
                              : RunConclusion::None;
        if (done)
            job.completedAt = job.startedAt.addSecs(60 + j % 90);
        job.runnerName = QStringLiteral("runner-%1").arg(j);
        for (int s = 0; s < steps; ++s) {
            WorkflowStep step;
            step.name = QStringLiteral("Step number %1 of the job").arg(s + 1);
            step.number = s + 1;
            step.startedAt = job.startedAt.addSecs(s * 3);
            step.completedAt = step.startedAt.addSecs(3);
            step.status = RunStatus::Completed;
            step.conclusion = RunConclusion::Success;
            job.steps.append(step);
        }
        list.append(job);
    }
    return GanttChart::build(run, list, {}, start.addSecs(jobs * 5 + 200));
}

void BM_GanttRepaintVisibleRows(benchmark::State &state)
{
    GanttView view;
    view.resize(1600, 1000);
    view.show();
    QApplication::processEvents();
    view.setChart(makeChart(300, 20));
    view.setAllStepsShown(true);
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        view.paintVisible(&painter);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["rows"] = double(view.rows().size());
    state.counters["visible"] = double(view.viewport()->height() / view.layout().rowHeight + 1);
}
BENCHMARK(BM_GanttRepaintVisibleRows)->Unit(benchmark::kMillisecond);

void BM_GanttRepaintWithHeader(benchmark::State &state)
{
    GanttView view;
    view.resize(1600, 1000);
    view.show();
    QApplication::processEvents();
    view.setChart(makeChart(300, 20));
    view.setAllStepsShown(true);
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        view.paintHeader(&painter, view.width());
        painter.translate(0, view.layout().headerHeight);
        view.paintVisible(&painter);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_GanttRepaintWithHeader)->Unit(benchmark::kMillisecond);

void BM_GanttLiveTick(benchmark::State &state)
{
    const GanttChart base = makeChart(300, 20);
    GanttExpansion expansion;
    for (const WorkflowJob &job : base.jobs)
        expansion.toggle(QStringLiteral("j:%1").arg(job.id));
    for (auto _ : state) {
        const GanttChart chart = GanttChart::build(base.run, base.jobs, {}, base.now.addSecs(1));
        const QList<int> critical = criticalPath(chart.jobs, chart.now);
        const QList<GanttRow> rows =
            ganttRows(chart, expansion, QSet<int>(critical.cbegin(), critical.cend()));
        benchmark::DoNotOptimize(rows.size());
    }
}
BENCHMARK(BM_GanttLiveTick)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
