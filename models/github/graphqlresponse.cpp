#include "graphqlresponse.h"

#include "isodatetime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Mainstay {

namespace {

// Reads errors[]; false when it is not a list of objects.
bool readErrors(const QJsonValue &value, QList<GraphQLError> *errors)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isObject())
            return false;
        const QJsonObject object = entry.toObject();
        GraphQLError error;
        error.message = object.value("message"_L1).toString();
        if (error.message.isEmpty()) // keep something a person can read
            error.message = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        error.type = object.value("type"_L1).toString();
        for (const QJsonValue &step : object.value("path"_L1).toArray())
            error.path.append(step.isDouble() ? QString::number(step.toInteger())
                                              : step.toString());
        errors->append(std::move(error));
    }
    return true;
}

// Reads data.rateLimit; false when it is there but not what the schema says.
bool readRateLimit(const QJsonValue &value, RateLimit *limit, int *cost)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    const auto integer = [&](QLatin1StringView key, int *out) {
        const QJsonValue field = object.value(key);
        if (field.isUndefined())
            return true; // not selected
        if (!field.isDouble())
            return false;
        *out = field.toInt();
        return true;
    };
    RateLimit read;
    read.resource = u"graphql"_s;
    int readCost = -1;
    if (!integer("limit"_L1, &read.limit) || !integer("remaining"_L1, &read.remaining) ||
        !integer("used"_L1, &read.used) || !integer("cost"_L1, &readCost))
        return false;
    const QJsonValue resetAt = object.value("resetAt"_L1);
    if (!resetAt.isUndefined()) {
        read.reset = parseIsoDateTime(resetAt.toString());
        if (!read.reset.isValid())
            return false;
    }
    if (read.used < 0 && read.isKnown())
        read.used = read.limit - read.remaining;
    *limit = read;
    *cost = readCost;
    return true;
}

} // namespace

GraphQLResponse GraphQLResponse::fromHttp(ApiResponse http, const QDateTime &now)
{
    GraphQLResponse out;
    out.http = std::move(http);
    out.error = out.http.error;
    out.rateLimit = out.http.rateLimit;
    if (out.rateLimit.isKnown())
        out.rateLimit.resource = u"graphql"_s;
    if (out.error.isError())
        return out; // ApiError already read GitHub's message and errors[] from the body

    const QString context = out.error.context;
    const auto malformed = [&](const QString &what) {
        out.data = {};
        out.errors.clear();
        out.error = ApiError::malformed(what);
        out.error.httpStatus = out.http.status;
        out.error.context = context;
        return out;
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(out.http.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(
            u"the GraphQL answer is not JSON: %1 at offset %2"_s.arg(parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return malformed(u"the GraphQL answer is not a JSON object"_s);
    const QJsonObject body = document.object();

    const QJsonValue data = body.value("data"_L1);
    if (data.isObject())
        out.data = data.toObject();
    else if (!data.isUndefined() && !data.isNull())
        return malformed(u"the GraphQL answer's data is not an object"_s);
    if (!readErrors(body.value("errors"_L1), &out.errors))
        return malformed(u"the GraphQL answer's errors is not a list of objects"_s);
    if (data.isUndefined() && !body.contains("errors"_L1))
        return malformed(u"the GraphQL answer has neither data nor errors"_s);
    RateLimit bodyLimit;
    if (!readRateLimit(out.data.value("rateLimit"_L1), &bodyLimit, &out.cost))
        return malformed(u"the GraphQL answer's rateLimit is not what the schema says"_s);
    if (bodyLimit.isKnown() || bodyLimit.reset.isValid()) {
        // The body's reading belongs to this very query; headers fill what it did not select.
        if (bodyLimit.limit < 0)
            bodyLimit.limit = out.rateLimit.limit;
        if (bodyLimit.remaining < 0)
            bodyLimit.remaining = out.rateLimit.remaining;
        if (bodyLimit.used < 0)
            bodyLimit.used = out.rateLimit.used;
        if (!bodyLimit.reset.isValid())
            bodyLimit.reset = out.rateLimit.reset;
        out.rateLimit = bodyLimit;
    }

    if (out.errors.isEmpty())
        return out;

    ApiError error;
    error.httpStatus = out.http.status;
    error.context = context;
    error.kind = ApiError::Kind::GraphQL;
    for (const GraphQLError &entry : std::as_const(out.errors)) {
        error.details.append(entry.message);
        if (entry.type == "RATE_LIMITED"_L1 && error.kind != ApiError::Kind::RateLimited) {
            error.kind = ApiError::Kind::RateLimited;
            error.serverMessage = entry.message;
        }
    }
    if (error.kind == ApiError::Kind::RateLimited) {
        bool ok = false;
        if (out.rateLimit.reset.isValid())
            error.retryAt = out.rateLimit.reset;
        else if (const qint64 seconds = out.http.header("retry-after").toLongLong(&ok); ok)
            error.retryAt = now.addSecs(seconds);
    }
    out.error = std::move(error);
    return out;
}

} // namespace Mainstay
