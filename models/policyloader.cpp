#include "policyloader.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <optional>

namespace Mainstay {

namespace {

using Severity = PolicyDiagnostic::Severity;

struct Location
{
    int line = 0;
    int column = 0;
};

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

Location locationOf(const YAML::Node &node)
{
    if (!node.IsDefined())
        return {};
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return {};
    return {mark.line + 1, mark.column + 1};
}

QString childPath(const QString &path, QStringView key)
{
    if (path.isEmpty())
        return key.toString();
    return path + u'.' + key.toString();
}

QString itemPath(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

// "board.columns[2].labels" -> "board.columns[2]" -> "board.columns" -> "board" -> "".
QString parentPath(const QString &path)
{
    const qsizetype cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
    return cut < 0 ? QString() : path.left(cut);
}

QString topLevelKey(const QString &path)
{
    qsizetype end = path.size();
    for (QChar separator : {u'.', u'['}) {
        const qsizetype at = path.indexOf(separator);
        if (at >= 0)
            end = std::min(end, at);
    }
    return path.left(end);
}

QString kindOf(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return QStringLiteral("a list");
    case YAML::NodeType::Map:
        return QStringLiteral("a mapping");
    case YAML::NodeType::Scalar:
        return QStringLiteral("`%1`").arg(fromStd(node.Scalar()));
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

int editDistance(QStringView a, QStringView b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// Collects diagnostics and remembers where each key path was written, so checks that run on the
// finished Policy can still point at a line, and can tell values read from the file from values
// inherited from the base policy.
class Diagnostics
{
public:
    explicit Diagnostics(QString file)
        : m_file(std::move(file))
    {}

    void remember(const QString &path, Location where)
    {
        if (where.line > 0)
            m_locations.insert(path, where);
    }
    void setHasBase(bool hasBase) { m_hasBase = hasBase; }

    // True when the value at `path` was not written in the file but kept from the base policy.
    bool fromBase(const QString &path) const
    {
        // Sections that fall back key by key are written even when the key below is not.
        static const QSet<QString> perKey = {
            QStringLiteral("board"),   QStringLiteral("semantic-titles"),
            QStringLiteral("release"), QStringLiteral("release.version-resolver"),
            QStringLiteral("stale"),   QStringLiteral("gantt"),
        };
        if (!m_hasBase)
            return false;
        for (QString ancestor = path; !ancestor.isEmpty(); ancestor = parentPath(ancestor))
            if (!perKey.contains(ancestor) && m_locations.contains(ancestor))
                return false;
        return true;
    }

    void report(Severity severity, const QString &path, QString message, Location where = {})
    {
        if (where.line == 0)
            where = find(path);
        m_list.append({severity, m_file, where.line, where.column, path, std::move(message)});
        if (severity == Severity::Error)
            ++m_errors;
    }
    void error(const QString &path, QString message, Location where = {})
    {
        if (where.line == 0 && fromBase(path))
            message += QStringLiteral(" (this part comes from the default policy)");
        report(Severity::Error, path, std::move(message), where);
    }
    void warning(const QString &path, QString message, Location where = {})
    {
        report(Severity::Warning, path, std::move(message), where);
    }

    bool hasErrors() const { return m_errors > 0; }
    QList<PolicyDiagnostic> diagnostics() const { return m_list; }

private:
    Location find(QString path) const
    {
        while (!path.isEmpty()) {
            const auto found = m_locations.constFind(path);
            if (found != m_locations.constEnd())
                return *found;
            path = parentPath(path);
        }
        return {};
    }

    QString m_file;
    QHash<QString, Location> m_locations;
    QList<PolicyDiagnostic> m_list;
    int m_errors = 0;
    bool m_hasBase = false;
};

struct Entry
{
    QString key;
    YAML::Node value;
    QString path;
};

using Entries = QList<Entry>;

const Entry *findEntry(const Entries &entries, QStringView key)
{
    for (const Entry &entry : entries)
        if (entry.key == key)
            return &entry;
    return nullptr;
}

// Turns YAML nodes into policy values, reporting every problem with its key path rather than
// stopping at the first, so one run shows a maintainer everything to fix.
class Reader
{
public:
    explicit Reader(Diagnostics &diagnostics)
        : m_d(diagnostics)
    {}

    void readPolicy(const YAML::Node &root, Policy &policy);

private:
    std::optional<Entries> mapping(const YAML::Node &node, const QString &path,
                                   std::initializer_list<const char *> known,
                                   const QString &expected);
    bool require(const Entries &entries, const QString &path, const char *key, const QString &why);
    std::optional<QString> text(const Entry &entry, bool allowEmpty = false);
    std::optional<int> wholeNumber(const Entry &entry, int minimum);
    std::optional<bool> boolean(const Entry &entry);
    std::optional<QStringList> names(const YAML::Node &node, const QString &path,
                                     const QString &what);
    std::optional<QStringList> names(const Entry &entry, const QString &what)
    {
        return names(entry.value, entry.path, what);
    }
    bool sequence(const YAML::Node &node, const QString &path, const QString &expected);

    void readLabels(const Entry &entry, QList<LabelSpec> &labels);
    void readBoard(const Entry &entry, QList<BoardColumn> &columns);
    void readSemanticTitles(const Entry &entry, SemanticTitlePolicy &titles);
    void readSizes(const Entry &entry, QList<SizeThreshold> &sizes);
    void readAreas(const Entry &entry, QList<AreaRule> &areas);
    void readRelease(const Entry &entry, ReleasePolicy &release);
    void readResolverLabels(const Entry &entry, QStringList &labels);
    void readReplies(const Entry &entry, QList<CannedReply> &replies);
    void readStale(const Entry &entry, Policy::Stale &stale);
    void readGantt(const Entry &entry, QList<GanttSectionRule> &sections);

    Diagnostics &m_d;
};

std::optional<Entries> Reader::mapping(const YAML::Node &node, const QString &path,
                                       std::initializer_list<const char *> known,
                                       const QString &expected)
{
    if (!node.IsMap()) {
        // The document itself has no key to point at, so point at its first character.
        m_d.error(path, QStringLiteral("expected %1, got %2").arg(expected, kindOf(node)),
                  path.isEmpty() ? locationOf(node) : Location());
        return std::nullopt;
    }
    Entries entries;
    QSet<QString> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        const Location keyLocation = locationOf(key);
        if (!key.IsScalar()) {
            m_d.error(path, QStringLiteral("expected a key name, got %1").arg(kindOf(key)),
                      keyLocation);
            continue;
        }
        const QString name = fromStd(key.Scalar());
        const QString keyPath = childPath(path, name);
        if (seen.contains(name)) {
            m_d.error(keyPath, QStringLiteral("the key appears more than once"), keyLocation);
            continue;
        }
        seen.insert(name);
        const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char *candidate) {
            return name == QLatin1String(candidate);
        });
        if (!isKnown) {
            QString message = QStringLiteral("unknown key, ignored");
            for (const char *candidate : known) {
                if (editDistance(name, QString::fromLatin1(candidate)) <= 2) {
                    message += QStringLiteral("; did you mean `%1`?").arg(QLatin1String(candidate));
                    break;
                }
            }
            m_d.warning(keyPath, message, keyLocation);
            continue;
        }
        // A wrong value is reported where its key is written: that is the line to edit.
        m_d.remember(keyPath, keyLocation);
        entries.append({name, it->second, keyPath});
    }
    return entries;
}

bool Reader::require(const Entries &entries, const QString &path, const char *key,
                     const QString &why)
{
    if (findEntry(entries, QString::fromLatin1(key)))
        return true;
    m_d.error(childPath(path, QString::fromLatin1(key)), QStringLiteral("missing; %1").arg(why));
    return false;
}

std::optional<QString> Reader::text(const Entry &entry, bool allowEmpty)
{
    if (entry.value.IsNull() && allowEmpty)
        return QString();
    if (!entry.value.IsScalar()) {
        m_d.error(entry.path, QStringLiteral("expected text, got %1").arg(kindOf(entry.value)));
        return std::nullopt;
    }
    QString value = fromStd(entry.value.Scalar());
    if (!allowEmpty && value.trimmed().isEmpty()) {
        m_d.error(entry.path, QStringLiteral("expected text, got an empty value"));
        return std::nullopt;
    }
    return value;
}

std::optional<int> Reader::wholeNumber(const Entry &entry, int minimum)
{
    bool ok = false;
    int value = 0;
    if (entry.value.IsScalar())
        value = fromStd(entry.value.Scalar()).trimmed().toInt(&ok);
    if (!ok) {
        m_d.error(entry.path,
                  QStringLiteral("expected a whole number, got %1").arg(kindOf(entry.value)));
        return std::nullopt;
    }
    if (value < minimum) {
        m_d.error(entry.path, QStringLiteral("expected a whole number of at least %1, got %2")
                                  .arg(minimum)
                                  .arg(value));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> Reader::boolean(const Entry &entry)
{
    if (entry.value.IsScalar()) {
        const QString value = fromStd(entry.value.Scalar()).trimmed().toLower();
        if (value == u"true" || value == u"yes" || value == u"on")
            return true;
        if (value == u"false" || value == u"no" || value == u"off")
            return false;
    }
    m_d.error(entry.path,
              QStringLiteral("expected true or false, got %1").arg(kindOf(entry.value)));
    return std::nullopt;
}

// A list of names; a single name is taken as a list of one, which is how people write
// `labels: bug` by hand. An empty value is an empty list.
std::optional<QStringList> Reader::names(const YAML::Node &node, const QString &path,
                                         const QString &what)
{
    if (node.IsNull())
        return QStringList();
    if (node.IsScalar())
        return QStringList{fromStd(node.Scalar())};
    if (!node.IsSequence()) {
        m_d.error(path, QStringLiteral("expected a list of %1, got %2").arg(what, kindOf(node)));
        return std::nullopt;
    }
    QStringList result;
    bool ok = true;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const QString path_i = itemPath(path, qsizetype(i));
        m_d.remember(path_i, locationOf(item));
        if (!item.IsScalar() || item.Scalar().empty()) {
            m_d.error(path_i, QStringLiteral("expected one of the %1, got %2")
                                  .arg(what, item.IsScalar() ? QStringLiteral("an empty value")
                                                             : kindOf(item)));
            ok = false;
            continue;
        }
        result.append(fromStd(item.Scalar()));
    }
    if (!ok)
        return std::nullopt;
    return result;
}

bool Reader::sequence(const YAML::Node &node, const QString &path, const QString &expected)
{
    if (node.IsSequence() || node.IsNull())
        return true;
    m_d.error(path, QStringLiteral("expected %1, got %2").arg(expected, kindOf(node)));
    return false;
}

void Reader::readPolicy(const YAML::Node &root, Policy &policy)
{
    const auto entries =
        mapping(root, QString(),
                {"version", "labels", "board", "semantic-titles", "sizes", "areas", "release",
                 "replies", "maintainers", "stale", "rfc-review-questions", "gantt"},
                QStringLiteral("a mapping of policy sections"));
    if (!entries)
        return;
    for (const Entry &entry : *entries) {
        if (entry.key == u"version") {
            const auto version = wholeNumber(entry, 1);
            if (version && *version != 1)
                m_d.error(entry.path, QStringLiteral("this Mainstay understands version 1 only, "
                                                     "got %1")
                                          .arg(*version));
            else if (version)
                policy.version = *version;
        } else if (entry.key == u"labels") {
            readLabels(entry, policy.labels);
        } else if (entry.key == u"board") {
            readBoard(entry, policy.boardColumns);
        } else if (entry.key == u"semantic-titles") {
            readSemanticTitles(entry, policy.semanticTitles);
        } else if (entry.key == u"sizes") {
            readSizes(entry, policy.sizes);
        } else if (entry.key == u"areas") {
            readAreas(entry, policy.areas);
        } else if (entry.key == u"release") {
            readRelease(entry, policy.release);
        } else if (entry.key == u"replies") {
            readReplies(entry, policy.cannedReplies);
        } else if (entry.key == u"maintainers") {
            if (auto logins = names(entry, QStringLiteral("GitHub logins"))) {
                for (QString &login : *logins)
                    if (login.startsWith(u'@'))
                        login.remove(0, 1);
                policy.maintainers = *logins;
            }
        } else if (entry.key == u"stale") {
            readStale(entry, policy.stale);
        } else if (entry.key == u"rfc-review-questions") {
            if (const auto questions = names(entry, QStringLiteral("questions")))
                policy.rfcReviewQuestions = *questions;
        } else if (entry.key == u"gantt") {
            readGantt(entry, policy.ganttSections);
        }
    }
}

void Reader::readLabels(const Entry &entry, QList<LabelSpec> &labels)
{
    if (!sequence(entry.value, entry.path, QStringLiteral("a list of labels")))
        return;
    QList<LabelSpec> result;
    for (std::size_t i = 0; i < entry.value.size(); ++i) {
        const YAML::Node item = entry.value[i];
        const QString path = itemPath(entry.path, qsizetype(i));
        m_d.remember(path, locationOf(item));
        const auto fields = mapping(item, path, {"name", "description", "color", "group"},
                                    QStringLiteral("a label (a mapping with name, color, "
                                                   "description and group)"));
        if (!fields)
            continue;
        require(*fields, path, "name", QStringLiteral("every label needs a name"));
        require(*fields, path, "color", QStringLiteral("every label needs a colour"));
        LabelSpec spec;
        for (const Entry &field : *fields) {
            if (field.key == u"name") {
                spec.name = text(field).value_or(QString());
            } else if (field.key == u"description") {
                spec.description = text(field, true).value_or(QString());
            } else if (field.key == u"group") {
                spec.group = text(field, true).value_or(QString());
            } else if (field.key == u"color") {
                // `#d73a4a` is how colours are usually written; GitHub wants the digits only.
                QString color = text(field).value_or(QString()).trimmed().toLower();
                if (color.startsWith(u'#'))
                    color.remove(0, 1);
                spec.color = color;
            }
        }
        result.append(spec);
    }
    labels = result;
}

void Reader::readBoard(const Entry &entry, QList<BoardColumn> &columns)
{
    const auto fields =
        mapping(entry.value, entry.path, {"columns"}, QStringLiteral("a mapping with `columns`"));
    if (!fields)
        return;
    const Entry *list = findEntry(*fields, u"columns");
    if (!list)
        return;
    if (!sequence(list->value, list->path, QStringLiteral("a list of columns")))
        return;
    QList<BoardColumn> result;
    for (std::size_t i = 0; i < list->value.size(); ++i) {
        const YAML::Node item = list->value[i];
        const QString path = itemPath(list->path, qsizetype(i));
        m_d.remember(path, locationOf(item));
        const auto columnFields =
            mapping(item, path, {"id", "title", "labels", "except", "add", "remove"},
                    QStringLiteral("a column (a mapping with id, title and labels)"));
        if (!columnFields)
            continue;
        require(*columnFields, path, "id", QStringLiteral("every column needs an id"));
        require(*columnFields, path, "title", QStringLiteral("every column needs a title"));
        require(*columnFields, path, "labels",
                QStringLiteral("a column needs the labels that put cards in it"));
        BoardColumn column;
        bool hasAdd = false;
        const QString labelNames = QStringLiteral("label names");
        for (const Entry &field : *columnFields) {
            if (field.key == u"id")
                column.id = text(field).value_or(QString());
            else if (field.key == u"title")
                column.title = text(field).value_or(QString());
            else if (field.key == u"labels")
                column.labels = names(field, labelNames).value_or(QStringList());
            else if (field.key == u"except")
                column.except = names(field, labelNames).value_or(QStringList());
            else if (field.key == u"remove")
                column.remove = names(field, labelNames).value_or(QStringList());
            else if (field.key == u"add") {
                column.add = names(field, labelNames).value_or(QStringList());
                hasAdd = true;
            }
        }
        // Moving a card in puts on the column's first label unless the column says otherwise.
        if (!hasAdd && !column.labels.isEmpty())
            column.add = QStringList{column.labels.first()};
        result.append(column);
    }
    columns = result;
}

void Reader::readSemanticTitles(const Entry &entry, SemanticTitlePolicy &titles)
{
    const auto fields =
        mapping(entry.value, entry.path, {"types", "scopes", "require-scope", "breaking-label"},
                QStringLiteral("a mapping with types, scopes, require-scope "
                               "and breaking-label"));
    if (!fields)
        return;
    for (const Entry &field : *fields) {
        if (field.key == u"scopes") {
            titles.scopes = names(field, QStringLiteral("scopes")).value_or(QStringList());
        } else if (field.key == u"require-scope") {
            titles.requireScope = boolean(field).value_or(false);
        } else if (field.key == u"breaking-label") {
            titles.breakingLabel = text(field, true).value_or(QString());
        } else if (field.key == u"types") {
            if (!sequence(field.value, field.path, QStringLiteral("a list of types")))
                continue;
            QList<SemanticTitlePolicy::Type> types;
            for (std::size_t i = 0; i < field.value.size(); ++i) {
                const YAML::Node item = field.value[i];
                const QString path = itemPath(field.path, qsizetype(i));
                m_d.remember(path, locationOf(item));
                const auto typeFields =
                    mapping(item, path, {"name", "label", "description"},
                            QStringLiteral("a type (a mapping with name, label and "
                                           "description)"));
                if (!typeFields)
                    continue;
                require(*typeFields, path, "name", QStringLiteral("every type needs a name"));
                SemanticTitlePolicy::Type type;
                for (const Entry &typeField : *typeFields) {
                    if (typeField.key == u"name")
                        type.name = text(typeField).value_or(QString());
                    else if (typeField.key == u"label")
                        type.label = text(typeField, true).value_or(QString());
                    else if (typeField.key == u"description")
                        type.description = text(typeField, true).value_or(QString());
                }
                types.append(type);
            }
            titles.types = types;
        }
    }
}

void Reader::readSizes(const Entry &entry, QList<SizeThreshold> &sizes)
{
    if (!sequence(entry.value, entry.path, QStringLiteral("a list of sizes")))
        return;
    QList<SizeThreshold> result;
    for (std::size_t i = 0; i < entry.value.size(); ++i) {
        const YAML::Node item = entry.value[i];
        const QString path = itemPath(entry.path, qsizetype(i));
        m_d.remember(path, locationOf(item));
        const auto fields = mapping(item, path, {"label", "min", "max"},
                                    QStringLiteral("a size (a mapping with label, min and max)"));
        if (!fields)
            continue;
        require(*fields, path, "label", QStringLiteral("every size needs its label"));
        require(*fields, path, "min", QStringLiteral("every size needs its smallest line count"));
        SizeThreshold size;
        for (const Entry &field : *fields) {
            if (field.key == u"label")
                size.label = text(field).value_or(QString());
            else if (field.key == u"min")
                size.min = wholeNumber(field, 0).value_or(0);
            else if (field.key == u"max" && !field.value.IsNull())
                size.max = wholeNumber(field, 0);
        }
        result.append(size);
    }
    sizes = result;
}

void Reader::readAreas(const Entry &entry, QList<AreaRule> &areas)
{
    if (!sequence(entry.value, entry.path, QStringLiteral("a list of areas")))
        return;
    QList<AreaRule> result;
    for (std::size_t i = 0; i < entry.value.size(); ++i) {
        const YAML::Node item = entry.value[i];
        const QString path = itemPath(entry.path, qsizetype(i));
        m_d.remember(path, locationOf(item));
        const auto fields = mapping(item, path, {"label", "paths"},
                                    QStringLiteral("an area (a mapping with label and paths)"));
        if (!fields)
            continue;
        require(*fields, path, "label", QStringLiteral("every area needs the label it gives"));
        require(*fields, path, "paths", QStringLiteral("every area needs its path globs"));
        QString label;
        QStringList globs;
        for (const Entry &field : *fields) {
            if (field.key == u"label")
                label = text(field).value_or(QString());
            else if (field.key == u"paths")
                globs = names(field, QStringLiteral("path globs")).value_or(QStringList());
        }
        result.append(AreaRule(label, globs));
    }
    areas = result;
}

void Reader::readResolverLabels(const Entry &entry, QStringList &labels)
{
    // Release Drafter writes `major: {labels: [...]}`; a plain list is accepted as well.
    if (entry.value.IsMap()) {
        const auto fields =
            mapping(entry.value, entry.path, {"labels"}, QStringLiteral("a mapping with labels"));
        if (!fields)
            return;
        if (const Entry *list = findEntry(*fields, u"labels"))
            labels = names(*list, QStringLiteral("label names")).value_or(QStringList());
        else
            labels.clear();
        return;
    }
    labels = names(entry, QStringLiteral("label names")).value_or(QStringList());
}

void Reader::readRelease(const Entry &entry, ReleasePolicy &release)
{
    const auto fields =
        mapping(entry.value, entry.path,
                {"branch", "workflow", "tag-template", "name-template", "summary-placeholder",
                 "template", "change-template", "category-template", "categories", "exclude-labels",
                 "version-resolver", "pending-release-label", "post-release-comment"},
                QStringLiteral("a mapping of release settings"));
    if (!fields)
        return;
    const QList<std::pair<const char *, QString *>> texts = {
        {"branch", &release.branch},
        {"workflow", &release.workflow},
        {"tag-template", &release.tagTemplate},
        {"name-template", &release.nameTemplate},
        {"summary-placeholder", &release.summaryPlaceholder},
        {"template", &release.bodyTemplate},
        {"change-template", &release.changeTemplate},
        {"category-template", &release.categoryTemplate},
        {"pending-release-label", &release.pendingReleaseLabel},
        {"post-release-comment", &release.postReleaseComment},
    };
    for (const Entry &field : *fields) {
        const auto textField = std::find_if(texts.begin(), texts.end(), [&](const auto &candidate) {
            return field.key == QLatin1String(candidate.first);
        });
        if (textField != texts.end()) {
            if (const auto value = text(field))
                *textField->second = *value;
        } else if (field.key == u"exclude-labels") {
            release.excludeLabels =
                names(field, QStringLiteral("label names")).value_or(QStringList());
        } else if (field.key == u"categories") {
            if (!sequence(field.value, field.path, QStringLiteral("a list of categories")))
                continue;
            QList<ReleasePolicy::Category> categories;
            for (std::size_t i = 0; i < field.value.size(); ++i) {
                const YAML::Node item = field.value[i];
                const QString path = itemPath(field.path, qsizetype(i));
                m_d.remember(path, locationOf(item));
                const auto categoryFields =
                    mapping(item, path, {"title", "labels", "label"},
                            QStringLiteral("a category (a mapping with title and labels)"));
                if (!categoryFields)
                    continue;
                require(*categoryFields, path, "title",
                        QStringLiteral("every category needs a title"));
                ReleasePolicy::Category category;
                for (const Entry &categoryField : *categoryFields) {
                    if (categoryField.key == u"title")
                        category.title = text(categoryField).value_or(QString());
                    else // `label` and `labels`, as Release Drafter accepts both
                        category.labels += names(categoryField, QStringLiteral("label names"))
                                               .value_or(QStringList());
                }
                categories.append(category);
            }
            release.categories = categories;
        } else if (field.key == u"version-resolver") {
            auto &resolver = release.versionResolver;
            const auto resolverFields =
                mapping(field.value, field.path, {"major", "minor", "patch", "default"},
                        QStringLiteral("a mapping with major, minor, patch and default"));
            if (!resolverFields)
                continue;
            for (const Entry &resolverField : *resolverFields) {
                if (resolverField.key == u"major") {
                    readResolverLabels(resolverField, resolver.major);
                } else if (resolverField.key == u"minor") {
                    readResolverLabels(resolverField, resolver.minor);
                } else if (resolverField.key == u"patch") {
                    readResolverLabels(resolverField, resolver.patch);
                } else if (resolverField.key == u"default") {
                    const QString bump = text(resolverField).value_or(QString());
                    if (bump == u"major")
                        resolver.defaultBump = VersionBump::Major;
                    else if (bump == u"minor")
                        resolver.defaultBump = VersionBump::Minor;
                    else if (bump == u"patch")
                        resolver.defaultBump = VersionBump::Patch;
                    else if (!bump.isEmpty())
                        m_d.error(
                            resolverField.path,
                            QStringLiteral("expected major, minor or patch, got `%1`").arg(bump));
                }
            }
        }
    }
}

void Reader::readReplies(const Entry &entry, QList<CannedReply> &replies)
{
    if (!sequence(entry.value, entry.path, QStringLiteral("a list of replies")))
        return;
    QList<CannedReply> result;
    for (std::size_t i = 0; i < entry.value.size(); ++i) {
        const YAML::Node item = entry.value[i];
        const QString path = itemPath(entry.path, qsizetype(i));
        m_d.remember(path, locationOf(item));
        const auto fields = mapping(item, path, {"id", "title", "body"},
                                    QStringLiteral("a reply (a mapping with id, title and body)"));
        if (!fields)
            continue;
        require(*fields, path, "id", QStringLiteral("every reply needs an id"));
        require(*fields, path, "title", QStringLiteral("every reply needs a title"));
        require(*fields, path, "body", QStringLiteral("every reply needs a body"));
        CannedReply reply;
        for (const Entry &field : *fields) {
            if (field.key == u"id")
                reply.id = text(field).value_or(QString());
            else if (field.key == u"title")
                reply.title = text(field).value_or(QString());
            else if (field.key == u"body")
                reply.body = text(field).value_or(QString());
        }
        result.append(reply);
    }
    replies = result;
}

void Reader::readStale(const Entry &entry, Policy::Stale &stale)
{
    const auto fields = mapping(entry.value, entry.path, {"issues", "pull-requests"},
                                QStringLiteral("a mapping with issues and pull-requests (days)"));
    if (!fields)
        return;
    for (const Entry &field : *fields) {
        if (field.key == u"issues")
            stale.issueDays = wholeNumber(field, 0).value_or(stale.issueDays);
        else if (field.key == u"pull-requests")
            stale.pullRequestDays = wholeNumber(field, 0).value_or(stale.pullRequestDays);
    }
}

void Reader::readGantt(const Entry &entry, QList<GanttSectionRule> &sections)
{
    const auto fields =
        mapping(entry.value, entry.path, {"sections"}, QStringLiteral("a mapping with `sections`"));
    if (!fields)
        return;
    const Entry *list = findEntry(*fields, u"sections");
    if (!list || !sequence(list->value, list->path, QStringLiteral("a list of section rules")))
        return;
    QList<GanttSectionRule> result;
    for (std::size_t i = 0; i < list->value.size(); ++i) {
        const YAML::Node item = list->value[i];
        const QString path = itemPath(list->path, qsizetype(i));
        m_d.remember(path, locationOf(item));
        const auto ruleFields =
            mapping(item, path, {"job", "section"},
                    QStringLiteral("a section rule (a mapping with job and section)"));
        if (!ruleFields)
            continue;
        require(*ruleFields, path, "job",
                QStringLiteral("every rule needs a regular expression for job names"));
        require(*ruleFields, path, "section", QStringLiteral("every rule needs a section name"));
        GanttSectionRule rule;
        for (const Entry &field : *ruleFields) {
            if (field.key == u"job")
                rule.job.setPattern(text(field).value_or(QString()));
            else if (field.key == u"section")
                rule.section = text(field).value_or(QString());
        }
        result.append(rule);
    }
    sections = result;
}

// Checks that need the whole policy: uniqueness, the size table's shape, and label references.
class Validator
{
public:
    Validator(const Policy &policy, Diagnostics &diagnostics)
        : m_policy(policy)
        , m_d(diagnostics)
    {}

    void run()
    {
        checkLabels();
        checkBoard();
        checkSemanticTitles();
        checkSizes();
        checkAreas();
        checkRelease();
        checkReplies();
        checkGantt();
        reportMissingFromBase();
    }

private:
    void checkReferences(const QStringList &names, const QString &path)
    {
        for (qsizetype i = 0; i < names.size(); ++i)
            checkReference(names[i], itemPath(path, i));
    }
    void checkReference(const QString &name, const QString &path)
    {
        if (name.isEmpty() || m_policy.label(name))
            return;
        if (!m_d.fromBase(path)) {
            m_d.warning(path, QStringLiteral("the label `%1` is not in the label table").arg(name));
            return;
        }
        // A file that brings its own label table but keeps, say, the default areas would get a
        // warning per area; one line per section says the same.
        const QString section = topLevelKey(path);
        if (!m_missingFromBase.contains(section))
            m_sectionOrder.append(section);
        QStringList &names = m_missingFromBase[section];
        const QString quoted = u'`' + name + u'`';
        if (!names.contains(quoted))
            names.append(quoted);
    }
    void reportMissingFromBase()
    {
        for (const QString &section : std::as_const(m_sectionOrder))
            m_d.warning(section,
                        QStringLiteral("the default policy's values kept here use labels "
                                       "that are not in the label table: %1")
                            .arg(m_missingFromBase.value(section).join(QStringLiteral(", "))));
    }
    void checkUnique(const QString &value, const QString &path, const QString &what,
                     QHash<QString, QString> &seen)
    {
        const QString key = value.toLower();
        const auto previous = seen.constFind(key);
        if (previous != seen.constEnd())
            m_d.error(
                path,
                QStringLiteral("the %1 `%2` is already used by %3").arg(what, value, *previous));
        else
            seen.insert(key, parentPath(path));
    }

    void checkLabels()
    {
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{6}$"));
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < m_policy.labels.size(); ++i) {
            const LabelSpec &label = m_policy.labels[i];
            const QString path = itemPath(QStringLiteral("labels"), i);
            if (label.name.trimmed().isEmpty()) {
                m_d.error(childPath(path, u"name"), QStringLiteral("a label needs a name"));
                continue;
            }
            checkUnique(label.name, childPath(path, u"name"), QStringLiteral("label name"), seen);
            if (!hex.match(label.color).hasMatch())
                m_d.error(childPath(path, u"color"),
                          QStringLiteral("expected six hexadecimal digits such as `d73a4a`, "
                                         "got `%1`")
                              .arg(label.color));
            // GitHub refuses longer names and descriptions, so syncing the table would fail.
            if (label.name.size() > 50)
                m_d.warning(childPath(path, u"name"),
                            QStringLiteral("GitHub allows at most 50 characters in a label name"));
            if (label.description.size() > 100)
                m_d.warning(childPath(path, u"description"),
                            QStringLiteral("GitHub allows at most 100 characters in a label "
                                           "description"));
        }
    }

    void checkBoard()
    {
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < m_policy.boardColumns.size(); ++i) {
            const BoardColumn &column = m_policy.boardColumns[i];
            const QString path = itemPath(QStringLiteral("board.columns"), i);
            if (column.id.trimmed().isEmpty())
                m_d.error(childPath(path, u"id"), QStringLiteral("a column needs an id"));
            else
                checkUnique(column.id, childPath(path, u"id"), QStringLiteral("column id"), seen);
            if (column.labels.isEmpty())
                m_d.error(childPath(path, u"labels"),
                          QStringLiteral("expected at least one label that puts cards here"));
            checkReferences(column.labels, childPath(path, u"labels"));
            checkReferences(column.except, childPath(path, u"except"));
            checkReferences(column.add, childPath(path, u"add"));
            checkReferences(column.remove, childPath(path, u"remove"));
        }
    }

