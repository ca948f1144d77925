// The live preview of the release notes (DESIGN.md: typing pause to painted preview <= 60 ms
// for 1,000 lines): Markdown → HTML through MarkdownRenderer, HTML → a fresh QTextDocument laid
// out at 800 px, both together, the whole MarkdownView update including a paint, and the
// editor's built-in highlighter over the whole text.
//
//   QT_QPA_PLATFORM=offscreen ./build/bench/bench_markdown

#include "markdownhighlighter.h"
#include "markdownrenderer.h"
#include "markdownview.h"

#include <benchmark/benchmark.h>

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPixmap>
#include <QPlainTextDocumentLayout>
#include <QTextBlock>
#include <QTextDocument>

using namespace Mainstay;

namespace {

// A release-notes-like document of `lines` lines: headings per category, PR bullets with
// references, mentions and SHAs, task lists, a table, code fences, quotes and emoji.
QString releaseNotes(int lines)
{
    static const char *const categories[] = {":rocket: Features", ":bug: Bug Fixes",
                                             ":memo: Documentation", ":wrench: Maintenance",
                                             ":warning: Breaking Changes"};
    QString text;
    int line = 0;
    auto add = [&](const QString &s) {
        text += s;
        text += QLatin1Char('\n');
        ++line;
    };
    add(QStringLiteral("# v3.0.0"));
    add(QString());
    add(QStringLiteral("<!-- Optional: add a release summary here -->"));
    add(QStringLiteral("This release **reworks sync** and adds the *live* preview. :tada:"));
    add(QString());
    int pr = 1000;
    int section = 0;
    while (line < lines) {
        add(QStringLiteral("## %1").arg(QLatin1String(categories[section++ % 5])));
        add(QString());
        for (int i = 0; i < 30 && line < lines; ++i, ++pr) {
            switch (i % 10) {
            case 3:
                add(QStringLiteral("- [ ] follow-up for #%1 (owner/other#%2)").arg(pr).arg(pr / 3));
                break;
            case 7:
                add(QStringLiteral("- fix(cli): `mainstay sync --full` exits 0 on ~~error~~ "
                                   "success in 9fceb02d0ae5%1 @carol")
                        .arg(pr));
                break;
            default:
                add(QStringLiteral("- feat(area-%1): a change described in a few words, with a "
                                   "[link](https://example.com/%2) (#%2) @user%1")
                        .arg(i)
                        .arg(pr));
            }
        }
        add(QString());
        add(QStringLiteral("| Check | State | Notes |"));
        add(QStringLiteral("|-------|:-----:|-------|"));
        for (int r = 0; r < 4; ++r)
            add(QStringLiteral("| check %1 | ✅ | `value` %1 |").arg(r));
        add(QString());
        add(QStringLiteral("```yaml"));
        for (int c = 0; c < 5; ++c)
            add(QStringLiteral("key%1: value # comment").arg(c));
        add(QStringLiteral("```"));
        add(QString());
        add(QStringLiteral("> Upgrade note: run the migration once. :warning:"));
        add(QString());
    }
    return text;
}

MarkdownOptions options()
{
    MarkdownOptions o;
    o.repository = QStringLiteral("octo/mainstay");
    o.webUrl = QUrl(QStringLiteral("https://github.com/octo/mainstay"));
    return o;
}

void layOut(QTextDocument &doc)
{
    doc.setTextWidth(800);
    benchmark::DoNotOptimize(doc.documentLayout()->documentSize());
    if (doc.lastBlock().layout()->lineCount() == 0)
        qFatal("the document was not laid out");
}

void BM_RenderHtml(benchmark::State &state)
{
    const QString markdown = releaseNotes(int(state.range(0)));
    const MarkdownOptions o = options();
    for (auto _ : state)
        benchmark::DoNotOptimize(MarkdownRenderer::render(markdown, o));
    state.counters["lines"] = double(markdown.count(QLatin1Char('\n')));
}
BENCHMARK(BM_RenderHtml)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_HtmlToLaidOutDocument(benchmark::State &state)
{
    const QString html =
        MarkdownRenderer::render(releaseNotes(int(state.range(0))), options()).html;
    for (auto _ : state) {
        QTextDocument doc;
        doc.setHtml(html);
        layOut(doc);
    }
}
BENCHMARK(BM_HtmlToLaidOutDocument)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_MarkdownToLaidOutDocument(benchmark::State &state)
{
    const QString markdown = releaseNotes(int(state.range(0)));
    const MarkdownOptions o = options();
    for (auto _ : state) {
        QTextDocument doc;
        doc.setHtml(MarkdownRenderer::render(markdown, o).html);
        layOut(doc);
    }
}
BENCHMARK(BM_MarkdownToLaidOutDocument)->Arg(1000)->Unit(benchmark::kMillisecond);

// What the preview does after a typing pause: re-render in a fresh document, keep the scroll
// position, and paint the viewport.
void BM_PreviewUpdateAndPaint(benchmark::State &state)
{
    const QString markdown = releaseNotes(int(state.range(0)));
    const MarkdownOptions o = options();
    MarkdownView view;
    view.resize(820, 700);
    view.show();
    view.setMarkdown(markdown, o);
    QPixmap target(view.viewport()->size());
    int edit = 0;
    for (auto _ : state) {
        view.setMarkdown(markdown + QString::number(edit++), o, true);
        view.viewport()->render(&target);
    }
}
BENCHMARK(BM_PreviewUpdateAndPaint)->Arg(1000)->Unit(benchmark::kMillisecond);

// The editor side of the notes view: the built-in highlighter over the whole 1,000-line text,
// which is what typing an opening ``` at the top costs (every block below changes state).
void BM_HighlightWholeDocument(benchmark::State &state)
{
    // The editor is a QPlainTextEdit: its layout re-lays out only what changed, lazily. (Under
    // QTextEdit's QTextDocumentLayout every format change re-lays out the block at once, which
    // costs ~250 ms for the whole text whatever the highlighter does.)
    QTextDocument doc;
    doc.setDocumentLayout(new QPlainTextDocumentLayout(&doc));
    doc.setPlainText(releaseNotes(int(state.range(0))));
    MarkdownHighlighter highlighter(&doc, false);
    for (auto _ : state)
        highlighter.rehighlight();
}
BENCHMARK(BM_HighlightWholeDocument)->Arg(1000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
