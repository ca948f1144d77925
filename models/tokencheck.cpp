#include "tokencheck.h"

#include "githubclient.h"
#include "githubjson.h"

#include <QJsonObject>

namespace Mainstay {

TokenCheck::TokenCheck(GitHubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QStringList TokenCheck::missingFor(const QStringList &scopes)
{
    QStringList missing;
    const bool repo = scopes.contains(QLatin1String("repo"));
    const bool publicRepo = repo || scopes.contains(QLatin1String("public_repo"));
    if (!publicRepo)
        missing.append(QStringLiteral("labels, comments and closing issues (needs the repo or "
                                      "public_repo scope)"));
    else if (!repo)
        missing.append(QStringLiteral("anything in private repositories (needs the repo scope)"));
    if (!publicRepo)
        missing.append(
            QStringLiteral("drafting and publishing releases (needs repo or public_repo)"));
    if (!scopes.contains(QLatin1String("workflow")) && !repo)
        missing.append(
            QStringLiteral("starting, re-running and cancelling workflows (needs repo)"));
    if (!scopes.contains(QLatin1String("read:org")) && !scopes.contains(QLatin1String("admin:org")))
        missing.append(QStringLiteral("reading organisation membership for the maintainers list "
                                      "(read:org; author associations are used instead)"));
    return missing;
}

void TokenCheck::start()
{
    RestJob *user = m_client->get(QStringLiteral("/user"));
    connect(user, &RestJob::finished, this, [this](RestJob *job) {
        const ApiResponse &response = job->response();
        if (!response.isOk()) {
            m_result.error = response.error;
            Q_EMIT finished(m_result);
            return;
        }
        const auto parsed = GitHubJson::parseUser(QJsonDocument::fromJson(response.body).object());
        if (!parsed) {
            m_result.error = ApiError::malformed(QStringLiteral("/user: ") + parsed.error());
            Q_EMIT finished(m_result);
            return;
        }
        m_result.login = parsed.value().login;
        if (response.headers.contains("x-oauth-scopes")) {
            m_result.scopesKnown = true;
            for (const QByteArray &scope : response.header("x-oauth-scopes").split(','))
                if (!scope.trimmed().isEmpty())
                    m_result.scopes.append(QString::fromLatin1(scope.trimmed()));
            m_result.missing = missingFor(m_result.scopes);
        }
        RestJob *limit = m_client->get(QStringLiteral("/rate_limit"));
        connect(limit, &RestJob::finished, this, [this](RestJob *job) {
            m_result.rateLimit = job->response().rateLimit;
            const QJsonObject body = QJsonDocument::fromJson(job->response().body).object();
            if (const auto limits = GitHubJson::parseRateLimits(body)) {
                for (const RateLimit &bucket : limits.value())
                    if (bucket.resource == QLatin1String("core"))
                        m_result.rateLimit = bucket;
            }
            Q_EMIT finished(m_result);
        });
    });
}

QString TokenCheck::Result::summary() const
{
    if (error.isError())
        return error.message();
    QString text = QStringLiteral("Signed in as %1.").arg(login);
    if (rateLimit.isKnown())
        text += QStringLiteral(" %1 of %2 API requests left this hour.")
                    .arg(rateLimit.remaining)
                    .arg(rateLimit.limit);
    if (!scopesKnown)
        text += QStringLiteral(" This is a fine-grained or app token: GitHub does not list its "
                               "permissions; a missing one shows up as a 403 with an explanation.");
    else if (missing.isEmpty())
        text += QStringLiteral(" Its scopes (%1) cover triage, releases and workflows.")
                    .arg(scopes.join(QStringLiteral(", ")));
    else
        text +=
            QStringLiteral(" With its scopes (%1) Mainstay cannot do: %2.")
                .arg(scopes.isEmpty() ? QStringLiteral("none") : scopes.join(QStringLiteral(", ")),
                     missing.join(QStringLiteral("; ")));
    return text;
}

} // namespace Mainstay
