// Repository label writes and combined label changes: the delete-label and change-labels kinds
// as REST calls against the loopback GitHub, their idempotence, and the overlay that shows them
// before they are sent.

#include "deletedlabel.h"
#include "labelcatalog.h"
#include "outboxkind.h"
#include "outboxoverlay.h"
#include "outboxtestfixture.h"
#include "policy.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Mainstay;
using namespace Mainstay::OutboxTest;

namespace {

QJsonObject bodyOf(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

class OutboxLabelTest : public OutboxFixture
{
protected:
    void SetUp() override
    {
        OutboxFixture::SetUp();
        m_outbox->start();
    }

    QList<HttpRequest> send(const std::function<qint64()> &write,
                            OutboxEntry::State expected = OutboxEntry::State::Sent)
    {
        m_server.clearRequestLog();
        const qint64 id = write();
        EXPECT_GT(id, 0);
        EXPECT_TRUE(drain());
        const std::optional<OutboxEntry> entry = m_store->userData().entry(id);
        EXPECT_TRUE(entry && entry->state == expected)
            << (entry ? entry->lastError.toStdString() : std::string("missing"));
        return writes();
    }

    bool serverHasLabel(const QString &name) const
    {
        for (const Label &label : m_backend->dataset().labels)
            if (label.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }
    int serverItemsCarrying(const QString &name) const
    {
        int count = 0;
        for (const Issue &issue : m_backend->dataset().issues)
            count += issue.hasLabel(name);
        for (const PullRequest &pull : m_backend->dataset().pullRequests)
            count += pull.hasLabel(name);
        return count;
    }
};

OutboxEntry entry(qint64 id, const QString &kind, const QJsonObject &payload,
                  OutboxEntry::State state = OutboxEntry::State::Queued)
{
    OutboxEntry e;
    e.id = id;
    e.kind = kind;
    e.payload = payload;
    e.state = state;
    return e;
}

Label label(const QString &name, const QString &color, const QString &description = {})
{
    Label l;
    l.name = name;
    l.color = color;
    l.description = description;
    return l;
}

} // namespace

TEST_F(OutboxLabelTest, DeletingALabelSendsOneDeleteAndTakesItOffEveryItem)
{
    // The demo repository has `event_sources`, which the policy does not know, on open items.
    ASSERT_TRUE(serverHasLabel(QStringLiteral("event_sources")));
    ASSERT_GT(serverItemsCarrying(QStringLiteral("event_sources")), 0);

    const QList<HttpRequest> sent =
        send([&] { return m_outbox->deleteLabel(QStringLiteral("event_sources")); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "DELETE");
    EXPECT_EQ(sent[0].target, repoPath(QStringLiteral("/labels/event_sources")).toUtf8());
    EXPECT_TRUE(sent[0].body.isEmpty());
    EXPECT_FALSE(serverHasLabel(QStringLiteral("event_sources")));
    EXPECT_EQ(serverItemsCarrying(QStringLiteral("event_sources")), 0);
}

TEST_F(OutboxLabelTest, DeletingALabelThatIsGoneCountsAsDone)
{
    // A name with a space and a slash is one encoded path segment; GitHub's 404 means the goal
    // holds already, as when our own interrupted try deleted it.
    const QList<HttpRequest> sent =
        send([&] { return m_outbox->deleteLabel(QStringLiteral("never here/at all")); });
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent[0].method, "DELETE");
    EXPECT_EQ(sent[0].target, repoPath(QStringLiteral("/labels/never%20here%2Fat%20all")).toUtf8());
}

TEST_F(OutboxLabelTest, ADeleteRefusedForOtherReasonsFails)
{
    setWrap([](const HttpRequest &request, const std::function<HttpResponse()> &answer) {
        if (request.method == "DELETE") {
            HttpResponse refused;
            refused.status = 403;
            refused.body = R"({"message":"Must have admin rights to Repository."})";
            refused.setHeader("Content-Type", "application/json");
            return refused;
        }
        return answer();
    });
    send([&] { return m_outbox->deleteLabel(QStringLiteral("event_sources")); },
         OutboxEntry::State::Failed);
    EXPECT_TRUE(serverHasLabel(QStringLiteral("event_sources")));
}

TEST_F(OutboxLabelTest, CatalogueFixesGoOutAsCreatesAndUpdates)
{
    // The label catalogue's "apply all" over the demo repository and the default policy.
    QList<Issue> items = m_backend->dataset().issues;
    for (const PullRequest &pull : m_backend->dataset().pullRequests)
        items.append(pull);
    const LabelCatalog catalog(m_backend->dataset().labels, Policy::defaultPolicy(), items);
    const QList<LabelCatalogFix> fixes = catalog.fixes();
    ASSERT_FALSE(fixes.isEmpty());
    m_server.clearRequestLog();
    for (const LabelCatalogFix &fix : fixes) {
        if (fix.action == LabelCatalogFix::Action::Create)
            m_outbox->createLabel(fix.label);
        else if (fix.action == LabelCatalogFix::Action::Update)
            m_outbox->updateLabel(fix.oldName, fix.label);
    }
    ASSERT_TRUE(drain());
    const QList<HttpRequest> sent = writes();
    ASSERT_EQ(sent.size(), fixes.size());
    for (qsizetype i = 0; i < fixes.size(); ++i) {
        const LabelCatalogFix &fix = fixes[i];
        const QJsonObject body = bodyOf(sent[i]);
        EXPECT_EQ(body.value("color").toString(), fix.label.color);
        EXPECT_EQ(body.value("description").toString(), fix.label.description);
        if (fix.action == LabelCatalogFix::Action::Create) {
            EXPECT_EQ(sent[i].method, "POST");
            EXPECT_EQ(sent[i].path, repoPath(QStringLiteral("/labels")));
            EXPECT_EQ(body.value("name").toString(), fix.label.name);
        } else {
            EXPECT_EQ(sent[i].method, "PATCH");
            EXPECT_EQ(sent[i].target,
                      repoPath(QStringLiteral("/labels/") +
                               QString::fromLatin1(QUrl::toPercentEncoding(fix.oldName)))
                          .toUtf8());
        }
    }
    // Afterwards the repository is as the policy wants it, apart from its extra labels.
    const LabelCatalog after(m_backend->dataset().labels, Policy::defaultPolicy(), items);
    EXPECT_TRUE(after.fixes().isEmpty());
}

TEST_F(OutboxLabelTest, ALabelChangeIsOneEntryOfTheSimplestKind)
{
    Issue issue;
    for (const Issue &candidate : m_backend->dataset().issues)
        if (candidate.isOpen() && candidate.hasLabel(u"triage") &&
            !candidate.hasLabel(u"help wanted"))
            issue = candidate;
    ASSERT_GT(issue.number, 0);
    const QString labels = repoPath(QStringLiteral("/issues/%1/labels").arg(issue.number));

    EXPECT_EQ(m_outbox->applyLabelChange(issue.number, {}), 0);
    EXPECT_EQ(m_outbox->pendingCount(), 0);

    // Add and remove together: one change-labels entry, sent as a POST and one DELETE.
    QList<HttpRequest> sent = send([&] {
        return m_outbox->applyLabelChange(
            issue.number, LabelChange{{QStringLiteral("help wanted")}, {QStringLiteral("triage")}});
    });
    const OutboxEntry stored = m_store->userData().entries().last();
    EXPECT_EQ(stored.kind, OutboxKind::ChangeLabels);
    EXPECT_EQ(stored.payload, QJsonObject({{"number", issue.number},
                                           {"add", QJsonArray{"help wanted"}},
                                           {"remove", QJsonArray{"triage"}}}));
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent[0].method, "POST");
    EXPECT_EQ(sent[0].path, labels);
    EXPECT_EQ(bodyOf(sent[0]), QJsonObject({{"labels", QJsonArray{"help wanted"}}}));
    EXPECT_EQ(sent[1].method, "DELETE");
    EXPECT_EQ(sent[1].target, (labels + QStringLiteral("/triage")).toUtf8());
    EXPECT_TRUE(serverIssue(issue.number).hasLabel(u"help wanted"));
    EXPECT_FALSE(serverIssue(issue.number).hasLabel(u"triage"));

    // Sent again (a retry), the removal's 404 counts as done.
    sent = send([&] {
        return m_outbox->changeLabels(issue.number, {QStringLiteral("help wanted")},
                                      {QStringLiteral("triage")});
    });
    EXPECT_EQ(sent.size(), 2);

    // Only additions, only removals: the existing kinds.
    m_outbox->setOnline(false);
    const qint64 add = m_outbox->applyLabelChange(issue.number, LabelChange{{"bug"}, {}});
    const qint64 remove = m_outbox->applyLabelChange(issue.number, LabelChange{{}, {"bug"}});
    EXPECT_EQ(m_store->userData().entry(add)->kind, OutboxKind::AddLabels);
    EXPECT_EQ(m_store->userData().entry(remove)->kind, OutboxKind::RemoveLabels);
}

TEST_F(OutboxLabelTest, TheCacheForgetsADeletedLabel)
{
    // Cache two items carrying the label, one that does not, and the label list.
    QList<Issue> items;
    for (const Issue &issue : m_backend->dataset().issues)
        if (issue.hasLabel(u"event_sources") && items.size() < 2)
            items.append(issue);
    ASSERT_EQ(items.size(), 2);
    items.append(openIssue(QStringLiteral("event_sources")));
    CacheDatabase &cache = m_store->cache();
    ASSERT_TRUE(cache.upsertIssues(items));
    ASSERT_TRUE(cache.replaceLabels(m_backend->dataset().labels));
    const QString body = cache.issueBody(items[0].number);

    bool ok = false;
    QList<int> changed = DeletedLabel::forget(cache, QStringLiteral("Event_Sources"), &ok);
    std::sort(changed.begin(), changed.end());
    QList<int> expected{items[0].number, items[1].number};
    std::sort(expected.begin(), expected.end());
    EXPECT_TRUE(ok);
    EXPECT_EQ(changed, expected);
    for (const Issue &item : cache.loadIssues())
        EXPECT_FALSE(item.hasLabel(u"event_sources")) << item.number;
    EXPECT_EQ(cache.issueBody(items[0].number), body);
    EXPECT_EQ(cache.loadLabels().size(), m_backend->dataset().labels.size() - 1);
}

TEST(OutboxLabelOverlay, PendingLabelWritesShowInTheLabelList)
{
    const QList<Label> labels{label("bug", "d73a4a", "Broken"), label("old", "ededed"),
                              label("Typo", "000000")};
    const QList<OutboxEntry> entries{
        entry(1, OutboxKind::CreateLabel,
              {{"name", "feature"}, {"color", "84b6eb"}, {"description", "New"}}),
        entry(2, OutboxKind::CreateLabel,
              {{"name", "BUG"}, {"color", "ff0000"}, {"description", "Fixed"}}),
        entry(
            3, OutboxKind::UpdateLabel,
            {{"name", "typo"}, {"fields", QJsonObject{{"new_name", "typo"}, {"color", "111111"}}}}),
        entry(4, OutboxKind::DeleteLabel, {{"name", "OLD"}}),
        entry(5, OutboxKind::DeleteLabel, {{"name", "feature"}}, OutboxEntry::State::Failed),
    };
    const QList<Label> result = OutboxOverlay::applyToLabels(labels, entries);
    ASSERT_EQ(result.size(), 3);
    EXPECT_EQ(result[0].name, "bug");
    EXPECT_EQ(result[0].color, "ff0000");
    EXPECT_EQ(result[0].description, "Fixed");
    EXPECT_EQ(result[1].name, "typo");
    EXPECT_EQ(result[1].color, "111111");
    EXPECT_EQ(result[2].name, "feature");
    EXPECT_EQ(result[2].description, "New");
    EXPECT_EQ(OutboxOverlay::pendingLabelNames(entries),
              (QSet<QString>{"feature", "bug", "typo", "old"}));
    EXPECT_EQ(OutboxOverlay::applyToLabels(labels, {}), labels);
}

TEST(OutboxLabelOverlay, DeletesAndChangesShowOnTheItems)
{
    Issue a;
    a.number = 1;
    a.labels = {label("bug", "d73a4a"), label("old", "ededed")};
    Issue b;
    b.number = 2;
    b.labels = {label("triage", "fbca04")};
    const QList<OutboxEntry> entries{
        entry(1, OutboxKind::DeleteLabel, {{"name", "Old"}}),
        entry(2, OutboxKind::ChangeLabels,
              {{"number", 2}, {"add", QJsonArray{"bug"}}, {"remove", QJsonArray{"triage"}}}),
    };
    const QList<Issue> result = OutboxOverlay::applyAll({a, b}, entries, {label("bug", "d73a4a")});
    ASSERT_EQ(result.size(), 2);
    ASSERT_EQ(result[0].labels.size(), 1);
    EXPECT_EQ(result[0].labels[0].name, "bug");
    ASSERT_EQ(result[1].labels.size(), 1);
    EXPECT_EQ(result[1].labels[0].name, "bug");
    EXPECT_EQ(result[1].labels[0].color, "d73a4a");
    EXPECT_EQ(OutboxOverlay::issueNumberOf(entries[1]), 2);
    EXPECT_EQ(OutboxOverlay::issueNumberOf(entries[0]), 0);
    // A failed delete is no longer pending: the label comes back.
    const QList<Issue> reverted = OutboxOverlay::applyAll(
        {a}, {entry(1, OutboxKind::DeleteLabel, {{"name", "old"}}, OutboxEntry::State::Failed)});
    EXPECT_EQ(reverted[0].labels.size(), 2);
}
