#include "markdownrenderer.h"

#include "emojishortcodes.h"

#include <QHash>
#include <QRegularExpression>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace Mainstay {

namespace {

// ---------------------------------------------------------------------------------------------
// Colours. QTextDocument has no CSS variables and paints translucent backgrounds over whatever
// is below, so the palette is chosen here, once, for light or dark.
struct Colours
{
    const char *codeBackground;
    const char *inlineCodeBackground;
    const char *border;
    const char *muted;
};

constexpr Colours kLight{"#f6f8fa", "#eff1f3", "#d0d7de", "#59636e"};
constexpr Colours kDark{"#161b22", "#262c36", "#3d444d", "#9198a1"};

// ---------------------------------------------------------------------------------------------
// cmark helpers

struct ParserDeleter
{
    void operator()(cmark_parser *p) const { cmark_parser_free(p); }
};
struct NodeDeleter
{
    void operator()(cmark_node *n) const { cmark_node_free(n); }
};
struct IterDeleter
{
    void operator()(cmark_iter *i) const { cmark_iter_free(i); }
};

bool isType(cmark_node *node, const char *name)
{
    const char *type = cmark_node_get_type_string(node);
    return type && std::strcmp(type, name) == 0;
}

QString literal(cmark_node *node)
{
    const char *text = cmark_node_get_literal(node);
    return text ? QString::fromUtf8(text) : QString();
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// The plain text of a subtree (image alt text).
QString plainText(cmark_node *node)
{
    QString out;
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(node));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node *cur = cmark_iter_get_node(iter.get());
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(cur)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
            out += literal(cur);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out += QLatin1Char(' ');
            break;
        default:
            break;
        }
    }
    return out;
}

// An absolute http(s) or mailto URL made of characters that need no encoding, which QUrl would
// hand back unchanged.
bool isPlainWebUrl(const QString &url)
{
    if (!url.startsWith(QLatin1String("https://")) && !url.startsWith(QLatin1String("http://")) &&
        !url.startsWith(QLatin1String("mailto:")))
        return false;
    for (const QChar c : url) {
        const char16_t u = c.unicode();
        if (u <= 0x20 || u >= 0x7f || u == u'"' || u == u'<' || u == u'>' || u == u'\\' ||
            u == u'^' || u == u'`' || u == u'{' || u == u'|' || u == u'}' || u == u'%')
            return false;
    }
    return true;
}

// Keeps runs of spaces in inline code (HTML would collapse them) while single spaces still let
// a long span wrap.
QString keepSpaceRuns(QString html)
{
    for (qsizetype i = 1; i < html.size(); ++i) {
        if (html.at(i) == QLatin1Char(' ') && html.at(i - 1) == QLatin1Char(' '))
            html.replace(i, 1, QStringLiteral("&nbsp;"));
    }
    return html;
}

