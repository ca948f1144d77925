#include "releasenotes.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include <yaml-cpp/yaml.h>

namespace Mainstay {

namespace {

// yaml-cpp writes the escapes \N and \_ as the single bytes 0x85 and 0xA0 instead of their
// UTF-8 form; read such a lone byte as the character it stands for (U+0085, U+00A0), as
// js-yaml does. Anything else invalid becomes U+FFFD as usual.
QString fromStd(const std::string &text)
{
    const QString decoded = QString::fromUtf8(text.data(), qsizetype(text.size()));
    if (!decoded.contains(QChar::ReplacementCharacter))
        return decoded;
    QString out;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        std::size_t length = b < 0x80           ? 1
                             : (b >> 5) == 0x6  ? 2
                             : (b >> 4) == 0xE  ? 3
                             : (b >> 3) == 0x1E ? 4
                                                : 0;
        bool valid = length > 0 && i + length <= n;
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (!valid) {
            out += (b == 0x85 || b == 0xA0) ? QChar(b) : QChar::ReplacementCharacter;
            ++i;
            continue;
        }
        out += QString::fromUtf8(text.data() + i, qsizetype(length));
        i += length;
    }
    return out;
}

// What js-yaml 3 (Release Drafter's YAML reader) makes of a plain scalar that is not a string:
// "null", "boolean", "number" or "date"; empty for a string. Quoted and block scalars are
// strings whatever they hold.
QString plainScalarType(const YAML::Node &node)
{
    if (!node.IsScalar())
        return {};
    const std::string &tag = node.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return {};
    if (tag != "?") {
        // An explicit tag: what js-yaml makes of it.
        static const std::map<std::string, QString> known{
            {"tag:yaml.org,2002:null", QStringLiteral("null")},
            {"tag:yaml.org,2002:bool", QStringLiteral("boolean")},
            {"tag:yaml.org,2002:int", QStringLiteral("number")},
            {"tag:yaml.org,2002:float", QStringLiteral("number")},
            {"tag:yaml.org,2002:timestamp", QStringLiteral("date")},
            {"tag:yaml.org,2002:binary", QStringLiteral("binary value")}};
        const auto it = known.find(tag);
        return it != known.end() ? it->second
                                 : QStringLiteral("value of unknown tag %1").arg(fromStd(tag));
    }
    const QString s = fromStd(node.Scalar());
    if (s == u"~" || s == u"null" || s == u"Null" || s == u"NULL" || s.isEmpty())
        return QStringLiteral("null");
    if (s == u"true" || s == u"True" || s == u"TRUE" || s == u"false" || s == u"False" ||
        s == u"FALSE")
        return QStringLiteral("boolean");
    // js-yaml's integer resolver: no leading `_`, no trailing `_`, digits in the base.
    auto isInteger = [&](const QString &t) {
        if (t.endsWith(u'_'))
            return false;
        QString body = t;
        if (body.startsWith(u'-') || body.startsWith(u'+'))
            body = body.mid(1);
        if (body.startsWith(u'_') || body.isEmpty())
            return false;
        if (body.startsWith(u':'))
            return false;
        static const QRegularExpression b2(QStringLiteral(R"(^0b[01_]*[01][01_]*\z)"));
        static const QRegularExpression b16(
            QStringLiteral(R"(^0x[0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*\z)"));
        static const QRegularExpression b8(QStringLiteral(R"(^0[0-7_]*[0-7][0-7_]*\z)"));
        static const QRegularExpression b10(
            QStringLiteral(R"(^[1-9][0-9_]*(?:(?::[0-5]?[0-9])+)?\z)"));
        if (body == u"0")
            return true;
        if (body.startsWith(u'0'))
            return b2.match(body).hasMatch() || b16.match(body).hasMatch() ||
                   b8.match(body).hasMatch();
        return b10.match(body).hasMatch();
    };
    if (isInteger(s))
        return QStringLiteral("number");
    static const QRegularExpression floating(QStringLiteral(
        R"(^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z)"));
    if (floating.match(s).hasMatch() && !s.endsWith(u'_'))
        return QStringLiteral("number");
    static const QRegularExpression date(QStringLiteral(R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}\z)"));
    static const QRegularExpression timestamp(QStringLiteral(
        R"(^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?\z)"));
    if (date.match(s).hasMatch() || timestamp.match(s).hasMatch())
        return QStringLiteral("date");
    return {};
}

// Joi's number() with conversion, as Release Drafter validates `collapse-after`: a YAML number,
// or a string that reads as a decimal number. Empty when neither.
std::optional<double> joiNumber(const YAML::Node &node)
{
    if (!node.IsScalar())
        return std::nullopt;
    QString s = fromStd(node.Scalar());
    const QString type = plainScalarType(node);
    if (type == u"number") {
        s.remove(u'_');
        QString sign;
        if (s.startsWith(u'-') || s.startsWith(u'+')) {
            sign = s.left(1);
            s = s.mid(1);
        }
        const double factor = sign == u"-" ? -1 : 1;
        bool ok = false;
        if (s.startsWith(QLatin1String("0b")))
            return factor * double(s.mid(2).toULongLong(&ok, 2));
        if (s.startsWith(QLatin1String("0x")))
            return factor * double(s.mid(2).toULongLong(&ok, 16));
        if (s.size() > 1 && s.startsWith(u'0') && !s.contains(u'.') && !s.contains(u'e') &&
            !s.contains(u'E'))
            return factor * double(s.mid(1).toULongLong(&ok, 8));
        if (s.contains(u':')) {
            // Base 60: 1:30 is 90.
            double value = 0;
            for (const QString &part : s.split(u':'))
                value = value * 60 + part.toDouble();
            return factor * value;
        }
        const QString lower = s.toLower();
        if (lower == u".inf")
            return factor * std::numeric_limits<double>::infinity();
        if (lower == u".nan")
            return std::numeric_limits<double>::quiet_NaN();
        return factor * s.toDouble();
    }
    if (!type.isEmpty())
        return std::nullopt;
    static const QRegularExpression decimal(
        QStringLiteral(R"(^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*\z)"),
        QRegularExpression::CaseInsensitiveOption);
    if (!decimal.match(s).hasMatch())
        return std::nullopt;
    return s.trimmed().toDouble();
}

class ConfigReader
{
public:
    explicit ConfigReader(const QString &file, const QByteArray &source = {})
        : m_file(file)
    {
        for (QByteArray line : source.split('\n')) {
            if (line.endsWith('\r'))
                line.chop(1);
            m_lines.append(line);
        }
        if (source.endsWith('\n'))
            m_lines.removeLast();
    }

