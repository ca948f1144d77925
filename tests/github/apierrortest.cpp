#include "apierror.h"

#include <gtest/gtest.h>

using namespace Mainstay;

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);

ApiError map(int status, const QHash<QByteArray, QByteArray> &headers = {},
             const QByteArray &body = {})
{
    return ApiError::fromResponse(
        status, status >= 400 ? QNetworkReply::ContentAccessDenied : QNetworkReply::NoError,
        QString(), headers, body, Now);
}

struct StatusCase
{
    int status;
    ApiError::Kind kind;
    bool transient;
    const char *mustMention;
};

class ApiErrorStatus : public ::testing::TestWithParam<StatusCase>
{};

} // namespace

TEST_P(ApiErrorStatus, MapsStatusToAnActionableError)
{
    const StatusCase c = GetParam();
    const ApiError error = map(c.status, {}, R"({"message":"Server says so"})");
    EXPECT_EQ(error.kind, c.kind) << c.status;
    EXPECT_EQ(error.isTransient(), c.transient) << c.status;
    EXPECT_TRUE(error.message().contains(QLatin1String(c.mustMention), Qt::CaseInsensitive))
        << error.message().toStdString();
    EXPECT_TRUE(error.message().contains(QLatin1String("Server says so")))
        << "the server's own message is shown: " << error.message().toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    AllStatuses, ApiErrorStatus,
    ::testing::Values(StatusCase{401, ApiError::Kind::Unauthorized, false, "sign in again"},
                      StatusCase{403, ApiError::Kind::Forbidden, false, "permission"},
                      StatusCase{404, ApiError::Kind::NotFound, false, "repository name"},
                      StatusCase{410, ApiError::Kind::Gone, false, "disabled"},
                      StatusCase{422, ApiError::Kind::Validation, false, "rejected"},
                      StatusCase{500, ApiError::Kind::Server, true, "server error"},
                      StatusCase{502, ApiError::Kind::Server, true, "server error"},
                      StatusCase{503, ApiError::Kind::Server, true, "server error"},
                      StatusCase{504, ApiError::Kind::Server, true, "server error"}),
    [](const ::testing::TestParamInfo<StatusCase> &info) {
        return "Http" + std::to_string(info.param.status);
    });

TEST(ApiError, SuccessAndNotModifiedAreNoErrors)
{
    EXPECT_FALSE(map(200).isError());
    EXPECT_FALSE(map(201).isError());
    EXPECT_FALSE(map(204).isError());
    EXPECT_FALSE(map(304).isError());
}

TEST(ApiError, PrimaryRateLimitWaitsUntilReset)
{
    const ApiError error =
        map(403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "1780003600"}},
            R"({"message":"API rate limit exceeded for user ID 1."})");
    EXPECT_EQ(error.kind, ApiError::Kind::RateLimited);
    EXPECT_TRUE(error.isTransient());
    EXPECT_EQ(error.retryAt, QDateTime::fromSecsSinceEpoch(1'780'003'600, Qt::UTC));
    EXPECT_TRUE(error.message().contains(QLatin1String("waits until")));
}

TEST(ApiError, RetryAfterWinsOverReset)
{
    for (int status : {403, 429}) {
        const ApiError error = map(status, {{"retry-after", "30"},
                                            {"x-ratelimit-remaining", "0"},
                                            {"x-ratelimit-reset", "1780003600"}});
        EXPECT_EQ(error.kind, ApiError::Kind::RateLimited);
        EXPECT_EQ(error.retryAt, Now.addSecs(30));
    }
}

TEST(ApiError, SecondaryLimitWithoutHeadersHasNoRetryTime)
{
    const ApiError error =
        map(403, {}, R"({"message":"You have exceeded a secondary rate limit."})");
    EXPECT_EQ(error.kind, ApiError::Kind::RateLimited);
    EXPECT_FALSE(error.retryAt.isValid());
    EXPECT_TRUE(error.message().contains(QLatin1String("at least a minute")));
}

TEST(ApiError, ValidationErrorsListTheServerDetails)
{
    const ApiError error = map(
        422, {},
        R"({"message":"Validation Failed","errors":[{"resource":"Label","code":"already_exists","field":"name"},{"message":"name is too long"}],"documentation_url":"https://docs.github.com"})");
    ASSERT_EQ(error.details.size(), 2);
    EXPECT_EQ(error.details.at(0), QStringLiteral("Label name: already_exists"));
    EXPECT_EQ(error.details.at(1), QStringLiteral("name is too long"));
    EXPECT_TRUE(error.message().contains(QLatin1String("already_exists")));
}

TEST(ApiError, NetworkFaultsAreTransient)
{
    const ApiError refused =
        ApiError::fromResponse(0, QNetworkReply::ConnectionRefusedError,
                               QStringLiteral("Connection refused"), {}, {}, Now);
    EXPECT_EQ(refused.kind, ApiError::Kind::Network);
    EXPECT_TRUE(refused.isTransient());
    EXPECT_TRUE(refused.message().contains(QLatin1String("Connection refused")));
    const ApiError timeout =
        ApiError::fromResponse(0, QNetworkReply::TimeoutError, {}, {}, {}, Now);
    EXPECT_EQ(timeout.kind, ApiError::Kind::Timeout);
    EXPECT_TRUE(timeout.isTransient());
    const ApiError cancelled =
        ApiError::fromResponse(0, QNetworkReply::OperationCanceledError, {}, {}, {}, Now);
    EXPECT_EQ(cancelled.kind, ApiError::Kind::Cancelled);
    EXPECT_FALSE(cancelled.isTransient());
}

TEST(ApiError, HtmlErrorPagesDoNotLeakIntoTheMessage)
{
    const ApiError error = map(502, {}, "<html><body>Bad gateway</body></html>");
    EXPECT_EQ(error.kind, ApiError::Kind::Server);
    EXPECT_FALSE(error.message().contains(QLatin1String("<html>")));
}
