#pragma once

#include "appsettings.h"

#include <QObject>
#include <QString>

namespace Mainstay {

class TokenStore;

// Finds the user's GitHub token, in order: GH_TOKEN / GITHUB_TOKEN, the GitHub CLI's stored login
// (`gh auth token`), then the token store (the system keychain). The token is handed to the
// client and nowhere else: it is never logged, cached, or shown.
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QString token;
        AppSettings::TokenSource source = AppSettings::TokenSource::Automatic;
        QString description; // "GH_TOKEN environment variable", "GitHub CLI (gh)", ...
        QString error;       // the keychain could not be read, for example
        bool isFound() const { return !token.isEmpty(); }
    };

    explicit TokenProvider(TokenStore *store = nullptr, QObject *parent = nullptr);

    // Emits found() once with the first token in `preferred`'s order (Automatic: every source).
    // `host` is the API host the token is for ("github.com" for api.github.com).
    void find(AppSettings::TokenSource preferred, const QString &host);
    TokenStore *store() const { return m_store; }

    static Result fromEnvironment();
    static Result fromGitHubCli(const QString &host);
    // "api.github.com" -> "github.com"; Enterprise hosts stay as they are.
    static QString hostForApiUrl(const QUrl &apiUrl);

Q_SIGNALS:
    void found(const Mainstay::TokenProvider::Result &result);

private:
    TokenStore *m_store;
};

} // namespace Mainstay
