#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The words the demo generator builds titles, bodies and comments from. Invented text in the
// style of the maintainers' guide's project; no real people.
namespace Mainstay::DemoCorpus {

struct LabelSpec
{
    const char *name;
    const char *color;
    const char *description;
};

// The guide's label table (the <utility> row expanded into the area labels), plus GitHub's
// "good first issue".
const QList<LabelSpec> &labelSpecs();

struct Area
{
    QString label;      // "event_handler"
    QString title;      // "Event Handler"
    QString importLine; // "from aws_lambda_powertools.event_handler import APIGatewayRestResolver"
    QStringList things; // nouns a title can be about
    QStringList features; // things a feature request can ask for
};
const QList<Area> &areas();

const QStringList &maintainerLogins();
const QStringList &userLoginStems();
const QStringList &userLoginSuffixes();

const QStringList &bugConditions();
const QStringList &exceptions();
const QStringList &rfcTopics();
const QStringList &maintenanceTopics();
const QStringList &ciTopics();
const QStringList &dependencies(); // "pkg|from|to|ecosystem"
const QStringList &awsRegions();
const QStringList &pythonVersions();

const QStringList &maintainerTriageReplies();
const QStringList &maintainerFollowUps();
const QStringList &maintainerClosingReplies();
const QStringList &userReplies();
const QStringList &otherUserReplies();
const QStringList &reviewComments();

} // namespace Mainstay::DemoCorpus
