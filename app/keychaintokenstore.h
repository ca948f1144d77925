#pragma once

#include "tokenstore.h"

namespace Mainstay {

// Tokens in the desktop's keychain (Secret Service, KWallet) through QtKeychain. Without
// QtKeychain at build time, every call answers that no keychain is available.
class KeychainTokenStore final : public TokenStore
{
public:
    void read(const QString &host, ReadCallback done) override;
    void write(const QString &host, const QString &token, DoneCallback done) override;
    void remove(const QString &host, DoneCallback done) override;
    QString name() const override;
};

} // namespace Mainstay
