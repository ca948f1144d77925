#pragma once

#include <QString>
#include <QStringView>

namespace Mainstay {

// GitHub's emoji shortcodes (`:tada:` → 🎉), the few hundred people actually type in issues and
// release notes. Unknown names stay as typed.
class EmojiShortcodes
{
public:
    // The emoji for `name` (without the colons), or a null string when it is not known.
    static QString lookup(QStringView name);
    // How many shortcodes are known (for tests).
    static int count();
};

} // namespace Mainstay
