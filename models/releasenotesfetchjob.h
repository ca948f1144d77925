#pragma once

#include "releasenotes.h"
#include "releasenoteschecks.h"

#include "release.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <functional>

namespace Mainstay {

class GitHubClient;
class CacheDatabase;

// Fetches what generation needs for OWNER/REPO from GitHub (or a loopback backend):
//  1. the configuration: `.github/release-drafter.yml`, else `.github/release.yml` (contents API,
//     base64), else the policy — unless a local config was given;
//  2. the releases (every page, or the cache's), to resolve the previous release when `from` is
//  empty (the
//     newest published, non-prerelease release by semantic version, as Release Drafter picks it);
//  3. the commits of `/compare/{from}...{to}` (every page) for contributors and commit messages;
//     without a previous release, the commits of `to`;
//  4. the pull requests merged into the target branch in that range: the search API
//     (`is:pr is:merged base:BRANCH merged:>=DATE`) filtered to the compare commits' merge SHAs,
//     every page;
//  5. first-time contributors: authors with no merged pull request before the range.
// Emits finished() once; error() is non-empty on failure (with what failed and why).
class ReleaseNotesFetchJob : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString repository;                     // owner/name
        QString from;                           // previous tag; empty = resolve from releases
        QString to;                             // ref; empty = the target branch
        QString targetBranch;                   // empty = the config's (policy's) branch
        std::optional<NotesConfig> localConfig; // --config FILE: skips the repository's files
        ReleasePolicy policy;
        QString webUrl; // https://github.com/owner/name
        // The workspace's cache: its releases (kept by the sync) are used instead of listing
        // them again when it holds any. Not owned; may be null.
        const CacheDatabase *cache = nullptr;
    };

    ReleaseNotesFetchJob(GitHubClient *client, const Options &options, QObject *parent = nullptr);
    ~ReleaseNotesFetchJob() override;

    void start();

    bool isFinished() const { return m_finished; }
    QString error() const { return m_error; }
    const NotesInput &input() const { return m_input; }
    const NotesConfig &config() const { return m_config; }
    // Diagnostics of a repository config that did not parse (the policy is then used and
    // error() says so only if nothing else worked).
    const QList<PolicyDiagnostic> &configDiagnostics() const { return m_configDiagnostics; }
    // Releases as listed (newest first), for a picker.
    const QList<Release> &releases() const { return m_releases; }

Q_SIGNALS:
    void finished();
    void progress(const QString &what);

private:
    // Walks a listing page by page (following Link rel="next"); `onPage` returns false to stop
    // early; `done` runs after the last page. Errors fail the job with `what`.
    void walk(const QUrl &url, const QString &what,
              std::function<bool(const QByteArray &body)> onPage, std::function<void()> done);
    void fetchConfig(int index);
    void fetchReleases();
    void choosePrevious();
    void fetchCompare();
    void fetchPullRequests();
    void fetchFirstTimers();
    void fail(const QString &message);
    void finish();

    GitHubClient *m_client;
    Options m_options;
    NotesInput m_input;
    NotesConfig m_config;
    QList<PolicyDiagnostic> m_configDiagnostics;
    QList<Release> m_releases;
    QSet<QString> m_rangeShas;
    QStringList m_authors;
    int m_authorIndex = 0;
    QDateTime m_since;
    QString m_error;
    bool m_finished = false;
    bool m_started = false;
};

// Looks up what the "tag consistent" check needs: whether the tag exists (GET
// /git/ref/tags/TAG) and, if it does, whether a run of the release workflow (by name) for that
// tag or its version completed successfully. finished() once; error() on failure.
class ReleaseTagStateJob : public QObject
{
    Q_OBJECT
public:
    ReleaseTagStateJob(GitHubClient *client, const QString &repository, const QString &tag,
                       const QString &workflowName, QObject *parent = nullptr);
    void start();
    const NotesTagState &state() const { return m_state; }
    QString error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void fetchRuns();
    GitHubClient *m_client;
    QString m_repository;
    QString m_tag;
    QString m_workflow;
    NotesTagState m_state;
    QString m_error;
};

} // namespace Mainstay
