#include "insightspage.h"

#include "insightschartstyle.h"
#include "policy.h"
#include "releasedurationchart.h"
#include "workspacestore.h"

#include "clock.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QButtonGroup>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace Mainstay {

namespace {

constexpr qint64 msPerDay = 86'400'000;

qint64 dayMs(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

// 0..top in whole steps (1, 2, 5, 10, 20, 50, …), about four of them.
QValueAxis *countAxis(const InsightsChartStyle &style, double max, const QString &title)
{
    auto *axis = new QValueAxis;
    double step = 1;
    const double rough = std::max(1.0, max / 4.0);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    const double top = std::max(step, std::ceil(max / step) * step);
    axis->setRange(0, top);
    axis->setTickCount(int(std::lround(top / step)) + 1);
    axis->setLabelFormat(step >= 1 ? QStringLiteral("%d") : QStringLiteral("%.1f"));
    style.styleAxis(axis, title);
    return axis;
}

QDateTimeAxis *dateAxis(const InsightsChartStyle &style, qint64 firstMs, qint64 lastMs,
                        const QString &title)
{
    auto *axis = new QDateTimeAxis;
    if (lastMs - firstMs < 2 * msPerDay) { // one point: give it room on both sides
        firstMs -= 2 * msPerDay;
        lastMs += 2 * msPerDay;
    }
    const qint64 span = lastMs - firstMs;
    axis->setRange(QDateTime::fromMSecsSinceEpoch(firstMs, Qt::UTC),
                   QDateTime::fromMSecsSinceEpoch(lastMs, Qt::UTC));
    axis->setFormat(span > 400 * msPerDay ? QStringLiteral("MMM yyyy") : QStringLiteral("MMM d"));
    axis->setTickCount(6);
    style.styleAxis(axis, title);
    return axis;
}

QLineSeries *lineSeries(const QString &name, const QColor &color, bool points)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(2.0);
    series->setPen(pen);
    series->setColor(color);
    series->setPointsVisible(points);
    return series;
}

void attach(QChart *chart, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

// The index of the point of `xs` nearest to `x`.
qsizetype nearest(const QList<qint64> &xs, double x)
{
    qsizetype best = -1;
    double bestDistance = 0;
    for (qsizetype i = 0; i < xs.size(); ++i) {
        const double distance = std::abs(double(xs[i]) - x);
        if (best < 0 || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

QString periodName(InsightsPeriod period)
{
    switch (period) {
    case InsightsPeriod::Day:
        return QObject::tr("day");
    case InsightsPeriod::Week:
        return QObject::tr("week");
    case InsightsPeriod::Month:
        return QObject::tr("month");
    case InsightsPeriod::Quarter:
        return QObject::tr("quarter");
    }
    return {};
}

QString hours(double value)
{
    if (value < 1.0)
        return QObject::tr("%1 min").arg(std::lround(value * 60));
    if (value < 48.0)
        return QObject::tr("%1 h").arg(value, 0, 'f', 1);
    return QObject::tr("%1 days").arg(value / 24.0, 0, 'f', 1);
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

// --- card -------------------------------------------------------------------------------------

InsightsChartCard::InsightsChartCard(const QString &id, const QString &title, QWidget *content,
                                     QChartView *view, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_subtitle(new QLabel(this))
    , m_menuButton(new QToolButton(this))
    , m_view(view)
{
    setObjectName(id);
    setFrameShape(QFrame::StyledPanel);
    // The card shares the chart's background, so the chart does not sit in a box of its own.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_menuButton->setText(tr("Export"));
    m_menuButton->setToolTip(tr("Export this chart as a picture, or its data as CSV"));
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setAutoRaise(true);
    auto *menu = new QMenu(m_menuButton);
    menu->addAction(tr("Export as PNG…"), this,
                    [this] { exportWithDialog(tr("PNG images (*.png)"), QStringLiteral("png")); });
    menu->addAction(tr("Export as SVG…"), this, [this] {
        exportWithDialog(tr("SVG drawings (*.svg)"), QStringLiteral("svg"));
    });
    menu->addAction(tr("Export data as CSV…"), this,
                    [this] { exportWithDialog(tr("CSV files (*.csv)"), QStringLiteral("csv")); });
    m_menuButton->setMenu(menu);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_menuButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);
    layout->addWidget(content, 1);
    content->setFixedHeight(270);
}

QString InsightsChartCard::title() const
{
    return m_title->text();
}

void InsightsChartCard::setSubtitle(const QString &text)
{
    m_subtitle->setText(text);
}

QString InsightsChartCard::subtitle() const
{
    return m_subtitle->text();
}

bool InsightsChartCard::exportPng(const QString &path, QString *error) const
{
    const QPixmap pixmap = m_view->grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        if (error)
            *error = tr("could not write the image");
        return false;
    }
    return true;
}

bool InsightsChartCard::exportSvg(const QString &path, QString *error) const
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(m_view->size());
    generator.setViewBox(QRect(QPoint(0, 0), m_view->size()));
    generator.setTitle(title());
    generator.setDescription(subtitle());
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error)
            *error = tr("could not write the drawing");
        return false;
    }
    m_view->render(&painter);
    painter.end();
    if (!QFile::exists(path)) {
        if (error)
            *error = tr("could not write the drawing");
        return false;
    }
    return true;
}

bool InsightsChartCard::exportCsv(const QString &path, QString *error) const
{
    return writeFile(path, csv().toUtf8(), error);
}

void InsightsChartCard::exportWithDialog(const QString &filter, const QString &suffix)
{
    QString name = id() + QLatin1Char('.') + suffix;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export “%1”").arg(title()), name, filter);
    if (path.isEmpty())
        return;
    QString error;
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = exportPng(path, &error);
    else if (suffix == QLatin1String("svg"))
        ok = exportSvg(path, &error);
    else
        ok = exportCsv(path, &error);
    if (!ok)
        Q_EMIT exportFailed(tr("Could not export “%1” to %2: %3").arg(title(), path, error));
}

// --- page -------------------------------------------------------------------------------------

InsightsPage::InsightsPage(QWidget *parent)
    : WorkspacePage(parent)
    , m_computer(new InsightsComputer(this))
    , m_rangeButtons(new QButtonGroup(this))
    , m_filter(new QLineEdit(this))
    , m_filterError(new QLabel(this))
    , m_status(new QLabel(this))
    , m_filterTimer(new QTimer(this))
    , m_grid(new QWidget)
    , m_gridLayout(new QGridLayout(m_grid))
    , m_releaseChart(new ReleaseDurationChart)
{
    auto *bar = new QHBoxLayout;
    bar->setSpacing(0);
    const QList<std::pair<InsightsRange, QString>> ranges = {
        {InsightsRange::Last30Days, tr("30 days")},
        {InsightsRange::Last90Days, tr("90 days")},
        {InsightsRange::Last365Days, tr("365 days")},
        {InsightsRange::All, tr("All time")}};
    for (const auto &[range, label] : ranges) {
        auto *button = new QPushButton(label, this);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("range-") + toString(range));
        button->setToolTip(
            range == InsightsRange::All
                ? tr("Everything in the cache")
                : tr("The last %1 days, today included (UTC)").arg(insightsRangeDays(range)));
        m_rangeButtons->addButton(button, int(range));
        bar->addWidget(button);
    }
    m_rangeButtons->setExclusive(true);
    // The chosen range must stand out in both palettes.
    for (QAbstractButton *button : m_rangeButtons->buttons())
        button->setStyleSheet(QStringLiteral(
            "QPushButton { padding: 3px 12px; } QPushButton:checked { background: "
            "palette(highlight); color: palette(highlighted-text); border: 1px solid "
            "palette(highlight); }"));
    rangeButton(m_range)->setChecked(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) {
        setRange(InsightsRange(id));
        if (context().settings) // the user's choice, kept for the next start
            context().settings->setValue(QStringLiteral("insights/range"), toString(m_range));
    });
    bar->addSpacing(12);
    m_filter->setPlaceholderText(tr("Filter the charts, e.g. label:bug -author:dependabot"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("The board's filter language; it selects the issues and pull "
                            "requests every chart counts (not the workflow runs)"));
    bar->addWidget(m_filter, 1);
    bar->addSpacing(12);
    bar->addWidget(m_status);

    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setWordWrap(true);
    m_filterError->setVisible(false);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(300);
    connect(m_filterTimer, &QTimer::timeout, this, &InsightsPage::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &InsightsPage::applyFilter);

    QChart *unused = nullptr;
    addCard(QStringLiteral("backlog"), tr("Triage backlog"), &unused);
    addCard(QStringLiteral("throughput"), tr("Throughput per week"), &unused);
    addCard(QStringLiteral("response-histogram"), tr("Time to first maintainer response"), &unused);
    addCard(QStringLiteral("response-median"), tr("Median time to first response per month"),
            &unused);
    addCard(QStringLiteral("sizes"), tr("Merged pull requests by size"), &unused);
    auto *releases =
        new InsightsChartCard(QStringLiteral("releases"), tr("Release workflow duration"),
                              m_releaseChart, m_releaseChart->chartView());
    releases->setCsv([this] { return toCsv(m_result.releases); });
    connect(releases, &InsightsChartCard::exportFailed, this,
            [this](const QString &text) { Q_EMIT message(MessageBanner::Level::Error, text); });
    m_cards.append(releases);
    connect(m_releaseChart, &ReleaseDurationChart::runClicked, this, [this](qint64 runId) {
        Q_EMIT navigationRequested(QStringLiteral("release"), {{QStringLiteral("run"), runId}});
    });

    card(QStringLiteral("backlog"))->setCsv([this] { return toCsv(m_result.backlog); });
    card(QStringLiteral("throughput"))->setCsv([this] { return toCsv(m_result.throughput); });
    card(QStringLiteral("response-histogram"))->setCsv([this] {
        return responseHistogramCsv(m_result.responses);
    });
    card(QStringLiteral("response-median"))->setCsv([this] {
        return responseMediansCsv(m_result.responses);
    });
    card(QStringLiteral("sizes"))->setCsv([this] { return toCsv(m_result.sizes); });

    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(10);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_grid);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_filterError);
    layout->addWidget(scroll, 1);

    connect(m_computer, &InsightsComputer::resultReady, this, &InsightsPage::showResult);
    connect(m_computer, &InsightsComputer::loadFailed, this, [this](quint64, const QString &error) {
        m_status->setText(tr("Could not read the cache"));
        Q_EMIT message(MessageBanner::Level::Error,
                       tr("The insights could not read the workspace's cache: %1").arg(error));
    });
    relayout();
    redraw();
}

