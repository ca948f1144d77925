#include "boardcolumn.h"

namespace Mainstay {

namespace {

bool sameName(QStringView a, QStringView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool hasName(const QList<Label> &labels, QStringView name)
{
    for (const Label &label : labels)
        if (sameName(label.name, name))
            return true;
    return false;
}

bool hasName(const QStringList &labels, QStringView name)
{
    for (const QString &label : labels)
        if (sameName(label, name))
            return true;
    return false;
}

template<class Labels>
bool matchesLabels(const BoardColumn &column, const Labels &cardLabels)
{
    bool any = false;
    for (const QString &name : column.labels) {
        if (hasName(cardLabels, name)) {
            any = true;
            break;
        }
    }
    if (!any)
        return false;
    for (const QString &name : column.except)
        if (hasName(cardLabels, name))
            return false;
    return true;
}

} // namespace

bool BoardColumn::matches(const QList<Label> &cardLabels) const
{
    return matchesLabels(*this, cardLabels);
}

bool BoardColumn::matches(const QStringList &cardLabels) const
{
    return matchesLabels(*this, cardLabels);
}

LabelChange BoardColumn::changeForMove(const QStringList &cardLabels) const
{
    LabelChange change;
    QStringList remaining;
    for (const QString &name : cardLabels) {
        const bool goes = (hasName(remove, name) || hasName(except, name)) && !hasName(add, name) &&
                          !hasName(labels, name);
        if (goes) {
            if (!hasName(change.remove, name))
                change.remove.append(name);
        } else {
            remaining.append(name);
        }
    }
    bool alreadyHere = false;
    for (const QString &name : labels)
        alreadyHere = alreadyHere || hasName(remaining, name);
    if (!alreadyHere) {
        for (const QString &name : add)
            if (!hasName(remaining, name) && !hasName(change.add, name))
                change.add.append(name);
    }
    return change;
}

} // namespace Mainstay