    // yaml-cpp folds the line break after the last line of a folded block scalar with keep
    // chomping (`>+`) into the empty lines that follow, losing one; YAML (and js-yaml) keeps
    // them all. The trailing breaks are counted again from the source.
    QString foldedKeep(const YAML::Node &node, const QString &value) const
    {
        const YAML::Mark mark = node.Mark();
        if (mark.is_null() || mark.line < 0 || mark.line >= m_lines.size())
            return value;
        const QByteArray header = m_lines.at(mark.line);
        if (mark.column < 0 || mark.column >= header.size() || header.at(mark.column) != '>')
            return value;
        bool keep = false;
        int explicitIndent = 0;
        for (qsizetype i = mark.column + 1; i < header.size(); ++i) {
            const char c = header.at(i);
            if (c == '+')
                keep = true;
            else if (c >= '1' && c <= '9')
                explicitIndent = c - '0';
            else if (c != '-')
                break;
        }
        if (!keep)
            return value;
        auto indentation = [](const QByteArray &line) {
            qsizetype n = 0;
            while (n < line.size() && line.at(n) == ' ')
                ++n;
            return n;
        };
        auto blank = [](const QByteArray &line) { return line.trimmed().isEmpty(); };
        // The block's indentation: explicit (from the node's own indentation), else its first
        // non-empty line's.
        qsizetype indent = -1;
        if (explicitIndent > 0) {
            qsizetype parent = 0;
            while (parent < header.size() && (header.at(parent) == ' ' || header.at(parent) == '-'))
                ++parent;
            indent = parent + explicitIndent;
        }
        int line = mark.line + 1;
        if (indent < 0) {
            for (int l = line; l < m_lines.size() && indent < 0; ++l)
                if (!blank(m_lines.at(l)))
                    indent = indentation(m_lines.at(l));
            if (indent < 0)
                return value;
        }
        int lastContent = -1;
        int end = line;
        for (; end < m_lines.size(); ++end) {
            const QByteArray &text = m_lines.at(end);
            if (blank(text)) {
                if (text.size() > indent)
                    return value; // spaces beyond the indentation are content: leave it
                continue;
            }
            if (indentation(text) < indent)
                break;
            lastContent = end;
        }
        if (lastContent < 0)
            return value;
        // Blank lines between the last content line and the end of the block.
        int trailing = end - lastContent - 1;
        QString fixed = value;
        while (fixed.endsWith(u'\n'))
            fixed.chop(1);
        return fixed + QString(trailing + 1, u'\n');
    }

