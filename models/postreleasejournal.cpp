#include "postreleasejournal.h"

#include "postreleasebatch.h"
#include "userdatadatabase.h"

#include <QJsonObject>

#include <algorithm>

namespace Mainstay {

PostReleaseJournal *PostReleaseJournal::of(PostReleaseBatch *batch, UserDataDatabase *userData)
{
    if (!batch || !userData)
        return nullptr;
    if (auto *journal =
            batch->findChild<PostReleaseJournal *>(QString(), Qt::FindDirectChildrenOnly))
        return journal;
    return new PostReleaseJournal(batch, userData);
}

PostReleaseJournal::PostReleaseJournal(PostReleaseBatch *batch, UserDataDatabase *userData)
    : QObject(batch)
    , m_batch(batch)
    , m_userData(userData)
{
    connect(batch, &PostReleaseBatch::loaded, this, &PostReleaseJournal::save);
    connect(batch, &PostReleaseBatch::itemChanged, this, &PostReleaseJournal::save);
    connect(batch, &PostReleaseBatch::finished, this, &PostReleaseJournal::save);
    connect(batch, &PostReleaseBatch::failed, this, &PostReleaseJournal::save);
}

PostReleaseJournal::Restore PostReleaseJournal::restore(QString *reason)
{
    const QString tag = m_batch->tag();
    const QJsonValue saved = m_userData->localValue(scope(), tag);
    if (saved.isUndefined())
        return Restore::Nothing;
    QString why;
    if (saved.isObject() && m_batch->restoreState(saved.toObject(), &why))
        return Restore::Restored;
    if (!saved.isObject())
        PostReleaseBatch::itemsInState(saved, &why);
    if (reason)
        *reason = why;
    // Kept aside before the fresh listing overwrites it: nothing the maintainer had is lost.
    if (m_userData->localValue(unreadableScope(), tag) != saved &&
        !m_userData->setLocalValue(unreadableScope(), tag, saved)) {
        m_saveBlocked = true;
        Q_EMIT saveFailed(tr("The unreadable progress could not be kept aside (%1), so it is not "
                             "overwritten and this run is not recorded.")
                              .arg(m_userData->lastError()));
    }
    m_batch->setIssuesToRecheck(PostReleaseBatch::issueNumbersInState(saved));
    return Restore::Unreadable;
}

bool PostReleaseJournal::save()
{
    if (m_saveBlocked || m_batch->items().isEmpty())
        return false; // nothing listed yet: nothing to resume, nothing to lose
    if (m_userData->setLocalValue(scope(), m_batch->tag(), m_batch->saveState())) {
        m_saveFailed = false;
        return true;
    }
    if (!m_saveFailed) // once per streak, not once per issue
        Q_EMIT saveFailed(tr("The progress could not be saved locally (%1). After a restart the "
                             "issues are looked up again; none is told twice.")
                              .arg(m_userData->lastError()));
    m_saveFailed = true;
    return false;
}

QList<PostReleaseJournal::Unfinished>
PostReleaseJournal::unfinished(const UserDataDatabase &userData)
{
    QList<Unfinished> result;
    const QHash<QString, QJsonValue> values = userData.localValues(scope());
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const std::optional<QList<PostReleaseBatch::Item>> items =
            PostReleaseBatch::itemsInState(it.value());
        Unfinished entry;
        entry.tag = it.key();
        if (!items || it.value().toObject().value(QLatin1String("tag")).toString() != it.key()) {
            entry.readable = false;
            result.append(entry);
            continue;
        }
        entry.total = int(items->size());
        for (const PostReleaseBatch::Item &item : *items)
            entry.done += item.step == PostReleaseBatch::Step::Closed ||
                          item.step == PostReleaseBatch::Step::Skipped;
        if (entry.done < entry.total)
            result.append(entry);
    }
    std::sort(result.begin(), result.end(),
              [](const Unfinished &a, const Unfinished &b) { return a.tag < b.tag; });
    return result;
}

} // namespace Mainstay
