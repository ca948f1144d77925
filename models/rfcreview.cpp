#include "rfcreview.h"

#include "issue.h"
#include "userdatadatabase.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Mainstay {

RfcReview::RfcReview(const QStringList &questions)
{
    for (const QString &question : questions)
        m_items.append(Item{question, Answer::Unanswered, QString()});
}

bool RfcReview::isRfc(const Issue &issue)
{
    for (const Label &label : issue.labels)
        if (label.name.compare(QLatin1String("RFC"), Qt::CaseInsensitive) == 0)
            return true;
    static const QRegularExpression title(QStringLiteral("^\\s*(?:RFC\\s*:|\\[RFC\\])"),
                                          QRegularExpression::CaseInsensitiveOption);
    return title.match(issue.title).hasMatch();
}

void RfcReview::setAnswer(int index, Answer answer)
{
    if (index >= 0 && index < m_items.size())
        m_items[index].answer = answer;
}

void RfcReview::setNote(int index, const QString &note)
{
    if (index >= 0 && index < m_items.size())
        m_items[index].note = note;
}

int RfcReview::answeredCount() const
{
    return int(std::count_if(m_items.cbegin(), m_items.cend(),
                             [](const Item &item) { return item.answer != Answer::Unanswered; }));
}

bool RfcReview::isEmpty() const
{
    return std::all_of(m_items.cbegin(), m_items.cend(), [](const Item &item) {
        return item.answer == Answer::Unanswered && item.note.trimmed().isEmpty();
    });
}

QString RfcReview::answerName(Answer answer)
{
    switch (answer) {
    case Answer::Yes:
        return QStringLiteral("yes");
    case Answer::No:
        return QStringLiteral("no");
    case Answer::Unsure:
        return QStringLiteral("unsure");
    case Answer::Unanswered:
        break;
    }
    return QString();
}

RfcReview::Answer RfcReview::answerFromName(QStringView name)
{
    if (name == u"yes")
        return Answer::Yes;
    if (name == u"no")
        return Answer::No;
    if (name == u"unsure")
        return Answer::Unsure;
    return Answer::Unanswered;
}

QJsonObject RfcReview::toJson() const
{
    QJsonArray answers;
    for (const Item &item : m_items)
        answers.append(QJsonObject{{QStringLiteral("question"), item.question},
                                   {QStringLiteral("answer"), answerName(item.answer)},
                                   {QStringLiteral("note"), item.note}});
    return QJsonObject{{QStringLiteral("answers"), answers}};
}

RfcReview RfcReview::fromJson(const QStringList &questions, const QJsonValue &json)
{
    RfcReview review(questions);
    const QJsonArray answers = json.toObject().value(QLatin1String("answers")).toArray();
    for (const QJsonValue &value : answers) {
        const QJsonObject answer = value.toObject();
        const int index =
            int(questions.indexOf(answer.value(QLatin1String("question")).toString()));
        if (index < 0)
            continue;
        review.m_items[index].answer =
            answerFromName(answer.value(QLatin1String("answer")).toString());
        review.m_items[index].note = answer.value(QLatin1String("note")).toString();
    }
    return review;
}

RfcReview RfcReview::load(const UserDataDatabase &userData, int number,
                          const QStringList &questions)
{
    return fromJson(questions, userData.localValue(LocalScope, QString::number(number)));
}

bool RfcReview::save(UserDataDatabase &userData, int number) const
{
    if (isEmpty())
        return userData.removeLocalValue(LocalScope, QString::number(number)) ||
               userData.localValue(LocalScope, QString::number(number)).isUndefined();
    return userData.setLocalValue(LocalScope, QString::number(number), toJson());
}

QString RfcReview::toMarkdown(const QString &author,
                              const std::optional<RfcIssueForm::Check> &templateCheck) const
{
    QString text = QStringLiteral("### RFC review\n\n");
    if (!author.isEmpty())
        text += QStringLiteral("Thank you @%1 for writing this RFC! ").arg(author);
    text += QStringLiteral("Here is where the review stands against the questions we ask of "
                           "every RFC.\n\n");
    QStringList open;
    for (const Item &item : m_items) {
        if (item.answer == Answer::Unanswered && item.note.trimmed().isEmpty()) {
            open.append(item.question);
            continue;
        }
        QString mark;
        switch (item.answer) {
        case Answer::Yes:
            mark = QStringLiteral("**Yes**");
            break;
        case Answer::No:
            mark = QStringLiteral("**No**");
            break;
        case Answer::Unsure:
            mark = QStringLiteral("**Unsure**");
            break;
        case Answer::Unanswered:
            mark = QStringLiteral("_not decided yet_");
            break;
        }
        text += QStringLiteral("- %1 %2").arg(item.question, mark);
        const QString note = item.note.trimmed();
        if (!note.isEmpty()) {
            // Continuation lines are indented so that a multi-line note stays in its item.
            QString indented = note;
            indented.replace(QLatin1Char('\n'), QStringLiteral("\n  "));
            text += QStringLiteral(" — %1").arg(indented);
        }
        text += QLatin1Char('\n');
    }
    if (!open.isEmpty()) {
        text += QStringLiteral("\nStill open:\n");
        for (const QString &question : open)
            text += QStringLiteral("- %1\n").arg(question);
    }
    if (templateCheck) {
        text += QStringLiteral("\n**RFC template:** ");
        if (templateCheck->passed()) {
            text += QStringLiteral("all sections of the RFC form are filled in.\n");
        } else {
            text += QStringLiteral("please use the RFC form");
            QStringList parts;
            for (const QString &label : templateCheck->missing)
                parts.append(QStringLiteral("“%1”").arg(label));
            if (!parts.isEmpty())
                text += QStringLiteral("; missing: %1").arg(parts.join(QStringLiteral(", ")));
            parts.clear();
            for (const QString &label : templateCheck->emptyRequired)
                parts.append(QStringLiteral("“%1”").arg(label));
            if (!parts.isEmpty())
                text += QStringLiteral("; to fill in: %1").arg(parts.join(QStringLiteral(", ")));
            text += QStringLiteral(".\n");
        }
    }
    return text;
}

} // namespace Mainstay
