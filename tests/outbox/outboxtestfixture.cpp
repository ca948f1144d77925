#include "outboxtestfixture.h"

#include <QTest>

namespace Mainstay::OutboxTest {

void OutboxFixture::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
    m_backend =
        std::make_shared<DemoGitHubBackend>(DemoDataGenerator::generate(7, Now), &m_serverClock);
    std::weak_ptr<DemoGitHubBackend> backend = m_backend;
    m_server.setHandler([this, backend](const HttpRequest &request) {
        auto answer = [&] { return backend.lock()->handle(request); };
        Wrap wrap;
        {
            QMutexLocker lock(&m_wrapMutex);
            wrap = m_wrap;
        }
        return wrap ? wrap(request, answer) : answer();
    });
    ASSERT_TRUE(m_server.start());
    m_repository = m_backend->dataset().fullName();
    m_store = std::make_unique<WorkspaceStore>(&m_clock);
    const StoreOpenResult opened = m_store->open(m_dir.path(), m_repository);
    ASSERT_TRUE(opened.ok) << opened.error.toStdString();
    m_client.setApiUrl(m_server.baseUrl());
    m_client.setClock(&m_clock);
    m_client.setScheduler(&m_scheduler);
    makeOutbox();
}

void OutboxFixture::TearDown()
{
    m_outbox.reset();
    // The handler refers to this fixture: stop serving before it goes.
    m_server.stop();
}

void OutboxFixture::setWrap(Wrap wrap)
{
    QMutexLocker lock(&m_wrapMutex);
    m_wrap = std::move(wrap);
}

void OutboxFixture::makeOutbox()
{
    m_outbox.reset();
    m_outbox =
        std::make_unique<Outbox>(&m_store->userData(), &m_client, m_repository, &m_scheduler);
}

bool OutboxFixture::runUntil(const std::function<bool()> &done, qint64 stepMs)
{
    return QTest::qWaitFor(
        [&] {
            m_scheduler.advance(stepMs);
            return done();
        },
        20'000);
}

bool OutboxFixture::drain()
{
    return runUntil([&] { return m_outbox->pendingCount() == 0 && !m_outbox->isSending(); });
}

QList<HttpRequest> OutboxFixture::writes() const
{
    QList<HttpRequest> result;
    for (const HttpRequest &request : m_server.requestLog())
        if (request.method != "GET")
            result.append(request);
    return result;
}

Issue OutboxFixture::openIssue(const QString &without) const
{
    for (const Issue &issue : m_backend->dataset().issues)
        if (issue.isOpen() && (without.isEmpty() || !issue.hasLabel(without)))
            return issue;
    ADD_FAILURE() << "no open issue in the demo dataset";
    return {};
}

Issue OutboxFixture::serverIssue(int number) const
{
    for (const Issue &issue : m_backend->dataset().issues)
        if (issue.number == number)
            return issue;
    ADD_FAILURE() << "no issue #" << number << " on the server";
    return {};
}

int OutboxFixture::commentsContaining(const QString &text) const
{
    int count = 0;
    for (const Comment &comment : m_backend->dataset().comments)
        if (comment.body.contains(text))
            ++count;
    return count;
}

} // namespace Mainstay::OutboxTest
