// Prints what Mainstay's generator writes for one parity case (JSON on stdin), for
// compare-release-drafter.mjs: {"body", "tag", "name", "resolvedVersion"} or {"error"}.
#include "notescase.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Mainstay;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 2;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parseError);
    if (!document.isObject()) {
        std::fprintf(stderr, "notes_generate: input is not a JSON object: %s\n",
                     qPrintable(parseError.errorString()));
        return 2;
    }
    const Test::NotesCase c = Test::notesCaseFromJson(document.object());
    QJsonObject out;
    const NotesConfigResult config = NotesConfigLoader::parseReleaseDrafter(
        c.configYaml, QStringLiteral("release-drafter.yml"), ReleasePolicy());
    if (!config.ok()) {
        out.insert(QLatin1String("error"), config.errorText());
    } else {
        const GeneratedNotes notes = generateNotes(c.input, *config.config);
        out.insert(QLatin1String("body"), notes.body);
        out.insert(QLatin1String("tag"), notes.tag);
        out.insert(QLatin1String("name"), notes.name);
        out.insert(QLatin1String("resolvedVersion"), notes.version.version);
        out.insert(QLatin1String("markedStrips"),
                   NotesMarkers::strip(notes.markedBody) == notes.body);
        out.insert(QLatin1String("marked"), notes.markedBody != notes.body);
    }
    const QByteArray bytes = QJsonDocument(out).toJson(QJsonDocument::Compact);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return 0;
}
