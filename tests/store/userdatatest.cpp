// Drafts and the outbox: what the user cannot get back from GitHub.

#include "storetestsupport.h"

#include <QJsonArray>

using namespace Mainstay;
using namespace Mainstay::StoreTest;
using namespace Qt::StringLiterals;

namespace {

class StoreUserData : public StoreFixture
{
protected:
    void SetUp() override
    {
        StoreFixture::SetUp();
        open();
    }
    UserDataDatabase &userData() { return m_store->userData(); }
    void reopen()
    {
        close();
        open();
    }
};

TEST_F(StoreUserData, DraftKeepsTheLatestTextAndWhenItWasSaved)
{
    const QString key = u"release-notes/v3.1.0"_s;
    EXPECT_TRUE(userData().draft(key).isNull());
    ASSERT_TRUE(userData().saveDraft(key, u"## Summary"_s));
    m_clock.advance(1500);
    ASSERT_TRUE(userData().saveDraft(key, u"## Summary\n\nThis release brings 🚀"_s));
    ASSERT_TRUE(userData().saveDraft(u"comment/12"_s, QString()));
    reopen();
    EXPECT_EQ(userData().draft(key), u"## Summary\n\nThis release brings 🚀"_s);
    EXPECT_EQ(userData().draftSavedAt(key), m_clock.now());
    EXPECT_FALSE(userData().draft(u"comment/12"_s).isNull());
    EXPECT_EQ(userData().draftKeys(), (QStringList{u"comment/12"_s, key}));
}

TEST_F(StoreUserData, DraftVersionsAreKeptNewestFirstUntilTheDraftIsDeleted)
{
    const QString key = u"release-notes/v3.1.0"_s;
    const QDateTime first = m_clock.now();
    const qint64 v1 = userData().saveDraftVersion(key, u"one"_s, u"first try"_s);
    m_clock.advance(60'000);
    const qint64 v2 = userData().saveDraftVersion(key, u"two"_s, QString());
    ASSERT_GT(v1, 0);
    ASSERT_GT(v2, v1);
    ASSERT_TRUE(userData().saveDraft(key, u"latest"_s));
    ASSERT_GT(userData().saveDraftVersion(u"other"_s, u"x"_s, u"y"_s), v2);
    reopen();

    const QList<DraftVersion> versions = userData().draftVersions(key);
    ASSERT_EQ(versions.size(), 2);
    EXPECT_EQ(versions[0], (DraftVersion{v2, key, u"two"_s, u""_s, first.addSecs(60)}));
    EXPECT_EQ(versions[1], (DraftVersion{v1, key, u"one"_s, u"first try"_s, first}));

    ASSERT_TRUE(userData().deleteDraft(key));
    EXPECT_TRUE(userData().draft(key).isNull());
    EXPECT_TRUE(userData().draftVersions(key).isEmpty());
    EXPECT_EQ(userData().draftVersions(u"other"_s).size(), 1);
}

TEST_F(StoreUserData, EnqueuedEntriesComeBackWithIncreasingIds)
{
    const QJsonObject labels{{u"issue"_s, 12},
                             {u"labels"_s, QJsonArray{u"bug"_s, u"überarbeiten"_s}}};
    const qint64 first = userData().enqueue(u"add-labels"_s, labels);
    m_clock.advance(1000);
    const qint64 second = userData().enqueue(u"comment"_s, {{u"issue"_s, 12}, {u"body"_s, u"🚀"_s}});
    ASSERT_GT(first, 0);
    ASSERT_GT(second, first);
    reopen();

    const std::optional<OutboxEntry> entry = userData().entry(first);
    ASSERT_TRUE(entry.has_value());
    EXPECT_EQ(entry->kind, u"add-labels"_s);
    EXPECT_EQ(entry->payload, labels);
    EXPECT_EQ(entry->state, OutboxEntry::State::Queued);
    EXPECT_EQ(entry->attempts, 0);
    EXPECT_TRUE(entry->lastError.isEmpty());
    EXPECT_TRUE(entry->result.isEmpty());
    EXPECT_EQ(entry->createdAt, m_clock.now().addSecs(-1));
    EXPECT_EQ(entry->updatedAt, entry->createdAt);

    const QList<OutboxEntry> pending = userData().pendingEntries();
    ASSERT_EQ(pending.size(), 2);
    EXPECT_EQ(pending[0].id, first);
    EXPECT_EQ(pending[1].id, second);
    EXPECT_EQ(userData().entry(second + 100), std::nullopt);
}

TEST_F(StoreUserData, OutboxEntryGoesThroughSendingToSent)
{
    const qint64 id = userData().enqueue(u"create-release"_s, {{u"tag"_s, u"v3.1.0"_s}});
    m_clock.advance(5000);
    ASSERT_TRUE(userData().markSending(id));
    ASSERT_TRUE(userData().markSending(id)); // again, e.g. after a crash mid-request
    EXPECT_EQ(userData().entry(id)->attempts, 2);
    EXPECT_EQ(userData().entry(id)->state, OutboxEntry::State::Sending);
    EXPECT_EQ(userData().pendingEntries().size(), 1);

    const QJsonObject result{{u"id"_s, 123456},
                             {u"html_url"_s, u"https://github.com/o/r/releases/1"_s}};
    ASSERT_TRUE(userData().markSent(id, result));
    reopen();
    const OutboxEntry sent = *userData().entry(id);
    EXPECT_EQ(sent.state, OutboxEntry::State::Sent);
    EXPECT_EQ(sent.result, result);
    EXPECT_EQ(sent.updatedAt, m_clock.now());
    EXPECT_TRUE(userData().pendingEntries().isEmpty());
    // Nothing moves a sent entry any more.
    EXPECT_FALSE(userData().markSending(id));
    EXPECT_FALSE(userData().markFailed(id, u"x"_s, true));
    EXPECT_FALSE(userData().cancel(id));
    EXPECT_FALSE(userData().retry(id));
    EXPECT_EQ(userData().entry(id)->state, OutboxEntry::State::Sent);
}

TEST_F(StoreUserData, TransientFailureRequeuesPermanentFailureStops)
{
    const qint64 id = userData().enqueue(u"dispatch"_s, {{u"ref"_s, u"develop"_s}});
    ASSERT_TRUE(userData().markSending(id));
    ASSERT_TRUE(userData().markFailed(id, u"HTTP 502"_s, false));
    OutboxEntry entry = *userData().entry(id);
    EXPECT_EQ(entry.state, OutboxEntry::State::Queued);
    EXPECT_EQ(entry.lastError, u"HTTP 502"_s);

    ASSERT_TRUE(userData().markSending(id));
    ASSERT_TRUE(userData().markFailed(id, u"HTTP 422: inputs are invalid"_s, true));
    entry = *userData().entry(id);
    EXPECT_EQ(entry.state, OutboxEntry::State::Failed);
    EXPECT_EQ(entry.attempts, 2);
    EXPECT_TRUE(userData().pendingEntries().isEmpty());
    EXPECT_FALSE(userData().markSending(id));

    ASSERT_TRUE(userData().retry(id));
    EXPECT_EQ(userData().entry(id)->state, OutboxEntry::State::Queued);
    EXPECT_EQ(userData().pendingEntries().size(), 1);
}

TEST_F(StoreUserData, CancelOnlyWhatIsNotBeingSent)
{
    const qint64 queued = userData().enqueue(u"close-issue"_s, {{u"issue"_s, 1}});
    const qint64 sending = userData().enqueue(u"close-issue"_s, {{u"issue"_s, 2}});
    const qint64 failed = userData().enqueue(u"close-issue"_s, {{u"issue"_s, 3}});
    ASSERT_TRUE(userData().markSending(sending));
    ASSERT_TRUE(userData().markFailed(failed, u"gone"_s, true));

    EXPECT_TRUE(userData().cancel(queued));
    EXPECT_FALSE(userData().cancel(sending));
    EXPECT_TRUE(userData().cancel(failed));
    EXPECT_FALSE(userData().cancel(queued)); // already cancelled
    EXPECT_FALSE(userData().cancel(9999));

    const QList<OutboxEntry> all = userData().entries();
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all[0].state, OutboxEntry::State::Cancelled);
    EXPECT_EQ(all[1].state, OutboxEntry::State::Sending);
    EXPECT_EQ(all[2].state, OutboxEntry::State::Cancelled);
    EXPECT_EQ(userData().pendingEntries().size(), 1);
}

TEST_F(StoreUserData, StateNamesRoundTrip)
{
    for (OutboxEntry::State state :
         {OutboxEntry::State::Queued, OutboxEntry::State::Sending, OutboxEntry::State::Sent,
          OutboxEntry::State::Failed, OutboxEntry::State::Cancelled})
        EXPECT_EQ(OutboxEntry::stateFromString(OutboxEntry::toString(state)), state);
    EXPECT_EQ(OutboxEntry::stateFromString(u"exploded"), std::nullopt);
}

TEST_F(StoreUserData, IdsAreNeverReusedAfterEntriesDisappear)
{
    const qint64 first = userData().enqueue(u"comment"_s, {});
    const qint64 second = userData().enqueue(u"comment"_s, {});
    close();
    // Simulate rows gone (e.g. pruned by a later version): AUTOINCREMENT still moves on.
    QString error;
    ASSERT_TRUE(runSql(userDataPath(), u"DELETE FROM outbox;"_s, &error)) << error.toStdString();
    open();
    EXPECT_GT(userData().enqueue(u"comment"_s, {}), second);
    EXPECT_GT(second, first);
}

} // namespace

