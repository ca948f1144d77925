#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "tokencheck.h"
#include "tokenprovider.h"
#include "tokenstore.h"

#include <gtest/gtest.h>

#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace Mainstay;

namespace {

class EnvironmentGuard
{
public:
    EnvironmentGuard()
        : m_gh(qgetenv("GH_TOKEN"))
        , m_github(qgetenv("GITHUB_TOKEN"))
    {
        qunsetenv("GH_TOKEN");
        qunsetenv("GITHUB_TOKEN");
    }
    ~EnvironmentGuard()
    {
        restore("GH_TOKEN", m_gh);
        restore("GITHUB_TOKEN", m_github);
    }

private:
    static void restore(const char *name, const QByteArray &value)
    {
        if (value.isEmpty())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    QByteArray m_gh;
    QByteArray m_github;
};

TokenProvider::Result findWith(TokenProvider &provider, AppSettings::TokenSource source)
{
    QSignalSpy spy(&provider, &TokenProvider::found);
    provider.find(source, QStringLiteral("github.com"));
    if (spy.isEmpty())
        spy.wait(5000);
    return spy.isEmpty() ? TokenProvider::Result()
                         : spy.first().first().value<TokenProvider::Result>();
}

} // namespace

TEST(TokenProvider, EnvironmentComesFirstThenTheStore)
{
    EnvironmentGuard guard;
    MemoryTokenStore store;
    bool written = false;
    store.write(QStringLiteral("github.com"), QStringLiteral("from-keychain"),
                [&](const QString &error) { written = error.isEmpty(); });
    ASSERT_TRUE(written);
    TokenProvider provider(&store);

    qputenv("GITHUB_TOKEN", "from-env-2");
    TokenProvider::Result result = findWith(provider, AppSettings::TokenSource::Automatic);
    EXPECT_EQ(result.token, QStringLiteral("from-env-2"));
    EXPECT_EQ(result.description, QStringLiteral("GITHUB_TOKEN environment variable"));
    qputenv("GH_TOKEN", "from-env-1");
    EXPECT_EQ(findWith(provider, AppSettings::TokenSource::Automatic).token,
              QStringLiteral("from-env-1"));

    // Asking for the keychain skips the environment.
    result = findWith(provider, AppSettings::TokenSource::Keychain);
    EXPECT_EQ(result.token, QStringLiteral("from-keychain"));
    EXPECT_EQ(result.source, AppSettings::TokenSource::Keychain);

    qunsetenv("GH_TOKEN");
    qunsetenv("GITHUB_TOKEN");
    // gh is not installed on the test machine (or has no login): automatic falls to the store.
    EXPECT_EQ(findWith(provider, AppSettings::TokenSource::Automatic).token,
              QStringLiteral("from-keychain"));
    // The environment alone finds nothing and says so.
    EXPECT_FALSE(findWith(provider, AppSettings::TokenSource::Environment).isFound());
}

TEST(TokenProvider, HostsForApiUrls)
{
    EXPECT_EQ(TokenProvider::hostForApiUrl(QUrl(QStringLiteral("https://api.github.com"))),
              QStringLiteral("github.com"));
    EXPECT_EQ(TokenProvider::hostForApiUrl(QUrl(QStringLiteral("https://GHE.example.com/api/v3"))),
              QStringLiteral("ghe.example.com"));
}

TEST(TokenCheck, ReportsTheUserScopesAndWhatIsMissing)
{
    LoopbackHttpServer server;
    ASSERT_TRUE(server.start());
    server.setHandler([](const HttpRequest &request) {
        if (request.path == QLatin1String("/user")) {
            HttpResponse response = HttpResponse::json(
                200,
                R"({"login":"octocat","id":1,"type":"User","avatar_url":"https://github.com/images/error/octocat_happy.gif","html_url":"https://github.com/octocat"})");
            response.setHeader("X-OAuth-Scopes", "public_repo, read:org");
            return response;
        }
        return HttpResponse::json(
            200,
            R"({"resources":{"core":{"limit":5000,"remaining":4321,"used":679,"reset":1780003600}},"rate":{"limit":5000,"remaining":4321,"used":679,"reset":1780003600}})");
    });
    QNetworkAccessManager nam;
    GitHubClient client(&nam);
    client.setApiUrl(server.baseUrl());
    client.setToken(QStringLiteral("ghp_example"));
    TokenCheck check(&client);
    QSignalSpy spy(&check, &TokenCheck::finished);
    check.start();
    ASSERT_TRUE(spy.wait(10'000));
    const auto result = spy.first().first().value<TokenCheck::Result>();
    EXPECT_FALSE(result.error.isError());
    EXPECT_EQ(result.login, QStringLiteral("octocat"));
    EXPECT_EQ(result.scopes,
              (QStringList{QStringLiteral("public_repo"), QStringLiteral("read:org")}));
    EXPECT_EQ(result.rateLimit.remaining, 4321);
    ASSERT_FALSE(result.missing.isEmpty());
    EXPECT_TRUE(result.summary().contains(QLatin1String("private repositories")));
    EXPECT_FALSE(result.summary().contains(QLatin1String("ghp_example")));
}

TEST(TokenCheck, ARevokedTokenSaysToSignInAgain)
{
    LoopbackHttpServer server;
    ASSERT_TRUE(server.start());
    server.setHandler([](const HttpRequest &) {
        return HttpResponse::json(
            401,
            R"({"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"})");
    });
    QNetworkAccessManager nam;
    GitHubClient client(&nam);
    client.setApiUrl(server.baseUrl());
    client.setToken(QStringLiteral("ghp_revoked"));
    TokenCheck check(&client);
    QSignalSpy spy(&check, &TokenCheck::finished);
    check.start();
    ASSERT_TRUE(spy.wait(10'000));
    const auto result = spy.first().first().value<TokenCheck::Result>();
    EXPECT_EQ(result.error.kind, ApiError::Kind::Unauthorized);
    EXPECT_TRUE(result.summary().contains(QLatin1String("Sign in again")));
    EXPECT_TRUE(result.summary().contains(QLatin1String("Bad credentials")));
}

TEST(TokenCheck, FineGrainedTokensHaveNoScopeList)
{
    EXPECT_TRUE(
        TokenCheck::missingFor({QStringLiteral("repo"), QStringLiteral("read:org")}).isEmpty());
    EXPECT_FALSE(TokenCheck::missingFor({}).isEmpty());
}
