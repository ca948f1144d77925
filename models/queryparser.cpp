#include "queryparser.h"

#include "isodatetime.h"
#include "issuequery.h"

#include <QDate>
#include <algorithm>

namespace Mainstay {

namespace {

using Kind = QueryClause::Kind;

constexpr qint64 msecsPerDay = 24 * 60 * 60 * 1000;
// QDate's Julian day of 1970-01-01.
constexpr qint64 julianDayOfEpoch = 2440588;

enum class Handler
{
    Keyword,
    Names,
    Date,
    Count,
    Sort
};

struct Keyword
{
    QLatin1StringView name;
    Kind kind;
};

constexpr Keyword isKeywords[] = {
    {QLatin1StringView("issue"), Kind::IsIssue},
    {QLatin1StringView("pr"), Kind::IsPullRequest},
    {QLatin1StringView("open"), Kind::IsOpen},
    {QLatin1StringView("closed"), Kind::IsClosed},
    {QLatin1StringView("merged"), Kind::IsMerged},
    {QLatin1StringView("unmerged"), Kind::IsUnmerged},
    {QLatin1StringView("draft"), Kind::IsDraft},
};
constexpr Keyword typeKeywords[] = {
    {QLatin1StringView("issue"), Kind::IsIssue},
    {QLatin1StringView("pr"), Kind::IsPullRequest},
};
constexpr Keyword stateKeywords[] = {
    {QLatin1StringView("open"), Kind::IsOpen},
    {QLatin1StringView("closed"), Kind::IsClosed},
};
constexpr Keyword noKeywords[] = {
    {QLatin1StringView("label"), Kind::NoLabel},
    {QLatin1StringView("assignee"), Kind::NoAssignee},
};

struct Qualifier
{
    QLatin1StringView name;
    Handler handler;
    Kind kind; // for Names, Date and Count
    const Keyword *keywords = nullptr;
    int keywordCount = 0;
};

template<int N>
constexpr Qualifier keywordQualifier(const char *name, const Keyword (&keywords)[N])
{
    return {QLatin1StringView(name), Handler::Keyword, Kind::Text, keywords, N};
}

constexpr Qualifier qualifiers[] = {
    keywordQualifier("is", isKeywords),
    keywordQualifier("type", typeKeywords),
    keywordQualifier("state", stateKeywords),
    keywordQualifier("no", noKeywords),
    {QLatin1StringView("label"), Handler::Names, Kind::Label},
    {QLatin1StringView("author"), Handler::Names, Kind::Author},
    {QLatin1StringView("assignee"), Handler::Names, Kind::Assignee},
    {QLatin1StringView("created"), Handler::Date, Kind::Created},
    {QLatin1StringView("updated"), Handler::Date, Kind::Updated},
    {QLatin1StringView("closed"), Handler::Date, Kind::Closed},
    {QLatin1StringView("merged"), Handler::Date, Kind::Merged},
    {QLatin1StringView("comments"), Handler::Count, Kind::Comments},
    {QLatin1StringView("reactions"), Handler::Count, Kind::Reactions},
    {QLatin1StringView("number"), Handler::Count, Kind::Number},
    {QLatin1StringView("sort"), Handler::Sort, Kind::Text},
};

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isNameChar(QChar c)
{
    return isAsciiLetter(c) || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
}

bool isAllDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QString quoted(QStringView text)
{
    return QLatin1Char('"') + text.toString() + QLatin1Char('"');
}

// Label names and logins written back so that they parse to the same value.
QString quotedIfNeeded(const QString &text)
{
    const bool plain = !text.isEmpty() && std::none_of(text.begin(), text.end(), [](QChar c) {
        return c.isSpace() || c == u',';
    });
    return plain ? text : quoted(text);
}

// Optimal string alignment distance: Levenshtein plus adjacent transpositions, the typo a
// person most often makes ("lable").
int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<int> previous2(m + 1), previous(m + 1), current(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int substitution = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] =
                std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], previous2[j - 2] + 1);
        }
        std::swap(previous2, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

// "did you mean "label"?" for a near miss, else an empty string.
QString suggestion(const QString &word, const QStringList &candidates)
{
    const QString lower = word.toLower();
    const int allowed = lower.size() <= 3 ? 1 : 2;
    QString best;
    int bestDistance = allowed + 1;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(lower, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral("did you mean %1?").arg(quoted(best));
}

QStringList qualifierNames()
{
    QStringList names;
    for (const Qualifier &qualifier : qualifiers)
        names.append(qualifier.name);
    return names;
}

QStringList sortNames()
{
    QStringList names;
    for (const char *field : {"created", "updated", "comments", "reactions"})
        for (const char *suffix : {"", "-asc", "-desc"})
            names.append(QLatin1String(field) + QLatin1String(suffix));
    return names;
}

// Removes the quotes of a value: `"help wanted"` and `help" "wanted` both give `help wanted`.
QString unquoted(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text)
        if (c != u'"')
            result.append(c);
    return result;
}

} // namespace