    void error(const YAML::Node &node, const QString &path, const QString &message)
    {
        add(PolicyDiagnostic::Severity::Error, node, path, message);
    }
    void warning(const YAML::Node &node, const QString &path, const QString &message)
    {
        add(PolicyDiagnostic::Severity::Warning, node, path, message);
    }
    void add(PolicyDiagnostic::Severity severity, const YAML::Node &node, const QString &path,
             const QString &message)
    {
        PolicyDiagnostic d;
        d.severity = severity;
        d.file = m_file;
        if (node.IsDefined()) {
            const YAML::Mark mark = node.Mark();
            if (!mark.is_null()) {
                d.line = mark.line + 1;
                d.column = mark.column + 1;
            }
        }
        d.keyPath = path;
        d.message = message;
        m_diagnostics.append(d);
    }
    bool hasErrors() const
    {
        for (const PolicyDiagnostic &d : m_diagnostics)
            if (d.isError())
                return true;
        return false;
    }

    // A string value; `allowEmpty` false rejects "" like Release Drafter's schema does.
    bool string(const YAML::Node &node, const QString &path, QString *out, bool allowEmpty = true)
    {
        if (!node.IsScalar()) {
            error(node, path, QStringLiteral("must be a string"));
            return false;
        }
        if (!notString(node, path))
            return false;
        const QString value = foldedKeep(node, fromStd(node.Scalar()));
        if (!allowEmpty && value.isEmpty()) {
            error(node, path, QStringLiteral("must not be empty"));
            return false;
        }
        *out = value;
        return true;
    }

    // A list of strings; a single string counts as a list of one when `single` is true.
    bool strings(const YAML::Node &node, const QString &path, QStringList *out, bool single)
    {
        if (node.IsScalar() && single && plainScalarType(node) != u"null") {
            if (!notString(node, path))
                return false;
            if (node.Scalar().empty()) {
                error(node, path, QStringLiteral("must not be empty"));
                return false;
            }
            *out = {fromStd(node.Scalar())};
            return true;
        }
        if (node.IsNull()) {
            error(node, path, QStringLiteral("must be a list of strings"));
            return false;
        }
        if (!node.IsSequence()) {
            error(node, path, QStringLiteral("must be a list of strings"));
            return false;
        }
        QStringList list;
        for (std::size_t i = 0; i < node.size(); ++i) {
            const YAML::Node item = node[i];
            const QString itemPath = path + QStringLiteral("[%1]").arg(i);
            if (!item.IsScalar()) {
                error(item, itemPath, QStringLiteral("must be a string"));
                return false;
            }
            if (!notString(item, itemPath))
                return false;
            if (item.Scalar().empty()) {
                error(item, itemPath, QStringLiteral("must not be empty"));
                return false;
            }
            list << fromStd(item.Scalar());
        }
        *out += list; // deep merge over the defaults concatenates lists
        return true;
    }

    // A whole number as Joi reads one (a YAML number, or a string such as "2" or "2.0").
    bool integer(const YAML::Node &node, const QString &path, int *out, int minimum)
    {
        const std::optional<double> value = joiNumber(node);
        if (!value || !std::isfinite(*value) || *value != std::floor(*value) || *value < minimum ||
            *value > std::numeric_limits<int>::max()) {
            error(node, path, QStringLiteral("must be an integer of at least %1").arg(minimum));
            return false;
        }
        *out = int(*value);
        return true;
    }

    // A boolean as Joi reads one: YAML's true and false, or the strings "true" and "false" in
    // any case.
    bool boolean(const YAML::Node &node, const QString &path)
    {
        const QString type = plainScalarType(node);
        const QString text = node.IsScalar() ? fromStd(node.Scalar()).toLower() : QString();
        if (type == u"boolean" ||
            (type.isEmpty() && node.IsScalar() && (text == u"true" || text == u"false")))
            return true;
        error(node, path, QStringLiteral("must be true or false"));
        return false;
    }

    // False (and an error) for a plain scalar YAML reads as a number, boolean, null or date:
    // Release Drafter's schema wants a string there (`title: 2024` needs quotes).
    bool notString(const YAML::Node &node, const QString &path)
    {
        const QString type = plainScalarType(node);
        if (type.isEmpty())
            return true;
        error(node, path,
              QStringLiteral("must be a string, not a %1 (quote `%2`)")
                  .arg(type, fromStd(node.Scalar())));
        return false;
    }

