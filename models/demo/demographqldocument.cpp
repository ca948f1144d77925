#include "demographqldocument.h"

using namespace Qt::StringLiterals;

namespace Mainstay {

namespace {

using Value = DemoGraphQLDocument::Value;
using Selection = DemoGraphQLDocument::Selection;

struct Token
{
    enum class Kind
    {
        End,
        Punctuator, // ! $ ( ) ... : = @ [ ] { | } & as `text`
        Name,
        Int,
        Float,
        String
    };
    Kind kind = Kind::End;
    QString text;
    int line = 1;
    int column = 1;
};

// Recursive descent over the grammar of the GraphQL spec's executable documents. Errors throw
// nothing: the first one is recorded and every later step gives up quickly.
class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {
        advance();
    }

    DemoGraphQLDocument document()
    {
        DemoGraphQLDocument out;
        while (ok() && m_token.kind != Token::Kind::End) {
            if (isPunctuator(u"{"_s)) {
                DemoGraphQLDocument::Operation operation;
                operation.selections = selectionSet();
                out.operations.append(std::move(operation));
            } else if (m_token.kind == Token::Kind::Name && m_token.text == "fragment"_L1) {
                advance();
                const QString name = expectName();
                if (ok() && name == "on"_L1)
                    fail();
                expectKeyword(u"on"_s);
                DemoGraphQLDocument::Fragment fragment;
                fragment.typeCondition = expectName();
                directives();
                fragment.selections = selectionSet();
                if (ok() && out.fragments.contains(name))
                    m_error = u"There can be only one fragment named \"%1\""_s.arg(name);
                out.fragments.insert(name, std::move(fragment));
            } else if (m_token.kind == Token::Kind::Name &&
                       (m_token.text == "query"_L1 || m_token.text == "mutation"_L1 ||
                        m_token.text == "subscription"_L1)) {
                DemoGraphQLDocument::Operation operation;
                operation.type = m_token.text;
                advance();
                if (m_token.kind == Token::Kind::Name)
                    operation.name = expectName();
                if (isPunctuator(u"("_s))
                    operation.variables = variableDefinitions();
                directives();
                operation.selections = selectionSet();
                out.operations.append(std::move(operation));
            } else {
                fail();
            }
        }
        if (ok() && out.operations.isEmpty())
            m_error = u"The document has no operation"_s;
        out.error = m_error;
        if (!ok()) {
            out.operations.clear();
            out.fragments.clear();
        }
        return out;
    }

private:
    bool ok() const { return m_error.isEmpty(); }

    void fail()
    {
        if (!ok())
            return;
        const QString what =
            m_token.kind == Token::Kind::End ? u"end of file"_s : u"\"%1\""_s.arg(m_token.text);
        m_error =
            u"Parse error on %1 at [%2, %3]"_s.arg(what).arg(m_token.line).arg(m_token.column);
    }

    bool isPunctuator(const QString &text) const
    {
        return m_token.kind == Token::Kind::Punctuator && m_token.text == text;
    }

    void expectPunctuator(const QString &text)
    {
        if (isPunctuator(text))
            advance();
        else
            fail();
    }

    void expectKeyword(const QString &word)
    {
        if (m_token.kind == Token::Kind::Name && m_token.text == word)
            advance();
        else
            fail();
    }

    QString expectName()
    {
        if (!ok() || m_token.kind != Token::Kind::Name) {
            fail();
            return {};
        }
        QString name = m_token.text;
        advance();
        return name;
    }

    QList<DemoGraphQLDocument::VariableDefinition> variableDefinitions()
    {
        QList<DemoGraphQLDocument::VariableDefinition> out;
        expectPunctuator(u"("_s);
        while (ok() && !isPunctuator(u")"_s)) {
            DemoGraphQLDocument::VariableDefinition definition;
            expectPunctuator(u"$"_s);
            definition.name = expectName();
            expectPunctuator(u":"_s);
            definition.type = type();
            if (isPunctuator(u"="_s)) {
                advance();
                definition.hasDefault = true;
                definition.defaultValue = value(true);
            }
            directives();
            out.append(std::move(definition));
        }
        expectPunctuator(u")"_s);
        if (ok() && out.isEmpty())
            fail();
        return out;
    }

