#pragma once

#include <QPalette>
#include <QString>

namespace Mainstay {

// Light and dark palettes for the Fusion style. Qt 6.4 cannot read the desktop's colour scheme,
// so the choice is an explicit setting (and --palette).
class AppPalette
{
public:
    enum class Mode
    {
        Light,
        Dark
    };

    static QPalette palette(Mode mode);
    // Sets the Fusion style and the palette on the running application.
    static void apply(Mode mode);
    static Mode fromString(const QString &name, bool *ok = nullptr);
    static QString toString(Mode mode);
};

} // namespace Mainstay
