// Damaged versions of GitHub's own examples: every truncation and a few hundred deterministic
// mutations. The parsers must never crash, and a failure must say where the problem is.
// MAINSTAY_FUZZ_VERBOSE=1 prints every mutation that failed and the error it gave.

#include "openapiexamples.h"
#include "operationparsers.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <iostream>
#include <optional>

using Example = Mainstay::Test::OpenApiExamples::Example;
using Mainstay::Test::ParseOutcome;
using namespace Qt::StringLiterals;

namespace {

// The operations whose response examples are damaged here (the ones the client parses).
const char *const fuzzedOperations[] = {
    "issues/list-for-repo",
    "issues/get",
    "pulls/list",
    "pulls/get",
    "issues/list-labels-for-repo",
    "issues/list-milestones",
    "issues/list-comments-for-repo",
    "repos/list-releases",
    "repos/create-release",
    "repos/update-release",
    "repos/get-latest-release",
    "actions/list-repo-workflows",
    "actions/list-workflow-runs",
    "actions/list-workflow-runs-for-repo",
    "actions/get-workflow-run",
    "actions/list-jobs-for-workflow-run",
    "actions/list-jobs-for-workflow-run-attempt",
    "rate-limit/get",
};

// A fixed-seed generator whose sequence does not depend on the standard library's
// distributions, so a failure reproduces everywhere (xorshift64*).
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed ? seed : 1)
    {}
    quint64 next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545F4914F6CDD1DULL;
    }
    qsizetype below(qsizetype bound) { return qsizetype(next() % quint64(bound)); }

private:
    quint64 m_state;
};

struct Step
{
    QString key;          // for an object member
    qsizetype index = -1; // for an array element
};
using Location = QList<Step>;

// The location in the parsers' path notation: "[0].labels[2].name".
QString pathText(const Location &location)
{
    QString text;
    for (const Step &step : location) {
        if (step.index >= 0) {
            text += u'[' + QString::number(step.index) + u']';
        } else {
            if (!text.isEmpty())
                text += u'.';
            text += step.key;
        }
    }
    return text;
}

void collectLocations(const QJsonValue &value, Location &current, QList<Location> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            current.append({it.key(), -1});
            out.append(current);
            collectLocations(it.value(), current, out);
            current.removeLast();
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            current.append({QString(), i});
            out.append(current);
            collectLocations(array.at(i), current, out);
            current.removeLast();
        }
    }
}

QJsonValue valueAt(QJsonValue value, const Location &location)
{
    for (const Step &step : location)
        value = step.index >= 0 ? value.toArray().at(step.index) : value.toObject().value(step.key);
    return value;
}

// A copy of `value` with the value at `location` replaced, or removed when `replacement` is
// empty (object members only).
QJsonValue mutated(const QJsonValue &value, const Location &location, qsizetype depth,
                   const std::optional<QJsonValue> &replacement)
{
    const Step &step = location[depth];
    const bool last = depth == location.size() - 1;
    if (step.index >= 0) {
        QJsonArray array = value.toArray();
        array[step.index] =
            last ? *replacement : mutated(array.at(step.index), location, depth + 1, replacement);
        return array;
    }
    QJsonObject object = value.toObject();
    if (last && !replacement)
        object.remove(step.key);
    else
        object[step.key] =
            last ? *replacement : mutated(object.value(step.key), location, depth + 1, replacement);
    return object;
}

QByteArray toJson(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson()
                           : QJsonDocument(value.toObject()).toJson();
}

