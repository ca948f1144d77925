#include "remoteimagefetcher.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Mainstay {

namespace {

constexpr qint64 MaxImageBytes = 20 * 1024 * 1024;
constexpr int TransferTimeoutMs = 20'000;

} // namespace

RemoteImageFetcher::RemoteImageFetcher(QObject *parent)
    : QObject(parent)
{}

void RemoteImageFetcher::request(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if ((scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        m_images.contains(url) || m_pending.contains(url) || m_failed.contains(url) ||
        m_images.size() + m_pending.size() + m_failed.size() >= MaxImages)
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(TransferTimeoutMs);
    m_pending.insert(url);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] { arrived(reply, url); });
}

void RemoteImageFetcher::arrived(QNetworkReply *reply, const QUrl &url)
{
    reply->deleteLater();
    m_pending.remove(url);
    QImage image;
    if (reply->error() == QNetworkReply::NoError)
        image = QImage::fromData(reply->read(MaxImageBytes));
    if (image.isNull())
        m_failed.insert(url);
    else
        m_images.insert(url, image);
    Q_EMIT finished(url, !image.isNull());
}

} // namespace Mainstay
