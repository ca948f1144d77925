#pragma once

#include <QString>
#include <QUrl>
#include <memory>

namespace Mainstay {

class Clock;
class DemoGitHubBackend;
class LoopbackHttpServer;

// The embedded demo: a generated repository served on loopback by the GitHub-shaped demo
// backend, so the app talks to it through the same client code as to github.com. Writes made in
// demo mode stay in its memory.
class DemoWorkspace
{
public:
    static QString defaultRepository();
    static constexpr quint64 Seed = 20261127;

    DemoWorkspace();
    ~DemoWorkspace();

    bool start(QString *error);
    QUrl apiUrl() const;
    QString repository() const;
    // The backend's clock: the demo's "now", which the list ages are measured against.
    const Clock *clock() const;
    DemoGitHubBackend *backend() const { return m_backend.get(); }

private:
    std::shared_ptr<DemoGitHubBackend> m_backend;
    std::unique_ptr<LoopbackHttpServer> m_server;
};

} // namespace Mainstay
