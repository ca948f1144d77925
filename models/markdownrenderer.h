#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>

namespace Mainstay {

// How GitHub-flavoured Markdown becomes what a QTextDocument shows (issue bodies, comments, the
// release-notes preview). One renderer for every place that shows Markdown.
struct MarkdownOptions
{
    // The repository the text belongs to ("owner/name") and its web URL
    // (https://github.com/owner/name): `#123`, `owner/repo#123`, `@user` and commit SHAs become
    // links against it. Empty: those stay plain text.
    QString repository;
    QUrl webUrl;
    // Remote images (http/https) are replaced by a link unless the user allowed them.
    bool allowRemoteImages = false;
    // Fenced code: returns the HTML of the highlighted code, or an empty string to get the
    // default (monospace on a tinted background). `language` is the fence's info word. The HTML
    // is the content of a <pre> (spans with colours, newlines kept), not a whole document.
    std::function<QString(const QString &code, const QString &language)> highlightCode;
    // A newline inside a paragraph breaks the line, as GitHub renders issues, comments and
    // releases (Markdown files in a repository join such lines instead).
    bool hardLineBreaks = true;
    // Colours (code background, table borders, muted text) for a dark palette instead of a
    // light one. Links take the view's palette.
    bool dark = false;
    // Also split the HTML into segments (MarkdownResult::segments) for a preview that lays out
    // each one on its own and, while the user types, only the segments that changed.
    bool segments = false;
};

struct MarkdownResult
{
    QString html;             // for QTextDocument::setHtml()
    QStringList remoteImages; // the image URLs that were held back (allowRemoteImages false)
    // With MarkdownOptions::segments: `html` cut into standalone pieces, one for each top-level
    // block, and long bullet lists cut every SegmentListItems items (each piece a list of its
    // own, without the gap between them). Shown one below the other with the margins between
    // blocks collapsed, they look like `html`, which is then their concatenation.
    QStringList segments;
    static constexpr int SegmentListItems = 8;
};

class MarkdownRenderer
{
public:
    // GFM with tables, task lists (as ☐ / ☑, QTextDocument has no checkboxes), strikethrough,
    // autolinks, fenced code, alerts (> [!NOTE]); raw HTML in the input is shown as text, never
    // interpreted (comments are hidden). Links other than http(s), mailto and in-page anchors
    // are shown as their text only; relative ones resolve against the repository's default
    // branch. Thread-safe: previews may render off the UI thread (the HTML is a plain string).
    static MarkdownResult render(const QString &markdown, const MarkdownOptions &options = {});
};

} // namespace Mainstay