    // Release Drafter's YAML reader (js-yaml) refuses a mapping that names a key twice.
    void duplicateKeys(const YAML::Node &node, const QString &path)
    {
        if (node.IsSequence()) {
            for (std::size_t i = 0; i < node.size(); ++i)
                duplicateKeys(node[i], path + QStringLiteral("[%1]").arg(i));
        } else if (node.IsMap()) {
            QSet<QString> seen;
            for (auto it = node.begin(); it != node.end(); ++it) {
                const QString key = it->first.IsScalar() ? fromStd(it->first.Scalar()) : QString();
                const QString keyPath = path.isEmpty() ? key : path + u'.' + key;
                if (it->first.IsScalar() && key != u"<<" && seen.contains(key))
                    error(it->first, keyPath, QStringLiteral("is given twice"));
                seen.insert(key);
                duplicateKeys(it->second, keyPath);
            }
        }
    }

    QList<PolicyDiagnostic> diagnostics() const { return m_diagnostics; }

private:
    QString m_file;
    QList<QByteArray> m_lines;
    QList<PolicyDiagnostic> m_diagnostics;
};

void applyPolicyDefaults(NotesConfig &config, const ReleasePolicy &policy)
{
    config.summaryPlaceholder = policy.summaryPlaceholder;
    config.targetBranch = policy.branch;
    config.pendingReleaseLabel = policy.pendingReleaseLabel;
    config.postReleaseComment = policy.postReleaseComment;
    // Only tag and title, never the body: the guide's `vX.Y.Z` when the file has no templates.
    if (config.tagTemplate.isEmpty())
        config.tagTemplate = policy.tagTemplate;
    if (config.nameTemplate.isEmpty())
        config.nameTemplate = policy.nameTemplate;
}

VersionBump bumpNamed(const QString &name, bool *ok)
{
    *ok = true;
    if (name == QLatin1String("major"))
        return VersionBump::Major;
    if (name == QLatin1String("minor"))
        return VersionBump::Minor;
    if (name == QLatin1String("patch"))
        return VersionBump::Patch;
    *ok = false;
    return VersionBump::Patch;
}

NotesConfigResult finish(ConfigReader &reader, NotesConfig config)
{
    NotesConfigResult result;
    result.diagnostics = reader.diagnostics();
    if (!reader.hasErrors())
        result.config = std::move(config);
    return result;
}

// A YAML syntax error, located where the parser stopped.
NotesConfigResult syntaxError(const QString &fileName, const YAML::Exception &exception)
{
    PolicyDiagnostic d;
    d.file = fileName;
    if (!exception.mark.is_null()) {
        d.line = exception.mark.line + 1;
        d.column = exception.mark.column + 1;
    }
    d.message = QStringLiteral("syntax error: %1").arg(fromStd(exception.msg));
    NotesConfigResult result;
    result.diagnostics.append(d);
    return result;
}

// js-yaml's load() takes one document and refuses a stream of several.
YAML::Node loadOneOf(const std::string &text)
{
    const std::vector<YAML::Node> documents = YAML::LoadAll(text);
    if (documents.size() > 1)
        throw YAML::ParserException(YAML::Mark::null_mark(),
                                    "expected a single document in the file, but found more");
    return documents.empty() ? YAML::Node() : documents.front();
}

// Joins escaped surrogate pairs ("\ud83d\ude00") inside double-quoted scalars into the one
// escape yaml-cpp takes ("\U0001f600"); js-yaml joins them itself. Single-quoted and plain text
// (a replacer's /\uD83D/ pattern) and comments are left alone.
QString joinEscapedPairs(const QString &text)
{
    static const QRegularExpression pair(
        QStringLiteral(R"(\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2}))"),
        QRegularExpression::CaseInsensitiveOption);
    QString out;
    out.reserve(text.size());
    enum class State
    {
        Plain,
        Double,
        Single,
        Comment
    } state = State::Plain;
    QChar previous = u'\n';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (state) {
        case State::Plain:
            if (c == u'#' && (previous == u' ' || previous == u'\t' || previous == u'\n'))
                state = State::Comment;
            else if (c == u'"')
                state = State::Double;
            else if (c == u'\'' && (previous == u' ' || previous == u'\n' || previous == u'[' ||
                                    previous == u',' || previous == u'{' || previous == u':'))
                state = State::Single;
            break;
        case State::Comment:
            if (c == u'\n')
                state = State::Plain;
            break;
        case State::Single:
            if (c == u'\'') {
                if (i + 1 < text.size() && text.at(i + 1) == u'\'') {
                    out += c;
                    ++i;
                } else {
                    state = State::Plain;
                }
            }
            break;
        case State::Double:
            if (c == u'\\') {
                const QRegularExpressionMatch m =
                    pair.match(text, i, QRegularExpression::NormalMatch,
                               QRegularExpression::AnchorAtOffsetMatchOption);
                if (m.hasMatch()) {
                    const char32_t point =
                        QChar::surrogateToUcs4(char16_t(m.captured(1).toUInt(nullptr, 16)),
                                               char16_t(m.captured(2).toUInt(nullptr, 16)));
                    out += QStringLiteral("\\U%1").arg(uint(point), 8, 16, QLatin1Char('0'));
                    i = m.capturedEnd() - 1;
                    previous = u'0';
                    continue;
                }
                if (i + 1 < text.size()) {
                    out += c;
                    out += text.at(++i);
                    previous = text.at(i);
                    continue;
                }
            } else if (c == u'"') {
                state = State::Plain;
            }
            break;
        }
        out += c;
        previous = c;
    }
    return out;
}