    QString type()
    {
        QString text;
        if (isPunctuator(u"["_s)) {
            advance();
            text = u'[' + type();
            expectPunctuator(u"]"_s);
            text += u']';
        } else {
            text = expectName();
        }
        if (isPunctuator(u"!"_s)) {
            advance();
            text += u'!';
        }
        return text;
    }

    QStringList directives()
    {
        QStringList names;
        while (ok() && isPunctuator(u"@"_s)) {
            advance();
            names.append(expectName());
            if (isPunctuator(u"("_s))
                arguments();
        }
        return names;
    }

    QList<std::pair<QString, Value>> arguments()
    {
        QList<std::pair<QString, Value>> out;
        expectPunctuator(u"("_s);
        while (ok() && !isPunctuator(u")"_s)) {
            QString name = expectName();
            expectPunctuator(u":"_s);
            out.append({std::move(name), value(false)});
        }
        expectPunctuator(u")"_s);
        if (ok() && out.isEmpty())
            fail();
        return out;
    }

    Value value(bool isConstant)
    {
        Value out;
        if (!ok())
            return out;
        switch (m_token.kind) {
        case Token::Kind::Int:
            out.kind = Value::Kind::Int;
            out.text = m_token.text;
            advance();
            return out;
        case Token::Kind::Float:
            out.kind = Value::Kind::Float;
            out.text = m_token.text;
            advance();
            return out;
        case Token::Kind::String:
            out.kind = Value::Kind::String;
            out.text = m_token.text;
            advance();
            return out;
        case Token::Kind::Name:
            if (m_token.text == "true"_L1 || m_token.text == "false"_L1) {
                out.kind = Value::Kind::Boolean;
                out.boolean = m_token.text == "true"_L1;
            } else if (m_token.text == "null"_L1) {
                out.kind = Value::Kind::Null;
            } else {
                out.kind = Value::Kind::Enum;
                out.text = m_token.text;
            }
            advance();
            return out;
        case Token::Kind::Punctuator:
            if (isPunctuator(u"$"_s) && !isConstant) {
                advance();
                out.kind = Value::Kind::Variable;
                out.text = expectName();
                return out;
            }
            if (isPunctuator(u"["_s)) {
                advance();
                out.kind = Value::Kind::List;
                while (ok() && !isPunctuator(u"]"_s))
                    out.list.append(value(isConstant));
                expectPunctuator(u"]"_s);
                return out;
            }
            if (isPunctuator(u"{"_s)) {
                advance();
                out.kind = Value::Kind::Object;
                while (ok() && !isPunctuator(u"}"_s)) {
                    QString name = expectName();
                    expectPunctuator(u":"_s);
                    out.fields.append({std::move(name), value(isConstant)});
                }
                expectPunctuator(u"}"_s);
                return out;
            }
            break;
        case Token::Kind::End:
            break;
        }
        fail();
        return out;
    }

    QList<Selection> selectionSet()
    {
        QList<Selection> out;
        expectPunctuator(u"{"_s);
        while (ok() && !isPunctuator(u"}"_s)) {
            Selection selection;
            selection.line = m_token.line;
            selection.column = m_token.column;
            if (isPunctuator(u"..."_s)) {
                advance();
                if (m_token.kind == Token::Kind::Name && m_token.text != "on"_L1) {
                    selection.kind = Selection::Kind::FragmentSpread;
                    selection.name = expectName();
                    selection.directives = directives();
                } else {
                    selection.kind = Selection::Kind::InlineFragment;
                    if (m_token.kind == Token::Kind::Name) {
                        advance(); // "on"
                        selection.typeCondition = expectName();
                    }
                    selection.directives = directives();
                    selection.selections = selectionSet();
                }
            } else {
                selection.name = expectName();
                if (isPunctuator(u":"_s)) {
                    advance();
                    selection.alias = selection.name;
                    selection.name = expectName();
                }
                if (isPunctuator(u"("_s))
                    selection.arguments = arguments();
                selection.directives = directives();
                if (isPunctuator(u"{"_s))
                    selection.selections = selectionSet();
            }
            out.append(std::move(selection));
        }
        expectPunctuator(u"}"_s);
        if (ok() && out.isEmpty())
            fail();
        return out;
    }

