#pragma once

#include "helpoverlay.h"
#include "messagebanner.h"
#include "workspacecontext.h"

#include <QUrl>
#include <QVariant>
#include <QWidget>

namespace Mainstay {

// One view of the main window's sidebar (board, pull requests, labels, notes, release,
// insights). The main window hands every page the open workspace and tells it when a sync
// finished; a page reads the store and the models, writes through the outbox, and reports
// problems with message(). Pages never talk to each other directly: navigationRequested() goes
// through the main window.
class WorkspacePage : public QWidget
{
    Q_OBJECT
public:
    explicit WorkspacePage(QWidget *parent = nullptr);

    // The workspace changed (opened, switched). The previous context's pointers are gone.
    virtual void setWorkspace(const WorkspaceContext &context) { m_context = context; }
    // The workspace closes (the store is about to be destroyed): drop every pointer into it.
    virtual void clearWorkspace() { m_context = {}; }
    // After each sync of the workspace; `ok` false when it failed (the cache is still readable).
    virtual void syncFinished(bool ok) { Q_UNUSED(ok) }
    // The page became the visible one.
    virtual void activated() {}
    // Ctrl+F and "/": focus the page's filter, if it has one.
    virtual void focusFilter() {}
    // A request from another page or the command line, e.g. {"run": 123} for the release
    // monitor. Unknown keys are ignored.
    virtual void navigate(const QVariantMap &arguments) { Q_UNUSED(arguments) }
    // Shortcuts this page adds, for the help overlay (group: the page's title).
    virtual QList<HelpOverlay::Entry> helpEntries() const { return {}; }

    const WorkspaceContext &context() const { return m_context; }

Q_SIGNALS:
    void message(Mainstay::MessageBanner::Level level, const QString &text);
    void statusMessage(const QString &text);
    // Switch to another page ("release", "board", …) and hand it `arguments`.
    void navigationRequested(const QString &view, const QVariantMap &arguments);

private:
    WorkspaceContext m_context;
};

} // namespace Mainstay