QueryParseResult QueryParser::parse()
{
    const int size = int(m_text.size());
    int i = 0;
    while (i < size && !failed()) {
        while (i < size && m_text.at(i).isSpace())
            ++i;
        if (i >= size)
            break;
        const int start = i;
        // A token runs to the next space outside quotes: label:"help wanted",bug is one token.
        while (i < size && !m_text.at(i).isSpace()) {
            if (m_text.at(i) != u'"') {
                ++i;
                continue;
            }
            const int close = int(m_text.indexOf(u'"', i + 1));
            if (close < 0) {
                fail(i, size - i, QStringLiteral("unterminated quote"));
                break;
            }
            i = close + 1;
        }
        if (!failed())
            parseToken(start, i);
    }
    if (failed())
        return *m_error;
    return IssueQuery(m_clauses, m_sort);
}

void QueryParser::parseToken(int start, int end)
{
    const bool negated = m_text.at(start) == u'-' && end - start > 1;
    const int body = negated ? start + 1 : start;
    if (isAsciiLetter(m_text.at(body))) {
        int nameEnd = body;
        while (nameEnd < end && isNameChar(m_text.at(nameEnd)))
            ++nameEnd;
        if (nameEnd < end && m_text.at(nameEnd) == u':') {
            parseQualifier(body, nameEnd, end, negated);
            return;
        }
    }
    parseText(body, end, negated);
}

void QueryParser::parseText(int start, int end, bool negated)
{
    const QStringView raw = QStringView(m_text).mid(start, end - start);
    const bool wasQuoted = raw.contains(u'"');
    const QString word = unquoted(raw);
    if (word.isEmpty())
        return; // "" asks for nothing
    QueryClause clause;
    if (!wasQuoted && word.size() >= 2 && word.size() <= 10 && word.startsWith(u'#') &&
        isAllDigits(QStringView(word).mid(1))) {
        clause.kind = Kind::Number;
        clause.low = clause.high = QStringView(word).mid(1).toLongLong();
        clause.display = word;
    } else {
        clause.kind = Kind::Text;
        clause.term = word.toCaseFolded();
        clause.termUtf8 = clause.term.toUtf8();
        const bool needsQuotes =
            wasQuoted || std::any_of(word.begin(), word.end(), [](QChar c) { return c.isSpace(); });
        clause.display = needsQuotes ? quoted(word) : word;
    }
    add(std::move(clause), negated);
}

void QueryParser::parseQualifier(int nameStart, int nameEnd, int end, bool negated)
{
    const QString name = m_text.mid(nameStart, nameEnd - nameStart).toLower();
    const int valueStart = nameEnd + 1;
    const auto qualifier = std::find_if(std::begin(qualifiers), std::end(qualifiers),
                                        [&](const Qualifier &q) { return q.name == name; });
    if (qualifier == std::end(qualifiers)) {
        QString hint = suggestion(name, qualifierNames());
        if (hint.isEmpty())
            hint = QStringLiteral("known qualifiers: %1; to search for text with a colon, put "
                                  "it in quotes")
                       .arg(qualifierNames().join(QLatin1String(", ")));
        fail(nameStart, nameEnd - nameStart,
             QStringLiteral("unknown qualifier %1")
                 .arg(quoted(QStringView(m_text).mid(nameStart, nameEnd - nameStart))),
             hint);
        return;
    }
    QueryClause clause;
    clause.kind = qualifier->kind;
    clause.negated = negated;
    switch (qualifier->handler) {
    case Handler::Keyword: {
        const QStringView raw = QStringView(m_text).mid(valueStart, end - valueStart);
        const QString value = unquoted(raw).toLower();
        QStringList choices;
        for (int k = 0; k < qualifier->keywordCount; ++k)
            choices.append(qualifier->keywords[k].name);
        if (value.isEmpty()) {
            fail(valueStart, int(raw.size()),
                 QStringLiteral("\"%1:\" needs one of %2").arg(name, choices.join(u", ")));
            return;
        }
        for (int k = 0; k < qualifier->keywordCount; ++k) {
            if (qualifier->keywords[k].name == value) {
                clause.kind = qualifier->keywords[k].kind;
                // type: and state: say nothing is: cannot, so they are written as is:.
                clause.display =
                    (name == QLatin1String("no") ? QLatin1String("no:") : QLatin1String("is:")) +
                    value;
                add(std::move(clause), negated);
                return;
            }
        }
        QString hint = suggestion(value, choices);
        if (hint.isEmpty())
            hint = QStringLiteral("expected one of %1").arg(choices.join(u", "));
        fail(valueStart, int(raw.size()),
             QStringLiteral("unknown value %1 for \"%2:\"").arg(quoted(raw), name), hint);
        return;
    }
    case Handler::Names:
        parseNames(name, valueStart, end, std::move(clause));
        return;
    case Handler::Date:
        parseRange(name, valueStart, end, std::move(clause),
                   [this, &name](QStringView value, int position) {
                       return readDate(name, value, position);
                   });
        return;
    case Handler::Count:
        parseRange(name, valueStart, end, std::move(clause),
                   [this, &name](QStringView value, int position) {
                       return readCount(name, value, position);
                   });
        return;
    case Handler::Sort:
        parseSort(nameStart, valueStart, end, negated);
        return;
    }
}

