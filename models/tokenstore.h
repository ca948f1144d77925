#pragma once

#include <QHash>
#include <QString>
#include <functional>

namespace Mainstay {

// Where a pasted token is kept: the system keychain in the app, memory in tests (a headless
// machine has no Secret Service). Asynchronous because keychains are; every callback runs
// exactly once, on the caller's thread. Tokens are keyed by API host ("github.com",
// "ghe.example.com").
class TokenStore
{
public:
    using ReadCallback = std::function<void(const QString &token, const QString &error)>;
    using DoneCallback = std::function<void(const QString &error)>;

    virtual ~TokenStore() = default;
    // An absent entry is no error: the token is empty.
    virtual void read(const QString &host, ReadCallback done) = 0;
    virtual void write(const QString &host, const QString &token, DoneCallback done) = 0;
    virtual void remove(const QString &host, DoneCallback done) = 0;
    // "System keychain", "Memory (tests)": for the settings dialog.
    virtual QString name() const = 0;
};

// Keeps tokens in memory only.
class MemoryTokenStore final : public TokenStore
{
public:
    void read(const QString &host, ReadCallback done) override { done(m_tokens.value(host), {}); }
    void write(const QString &host, const QString &token, DoneCallback done) override
    {
        m_tokens.insert(host, token);
        done({});
    }
    void remove(const QString &host, DoneCallback done) override
    {
        m_tokens.remove(host);
        done({});
    }
    QString name() const override { return QStringLiteral("Memory"); }

private:
    QHash<QString, QString> m_tokens;
};

} // namespace Mainstay