InsightsPage::~InsightsPage()
{
    m_computer->waitForIdle();
}

InsightsChartCard *InsightsPage::addCard(const QString &id, const QString &title, QChart **chart)
{
    auto *stack = new QStackedWidget;
    auto *view = new QChartView;
    auto *newChart = new QChart;
    view->setChart(newChart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setBackgroundRole(QPalette::Base);
    auto *empty = new QLabel;
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    stack->addWidget(view);
    stack->addWidget(empty);
    auto *card = new InsightsChartCard(id, title, stack, view);
    connect(card, &InsightsChartCard::exportFailed, this,
            [this](const QString &text) { Q_EMIT message(MessageBanner::Level::Error, text); });
    m_cards.append(card);
    m_charts.insert(id, newChart);
    m_stacks.insert(id, stack);
    m_emptyLabels.insert(id, empty);
    *chart = newChart;
    return card;
}

InsightsChartCard *InsightsPage::card(const QString &id) const
{
    for (InsightsChartCard *card : m_cards)
        if (card->id() == id)
            return card;
    return nullptr;
}

QAbstractButton *InsightsPage::rangeButton(InsightsRange range) const
{
    return m_rangeButtons->button(int(range));
}

void InsightsPage::setWorkspace(const WorkspaceContext &context)
{
    WorkspacePage::setWorkspace(context);
    m_cacheFile = context.store ? context.store->cacheFilePath() : QString();
    if (context.settings) {
        const auto saved = insightsRangeFromString(
            context.settings->value(QStringLiteral("insights/range")).toString());
        if (saved) {
            m_range = *saved;
            rangeButton(m_range)->setChecked(true);
        }
    }
    m_explicitData = false;
    m_data.reset();
    m_haveResult = false;
    m_result = InsightsResult();
    m_dirty = true;
    redraw();
    if (isVisible())
        reload();
}

void InsightsPage::clearWorkspace()
{
    WorkspacePage::clearWorkspace();
    m_computer->waitForIdle();
    m_cacheFile.clear();
    m_data.reset();
    m_haveResult = false;
    m_result = InsightsResult();
    redraw();
}

void InsightsPage::syncFinished(bool ok)
{
    Q_UNUSED(ok) // a failed sync leaves the cache readable: show what it holds
    m_dirty = true;
    if (isVisible())
        reload();
}

void InsightsPage::activated()
{
    if (m_dirty || !m_haveResult)
        reload();
}

void InsightsPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

QList<HelpOverlay::Entry> InsightsPage::helpEntries() const
{
    const QString group = tr("Insights");
    return {{tr("Ctrl+F"), tr("Filter the charts with the board's filter language"), group},
            {tr("Hover"), tr("Exact value of a point or bar"), group},
            {tr("Click a release run"), tr("Open that run in the release monitor"), group}};
}

void InsightsPage::setData(InsightsComputer::DataPtr data)
{
    m_explicitData = true;
    m_data = std::move(data);
    m_dirty = false;
    recompute();
}

void InsightsPage::setRange(InsightsRange range)
{
    m_range = range;
    if (QAbstractButton *button = rangeButton(range); button && !button->isChecked())
        button->setChecked(true);
    recompute();
}

void InsightsPage::applyFilter()
{
    m_filterTimer->stop();
    const QString text = m_filter->text().trimmed();
    const QueryParseResult parsed = IssueQuery::parse(text);
    if (!parsed.isOk()) {
        m_filterError->setText(
            QStringLiteral("<span style=\"color:%1\">%2</span>")
                .arg(InsightsChartStyle(palette()).red().name(),
                     tr("Filter not applied: %1").arg(parsed.error().message().toHtmlEscaped())));
        m_filterError->setVisible(true);
        return;
    }
    m_filterError->clear();
    m_filterError->setVisible(false);
    if (parsed.query() == m_query)
        return;
    m_query = parsed.query();
    recompute();
}

InsightsRequest InsightsPage::request() const
{
    InsightsRequest request;
    request.range = m_range;
    request.filter = m_query;
    const Clock *clock = context().clock ? context().clock : Clock::system();
    request.now = m_explicitData && !context().clock ? QDateTime() : clock->now();
    return request;
}

void InsightsPage::reload()
{
    if (m_explicitData) {
        recompute();
        return;
    }
    if (m_cacheFile.isEmpty() || !context().policy) {
        m_status->setText(tr("No workspace open"));
        return;
    }
    m_dirty = false;
    m_status->setText(tr("Computing…"));
    m_computer->loadAndCompute(m_cacheFile, *context().policy, request());
}

void InsightsPage::recompute()
{
    if (!m_data) {
        reload();
        return;
    }
    m_status->setText(tr("Computing…"));
    m_computer->compute(m_data, request());
}

void InsightsPage::showResult(const InsightsResult &result, const InsightsComputer::DataPtr &data)
{
    m_data = data;
    m_result = result;
    m_haveResult = true;
    const int total = m_data ? int(m_data->items.size()) : 0;
    m_status->setText(m_query.hasConditions()
                          ? tr("%1 of %2 items").arg(result.selectedItems).arg(total)
                          : tr("%1 items").arg(total));
    m_status->setToolTip(tr("Computed at %1 UTC; periods are UTC days, weeks from Monday, "
                            "months")
                             .arg(result.now.toUTC().toString(QStringLiteral("yyyy-MM-dd hh:mm"))));
    redraw();
}

void InsightsPage::setEmpty(const QString &id, const QString &text)
{
    m_emptyLabels.value(id)->setText(text);
    m_stacks.value(id)->setCurrentIndex(1);
}

bool InsightsPage::showChart(const QString &id, bool empty, const QString &emptyText)
{
    if (empty) {
        setEmpty(id, m_haveResult ? emptyText : tr("Computing…"));
        return false;
    }
    m_stacks.value(id)->setCurrentIndex(0);
    return true;
}

void InsightsPage::showTipOn(const QString &id, const QString &text)
{
    if (!text.isEmpty())
        QToolTip::showText(QCursor::pos(), text, card(id)->chartView());
}

template<typename Text>
auto InsightsPage::pointTip(const QString &id, Text text)
{
    return [this, id, text](const QPointF &point, bool state) {
        if (state)
            showTipOn(id, text(point));
        else
            QToolTip::hideText();
    };
}

template<typename Text>
auto InsightsPage::barTip(const QString &id, Text text)
{
    return [this, id, text](bool state, int index) {
        if (state)
            showTipOn(id, text(index));
        else
            QToolTip::hideText();
    };
}

void InsightsPage::redraw()
{
    drawBacklog();
    drawThroughput();
    drawResponseHistogram();
    drawResponseMedians();
    drawSizes();
    m_releaseChart->setDurations(m_result.releases);
    InsightsChartCard *releases = card(QStringLiteral("releases"));
    const ReleaseDurations &runs = m_result.releases;
    const int failed = int(std::count_if(runs.runs.cbegin(), runs.runs.cend(),
                                         [](const auto &run) { return run.failed; }));
    releases->setSubtitle(
        runs.runs.isEmpty()
            ? tr("Completed runs of the release workflow. Not narrowed by the filter.")
            : tr("%1 completed runs of “%2”, %3 failed; click a point to open the run. Not "
                 "narrowed by the filter.")
                  .arg(runs.runs.size())
                  .arg(runs.workflow)
                  .arg(failed));
}

QChart *InsightsPage::clearedChart(const QString &id, const InsightsChartStyle &style)
{
    // Every redraw starts from an empty chart in the current palette's style.
    QChart *chart = m_charts.value(id);
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    style.prepare(chart);
    return chart;
}

void InsightsPage::drawBacklog()
{
    const QString id = QStringLiteral("backlog");
    const InsightsChartStyle style(palette());
    QChart *chart = clearedChart(id, style);
    const TriageBacklog &backlog = m_result.backlog;
    const QString column = backlog.column.isEmpty() ? tr("triage") : backlog.column;
    card(id)->setSubtitle(tr("Open issues in the board's first column (“%1”) and all open "
                             "issues, at the end of each %2.")
                              .arg(column, periodName(backlog.period)));
    if (!showChart(id, backlog.points.isEmpty(), tr("No issues in this range.")))
        return;
    const bool points = backlog.points.size() <= 60;
    auto *triage = lineSeries(tr("in “%1”").arg(column), style.orange(), points);
    auto *open = lineSeries(tr("all open issues"), style.blue(), points);
    QList<qint64> xs;
    int max = 0;
    for (const TriageBacklog::Point &point : backlog.points) {
        const qint64 x = dayMs(point.period);
        xs.append(x);
        triage->append(double(x), point.triage);
        open->append(double(x), point.open);
        max = std::max({max, point.open, point.triage});
    }
    chart->addSeries(open);
    chart->addSeries(triage);
    const InsightsPeriod period = backlog.period;
    const auto tip = pointTip(id, [this, xs, period, column](const QPointF &value) {
        const qsizetype i = nearest(xs, value.x());
        if (i < 0 || i >= m_result.backlog.points.size())
            return QString();
        const TriageBacklog::Point &point = m_result.backlog.points[i];
        return tr("%1 %2\n%3 in “%4”\n%5 open issues")
            .arg(period == InsightsPeriod::Day ? tr("Day") : tr("Week of"),
                 point.period.toString(Qt::ISODate))
            .arg(point.triage)
            .arg(column)
            .arg(point.open);
    });
    connect(open, &QLineSeries::hovered, this, tip);
    connect(triage, &QLineSeries::hovered, this, tip);
    attach(chart, dateAxis(style, xs.first(), xs.last(), tr("date (UTC)")),
           countAxis(style, max, tr("open issues")));
}

void InsightsPage::drawThroughput()
{
    const QString id = QStringLiteral("throughput");
    const InsightsChartStyle style(palette());
    QChart *chart = clearedChart(id, style);
    const Throughput &throughput = m_result.throughput;
    card(id)->setSubtitle(tr("Issues opened and closed (by their last closing) and pull "
                             "requests merged, per week starting Monday (the last week is still "
                             "running)."));
    if (!showChart(id, throughput.weeks.isEmpty(), tr("No issues or pull requests in this range.")))
        return;
    const bool points = throughput.weeks.size() <= 60;
    auto *opened = lineSeries(tr("issues opened"), style.blue(), points);
    auto *closed = lineSeries(tr("issues closed"), style.green(), points);
    auto *merged = lineSeries(tr("PRs merged"), style.purple(), points);
    QList<qint64> xs;
    int max = 0;
    for (const Throughput::Week &week : throughput.weeks) {
        const qint64 x = dayMs(week.week);
        xs.append(x);
        opened->append(double(x), week.opened);
        closed->append(double(x), week.closed);
        merged->append(double(x), week.merged);
        max = std::max({max, week.opened, week.closed, week.merged});
    }
    for (QLineSeries *series : {opened, closed, merged}) {
        chart->addSeries(series);
        connect(series, &QLineSeries::hovered, this, pointTip(id, [this, xs](const QPointF &value) {
                    const qsizetype i = nearest(xs, value.x());
                    if (i < 0 || i >= m_result.throughput.weeks.size())
                        return QString();
                    const Throughput::Week &week = m_result.throughput.weeks[i];
                    return tr("Week of %1\n%2 issues opened\n%3 issues closed\n%4 PRs merged")
                        .arg(week.week.toString(Qt::ISODate))
                        .arg(week.opened)
                        .arg(week.closed)
                        .arg(week.merged);
                }));
    }
    attach(chart, dateAxis(style, xs.first(), xs.last(), tr("week starting (UTC)")),
           countAxis(style, max, tr("items per week")));
}

void InsightsPage::drawResponseHistogram()
{
    const QString id = QStringLiteral("response-histogram");
    const InsightsChartStyle style(palette());
    QChart *chart = clearedChart(id, style);
    const ResponseTimes &responses = m_result.responses;
    card(id)->setSubtitle(tr("Items created in the range, by the time until a maintainer "
                             "other than the author first commented. Items opened by "
                             "maintainers are left out."));
    const int issues = responses.issues.responded + responses.issues.waiting;
    const int pulls = responses.pullRequests.responded + responses.pullRequests.waiting;
    if (!showChart(id, issues + pulls == 0,
                   tr("No items from outside the team created in this range.")))
        return;
    const QStringList labels = ResponseTimes::bucketLabels();
    auto *series = new QBarSeries;
    auto *issueSet = new QBarSet(tr("issues (%1)").arg(issues));
    auto *pullSet = new QBarSet(tr("pull requests (%1)").arg(pulls));
    issueSet->setColor(style.blue());
    issueSet->setBorderColor(style.blue());
    pullSet->setColor(style.purple());
    pullSet->setBorderColor(style.purple());
    int max = 0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const int a = responses.issues.counts.value(i);
        const int b = responses.pullRequests.counts.value(i);
        *issueSet << a;
        *pullSet << b;
        max = std::max({max, a, b});
    }
    series->append(issueSet);
    series->append(pullSet);
    chart->addSeries(series);
    const auto tip = [this, id, labels](bool pullRequests) {
        return barTip(id, [this, labels, pullRequests](int index) {
            const ResponseTimes::Histogram &h =
                pullRequests ? m_result.responses.pullRequests : m_result.responses.issues;
            const int total = h.responded + h.waiting;
            const int count = h.counts.value(index);
            return tr("%1, %2: %3 (%4 %)")
                .arg(pullRequests ? tr("Pull requests") : tr("Issues"), labels.value(index))
                .arg(count)
                .arg(total > 0 ? 100.0 * count / total : 0.0, 0, 'f', 0);
        });
    };
    connect(issueSet, &QBarSet::hovered, this, tip(false));
    connect(pullSet, &QBarSet::hovered, this, tip(true));
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    style.styleAxis(x, tr("time to first maintainer comment"));
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() > 0 ? small.pointSizeF() * 0.85 : 7.5);
    x->setLabelsFont(small);
    attach(chart, x, countAxis(style, max, tr("items")));
}

