// Timestamp parsing and a 100-item issues page: the per-item costs behind syncing 100,000 items.
//   ./build/bench/bench_isodatetime

#include "githubjson.h"
#include "isodatetime.h"

#include <benchmark/benchmark.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

// The forms GitHub sends, mixed the way a jobs page mixes them.
const QStringList &timestamps()
{
    static const QStringList texts = {
        u"2026-11-27T10:04:05Z"_s,          u"2020-01-20T09:42:40.000-08:00"_s,
        u"2024-02-29T23:59:59Z"_s,          u"2011-04-22T13:33:48Z"_s,
        u"2020-01-08T23:48:37.000-08:00"_s, u"2025-06-30T12:00:00.123Z"_s,
        u"2019-08-08T08:00:00-07:00"_s,     u"2026-01-02T03:04:05+05:30"_s,
    };
    return texts;
}

void parseIsoDateTimeBench(benchmark::State &state)
{
    const QStringList &texts = timestamps();
    qsizetype i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(Mainstay::parseIsoDateTime(texts[i]));
        i = (i + 1) % texts.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(parseIsoDateTimeBench)->Name("parseIsoDateTime");

void qtFromStringBench(benchmark::State &state)
{
    const QStringList &texts = timestamps();
    qsizetype i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(QDateTime::fromString(texts[i], Qt::ISODateWithMs).toUTC());
        i = (i + 1) % texts.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(qtFromStringBench)->Name("QDateTime::fromString(ISODateWithMs)");

QJsonObject user(const QString &login, int id)
{
    const QString api = u"https://api.github.com/users/"_s + login;
    return QJsonObject{
        {u"login"_s, login},
        {u"id"_s, id},
        {u"node_id"_s, u"MDQ6VXNlcjE="_s},
        {u"avatar_url"_s, u"https://avatars.githubusercontent.com/u/%1?v=4"_s.arg(id)},
        {u"gravatar_id"_s, u""_s},
        {u"url"_s, api},
        {u"html_url"_s, u"https://github.com/"_s + login},
        {u"followers_url"_s, api + u"/followers"_s},
        {u"following_url"_s, api + u"/following{/other_user}"_s},
        {u"gists_url"_s, api + u"/gists{/gist_id}"_s},
        {u"starred_url"_s, api + u"/starred{/owner}{/repo}"_s},
        {u"subscriptions_url"_s, api + u"/subscriptions"_s},
        {u"organizations_url"_s, api + u"/orgs"_s},
        {u"repos_url"_s, api + u"/repos"_s},
        {u"events_url"_s, api + u"/events{/privacy}"_s},
        {u"received_events_url"_s, api + u"/received_events"_s},
        {u"type"_s, u"User"_s},
        {u"site_admin"_s, false}};
}

QJsonObject label(const QString &name, qint64 id, const QString &color)
{
    return QJsonObject{
        {u"id"_s, id},
        {u"node_id"_s, u"MDU6TGFiZWwyMDgwNDU5NDY="_s},
        {u"url"_s, u"https://api.github.com/repos/o/r/labels/"_s + name},
        {u"name"_s, name},
        {u"color"_s, color},
        {u"default"_s, false},
        {u"description"_s, u"Label "_s + name},
    };
}

// A page of 100 issues shaped like GET /repos/{o}/{r}/issues answers (every url field, a user,
// labels, reactions; every fifth item a pull request), about 2.5 KB an item.
QByteArray issuePage()
{
    QJsonArray items;
    for (int i = 0; i < 100; ++i) {
        const int number = 4000 + i;
        const QString issueApi = u"https://api.github.com/repos/o/r/issues/%1"_s.arg(number);
        QJsonArray labels{label(u"bug"_s, 208045946, u"d73a4a"_s),
                          label(u"triage"_s, 208045947, u"ededed"_s)};
        if (i % 3 == 0)
            labels.append(label(u"help wanted"_s, 208045948, u"008672"_s));
        QJsonObject item{
            {u"url"_s, issueApi},
            {u"repository_url"_s, u"https://api.github.com/repos/o/r"_s},
            {u"labels_url"_s, issueApi + u"/labels{/name}"_s},
            {u"comments_url"_s, issueApi + u"/comments"_s},
            {u"events_url"_s, issueApi + u"/events"_s},
            {u"html_url"_s, u"https://github.com/o/r/issues/%1"_s.arg(number)},
            {u"id"_s, 1800000000 + i},
            {u"node_id"_s, u"I_kwDOAbCdEf5xYz"_s},
            {u"number"_s, number},
            {u"title"_s, u"Bug: the logger drops structured keys when sampling (#%1)"_s.arg(i)},
            {u"user"_s, user(u"contributor%1"_s.arg(i % 17), 100 + i % 17)},
            {u"labels"_s, labels},
            {u"state"_s, i % 4 == 0 ? u"closed"_s : u"open"_s},
            {u"locked"_s, false},
            {u"assignee"_s, QJsonValue::Null},
            {u"assignees"_s, QJsonArray()},
            {u"milestone"_s, QJsonValue::Null},
            {u"comments"_s, i % 7},
            {u"created_at"_s, u"2025-03-%1T10:04:05Z"_s.arg(1 + i % 28, 2, 10, QChar(u'0'))},
            {u"updated_at"_s, u"2026-11-%1T08:00:00Z"_s.arg(1 + i % 28, 2, 10, QChar(u'0'))},
            {u"closed_at"_s, i % 4 == 0 ? QJsonValue(u"2026-11-27T10:04:05Z"_s) : QJsonValue()},
            {u"author_association"_s, u"CONTRIBUTOR"_s},
            {u"active_lock_reason"_s, QJsonValue::Null},
            {u"body"_s, u"## Expected Behaviour\n\nKeys are kept.\n\n## Current Behaviour\n\n"
                        "They are dropped when sampling is on.\n\n## Code snippet\n\n```python\n"
                        "logger.info('x', extra={'a': 1})\n```\n"_s},
            {u"reactions"_s, QJsonObject{{u"url"_s, issueApi + u"/reactions"_s},
                                         {u"total_count"_s, i % 5},
                                         {u"+1"_s, i % 5},
                                         {u"-1"_s, 0},
                                         {u"laugh"_s, 0},
                                         {u"hooray"_s, 0},
                                         {u"confused"_s, 0},
                                         {u"heart"_s, 0},
                                         {u"rocket"_s, 0},
                                         {u"eyes"_s, 0}}},
            {u"timeline_url"_s, issueApi + u"/timeline"_s},
            {u"performed_via_github_app"_s, QJsonValue::Null},
            {u"state_reason"_s, i % 4 == 0 ? QJsonValue(u"completed"_s) : QJsonValue()},
        };
        if (i % 5 == 0)
            item.insert(
                u"pull_request"_s,
                QJsonObject{{u"url"_s, u"https://api.github.com/repos/o/r/pulls/%1"_s.arg(number)},
                            {u"merged_at"_s, u"2026-11-20T10:04:05Z"_s}});
        items.append(item);
    }
    return QJsonDocument(items).toJson(QJsonDocument::Compact);
}

void parseIssueListBench(benchmark::State &state)
{
    const QByteArray page = issuePage();
    if (!Mainstay::GitHubJson::parseIssueList(page).isOk()) {
        state.SkipWithError("the generated page does not parse");
        return;
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(Mainstay::GitHubJson::parseIssueList(page));
    state.SetItemsProcessed(state.iterations() * 100);
    state.SetBytesProcessed(state.iterations() * page.size());
}
BENCHMARK(parseIssueListBench)->Name("parseIssueList/100 items")->Unit(benchmark::kMicrosecond);

// What the field checks and value building cost on top of Qt's parser: the same page, already
// parsed into a QJsonArray, item by item.
void parseIssueValuesBench(benchmark::State &state)
{
    const QJsonArray items = QJsonDocument::fromJson(issuePage()).array();
    for (auto _ : state)
        for (const QJsonValue &item : items)
            benchmark::DoNotOptimize(Mainstay::GitHubJson::parseIssue(item));
    state.SetItemsProcessed(state.iterations() * items.size());
}
BENCHMARK(parseIssueValuesBench)
    ->Name("parseIssue x 100, JSON already parsed")
    ->Unit(benchmark::kMicrosecond);

// The floor: Qt's JSON parser alone on the same page.
void jsonDocumentOnlyBench(benchmark::State &state)
{
    const QByteArray page = issuePage();
    for (auto _ : state)
        benchmark::DoNotOptimize(QJsonDocument::fromJson(page));
    state.SetItemsProcessed(state.iterations() * 100);
    state.SetBytesProcessed(state.iterations() * page.size());
}
BENCHMARK(jsonDocumentOnlyBench)
    ->Name("QJsonDocument::fromJson/100 items (floor)")
    ->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
