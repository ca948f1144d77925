#include "apppalette.h"

#include <QApplication>
#include <QStyleFactory>

namespace Mainstay {

QPalette AppPalette::palette(Mode mode)
{
    QPalette p;
    if (mode == Mode::Light) {
        // GitHub's Primer light colours, for familiarity.
        p.setColor(QPalette::Window, QColor(0xf6, 0xf8, 0xfa));
        p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
        p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::Button, QColor(0xf3, 0xf4, 0xf6));
        p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::Highlight, QColor(0x09, 0x69, 0xda));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x09, 0x69, 0xda));
        p.setColor(QPalette::PlaceholderText, QColor(0x65, 0x6d, 0x76));
        p.setColor(QPalette::ToolTipBase, QColor(0x1f, 0x23, 0x28));
        p.setColor(QPalette::ToolTipText, Qt::white);
        p.setColor(QPalette::Mid, QColor(0xd0, 0xd7, 0xde));
        p.setColor(QPalette::Dark, QColor(0x8c, 0x95, 0x9f));
        p.setColor(QPalette::Light, Qt::white);
        p.setColor(QPalette::Midlight, QColor(0xea, 0xee, 0xf2));
        p.setColor(QPalette::Shadow, QColor(0x8c, 0x95, 0x9f));
    } else {
        p.setColor(QPalette::Window, QColor(0x16, 0x1b, 0x22));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xed, 0xf3));
        p.setColor(QPalette::Base, QColor(0x0d, 0x11, 0x17));
        p.setColor(QPalette::AlternateBase, QColor(0x16, 0x1b, 0x22));
        p.setColor(QPalette::Text, QColor(0xe6, 0xed, 0xf3));
        p.setColor(QPalette::Button, QColor(0x21, 0x26, 0x2d));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xed, 0xf3));
        p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x4d, 0x9b, 0xf8));
        p.setColor(QPalette::PlaceholderText, QColor(0x8d, 0x96, 0xa0));
        p.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x33, 0x3b));
        p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xed, 0xf3));
        p.setColor(QPalette::Mid, QColor(0x30, 0x36, 0x3d));
        p.setColor(QPalette::Dark, QColor(0x01, 0x04, 0x09));
        p.setColor(QPalette::Light, QColor(0x3d, 0x44, 0x4d));
        p.setColor(QPalette::Midlight, QColor(0x21, 0x26, 0x2d));
        p.setColor(QPalette::Shadow, Qt::black);
        const QColor disabled(0x6e, 0x76, 0x81);
        p.setColor(QPalette::Disabled, QPalette::Text, disabled);
        p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
        p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    }
    return p;
}

void AppPalette::apply(Mode mode)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(palette(mode));
}

AppPalette::Mode AppPalette::fromString(const QString &name, bool *ok)
{
    const QString lower = name.toLower();
    if (ok)
        *ok = lower == QLatin1String("light") || lower == QLatin1String("dark");
    return lower == QLatin1String("dark") ? Mode::Dark : Mode::Light;
}

QString AppPalette::toString(Mode mode)
{
    return mode == Mode::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

} // namespace Mainstay
