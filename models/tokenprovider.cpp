#include "tokenprovider.h"

#include "tokenstore.h"

#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

namespace Mainstay {

TokenProvider::TokenProvider(TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

QString TokenProvider::hostForApiUrl(const QUrl &apiUrl)
{
    const QString host = apiUrl.host().toLower();
    return host == QLatin1String("api.github.com") ? QStringLiteral("github.com") : host;
}

TokenProvider::Result TokenProvider::fromEnvironment()
{
    Result result;
    result.source = AppSettings::TokenSource::Environment;
    for (const char *name : {"GH_TOKEN", "GITHUB_TOKEN"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty()) {
            result.token = value;
            result.description = QStringLiteral("%1 environment variable").arg(QLatin1String(name));
            return result;
        }
    }
    return result;
}

TokenProvider::Result TokenProvider::fromGitHubCli(const QString &host)
{
    Result result;
    result.source = AppSettings::TokenSource::GitHubCli;
    const QString gh = QStandardPaths::findExecutable(QStringLiteral("gh"));
    if (gh.isEmpty())
        return result;
    QProcess process;
    process.start(
        gh, {QStringLiteral("auth"), QStringLiteral("token"), QStringLiteral("--hostname"), host});
    if (!process.waitForFinished(5000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(1000);
        return result;
    }
    result.token = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    result.description = QStringLiteral("GitHub CLI (gh auth token)");
    return result;
}

void TokenProvider::find(AppSettings::TokenSource preferred, const QString &host)
{
    using Source = AppSettings::TokenSource;
    if (preferred == Source::Automatic || preferred == Source::Environment) {
        if (Result r = fromEnvironment(); r.isFound() || preferred == Source::Environment) {
            Q_EMIT found(r);
            return;
        }
    }
    if (preferred == Source::Automatic || preferred == Source::GitHubCli) {
        if (Result r = fromGitHubCli(host); r.isFound() || preferred == Source::GitHubCli) {
            Q_EMIT found(r);
            return;
        }
    }
    if (!m_store) {
        Result none;
        none.source = preferred;
        Q_EMIT found(none);
        return;
    }
    QPointer<TokenProvider> self(this);
    m_store->read(host, [self, host, this](const QString &token, const QString &error) {
        if (!self)
            return;
        Result r;
        r.source = Source::Keychain;
        r.token = token;
        r.error = error;
        r.description = QStringLiteral("%1 (%2)").arg(m_store->name(), host);
        Q_EMIT found(r);
    });
}

} // namespace Mainstay
