#pragma once

#include "comment.h"
#include "issue.h"
#include "issueevent.h"
#include "markdownrenderer.h"
#include "markdownview.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QVBoxLayout;

namespace Mainstay {

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
    MarkdownView *browser() const { return m_browser; }
    // Remote images in the thread are loaded through `manager` once the user allows them (the
    // pane's "Load images" bar); without one they stay links. Not owned.
    void setNetworkAccessManager(QNetworkAccessManager *manager);

    // An extra section shown under the thread; the pane takes ownership.
    void addSection(QWidget *section);

    // What the pane shows for an item (testable without widgets): the HTML and the remote images
    // held back. `options` carry the repository, web URL, colours and whether images may load.
    static MarkdownResult threadHtml(const Issue &issue, const QList<Comment> &comments,
                                     const QList<IssueEvent> &events,
                                     const MarkdownOptions &options, const QPalette &palette);

Q_SIGNALS:
    void issueShown(const Mainstay::Issue &issue);
    void closeRequested();

private:
    QLabel *m_title;
    QLabel *m_meta;
    QPushButton *m_open;
    MarkdownView *m_browser;
    QVBoxLayout *m_sections;
    QUrl m_url;
    int m_number = 0;
};

} // namespace Mainstay
