#pragma once

#include "commandline.h"

namespace Mainstay {

// `mainstay lint`: the hygiene rules of the pull-request list, headless (issue 8). Returns the
// process exit status.
int runLintCommand(const CommandLineOptions &options);

} // namespace Mainstay
