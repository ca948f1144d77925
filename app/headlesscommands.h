#pragma once

#include "commandline.h"

namespace Mainstay {

// The headless verbs (`mainstay sync`, `mainstay query`) for scripts, cron jobs and checking the
// product. They run on a QCoreApplication, print results on stdout and problems on stderr, and
// return the process exit code: 0 success, 1 failure, 2 bad usage.
class HeadlessCommands
{
public:
    static int run(const CommandLineOptions &options);
    static int sync(const CommandLineOptions &options);
    static int query(const CommandLineOptions &options);
    static QString dataDir(const CommandLineOptions &options);
};

} // namespace Mainstay
