#pragma once

#include "commandline.h"

namespace Mainstay {

// `mainstay notes`: the release-notes generator, headless (issue 6). Returns the process exit
// status.
int runNotesCommand(const CommandLineOptions &options);

} // namespace Mainstay
