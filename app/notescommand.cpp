#include "notescommand.h"

#include "headlesssession.h"

namespace Mainstay {

int runNotesCommand(const CommandLineOptions &options)
{
    Q_UNUSED(options)
    HeadlessSession::printErr(QStringLiteral("mainstay: 'notes' is being built\n"));
    return 2;
}

} // namespace Mainstay
