#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace Mainstay {

// Maps changed file paths to a label (`aws_lambda_powertools/logging/**` -> `logger`), the way
// the guide's PR automation labels pull requests by the files they touch.
//
// Globs match the whole repository-relative path: `*` and `?` stay within one directory,
// `**` spans directories (`docs/**` matches everything below docs/, `**/x.md` any x.md), and
// `{a,b}` picks one of the alternatives.
class AreaRule
{
public:
    AreaRule() = default;
    AreaRule(QString label, QStringList globs);

    const QString &label() const { return m_label; }
    const QStringList &globs() const { return m_globs; }
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    bool matches(QStringView path) const;

    // The regular expression (unanchored text) for one glob; empty with `error` set when the
    // glob cannot be read.
    static QString globToPattern(QStringView glob, QString *error = nullptr);

    bool operator==(const AreaRule &other) const
    {
        return m_label == other.m_label && m_globs == other.m_globs;
    }

private:
    QString m_label;
    QStringList m_globs;
    QRegularExpression m_regex;
    QString m_error;
};

} // namespace Mainstay
