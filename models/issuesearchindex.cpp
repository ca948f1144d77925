#include "issuesearchindex.h"

namespace Mainstay {

namespace {

// Appends the case-folded UTF-8 form of `text`. Most titles are ASCII, where folding is
// lower-casing A-Z and needs no temporary strings; anything else goes through Qt's folding.
void appendFolded(QByteArray &out, QStringView text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size());
    char *dest = out.data() + start;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80) {
            out.resize(start);
            out += text.toString().toCaseFolded().toUtf8();
            return;
        }
        *dest++ = char(u >= u'A' && u <= u'Z' ? u + (u'a' - u'A') : u);
    }
}

} // namespace

QByteArray IssueSearchIndex::searchText(const Issue &issue)
{
    QByteArray text;
    text.reserve(issue.title.size() + 1 + issue.body.size());
    appendFolded(text, issue.title);
    // The newline keeps a phrase from matching across the end of the title into the body: query
    // terms never contain one.
    text += '\n';
    appendFolded(text, issue.body);
    return text;
}

QByteArray IssueSearchIndex::foldTerm(QStringView term)
{
    return term.toString().toCaseFolded().toUtf8();
}

IssueSearchIndex::Entry IssueSearchIndex::append(const Issue &issue)
{
    const qsizetype offset = m_buffer.size();
    appendFolded(m_buffer, issue.title);
    m_buffer += '\n';
    appendFolded(m_buffer, issue.body);
    return Entry{offset, m_buffer.size() - offset};
}

void IssueSearchIndex::rebuild(const QList<Issue> &issues)
{
    clear();
    qsizetype expected = 0;
    for (const Issue &issue : issues)
        expected += issue.title.size() + 1 + issue.body.size();
    m_buffer.reserve(expected);
    m_entries.reserve(issues.size());
    for (const Issue &issue : issues)
        m_entries.append(append(issue));
}

void IssueSearchIndex::insert(const QList<Issue> &issues, qsizetype first, qsizetype last)
{
    m_entries.insert(first, last - first + 1, Entry{});
    for (qsizetype row = first; row <= last; ++row)
        m_entries[row] = append(issues.at(row));
}

void IssueSearchIndex::update(const QList<Issue> &issues, qsizetype first, qsizetype last)
{
    // The new text goes to the end of the buffer; the old one is garbage until compaction.
    for (qsizetype row = first; row <= last; ++row) {
        m_garbage += m_entries.at(row).length;
        m_entries[row] = append(issues.at(row));
    }
    compactIfWasteful();
}

void IssueSearchIndex::remove(qsizetype first, qsizetype last)
{
    for (qsizetype row = first; row <= last; ++row)
        m_garbage += m_entries.at(row).length;
    m_entries.remove(first, last - first + 1);
    compactIfWasteful();
}

void IssueSearchIndex::clear()
{
    m_buffer.clear();
    m_entries.clear();
    m_garbage = 0;
}

void IssueSearchIndex::compactIfWasteful()
{
    // Compacting costs a copy of the live text; doing it only when half the buffer is dead keeps
    // the cost per update constant on average.
    if (m_garbage < 4096 || m_garbage * 2 < m_buffer.size())
        return;
    QByteArray compacted;
    compacted.reserve(m_buffer.size() - m_garbage);
    for (Entry &entry : m_entries) {
        const qsizetype offset = compacted.size();
        compacted.append(m_buffer.constData() + entry.offset, entry.length);
        entry.offset = offset;
    }
    m_buffer = std::move(compacted);
    m_garbage = 0;
}

qsizetype IssueSearchIndex::byteSize() const
{
    return m_buffer.capacity() + m_entries.capacity() * qsizetype(sizeof(Entry));
}

} // namespace Mainstay