void QueryParser::parseNames(const QString &name, int valueStart, int end, QueryClause clause)
{
    const QString example = clause.kind == Kind::Label
                                ? QStringLiteral("a label name like bug or \"help wanted\"")
                                : QStringLiteral("a login like octocat");
    // Names are separated by commas outside quotes; each must be non-empty.
    int partStart = valueStart;
    bool inQuotes = false;
    for (int i = valueStart; i <= end; ++i) {
        const bool atEnd = i == end;
        if (!atEnd && m_text.at(i) == u'"') {
            inQuotes = !inQuotes;
            continue;
        }
        if (!atEnd && (inQuotes || m_text.at(i) != u','))
            continue;
        const QString value = unquoted(QStringView(m_text).mid(partStart, i - partStart));
        if (value.trimmed().isEmpty()) {
            fail(partStart, i - partStart, QStringLiteral("\"%1:\" needs %2").arg(name, example));
            return;
        }
        clause.values.append(value);
        clause.foldedValues.append(value.toCaseFolded());
        partStart = i + 1;
    }
    QStringList written;
    for (const QString &value : std::as_const(clause.values))
        written.append(quotedIfNeeded(value));
    clause.display = name + QLatin1Char(':') + written.join(QLatin1Char(','));
    const bool negated = clause.negated;
    add(std::move(clause), negated);
}

void QueryParser::parseRange(const QString &name, int valueStart, int end, QueryClause clause,
                             const ValueReader &read)
{
    const QStringView value = QStringView(m_text).mid(valueStart, end - valueStart);
    static const QLatin1StringView operators[] = {QLatin1StringView(">="), QLatin1StringView("<="),
                                                  QLatin1StringView(">"), QLatin1StringView("<"),
                                                  QLatin1StringView("=")};
    const auto op = std::find_if(std::begin(operators), std::end(operators),
                                 [&](QLatin1StringView o) { return value.startsWith(o); });
    if (op != std::end(operators)) {
        const int operandStart = valueStart + int(op->size());
        const std::optional<Span> span = read(value.mid(op->size()), operandStart);
        if (!span)
            return;
        if (*op == QLatin1String(">"))
            clause.low = span->last + 1;
        else if (*op == QLatin1String(">="))
            clause.low = span->first;
        else if (*op == QLatin1String("<"))
            clause.high = span->first - 1;
        else if (*op == QLatin1String("<="))
            clause.high = span->last;
        else
            std::tie(clause.low, clause.high) = std::pair(span->first, span->last);
    } else if (const qsizetype dots = value.indexOf(QLatin1String("..")); dots >= 0) {
        // Inclusive at both ends, like GitHub: 2026-01-01..2026-01-31 is all of January.
        const QStringView from = value.left(dots);
        const QStringView to = value.mid(dots + 2);
        if (from != QLatin1String("*")) {
            const std::optional<Span> span = read(from, valueStart);
            if (!span)
                return;
            clause.low = span->first;
        }
        if (to != QLatin1String("*")) {
            const std::optional<Span> span = read(to, valueStart + int(dots) + 2);
            if (!span)
                return;
            clause.high = span->last;
        }
        if (clause.low > clause.high) {
            fail(valueStart, int(value.size()),
                 QStringLiteral("range %1 ends before it starts").arg(value.toString()),
                 QStringLiteral("write the earlier end first"));
            return;
        }
    } else {
        const std::optional<Span> span = read(value, valueStart);
        if (!span)
            return;
        std::tie(clause.low, clause.high) = std::pair(span->first, span->last);
    }
    clause.display = name + QLatin1Char(':') + value.toString();
    const bool negated = clause.negated;
    add(std::move(clause), negated);
}