    void checkSemanticTitles()
    {
        const SemanticTitlePolicy &titles = m_policy.semanticTitles;
        static const QRegularExpression typeName(QStringLiteral("^[A-Za-z0-9_-]+$"));
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < titles.types.size(); ++i) {
            const auto &type = titles.types[i];
            const QString path = itemPath(QStringLiteral("semantic-titles.types"), i);
            if (!typeName.match(type.name).hasMatch()) {
                m_d.error(childPath(path, u"name"),
                          QStringLiteral("a type is one word of letters, digits, "
                                         "`-` or `_`, got `%1`")
                              .arg(type.name));
                continue;
            }
            // Types compare case-sensitively in titles, but `Fix` next to `fix` is a typo.
            checkUnique(type.name, childPath(path, u"name"), QStringLiteral("type"), seen);
            checkReference(type.label, childPath(path, u"label"));
        }
        checkReference(titles.breakingLabel, QStringLiteral("semantic-titles.breaking-label"));
    }

    void checkSizes()
    {
        const QList<SizeThreshold> &sizes = m_policy.sizes;
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < sizes.size(); ++i) {
            const SizeThreshold &size = sizes[i];
            const QString path = itemPath(QStringLiteral("sizes"), i);
            checkUnique(size.label, childPath(path, u"label"), QStringLiteral("size label"), seen);
            checkReference(size.label, childPath(path, u"label"));
            if (i == 0 && size.min != 0)
                m_d.error(childPath(path, u"min"),
                          QStringLiteral("the first size must start at 0 changed lines, got %1")
                              .arg(size.min));
            if (i > 0) {
                const SizeThreshold &previous = sizes[i - 1];
                if (!previous.max) {
                    m_d.error(childPath(itemPath(QStringLiteral("sizes"), i - 1), u"max"),
                              QStringLiteral("only the last size may leave out max"));
                } else if (size.min != *previous.max + 1) {
                    m_d.error(childPath(path, u"min"),
                              QStringLiteral("expected %1, right after the previous size's max "
                                             "(%2), so that every line count has one size; got %3")
                                  .arg(*previous.max + 1)
                                  .arg(*previous.max)
                                  .arg(size.min));
                }
            }
            if (size.max && *size.max < size.min)
                m_d.error(childPath(path, u"max"),
                          QStringLiteral("max (%1) is smaller than min (%2)")
                              .arg(*size.max)
                              .arg(size.min));
        }
    }

    void checkAreas()
    {
        for (qsizetype i = 0; i < m_policy.areas.size(); ++i) {
            const AreaRule &area = m_policy.areas[i];
            const QString path = itemPath(QStringLiteral("areas"), i);
            if (!area.isValid())
                m_d.error(childPath(path, u"paths"), area.errorString());
            checkReference(area.label(), childPath(path, u"label"));
        }
    }

    void checkRelease()
    {
        const ReleasePolicy &release = m_policy.release;
        const QString path = QStringLiteral("release");
        if (!release.tagTemplate.isEmpty() && !release.tagTemplate.contains(u"$RESOLVED_VERSION"))
            m_d.warning(childPath(path, u"tag-template"),
                        QStringLiteral("without $RESOLVED_VERSION every release gets the same "
                                       "tag"));
        if (!release.postReleaseComment.isEmpty() &&
            !release.postReleaseComment.contains(u"{version}"))
            m_d.warning(childPath(path, u"post-release-comment"),
                        QStringLiteral("the comment does not name the version ({version})"));
        for (qsizetype i = 0; i < release.categories.size(); ++i) {
            const auto &category = release.categories[i];
            const QString categoryPath = itemPath(childPath(path, u"categories"), i);
            if (category.labels.isEmpty())
                m_d.error(childPath(categoryPath, u"labels"),
                          QStringLiteral("expected at least one label for the category"));
            checkReferences(category.labels, childPath(categoryPath, u"labels"));
        }
        checkReferences(release.excludeLabels, childPath(path, u"exclude-labels"));
        const auto &resolver = release.versionResolver;
        const QString resolverPath = childPath(path, u"version-resolver");
        checkReferences(resolver.major, childPath(resolverPath, u"major"));
        checkReferences(resolver.minor, childPath(resolverPath, u"minor"));
        checkReferences(resolver.patch, childPath(resolverPath, u"patch"));
        checkReference(release.pendingReleaseLabel, childPath(path, u"pending-release-label"));
    }

    void checkReplies()
    {
        QHash<QString, QString> seen;
        for (qsizetype i = 0; i < m_policy.cannedReplies.size(); ++i) {
            const CannedReply &reply = m_policy.cannedReplies[i];
            const QString path = itemPath(QStringLiteral("replies"), i);
            if (reply.id.trimmed().isEmpty())
                m_d.error(childPath(path, u"id"), QStringLiteral("a reply needs an id"));
            else
                checkUnique(reply.id, childPath(path, u"id"), QStringLiteral("reply id"), seen);
            if (reply.body.trimmed().isEmpty())
                m_d.error(childPath(path, u"body"), QStringLiteral("a reply needs a body"));
        }
    }

    void checkGantt()
    {
        for (qsizetype i = 0; i < m_policy.ganttSections.size(); ++i) {
            const GanttSectionRule &rule = m_policy.ganttSections[i];
            const QString path = itemPath(QStringLiteral("gantt.sections"), i);
            if (!rule.job.isValid())
                m_d.error(childPath(path, u"job"),
                          QStringLiteral("not a valid regular expression: %1 (at character %2)")
                              .arg(rule.job.errorString())
                              .arg(rule.job.patternErrorOffset() + 1));
            if (rule.section.trimmed().isEmpty())
                m_d.error(childPath(path, u"section"),
                          QStringLiteral("a rule needs a section name"));
        }
    }

    const Policy &m_policy;
    Diagnostics &m_d;
    QHash<QString, QStringList> m_missingFromBase;
    QStringList m_sectionOrder;
};

} // namespace

