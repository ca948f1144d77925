#pragma once

#include <QRegularExpression>
#include <QString>
#include <optional>

namespace Mainstay {

// A JavaScript regular expression run with QRegularExpression, for configuration written for
// JavaScript tools (Release Drafter's `replacers`): the pattern is translated where PCRE and
// JavaScript differ (`.` and `$` line terminators, `^`/`$` with the m flag, `\uXXXX`, `[]`,
// `[^]`, `\s`, and surrogates, which JavaScript without the u flag matches one at a time), and
// replace() expands `$&`, `$1`, `$<name>`, `` $` ``, `$'` and `$$` as
// String.prototype.replace does.
class JsRegex
{
public:
    // `pattern` and `flags` as in `new RegExp(pattern, flags)`; empty on an invalid pattern or
    // flag.
    static std::optional<JsRegex> create(const QString &pattern, const QString &flags);
    // Release Drafter's rule: `/…/flags` is a regular expression, anything else a literal string
    // replaced everywhere.
    static std::optional<JsRegex> fromSearch(const QString &search);

    QString replace(const QString &text, const QString &replacement) const;
    bool isGlobal() const { return m_global; }
    const QRegularExpression &regex() const { return m_regex; }

private:
    QRegularExpression m_regex;
    bool m_global = false;
    bool m_sticky = false;
    bool m_unicode = false;
};

} // namespace Mainstay
