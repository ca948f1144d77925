#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace Mainstay::Test {

// Writes `contents` to `name` inside `dir` and returns the file's path.
inline QString writePolicyFile(const QTemporaryDir &dir, const QString &name,
                               const QByteArray &contents)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        ADD_FAILURE() << "cannot write " << path.toStdString();
    file.write(contents);
    return path;
}

// `file:line:column` of the first occurrence of `needle` in `contents`, counted independently
// of the YAML parser so the tests check its positions instead of trusting them.
inline QString positionOf(const QString &file, const QByteArray &contents, const QByteArray &needle)
{
    const qsizetype at = contents.indexOf(needle);
    if (at < 0) {
        ADD_FAILURE() << "test text lacks " << needle.toStdString();
        return file;
    }
    const QByteArray before = contents.left(at);
    const int line = int(before.count('\n')) + 1;
    const int column = int(at - (before.lastIndexOf('\n') + 1)) + 1;
    return file + u':' + QString::number(line) + u':' + QString::number(column);
}

} // namespace Mainstay::Test
