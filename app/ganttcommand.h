#pragma once

#include "commandline.h"

namespace Mainstay {

// `mainstay gantt`: a workflow run as a Gantt chart, headless (issue 5). Returns the process exit
// status.
int runGanttCommand(const CommandLineOptions &options);

} // namespace Mainstay
