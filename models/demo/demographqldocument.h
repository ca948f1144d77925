#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <utility>

namespace Mainstay {

// A GraphQL executable document as the demo backend needs to read it: operations with their
// variable definitions, fields with aliases and arguments, named fragments, fragment spreads and
// inline fragments. Directives are parsed and kept by name only. Not a validator: the client's
// documents are checked against GitHub's real schema elsewhere; this only has to understand
// well-formed documents and say where a malformed one stops making sense.
struct DemoGraphQLDocument
{
    struct Value
    {
        enum class Kind
        {
            Null,
            Int,
            Float,
            String,
            Boolean,
            Enum,
            Variable,
            List,
            Object
        };
        Kind kind = Kind::Null;
        QString text; // Int/Float as written, String unescaped, Enum and Variable names
        bool boolean = false;
        QList<Value> list;
        QList<std::pair<QString, Value>> fields;
    };

    struct Selection
    {
        enum class Kind
        {
            Field,
            FragmentSpread,
            InlineFragment
        };
        Kind kind = Kind::Field;
        QString alias;
        QString name;          // the field, or the spread fragment's name
        QString typeCondition; // inline fragments; empty for "... { }"
        QList<std::pair<QString, Value>> arguments;
        QStringList directives;
        QList<Selection> selections;
        int line = 0;
        int column = 0;

        QString responseKey() const { return alias.isEmpty() ? name : alias; }
        const Value *argument(const QString &argumentName) const;
    };

    struct VariableDefinition
    {
        QString name;
        QString type; // as written, e.g. "String!", "[Int!]"
        bool hasDefault = false;
        Value defaultValue;
    };

    struct Operation
    {
        QString type = QStringLiteral("query"); // query, mutation, subscription
        QString name;
        QList<VariableDefinition> variables;
        QList<Selection> selections;
    };

    struct Fragment
    {
        QString typeCondition;
        QList<Selection> selections;
    };

    QList<Operation> operations;
    QHash<QString, Fragment> fragments;
    QString error; // the first syntax error, e.g. "Parse error on \"}\" at [3, 5]"

    bool isValid() const { return error.isEmpty(); }
    static DemoGraphQLDocument parse(const QString &text);
};

} // namespace Mainstay