void InsightsPage::drawResponseMedians()
{
    const QString id = QStringLiteral("response-median");
    const InsightsChartStyle style(palette());
    QChart *chart = clearedChart(id, style);
    const ResponseTimes &responses = m_result.responses;
    card(id)->setSubtitle(tr("Median hours to the first maintainer comment, by the month the "
                             "item was created (whole months); months where nobody got an "
                             "answer have no point."));
    // One x step per month from the first month either series has, labelled on the month.
    QList<QDate> months;
    for (const auto *list : {&responses.issueMonths, &responses.pullRequestMonths})
        for (const ResponseTimes::Month &month : *list)
            if (month.medianHours && !months.contains(month.month))
                months.append(month.month);
    std::sort(months.begin(), months.end());
    if (!showChart(id, months.isEmpty(),
                   tr("Nobody from outside the team got an answer in this range.")))
        return;
    const QDate firstMonth = months.first();
    const auto monthIndex = [firstMonth](QDate month) {
        return (month.year() - firstMonth.year()) * 12 + month.month() - firstMonth.month();
    };
    const int span = monthIndex(months.last()) + 1;
    auto *issues = lineSeries(tr("issues"), style.blue(), true);
    auto *pulls = lineSeries(tr("pull requests"), style.purple(), true);
    double max = 0;
    double min = 1.0;
    const auto fill = [&](QLineSeries *series, const QList<ResponseTimes::Month> &list) {
        for (const ResponseTimes::Month &month : list) {
            if (!month.medianHours)
                continue;
            // The log axis has no zero: an answer within a minute sits at 0.01 h.
            const double value = std::max(0.01, *month.medianHours);
            series->append(monthIndex(month.month), value);
            max = std::max(max, value);
            min = std::min(min, value);
        }
    };
    fill(issues, responses.issueMonths);
    fill(pulls, responses.pullRequestMonths);
    for (QLineSeries *series : {issues, pulls}) {
        chart->addSeries(series);
        const bool pullRequests = series == pulls;
        connect(series, &QLineSeries::hovered, this,
                pointTip(id, [this, pullRequests, firstMonth](const QPointF &value) {
                    const QDate month = firstMonth.addMonths(int(std::lround(value.x())));
                    const QList<ResponseTimes::Month> &list =
                        pullRequests ? m_result.responses.pullRequestMonths
                                     : m_result.responses.issueMonths;
                    for (const ResponseTimes::Month &row : list) {
                        if (row.month == month && row.medianHours) {
                            return tr("%1, %2\nmedian %3 (%4 answered)")
                                .arg(pullRequests ? tr("Pull requests") : tr("Issues"),
                                     insightsPeriodLabel(InsightsPeriod::Month, row.month),
                                     hours(*row.medianHours))
                                .arg(row.responded);
                        }
                    }
                    return QString();
                }));
    }
    if (pulls->count() == 0)
        for (QLegendMarker *marker : chart->legend()->markers(pulls))
            marker->setVisible(false);
    if (issues->count() == 0)
        for (QLegendMarker *marker : chart->legend()->markers(issues))
            marker->setVisible(false);
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int every = std::max(1, (span + 5) / 6); // at most about six labels
    for (int i = 0; i < span; i += every)
        x->append(insightsPeriodLabel(InsightsPeriod::Month, firstMonth.addMonths(i)), i);
    x->setRange(-0.5, span - 0.5);
    x->setGridLineVisible(false);
    style.styleAxis(x, tr("month the item was created"));
    // Waits span minutes to months: a logarithmic scale keeps one slow month from flattening
    // the rest.
    auto *y = new QLogValueAxis;
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setRange(std::min(1.0, std::pow(10.0, std::floor(std::log10(std::max(min, 0.01))))),
                std::pow(10.0, std::ceil(std::log10(std::max(max, 1.0)) + 1e-9)));
    y->setMinorTickCount(0);
    y->setMinorGridLineVisible(false);
    style.styleAxis(y, tr("median hours (log scale)"));
    attach(chart, x, y);
}

