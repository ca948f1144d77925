#pragma once

#include "releasenotes.h"

#include <QJsonObject>

namespace Mainstay::Test {

// A parity case as tests/notes/parity-cases.json and run-release-drafter.mjs read it.
struct NotesCase
{
    QString name;
    QByteArray configYaml;
    NotesInput input;
};

NotesCase notesCaseFromJson(const QJsonObject &object);

} // namespace Mainstay::Test
