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
    return job->error() == QKeychain::NoError ? QString() : job->errorString();
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