void InsightsPage::drawSizes()
{
    const QString id = QStringLiteral("sizes");
    const InsightsChartStyle style(palette());
    QChart *chart = clearedChart(id, style);
    const PullRequestSizes &sizes = m_result.sizes;
    card(id)->setSubtitle(tr("Merged pull requests per %1 by changed lines (additions + "
                             "deletions), in the policy's size classes.")
                              .arg(periodName(sizes.period)));
    if (!showChart(id, sizes.periods.isEmpty(), tr("No pull requests merged in this range.")))
        return;
    auto *series = new QStackedBarSeries;
    QStringList categories;
    for (const PullRequestSizes::Period &period : sizes.periods)
        categories.append(insightsPeriodLabel(sizes.period, period.start));
    int max = 0;
    for (const PullRequestSizes::Period &period : sizes.periods) {
        int total = period.unknown;
        for (int count : period.counts)
            total += count;
        max = std::max(max, total);
    }
    const qsizetype classCount = sizes.classes.size();
    bool anyUnknown = false;
    for (const PullRequestSizes::Period &period : sizes.periods)
        anyUnknown = anyUnknown || period.unknown > 0;
    for (qsizetype c = 0; c < classCount + (anyUnknown ? 1 : 0); ++c) {
        const bool unknown = c == classCount;
        QString name = unknown ? tr("size unknown") : sizes.classes[c];
        if (name.startsWith(QLatin1String("size/")))
            name = name.mid(5);
        auto *set = new QBarSet(name);
        const QColor color = unknown ? style.grey() : style.sizeClass(int(c), int(classCount));
        set->setColor(color);
        set->setBorderColor(style.background());
        for (const PullRequestSizes::Period &period : sizes.periods)
            *set << (unknown ? period.unknown : period.counts.value(c));
        series->append(set);
        connect(set, &QBarSet::hovered, this, barTip(id, [this, c, unknown, name](int index) {
                    const PullRequestSizes &s = m_result.sizes;
                    if (index < 0 || index >= s.periods.size())
                        return QString();
                    const PullRequestSizes::Period &period = s.periods[index];
                    int total = period.unknown;
                    for (int count : period.counts)
                        total += count;
                    return tr("%1: %2 merged PRs of size %3 (of %4)")
                        .arg(insightsPeriodLabel(s.period, period.start))
                        .arg(unknown ? period.unknown : period.counts.value(c))
                        .arg(name)
                        .arg(total);
                }));
    }
    chart->addSeries(series);
    // Bars sit at 0, 1, 2, …; a label on every period while they fit, else on every few.
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int count = int(categories.size());
    const int every = std::max(1, (count + 5) / 6);
    for (int i = 0; i < count; i += every)
        x->append(categories[i], i);
    x->setRange(-0.5, count - 0.5);
    x->setGridLineVisible(false);
    style.styleAxis(x, sizes.period == InsightsPeriod::Quarter ? tr("quarter merged")
                                                               : tr("month merged"));
    attach(chart, x, countAxis(style, max, tr("merged PRs")));
}

void InsightsPage::relayout()
{
    const int columns = width() >= 1000 ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (InsightsChartCard *card : std::as_const(m_cards))
        m_gridLayout->removeWidget(card);
    for (qsizetype i = 0; i < m_cards.size(); ++i)
        m_gridLayout->addWidget(m_cards[i], int(i / columns), int(i % columns));
    for (int c = 0; c < 2; ++c)
        m_gridLayout->setColumnStretch(c, c < columns ? 1 : 0);
}

void InsightsPage::resizeEvent(QResizeEvent *event)
{
    WorkspacePage::resizeEvent(event);
    relayout();
}

void InsightsPage::changeEvent(QEvent *event)
{
    WorkspacePage::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        redraw();
}

} // namespace Mainstay