    // ---- lexer

    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_text.size() ? m_text.at(m_pos + offset) : QChar();
    }

    void step()
    {
        if (peek() == u'\n') {
            ++m_line;
            m_lineStart = m_pos + 1;
        }
        ++m_pos;
    }

    static bool isNameStart(QChar c)
    {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
    }
    static bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }

    void advance()
    {
        if (!ok()) {
            m_token = Token{};
            return;
        }
        // Ignored tokens: white space, line terminators, commas, comments, a byte order mark.
        while (m_pos < m_text.size()) {
            const QChar c = peek();
            if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u',' ||
                c == QChar(0xfeff)) {
                step();
            } else if (c == u'#') {
                while (m_pos < m_text.size() && peek() != u'\n' && peek() != u'\r')
                    step();
            } else {
                break;
            }
        }
        m_token = Token{};
        m_token.line = m_line;
        m_token.column = int(m_pos - m_lineStart) + 1;
        if (m_pos >= m_text.size())
            return;

        const QChar c = peek();
        const qsizetype start = m_pos;
        if (isNameStart(c)) {
            while (isNameStart(peek()) || isDigit(peek()))
                step();
            m_token.kind = Token::Kind::Name;
            m_token.text = m_text.mid(start, m_pos - start);
            return;
        }
        if (isDigit(c) || c == u'-') {
            step();
            bool isFloat = false;
            while (isDigit(peek()))
                step();
            if (peek() == u'.' && isDigit(peek(1))) {
                isFloat = true;
                step();
                while (isDigit(peek()))
                    step();
            }
            if (peek() == u'e' || peek() == u'E') {
                isFloat = true;
                step();
                if (peek() == u'+' || peek() == u'-')
                    step();
                while (isDigit(peek()))
                    step();
            }
            m_token.kind = isFloat ? Token::Kind::Float : Token::Kind::Int;
            m_token.text = m_text.mid(start, m_pos - start);
            if (m_token.text == "-"_L1 || isNameStart(peek()))
                fail();
            return;
        }
        if (c == u'"') {
            string();
            return;
        }
        if (c == u'.' && peek(1) == u'.' && peek(2) == u'.') {
            m_pos += 3;
            m_token.kind = Token::Kind::Punctuator;
            m_token.text = u"..."_s;
            return;
        }
        static const QString punctuators = u"!$()&:=@[]{}|"_s;
        m_token.kind = Token::Kind::Punctuator;
        m_token.text = QString(c);
        step();
        if (!punctuators.contains(c))
            fail();
    }

    // "..." with the spec's escapes; block strings are not needed by any client document.
    void string()
    {
        step(); // opening quote
        QString text;
        while (m_pos < m_text.size() && peek() != u'"' && peek() != u'\n') {
            QChar c = peek();
            step();
            if (c != u'\\') {
                text += c;
                continue;
            }
            const QChar escaped = peek();
            step();
            switch (escaped.unicode()) {
            case u'n':
                text += u'\n';
                break;
            case u't':
                text += u'\t';
                break;
            case u'r':
                text += u'\r';
                break;
            case u'b':
                text += u'\b';
                break;
            case u'f':
                text += u'\f';
                break;
            case u'u': {
                bool ok = false;
                const ushort code = m_text.mid(m_pos, 4).toUShort(&ok, 16);
                if (!ok) {
                    fail();
                    return;
                }
                text += QChar(code);
                for (int i = 0; i < 4; ++i)
                    step();
            } break;
            default:
                text += escaped; // \" \\ \/
            }
        }
        if (peek() != u'"') {
            m_token.kind = Token::Kind::String;
            m_token.text = u'"' + text;
            fail();
            return;
        }
        step();
        m_token.kind = Token::Kind::String;
        m_token.text = text;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    Token m_token;
    QString m_error;
};

} // namespace

const DemoGraphQLDocument::Value *
DemoGraphQLDocument::Selection::argument(const QString &argumentName) const
{
    for (const auto &[name, value] : arguments)
        if (name == argumentName)
            return &value;
    return nullptr;
}

DemoGraphQLDocument DemoGraphQLDocument::parse(const QString &text)
{
    return Parser(text).document();
}

} // namespace Mainstay
