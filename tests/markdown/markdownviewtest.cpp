// MarkdownView: a fresh document per render, scroll kept when asked, links handed to the
// desktop, nothing fetched unless allowed, the remote-images bar, images from a loopback server.

#include "markdownview.h"
#include "loopbackhttpserver.h"
#include "remoteimagefetcher.h"

#include <gtest/gtest.h>

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDesktopServices>
#include <QImage>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

using namespace Mainstay;

namespace {

class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

// Exposes loadResource() to the tests.
class ProbeView : public MarkdownView
{
public:
    using MarkdownView::loadResource;
};

MarkdownOptions repoOptions()
{
    MarkdownOptions options;
    options.repository = QStringLiteral("octo/mainstay");
    options.webUrl = QUrl(QStringLiteral("https://github.com/octo/mainstay"));
    return options;
}

QString longText(int lines)
{
    QString text;
    for (int i = 0; i < lines; ++i)
        text += QStringLiteral("Line %1 of the notes, see #%1.\n\n").arg(i + 1);
    return text;
}

// The centre of the first character of the anchor with `href`, in viewport coordinates.
QPoint anchorPoint(MarkdownView &view, const QString &href)
{
    QTextDocument *doc = view.document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().anchorHref() == href) {
                QTextCursor cursor(doc);
                cursor.setPosition(it.fragment().position() + 1);
                return view.cursorRect(cursor).center() - QPoint(3, 0);
            }
        }
    }
    return {};
}

QByteArray pngBytes(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

TEST(MarkdownView, RendersIntoAFreshDocumentEachTime)
{
    MarkdownView view;
    view.setMarkdown(QStringLiteral("# Title\n\n- [x] done"), repoOptions());
    QTextDocument *first = view.document();
    EXPECT_EQ(first->toPlainText(), QStringLiteral("Title\n☑ done"));
    view.setMarkdown(QStringLiteral("second"), repoOptions());
    EXPECT_NE(view.document(), first);
    EXPECT_EQ(view.document()->toPlainText(), QStringLiteral("second"));
    EXPECT_TRUE(view.isReadOnly());
    EXPECT_EQ(view.markdown(), QStringLiteral("second"));
}

TEST(MarkdownView, KeepsTheScrollPositionWhenAsked)
{
    MarkdownView view;
    view.resize(400, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setMarkdown(longText(300), repoOptions());
    QScrollBar *bar = view.verticalScrollBar();
    ASSERT_GT(bar->maximum(), 1000);
    bar->setValue(bar->maximum() / 2);
    const int middle = bar->value();
    view.setMarkdown(longText(300) + QStringLiteral("one more line"), repoOptions(), true);
    EXPECT_EQ(bar->value(), middle);
    view.setMarkdown(longText(300), repoOptions(), false);
    EXPECT_EQ(bar->value(), 0);
}

TEST(MarkdownView, LinksOpenInTheDesktopBrowser)
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    const auto unset =
        qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); });
    MarkdownView view;
    view.resize(500, 200);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setMarkdown(QStringLiteral("Fixed by #42 today."), repoOptions());
    QSignalSpy activated(&view, &MarkdownView::linkActivated);
    const QString href = QStringLiteral("https://github.com/octo/mainstay/issues/42");
    const QPoint point = anchorPoint(view, href);
    ASSERT_FALSE(point.isNull());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, point);
    ASSERT_EQ(activated.size(), 1);
    EXPECT_EQ(activated.at(0).at(0).toUrl(), QUrl(href));
    ASSERT_EQ(catcher.urls.size(), 1);
    EXPECT_EQ(catcher.urls.first(), QUrl(href));
    // The view did not navigate anywhere.
    EXPECT_TRUE(view.source().isEmpty());
    EXPECT_EQ(view.document()->toPlainText(), QStringLiteral("Fixed by #42 today."));
}

TEST(MarkdownView, NeverLoadsResourcesItWasNotAllowedTo)
{
    ProbeView view;
    view.setMarkdown(QStringLiteral("![x](https://img.example/x.png)"), repoOptions());
    EXPECT_FALSE(view.loadResource(QTextDocument::ImageResource,
                                   QUrl(QStringLiteral("https://img.example/x.png")))
                     .isValid());
    EXPECT_FALSE(view.loadResource(QTextDocument::ImageResource,
                                   QUrl::fromLocalFile(QStringLiteral("/etc/passwd")))
                     .isValid());
    EXPECT_FALSE(view.loadResource(QTextDocument::StyleSheetResource,
                                   QUrl(QStringLiteral("https://css.example/a.css")))
                     .isValid());
    EXPECT_EQ(view.pendingImageCount(), 0);
}

