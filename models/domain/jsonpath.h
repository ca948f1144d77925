#pragma once

#include <QAnyStringView>
#include <QString>

namespace Mainstay::GitHubJson {

// Where a value sits in a document ("[3].labels[2]"), as a chain of steps linked to their parent
// so that the text is only built when an error has to name it: parsing 100,000 items must not
// pay for strings that are thrown away.
class JsonPath
{
public:
    // The document root.
    JsonPath() = default;
    // `key` must outlive the path (a literal, or a key string the caller keeps).
    JsonPath(const JsonPath *parent, QAnyStringView key)
        : m_parent(parent)
        , m_key(key)
    {}
    JsonPath(const JsonPath *parent, qsizetype index)
        : m_parent(parent)
        , m_index(index)
    {}

    bool isRoot() const { return !m_parent && m_key.isEmpty() && m_index < 0; }
    // "[3].user.login"; "top level" for the root itself.
    QString toString() const;

private:
    void appendTo(QString &text) const;

    const JsonPath *m_parent = nullptr;
    QAnyStringView m_key;
    qsizetype m_index = -1;
};

} // namespace Mainstay::GitHubJson