// GitHub's heading anchors: lower case, punctuation dropped (but - and _), spaces to hyphens.
QString headingSlug(const QString &text)
{
    QString slug;
    slug.reserve(text.size());
    for (const QChar c : text.trimmed()) {
        if (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'))
            slug += c.toLower();
        else if (c == QLatin1Char(' '))
            slug += QLatin1Char('-');
    }
    return slug;
}

// A raw HTML node that is only a comment.
bool isComment(const QString &html)
{
    const QString trimmed = html.trimmed();
    return trimmed.startsWith(QLatin1String("<!--")) && trimmed.endsWith(QLatin1String("-->")) &&
           trimmed.indexOf(QLatin1String("-->")) == trimmed.size() - 3;
}

bool insideLink(cmark_node *node)
{
    for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
        const cmark_node_type t = cmark_node_get_type(p);
        if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)
            return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// GitHub references in text: #123, owner/repo#123, @user, @org/team, commit SHAs, :emoji:.

struct Segment
{
    QString text = {};
    QString url = {};   // empty: plain text
    QString title = {}; // the link's tooltip
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

class ReferenceLinker
{
public:
    explicit ReferenceLinker(const MarkdownOptions &options)
    {
        if (options.webUrl.isValid() && !options.webUrl.isEmpty()) {
            QString base = options.webUrl.toString(QUrl::StripTrailingSlash);
            m_repoUrl = base;
            // https://github.com/owner/name → https://github.com (GitHub Enterprise hosts too).
            QUrl host = options.webUrl;
            QStringList parts = host.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
            if (parts.size() >= 2)
                parts.resize(parts.size() - 2);
            host.setPath(parts.isEmpty() ? QString()
                                         : QLatin1Char('/') + parts.join(QLatin1Char('/')));
            host.setQuery(QString());
            host.setFragment(QString());
            m_hostUrl = host.toString(QUrl::StripTrailingSlash);
        }
    }

    bool hasLinks() const { return !m_repoUrl.isEmpty(); }

    // Splits `text` into plain and linked segments; emoji shortcodes are replaced in the plain
    // ones. Returns false when nothing changed.
    bool split(const QString &text, std::vector<Segment> &out, bool linksAllowed = true) const
    {
        const bool links = hasLinks() && linksAllowed;
        out.clear();
        QString plain;
        bool changed = false;
        const qsizetype n = text.size();
        qsizetype i = 0;
        auto flush = [&] {
            if (!plain.isEmpty()) {
                out.push_back({plain, QString()});
                plain.clear();
            }
        };
        while (i < n) {
            const QChar c = text.at(i);
            const QChar prev = i > 0 ? text.at(i - 1) : QChar();
            qsizetype end = 0;
            if (c == QLatin1Char(':')) {
                QString emoji;
                if ((end = matchEmoji(text, i, &emoji)) > 0) {
                    plain += emoji;
                    i = end;
                    changed = true;
                    continue;
                }
            } else if (links && c == QLatin1Char('#') && !isWordChar(prev) &&
                       prev != QLatin1Char('&')) {
                if ((end = matchIssue(text, i + 1)) > 0) {
                    flush();
                    out.push_back({text.mid(i, end - i), m_repoUrl + QLatin1String("/issues/") +
                                                             text.mid(i + 1, end - i - 1)});
                    i = end;
                    changed = true;
                    continue;
                }
            } else if (links && c == QLatin1Char('@') && !isWordChar(prev) &&
                       prev != QLatin1Char('`') && prev != QLatin1Char('/')) {
                QString path;
                if ((end = matchMention(text, i + 1, &path)) > 0) {
                    flush();
                    out.push_back({text.mid(i, end - i), m_hostUrl + path});
                    i = end;
                    changed = true;
                    continue;
                }
            } else if (links && c.isLetterOrNumber() && c.unicode() < 128 && startsWord(prev)) {
                QString url;
                QString shown;
                if ((end = matchRepoIssue(text, i, &url)) > 0) {
                    flush();
                    out.push_back({text.mid(i, end - i), url});
                    i = end;
                    changed = true;
                    continue;
                }
                if ((end = matchSha(text, i, &url, &shown)) > 0) {
                    flush();
                    out.push_back({shown, url, text.mid(i, end - i)});
                    i = end;
                    changed = true;
                    continue;
                }
            }
            plain += c;
            ++i;
        }
        flush();
        return changed;
    }

private:
    static bool startsWord(QChar prev)
    {
        if (prev.isNull())
            return true;
        if (isWordChar(prev))
            return false;
        static const QString notAfter = QStringLiteral("/.-@#&:+~=");
        return !notAfter.contains(prev);
    }

    static qsizetype matchEmoji(const QString &text, qsizetype colon, QString *emoji)
    {
        const qsizetype n = text.size();
        qsizetype j = colon + 1;
        while (j < n && j - colon <= 40) {
            const QChar ch = text.at(j);
            if (ch == QLatin1Char(':'))
                break;
            if (!(ch.isLetterOrNumber() && ch.unicode() < 128) && ch != QLatin1Char('_') &&
                ch != QLatin1Char('+') && ch != QLatin1Char('-'))
                return 0;
            ++j;
        }
        if (j >= n || text.at(j) != QLatin1Char(':') || j == colon + 1)
            return 0;
        const QString found =
            EmojiShortcodes::lookup(QStringView(text).mid(colon + 1, j - colon - 1));
        if (found.isNull())
            return 0;
        *emoji = found;
        return j + 1;
    }

    // Digits from `start` up to a word boundary; returns the end or 0.
    static qsizetype matchIssue(const QString &text, qsizetype start)
    {
        qsizetype j = start;
        while (j < text.size() && text.at(j).isDigit() && text.at(j).unicode() < 128)
            ++j;
        if (j == start || j - start > 10)
            return 0;
        if (j < text.size() && isWordChar(text.at(j)))
            return 0;
        return j;
    }

    qsizetype matchMention(const QString &text, qsizetype start, QString *path) const
    {
        static const QRegularExpression re(QStringLiteral(
            "[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/([A-Za-z0-9][A-Za-z0-9_-]*))?"));
        const auto m = re.match(text, start, QRegularExpression::NormalMatch,
                                QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return 0;
        qsizetype end = m.capturedEnd(0);
        QString user = m.captured(0);
        QString team = m.captured(1);
        if (end < text.size() && (isWordChar(text.at(end)) || text.at(end) == QLatin1Char('-')))
            return 0;
        if (!team.isEmpty()) {
            // A team ends at a word boundary too; "@org/" followed by junk is only "@org".
            user = user.left(user.indexOf(QLatin1Char('/')));
            *path = QLatin1String("/orgs/") + user + QLatin1String("/teams/") + team;
        } else {
            *path = QLatin1Char('/') + user;
        }
        return end;
    }

    qsizetype matchRepoIssue(const QString &text, qsizetype start, QString *url) const
    {
        // Cheap test first: this runs at the start of every word.
        qsizetype slash = start;
        while (slash < text.size() && slash - start < 40 &&
               (text.at(slash).isLetterOrNumber() || text.at(slash) == QLatin1Char('-')))
            ++slash;
        if (slash >= text.size() || text.at(slash) != QLatin1Char('/') ||
            text.indexOf(QLatin1Char('#'), slash) < 0)
            return 0;
        static const QRegularExpression re(
            QStringLiteral("([A-Za-z0-9][A-Za-z0-9-]{0,38})/([A-Za-z0-9._-]{1,100})#([0-9]{1,10})"
                           "(?![A-Za-z0-9_])"));
        const auto m = re.match(text, start, QRegularExpression::NormalMatch,
                                QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return 0;
        *url = m_hostUrl + QLatin1Char('/') + m.captured(1) + QLatin1Char('/') + m.captured(2) +
               QLatin1String("/issues/") + m.captured(3);
        return m.capturedEnd(0);
    }

    qsizetype matchSha(const QString &text, qsizetype start, QString *url, QString *shown) const
    {
        const qsizetype n = text.size();
        qsizetype j = start;
        bool digit = false;
        bool letter = false;
        while (j < n && j - start <= 40) {
            const char16_t ch = text.at(j).unicode();
            if (ch >= u'0' && ch <= u'9')
                digit = true;
            else if (ch >= u'a' && ch <= u'f')
                letter = true;
            else
                break;
            ++j;
        }
        const qsizetype len = j - start;
        if (len < 7 || len > 40 || !digit || !letter)
            return 0;
        if (j < n && (isWordChar(text.at(j)) || text.at(j) == QLatin1Char('-')))
            return 0;
        const QString sha = text.mid(start, len);
        *url = m_repoUrl + QLatin1String("/commit/") + sha;
        *shown = sha.left(7);
        return j;
    }

    QString m_repoUrl;
    QString m_hostUrl;
};

// Splits the text nodes outside links into text and link nodes.
void linkReferences(cmark_node *document, const MarkdownOptions &options)
{
    const ReferenceLinker linker(options);
    std::vector<cmark_node *> texts;
    {
        std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document));
        cmark_event_type ev;
        while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            cmark_node *node = cmark_iter_get_node(iter.get());
            if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_TEXT)
                texts.push_back(node);
        }
    }
    std::vector<Segment> segments;
    for (size_t k = 0; k < texts.size(); ++k) {
        cmark_node *node = texts[k];
        if (!node)
            continue; // merged into an earlier one
        // Link text gets its emoji but no links of its own.
        const bool linksAllowed = !insideLink(node);
        // cmark leaves adjacent text nodes where delimiters did not match ("a_b", "[x"):
        // join them so a reference is seen whole.
        QString text = literal(node);
        for (size_t m = k + 1; m < texts.size(); ++m) {
            cmark_node *next = cmark_node_next(node);
            if (!next || next != texts[m])
                break;
            text += literal(next);
            cmark_node_free(next);
            texts[m] = nullptr;
        }
        if (!linker.split(text, segments, linksAllowed)) {
            cmark_node_set_literal(node, text.toUtf8().constData());
            continue;
        }
        for (const Segment &seg : segments) {
            cmark_node *textNode = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(textNode, seg.text.toUtf8().constData());
            if (seg.url.isEmpty()) {
                cmark_node_insert_before(node, textNode);
            } else {
                cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
                cmark_node_set_url(link, seg.url.toUtf8().constData());
                if (!seg.title.isEmpty())
                    cmark_node_set_title(link, seg.title.toUtf8().constData());
                cmark_node_append_child(link, textNode);
                cmark_node_insert_before(node, link);
            }
        }
        cmark_node_free(node); // unlinks it
    }
}

