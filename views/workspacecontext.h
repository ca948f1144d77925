#pragma once

#include <QString>
#include <QUrl>

class QSettings;

namespace Mainstay {

class Clock;
class GitHubClient;
class IssueListModel;
class Outbox;
class SyncEngine;
class WorkspaceStore;
struct Policy;

// What a page needs of the open workspace. The AppController owns every object; they stay
// valid until the next WorkspacePage::setWorkspace() (or clearWorkspace()) call.
struct WorkspaceContext
{
    WorkspaceStore *store = nullptr; // null when the cache could not be opened
    GitHubClient *client = nullptr;
    Outbox *outbox = nullptr; // every write goes through here; null without a store
    SyncEngine *sync = nullptr;
    IssueListModel *issues = nullptr; // the cached issues and PRs, outbox overlay applied
    const Policy *policy = nullptr;
    const Clock *clock = nullptr;  // the demo's compressed clock, or the system clock
    QSettings *settings = nullptr; // the user's settings (window state, saved filters, …)
    QString repository;            // "owner/name"
    QUrl webUrl;                   // https://github.com/owner/name (or the GHES equivalent)
    QString dataDir;
    bool demo = false;

    bool isValid() const { return store && client && policy; }
};

} // namespace Mainstay