std::optional<QueryParser::Span> QueryParser::readDate(const QString &name, QStringView value,
                                                       int position)
{
    const auto formatError = [&](QString hint = {}) {
        fail(position, int(value.size()),
             QStringLiteral("\"%1:\" needs a date like 2026-01-31").arg(name), std::move(hint));
        return std::nullopt;
    };
    if (value.size() < 10 || value[4] != u'-' || value[7] != u'-' ||
        !isAllDigits(value.mid(0, 4)) || !isAllDigits(value.mid(5, 2)) ||
        !isAllDigits(value.mid(8, 2)))
        return formatError();
    const QDate date(value.mid(0, 4).toInt(), value.mid(5, 2).toInt(), value.mid(8, 2).toInt());
    if (!date.isValid()) {
        fail(position, 10, QStringLiteral("there is no day %1").arg(value.left(10).toString()));
        return std::nullopt;
    }
    const qint64 dayStart = (date.toJulianDay() - julianDayOfEpoch) * msecsPerDay;
    if (value.size() == 10)
        return Span{dayStart, dayStart + msecsPerDay - 1};

    // A timestamp: "T", then HH:MM, HH:MM:SS or HH:MM:SS.fff, then Z, ±HH:MM or nothing (UTC).
    const QString timeHint = QStringLiteral("a time looks like 2026-01-31T12:00:00Z");
    if (value[10] != u'T' && value[10] != u't')
        return formatError(timeHint);
    const QStringView rest = value.mid(11);
    qsizetype zoneStart = rest.size();
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest[i] == u'Z' || rest[i] == u'z' || rest[i] == u'+' || rest[i] == u'-') {
            zoneStart = i;
            break;
        }
    }
    QString time = rest.left(zoneStart).toString();
    if (time.size() == 5)
        time += QLatin1String(":00");
    QString zone = rest.mid(zoneStart).toString().toUpper();
    if (zone.isEmpty())
        zone = QStringLiteral("Z");
    const QDateTime dateTime =
        parseIsoDateTime(value.left(10).toString() + QLatin1Char('T') + time + zone);
    if (!dateTime.isValid())
        return formatError(timeHint);
    const qint64 instant = dateTime.toMSecsSinceEpoch();
    return Span{instant, instant};
}

std::optional<QueryParser::Span> QueryParser::readCount(const QString &name, QStringView value,
                                                        int position)
{
    // Nine digits keep every bound well inside int, which the counts are.
    if (!isAllDigits(value) || value.size() > 9) {
        fail(position, int(value.size()),
             QStringLiteral("\"%1:\" needs a number like 5, >5 or 1..10").arg(name));
        return std::nullopt;
    }
    const qint64 count = value.toLongLong();
    return Span{count, count};
}

void QueryParser::parseSort(int nameStart, int valueStart, int end, bool negated)
{
    if (negated) {
        fail(nameStart - 1, end - nameStart + 1, QStringLiteral("\"sort:\" cannot be negated"),
             QStringLiteral("remove the \"-\"; use -asc or -desc for the direction"));
        return;
    }
    if (m_sort.isSet()) {
        fail(nameStart, end - nameStart, QStringLiteral("\"sort:\" is given twice"),
             QStringLiteral("keep one"));
        return;
    }
    const QStringView raw = QStringView(m_text).mid(valueStart, end - valueStart);
    const QString choices = QStringLiteral("created, updated, comments or reactions, each with "
                                           "-asc or -desc");
    if (raw.isEmpty()) {
        fail(valueStart, 0, QStringLiteral("\"sort:\" needs an order like updated-desc"),
             QStringLiteral("sort by %1").arg(choices));
        return;
    }
    const std::optional<QuerySort> sort = QuerySort::fromString(unquoted(raw));
    if (!sort) {
        QString hint = suggestion(unquoted(raw), sortNames());
        if (hint.isEmpty())
            hint = QStringLiteral("sort by %1").arg(choices);
        fail(valueStart, int(raw.size()),
             QStringLiteral("unknown value %1 for \"sort:\"").arg(quoted(raw)), hint);
        return;
    }
    m_sort = *sort;
}

void QueryParser::fail(int position, int length, QString problem, QString hint)
{
    if (!m_error)
        m_error = QueryError{position, length, std::move(problem), std::move(hint)};
}

void QueryParser::add(QueryClause clause, bool negated)
{
    clause.negated = negated;
    if (negated)
        clause.display.prepend(QLatin1Char('-'));
    m_clauses.append(std::move(clause));
}

} // namespace Mainstay
