#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace Mainstay::DemoRepositoryFiles {

// The files of the demo repository that the contents API serves (`GET
// /repos/{o}/{r}/contents/{path}`): its issue templates, an RFC issue form among them, shaped as
// a Python utilities project keeps them. Path -> content.
const QMap<QString, QByteArray> &files();

} // namespace Mainstay::DemoRepositoryFiles