// Loads a release-drafter.yml as js-yaml reads it. Where yaml-cpp is stricter than js-yaml it
// is given the text js-yaml effectively reads: lines of only tabs and spaces (js-yaml ends a
// block there) become empty, and escaped surrogate pairs in double quotes are joined. Only a
// file yaml-cpp refuses is retried that way; the first problem is the one reported.
YAML::Node loadSingleDocument(const QByteArray &yaml)
{
    QString text = QString::fromUtf8(yaml);
    std::optional<YAML::ParserException> first;
    for (int attempt = 0; attempt < 3; ++attempt) {
        try {
            return loadOneOf(attempt == 0 ? yaml.toStdString() : text.toStdString());
        } catch (const YAML::ParserException &exception) {
            if (!first)
                first = exception;
            const QString message = fromStd(exception.msg);
            if (message.contains(QLatin1String("illegal tab"))) {
                static const QRegularExpression tabLine(
                    QStringLiteral("^[ \\t]*\\t[ \\t]*(?=\\r?$)"),
                    QRegularExpression::MultilineOption);
                const QString fixed = QString(text).replace(tabLine, QString());
                if (fixed == text)
                    break;
                text = fixed;
            } else if (message.contains(QLatin1String("invalid unicode"))) {
                const QString fixed = joinEscapedPairs(text);
                if (fixed == text)
                    break;
                text = fixed;
            } else {
                break;
            }
        }
    }
    throw *first;
}

} // namespace

NotesConfig NotesConfigLoader::fromPolicy(const ReleasePolicy &policy)
{
    NotesConfig config;
    config.style = NotesConfig::Style::ReleaseDrafter;
    config.source = NotesConfig::Source::Policy;
    config.sourceName = QStringLiteral("policy");
    config.bodyTemplate = policy.bodyTemplate;
    if (!policy.changeTemplate.isEmpty())
        config.changeTemplate = policy.changeTemplate;
    if (!policy.categoryTemplate.isEmpty())
        config.categoryTemplate = policy.categoryTemplate;
    for (const ReleasePolicy::Category &category : policy.categories)
        config.categories.append({category.title, category.labels, 0, {}, {}});
    config.excludeLabels = policy.excludeLabels;
    config.versionResolver = policy.versionResolver;
    config.tagTemplate = policy.tagTemplate;
    config.nameTemplate = policy.nameTemplate;
    applyPolicyDefaults(config, policy);
    return config;
}

