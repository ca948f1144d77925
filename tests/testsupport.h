#pragma once

#include <QString>

namespace Mainstay::Test {

// Where the npm reference packages were installed by the tests' set-up (tests/npm).
QString npmPackageDir(const QString &package);
// A file of the source tree, e.g. sourcePath("resources/default-policy.yaml").
QString sourcePath(const QString &relative);
// The built `mainstay` executable.
QString mainstayExecutable();

} // namespace Mainstay::Test