TEST(MarkdownView, RemoteImagesBarLoadsImagesOnRequest)
{
    LoopbackHttpServer server;
    const QByteArray png = pngBytes(40, 30);
    server.setHandler([png](const HttpRequest &) {
        HttpResponse response;
        response.body = png;
        response.setHeader("Content-Type", "image/png");
        return response;
    });
    ASSERT_TRUE(server.start());
    const QUrl imageUrl = server.baseUrl().resolved(QUrl(QStringLiteral("/shot.png")));
    QNetworkAccessManager network;

    MarkdownView view;
    view.setNetworkAccessManager(&network);
    view.resize(500, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setMarkdown(QStringLiteral("Look: ![the bug](%1)").arg(imageUrl.toString()),
                     repoOptions());
    EXPECT_TRUE(view.isRemoteImagesBarVisible());
    EXPECT_EQ(view.result().remoteImages, QStringList(imageUrl.toString()));
    EXPECT_EQ(view.document()->toPlainText(), QStringLiteral("Look: [image: the bug]"));
    EXPECT_EQ(server.requestCount(), 0);

    auto *label = view.findChild<QLabel *>();
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QStringLiteral("Remote images are hidden")));
    auto *button = view.findChild<QToolButton *>();
    ASSERT_NE(button, nullptr);
    QSignalSpy allowed(&view, &MarkdownView::remoteImagesAllowed);
    QSignalSpy loaded(&view, &MarkdownView::imagesLoaded);
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(allowed.size(), 1);
    EXPECT_FALSE(view.isRemoteImagesBarVisible());
    EXPECT_TRUE(view.options().allowRemoteImages);
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(server.requestCount(), 1);
    const QVariant resource = view.document()->resource(QTextDocument::ImageResource, imageUrl);
    ASSERT_TRUE(resource.canConvert<QImage>());
    EXPECT_EQ(resource.value<QImage>().size(), QSize(40, 30));
    // A re-render (typing in the preview) reuses the image instead of fetching it again.
    view.setMarkdown(view.markdown() + QStringLiteral(" more"), view.options(), true);
    EXPECT_EQ(view.pendingImageCount(), 0);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST(MarkdownView, ColoursFollowThePalette)
{
    MarkdownView view;
    const QString markdown = QStringLiteral("```\ncode\n```");
    view.setMarkdown(markdown, repoOptions());
    const QString light = view.result().html;
    QPalette dark = view.palette();
    dark.setColor(QPalette::Base, QColor(0x0d, 0x11, 0x17));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xed, 0xf3));
    view.setPalette(dark); // re-renders by itself
    EXPECT_NE(view.result().html, light);
    MarkdownOptions darkOptions = repoOptions();
    darkOptions.dark = true;
    EXPECT_EQ(view.result().html, MarkdownRenderer::render(markdown, darkOptions).html);
    EXPECT_EQ(view.document()->toPlainText().trimmed(), QStringLiteral("code"));
}

TEST(MarkdownView, InPageLinksScrollToTheHeading)
{
    MarkdownView view;
    view.resize(400, 200);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setOpensLinksExternally(false);
    view.setMarkdown(QStringLiteral("[Go to usage](#usage)\n\n") + longText(60) +
                         QStringLiteral("## Usage\n\nText."),
                     repoOptions());
    QSignalSpy activated(&view, &MarkdownView::linkActivated);
    ASSERT_EQ(view.verticalScrollBar()->value(), 0);
    const QPoint point = anchorPoint(view, QStringLiteral("#usage"));
    ASSERT_FALSE(point.isNull());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, point);
    EXPECT_GT(view.verticalScrollBar()->value(), 0);
    EXPECT_EQ(activated.size(), 0); // nothing left the view
}

TEST(MarkdownView, WithoutNetworkAllowedImagesStayQuiet)
{
    MarkdownView view;
    view.setMarkdown(QStringLiteral("![a](https://img.example/a.png)"), repoOptions());
    view.allowRemoteImages();
    EXPECT_FALSE(view.isRemoteImagesBarVisible());
    EXPECT_EQ(view.pendingImageCount(), 0);
    EXPECT_EQ(view.document()->toPlainText(), QStringLiteral("[image: a]"));
}

#include "markdownviewtest.moc"

TEST(RemoteImageFetcher, AsksOnceFailsOnceAndOnlyOverHttp)
{
    LoopbackHttpServer server;
    const QByteArray png = pngBytes(12, 8);
    server.setHandler([png](const HttpRequest &request) {
        HttpResponse response;
        if (request.path == QLatin1String("/ok.png")) {
            response.body = png;
            response.setHeader("Content-Type", "image/png");
        } else if (request.path == QLatin1String("/text")) {
            response.body = "not an image";
        } else {
            response.status = 404;
        }
        return response;
    });
    ASSERT_TRUE(server.start());
    const auto url = [&](const char *path) {
        return server.baseUrl().resolved(QUrl(QString::fromLatin1(path)));
    };
    RemoteImageFetcher fetcher;
    QSignalSpy finished(&fetcher, &RemoteImageFetcher::finished);
    fetcher.request(QUrl(QStringLiteral("file:///etc/passwd")));
    fetcher.request(QUrl(QStringLiteral("data:image/png;base64,AAAA")));
    EXPECT_EQ(fetcher.pendingCount(), 0);
    for (const char *path : {"/ok.png", "/missing.png", "/text", "/ok.png"})
        fetcher.request(url(path));
    EXPECT_EQ(fetcher.pendingCount(), 3);
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 3; }, 10000));
    EXPECT_EQ(fetcher.images().value(url("/ok.png")).size(), QSize(12, 8));
    EXPECT_TRUE(fetcher.hasFailed(url("/missing.png")));
    EXPECT_TRUE(fetcher.hasFailed(url("/text")));
    // Neither an arrived nor a failed image is asked for again.
    for (const char *path : {"/ok.png", "/missing.png", "/text"})
        fetcher.request(url(path));
    EXPECT_EQ(fetcher.pendingCount(), 0);
    EXPECT_EQ(server.requestCount(), 3);
}
