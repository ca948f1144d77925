#pragma once

#include "apiresponse.h"
#include "graphqlerror.h"

#include <QJsonObject>
#include <QList>

namespace Mainstay {

// A GraphQL answer read out of one HTTP exchange with /graphql.
//
// `error` sums it up for code that only wants to know whether to trust `data`:
// - the HTTP error of the exchange when there was one (401, 403/429 limits, 5xx, network...);
// - MalformedResponse when a 2xx body is not a GraphQL answer (not JSON, `data` or `errors` of
//   the wrong type, neither of them present);
// - RateLimited when errors[] holds a RATE_LIMITED error (GitHub answers an exhausted GraphQL
//   budget with 200), retryAt from `rateLimit.resetAt` in the body, else from the headers;
// - GraphQL, with every message in `details`, for any other errors[] entry.
// With a GraphQL error `data` may still hold a partial answer: an error with a `path` nulls only
// that field (a pull request number that does not exist, say). Query parsers look at `errors` to
// decide which of those they can live with.
struct GraphQLResponse
{
    ApiResponse http;
    QJsonObject data; // empty when the answer had no data or null
    QList<GraphQLError> errors;
    // From `rateLimit { cost remaining resetAt limit used }` when the query asked for it,
    // otherwise from the x-ratelimit-* headers; resource "graphql" either way.
    RateLimit rateLimit;
    int cost = -1; // points this query cost; -1 unless the query asked for rateLimit.cost
    ApiError error;

    bool isOk() const { return !error.isError(); }

    // `now` anchors a retry-after header.
    static GraphQLResponse fromHttp(ApiResponse http, const QDateTime &now);
};

} // namespace Mainstay
