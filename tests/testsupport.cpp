#include "testsupport.h"

#include <QDir>

namespace Mainstay::Test {

QString npmPackageDir(const QString &package)
{
    return QDir(QStringLiteral(MAINSTAY_NPM_DIR)).filePath(package);
}

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(MAINSTAY_SOURCE_DIR)).filePath(relative);
}

QString mainstayExecutable()
{
    return QDir(QStringLiteral(MAINSTAY_BINARY_DIR)).filePath(QStringLiteral("bin/mainstay"));
}

} // namespace Mainstay::Test
