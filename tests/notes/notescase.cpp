#include "notescase.h"
#include <QJsonDocument>
#include <algorithm>

#include "domain/isodatetime.h"

#include <QJsonArray>

namespace Mainstay::Test {

NotesCase notesCaseFromJson(const QJsonObject &object)
{
    NotesCase c;
    c.name = object.value(QLatin1String("name")).toString();
    c.configYaml = object.value(QLatin1String("config")).toString().toUtf8();
    NotesInput &input = c.input;
    input.owner = object.value(QLatin1String("owner")).toString(QStringLiteral("octo"));
    input.repository = object.value(QLatin1String("repo")).toString(QStringLiteral("demo"));
    input.targetBranch = QStringLiteral("main");
    const QJsonObject last = object.value(QLatin1String("lastRelease")).toObject();
    input.previousTag = last.value(QLatin1String("tag_name")).toString();
    input.previousName = last.value(QLatin1String("name")).toString();
    input.inputVersion = object.value(QLatin1String("version")).toString();
    for (const QJsonValue &value : object.value(QLatin1String("pullRequests")).toArray()) {
        const QJsonObject o = value.toObject();
        NotesPullRequest pr;
        pr.number = o.value(QLatin1String("number")).toInt();
        pr.title = o.value(QLatin1String("title")).toString();
        pr.body = o.value(QLatin1String("body")).toString();
        pr.url = o.value(QLatin1String("url")).toString();
        pr.mergedAt = parseIsoDateTime(o.value(QLatin1String("mergedAt")).toString());
        pr.baseRefName = o.value(QLatin1String("baseRefName")).toString(QStringLiteral("main"));
        pr.headRefName = o.value(QLatin1String("headRefName"))
                             .toString(QStringLiteral("branch-%1").arg(pr.number));
        const QJsonObject author = o.value(QLatin1String("author")).toObject();
        pr.author.login = author.value(QLatin1String("login")).toString();
        pr.author.type = author.value(QLatin1String("__typename")).toString();
        pr.author.url = author.value(QLatin1String("url")).toString();
        for (const QJsonValue &label : o.value(QLatin1String("labels")).toArray())
            pr.labels << label.toString();
        input.pullRequests.append(pr);
    }
    for (const QJsonValue &value : object.value(QLatin1String("commits")).toArray()) {
        const QJsonObject author = value.toObject().value(QLatin1String("author")).toObject();
        NotesCommit commit;
        commit.authorName = author.value(QLatin1String("name")).toString();
        commit.authorLogin =
            author.value(QLatin1String("user")).toObject().value(QLatin1String("login")).toString();
        commit.message = value.toObject().value(QLatin1String("message")).toString();
        input.commits.append(commit);
    }
    return c;
}

QString lineDiff(const QString &expected, const QString &actual, const LineDiffStyle &style)
{
    const auto show = [&style](const QString &line) {
        if (!style.escaped)
            return line;
        return QString::fromUtf8(QJsonDocument(QJsonArray{line}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    };
    const auto label = [](const QString &name) {
        return name.isEmpty() ? QString() : QStringLiteral("   (%1)").arg(name);
    };
    const QStringList a = expected.split(u'\n');
    const QStringList b = actual.split(u'\n');
    qsizetype start = 0;
    while (start < a.size() && start < b.size() && a.at(start) == b.at(start))
        ++start;
    qsizetype endA = a.size(), endB = b.size();
    while (endA > start && endB > start && a.at(endA - 1) == b.at(endB - 1)) {
        --endA;
        --endB;
    }
    QString out = style.indent + QStringLiteral("@@ line %1 @@\n").arg(start + 1);
    for (qsizetype i = std::max<qsizetype>(0, start - style.context); i < start; ++i)
        out += style.indent + QStringLiteral("  ") + show(a.at(i)) + u'\n';
    for (qsizetype i = start; i < endA; ++i)
        out += style.indent + QStringLiteral("- ") + show(a.at(i)) + label(style.expectedLabel) +
               u'\n';
    for (qsizetype i = start; i < endB; ++i)
        out +=
            style.indent + QStringLiteral("+ ") + show(b.at(i)) + label(style.actualLabel) + u'\n';
    for (qsizetype i = endA; i < std::min(a.size(), endA + style.context); ++i)
        out += style.indent + QStringLiteral("  ") + show(a.at(i)) + u'\n';
    return out;
}

} // namespace Mainstay::Test
