#include "tokenprovider.h"

#include <QProcess>
#include <QStandardPaths>

namespace Mainstay {

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
        return result;
    }
    result.token = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    result.description = QStringLiteral("GitHub CLI (gh auth token)");
    return result;
}

TokenProvider::Result TokenProvider::find(AppSettings::TokenSource preferred)
{
    using Source = AppSettings::TokenSource;
    if (preferred == Source::Automatic || preferred == Source::Environment) {
        if (Result r = fromEnvironment(); r.isFound() || preferred == Source::Environment)
            return r;
    }
    if (preferred == Source::Automatic || preferred == Source::GitHubCli) {
        if (Result r = fromGitHubCli(); r.isFound() || preferred == Source::GitHubCli)
            return r;
    }
    // The keychain store arrives with the data layer; until then it holds nothing.
    Result none;
    none.source = preferred;
    return none;
}

} // namespace Mainstay
