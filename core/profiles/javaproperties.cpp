#include "profiles/javaproperties.h"

#include <QRegularExpression>
#include <QStringList>

namespace kafdesk {

namespace {

bool isPropertiesSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\f');
}

qsizetype skipSpace(const QString &s, qsizetype i)
{
    while (i < s.size() && isPropertiesSpace(s[i]))
        ++i;
    return i;
}

bool endsWithOddBackslashes(const QString &s)
{
    qsizetype count = 0;
    for (qsizetype i = s.size() - 1; i >= 0 && s[i] == QLatin1Char('\\'); --i)
        ++count;
    return count % 2 == 1;
}

// java.util.Properties' loadConvert; *malformed is set for a \u without four hex digits.
QString unescape(const QString &s, bool *malformed)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c != QLatin1Char('\\') || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        const QChar e = s[++i];
        if (e == QLatin1Char('u')) {
            static const QRegularExpression hex4(QStringLiteral("^[0-9A-Fa-f]{4}$"));
            const QString digits = s.mid(i + 1, 4);
            if (hex4.match(digits).hasMatch()) {
                out += QChar(digits.toUShort(nullptr, 16));
                i += 4;
                continue;
            }
            *malformed = true;
        }
        if (e == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (e == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (e == QLatin1Char('r'))
            out += QLatin1Char('\r');
        else if (e == QLatin1Char('f'))
            out += QLatin1Char('\f');
        else
            out += e;
    }
    return out;
}

JavaProperty splitEntry(const QString &line, int lineNumber)
{
    qsizetype i = 0;
    bool escaped = false;
    bool hasSeparator = false;
    for (; i < line.size(); ++i) {
        const QChar c = line[i];
        if (escaped) {
            escaped = false;
            continue;
        }
        if (c == QLatin1Char('\\')) {
            escaped = true;
        } else if (c == QLatin1Char('=') || c == QLatin1Char(':')) {
            hasSeparator = true;
            break;
        } else if (isPropertiesSpace(c)) {
            break;
        }
    }
    const QString key = line.left(i);
    qsizetype v = hasSeparator ? i + 1 : skipSpace(line, i);
    if (!hasSeparator && v < line.size() && (line[v] == QLatin1Char('=') || line[v] == QLatin1Char(':')))
        ++v;
    v = skipSpace(line, v);
    bool malformed = false;
    QString k = unescape(key, &malformed);
    QString value = unescape(line.mid(v), &malformed);
    return {std::move(k), std::move(value), lineNumber, malformed};
}

} // namespace

QList<JavaProperty> parseJavaProperties(const QString &text)
{
    static const QRegularExpression eol(QStringLiteral("\r\n|\r|\n"));
    const QStringList lines = text.split(eol);
    QList<JavaProperty> out;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const int start = static_cast<int>(n) + 1;
        QString logical = lines[n].mid(skipSpace(lines[n], 0));
        if (logical.isEmpty() || logical.startsWith(QLatin1Char('#')) || logical.startsWith(QLatin1Char('!')))
            continue;
        while (endsWithOddBackslashes(logical)) {
            logical.chop(1);
            if (++n >= lines.size())
                break;
            logical += lines[n].mid(skipSpace(lines[n], 0));
        }
        out << splitEntry(logical, start);
    }
    return out;
}

Result<JaasModule> parseJaasConfig(const QString &text)
{
    enum class Kind { Word, Quoted, Equals, Semicolon, End };
    struct Token {
        Kind kind;
        QString text;
    };
    qsizetype i = 0;
    bool unclosed = false;
    const auto next = [&]() -> Token {
        while (i < text.size() && text[i].isSpace())
            ++i;
        if (i >= text.size())
            return {Kind::End, {}};
        const QChar c = text[i];
        if (c == QLatin1Char('=') || c == QLatin1Char(';')) {
            ++i;
            return {c == QLatin1Char('=') ? Kind::Equals : Kind::Semicolon, QString(c)};
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            QString value;
            for (++i; i < text.size() && text[i] != c; ++i) {
                if (text[i] == QLatin1Char('\\') && i + 1 < text.size()) {
                    const QChar e = text[++i];
                    value += e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                             : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                             : e == QLatin1Char('r') ? QChar(QLatin1Char('\r'))
                                                     : e;
                } else {
                    value += text[i];
                }
            }
            unclosed = i >= text.size();
            ++i;
            return {Kind::Quoted, value};
        }
        const qsizetype begin = i;
        while (i < text.size() && !text[i].isSpace() && text[i] != QLatin1Char('=') && text[i] != QLatin1Char(';') &&
               text[i] != QLatin1Char('"') && text[i] != QLatin1Char('\''))
            ++i;
        return {Kind::Word, text.mid(begin, i - begin)};
    };

    JaasModule module;
    Token t = next();
    if (t.kind != Kind::Word)
        return failure(QStringLiteral("sasl.jaas.config does not start with a login module class name."));
    module.loginModule = t.text;
    t = next();
    static const QStringList flags = {QStringLiteral("required"), QStringLiteral("requisite"),
                                      QStringLiteral("sufficient"), QStringLiteral("optional")};
    if (t.kind != Kind::Word || !flags.contains(t.text.toLower()))
        return failure(QStringLiteral("In sasl.jaas.config, the login module class must be followed by required, "
                                      "requisite, sufficient or optional."));
    module.controlFlag = t.text.toLower();
    for (t = next(); t.kind == Kind::Word; t = next()) {
        const QString option = t.text;
        if (next().kind != Kind::Equals)
            // Not named: a word without "=" may be a stray password.
            return failure(QStringLiteral("In sasl.jaas.config, a word after the control flag is not an option of "
                                          "the form name=value."));
        const Token value = next();
        if (value.kind != Kind::Word && value.kind != Kind::Quoted)
            return failure(QStringLiteral("In sasl.jaas.config, the option %1 has no value.").arg(option));
        if (unclosed)
            return failure(QStringLiteral("In sasl.jaas.config, the quoted value of %1 is not closed.").arg(option));
        module.options.insert(option, value.text);
    }
    if (t.kind != Kind::Semicolon && t.kind != Kind::End)
        return failure(QStringLiteral("sasl.jaas.config has something unexpected after its options; it should end "
                                      "with a semicolon."));
    return module;
}

} // namespace kafdesk
