#pragma once

#include "rfcissueform.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mainstay {

struct Issue;
class UserDataDatabase;

// A maintainer's review of one RFC against the policy's review questions (the guide's "Triage
// RFCs"): an answer (yes / no / unsure) and a note per question, kept on this machine only
// (UserDataDatabase local values, scope "rfc-review", key = the issue number), and the Markdown
// review comment made from them.
class RfcReview
{
public:
    enum class Answer
    {
        Unanswered,
        Yes,
        No,
        Unsure
    };

    struct Item
    {
        QString question;
        Answer answer = Answer::Unanswered;
        QString note;
        bool operator==(const Item &) const = default;
    };

    static inline const QString LocalScope = QStringLiteral("rfc-review");

    RfcReview() = default;
    explicit RfcReview(const QStringList &questions);

    // An issue labelled `RFC` (any case) or titled `RFC: …` / `[RFC] …`.
    static bool isRfc(const Issue &issue);

    QList<Item> &items() { return m_items; }
    const QList<Item> &items() const { return m_items; }
    void setAnswer(int index, Answer answer);
    void setNote(int index, const QString &note);
    int answeredCount() const;
    bool isEmpty() const; // nothing answered, no note

    // {"answers": [{"question", "answer": "yes|no|unsure|", "note"}]}
    QJsonObject toJson() const;
    // Answers matched to `questions` by question text (so a reordered or edited policy keeps what
    // still applies); answers to questions no longer asked are dropped.
    static RfcReview fromJson(const QStringList &questions, const QJsonValue &json);

    static RfcReview load(const UserDataDatabase &userData, int number,
                          const QStringList &questions);
    bool save(UserDataDatabase &userData, int number) const;

    // The review comment: a heading, each answered question with its answer and note, the
    // unanswered ones listed as open, and the template check when known. `author` is the RFC's
    // author, thanked by handle when given.
    QString toMarkdown(const QString &author = QString(),
                       const std::optional<RfcIssueForm::Check> &templateCheck = {}) const;

    static QString answerName(Answer answer); // yes, no, unsure, "" (the stored form)
    static Answer answerFromName(QStringView name);

    bool operator==(const RfcReview &) const = default;

private:
    QList<Item> m_items;
};

} // namespace Mainstay
