#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Mainstay {

// A repository's RFC issue form (a YAML file in .github/ISSUE_TEMPLATE/ with `body:` items) and
// the check of an issue body against it. GitHub renders each input of a form (not the
// `markdown` items) as a `### <label>` heading followed by the answer, or `_No response_` when
// an optional field was left empty; a body without those headings did not use the form.
class RfcIssueForm
{
public:
    struct Section
    {
        QString label;
        QString type; // input, textarea, dropdown, checkboxes
        bool required = false;
        bool operator==(const Section &) const = default;
    };

    struct Check
    {
        QStringList missing;       // headings of the form that the body lacks
        QStringList emptyRequired; // required sections present but left empty
        bool passed() const { return missing.isEmpty() && emptyRequired.isEmpty(); }
        // One sentence: "The body follows the RFC form." / "Missing sections: …".
        QString summary() const;
        bool operator==(const Check &) const = default;
    };

    // Reads an issue form; on failure returns an invalid form and says why in `error`.
    static RfcIssueForm parse(const QByteArray &yaml, QString *error = nullptr);

    bool isValid() const { return !m_sections.isEmpty(); }
    // The form is the RFC one: its name, title prefix or labels say RFC.
    bool isRfcForm() const;

    const QString &name() const { return m_name; }
    const QString &title() const { return m_title; }
    const QStringList &labels() const { return m_labels; }
    const QList<Section> &sections() const { return m_sections; }
    // Where it was read from (.github/ISSUE_TEMPLATE/rfc.yml), for messages.
    QString path() const { return m_path; }
    void setPath(const QString &path) { m_path = path; }

    Check check(const QString &body) const;

private:
    QString m_name;
    QString m_title;
    QStringList m_labels;
    QList<Section> m_sections;
    QString m_path;
};

} // namespace Mainstay