// ---------------------------------------------------------------------------------------------
// GitHub alerts: a blockquote whose first line is only [!NOTE], [!TIP], [!IMPORTANT],
// [!WARNING] or [!CAUTION].

struct Alert
{
    const char *marker;
    const char *title;
    const char *lightColour;
    const char *darkColour;
};

constexpr Alert kAlerts[] = {
    {"[!NOTE]", "Note", "#0969da", "#4493f8"},
    {"[!TIP]", "Tip", "#1a7f37", "#3fb950"},
    {"[!IMPORTANT]", "Important", "#8250df", "#ab7df8"},
    {"[!WARNING]", "Warning", "#9a6700", "#d29922"},
    {"[!CAUTION]", "Caution", "#d1242f", "#f85149"},
};

using AlertMap = std::unordered_map<cmark_node *, const Alert *>;

// Finds the alerts and removes their marker line from the tree.
AlertMap findAlerts(cmark_node *document)
{
    AlertMap alerts;
    std::vector<cmark_node *> quotes;
    {
        std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document));
        cmark_event_type ev;
        while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            cmark_node *node = cmark_iter_get_node(iter.get());
            if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE)
                quotes.push_back(node);
        }
    }
    for (cmark_node *quote : quotes) {
        cmark_node *paragraph = cmark_node_first_child(quote);
        if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH)
            continue;
        cmark_node *text = cmark_node_first_child(paragraph);
        if (!text || cmark_node_get_type(text) != CMARK_NODE_TEXT)
            continue;
        const QString marker = literal(text).trimmed();
        for (const Alert &alert : kAlerts) {
            if (marker.compare(QLatin1String(alert.marker), Qt::CaseInsensitive) != 0)
                continue;
            cmark_node *after = cmark_node_next(text);
            if (after && cmark_node_get_type(after) != CMARK_NODE_SOFTBREAK &&
                cmark_node_get_type(after) != CMARK_NODE_LINEBREAK)
                break; // text follows the marker on its line: an ordinary quote
            cmark_node_free(text);
            if (after)
                cmark_node_free(after);
            if (!cmark_node_first_child(paragraph))
                cmark_node_free(paragraph);
            alerts.emplace(quote, &alert);
            break;
        }
    }
    return alerts;
}

