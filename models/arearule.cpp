#include "arearule.h"

namespace Mainstay {

namespace {

QStringView withoutLeadingSlashes(QStringView path)
{
    while (path.startsWith(u"./"))
        path = path.mid(2);
    while (path.startsWith(u'/'))
        path = path.mid(1);
    return path;
}

} // namespace

AreaRule::AreaRule(QString label, QStringList globs)
    : m_label(std::move(label))
    , m_globs(std::move(globs))
{
    QStringList alternatives;
    for (const QString &glob : std::as_const(m_globs)) {
        QString error;
        const QString pattern = globToPattern(glob, &error);
        if (!error.isEmpty()) {
            m_error = QStringLiteral("`%1`: %2").arg(glob, error);
            return;
        }
        alternatives.append(QStringLiteral("(?:%1)").arg(pattern));
    }
    if (alternatives.isEmpty()) {
        m_error = QStringLiteral("no paths given");
        return;
    }
    m_regex.setPattern(QRegularExpression::anchoredPattern(alternatives.join(u'|')));
    m_regex.optimize();
}

bool AreaRule::matches(QStringView path) const
{
    if (!isValid())
        return false;
    return m_regex.match(withoutLeadingSlashes(path)).hasMatch();
}

QString AreaRule::globToPattern(QStringView glob, QString *error)
{
    glob = withoutLeadingSlashes(glob);
    if (glob.isEmpty()) {
        if (error)
            *error = QStringLiteral("the path is empty");
        return {};
    }
    QString pattern;
    bool inBraces = false;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob[i];
        if (c == u'*') {
            const bool doubleStar = i + 1 < glob.size() && glob[i + 1] == u'*';
            if (!doubleStar) {
                pattern += QStringLiteral("[^/]*");
                continue;
            }
            ++i;
            const bool atSegmentStart = i == 1 || glob[i - 2] == u'/';
            const bool slashFollows = i + 1 < glob.size() && glob[i + 1] == u'/';
            if (atSegmentStart && slashFollows) {
                // `**/` also matches no directory at all: `**/x.md` matches `x.md`.
                pattern += QStringLiteral("(?:.*/)?");
                ++i;
            } else {
                pattern += QStringLiteral(".*");
            }
        } else if (c == u'?') {
            pattern += QStringLiteral("[^/]");
        } else if (c == u'{') {
            if (inBraces) {
                if (error)
                    *error = QStringLiteral("nested `{` is not supported");
                return {};
            }
            inBraces = true;
            pattern += QStringLiteral("(?:");
        } else if (c == u'}' && inBraces) {
            inBraces = false;
            pattern += u')';
        } else if (c == u',' && inBraces) {
            pattern += u'|';
        } else {
            pattern += QRegularExpression::escape(QString(c));
        }
    }
    if (inBraces) {
        if (error)
            *error = QStringLiteral("`{` without a closing `}`");
        return {};
    }
    return pattern;
}

} // namespace Mainstay
