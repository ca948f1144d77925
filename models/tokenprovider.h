#pragma once

#include "appsettings.h"

#include <QString>

namespace Mainstay {

// Finds the user's GitHub token: GH_TOKEN / GITHUB_TOKEN, then the GitHub CLI's stored login
// (`gh auth token`), then the keychain. The token is handed to the client and nowhere else: it
// is never logged, cached, or shown.
class TokenProvider
{
public:
    struct Result
    {
        QString token;
        AppSettings::TokenSource source = AppSettings::TokenSource::Automatic;
        QString description; // "GH_TOKEN environment variable", "GitHub CLI (gh)", ...
        bool isFound() const { return !token.isEmpty(); }
    };

    // `preferred` Automatic tries every source in order; otherwise only that one.
    static Result find(AppSettings::TokenSource preferred);
    static Result fromEnvironment();
    static Result fromGitHubCli(const QString &host = QStringLiteral("github.com"));
};

} // namespace Mainstay
