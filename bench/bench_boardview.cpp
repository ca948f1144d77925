// Painting the triage board while scrolling a 10,000-card column (DESIGN.md budget: <= 4 ms a
// frame, visible cards only). Each iteration scrolls the column by a few cards and repaints its
// viewport synchronously on the offscreen platform:
//   QT_QPA_PLATFORM=offscreen ./build/bench/bench_boardview
// The counter `cards_painted` is how many cards one frame drew: it must stay at a screenful,
// whatever the column holds.

#include "boardcarddelegate.h"
#include "boardmodel.h"
#include "boardview.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QPainter>
#include <QScrollBar>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

constexpr int cardCount = 10'000;

// Counts the cards it paints, to show that only visible ones are.
class CountingDelegate : public BoardCardDelegate
{
public:
    using BoardCardDelegate::BoardCardDelegate;
    mutable int painted = 0;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        ++painted;
        BoardCardDelegate::paint(painter, option, index);
    }
};

QList<Issue> generateItems()
{
    const QDateTime start = QDateTime::fromSecsSinceEpoch(1'600'000'000, Qt::UTC);
    const QStringList areas = {u"logger"_s, u"tracer"_s, u"metrics"_s,
                               u"parser"_s, u"batch"_s,  u"idempotency"_s};
    QList<Issue> items;
    items.reserve(cardCount);
    for (int number = 1; number <= cardCount; ++number) {
        Issue issue;
        issue.id = number;
        issue.number = number;
        issue.title =
            u"Bug: the %1 utility loses the correlation id when a batch of records "
            u"is retried after a partial failure (case %2)"_s.arg(areas[number % areas.size()])
                .arg(number);
        issue.author.login = u"contributor-%1"_s.arg(number % 300);
        issue.authorAssociation =
            number % 7 == 0 ? AuthorAssociation::FirstTimeContributor : AuthorAssociation::None;
        issue.commentCount = number % 23;
        issue.createdAt = start.addSecs(qint64(number) * 900);
        issue.updatedAt = issue.createdAt.addDays(number % 40);
        issue.labels = {Label{0, u"bug"_s, u"d73a4a"_s, {}, false},
                        Label{0, areas[number % areas.size()], u"c5def5"_s, {}, false}};
        if (number % 3 == 0)
            issue.labels.append(Label{0, u"documentation"_s, u"0075ca"_s, {}, false});
        items.append(issue);
    }
    return items;
}

void BM_ScrollBoardColumn(benchmark::State &state)
{
    BoardModel model;
    model.setItems(generateItems());
    const int column = model.policy().columnIndex(u"confirmed-bugs");
    BoardView view(&model);
    auto *delegate = new CountingDelegate(&view);
    BoardCardList *list = view.list(column);
    list->setItemDelegate(delegate);
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();
    QScrollBar *bar = list->verticalScrollBar();
    const int step = BoardCardDelegate::cardHeight(list->font()) * 3 / 2;
    int painted = 0;
    int frames = 0;
    for (auto _ : state) {
        int next = bar->value() + step;
        if (next > bar->maximum())
            next = 0;
        bar->setValue(next);
        delegate->painted = 0;
        list->viewport()->repaint();
        painted += delegate->painted;
        ++frames;
    }
    state.counters["cards"] = model.cardCount(column);
    state.counters["cards_painted"] = frames ? double(painted) / frames : 0;
}
BENCHMARK(BM_ScrollBoardColumn)->Unit(benchmark::kMillisecond);

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
