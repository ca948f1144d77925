#include "ganttcommand.h"

#include "headlesssession.h"

namespace Mainstay {

int runGanttCommand(const CommandLineOptions &options)
{
    Q_UNUSED(options)
    HeadlessSession::printErr(QStringLiteral("mainstay: 'gantt' is being built\n"));
    return 2;
}

} // namespace Mainstay
