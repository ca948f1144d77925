#include "appsettings.h"

#include <QSettings>

namespace Mainstay {

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    s.apiUrl = settings.value(QStringLiteral("api/url"), s.apiUrl).toString();
    s.tokenSource =
        tokenSourceFromString(settings.value(QStringLiteral("api/tokenSource")).toString());
    s.syncIntervalMinutes = std::clamp(
        settings.value(QStringLiteral("sync/intervalMinutes"), s.syncIntervalMinutes).toInt(), 0,
        24 * 60);
    s.runPollSeconds = std::clamp(
        settings.value(QStringLiteral("release/pollSeconds"), s.runPollSeconds).toInt(), 2, 3600);
    s.palette = settings.value(QStringLiteral("ui/palette"), s.palette).toString();
    s.workspaces = settings.value(QStringLiteral("workspaces/list")).toStringList();
    s.currentWorkspace = settings.value(QStringLiteral("workspaces/current")).toString();
    return s;
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("api/url"), apiUrl);
    settings.setValue(QStringLiteral("api/tokenSource"), toString(tokenSource));
    settings.setValue(QStringLiteral("sync/intervalMinutes"), syncIntervalMinutes);
    settings.setValue(QStringLiteral("release/pollSeconds"), runPollSeconds);
    settings.setValue(QStringLiteral("ui/palette"), palette);
    settings.setValue(QStringLiteral("workspaces/list"), workspaces);
    settings.setValue(QStringLiteral("workspaces/current"), currentWorkspace);
}

QString AppSettings::toString(TokenSource source)
{
    switch (source) {
    case TokenSource::Automatic:
        return QStringLiteral("automatic");
    case TokenSource::Environment:
        return QStringLiteral("environment");
    case TokenSource::GitHubCli:
        return QStringLiteral("gh");
    case TokenSource::Keychain:
        return QStringLiteral("keychain");
    }
    return {};
}

AppSettings::TokenSource AppSettings::tokenSourceFromString(const QString &text)
{
    if (text == QLatin1String("environment"))
        return TokenSource::Environment;
    if (text == QLatin1String("gh"))
        return TokenSource::GitHubCli;
    if (text == QLatin1String("keychain"))
        return TokenSource::Keychain;
    return TokenSource::Automatic;
}

} // namespace Mainstay