PolicyLoadResult PolicyLoader::loadFile(const QString &path)
{
    return loadFile(path, Policy::defaultPolicy());
}

PolicyLoadResult PolicyLoader::loadFile(const QString &path, const Policy &base)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        PolicyDiagnostic diagnostic;
        diagnostic.file = path;
        diagnostic.message = QStringLiteral("cannot be read: %1").arg(file.errorString());
        return PolicyLoadResult(std::nullopt, {diagnostic});
    }
    return loadData(file.readAll(), path, base);
}

PolicyLoadResult PolicyLoader::loadData(const QByteArray &data, const QString &fileName,
                                        const Policy &base)
{
    Diagnostics diagnostics(fileName);
    diagnostics.setHasBase(!(base == Policy()));
    Policy policy = base;
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(data.toStdString());
        // A file with nothing but comments changes nothing.
        if (!documents.empty() && !documents.front().IsNull())
            Reader(diagnostics).readPolicy(documents.front(), policy);
        if (documents.size() > 1)
            diagnostics.warning(QString(),
                                QStringLiteral("only the first YAML document is read; the file "
                                               "has %1")
                                    .arg(documents.size()),
                                locationOf(documents[1]));
    } catch (const YAML::Exception &exception) {
        const Location where = exception.mark.is_null()
                                   ? Location()
                                   : Location{exception.mark.line + 1, exception.mark.column + 1};
        diagnostics.error(QString(), QStringLiteral("syntax error: %1").arg(fromStd(exception.msg)),
                          where);
    }
    if (!diagnostics.hasErrors())
        Validator(policy, diagnostics).run();
    if (diagnostics.hasErrors())
        return PolicyLoadResult(std::nullopt, diagnostics.diagnostics());
    return PolicyLoadResult(std::move(policy), diagnostics.diagnostics());
}

Policy PolicyLoader::loadOrDefault(const QString &path, QString *message)
{
    if (message)
        message->clear();
    if (path.isEmpty())
        return Policy::defaultPolicy();
    const PolicyLoadResult result = loadFile(path);
    if (message && !result.diagnostics().isEmpty()) {
        *message = result.errorString();
        if (!result.isOk())
            *message += QStringLiteral("\nThe built-in policy is used instead.");
    }
    return result.isOk() ? result.policy() : Policy::defaultPolicy();
}

QList<PolicyDiagnostic> PolicyLoader::validate(const Policy &policy)
{
    Diagnostics diagnostics{QString()};
    Validator(policy, diagnostics).run();
    return diagnostics.diagnostics();
}

} // namespace Mainstay
