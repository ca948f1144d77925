#include "markdownrenderer.h"

#include <cmark-gfm.h>

namespace Mainstay {

MarkdownResult MarkdownRenderer::render(const QString &markdown, const MarkdownOptions &options)
{
    Q_UNUSED(options)
    const QByteArray utf8 = markdown.toUtf8();
    // CMARK_OPT_DEFAULT leaves raw HTML out (it is "unsafe"), which is what we want.
    char *html = cmark_markdown_to_html(utf8.constData(), size_t(utf8.size()), CMARK_OPT_DEFAULT);
    MarkdownResult result;
    result.html = QString::fromUtf8(html);
    free(html);
    return result;
}

} // namespace Mainstay
