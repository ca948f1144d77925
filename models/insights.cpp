#include "insights.h"

#include "cachedatabase.h"
#include "policy.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace Mainstay {

namespace {

constexpr qint64 msPerDay = 86'400'000;
constexpr qint64 julianDayOfEpoch = 2'440'588; // 1970-01-01

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

QDate utcDate(qint64 ms)
{
    return QDate::fromJulianDay(floorDiv(ms, msPerDay) + julianDayOfEpoch);
}

qint64 startMs(QDate date)
{
    return (date.toJulianDay() - julianDayOfEpoch) * msPerDay;
}

qint64 toMs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

// Maps instants to consecutive periods from a first one: index 0 is `first`.
class PeriodIndex
{
public:
    PeriodIndex(InsightsPeriod period, QDate first)
        : m_period(period)
        , m_first(insightsPeriodStart(period, first))
        , m_firstMs(startMs(m_first))
    {}

    // May be negative (before the first period).
    qsizetype indexOf(qint64 ms) const
    {
        switch (m_period) {
        case InsightsPeriod::Day:
            return qsizetype(floorDiv(ms - m_firstMs, msPerDay));
        case InsightsPeriod::Week:
            return qsizetype(floorDiv(ms - m_firstMs, 7 * msPerDay));
        case InsightsPeriod::Month:
        case InsightsPeriod::Quarter: {
            const QDate date = utcDate(ms);
            const qsizetype months =
                (date.year() - m_first.year()) * 12 + (date.month() - m_first.month());
            return m_period == InsightsPeriod::Month ? months : qsizetype(floorDiv(months, 3));
        }
        }
        return 0;
    }
    QDate first() const { return m_first; }
    // The period starts from the first through the one containing `lastMs`.
    QList<QDate> starts(qint64 lastMs) const
    {
        QList<QDate> result;
        const QDate last = insightsPeriodStart(m_period, utcDate(lastMs));
        for (QDate d = m_first; d <= last; d = insightsNextPeriod(m_period, d))
            result.append(d);
        return result;
    }

private:
    InsightsPeriod m_period;
    QDate m_first;
    qint64 m_firstMs;
};

// The first period of a series: the range's first, or the first data point's when later.
// Invalid when there is no data point.
QDate seriesStart(const InsightsScope &scope, std::optional<qint64> firstDataMs)
{
    if (!firstDataMs)
        return {};
    const QDate dataDate = utcDate(*firstDataMs);
    if (scope.fromDate().isValid() && scope.fromDate() > dataDate)
        return scope.fromDate();
    return dataDate;
}

double median(std::vector<qint64> &values)
{
    const size_t n = values.size();
    const auto mid = values.begin() + qsizetype(n / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (n % 2 == 1)
        return double(*mid);
    const qint64 upper = *mid;
    const qint64 lower = *std::max_element(values.begin(), mid);
    return (double(lower) + double(upper)) / 2.0;
}

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvRow(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &field : fields)
        escaped.append(csvField(field));
    return escaped.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

QString isoDate(QDate date)
{
    return date.toString(Qt::ISODate);
}

QString number(double value)
{
    return QString::number(value, 'f', 2);
}

} // namespace

// --- ranges and periods -----------------------------------------------------------------------

QString toString(InsightsRange range)
{
    switch (range) {
    case InsightsRange::Last30Days:
        return QStringLiteral("30");
    case InsightsRange::Last90Days:
        return QStringLiteral("90");
    case InsightsRange::Last365Days:
        return QStringLiteral("365");
    case InsightsRange::All:
        break;
    }
    return QStringLiteral("all");
}

std::optional<InsightsRange> insightsRangeFromString(QStringView text)
{
    for (InsightsRange range : {InsightsRange::Last30Days, InsightsRange::Last90Days,
                                InsightsRange::Last365Days, InsightsRange::All})
        if (text.compare(toString(range), Qt::CaseInsensitive) == 0)
            return range;
    return std::nullopt;
}

int insightsRangeDays(InsightsRange range)
{
    switch (range) {
    case InsightsRange::Last30Days:
        return 30;
    case InsightsRange::Last90Days:
        return 90;
    case InsightsRange::Last365Days:
        return 365;
    case InsightsRange::All:
        break;
    }
    return 0;
}

QDate insightsPeriodStart(InsightsPeriod period, QDate date)
{
    switch (period) {
    case InsightsPeriod::Day:
        return date;
    case InsightsPeriod::Week:
        return date.addDays(1 - date.dayOfWeek());
    case InsightsPeriod::Month:
        return QDate(date.year(), date.month(), 1);
    case InsightsPeriod::Quarter:
        return QDate(date.year(), ((date.month() - 1) / 3) * 3 + 1, 1);
    }
    return date;
}

QDate insightsNextPeriod(InsightsPeriod period, QDate start)
{
    switch (period) {
    case InsightsPeriod::Day:
        return start.addDays(1);
    case InsightsPeriod::Week:
        return start.addDays(7);
    case InsightsPeriod::Month:
        return start.addMonths(1);
    case InsightsPeriod::Quarter:
        return start.addMonths(3);
    }
    return start.addDays(1);
}

QString insightsPeriodLabel(InsightsPeriod period, QDate start)
{
    switch (period) {
    case InsightsPeriod::Day:
    case InsightsPeriod::Week:
        return isoDate(start);
    case InsightsPeriod::Month:
        return QLocale::c().toString(start, QStringLiteral("MMM yyyy"));
    case InsightsPeriod::Quarter:
        return QStringLiteral("%1 Q%2").arg(start.year()).arg((start.month() - 1) / 3 + 1);
    }
    return isoDate(start);
}

// --- loading ----------------------------------------------------------------------------------

bool InsightsData::isReleaseWorkflow(const Workflow &workflow, const QString &name)
{
    if (name.isEmpty())
        return false;
    return workflow.name.compare(name, Qt::CaseInsensitive) == 0 ||
           workflow.path.section(QLatin1Char('/'), -1) == name;
}

QHash<int, QDateTime> InsightsData::firstMaintainerResponses(const QList<Issue> &items,
                                                             const QList<Comment> &firstComments,
                                                             const WaitingOnUs &maintainers)
{
    QHash<int, QString> authors;
    authors.reserve(items.size());
    for (const Issue &item : items)
        authors.insert(item.number, item.author.login.toCaseFolded());
    QHash<int, QDateTime> first;
    for (const Comment &comment : firstComments) {
        if (!comment.createdAt.isValid() || comment.author.login.isEmpty())
            continue;
        const auto author = authors.constFind(comment.issueNumber);
        if (author == authors.cend() || comment.author.login.toCaseFolded() == *author)
            continue;
        if (!maintainers.isMaintainer(comment.author.login, comment.authorAssociation))
            continue;
        auto known = first.find(comment.issueNumber);
        if (known == first.end())
            first.insert(comment.issueNumber, comment.createdAt);
        else if (comment.createdAt < *known)
            *known = comment.createdAt;
    }
    return first;
}

InsightsData InsightsData::load(const CacheDatabase &cache, const Policy &policy)
{
    InsightsData data;
    data.items = cache.loadIssues();
    const QList<IssueEvent> events = cache.loadIssueEvents();
    data.events.reserve(events.size());
    for (const IssueEvent &event : events) {
        if (event.event == QLatin1String("labeled") || event.event == QLatin1String("unlabeled") ||
            event.event == QLatin1String("closed") || event.event == QLatin1String("reopened"))
            data.events.append(event);
    }

    const WaitingOnUs maintainers(policy.maintainers + cache.loadMaintainers());
    data.firstResponses =
        firstMaintainerResponses(data.items, cache.firstCommentsByAuthor(), maintainers);
    for (const Issue &item : std::as_const(data.items))
        if (maintainers.isMaintainer(item.author.login, item.authorAssociation))
            data.maintainerAuthored.insert(item.number);

    const QHash<int, PullRequest> pulls = cache.loadPullRequestDetails();
    for (auto it = pulls.cbegin(); it != pulls.cend(); ++it)
        if (it->hasSize())
            data.changedLines.insert(it.key(), it->changedLines());

    data.releaseWorkflow = policy.release.workflow;
    for (const Workflow &workflow : cache.loadWorkflows()) {
        if (isReleaseWorkflow(workflow, policy.release.workflow)) {
            data.releaseWorkflow = workflow.name;
            data.releaseRuns += cache.loadWorkflowRuns(workflow.id);
        }
    }
    if (!policy.boardColumns.isEmpty())
        data.triageColumn = policy.boardColumns.first();
    data.sizes = policy.sizes;
    return data;
}

InsightsData InsightsData::loadFromFile(const QString &cacheFile, const Policy &policy,
                                        QString *error)
{
    CacheDatabase reader;
    QString openError;
    if (!reader.openForReading(cacheFile, &openError)) {
        if (error)
            *error = openError;
        return {};
    }
    InsightsData data = load(reader, policy);
    if (error && !reader.lastError().isEmpty())
        *error = reader.lastError();
    return data;
}

// --- scope ------------------------------------------------------------------------------------

InsightsScope::InsightsScope(const InsightsData &data, const InsightsRequest &request)
    : m_data(&data)
{
    const QDateTime now = request.now.isValid() ? request.now : QDateTime::currentDateTimeUtc();
    m_nowMs = toMs(now);
    m_today = utcDate(m_nowMs);
    if (const int days = insightsRangeDays(request.range); days > 0) {
        // "The last 30 days": today and the 29 whole UTC days before it.
        m_fromDate = m_today.addDays(1 - days);
        m_fromMs = startMs(m_fromDate);
    }

    const QList<Issue> &items = data.items;
    m_selected.reserve(items.size());
    const bool filtering = request.filter.hasConditions();
    for (qsizetype i = 0; i < items.size(); ++i)
        if (!filtering || request.filter.matches(items[i]))
            m_selected.append(i);

    // Each item's events, in time order, as one flat list with offsets per item. Item numbers
    // are dense on GitHub: a plain table finds the item unless they are very sparse.
    int maxNumber = 0;
    for (const Issue &item : items)
        maxNumber = std::max(maxNumber, item.number);
    const bool dense = qsizetype(maxNumber) <= items.size() * 4 + 1024;
    std::vector<qsizetype> byNumber;
    QHash<int, qsizetype> indexByNumber;
    if (dense) {
        byNumber.assign(size_t(maxNumber) + 1, -1);
        for (qsizetype i = 0; i < items.size(); ++i)
            if (items[i].number >= 0)
                byNumber[size_t(items[i].number)] = i;
    } else {
        indexByNumber.reserve(items.size());
        for (qsizetype i = 0; i < items.size(); ++i)
            indexByNumber.insert(items[i].number, i);
    }
    const auto indexOf = [&](int number) -> qsizetype {
        if (dense)
            return number >= 0 && number <= maxNumber ? byNumber[size_t(number)] : -1;
        return indexByNumber.value(number, -1);
    };

    const QList<IssueEvent> &events = data.events;
    m_eventKinds.resize(size_t(events.size()), EventKind::Other);
    m_eventMs.resize(size_t(events.size()), 0);
    std::vector<qsizetype> owner(size_t(events.size()), -1);
    m_eventOffsets.fill(0, items.size() + 1);
    for (qsizetype e = 0; e < events.size(); ++e) {
        const IssueEvent &event = events[e];
        const QString &kind = event.event;
        m_eventKinds[size_t(e)] = kind == QLatin1String("labeled")     ? EventKind::Labeled
                                  : kind == QLatin1String("unlabeled") ? EventKind::Unlabeled
                                  : kind == QLatin1String("closed")    ? EventKind::Closed
                                  : kind == QLatin1String("reopened")  ? EventKind::Reopened
                                                                       : EventKind::Other;
        m_eventMs[size_t(e)] = toMs(event.createdAt);
        const qsizetype found = indexOf(event.issueNumber);
        if (found < 0 || m_eventKinds[size_t(e)] == EventKind::Other)
            continue;
        owner[size_t(e)] = found;
        ++m_eventOffsets[found + 1];
    }
    for (qsizetype i = 0; i < items.size(); ++i)
        m_eventOffsets[i + 1] += m_eventOffsets[i];
    m_eventOrder.resize(m_eventOffsets.last());
    QList<qsizetype> fill = m_eventOffsets;
    for (qsizetype e = 0; e < events.size(); ++e)
        if (owner[size_t(e)] >= 0)
            m_eventOrder[fill[owner[size_t(e)]]++] = e;
    // The store hands events oldest first; hand-made lists may not be.
    const auto earlier = [this, &events](qsizetype a, qsizetype b) {
        const qint64 ta = m_eventMs[size_t(a)];
        const qint64 tb = m_eventMs[size_t(b)];
        return ta != tb ? ta < tb : events[a].id < events[b].id;
    };
    for (qsizetype i = 0; i < items.size(); ++i) {
        const auto begin = m_eventOrder.begin() + m_eventOffsets[i];
        const auto end = m_eventOrder.begin() + m_eventOffsets[i + 1];
        if (end - begin > 1 && !std::is_sorted(begin, end, earlier))
            std::stable_sort(begin, end, earlier);
    }
}

std::span<const qsizetype> InsightsScope::eventsOf(qsizetype itemIndex) const
{
    return {m_eventOrder.constData() + m_eventOffsets[itemIndex],
            size_t(m_eventOffsets[itemIndex + 1] - m_eventOffsets[itemIndex])};
}

// --- 1. triage backlog ------------------------------------------------------------------------

TriageBacklog triageBacklog(const InsightsScope &scope)
{
    const InsightsData &data = scope.data();
    TriageBacklog result;
    result.column =
        data.triageColumn.title.isEmpty() ? data.triageColumn.id : data.triageColumn.title;
    result.period = scope.fromDate().isValid() && scope.fromDate().daysTo(scope.today()) < 120
                        ? InsightsPeriod::Day
                        : InsightsPeriod::Week;

    // The labels that decide membership of the first column, as bits.
    QHash<QString, int> bitOf;
    quint64 labelsMask = 0;
    quint64 exceptMask = 0;
    const auto addBit = [&bitOf](const QString &name) -> quint64 {
        const QString folded = name.toCaseFolded();
        auto found = bitOf.constFind(folded);
        if (found != bitOf.cend())
            return quint64(1) << *found;
        if (bitOf.size() >= 64)
            return 0;
        const int bit = int(bitOf.size());
        bitOf.insert(folded, bit);
        return quint64(1) << bit;
    };
    for (const QString &label : data.triageColumn.labels)
        labelsMask |= addBit(label);
    for (const QString &label : data.triageColumn.except)
        exceptMask |= addBit(label);
    // A label name's bit (0: irrelevant). The column names only a few labels, so comparing
    // against each beats hashing every name; case folding keeps the length, so a length check
    // rules out most names without looking at their text.
    struct Relevant
    {
        QString name;
        quint64 bit;
    };
    std::vector<Relevant> relevant;
    for (auto it = bitOf.cbegin(); it != bitOf.cend(); ++it)
        relevant.push_back({it.key(), quint64(1) << it.value()});
    const auto bitFor = [&relevant](const QString &name) -> quint64 {
        for (const Relevant &candidate : relevant)
            if (candidate.name.size() == name.size() &&
                name.compare(candidate.name, Qt::CaseInsensitive) == 0)
                return candidate.bit;
        return 0;
    };
    const auto isMember = [&](quint64 bits) {
        return (bits & labelsMask) != 0 && (bits & exceptMask) == 0;
    };

    // State changes (time, d open, d triage) of the selected issues.
    struct Change
    {
        qint64 ms;
        int open;
        int triage;
    };
    std::vector<Change> changes;
    changes.reserve(size_t(scope.selected().size()) * 2);
    std::optional<qint64> firstMs;
    const QList<IssueEvent> &events = data.events;
    for (qsizetype index : scope.selected()) {
        const Issue &item = data.items[index];
        if (item.isPullRequest || !item.createdAt.isValid())
            continue;
        const qint64 createdMs = toMs(item.createdAt);
        if (createdMs > scope.nowMs())
            continue;
        firstMs = firstMs ? std::min(*firstMs, createdMs) : createdMs;
        const std::span<const qsizetype> own = scope.eventsOf(index);

        // The labels at creation: today's, with the label events undone from the newest.
        quint64 bits = 0;
        for (const Label &label : item.labels)
            bits |= bitFor(label.name);
        for (auto it = own.rbegin(); it != own.rend(); ++it) {
            const InsightsScope::EventKind kind = scope.eventKind(*it);
            if (kind == InsightsScope::EventKind::Labeled)
                bits &= ~bitFor(events[*it].labelName);
            else if (kind == InsightsScope::EventKind::Unlabeled)
                bits |= bitFor(events[*it].labelName);
        }

        bool open = true;
        bool triage = isMember(bits);
        changes.push_back({createdMs, 1, triage ? 1 : 0});
        qint64 lastMs = createdMs;
        const auto apply = [&](qint64 ms) {
            const bool nowTriage = open && isMember(bits);
            if (nowTriage != triage) {
                changes.push_back({ms, 0, nowTriage ? 1 : -1});
                triage = nowTriage;
            }
        };
        for (qsizetype e : own) {
            const qint64 ms = std::max(createdMs, scope.eventMs(e));
            lastMs = std::max(lastMs, ms);
            const InsightsScope::EventKind kind = scope.eventKind(e);
            if (kind == InsightsScope::EventKind::Labeled) {
                bits |= bitFor(events[e].labelName);
            } else if (kind == InsightsScope::EventKind::Unlabeled) {
                bits &= ~bitFor(events[e].labelName);
            } else if (kind == InsightsScope::EventKind::Closed) {
                if (open)
                    changes.push_back({ms, -1, 0});
                open = false;
            } else if (kind == InsightsScope::EventKind::Reopened) {
                if (!open)
                    changes.push_back({ms, 1, 0});
                open = true;
            }
            apply(ms);
        }
        // A closing the events do not show (events not synced yet): the item's closing time.
        if (open && !item.isOpen() && item.closedAt.isValid()) {
            open = false;
            changes.push_back({std::max(lastMs, toMs(item.closedAt)), -1, 0});
            apply(std::max(lastMs, toMs(item.closedAt)));
        }
    }

    const QDate first = seriesStart(scope, firstMs);
    if (!first.isValid())
        return result;
    const PeriodIndex periods(result.period, first);
    const QList<QDate> starts = periods.starts(scope.nowMs());
    std::vector<int> openDelta(size_t(starts.size()), 0);
    std::vector<int> triageDelta(size_t(starts.size()), 0);
    int openBase = 0;
    int triageBase = 0;
    for (const Change &change : changes) {
        if (change.ms > scope.nowMs())
            continue;
        const qsizetype i = periods.indexOf(change.ms);
        if (i < 0) {
            openBase += change.open;
            triageBase += change.triage;
        } else if (i < starts.size()) {
            openDelta[size_t(i)] += change.open;
            triageDelta[size_t(i)] += change.triage;
        }
    }
    int open = openBase;
    int triage = triageBase;
    result.points.reserve(starts.size());
    for (qsizetype i = 0; i < starts.size(); ++i) {
        open += openDelta[size_t(i)];
        triage += triageDelta[size_t(i)];
        result.points.append({starts[i], triage, open});
    }
    return result;
}

// --- 2. time to first response ----------------------------------------------------------------

QList<qint64> ResponseTimes::bucketLimits()
{
    constexpr qint64 hour = 3600;
    constexpr qint64 day = 24 * hour;
    return {hour, 4 * hour, day, 3 * day, 7 * day, 28 * day};
}

QStringList ResponseTimes::bucketLabels()
{
    // No "<" or ">": chart axes read labels as rich text.
    return {QStringLiteral("0–1h"), QStringLiteral("1–4h"),   QStringLiteral("4–24h"),
            QStringLiteral("1–3d"), QStringLiteral("3–7d"),   QStringLiteral("1–4wk"),
            QStringLiteral("4wk+"), QStringLiteral("waiting")};
}

ResponseTimes responseTimes(const InsightsScope &scope)
{
    const InsightsData &data = scope.data();
    const QList<qint64> limits = ResponseTimes::bucketLimits();
    const qsizetype bucketCount = ResponseTimes::bucketLabels().size();
    ResponseTimes result;
    result.issues.counts.fill(0, bucketCount);
    result.pullRequests.counts.fill(0, bucketCount);

    struct Sample
    {
        qint64 createdMs;
        qint64 seconds;
    };
    std::vector<Sample> issueSamples;
    std::vector<Sample> pullSamples;
    std::optional<qint64> firstIssueMs;
    std::optional<qint64> firstPullMs;
    for (qsizetype index : scope.selected()) {
        const Issue &item = data.items[index];
        if (!item.createdAt.isValid() || data.maintainerAuthored.contains(item.number))
            continue;
        const qint64 createdMs = toMs(item.createdAt);
        if (createdMs > scope.nowMs())
            continue;
        // Monthly medians cover whole months; the histogram only the range.
        const bool inRange = scope.contains(createdMs);
        ResponseTimes::Histogram &histogram =
            item.isPullRequest ? result.pullRequests : result.issues;
        std::optional<qint64> &firstMs = item.isPullRequest ? firstPullMs : firstIssueMs;
        const auto response = data.firstResponses.constFind(item.number);
        const bool answered =
            response != data.firstResponses.cend() && toMs(*response) <= scope.nowMs();
        if (!answered) {
            if (item.isOpen() && inRange) {
                ++histogram.waiting;
                ++histogram.counts[bucketCount - 1];
                firstMs = firstMs ? std::min(*firstMs, createdMs) : createdMs;
            }
            continue;
        }
        const qint64 seconds = std::max<qint64>(0, (toMs(*response) - createdMs) / 1000);
        (item.isPullRequest ? pullSamples : issueSamples).push_back({createdMs, seconds});
        if (!inRange)
            continue;
        firstMs = firstMs ? std::min(*firstMs, createdMs) : createdMs;
        qsizetype bucket = 0;
        while (bucket < limits.size() && seconds >= limits[bucket])
            ++bucket;
        ++histogram.counts[bucket];
        ++histogram.responded;
    }

    const auto months = [&scope](std::vector<Sample> &samples, std::optional<qint64> firstMs) {
        QList<ResponseTimes::Month> result;
        const QDate first = seriesStart(scope, firstMs);
        if (!first.isValid())
            return result;
        const PeriodIndex periods(InsightsPeriod::Month, first);
        const QList<QDate> starts = periods.starts(scope.nowMs());
        std::vector<std::vector<qint64>> perMonth(size_t(starts.size()));
        for (const Sample &sample : samples) {
            const qsizetype i = periods.indexOf(sample.createdMs);
            if (i >= 0 && i < starts.size())
                perMonth[size_t(i)].push_back(sample.seconds);
        }
        for (qsizetype i = 0; i < starts.size(); ++i) {
            ResponseTimes::Month month;
            month.month = starts[i];
            month.responded = int(perMonth[size_t(i)].size());
            if (!perMonth[size_t(i)].empty())
                month.medianHours = median(perMonth[size_t(i)]) / 3600.0;
            result.append(month);
        }
        return result;
    };
    result.issueMonths = months(issueSamples, firstIssueMs);
    result.pullRequestMonths = months(pullSamples, firstPullMs);
    return result;
}

// --- 3. pull request sizes --------------------------------------------------------------------

PullRequestSizes pullRequestSizes(const InsightsScope &scope)
{
    const InsightsData &data = scope.data();
    PullRequestSizes result;
    for (const SizeThreshold &size : data.sizes)
        result.classes.append(size.label);

    struct Merge
    {
        qint64 ms;
        int sizeClass; // -1: unknown
    };
    std::vector<Merge> merges;
    std::optional<qint64> firstMs;
    for (qsizetype index : scope.selected()) {
        const Issue &item = data.items[index];
        if (!item.isPullRequest || !item.mergedAt.isValid())
            continue;
        const qint64 ms = toMs(item.mergedAt);
        if (ms > scope.nowMs())
            continue;
        int sizeClass = -1;
        const auto lines = data.changedLines.constFind(item.number);
        if (lines != data.changedLines.cend()) {
            for (qsizetype i = 0; i < data.sizes.size(); ++i) {
                if (data.sizes[i].contains(*lines)) {
                    sizeClass = int(i);
                    break;
                }
            }
        }
        merges.push_back({ms, sizeClass});
        if (scope.contains(ms))
            firstMs = firstMs ? std::min(*firstMs, ms) : ms;
    }
    const QDate first = seriesStart(scope, firstMs);
    if (!first.isValid())
        return result;
    if (first.daysTo(scope.today()) > 2 * 366)
        result.period = InsightsPeriod::Quarter;
    const PeriodIndex periods(result.period, first);
    const QList<QDate> starts = periods.starts(scope.nowMs());
    result.periods.reserve(starts.size());
    for (const QDate &start : starts) {
        PullRequestSizes::Period period;
        period.start = start;
        period.counts.fill(0, result.classes.size());
        result.periods.append(period);
    }
    for (const Merge &merge : merges) {
        const qsizetype i = periods.indexOf(merge.ms);
        if (i < 0 || i >= result.periods.size())
            continue;
        if (merge.sizeClass >= 0)
            ++result.periods[i].counts[merge.sizeClass];
        else
            ++result.periods[i].unknown;
    }
    return result;
}

// --- 4. release durations ---------------------------------------------------------------------

ReleaseDurations releaseDurations(const InsightsScope &scope)
{
    const InsightsData &data = scope.data();
    ReleaseDurations result;
    result.workflow = data.releaseWorkflow;
    std::vector<qint64> successful;
    for (const WorkflowRun &run : data.releaseRuns) {
        if (!run.isCompleted() || !run.updatedAt.isValid())
            continue;
        // run_started_at resets on a re-run: a re-run release took from the first attempt's
        // start (the run's creation) until it finished.
        const QDateTime started = run.runAttempt > 1 && run.createdAt.isValid() ? run.createdAt
                                  : run.runStartedAt.isValid()                  ? run.runStartedAt
                                                                                : run.createdAt;
        if (!started.isValid())
            continue;
        const qint64 startedMs = toMs(started);
        if (!scope.contains(startedMs))
            continue;
        ReleaseDurations::Run point;
        point.runId = run.id;
        point.runNumber = run.runNumber;
        point.attempt = run.runAttempt;
        point.startedAt = started.toUTC();
        point.seconds = std::max<qint64>(0, (toMs(run.updatedAt) - startedMs) / 1000);
        point.conclusion = run.conclusion;
        point.failed = isFailing(run.conclusion);
        if (run.conclusion == RunConclusion::Success)
            successful.push_back(point.seconds);
        result.runs.append(point);
    }
    std::stable_sort(result.runs.begin(), result.runs.end(),
                     [](const ReleaseDurations::Run &a, const ReleaseDurations::Run &b) {
                         return a.startedAt != b.startedAt ? a.startedAt < b.startedAt
                                                           : a.runId < b.runId;
                     });
    if (!successful.empty())
        result.medianSeconds = median(successful);
    return result;
}

// --- 5. throughput ----------------------------------------------------------------------------

Throughput throughput(const InsightsScope &scope)
{
    const InsightsData &data = scope.data();
    Throughput result;
    enum Kind
    {
        Opened,
        Closed,
        Merged
    };
    struct Count
    {
        qint64 ms;
        Kind kind;
    };
    std::vector<Count> counts;
    counts.reserve(size_t(scope.selected().size()) * 2);
    std::optional<qint64> firstMs;
    for (qsizetype index : scope.selected()) {
        const Issue &item = data.items[index];
        if (item.createdAt.isValid()) {
            const qint64 created = toMs(item.createdAt);
            if (created <= scope.nowMs())
                firstMs = firstMs ? std::min(*firstMs, created) : created;
            if (!item.isPullRequest && created <= scope.nowMs())
                counts.push_back({created, Opened});
        }
        if (item.isPullRequest) {
            if (item.mergedAt.isValid() && toMs(item.mergedAt) <= scope.nowMs())
                counts.push_back({toMs(item.mergedAt), Merged});
        } else if (!item.isOpen() && item.closedAt.isValid() &&
                   toMs(item.closedAt) <= scope.nowMs()) {
            counts.push_back({toMs(item.closedAt), Closed});
        }
    }
    const QDate first = seriesStart(scope, firstMs);
    if (!first.isValid())
        return result;
    const PeriodIndex periods(InsightsPeriod::Week, first);
    const QList<QDate> starts = periods.starts(scope.nowMs());
    result.weeks.reserve(starts.size());
    for (const QDate &start : starts)
        result.weeks.append({start, 0, 0, 0});
    for (const Count &count : counts) {
        const qsizetype i = periods.indexOf(count.ms);
        if (i < 0 || i >= result.weeks.size())
            continue;
        Throughput::Week &week = result.weeks[i];
        switch (count.kind) {
        case Opened:
            ++week.opened;
            break;
        case Closed:
            ++week.closed;
            break;
        case Merged:
            ++week.merged;
            break;
        }
    }
    return result;
}

InsightsResult computeInsights(const InsightsData &data, const InsightsRequest &request)
{
    const InsightsScope scope(data, request);
    InsightsResult result;
    result.range = request.range;
    result.now = QDateTime::fromMSecsSinceEpoch(scope.nowMs(), Qt::UTC);
    result.selectedItems = int(scope.selected().size());
    result.backlog = triageBacklog(scope);
    result.responses = responseTimes(scope);
    result.sizes = pullRequestSizes(scope);
    result.releases = releaseDurations(scope);
    result.throughput = throughput(scope);
    return result;
}

// --- CSV --------------------------------------------------------------------------------------

QString toCsv(const TriageBacklog &backlog)
{
    QString csv = csvRow({QStringLiteral("period_start"), QStringLiteral("triage_open_issues"),
                          QStringLiteral("open_issues")});
    for (const TriageBacklog::Point &point : backlog.points)
        csv += csvRow(
            {isoDate(point.period), QString::number(point.triage), QString::number(point.open)});
    return csv;
}

QString responseHistogramCsv(const ResponseTimes &responses)
{
    QString csv = csvRow({QStringLiteral("first_response"), QStringLiteral("issues"),
                          QStringLiteral("pull_requests")});
    const QStringList labels = ResponseTimes::bucketLabels();
    for (qsizetype i = 0; i < labels.size(); ++i)
        csv += csvRow({labels[i], QString::number(responses.issues.counts.value(i)),
                       QString::number(responses.pullRequests.counts.value(i))});
    return csv;
}

QString responseMediansCsv(const ResponseTimes &responses)
{
    QString csv = csvRow({QStringLiteral("month"), QStringLiteral("kind"),
                          QStringLiteral("median_hours"), QStringLiteral("answered")});
    const auto rows = [&csv](const QList<ResponseTimes::Month> &months, const QString &kind) {
        for (const ResponseTimes::Month &month : months)
            csv += csvRow({month.month.toString(QStringLiteral("yyyy-MM")), kind,
                           month.medianHours ? number(*month.medianHours) : QString(),
                           QString::number(month.responded)});
    };
    rows(responses.issueMonths, QStringLiteral("issue"));
    rows(responses.pullRequestMonths, QStringLiteral("pull_request"));
    return csv;
}

QString toCsv(const PullRequestSizes &sizes)
{
    QStringList header{QStringLiteral("period_start")};
    header += sizes.classes;
    header.append(QStringLiteral("unknown"));
    QString csv = csvRow(header);
    for (const PullRequestSizes::Period &period : sizes.periods) {
        QStringList row{isoDate(period.start)};
        for (int count : period.counts)
            row.append(QString::number(count));
        row.append(QString::number(period.unknown));
        csv += csvRow(row);
    }
    return csv;
}

QString toCsv(const ReleaseDurations &releases)
{
    QString csv = csvRow({QStringLiteral("run_id"), QStringLiteral("run_number"),
                          QStringLiteral("started_at"), QStringLiteral("duration_minutes"),
                          QStringLiteral("conclusion"), QStringLiteral("failed")});
    for (const ReleaseDurations::Run &run : releases.runs)
        csv += csvRow({QString::number(run.runId), QString::number(run.runNumber),
                       run.startedAt.toUTC().toString(Qt::ISODate), number(run.seconds / 60.0),
                       toString(run.conclusion),
                       run.failed ? QStringLiteral("yes") : QStringLiteral("no")});
    return csv;
}

QString toCsv(const Throughput &throughput)
{
    QString csv = csvRow({QStringLiteral("week_start"), QStringLiteral("issues_opened"),
                          QStringLiteral("issues_closed"), QStringLiteral("prs_merged")});
    for (const Throughput::Week &week : throughput.weeks)
        csv += csvRow({isoDate(week.week), QString::number(week.opened),
                       QString::number(week.closed), QString::number(week.merged)});
    return csv;
}

} // namespace Mainstay
