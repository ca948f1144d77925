#include "lintcommand.h"

#include "headlesssession.h"

namespace Mainstay {

int runLintCommand(const CommandLineOptions &options)
{
    Q_UNUSED(options)
    HeadlessSession::printErr(QStringLiteral("mainstay: 'lint' is being built\n"));
    return 2;
}

} // namespace Mainstay