bool looksLikeTimestamp(const QJsonValue &value)
{
    static const QRegularExpression pattern(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"_s);
    return value.isString() && pattern.match(value.toString()).hasMatch();
}

// "<path>: <problem>" where the path is the damaged location or lies inside it.
::testing::AssertionResult namesLocation(const QString &error, const QString &location)
{
    const qsizetype colon = error.indexOf(": "_L1);
    if (colon <= 0 || colon + 2 >= error.size())
        return ::testing::AssertionFailure()
               << "not \"<path>: <problem>\": " << error.toStdString();
    const QString path = error.left(colon);
    if (path == location || path.startsWith(location + u'.') || path.startsWith(location + u'['))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "error names " << path.toStdString() << " but " << location.toStdString()
           << " was damaged: " << error.toStdString();
}

// "malformed JSON at line L, column C: <problem>" with L and C inside the text.
::testing::AssertionResult namesLineAndColumn(const QString &error, const QByteArray &text)
{
    static const QRegularExpression pattern(
        u"^malformed JSON at line (\\d+), column (\\d+): \\S"_s);
    const QRegularExpressionMatch match = pattern.match(error);
    if (!match.hasMatch())
        return ::testing::AssertionFailure() << "no line and column: " << error.toStdString();
    const int line = match.captured(1).toInt();
    const int column = match.captured(2).toInt();
    const QList<QByteArray> lines = text.split('\n');
    if (line < 1 || line > lines.size() || column < 1 || column > lines[line - 1].size() + 1)
        return ::testing::AssertionFailure()
               << "line " << line << ", column " << column << " is outside the " << lines.size()
               << "-line text: " << error.toStdString();
    return ::testing::AssertionSuccess();
}

class DamagedExample : public ::testing::TestWithParam<const char *>
{
protected:
    QList<Example> examples() const
    {
        const auto &all = Mainstay::Test::OpenApiExamples::instance();
        EXPECT_TRUE(all.loadError().isEmpty()) << all.loadError().toStdString();
        return all.responseExamples(QString::fromLatin1(GetParam()));
    }
    ParseOutcome parse(const QByteArray &json) const
    {
        return Mainstay::Test::parseForOperation(QString::fromLatin1(GetParam()), json);
    }
};

TEST_P(DamagedExample, EveryTruncationFailsWithALineAndColumn)
{
    const QList<Example> found = examples();
    ASSERT_FALSE(found.isEmpty());
    for (const Example &example : found) {
        const QByteArray &json = example.json;
        ASSERT_TRUE(parse(json).ok) << parse(json).error.toStdString();
        // Small documents at every byte; big ones at their start and ~300 evenly spaced cuts.
        QList<qsizetype> cuts;
        if (json.size() <= 6000) {
            for (qsizetype cut = 0; cut < json.size(); ++cut)
                cuts.append(cut);
        } else {
            for (qsizetype cut = 0; cut < 64; ++cut)
                cuts.append(cut);
            for (int i = 0; i < 300; ++i)
                cuts.append(64 + (json.size() - 64) * i / 300);
        }
        int failures = 0;
        for (const qsizetype cut : cuts) {
            const QByteArray head = json.left(cut);
            const ParseOutcome outcome = parse(head);
            if (outcome.ok) {
                // Only losing trailing whitespace leaves a complete document.
                EXPECT_EQ(head.trimmed(), json.trimmed()) << "cut at " << cut;
                continue;
            }
            ++failures;
            EXPECT_TRUE(namesLineAndColumn(outcome.error, head))
                << example.name.toStdString() << ", cut at " << cut;
        }
        EXPECT_GE(failures, cuts.size() - 1);
        RecordProperty(example.name.toStdString() + "_cuts", int(cuts.size()));
    }
}

TEST_P(DamagedExample, MutationsFailAtTheDamagedFieldOrParse)
{
    const QList<Example> found = examples();
    ASSERT_FALSE(found.isEmpty());
    Random random(0x6d61696e73746179ULL); // "mainstay"
    for (const Example &example : found) {
        QList<Location> locations;
        Location current;
        collectLocations(example.value, current, locations);
        QList<Location> timestamps;
        for (const Location &location : locations)
            if (looksLikeTimestamp(valueAt(example.value, location)))
                timestamps.append(location);
        ASSERT_FALSE(locations.isEmpty());

        int failures = 0;
        int successes = 0;
        for (int round = 0; round < 300; ++round) {
            Location location = locations[random.below(locations.size())];
            std::optional<QJsonValue> replacement;
            QString kind;
            switch (random.below(8)) {
            case 0:
                replacement = QJsonValue(QJsonValue::Null);
                kind = u"null"_s;
                break;
            case 1:
                replacement = QJsonValue(42);
                kind = u"number"_s;
                break;
            case 2:
                replacement = QJsonValue(1.5);
                kind = u"fraction"_s;
                break;
            case 3:
                replacement = QJsonValue(u"garbage"_s);
                kind = u"string"_s;
                break;
            case 4:
                replacement = QJsonValue(QJsonArray{1, u"two"_s});
                kind = u"array"_s;
                break;
            case 5:
                replacement = QJsonValue(true);
                kind = u"boolean"_s;
                break;
            case 6:
                // Deleting an array element would shift its siblings; delete members only.
                if (location.last().index >= 0)
                    replacement = QJsonValue(QJsonObject());
                kind = replacement ? u"empty object"_s : u"delete"_s;
                break;
            default:
                if (!timestamps.isEmpty())
                    location = timestamps[random.below(timestamps.size())];
                replacement = QJsonValue(u"yesterday"_s);
                kind = u"bad timestamp"_s;
                break;
            }
            const QString where = pathText(location);
            const ParseOutcome outcome =
                parse(toJson(mutated(example.value, location, 0, replacement)));
            if (outcome.ok) {
                ++successes; // an optional or unread field: fine
                continue;
            }
            ++failures;
            if (qEnvironmentVariableIsSet("MAINSTAY_FUZZ_VERBOSE"))
                std::cerr << kind.toStdString() << " at " << where.toStdString() << " -> "
                          << outcome.error.toStdString() << '\n';
            EXPECT_FALSE(outcome.error.isEmpty());
            EXPECT_TRUE(namesLocation(outcome.error, where))
                << example.name.toStdString() << ": " << kind.toStdString() << " at "
                << where.toStdString();
        }
        RecordProperty(example.name.toStdString() + "_failures", failures);
        RecordProperty(example.name.toStdString() + "_successes", successes);
        // Both outcomes occur: required fields fail, the many unread ones do not.
        EXPECT_GT(failures, 0) << example.name.toStdString();
        EXPECT_GT(successes, 0) << example.name.toStdString();
    }
}

std::string caseName(const ::testing::TestParamInfo<const char *> &info)
{
    std::string name = info.param;
    for (char &c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Operations, DamagedExample, ::testing::ValuesIn(fuzzedOperations),
                         caseName);

} // namespace