TEST_F(StoreUserData, LocalValuesAreKeptPerScopeAndSurviveAReopen)
{
    const QString snoozes = u"snooze"_s;
    EXPECT_TRUE(userData().localValue(snoozes, u"12"_s).isUndefined());
    ASSERT_TRUE(userData().setLocalValue(snoozes, u"12"_s,
                                         QJsonObject{{u"until"_s, u"2026-12-01T00:00:00Z"_s}}));
    ASSERT_TRUE(userData().setLocalValue(snoozes, u"13"_s, 42));
    ASSERT_TRUE(userData().setLocalValue(u"rfc"_s, u"12"_s, u"answers"_s));
    ASSERT_TRUE(userData().setLocalValue(snoozes, u"13"_s, true)); // replaces 42
    reopen();
    EXPECT_EQ(userData().localValue(snoozes, u"12"_s).toObject().value(u"until"_s).toString(),
              u"2026-12-01T00:00:00Z"_s);
    EXPECT_EQ(userData().localValue(snoozes, u"13"_s), QJsonValue(true));
    EXPECT_EQ(userData().localValue(u"rfc"_s, u"12"_s), QJsonValue(u"answers"_s));
    EXPECT_EQ(userData().localValues(snoozes).size(), 2);
    ASSERT_TRUE(userData().removeLocalValue(snoozes, u"12"_s));
    EXPECT_TRUE(userData().localValue(snoozes, u"12"_s).isUndefined());
    EXPECT_EQ(userData().localValues(snoozes).keys(), QStringList{u"13"_s});
    EXPECT_EQ(userData().localValues(u"rfc"_s).size(), 1);
}