// ---------------------------------------------------------------------------------------------
// HTML for QTextDocument

class HtmlWriter
{
public:
    HtmlWriter(const MarkdownOptions &options, MarkdownResult &result, AlertMap alerts)
        : m_options(options)
        , m_result(result)
        , m_alerts(std::move(alerts))
        , m_colours(options.dark ? kDark : kLight)
    {
        if (options.webUrl.isValid() && !options.webUrl.isEmpty()) {
            // Paths relative to the repository name files on its default branch (HEAD):
            // links open the file's page, images load the raw file.
            QUrl repo = options.webUrl;
            QString path = repo.path();
            if (!path.endsWith(QLatin1Char('/')))
                path += QLatin1Char('/');
            repo.setQuery(QString());
            repo.setFragment(QString());
            m_linkBase = repo;
            m_linkBase.setPath(path + QLatin1String("blob/HEAD/"));
            m_imageBase = repo;
            m_imageBase.setPath(path + QLatin1String("raw/HEAD/"));
        }
    }

    void write(cmark_node *document)
    {
        m_document = document;
        std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document));
        cmark_event_type ev;
        while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            cmark_node *node = cmark_iter_get_node(iter.get());
            const bool entering = ev == CMARK_EVENT_ENTER;
            if (entering && m_options.segments && cmark_node_parent(node) == document)
                m_breaks.push_back(out().size());
            if (visit(node, entering))
                cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT); // children written
        }
        if (!m_options.segments)
            return;
        m_breaks.push_back(out().size());
        for (size_t i = 0; i + 1 < m_breaks.size(); ++i) {
            QString segment = out().mid(m_breaks[i], m_breaks[i + 1] - m_breaks[i]).trimmed();
            if (!segment.isEmpty())
                m_result.segments.append(segment);
        }
    }

