#pragma once

#include "insightscomputer.h"
#include "workspacepage.h"

#include <QFrame>

#include <functional>

class QAbstractButton;
class QButtonGroup;
class QChart;
class QChartView;
class QGridLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace Mainstay {

class InsightsChartStyle;

class ReleaseDurationChart;

// One chart of the Insights view: a title, what it shows, the chart (or why it is empty) and a
// menu to export the picture (PNG, SVG) or its data (CSV).
class InsightsChartCard : public QFrame
{
    Q_OBJECT
public:
    InsightsChartCard(const QString &id, const QString &title, QWidget *content, QChartView *view,
                      QWidget *parent = nullptr);

    QString id() const { return objectName(); }
    QString title() const;
    QChartView *chartView() const { return m_view; }
    // The data behind the chart as CSV.
    void setCsv(std::function<QString()> csv) { m_csv = std::move(csv); }
    QString csv() const { return m_csv ? m_csv() : QString(); }
    void setSubtitle(const QString &text);
    QString subtitle() const;

    // Writes the file; false with `error` set when it cannot.
    bool exportPng(const QString &path, QString *error = nullptr) const;
    bool exportSvg(const QString &path, QString *error = nullptr) const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;

Q_SIGNALS:
    void exportFailed(const QString &message);

private:
    void exportWithDialog(const QString &filter, const QString &suffix);

    QLabel *m_title;
    QLabel *m_subtitle;
    QToolButton *m_menuButton;
    QChartView *m_view;
    std::function<QString()> m_csv;
};

// The Insights view (issue 7): six panels for five questions — is the triage queue growing, how
// long do people wait for a first answer (distribution, monthly median), are pull requests
// getting bigger, are releases getting slower, how much goes in and out each week — over a range
// and the board's filter. Computed off the UI thread by InsightsComputer from the cache.
class InsightsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit InsightsPage(QWidget *parent = nullptr);
    ~InsightsPage() override;

    void setWorkspace(const WorkspaceContext &context) override;
    void clearWorkspace() override;
    void syncFinished(bool ok) override;
    void activated() override;
    void focusFilter() override;
    QList<HelpOverlay::Entry> helpEntries() const override;

    // Computes over a given snapshot instead of the workspace's cache (tests, embedding).
    void setData(InsightsComputer::DataPtr data);
    void setRange(InsightsRange range);
    InsightsRange range() const { return m_range; }
    // Applies the filter text now (typing applies it after a short pause).
    void applyFilter();

    const InsightsResult &result() const { return m_result; }
    InsightsComputer *computer() const { return m_computer; }
    InsightsChartCard *card(const QString &id) const;
    QList<InsightsChartCard *> cards() const { return m_cards; }
    ReleaseDurationChart *releaseChart() const { return m_releaseChart; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *filterError() const { return m_filterError; }
    QAbstractButton *rangeButton(InsightsRange range) const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    InsightsRequest request() const;
    void reload();
    void recompute();
    void showResult(const InsightsResult &result, const InsightsComputer::DataPtr &data);
    void redraw();
    void relayout();
    InsightsChartCard *addCard(const QString &id, const QString &title, QChart **chart);
    void setEmpty(const QString &id, const QString &text);
    // Shows the chart `id`, or when it has nothing to draw its empty text ("Computing…" until
    // the first result); false when empty.
    bool showChart(const QString &id, bool empty, const QString &emptyText);
    // A hover handler for a chart's series (point, state) or bar set (state, index): shows what
    // `text` makes of the point in a tool tip (nothing when it is empty), hides it on leaving.
    template<typename Text>
    auto pointTip(const QString &id, Text text);
    template<typename Text>
    auto barTip(const QString &id, Text text);
    void showTipOn(const QString &id, const QString &text);

    QChart *clearedChart(const QString &id, const InsightsChartStyle &style);
    void drawBacklog();
    void drawResponseHistogram();
    void drawResponseMedians();
    void drawSizes();
    void drawThroughput();

    InsightsComputer *m_computer;
    InsightsComputer::DataPtr m_data;
    InsightsResult m_result;
    bool m_haveResult = false;
    bool m_dirty = true;
    bool m_explicitData = false;
    InsightsRange m_range = InsightsRange::Last90Days;
    IssueQuery m_query;
    QString m_cacheFile;

    QButtonGroup *m_rangeButtons;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QLabel *m_status;
    QTimer *m_filterTimer;
    QWidget *m_grid;
    QGridLayout *m_gridLayout;
    int m_columns = 0;
    QList<InsightsChartCard *> m_cards;
    QHash<QString, QChart *> m_charts;
    QHash<QString, QStackedWidget *> m_stacks;
    QHash<QString, QLabel *> m_emptyLabels;
    ReleaseDurationChart *m_releaseChart;
};

} // namespace Mainstay
