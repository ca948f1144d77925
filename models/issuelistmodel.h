#pragma once

#include "clock.h"
#include "issue.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Mainstay {

// Issues and pull requests of one workspace as a flat table. Takes data through setIssues() and
// upsert(); rows are keyed by issue number so a sync page updates rows in place.
class IssueListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns
    {
        NumberColumn,
        TitleColumn,
        LabelsColumn,
        AuthorColumn,
        CommentsColumn,
        UpdatedColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1, // a value that sorts the column naturally
        NumberRole,
        IsPullRequestRole,
        IsOpenRole,
        LabelsRole, // QVariantList of QVariantMap {name, color}
        IssueRole,  // the whole Mainstay::Issue
        HtmlUrlRole,
    };

    explicit IssueListModel(QObject *parent = nullptr);

    void setIssues(QList<Issue> issues);
    // Adds new items at the end and updates known ones (matched by number) in place.
    void upsert(const QList<Issue> &issues);
    void clear();
    // Ages ("3 d ago") are measured against this clock; the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }
    // "https://github.com/owner/repo": web links of items that come without one (the cache's
    // list load leaves them out) are made from it.
    void setRepositoryWebUrl(const QString &url) { m_webUrl = url; }
    QString htmlUrl(const Issue &issue) const;

    const QList<Issue> &issues() const { return m_issues; }
    const Issue *issueByNumber(int number) const;
    int rowOfNumber(int number) const { return m_rowByNumber.value(number, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reindex();

    QList<Issue> m_issues;
    QHash<int, int> m_rowByNumber;
    const Clock *m_clock = Clock::system();
    QString m_webUrl;
};

} // namespace Mainstay

Q_DECLARE_METATYPE(Mainstay::Issue)
