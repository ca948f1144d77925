#include "labelcatalogrow.h"

#include "labelcatalog.h"

#include <QStringList>

namespace Mainstay {

LabelCatalogFix LabelCatalogRow::fix() const
{
    LabelCatalogFix fix;
    fix.usageCount = usageCount();
    if (has(Missing) && policy) {
        fix.action = LabelCatalogFix::Action::Create;
        fix.label.name = policy->name;
        // GitHub wants six hex digits without '#'; a hand-written policy may say "#D73A4A".
        fix.label.color = LabelCatalog::normalizedColour(policy->color);
        fix.label.description = policy->description;
        return fix;
    }
    if (has(Extra) && repository) {
        fix.action = LabelCatalogFix::Action::Delete;
        fix.oldName = repository->name;
        fix.label = *repository;
        return fix;
    }
    if (isOk() || !repository || !policy)
        return {};
    fix.action = LabelCatalogFix::Action::Update;
    fix.oldName = repository->name;
    // Keep the repository label's identity (id, default flag) and take the policy's wording; a
    // policy without a colour has no opinion on it, so the current one stays.
    fix.label = *repository;
    fix.label.name = policy->name;
    if (!policy->color.trimmed().isEmpty())
        fix.label.color = LabelCatalog::normalizedColour(policy->color);
    fix.label.description = policy->description;
    return fix;
}

QString LabelCatalogRow::statusText() const
{
    if (has(Missing))
        return QStringLiteral("Missing");
    if (has(Extra))
        return QStringLiteral("Extra");
    if (isOk())
        return QStringLiteral("OK");
    QStringList parts;
    if (has(ColourDiffers))
        parts.append(QStringLiteral("colour differs"));
    if (has(DescriptionDiffers))
        parts.append(QStringLiteral("description differs"));
    if (has(NameCaseDiffers))
        parts.append(QStringLiteral("name case differs"));
    QString text = parts.join(QStringLiteral(", "));
    text[0] = text.at(0).toUpper();
    return text;
}

} // namespace Mainstay
