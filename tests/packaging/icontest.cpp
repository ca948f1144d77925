// The application icon as Qt itself draws it (window icon, about box): Qt's SVG Tiny renderer is
// stricter than librsvg and warns about what it does not support, and a Qt warning fails the test.

#include "testsupport.h"

#include <gtest/gtest.h>

#include <QColor>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QSet>
#include <QSvgRenderer>

namespace {

QString iconPath()
{
    return Mainstay::Test::sourcePath(QStringLiteral("resources/icons/mainstay.svg"));
}

QImage render(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    return image;
}

TEST(ApplicationIcon, QtSvgLoadsItWithASquareViewBox)
{
    QSvgRenderer renderer(iconPath());
    ASSERT_TRUE(renderer.isValid()) << iconPath().toStdString();
    const QRectF viewBox = renderer.viewBoxF();
    EXPECT_GT(viewBox.width(), 0);
    EXPECT_DOUBLE_EQ(viewBox.width(), viewBox.height());
    EXPECT_FALSE(renderer.animated());
}

TEST(ApplicationIcon, FillsTheMiddleAndLeavesTheCornersClearAtEverySize)
{
    QSvgRenderer renderer(iconPath());
    ASSERT_TRUE(renderer.isValid());
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        SCOPED_TRACE(size);
        const QImage image = render(renderer, size);
        // The rounded square: opaque in the middle of each edge, transparent in the corners.
        EXPECT_EQ(qAlpha(image.pixel(size / 2, size / 2)), 255);
        EXPECT_EQ(qAlpha(image.pixel(size / 2, size / 8)), 255);
        EXPECT_EQ(qAlpha(image.pixel(size / 8, size / 2)), 255);
        EXPECT_EQ(qAlpha(image.pixel(0, 0)), 0);
        EXPECT_EQ(qAlpha(image.pixel(size - 1, size - 1)), 0);
        // Not a single flat colour: the drawing shows on its background.
        QSet<QRgb> colours;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                colours.insert(image.pixel(x, y));
        EXPECT_GE(colours.size(), 4);
    }
}

TEST(ApplicationIcon, QIconLoadsItThroughTheSvgIconEngine)
{
    const QIcon icon(iconPath());
    ASSERT_FALSE(icon.isNull());
    const QPixmap pixmap = icon.pixmap(QSize(32, 32));
    ASSERT_FALSE(pixmap.isNull());
    EXPECT_EQ(pixmap.size(), QSize(32, 32));
    EXPECT_EQ(qAlpha(pixmap.toImage().pixel(16, 16)), 255);
}

} // namespace
