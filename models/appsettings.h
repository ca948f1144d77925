#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace Mainstay {

// The user's preferences, as a plain value loaded from and saved to QSettings. The token itself is
// never stored here (it lives in the keychain, the environment or gh's own store).
struct AppSettings
{
    enum class TokenSource
    {
        Automatic,
        Environment,
        GitHubCli,
        Keychain
    };

    QString apiUrl = QStringLiteral("https://api.github.com");
    TokenSource tokenSource = TokenSource::Automatic;
    int syncIntervalMinutes = 10; // 0: only on demand (F5)
    int runPollSeconds = 10;      // the release monitor's polling of a running workflow run
    QString palette = QStringLiteral("light");
    QStringList workspaces;   // "owner/repo"
    QString currentWorkspace; // empty: the demo workspace

    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    static QString toString(TokenSource source);
    static TokenSource tokenSourceFromString(const QString &text);
    bool operator==(const AppSettings &) const = default;
};

} // namespace Mainstay
