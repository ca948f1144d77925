#pragma once

#include "issue.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Mainstay {

// Case-folded title and body of every item, kept row by row beside an item list, so that free
// text in a query is matched with a plain byte search instead of folding 100,000 titles on every
// keystroke. Text is stored as UTF-8 (ASCII titles cost one byte a character, and a substring
// match on valid UTF-8 is the same as one on the UTF-16 it came from) in one buffer, without an
// allocation per item.
//
// Whoever owns the items keeps it in step: rebuild() after a reset, insert() / update() /
// remove() for row changes. IssueQuery::matches(issue, index.text(row)) uses it.
class IssueSearchIndex
{
public:
    // What the index holds for one item: folded title, '\n', folded body.
    static QByteArray searchText(const Issue &issue);
    // The form a query term takes to be searched for in searchText().
    static QByteArray foldTerm(QStringView term);

    void rebuild(const QList<Issue> &issues);
    // Rows [first, last] of `issues` are new, inserted before the current row `first`.
    void insert(const QList<Issue> &issues, qsizetype first, qsizetype last);
    // Rows [first, last] of `issues` changed in place.
    void update(const QList<Issue> &issues, qsizetype first, qsizetype last);
    // Rows [first, last] are gone.
    void remove(qsizetype first, qsizetype last);
    void clear();

    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    QByteArrayView text(qsizetype row) const
    {
        const Entry &entry = m_entries.at(row);
        return QByteArrayView(m_buffer.constData() + entry.offset, entry.length);
    }
    // Bytes held, for the memory budget.
    qsizetype byteSize() const;

private:
    struct Entry
    {
        qsizetype offset;
        qsizetype length;
    };
    Entry append(const Issue &issue);
    void compactIfWasteful();

    QByteArray m_buffer;
    QList<Entry> m_entries;
    // Bytes of m_buffer no entry refers to any more (changed or removed rows).
    qsizetype m_garbage = 0;
};

} // namespace Mainstay
