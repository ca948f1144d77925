#pragma once

#include <QHash>
#include <QImage>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

class QNetworkReply;

namespace Mainstay {

// Fetches the remote images of rendered Markdown, once the user allowed them: http(s) only,
// never through the GitHub client (no token goes to an image host), redirects only to as safe a
// scheme, 20 s without data gives up, at most 20 MiB read and at most 200 images a view. Each
// URL is asked for once; an image that cannot be fetched or decoded counts as failed and is not
// asked for again.
class RemoteImageFetcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxImages = 200;

    explicit RemoteImageFetcher(QObject *parent = nullptr);

    // The network to fetch through (not owned); without one, the fetcher makes its own when the
    // first image is asked for.
    void setNetworkAccessManager(QNetworkAccessManager *manager) { m_network = manager; }
    // Starts fetching `url` unless it arrived, is on its way, failed, or the limit is reached.
    void request(const QUrl &url);

    const QHash<QUrl, QImage> &images() const { return m_images; } // arrived, at full size
    bool hasFailed(const QUrl &url) const { return m_failed.contains(url); }
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    // `url` arrived (its image is in images()) or failed.
    void finished(const QUrl &url, bool ok);

private:
    void arrived(QNetworkReply *reply, const QUrl &url);

    QPointer<QNetworkAccessManager> m_network;
    QHash<QUrl, QImage> m_images;
    QSet<QUrl> m_pending;
    QSet<QUrl> m_failed;
};

} // namespace Mainstay
