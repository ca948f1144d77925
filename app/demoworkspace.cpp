#include "demoworkspace.h"

#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "loopbackhttpserver.h"

namespace Mainstay {

QString DemoWorkspace::defaultRepository()
{
    return QStringLiteral("demo/lambda-powertools");
}

DemoWorkspace::DemoWorkspace() = default;

DemoWorkspace::~DemoWorkspace()
{
    if (m_server)
        m_server->stop();
}

bool DemoWorkspace::start(QString *error)
{
    // Whole seconds, like GitHub's timestamps, so the generated data round-trips exactly.
    const QDateTime now =
        QDateTime::fromSecsSinceEpoch(Clock::system()->now().toSecsSinceEpoch(), Qt::UTC);
    m_backend = std::make_shared<DemoGitHubBackend>(DemoDataGenerator::generate(Seed, now),
                                                    Clock::system());
    m_server = std::make_unique<LoopbackHttpServer>();
    std::weak_ptr<DemoGitHubBackend> backend = m_backend;
    m_server->setHandler([backend](const HttpRequest &request) {
        if (auto alive = backend.lock())
            return alive->handle(request);
        return HttpResponse::json(503, R"({"message":"The demo workspace is shutting down."})");
    });
    if (!m_server->start()) {
        if (error)
            *error = m_server->errorString();
        m_server.reset();
        return false;
    }
    return true;
}

QUrl DemoWorkspace::apiUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}

QString DemoWorkspace::repository() const
{
    return m_backend ? m_backend->dataset().fullName() : defaultRepository();
}

const Clock *DemoWorkspace::clock() const
{
    return Clock::system();
}

} // namespace Mainstay
