#pragma once

#include "apierror.h"
#include "ratelimit.h"

#include <QObject>
#include <QStringList>

namespace Mainstay {

class GitHubClient;

// Checks a token the way Settings → Test does: GET /user (who is it, which OAuth scopes) and
// GET /rate_limit (how much is left), then says what Mainstay cannot do with it.
// Emits finished() once.
class TokenCheck : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        ApiError error;
        QString login;
        QStringList scopes;       // from X-OAuth-Scopes; empty for fine-grained tokens
        bool scopesKnown = false; // false: a fine-grained or app token, whose grants are not listed
        QStringList missing;      // human sentences: what will fail with this token
        RateLimit rateLimit;
        // One paragraph for the settings dialog; never contains the token.
        QString summary() const;
    };

    TokenCheck(GitHubClient *client, QObject *parent = nullptr);
    void start();

    // What a classic token's scopes leave out, for triage, releases and workflows.
    static QStringList missingFor(const QStringList &scopes);

Q_SIGNALS:
    void finished(const Mainstay::TokenCheck::Result &result);

private:
    GitHubClient *m_client;
    Result m_result;
};

} // namespace Mainstay
