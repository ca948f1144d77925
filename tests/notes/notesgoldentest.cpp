// Golden files for generation: the marked body (what the editor holds and regeneration reads)
// of every parity case, in golden/<case>.md. The plain body is checked against Release Drafter
// itself by release_drafter_parity; these pin the marker format the editor relies on.
//
// On a difference the test prints a line diff. To accept new output after a deliberate change:
//   tests/notes/update-golden.sh <build dir>
// (it runs this test with MAINSTAY_UPDATE_GOLDEN=1, which rewrites the files).

#include "notescase.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Mainstay;

namespace {

const QString SourceDir = QStringLiteral(MAINSTAY_SOURCE_DIR "/tests/notes");

QString slug(const QString &name)
{
    QString s = name.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (s.endsWith(u'-'))
        s.chop(1);
    return s;
}

} // namespace

TEST(NotesGolden, MarkedBodiesOfTheParityCases)
{
    QFile file(SourceDir + QStringLiteral("/parity-cases.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
    ASSERT_FALSE(cases.isEmpty());
    const bool update = qEnvironmentVariableIntValue("MAINSTAY_UPDATE_GOLDEN") == 1;
    QDir().mkpath(SourceDir + QStringLiteral("/golden"));
    int compared = 0;
    for (const QJsonValue &value : cases) {
        const Mainstay::Test::NotesCase c = Mainstay::Test::notesCaseFromJson(value.toObject());
        SCOPED_TRACE(c.name.toStdString());
        const NotesConfigResult config = NotesConfigLoader::parseReleaseDrafter(
            c.configYaml, QStringLiteral("release-drafter.yml"), ReleasePolicy());
        ASSERT_TRUE(config.ok()) << config.errorText().toStdString();
        const GeneratedNotes notes = generateNotes(c.input, *config.config);
        const QString path =
            SourceDir + QStringLiteral("/golden/") + slug(c.name) + QStringLiteral(".md");
        if (update) {
            QFile out(path);
            ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(notes.markedBody.toUtf8());
            continue;
        }
        QFile golden(path);
        ASSERT_TRUE(golden.open(QIODevice::ReadOnly))
            << path.toStdString() << " is missing; run tests/notes/update-golden.sh";
        // Compared as UTF-8, the form the file holds (a lone surrogate has no other).
        const QByteArray expected = golden.readAll();
        const QByteArray actual = notes.markedBody.toUtf8();
        EXPECT_EQ(expected, actual)
            << Mainstay::Test::lineDiff(QString::fromUtf8(expected), QString::fromUtf8(actual))
                   .toStdString();
        ++compared;
    }
    if (!update) {
        EXPECT_EQ(compared, cases.size());
    }
}
