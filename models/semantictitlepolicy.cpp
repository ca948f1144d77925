#include "semantictitlepolicy.h"

namespace Mainstay {

SemanticTitle SemanticTitlePolicy::parse(QStringView title) const
{
    SemanticTitle result;
    const qsizetype colon = title.indexOf(u':');
    if (colon <= 0) {
        result.problem = QStringLiteral("expected `type: description` or "
                                        "`type(scope): description`, e.g. `feat(logger): …`");
        return result;
    }
    QStringView header = title.left(colon);
    if (header.endsWith(u'!')) {
        result.breaking = true;
        header.chop(1);
    }
    if (header.endsWith(u')')) {
        const qsizetype open = header.indexOf(u'(');
        if (open < 0) {
            result.problem = QStringLiteral("the scope has a `)` but no `(`");
            return result;
        }
        const QStringView scope = header.mid(open + 1, header.size() - open - 2);
        if (scope.trimmed().isEmpty()) {
            result.problem = QStringLiteral("the scope between the parentheses is empty");
            return result;
        }
        if (scope.contains(u'(') || scope.contains(u')')) {
            result.problem = QStringLiteral("the scope may not contain parentheses");
            return result;
        }
        result.scope = scope.toString();
        header = header.left(open);
    }
    result.type = header.toString();
    if (result.type.isEmpty() || result.type.contains(u' ') || result.type.contains(u'(')) {
        result.problem = QStringLiteral("expected the type right at the start, e.g. `fix: …`");
        result.type.clear();
        return result;
    }
    if (!type(result.type)) {
        result.problem = QStringLiteral("unknown type `%1`; use one of: %2")
                             .arg(result.type, typeNames().join(QStringLiteral(", ")));
        return result;
    }
    if (result.scope.isEmpty() && requireScope) {
        result.problem = QStringLiteral("a scope is required, e.g. `%1(area): …`").arg(result.type);
        return result;
    }
    if (!result.scope.isEmpty() && !scopes.isEmpty()) {
        const QStringList parts = result.scope.split(u',');
        for (const QString &part : parts) {
            if (!scopes.contains(part.trimmed())) {
                result.problem = QStringLiteral("unknown scope `%1`; use one of: %2")
                                     .arg(part.trimmed(), scopes.join(QStringLiteral(", ")));
                return result;
            }
        }
    }
    const QStringView rest = title.mid(colon + 1);
    if (!rest.startsWith(u' ') || rest.trimmed().isEmpty()) {
        result.problem = QStringLiteral("expected a space and a description after the colon");
        return result;
    }
    result.subject = rest.trimmed().toString();
    return result;
}

const SemanticTitlePolicy::Type *SemanticTitlePolicy::type(QStringView name) const
{
    for (const Type &candidate : types)
        if (candidate.name == name)
            return &candidate;
    return nullptr;
}

QString SemanticTitlePolicy::labelForType(QStringView name) const
{
    const Type *found = type(name);
    return found ? found->label : QString();
}

QStringList SemanticTitlePolicy::labelsFor(QStringView title) const
{
    const SemanticTitle parsed = parse(title);
    QStringList labels;
    if (!parsed.isValid())
        return labels;
    const QString typeLabel = labelForType(parsed.type);
    if (!typeLabel.isEmpty())
        labels.append(typeLabel);
    if (parsed.breaking && !breakingLabel.isEmpty())
        labels.append(breakingLabel);
    return labels;
}

QStringList SemanticTitlePolicy::typeNames() const
{
    QStringList names;
    names.reserve(types.size());
    for (const Type &candidate : types)
        names.append(candidate.name);
    return names;
}

} // namespace Mainstay
