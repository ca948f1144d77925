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

// Where two texts part, line by line, for a failure message: "@@ line N @@", then the differing
// lines of `expected` ("- ") and of `actual` ("+ "), with `context` lines around them. Escaped
// lines show invisible differences (trailing spaces, \r, tabs) as JSON strings; the labels
// name each side after its lines.
struct LineDiffStyle
{
    int context = 0;
    bool escaped = false;
    QString expectedLabel;
    QString actualLabel;
    QString indent;
};
QString lineDiff(const QString &expected, const QString &actual, const LineDiffStyle &style = {});

} // namespace Mainstay::Test