private:
    QString &out() { return m_result.html; }

    // Resolves a link target; empty for schemes that must not be opened from untrusted text.
    QString safeUrl(const QString &raw, bool image = false) const
    {
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty())
            return QString();
        if (trimmed.startsWith(QLatin1Char('#')))
            return trimmed;
        if (isPlainWebUrl(trimmed))
            return trimmed; // the common case (and every reference link): no parse needed

        QUrl url(trimmed);
        if (!url.isValid())
            return QString();
        if (url.isRelative()) {
            const QUrl &base = image ? m_imageBase : m_linkBase;
            if (base.isEmpty())
                return QString();
            url = base.resolved(url); // "/x" and "//host/x" resolve against the host
        }
        const QString scheme = url.scheme().toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
            scheme != QLatin1String("mailto"))
            return QString();
        return url.toString(QUrl::FullyEncoded);
    }

    bool inTightList(cmark_node *paragraph) const
    {
        cmark_node *item = cmark_node_parent(paragraph);
        if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM)
            return false;
        cmark_node *list = cmark_node_parent(item);
        return list && cmark_node_get_list_tight(list);
    }

    static bool isTaskItem(cmark_node *item) { return isType(item, "tasklist"); }

    // What an item starts with: its number in a list numbered by hand, then its task box.
    QString itemPrefix(cmark_node *item)
    {
        QString prefix;
        cmark_node *list = cmark_node_parent(item);
        if (auto it = m_numbered.find(list); it != m_numbered.end())
            prefix = QStringLiteral("%1. ").arg(it->second++);
        if (isTaskItem(item)) {
            prefix += cmark_gfm_extensions_get_tasklist_item_checked(item) ? QStringLiteral("☑ ")
                                                                           : QStringLiteral("☐ ");
        }
        return prefix;
    }

    // Returns true when the node's children were written here (the walk skips them).
    bool visit(cmark_node *node, bool entering)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_DOCUMENT:
            return false;
        case CMARK_NODE_BLOCK_QUOTE:
            writeQuote(node, entering);
            return false;
        case CMARK_NODE_LIST:
            writeList(node, entering);
            return false;
        case CMARK_NODE_ITEM:
            if (entering) {
                splitTopLevelList(node);
                out() += QStringLiteral("<li>");
                if (const QString prefix = itemPrefix(node); !prefix.isEmpty()) {
                    // Inside the first paragraph, if there is one (not a line of its own).
                    cmark_node *first = cmark_node_first_child(node);
                    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
                        m_pendingItem = node;
                        m_pendingPrefix = prefix;
                    } else {
                        out() += prefix;
                    }
                }
            } else {
                out() += QStringLiteral("</li>\n");
            }
            return false;
        case CMARK_NODE_CODE_BLOCK:
            writeCodeBlock(node);
            return true;
        case CMARK_NODE_HTML_BLOCK:
            // Raw HTML is untrusted: shown as the text it is, never interpreted. Comments
            // (release-note templates are full of them) are hidden, as GitHub hides them.
            if (isComment(literal(node)))
                return true;
            out() += QStringLiteral("<p style=\"white-space:pre-wrap;\">%1</p>\n")
                         .arg(escaped(literal(node).trimmed()));
            return true;
        case CMARK_NODE_PARAGRAPH: {
            const bool tight = inTightList(node);
            if (entering) {
                if (!tight)
                    out() += QStringLiteral("<p>");
                if (m_pendingItem && cmark_node_parent(node) == m_pendingItem) {
                    out() += m_pendingPrefix;
                    m_pendingItem = nullptr;
                }
            } else {
                // Two paragraphs in a tight item still need a line between them; a nested
                // list starts its own block anyway.
                cmark_node *next = cmark_node_next(node);
                const bool paragraphFollows =
                    next && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH;
                out() += tight ? (paragraphFollows ? QStringLiteral("<br />") : QString())
                               : QStringLiteral("</p>\n");
            }
            return false;
        }
        case CMARK_NODE_HEADING:
            writeHeading(node, entering);
            return false;
        case CMARK_NODE_THEMATIC_BREAK:
            out() += QStringLiteral("<hr />\n");
            return true;
        case CMARK_NODE_TEXT:
            writeText(literal(node));
            return true;
        case CMARK_NODE_SOFTBREAK:
            out() += m_options.hardLineBreaks ? QStringLiteral("<br />\n") : QStringLiteral("\n");
            return true;
        case CMARK_NODE_LINEBREAK:
            out() += QStringLiteral("<br />\n");
            return true;
        case CMARK_NODE_CODE:
            if (!m_pendingAnchor.isEmpty() && (m_linkOpen.empty() || !m_linkOpen.back())) {
                out() += QStringLiteral("<a name=\"%1\"></a>").arg(escaped(m_pendingAnchor));
                m_pendingAnchor.clear();
            }
            out() += QStringLiteral("<code style=\"background-color:%1;\">%2</code>")
                         .arg(QLatin1String(m_colours.inlineCodeBackground),
                              keepSpaceRuns(escaped(literal(node))));
            return true;
        case CMARK_NODE_HTML_INLINE:
            if (!isComment(literal(node)))
                out() += escaped(literal(node));
            return true;
        case CMARK_NODE_EMPH:
            out() += entering ? QStringLiteral("<em>") : QStringLiteral("</em>");
            return false;
        case CMARK_NODE_STRONG:
            out() += entering ? QStringLiteral("<strong>") : QStringLiteral("</strong>");
            return false;
        case CMARK_NODE_LINK:
            writeLink(node, entering);
            return false;
        case CMARK_NODE_IMAGE:
            writeImage(node);
            return true;
        default:
            break;
        }
        // Extension nodes
        if (isType(node, "table")) {
            writeTable(node, entering);
            return false;
        }
        if (isType(node, "table_header") || isType(node, "table_row")) {
            if (entering) {
                m_inHeaderRow = cmark_gfm_extensions_get_table_row_is_header(node);
                m_cellIndex = 0;
                out() += QStringLiteral("<tr>");
            } else {
                out() += QStringLiteral("</tr>\n");
            }
            return false;
        }
        if (isType(node, "table_cell")) {
            writeCell(entering);
            return false;
        }
        if (isType(node, "strikethrough")) {
            out() += entering ? QStringLiteral("<s>") : QStringLiteral("</s>");
            return false;
        }
        // Anything else (footnotes are not enabled): its children, unadorned.
        return false;
    }

    void writeQuote(cmark_node *quote, bool entering)
    {
        if (!entering) {
            out() += QStringLiteral("</td></tr></table>\n");
            return;
        }
        // GitHub's bar on the left: QTextDocument has no one-sided borders, so a narrow tinted
        // cell beside the quoted text. Alerts (> [!NOTE]) get their colour and a title.
        const auto alert = m_alerts.find(quote);
        const Alert *kind = alert == m_alerts.end() ? nullptr : alert->second;
        const QLatin1String bar(kind ? (m_options.dark ? kind->darkColour : kind->lightColour)
                                     : m_colours.border);
        out() +=
            QStringLiteral("<table width=\"100%\" border=\"0\" cellspacing=\"0\" "
                           "cellpadding=\"0\" style=\"margin-top:2px; margin-bottom:10px;\">"
                           "<tr><td width=\"4\" bgcolor=\"%1\"></td><td style=\"padding-left:12px;")
                .arg(bar);
        if (kind) {
            out() += QStringLiteral("\">\n<p style=\"color:%1;\"><b>%2</b></p>\n")
                         .arg(bar, QLatin1String(kind->title));
        } else {
            out() += QStringLiteral(" color:%1;\">\n").arg(QLatin1String(m_colours.muted));
        }
    }

    void writeText(const QString &text)
    {
        // Not inside a link: QTextDocument would keep the link on one character only (a named
        // anchor there takes the others' anchor flag). A heading's name waits for the text after.
        const bool inLink = !m_linkOpen.empty() && m_linkOpen.back();
        if (m_pendingAnchor.isEmpty() || inLink) {
            out() += escaped(text);
            return;
        }
        // The anchor goes on the first character that stands alone in UTF-16 (a letter, digit,
        // space or punctuation), after any leading emoji.
        qsizetype k = 0;
        while (k < text.size()) {
            const QChar c = text.at(k);
            if (!c.isSurrogate() && !c.isMark() && c.category() != QChar::Symbol_Other &&
                c.category() != QChar::Other_Format)
                break;
            ++k;
        }
        if (k == text.size()) {
            out() += escaped(text);
            return;
        }
        out() += escaped(text.left(k));
        out() += QStringLiteral("<a name=\"%1\"></a>").arg(escaped(m_pendingAnchor));
        out() += escaped(text.mid(k));
        m_pendingAnchor.clear();
    }

    void writeList(cmark_node *list, bool entering)
    {
        const bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
        const int start = ordered ? cmark_node_get_list_start(list) : 1;
        // QTextDocument (Qt 6.4) ignores <ol start>: a list that starts elsewhere than 1 has
        // its numbers written by hand, in a list without markers.
        const bool byHand = ordered && start != 1;
        if (!entering) {
            out() += ordered && !byHand ? QStringLiteral("</ol>\n") : QStringLiteral("</ul>\n");
            return;
        }
        if (byHand)
            m_numbered[list] = start;
        // A list made only of tasks shows the boxes instead of bullets, as GitHub does.
        bool allTasks = cmark_node_first_child(list) != nullptr;
        for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item))
            allTasks = allTasks && isTaskItem(item);
        // A list inside an item hangs right under it, without the gap of a top-level list.
        cmark_node *parent = cmark_node_parent(list);
        const bool nested = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
        QString style;
        if ((allTasks && !ordered) || byHand)
            style += QLatin1String("list-style-type:none;");
        // QTextDocument gives a list's bottom margin to its own last item, which sits above a
        // nested list that ends it: the gap would show inside the list. What follows a list
        // has a top margin of its own, and margins collapse.
        style += nested ? QLatin1String(" margin-top:0px; margin-bottom:0px;")
                        : QLatin1String(" margin-bottom:0px;");
        const QString styleAttr = QStringLiteral(" style=\"%1\"").arg(style.trimmed());
        if (ordered && !byHand) {
            out() += QStringLiteral("<ol%1>\n").arg(styleAttr);
        } else if (byHand) {
            out() += QStringLiteral("<ul%1>\n").arg(styleAttr);
        } else {
            const QString open = QStringLiteral("<ul%1>\n").arg(styleAttr);
            if (cmark_node_parent(list) == m_document)
                m_listOpenTag = open;
            out() += open;
        }
    }

    // In segments, a long top-level bullet list continues in a new segment every
    // SegmentListItems items: the list closes and opens again without a gap, so that typing in
    // one item lays out a few items, not the whole list. (Ordered lists stay whole: numbering
    // cannot restart mid-way in QTextDocument.)
    void splitTopLevelList(cmark_node *item)
    {
        cmark_node *list = cmark_node_parent(item);
        if (!m_options.segments || !list || cmark_node_parent(list) != m_document ||
            cmark_node_get_list_type(list) == CMARK_ORDERED_LIST)
            return;
        if (list != m_splitList) {
            m_splitList = list;
            m_splitItems = 0;
            return;
        }
        if (++m_splitItems % MarkdownResult::SegmentListItems != 0)
            return;
        out() += QStringLiteral("</ul>\n");
        m_breaks.push_back(out().size());
        QString open = m_listOpenTag;
        open.replace(QLatin1String("style=\""), QLatin1String("style=\"margin-top:0px; "));
        out() += open;
    }

    void writeHeading(cmark_node *heading, bool entering)
    {
        const int level = qBound(1, cmark_node_get_heading_level(heading), 6);
        if (!entering) {
            m_pendingAnchor.clear(); // a heading of emoji only: no anchor
            out() += QStringLiteral("</h%1>\n").arg(level);
            return;
        }
        // GitHub's sizes relative to the body text (2em, 1.5em, 1.25em, 1em, .875em, .85em).
        static const char *const sizes[] = {"200%", "150%", "125%", "100%", "87%", "85%"};
        out() += QStringLiteral("<h%1 style=\"font-size:%2;\">")
                     .arg(level)
                     .arg(QLatin1String(sizes[level - 1]));
        // The anchor GitHub gives the heading, so [see](#usage) links within the text work.
        const QString slug = headingSlug(plainText(heading));
        if (!slug.isEmpty()) {
            int &seen = m_slugs[slug];
            const QString name = seen ? slug + QLatin1Char('-') + QString::number(seen) : slug;
            ++seen;
            // Written with the first text (writeText): QTextDocument gives an anchor's name to
            // one UTF-16 unit, which would split a leading emoji into two broken halves.
            m_pendingAnchor = name;
        }
    }

    void writeCodeBlock(cmark_node *node)
    {
        QString code = literal(node);
        if (code.endsWith(QLatin1Char('\n')))
            code.chop(1);
        const QString info = QString::fromUtf8(cmark_node_get_fence_info(node));
        const QString language = info.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
        QString body;
        if (m_options.highlightCode)
            body = m_options.highlightCode(code, language);
        if (body.isEmpty())
            body = escaped(code);
        // A one-cell table gives the tinted background its padding and the full width, which a
        // <pre> background in QTextDocument does not have.
        out() +=
            QStringLiteral(
                "<table width=\"100%\" border=\"0\" cellspacing=\"0\" "
                "cellpadding=\"8\" bgcolor=\"%1\" style=\"margin-top:2px; margin-bottom:10px;\">"
                "<tr><td><pre style=\"white-space:pre-wrap;\">%2</pre></td></tr>"
                "</table>\n")
                .arg(QLatin1String(m_colours.codeBackground), body);
    }

    void writeLink(cmark_node *node, bool entering)
    {
        if (entering) {
            const QString url = safeUrl(QString::fromUtf8(cmark_node_get_url(node)));
            m_linkOpen.push_back(!url.isEmpty());
            if (url.isEmpty())
                return;
            const QString title = QString::fromUtf8(cmark_node_get_title(node));
            out() += QStringLiteral("<a href=\"%1\"").arg(escaped(url));
            if (!title.isEmpty())
                out() += QStringLiteral(" title=\"%1\"").arg(escaped(title));
            out() += QLatin1Char('>');
        } else {
            const bool open = !m_linkOpen.empty() && m_linkOpen.back();
            if (!m_linkOpen.empty())
                m_linkOpen.pop_back();
            if (open)
                out() += QStringLiteral("</a>");
        }
    }

    void writeImage(cmark_node *node)
    {
        const QString alt = plainText(node);
        const QString url = safeUrl(QString::fromUtf8(cmark_node_get_url(node)), true);
        const QString scheme = QUrl(url).scheme();
        const bool remote = scheme == QLatin1String("http") || scheme == QLatin1String("https");
        if (!remote) {
            // data:, file:, qrc: and the rest are never loaded from untrusted text.
            out() += escaped(alt);
            return;
        }
        const bool insideLink = !m_linkOpen.empty() && m_linkOpen.back();
        if (!m_options.allowRemoteImages) {
            if (!m_result.remoteImages.contains(url))
                m_result.remoteImages.append(url);
            const QString label =
                alt.isEmpty() ? QStringLiteral("[image]") : QStringLiteral("[image: %1]").arg(alt);
            if (insideLink)
                out() += escaped(label);
            else
                out() += QStringLiteral("<a href=\"%1\">%2</a>").arg(escaped(url), escaped(label));
            return;
        }
        out() += QStringLiteral("<img src=\"%1\" alt=\"%2\" />").arg(escaped(url), escaped(alt));
    }

    void writeTable(cmark_node *table, bool entering)
    {
        if (!entering) {
            out() += QStringLiteral("</table>\n");
            m_alignments.clear();
            return;
        }
        m_alignments.clear();
        const int columns = cmark_gfm_extensions_get_table_columns(table);
        const uint8_t *aligns = cmark_gfm_extensions_get_table_alignments(table);
        for (int c = 0; c < columns; ++c)
            m_alignments.push_back(aligns ? char(aligns[c]) : 0);
        out() += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"6\" "
                                "style=\"border-collapse:collapse; border-color:%1; "
                                "border-style:solid; margin-top:4px; margin-bottom:12px;\">\n")
                     .arg(QLatin1String(m_colours.border));
    }

    void writeCell(bool entering)
    {
        const QString tag = m_inHeaderRow ? QStringLiteral("th") : QStringLiteral("td");
        if (!entering) {
            out() += QStringLiteral("</%1>").arg(tag);
            ++m_cellIndex;
            return;
        }
        const char align = m_cellIndex < int(m_alignments.size()) ? m_alignments[m_cellIndex] : 0;
        QString attrs;
        if (align == 'c')
            attrs = QStringLiteral(" align=\"center\"");
        else if (align == 'r')
            attrs = QStringLiteral(" align=\"right\"");
        else if (m_inHeaderRow)
            attrs = QStringLiteral(" align=\"left\"");
        out() += QStringLiteral("<%1%2>").arg(tag, attrs);
    }

    const MarkdownOptions &m_options;
    MarkdownResult &m_result;
    const AlertMap m_alerts;
    QHash<QString, int> m_slugs;
    QString m_pendingAnchor;
    const Colours m_colours;
    QUrl m_linkBase;
    QUrl m_imageBase;
    std::vector<bool> m_linkOpen;
    std::vector<char> m_alignments;
    cmark_node *m_pendingItem = nullptr; // whose first paragraph starts with m_pendingPrefix
    QString m_pendingPrefix;
    // Ordered lists that do not start at 1, numbered by hand: the next item's number.
    std::unordered_map<cmark_node *, int> m_numbered;
    cmark_node *m_document = nullptr;
    // Segments: where each begins in the HTML, and the state of splitting a long list.
    std::vector<qsizetype> m_breaks;
    cmark_node *m_splitList = nullptr;
    int m_splitItems = 0;
    QString m_listOpenTag;
    bool m_inHeaderRow = false;
    int m_cellIndex = 0;
};

} // namespace

MarkdownResult MarkdownRenderer::render(const QString &markdown, const MarkdownOptions &options)
{
    // The extension registry is global; register it once even when previews render on
    // several threads.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    // No CMARK_OPT_UNSAFE: raw HTML stays out; the writer shows it as text anyway.
    const int cmarkOptions = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG;
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(cmarkOptions));
    for (const char *name : {"table", "strikethrough", "autolink", "tasklist", "tagfilter"}) {
        if (cmark_syntax_extension *ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    const QByteArray utf8 = markdown.toUtf8();
    cmark_parser_feed(parser.get(), utf8.constData(), size_t(utf8.size()));
    std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));

    MarkdownResult result;
    if (!document)
        return result;
    linkReferences(document.get(), options);
    AlertMap alerts = findAlerts(document.get());
    result.html.reserve(utf8.size() * 2);
    HtmlWriter(options, result, std::move(alerts)).write(document.get());
    // QTextDocument turns whitespace after the last block into a trailing space of its text.
    while (!result.html.isEmpty() && result.html.back().isSpace())
        result.html.chop(1);
    if (options.segments)
        result.html = result.segments.join(QLatin1Char('\n'));
    return result;
}

} // namespace Mainstay