NotesConfigResult NotesConfigLoader::parseReleaseDrafter(const QByteArray &yaml,
                                                         const QString &fileName,
                                                         const ReleasePolicy &policy)
{
    ConfigReader reader(fileName, yaml);
    YAML::Node root;
    try {
        root = loadSingleDocument(yaml);
    } catch (const YAML::Exception &exception) {
        return syntaxError(fileName, exception);
    }
    NotesConfig config;
    config.style = NotesConfig::Style::ReleaseDrafter;
    config.source = NotesConfig::Source::ReleaseDrafterFile;
    reader.duplicateKeys(root, QString());
    config.sourceName = fileName;
    if (!root.IsMap()) {
        reader.error(root, QString(), QStringLiteral("the file must be a mapping of keys"));
        return finish(reader, config);
    }

    bool sawTemplate = false;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = fromStd(it->first.Scalar());
        const YAML::Node value = it->second;
        if (key == QLatin1String("template")) {
            sawTemplate = reader.string(value, key, &config.bodyTemplate, false);
        } else if (key == QLatin1String("header")) {
            reader.string(value, key, &config.header);
        } else if (key == QLatin1String("footer")) {
            reader.string(value, key, &config.footer);
        } else if (key == QLatin1String("change-template")) {
            reader.string(value, key, &config.changeTemplate, false);
        } else if (key == QLatin1String("change-title-escapes")) {
            reader.string(value, key, &config.changeTitleEscapes);
        } else if (key == QLatin1String("no-changes-template")) {
            reader.string(value, key, &config.noChangesTemplate, false);
        } else if (key == QLatin1String("no-contributors-template")) {
            reader.string(value, key, &config.noContributorsTemplate, false);
        } else if (key == QLatin1String("category-template")) {
            reader.string(value, key, &config.categoryTemplate);
        } else if (key == QLatin1String("name-template")) {
            reader.string(value, key, &config.nameTemplate);
        } else if (key == QLatin1String("tag-template")) {
            reader.string(value, key, &config.tagTemplate);
        } else if (key == QLatin1String("tag-prefix")) {
            reader.string(value, key, &config.tagPrefix);
        } else if (key == QLatin1String("prerelease-identifier")) {
            reader.string(value, key, &config.prereleaseIdentifier);
        } else if (key == QLatin1String("version-template")) {
            reader.string(value, key, &config.versionTemplate, false);
        } else if (key == QLatin1String("exclude-labels")) {
            reader.strings(value, key, &config.excludeLabels, false);
        } else if (key == QLatin1String("include-labels")) {
            reader.strings(value, key, &config.includeLabels, false);
        } else if (key == QLatin1String("exclude-contributors")) {
            reader.strings(value, key, &config.excludeContributors, false);
        } else if (key == QLatin1String("sort-by")) {
            QString s;
            if (reader.string(value, key, &s)) {
                if (s == QLatin1String("merged_at"))
                    config.sortBy = NotesConfig::SortBy::MergedAt;
                else if (s == QLatin1String("title"))
                    config.sortBy = NotesConfig::SortBy::Title;
                else
                    reader.error(value, key,
                                 QStringLiteral("must be merged_at or title, not `%1`").arg(s));
            }
        } else if (key == QLatin1String("sort-direction")) {
            QString s;
            if (reader.string(value, key, &s)) {
                if (s == QLatin1String("ascending"))
                    config.sortDirection = NotesConfig::SortDirection::Ascending;
                else if (s == QLatin1String("descending"))
                    config.sortDirection = NotesConfig::SortDirection::Descending;
                else
                    reader.error(
                        value, key,
                        QStringLiteral("must be ascending or descending, not `%1`").arg(s));
            }
        } else if (key == QLatin1String("categories")) {
            if (!value.IsSequence()) {
                reader.error(value, key, QStringLiteral("must be a list of categories"));
                continue;
            }
            int catchAll = 0;
            for (std::size_t i = 0; i < value.size(); ++i) {
                const YAML::Node item = value[i];
                const QString path = QStringLiteral("categories[%1]").arg(i);
                if (!item.IsMap()) {
                    reader.error(item, path, QStringLiteral("must be a mapping with a title"));
                    continue;
                }
                NotesConfig::Category category;
                bool hasTitle = false;
                // Release Drafter renames `label` to `labels` before validating, so a `labels`
                // next to a `label` is dropped unread.
                const bool labelGiven = static_cast<const YAML::Node &>(item)["label"].IsDefined();
                QStringList label, labels;
                bool hasLabel = false;
                for (auto f = item.begin(); f != item.end(); ++f) {
                    const QString field = fromStd(f->first.Scalar());
                    const QString fieldPath = path + u'.' + field;
                    if (field == QLatin1String("title"))
                        hasTitle = reader.string(f->second, fieldPath, &category.title, false);
                    else if (field == QLatin1String("label")) {
                        QString one;
                        if (reader.string(f->second, fieldPath, &one, false)) {
                            label = {one};
                            hasLabel = true;
                        }
                    } else if (field == QLatin1String("labels")) {
                        if (!labelGiven)
                            reader.strings(f->second, fieldPath, &labels, true);
                    } else if (field == QLatin1String("collapse-after"))
                        reader.integer(f->second, fieldPath, &category.collapseAfter, 0);
                    else
                        reader.warning(f->first, fieldPath, QStringLiteral("unknown key, ignored"));
                }
                if (!hasTitle && !item["title"])
                    reader.error(item, path + QStringLiteral(".title"),
                                 QStringLiteral("is required"));
                // `label` replaces `labels` (Release Drafter renames it with override).
                category.labels = hasLabel ? label : labels;
                if (category.labels.isEmpty() && ++catchAll > 1)
                    reader.error(item, path,
                                 QStringLiteral("only one category may have no labels (it "
                                                "collects the uncategorised pull requests)"));
                config.categories.append(category);
            }
        } else if (key == QLatin1String("replacers")) {
            if (!value.IsSequence()) {
                reader.error(value, key, QStringLiteral("must be a list of {search, replace}"));
                continue;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                const YAML::Node item = value[i];
                const QString path = QStringLiteral("replacers[%1]").arg(i);
                NotesConfig::Replacer replacer;
                if (!item.IsMap() || !item["search"]) {
                    reader.error(item, path + QStringLiteral(".search"),
                                 QStringLiteral("is required and must be a regexp or a string"));
                    continue;
                }
                if (!item["replace"]) {
                    reader.error(item, path + QStringLiteral(".replace"),
                                 QStringLiteral("is required"));
                    continue;
                }
                if (reader.string(item["search"], path + QStringLiteral(".search"),
                                  &replacer.search, false) &&
                    reader.string(item["replace"], path + QStringLiteral(".replace"),
                                  &replacer.replace))
                    config.replacers.append(replacer);
            }
        } else if (key == QLatin1String("version-resolver")) {
            if (!value.IsMap()) {
                reader.error(value, key, QStringLiteral("must be a mapping"));
                continue;
            }
            for (auto f = value.begin(); f != value.end(); ++f) {
                const QString field = fromStd(f->first.Scalar());
                const QString path = key + u'.' + field;
                QStringList *target =
                    field == QLatin1String("major")   ? &config.versionResolver.major
                    : field == QLatin1String("minor") ? &config.versionResolver.minor
                    : field == QLatin1String("patch") ? &config.versionResolver.patch
                                                      : nullptr;
                if (target) {
                    if (!f->second.IsMap()) {
                        reader.error(f->second, path,
                                     QStringLiteral("must be a mapping with labels"));
                        continue;
                    }
                    if (f->second["labels"])
                        reader.strings(f->second["labels"], path + QStringLiteral(".labels"),
                                       target, true);
                } else if (field == QLatin1String("default")) {
                    QString s;
                    if (reader.string(f->second, path, &s)) {
                        bool ok = false;
                        config.versionResolver.defaultBump = bumpNamed(s, &ok);
                        if (!ok)
                            reader.error(
                                f->second, path,
                                QStringLiteral("must be major, minor or patch, not `%1`").arg(s));
                    }
                } else {
                    reader.warning(f->first, path, QStringLiteral("unknown key, ignored"));
                }
            }
        } else if (key == QLatin1String("references") || key == QLatin1String("branches") ||
                   key == QLatin1String("include-paths")) {
            // Keys that do not change the generated body, checked as Release Drafter's schema
            // checks them so a file it refuses is refused here too.
            // `branches` is renamed over `references` before validation.
            QStringList ignored;
            if (key != QLatin1String("references") ||
                !static_cast<const YAML::Node &>(root)["branches"].IsDefined())
                reader.strings(value, key, &ignored, false);
        } else if (key == QLatin1String("prerelease") ||
                   key == QLatin1String("filter-by-commitish") ||
                   key == QLatin1String("include-pre-releases")) {
            reader.boolean(value, key);
        } else if (key == QLatin1String("latest") || key == QLatin1String("commitish")) {
            QString ignored;
            reader.string(value, key, &ignored);
        } else if (key == QLatin1String("pull-request-limit")) {
            int ignored = 0;
            reader.integer(value, key, &ignored, 1);
        } else if (key == QLatin1String("autolabeler")) {
            if (!value.IsSequence()) {
                reader.error(value, key, QStringLiteral("must be a list of {label, …}"));
                continue;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                const YAML::Node item = value[i];
                const QString path = QStringLiteral("autolabeler[%1]").arg(i);
                if (!item.IsMap()) {
                    reader.error(item, path, QStringLiteral("must be a mapping with a label"));
                    continue;
                }
                if (!static_cast<const YAML::Node &>(item)["label"].IsDefined())
                    reader.error(item, path + QStringLiteral(".label"),
                                 QStringLiteral("is required"));
                for (auto f = item.begin(); f != item.end(); ++f) {
                    const QString field = fromStd(f->first.Scalar());
                    const QString fieldPath = path + u'.' + field;
                    QString one;
                    QStringList list;
                    if (field == QLatin1String("label"))
                        reader.string(f->second, fieldPath, &one, false);
                    else if (field == QLatin1String("files") || field == QLatin1String("branch") ||
                             field == QLatin1String("title") || field == QLatin1String("body"))
                        reader.strings(f->second, fieldPath, &list, true);
                }
            }
        } else if (key == QLatin1String("_extends")) {
            QString ignored;
            reader.string(value, key, &ignored, false);
            reader.warning(it->first, key,
                           QStringLiteral("configurations extended from elsewhere are not "
                                          "followed; only this file's keys are used"));
        } else {
            reader.warning(it->first, key, QStringLiteral("unknown key, ignored"));
        }
    }
    if (!sawTemplate && !static_cast<const YAML::Node &>(root)["template"])
        reader.error(root, QStringLiteral("template"), QStringLiteral("is required"));
    applyPolicyDefaults(config, policy);
    return finish(reader, config);
}

