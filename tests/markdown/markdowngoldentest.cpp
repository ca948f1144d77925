// Golden files: every tests/markdown/golden/NAME.md renders to NAME.html (the renderer's HTML)
// and NAME.txt (the text QTextDocument makes of it). A failure prints a line diff.
//
// Regenerate after an intended change with tests/markdown/regenerate-goldens.sh (or
// MAINSTAY_REGENERATE_GOLDENS=1 when running this test), then review `git diff`.
//
// Options come from the name: ".dark" → dark colours, ".remote" → remote images allowed,
// ".nourl" → no repository (references stay text). Otherwise the repository is octo/mainstay on
// https://github.com.

#include "markdownrenderer.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTextBlock>
#include <QTextDocument>

#include <vector>

using namespace Mainstay;

namespace {

QString goldenDir()
{
    return Test::sourcePath(QStringLiteral("tests/markdown/golden"));
}

QString readFile(const QString &path, bool *ok = nullptr)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

// A line diff (longest common subsequence) in unified style, without hunks: the files are small.
std::string lineDiff(const QString &expected, const QString &actual)
{
    const QStringList a = expected.split(QLatin1Char('\n'));
    const QStringList b = actual.split(QLatin1Char('\n'));
    const qsizetype n = a.size(), m = b.size();
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] =
                a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::string out = "--- expected\n+++ actual\n";
    qsizetype i = 0, j = 0;
    int context = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            if (context-- > 0)
                out += "  " + a[i].toStdString() + "\n";
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out += "+ " + b[j++].toStdString() + "\n";
            context = 2;
        } else {
            out += "- " + a[i++].toStdString() + "\n";
            context = 2;
        }
    }
    return out;
}

MarkdownOptions optionsFor(const QString &name)
{
    MarkdownOptions options;
    if (!name.contains(QLatin1String(".nourl"))) {
        options.repository = QStringLiteral("octo/mainstay");
        options.webUrl = QUrl(QStringLiteral("https://github.com/octo/mainstay"));
    }
    options.dark = name.contains(QLatin1String(".dark"));
    options.allowRemoteImages = name.contains(QLatin1String(".remote"));
    return options;
}

class MarkdownGolden : public ::testing::TestWithParam<QString>
{};

void compareOrRegenerate(const QString &path, const QString &actual)
{
    if (qEnvironmentVariableIntValue("MAINSTAY_REGENERATE_GOLDENS") == 1) {
        ASSERT_TRUE(writeFile(path, actual)) << "cannot write " << path.toStdString();
        return;
    }
    bool ok = false;
    const QString expected = readFile(path, &ok);
    ASSERT_TRUE(ok) << "missing golden file " << path.toStdString()
                    << " (run tests/markdown/regenerate-goldens.sh)";
    EXPECT_TRUE(expected == actual) << path.toStdString() << " differs:\n"
                                    << lineDiff(expected, actual);
}

} // namespace

TEST_P(MarkdownGolden, MatchesReference)
{
    const QString base = goldenDir() + QLatin1Char('/') + GetParam();
    bool ok = false;
    const QString markdown = readFile(base + QLatin1String(".md"), &ok);
    ASSERT_TRUE(ok);
    const MarkdownResult result = MarkdownRenderer::render(markdown, optionsFor(GetParam()));
    QString html = result.html;
    if (!result.remoteImages.isEmpty())
        html += QLatin1String("<!-- remote images held back:\n") +
                result.remoteImages.join(QLatin1Char('\n')) + QLatin1String("\n-->\n");
    compareOrRegenerate(base + QLatin1String(".html"), html);

    QTextDocument doc;
    doc.setHtml(result.html);
    // Every character of a link is clickable (QTextBrowser only follows isAnchor() text).
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (!format.anchorHref().isEmpty()) {
                EXPECT_TRUE(format.isAnchor())
                    << "link text not clickable: " << it.fragment().text().toStdString();
            }
        }
    }
    compareOrRegenerate(base + QLatin1String(".txt"), doc.toPlainText() + QLatin1Char('\n'));
}

namespace {

std::vector<QString> goldenNames()
{
    std::vector<QString> names;
    const QStringList files =
        QDir(goldenDir()).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names.push_back(file.chopped(3));
    return names;
}

std::string testName(const ::testing::TestParamInfo<QString> &info)
{
    std::string name;
    for (const QChar c : info.param)
        name += c.isLetterOrNumber() && c.unicode() < 128 ? char(c.unicode()) : '_';
    return name;
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Files, MarkdownGolden, ::testing::ValuesIn(goldenNames()), testName);

TEST(MarkdownGoldenFiles, ThereAreSome)
{
    EXPECT_GE(goldenNames().size(), 8u) << "golden files expected in " << goldenDir().toStdString();
}
