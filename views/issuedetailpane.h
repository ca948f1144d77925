#pragma once

#include "comment.h"
#include "issue.h"
#include "issueevent.h"

#include <QTextBrowser>
#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Mainstay {

// A read-only browser for GitHub text: remote images are never fetched (privacy; the renderer
// turns them into links) and links open in the user's browser instead of inside the pane.
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);
    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void linkOpened(const QUrl &url);
};

// The board's detail pane: title, state, author, labels, the body and the comments rendered from
// Markdown, the label history from the cached issue events, and "Open on GitHub". Other parts of
// the app can add sections below the thread (addSection) and follow which item is shown
// (issueShown), e.g. the RFC review checklist.
class IssueDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit IssueDetailPane(QWidget *parent = nullptr);

    // `issue` with its body; comments oldest first; the item's events (any kind).
    void showIssue(const Issue &issue, const QList<Comment> &comments,
                   const QList<IssueEvent> &events, const QString &repository, const QUrl &webUrl);
    void clear();
    int shownNumber() const { return m_number; }
    QTextBrowser *browser() const { return m_browser; }

    // An extra section shown under the thread; the pane takes ownership.
    void addSection(QWidget *section);

    // The HTML the pane shows for an item (testable without widgets).
    static QString threadHtml(const Issue &issue, const QList<Comment> &comments,
                              const QList<IssueEvent> &events, const QString &repository,
                              const QUrl &webUrl, const QPalette &palette);

Q_SIGNALS:
    void issueShown(const Mainstay::Issue &issue);
    void closeRequested();

private:
    QLabel *m_title;
    QLabel *m_meta;
    QPushButton *m_open;
    SafeTextBrowser *m_browser;
    QVBoxLayout *m_sections;
    QUrl m_url;
    int m_number = 0;
};

} // namespace Mainstay