NotesConfigResult NotesConfigLoader::parseGitHubRelease(const QByteArray &yaml,
                                                        const QString &fileName,
                                                        const ReleasePolicy &policy)
{
    ConfigReader reader(fileName);
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &exception) {
        return syntaxError(fileName, exception);
    }
    NotesConfig config;
    config.style = NotesConfig::Style::GitHub;
    config.source = NotesConfig::Source::GitHubReleaseFile;
    config.sourceName = fileName;
    const YAML::Node &constRoot = root;
    if (!root.IsMap() || !constRoot["changelog"]) {
        reader.error(root, QStringLiteral("changelog"), QStringLiteral("is required"));
        return finish(reader, config);
    }
    const YAML::Node changelog = constRoot["changelog"];
    if (!changelog.IsMap()) {
        reader.error(changelog, QStringLiteral("changelog"), QStringLiteral("must be a mapping"));
        return finish(reader, config);
    }
    auto readExclude = [&](const YAML::Node &node, const QString &path, QStringList *labels,
                           QStringList *authors) {
        if (!node.IsMap()) {
            reader.error(node, path, QStringLiteral("must be a mapping with labels and authors"));
            return;
        }
        for (auto f = node.begin(); f != node.end(); ++f) {
            const QString field = fromStd(f->first.Scalar());
            if (field == QLatin1String("labels"))
                reader.strings(f->second, path + QStringLiteral(".labels"), labels, false);
            else if (field == QLatin1String("authors"))
                reader.strings(f->second, path + QStringLiteral(".authors"), authors, false);
            else
                reader.warning(f->first, path + u'.' + field,
                               QStringLiteral("unknown key, ignored"));
        }
    };
    for (auto it = changelog.begin(); it != changelog.end(); ++it) {
        const QString key = fromStd(it->first.Scalar());
        const QString path = QStringLiteral("changelog.") + key;
        if (key == QLatin1String("exclude")) {
            readExclude(it->second, path, &config.excludeLabels, &config.excludeAuthors);
        } else if (key == QLatin1String("categories")) {
            if (!it->second.IsSequence()) {
                reader.error(it->second, path, QStringLiteral("must be a list of categories"));
                continue;
            }
            for (std::size_t i = 0; i < it->second.size(); ++i) {
                const YAML::Node item = it->second[i];
                const QString itemPath = path + QStringLiteral("[%1]").arg(i);
                NotesConfig::Category category;
                if (!item.IsMap() || !item["title"]) {
                    reader.error(item, itemPath + QStringLiteral(".title"),
                                 QStringLiteral("is required"));
                    continue;
                }
                reader.string(item["title"], itemPath + QStringLiteral(".title"), &category.title,
                              false);
                if (!item["labels"])
                    reader.error(item, itemPath + QStringLiteral(".labels"),
                                 QStringLiteral("is required (use \"*\" for every label)"));
                else
                    reader.strings(item["labels"], itemPath + QStringLiteral(".labels"),
                                   &category.labels, false);
                if (item["exclude"])
                    readExclude(item["exclude"], itemPath + QStringLiteral(".exclude"),
                                &category.excludeLabels, &category.excludeAuthors);
                config.categories.append(category);
            }
        } else {
            reader.warning(it->first, path, QStringLiteral("unknown key, ignored"));
        }
    }
    // Version labels and the title come from the policy: release.yml has neither.
    config.versionResolver = policy.versionResolver;
    applyPolicyDefaults(config, policy);
    return finish(reader, config);
}

NotesConfigResult NotesConfigLoader::loadFile(const QString &path, const ReleasePolicy &policy)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        NotesConfigResult result;
        PolicyDiagnostic d;
        d.file = path;
        d.message = QStringLiteral("cannot read the file: %1").arg(file.errorString());
        result.diagnostics.append(d);
        return result;
    }
    const QByteArray data = file.readAll();
    bool gitHubStyle = false;
    try {
        // Read as the Release Drafter parser reads it, so a file it takes is not refused here.
        const YAML::Node root = loadSingleDocument(data);
        gitHubStyle = root.IsMap() && root["changelog"] && !root["template"];
    } catch (const YAML::Exception &exception) {
        return syntaxError(path, exception);
    }
    NotesConfigResult result = gitHubStyle ? parseGitHubRelease(data, path, policy)
                                           : parseReleaseDrafter(data, path, policy);
    if (result.config)
        result.config->source = NotesConfig::Source::LocalFile;
    return result;
}

} // namespace Mainstay
