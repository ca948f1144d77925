#include "keychaintokenstore.h"

#ifdef MAINSTAY_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Mainstay {

namespace {
const QString Service = QStringLiteral("Mainstay GitHub token");

#ifdef MAINSTAY_HAVE_QTKEYCHAIN
QString errorText(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("no keychain service is running (Secret Service or KWallet)");
    case QKeychain::AccessDenied:
        return QStringLiteral("access to the keychain was denied");
    default:
        // QtKeychain says "Unknown error" when no Secret Service answers on D-Bus.
        return job->errorString() == QLatin1String("Unknown error")
                   ? QStringLiteral("the keychain did not answer (is a Secret Service running?)")
                   : job->errorString();
    }
}
#endif
} // namespace

QString KeychainTokenStore::name() const
{
#ifdef MAINSTAY_HAVE_QTKEYCHAIN
    return QStringLiteral("System keychain");
#else
    return QStringLiteral("System keychain (not available in this build)");
#endif
}

void KeychainTokenStore::read(const QString &host, ReadCallback done)
{
#ifdef MAINSTAY_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(host);
    QObject::connect(job, &QKeychain::Job::finished, [done](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::EntryNotFound)
            done({}, {});
        else
            done(read->textData(), errorText(read));
    });
    job->start();
#else
    Q_UNUSED(host)
    done({}, QStringLiteral("this build has no keychain support"));
#endif
}

void KeychainTokenStore::write(const QString &host, const QString &token, DoneCallback done)
{
#ifdef MAINSTAY_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(host);
    job->setTextData(token);
    QObject::connect(job, &QKeychain::Job::finished,
                     [done](QKeychain::Job *finished) { done(errorText(finished)); });
    job->start();
#else
    Q_UNUSED(host)
    Q_UNUSED(token)
    done(QStringLiteral("this build has no keychain support"));
#endif
}

void KeychainTokenStore::remove(const QString &host, DoneCallback done)
{
#ifdef MAINSTAY_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(Service);
    job->setAutoDelete(true);
    job->setKey(host);
    QObject::connect(job, &QKeychain::Job::finished,
                     [done](QKeychain::Job *finished) { done(errorText(finished)); });
    job->start();
#else
    Q_UNUSED(host)
    done(QStringLiteral("this build has no keychain support"));
#endif
}

} // namespace Mainstay
